"""Retries: which failed calls are tried again, how often and how long to wait.

The client applies one :class:`RetryPolicy` to every call (``TranscribeClient(retry_policy=...)``,
or per call through ``tk.with_options(retry_policy=...)``). botocore's own retries are
switched off in the clients :class:`~transcribe_kit.TranscribeClient` creates, so this is
the one place that decides.

By default a call is tried up to 4 times, waiting about 0.5 s, 1 s, 2 s (plus up to
0.5 s of random jitter, never more than 20 s) between tries, and takes at most 120 s in
all. These errors are retried: :class:`~transcribe_kit.ThrottlingError`,
:class:`~transcribe_kit.LimitExceededError`, :class:`~transcribe_kit.InternalFailureError`,
any other answer with an HTTP status of 500 or more, and
:class:`~transcribe_kit.TransportError` (connection failures and timeouts). A bad request,
a conflict or a missing resource is never retried. A ``Retry-After`` header in an error
answer sets the wait (up to ``max_retry_after`` seconds).

Every retry is logged at WARNING on the ``transcribe_kit`` logger, with the operation,
the attempt, the error code and the wait; query strings of URLs are left out.

The policy value itself lives with the others in :mod:`transcribe_kit.config`; which
errors are retryable is decided by the one error classifier.
"""

from __future__ import annotations

from transcribe_kit._error_mapping import retry_after as retry_after_seconds
from transcribe_kit._redact import redact_urls
from transcribe_kit.config import DEFAULT_RETRYABLE_ERRORS, RetryPolicy

__all__ = ["DEFAULT_RETRYABLE_ERRORS", "RetryPolicy", "redact_urls", "retry_after_seconds"]
