"""Script detection and word spacing over whole transcripts agree with their definitions."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from transcribe_kit.transcript._captions import script_of, script_of_character, script_of_counts
from transcribe_kit.transcript._text import gaps, separator

# Latin, accented Latin, kana, han, hangul (syllables and jamo), Thai, full-width forms,
# half-width katakana, CJK punctuation, CJK extension B: each alone (with Latin) and mixed.
_ALPHABETS = (
    "abZ.,é ñ",
    "a\u3042\u30ab",
    "a\u6771\u4eac",
    "a\ud55c\uad6d\u1100\u3131",
    "a\u0e2a\u0e31",
    "a\uff01\uff71\u3002",
    "a\U00020000",
)
_WORDS = st.sampled_from([*_ALPHABETS, "".join(_ALPHABETS)]).flatmap(
    lambda alphabet: st.lists(
        st.text(alphabet=alphabet, min_size=1, max_size=6), min_size=1, max_size=40
    )
)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS)
def test_the_script_of_words_is_that_of_their_characters_counted_one_by_one(
    words: list[str],
) -> None:
    counts = {"kana": 0, "han": 0, "hangul": 0, "thai": 0, "other": 0}
    for char, count in Counter("".join(words)).items():
        counts[script_of_character(char)] += count
    spoken = [[0.0, 0.0, word, "", "", None, None, None] for word in words]

    assert script_of(spoken) == script_of_counts(counts)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS)
def test_the_columns_between_words_are_their_separators(words: list[str]) -> None:
    expected = [1] + [len(separator(a, b)) for a, b in itertools.pairwise(words)]

    assert gaps(words) == expected
