"""The language a user reads the app in, kept on the account (``users.language``) so that the
notifications and e-mails written for them, on any computer or worker, are in it.

The app records it (``AccountSelfService.set_language``) at sign-in and when the user picks
another language; NULL (an account that never signed in since) reads as English.
"""

from __future__ import annotations

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import User
from linguaflex_desktop.texts import ENGLISH, tx

ACCOUNT_LANGUAGES = ("en", "es")


def check_language(code: object) -> str:
    """``code`` when the app writes in that language, else ValidationError."""
    if not isinstance(code, str) or code not in ACCOUNT_LANGUAGES:
        raise ValidationError(
            tx(
                "LinguaFlex writes in English (en) or Spanish (es), not {code}.",
                code=repr(code),
            )
        )
    return code


def account_language(user: User) -> str:
    """The language messages to ``user`` are written in."""
    return user.language or ENGLISH
