"""One-time codes sent by e-mail (password reset, a new address's confirmation).

The code is made by the send job when it writes the e-mail (``new_code``), so it exists only
in that message and the user's hands; the database keeps its SHA-256 digest (``code_digest``)
and compares digests in constant time (``code_matches``). Six digits: with at most
``MAX_CODE_ATTEMPTS`` guesses per code, a guess succeeds with odds of 5 in a million.
Pure functions; safe on any thread.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=15)
MAX_CODE_ATTEMPTS = 5
PURPOSE_PASSWORD_RESET = "password_reset"
PURPOSE_EMAIL_CHANGE = "email_change"


def new_code() -> str:
    """A random code of CODE_DIGITS digits (leading zeros kept)."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def normalize_code(value: object) -> str:
    """The digits of what the user typed ("123 456" and " 123456" are the same code)."""
    if not isinstance(value, str):
        return ""
    return "".join(value.split()).replace("-", "")


def code_digest(code: str) -> str:
    """The SHA-256 hex digest under which a code is stored."""
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def code_matches(stored_digest: str | None, typed: object) -> bool:
    """True when ``typed`` is the code whose digest is stored (constant-time compare)."""
    code = normalize_code(typed)
    if stored_digest is None or len(code) != CODE_DIGITS or not code.isdigit():
        return False
    return hmac.compare_digest(stored_digest, code_digest(code))
