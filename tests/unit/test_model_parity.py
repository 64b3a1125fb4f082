"""The shapes, enums, errors, rules and client methods match the Transcribe service model.

Each check runs against two models: the installed botocore's and the newer one the
package ships. For every structure, enum and operation a model has, the package has the
same members, types, constraints and values; and the package has no class or operation
that the bundled model lacks (the installed one may be older). After a botocore upgrade
the failing cases name each gap.
"""

from __future__ import annotations

import inspect
import typing
from typing import Any

import attrs
import pytest
from botocore import xform_name
from botocore.model import Shape

import transcribe_kit.shapes
from tests._model import (
    BUNDLED,
    MODEL_NAMES,
    class_for,
    empty_output_operations,
    enum_class,
    enums,
    error_shapes,
    fields_by_wire_name,
    full_wire_value,
    model,
    python_type,
    shape_class,
    strip_optional,
    structures,
)
from transcribe_kit._client import TranscribeClient
from transcribe_kit._converter import from_wire
from transcribe_kit._validation import RULES
from transcribe_kit.errors import ERRORS_BY_CODE, ServiceError
from transcribe_kit.shapes._base import Constraints, OpenEnum, constraints


def _cases(shapes_of: Any) -> list[Any]:
    return [
        pytest.param(name, shape, id=f"{name}-{shape.name}")
        for name in MODEL_NAMES
        for shape in shapes_of(model(name))
    ]


STRUCTURES = _cases(structures)
ENUMS = _cases(enums)
ERROR_SHAPES = _cases(error_shapes)
OPERATIONS = [
    pytest.param(name, op, id=f"{name}-{op}")
    for name in MODEL_NAMES
    for op in model(name).operation_names
]


def _expected_constraints(member: Shape) -> Constraints:
    meta = member.metadata
    if member.type_name in ("integer", "long", "float", "double"):
        return Constraints(minimum=meta.get("min"), maximum=meta.get("max"))
    return Constraints(
        min_length=meta.get("min"), max_length=meta.get("max"), pattern=meta.get("pattern")
    )


# Structures


@pytest.mark.parametrize(("model_name", "shape"), STRUCTURES)
def test_structure_has_a_class(model_name: str, shape: Shape) -> None:
    cls = shape_class(shape.name)
    assert cls is not None, f"{shape.name} has no class in transcribe_kit.shapes"
    assert attrs.has(cls), f"{shape.name} is not an attrs class"


@pytest.mark.parametrize(("model_name", "shape"), STRUCTURES)
def test_structure_members_are_fields(model_name: str, shape: Shape) -> None:
    fields = fields_by_wire_name(class_for(shape))
    missing = sorted(set(shape.members) - set(fields))
    assert not missing, f"{shape.name} lacks the members {missing}"


@pytest.mark.parametrize(("model_name", "shape"), STRUCTURES)
def test_required_members_have_no_default(model_name: str, shape: Shape) -> None:
    fields = fields_by_wire_name(class_for(shape))
    gaps = []
    for name in shape.members:
        required = name in shape.required_members
        default = fields[name].default if name in fields else None
        if (default is not attrs.NOTHING) if required else (default is not None):
            said = "required" if required else "optional"
            gaps.append(f"{shape.name}.{name}: model says {said}, field default is {default!r}")
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize(("model_name", "shape"), STRUCTURES)
def test_member_types_match(model_name: str, shape: Shape) -> None:
    cls = class_for(shape)
    hints = typing.get_type_hints(cls)
    fields = fields_by_wire_name(cls)
    gaps = []
    for name, member in shape.members.items():
        if name not in fields:
            continue
        annotation, optional = strip_optional(hints[fields[name].name])
        expected = python_type(member)
        if annotation != expected or optional == (name in shape.required_members):
            shown = f"{expected} | None" if name not in shape.required_members else expected
            gaps.append(
                f"{shape.name}.{name} ({member.type_name} {member.name}): expected {shown}, "
                f"class has {hints[fields[name].name]}"
            )
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize(("model_name", "shape"), STRUCTURES)
def test_member_constraints_match(model_name: str, shape: Shape) -> None:
    fields = fields_by_wire_name(class_for(shape))
    gaps = [
        f"{shape.name}.{name}: model {_expected_constraints(member)}, "
        f"class {constraints(fields[name])}"
        for name, member in shape.members.items()
        if name in fields and constraints(fields[name]) != _expected_constraints(member)
    ]
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize(("model_name", "shape"), STRUCTURES)
def test_no_field_the_model_lacks(model_name: str, shape: Shape) -> None:
    extra = sorted(set(fields_by_wire_name(class_for(shape))) - set(shape.members))
    assert not extra, f"{shape.name} has fields the model lacks: {extra}"


@pytest.mark.parametrize("model_name", MODEL_NAMES)
def test_operations_without_output_have_an_empty_response_class(model_name: str) -> None:
    operations = empty_output_operations(model(model_name))
    assert operations, "the model has Delete operations without an output shape"
    for operation in operations:
        cls = shape_class(f"{operation}Response")
        assert cls is not None, f"no class {operation}Response"
        assert attrs.fields(cls) == (), f"{operation}Response should have no fields"


# Enums


@pytest.mark.parametrize(("model_name", "shape"), ENUMS)
def test_enum_has_a_class(model_name: str, shape: Shape) -> None:
    cls = shape_class(shape.name)
    assert cls is not None, f"{shape.name} has no enum class in transcribe_kit.shapes"
    assert issubclass(cls, OpenEnum), f"{shape.name} is not an OpenEnum"


@pytest.mark.parametrize(("model_name", "shape"), ENUMS)
def test_enum_values_match(model_name: str, shape: Shape) -> None:
    values = {member.value for member in enum_class(shape)}
    missing = sorted(set(shape.enum) - values)
    extra = sorted(values - set(shape.enum))
    assert (missing, extra) == ([], []), f"{shape.name} lacks {missing}, has extra {extra}"


# Unions and the exactly-one rules


def _sample_values(cls: type[Any], shape: Shape) -> dict[str, Any]:
    """A typed, non-empty value for every field of ``cls``, by attribute name."""
    wire = {name: full_wire_value(member) for name, member in shape.members.items()}
    built = from_wire(wire, cls)
    return {a.name: getattr(built, a.name) for a in attrs.fields(cls)}


def _rules_accept(cls: type[Any], values: dict[str, Any], chosen: set[str]) -> bool:
    """Whether the RULES of ``cls`` pass when only the ``chosen`` fields are set."""
    instance = cls(**{name: values[name] if name in chosen else None for name in values})
    return not [found for rule in RULES.get(cls.__name__, ()) for found in rule(instance)]


def _behaves_as_union(cls: type[Any], shape: Shape) -> list[str]:
    """The ways the RULES of ``cls`` differ from "exactly one member is set"."""
    values = _sample_values(cls, shape)
    names = list(values)
    gaps = []
    if _rules_accept(cls, values, set()):
        gaps.append("accepts none set")
    gaps += [f"rejects only {n} set" for n in names if not _rules_accept(cls, values, {n})]
    gaps += [
        f"accepts {a} and {b} set"
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if _rules_accept(cls, values, {a, b})
    ]
    return gaps


UNIONS = [c for c in STRUCTURES if c.values[1].metadata.get("union")]


def test_the_models_have_unions() -> None:
    assert {c.values[1].name for c in UNIONS} >= {"Rule", "SyncMedia"}


@pytest.mark.parametrize(("model_name", "shape"), UNIONS)
def test_union_has_an_exactly_one_rule(model_name: str, shape: Shape) -> None:
    gaps = _behaves_as_union(class_for(shape), shape)
    assert not gaps, f"RULES for union {shape.name}: " + "; ".join(gaps)


def test_only_unions_have_an_exactly_one_rule_over_all_members() -> None:
    service = model(BUNDLED)
    unions = {s.name for s in structures(service) if s.metadata.get("union")}
    by_name = {s.name: s for s in structures(service)}
    union_like = {
        name
        for name, cls in ((name, getattr(transcribe_kit.shapes, name)) for name in RULES)
        if len(attrs.fields(cls)) > 1 and not _behaves_as_union(cls, by_name[name])
    }
    assert union_like == unions


# Errors


@pytest.mark.parametrize(("model_name", "shape"), ERROR_SHAPES)
def test_error_shape_has_an_error_class(model_name: str, shape: Shape) -> None:
    error_type = ERRORS_BY_CODE.get(shape.name)
    assert error_type is not None, f"no error class for {shape.name} in ERRORS_BY_CODE"
    assert issubclass(error_type, ServiceError)
    assert error_type is not ServiceError, f"{shape.name} maps to the generic ServiceError"


# Operations


def _response_class_name(model_name: str, operation: str) -> str:
    output = model(model_name).operation_model(operation).output_shape
    return f"{operation}Response" if output is None else str(output.name)


def _method_hints(operation: str) -> dict[str, Any]:
    """The annotations of the client's method for ``operation``, resolved.

    The client's modules import the shapes for type checkers only (a client's import loads
    none), so the shapes are given as the namespace they are resolved in.
    """
    shapes = {name: getattr(transcribe_kit.shapes, name) for name in transcribe_kit.shapes.__all__}
    return typing.get_type_hints(getattr(TranscribeClient, xform_name(operation)), localns=shapes)


@pytest.mark.parametrize(("model_name", "operation"), OPERATIONS)
def test_operation_has_a_client_method(model_name: str, operation: str) -> None:
    method = getattr(TranscribeClient, xform_name(operation), None)
    assert method is not None, f"TranscribeClient has no {xform_name(operation)} for {operation}"
    assert inspect.iscoroutinefunction(method), f"{xform_name(operation)} is not async"


@pytest.mark.parametrize(("model_name", "operation"), OPERATIONS)
def test_operation_method_takes_the_request_class(model_name: str, operation: str) -> None:
    input_shape = model(model_name).operation_model(operation).input_shape
    hints = _method_hints(operation)
    annotation, optional = strip_optional(hints["request"])
    assert annotation is shape_class(input_shape.name), (
        f"{xform_name(operation)}(request: {hints['request']}), model input {input_shape.name}"
    )
    # Only a request without required members may be left out.
    assert not (optional and input_shape.required_members), (
        f"{xform_name(operation)} makes a request with required members optional"
    )


@pytest.mark.parametrize(("model_name", "operation"), OPERATIONS)
def test_operation_method_returns_the_response_class(model_name: str, operation: str) -> None:
    hints = _method_hints(operation)
    expected = _response_class_name(model_name, operation)
    assert hints["return"] is shape_class(expected), (
        f"{xform_name(operation)} returns {hints['return']}, model output {expected}"
    )


# Nothing beyond the bundled model


def _package_classes() -> dict[str, type[Any]]:
    """Every class defined in the modules of transcribe_kit.shapes, by name."""
    found: dict[str, type[Any]] = {}
    for module in _shape_modules():
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                found[value.__name__] = value
    return found


def _shape_modules() -> list[Any]:
    import importlib
    import pkgutil

    return [
        importlib.import_module(f"transcribe_kit.shapes.{info.name}")
        for info in pkgutil.iter_modules(transcribe_kit.shapes.__path__)
        if info.name != "_base"
    ]


def test_no_shape_class_the_bundled_model_lacks() -> None:
    service = model(BUNDLED)
    known = {s.name for s in structures(service)} | {s.name for s in enums(service)}
    known |= {f"{op}Response" for op in empty_output_operations(service)}
    extra = sorted(set(_package_classes()) - known)
    assert not extra, f"classes the bundled model lacks: {extra}"


def test_every_shape_class_is_exported() -> None:
    exported = {getattr(transcribe_kit.shapes, name) for name in transcribe_kit.shapes.__all__}
    unexported = sorted(name for name, cls in _package_classes().items() if cls not in exported)
    assert not unexported, f"not in transcribe_kit.shapes.__all__: {unexported}"


def test_no_client_operation_the_bundled_model_lacks() -> None:
    operations = {xform_name(op) for op in model(BUNDLED).operation_names}
    # An operation method is one that takes a shape request.
    methods = {
        name
        for name, member in inspect.getmembers(TranscribeClient, inspect.iscoroutinefunction)
        if not name.startswith("_") and "request" in inspect.signature(member).parameters
    }
    assert methods, "TranscribeClient has no operation methods"
    extra = sorted(methods - operations)
    assert not extra, f"TranscribeClient methods the bundled model lacks: {extra}"


def test_the_bundled_model_is_the_one_the_shapes_mirror() -> None:
    service = model(BUNDLED)
    assert len(service.operation_names) == 45
    assert len(structures(service)) == 141
    assert {s.name for s in error_shapes(service)} == {
        "BadRequestException",
        "ConflictException",
        "InternalFailureException",
        "LimitExceededException",
        "NotFoundException",
    }
    assert len(enums(service)) == 33
    assert len(service.shape_for("LanguageCode").enum) == 117
