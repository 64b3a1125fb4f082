"""Griffe extensions that let mkdocstrings show transcribe_kit as its users see it.

Listed in ``mkdocs.yml`` in the order they must run, each once the package is loaded:

- :class:`FieldComments`: a ``#:`` comment above an attribute is its docstring (as in
  Sphinx's autodoc), which is how the shapes and policies document their fields;
- :class:`Constructors`: attrs classes and msgspec structs get the ``__init__`` their
  library generates, so that a class shows its constructor's signature with each field's
  type and default; a shape's field also says its wire name and the model's constraints;
- :class:`EnumMembers`: an enum lists its members and their values in one table;
- :class:`PytestFixtures`: a pytest fixture is labelled as one;
- :class:`SphinxRoles`: ``:class:`~transcribe_kit.X``` and the other roles become
  autorefs cross-references, resolved against the package's public modules (and the
  ``::`` that opens a literal block reads as Sphinx shows it).

The docstrings in the source stay as they are.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import griffe
import msgspec

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))  # its siblings, as mkdocs does for hooks
from sphinx_roles import EXTERNAL, Resolution, rewrite_literal_markers, rewrite_roles

_logger = griffe.get_logger("transcribe_kit.docs")

PACKAGE = "transcribe_kit"

# Where a short name in a docstring is looked up when its own class and module do not
# define it: the public modules, the package itself first.
PUBLIC_SCOPES = (
    PACKAGE,
    f"{PACKAGE}.events",
    f"{PACKAGE}.rate_limiting",
    f"{PACKAGE}.testing",
    f"{PACKAGE}.transcript",
    f"{PACKAGE}.config",
    f"{PACKAGE}.waiters",
    f"{PACKAGE}.retry",
    f"{PACKAGE}.paginators",
    f"{PACKAGE}.errors",
    f"{PACKAGE}.shapes",
)

# The metadata keys of a shape's field (transcribe_kit/shapes/_base.py).
_WIRE_NAME = "transcribe_kit.wire_name"
_CONSTRAINTS = "transcribe_kit.constraints"


def _objects(root: griffe.Object) -> Iterator[griffe.Object]:
    """``root`` and every object defined under it (aliases, that is imports, left out)."""
    yield root
    for member in list(root.members.values()):
        if not member.is_alias:
            yield from _objects(member)  # type: ignore[arg-type]


def _runtime(obj: griffe.Object) -> Any:
    """The live object for ``obj``, or None where it cannot be imported."""
    try:
        found: Any = importlib.import_module(obj.module.path)
    except Exception:
        return None
    for part in obj.path[len(obj.module.path) :].split(".")[1:]:
        found = getattr(found, part, None)
    return found


def _set_docstring(obj: griffe.Object, text: str) -> None:
    old = obj.docstring
    obj.docstring = griffe.Docstring(
        text,
        lineno=old.lineno if old else None,
        endlineno=old.endlineno if old else None,
        parent=obj,
        parser=old.parser if old else None,
        parser_options=old.parser_options if old else None,
    )


class FieldComments(griffe.Extension):
    """A ``#:`` comment block right above an attribute becomes its docstring."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Give every attribute without a docstring the ``#:`` comment above it."""
        for obj in _objects(pkg):
            if obj.is_attribute and obj.docstring is None and obj.lineno and obj.filepath:
                comment = self.comment_above(obj)
                if comment:
                    obj.docstring = griffe.Docstring(comment, lineno=obj.lineno, parent=obj)

    @staticmethod
    def comment_above(obj: griffe.Object) -> str:
        """The text of the ``#:`` lines just above ``obj``'s first line."""
        lines = obj.lines_collection[obj.filepath]  # type: ignore[index]
        found: list[str] = []
        index = obj.lineno - 2  # type: ignore[operator]
        while index >= 0 and lines[index].lstrip().startswith("#:"):
            found.append(lines[index].lstrip()[2:].strip())
            index -= 1
        return "\n".join(reversed(found))


def _field_call(value: object) -> griffe.ExprCall | None:
    """``value`` if it is a call of ``attrs.field`` (``field``, ``attr.ib``), else None."""
    if isinstance(value, griffe.ExprCall):
        name = str(value.function).rsplit(".", 1)[-1]
        if name in {"field", "ib", "attrib"}:
            return value
    return None


def _keyword(call: griffe.ExprCall, name: str) -> Any:
    for argument in call.arguments:
        if isinstance(argument, griffe.ExprKeyword) and argument.name == name:
            return argument.value
    return None


def _attrs_default(source: object, field: attrs.Attribute[Any]) -> Any:
    """How the default of an attrs field reads, from its value in the source.

    ``source`` is the field's value as Griffe read it: the default itself, or a
    ``field(...)`` call whose ``default=`` or ``factory=`` gives it. None: no default.
    """
    if field.default is attrs.NOTHING:
        return None
    call = _field_call(source)
    default: Any = _keyword(call, "default") if call else source
    factory: Any = _keyword(call, "factory") if call else None
    if isinstance(default, griffe.ExprCall) and str(default.function).endswith("Factory"):
        default, factory = None, next(iter(default.arguments), None)  # Factory(list)
    if default is not None:
        return default
    if isinstance(factory, griffe.ExprLambda) and not factory.parameters:
        return factory.body  # factory=lambda: PUBLISHED_RATE_LIMITS reads as its value
    if factory is not None and not isinstance(factory, griffe.ExprLambda):
        return griffe.ExprCall(function=factory, arguments=[])  # factory=dict: dict()
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        return repr(field.default.factory())  # type: ignore[union-attr]
    return repr(field.default)


def _wire_note(field: attrs.Attribute[Any]) -> str:
    """A shape field's wire name and the model's constraints on it, in one line."""
    wire = field.metadata.get(_WIRE_NAME)
    if wire is None:
        return ""
    parts = [f"Wire name `{wire}`"]
    limits = field.metadata.get(_CONSTRAINTS)
    if limits is not None:
        if limits.min_length is not None or limits.max_length is not None:
            parts.append(f"length {_range(limits.min_length, limits.max_length)}")
        if limits.minimum is not None or limits.maximum is not None:
            parts.append(f"value {_range(limits.minimum, limits.maximum)}")
        if limits.pattern is not None:
            parts.append(f"pattern `{limits.pattern}`")
    return "; ".join(parts) + "."


def _range(low: float | None, high: float | None) -> str:
    if low is None:
        return f"at most {high:g}"
    if high is None:
        return f"at least {low:g}"
    return f"{low:g} to {high:g}"


class Constructors(griffe.Extension):
    """attrs classes and msgspec structs get their generated ``__init__``.

    The parameters are the live class's (names, order, kinds, which have a default); each
    one's type is the field's annotation as Griffe read it (so it links), and its default
    reads as the source spells it (``None``, ``LanguageCode.EN_US``, ``dict()``). An attrs
    field's own entry shows that default too, instead of the ``field(...)`` call, and a
    shape's field says its wire name and the model's constraints.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Add ``__init__`` to every attrs class and msgspec struct of the package."""
        for obj in _objects(pkg):
            if isinstance(obj, griffe.Class) and "__init__" not in obj.members:
                runtime = _runtime(obj)
                if inspect.isclass(runtime) and (
                    attrs.has(runtime) or issubclass(runtime, msgspec.Struct)
                ):
                    self.add_init(obj, runtime)

    def add_init(self, cls: griffe.Class, runtime: type) -> None:
        """Give ``cls`` the ``__init__`` of ``runtime``, its live class."""
        try:
            signature = inspect.signature(runtime)
        except (TypeError, ValueError):
            return
        fields = {f.alias or f.name: f for f in attrs.fields(runtime)} if attrs.has(runtime) else {}
        parameters = [griffe.Parameter("self", kind=griffe.ParameterKind("positional or keyword"))]
        for parameter in signature.parameters.values():
            field = fields.get(parameter.name)
            member = cls.all_members.get(field.name if field is not None else parameter.name)
            attribute = member if isinstance(member, griffe.Attribute) else None
            source = attribute.value if attribute is not None else None
            if field is not None:
                default = _attrs_default(source, field)
                if attribute is not None and attribute.parent is cls:
                    self.describe_field(attribute, field, default)
            elif parameter.default is inspect.Parameter.empty:
                default = None
            else:
                default = source if source is not None else repr(parameter.default)
            annotation = attribute.annotation if attribute is not None else None
            if annotation is None and parameter.annotation is not inspect.Parameter.empty:
                annotation = str(parameter.annotation)
            parameters.append(
                griffe.Parameter(
                    parameter.name,
                    annotation=annotation,
                    kind=griffe.ParameterKind(parameter.kind.description),
                    default=default,
                    docstring=attribute.docstring if attribute is not None else None,
                )
            )
        init = griffe.Function(
            "__init__",
            lineno=cls.lineno,
            endlineno=cls.lineno,
            parent=cls,
            parameters=griffe.Parameters(*parameters),
            returns="None",
        )
        cls.set_member("__init__", init)

    @staticmethod
    def describe_field(
        attribute: griffe.Attribute, field: attrs.Attribute[Any], default: Any
    ) -> None:
        """Show an attrs field with its default (not its ``field(...)``) and wire name."""
        attribute.value = default
        attribute.labels.discard("class-attribute")  # a field: on instances only
        note = _wire_note(field)
        if note:
            text = attribute.docstring.value if attribute.docstring else ""
            _set_docstring(attribute, f"{text}\n\n{note}".strip())


class EnumMembers(griffe.Extension):
    """An enum's docstring ends with a table of its members and their values.

    The members themselves are dropped from the documented members: one table reads
    better than a heading for each of ``LanguageCode``'s hundred and more values.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Turn the members of every enum of the package into a table."""
        for obj in _objects(pkg):
            if not obj.is_class:
                continue
            runtime = _runtime(obj)
            if inspect.isclass(runtime) and issubclass(runtime, enum.Enum) and runtime.__members__:
                rows = [
                    f"| `{name}` | `{member.value!r}` |"
                    for name, member in runtime.__members__.items()
                ]
                table = "\n".join(["| Member | Value |", "| --- | --- |", *rows])
                text = obj.docstring.value if obj.docstring else ""
                _set_docstring(obj, f"{text}\n\n{table}".strip())
                for name in runtime.__members__:
                    if name in obj.members:
                        obj.del_member(name)


class PytestFixtures(griffe.Extension):
    """A function decorated as a pytest fixture carries the label ``fixture``."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Label every fixture of the package."""
        for obj in _objects(pkg):
            if isinstance(obj, griffe.Function) and any(
                str(decorator.value).split("(")[0].endswith(("pytest.fixture", "asyncio.fixture"))
                for decorator in obj.decorators
            ):
                obj.labels.add("fixture")


class SphinxRoles(griffe.Extension):
    """Sphinx roles in docstrings become autorefs cross-references.

    A target is looked up as Sphinx would: a dotted path from the package, else a name in
    the docstring's own class, its module, then the public modules (``TranscribeClient``
    in any docstring means ``transcribe_kit.TranscribeClient``). It links to the object's
    canonical path, which mkdocstrings registers for every path it is documented under.
    A target outside the package (``asyncio.sleep``) is shown as code. A target found
    nowhere stays a reference to itself, so that the strict build fails on the page that
    shows it.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the roles of every docstring of the package."""
        if pkg.path != PACKAGE:
            return
        collection = pkg.modules_collection
        heirs = public_heirs(collection)
        for obj in _objects(pkg):
            if obj.docstring is None or ":" not in obj.docstring.value:
                continue

            def resolve_here(target: str, role: str, owner: griffe.Object = obj) -> Resolution:
                return resolve(collection, heirs, owner, target)

            text, unresolved = rewrite_roles(
                rewrite_literal_markers(obj.docstring.value), resolve_here
            )
            for role in unresolved:
                _logger.debug("%s: no object for :%s:`%s`", obj.path, role.role, role.target)
            _set_docstring(obj, text)


def public_heirs(collection: griffe.ModulesCollection) -> dict[str, list[griffe.Object]]:
    """For each private class, the public classes that inherit from it.

    A method written in a private base (``ServiceLayerMethods``) is documented as a member
    of the public class (``TranscribeClient``): names in its docstring are looked up there
    first, where the public class's own members override the base's.
    """
    public: list[griffe.Object] = []
    for path in PUBLIC_SCOPES:
        for member in collection[path].members.values() if path in collection else ():
            try:
                target = member.final_target if member.is_alias else member
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                continue
            if target.is_class and member.is_public and target not in public:
                public.append(target)
    heirs: dict[str, list[griffe.Object]] = {}
    for cls in public:
        for base in cls.mro():  # type: ignore[attr-defined]
            if base not in public:
                heirs.setdefault(base.canonical_path, []).append(cls)
    return heirs


def resolve(
    collection: griffe.ModulesCollection,
    heirs: dict[str, list[griffe.Object]],
    owner: griffe.Object,
    target: str,
) -> Resolution:
    """The identifier ``target`` refers to in a docstring of ``owner``."""
    if target == PACKAGE:
        return PACKAGE
    first, _, rest = target.partition(".")
    scopes: list[griffe.Object] = []
    node: griffe.Object | None = owner
    while node is not None:  # the object itself, its classes (public heirs first), its module
        if node.is_class:
            scopes.extend(heirs.get(node.canonical_path, ()))
        if node.is_class or node.is_module:
            scopes.append(node)
        node = node.parent
    scopes.extend(collection[path] for path in PUBLIC_SCOPES if path in collection)
    if first == PACKAGE:
        scopes = [collection[PACKAGE]]
        first, _, rest = rest.partition(".")
    for scope in scopes:
        members = scope.all_members if scope.is_class else scope.members
        found = members.get(first)
        if found is None:
            continue
        try:
            if rest:
                found = found[rest]
            return str(found.canonical_path)
        except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            target_path = getattr(found, "target_path", "")
            if target_path and not target_path.startswith(PACKAGE):
                return EXTERNAL  # imported from another package: asyncio, attrs, ...
            continue
    if importlib.util.find_spec(first) is not None:
        return EXTERNAL
    return None
