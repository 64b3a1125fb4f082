"""Keeping request signatures out of messages and logs.

Two passes over any text that may hold a URL. Every URL loses its query string
(``https://host/path?<redacted>``), so that a presigned link is still recognisable but
carries nothing of its signature. Then the value of every signing parameter left
anywhere in the text is replaced (``X-Amz-Signature=<redacted>``): the first pass cannot
see a URL without a scheme, with whitespace in its path, or with ``#`` before its ``?``,
and text may quote a query string on its own.
"""

from __future__ import annotations

import re
from typing import Final

SIGNATURE_PARAMETERS: Final = frozenset(
    {
        "x-amz-signature",
        "x-amz-credential",
        "x-amz-security-token",
        # Signature version 2.
        "signature",
        "awsaccesskeyid",
    }
)
"""The query parameters of a presigned request that sign it or name its credentials."""

_URL_QUERY: Final = re.compile(
    r"""(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#"'<>]*)\?(?!<redacted>)[^\s#"'<>]*"""
)
# A signing parameter wherever it is (not the tail of a longer name), its "=" plain or
# percent-encoded, and its value up to the next parameter, space, fragment or quote
# (unless it was redacted already: the passes may run twice over a message).
_SIGNING_PARAMETER: Final = re.compile(
    r"(?<![A-Za-z0-9_-])("
    + "|".join(sorted((re.escape(name) for name in SIGNATURE_PARAMETERS), key=len, reverse=True))
    + r")(=|%3D)(?!<redacted>)[^&\s#\"'<>]*",
    re.IGNORECASE,
)


def redact_urls(text: str) -> str:
    """``text`` without the query string of any URL nor the value of any signing parameter."""
    return _SIGNING_PARAMETER.sub(r"\1\2<redacted>", _URL_QUERY.sub(r"\1?<redacted>", text))
