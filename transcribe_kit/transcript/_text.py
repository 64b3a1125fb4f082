"""Text of words in any script: how tokens are joined, and how wide they are on screen.

Japanese, Chinese and Thai are written without spaces between words: two tokens of such
scripts are joined directly, while a Latin word or a number next to them keeps its space.
Width is display width, as a terminal or a subtitle renderer counts it: a full-width
character (CJK ideographs, kana, Hangul, full-width forms) counts two, a combining mark
(Thai vowel and tone marks) nothing.
"""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, the CJK
# punctuation and kana blocks, CJK ideographs, the full-width forms.
_NO_SPACE_RANGES: Final = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK symbols and punctuation, Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)

#: A character of a script without spaces.
_NO_SPACE: Final = re.compile(
    "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _NO_SPACE_RANGES) + "]"
)

_FIRST: Final = operator.itemgetter(0)
_LAST: Final = operator.itemgetter(-1)

#: Punctuation that opens (and so belongs to the word after it): Spanish ¿ ¡, brackets, quotes.
OPENING: Final = frozenset("¿¡([{«\u2039\u201c\u2018\u201e\u201a「『（【〔〈《｛［")  # noqa: RUF001


@lru_cache(maxsize=65536)
def _unspaced(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _NO_SPACE_RANGES)


def unspaced(text: str) -> tuple[bool, bool]:
    """Whether ``text`` begins, and whether it ends, with a character of a script without spaces."""
    if text.isascii():
        return False, False
    return _unspaced(text[0]), _unspaced(text[-1])


def separator(before: str, after: str) -> str:
    """What goes between two tokens: nothing between two tokens of scripts without spaces."""
    if before.isascii() or after.isascii():
        return " "
    return "" if _unspaced(before[-1]) and _unspaced(after[0]) else " "


def gaps(texts: Sequence[str]) -> list[int]:
    """The columns before each of ``texts`` as ``join`` puts them (1 before the first).

    One between two texts, none between two tokens of scripts without spaces.
    """
    if _NO_SPACE.search("".join(texts)) is None:
        return [1] * len(texts)  # one search in C settles Korean and the Latin scripts
    # Mapped in C over the cached lookups: no Python code runs per text.
    tails = map(_unspaced, map(_LAST, texts))
    heads = map(_unspaced, map(_FIRST, itertools.islice(texts, 1, None)))
    return [1, *map(int.__sub__, itertools.repeat(1), map(operator.and_, tails, heads))]


def join(tokens: Iterable[str]) -> str:
    """Tokens as text, a space between them unless both sides are of a script without spaces."""
    text = ""
    for token in tokens:
        if not text:
            text = token
        elif token:
            text += separator(text, token) + token
    return text


@lru_cache(maxsize=65536)
def _wide(text: str) -> int:
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def width(text: str) -> int:
    """The display width of ``text``: full-width characters count two, combining marks nothing."""
    return len(text) if text.isascii() else _wide(text)


def widths(texts: Iterable[str]) -> list[int]:
    """The display width of each of ``texts``."""
    return list(map(_wide, texts))  # cached: one lookup in C for a text seen before


def is_wide(char: str) -> bool:
    """Whether ``char`` is full-width (CJK ideographs, kana, Hangul, full-width forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")
