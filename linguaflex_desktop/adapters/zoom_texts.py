"""The sentences of Zoom's refusals: one whole sentence per action the client takes (the
action is one of ``ZoomClient``'s own: "create the meeting", "sign in", ...), so each reads
well in every language. Pure."""

from __future__ import annotations

from collections.abc import Callable

from linguaflex_desktop.texts import tx

Sentence = Callable[..., str]

# Zoom refused the action: its words (``detail``) and "(HTTP 404, code 1001)" (``http``)
_COULD_NOT: dict[str, Sentence] = {
    "create the meeting": lambda **v: tx(
        "Zoom could not create the meeting: {detail} {http}.", **v
    ),
    "find the meeting": lambda **v: tx("Zoom could not find the meeting: {detail} {http}.", **v),
    "move the meeting": lambda **v: tx("Zoom could not move the meeting: {detail} {http}.", **v),
    "delete the meeting": lambda **v: tx(
        "Zoom could not delete the meeting: {detail} {http}.", **v
    ),
    "list the meetings": lambda **v: tx("Zoom could not list the meetings: {detail} {http}.", **v),
    "sign in": lambda **v: tx("Zoom could not sign in: {detail} {http}.", **v),
}
# Zoom is limiting requests (HTTP 429)
_LIMITED: dict[str, Sentence] = {
    "create the meeting": lambda **v: tx(
        "Zoom is limiting requests; will try to create the meeting again later ({detail}).", **v
    ),
    "find the meeting": lambda **v: tx(
        "Zoom is limiting requests; will try to find the meeting again later ({detail}).", **v
    ),
    "move the meeting": lambda **v: tx(
        "Zoom is limiting requests; will try to move the meeting again later ({detail}).", **v
    ),
    "delete the meeting": lambda **v: tx(
        "Zoom is limiting requests; will try to delete the meeting again later ({detail}).", **v
    ),
    "list the meetings": lambda **v: tx(
        "Zoom is limiting requests; will try to list the meetings again later ({detail}).", **v
    ),
    "sign in": lambda **v: tx(
        "Zoom is limiting requests; will try to sign in again later ({detail}).", **v
    ),
}
# Zoom had a problem (HTTP 5xx)
_TROUBLED: dict[str, Sentence] = {
    "create the meeting": lambda **v: tx(
        "Zoom had a problem (HTTP {status}); will try to create the meeting again later.", **v
    ),
    "find the meeting": lambda **v: tx(
        "Zoom had a problem (HTTP {status}); will try to find the meeting again later.", **v
    ),
    "move the meeting": lambda **v: tx(
        "Zoom had a problem (HTTP {status}); will try to move the meeting again later.", **v
    ),
    "delete the meeting": lambda **v: tx(
        "Zoom had a problem (HTTP {status}); will try to delete the meeting again later.", **v
    ),
    "list the meetings": lambda **v: tx(
        "Zoom had a problem (HTTP {status}); will try to list the meetings again later.", **v
    ),
    "sign in": lambda **v: tx(
        "Zoom had a problem (HTTP {status}); will try to sign in again later.", **v
    ),
}


def could_not(action: str, *, detail: str, http: str) -> str:
    """Zoom refused ``action``: its words (``detail``) and "(HTTP 404, code 1001)"."""
    return _COULD_NOT[action](detail=detail, http=http)


def limited(action: str, *, detail: str) -> str:
    """Zoom is rate-limiting ``action``."""
    return _LIMITED[action](detail=detail)


def troubled(action: str, *, status: int) -> str:
    """Zoom answered ``action`` with a 5xx ``status``."""
    return _TROUBLED[action](status=status)
