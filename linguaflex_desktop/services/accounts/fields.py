"""Which form field a refusal is about, so the account forms can mark it.

The self-service calls check their inputs inside ``on_field("new_password")`` and the like;
a UserFacingError raised there carries the field's name (``error_field``). The names are the
keyword arguments of the calls. Pure Python; any thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from linguaflex_desktop.errors import UserFacingError

_ATTRIBUTE = "field"


@contextmanager
def on_field(name: str) -> Iterator[None]:
    """Tag a UserFacingError raised inside the block with the field ``name`` (first tag wins)."""
    try:
        yield
    except UserFacingError as error:
        if error_field(error) is None:
            setattr(error, _ATTRIBUTE, name)
        raise


def error_field(error: BaseException) -> str | None:
    """The field a refusal is about, or None when it is about the whole form."""
    value = getattr(error, _ATTRIBUTE, None)
    return value if isinstance(value, str) else None
