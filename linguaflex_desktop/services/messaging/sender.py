"""Who notifications come from: the configured sender is the From of every e-mail, the
ORGANIZER of every calendar invite, and gives Message-IDs their domain.

``NotificationService`` registers its sender on the session factory (``use_sender``), so booking
events written in any session of that factory build invites and Message-IDs from the same
address (``sender_address``, ``message_domain``). Pure functions over session info; no I/O.
"""

from __future__ import annotations

import functools
import re
from email.utils import parseaddr

from sqlalchemy.orm import Session, sessionmaker

DEFAULT_SENDER = "LinguaFlex <no-reply@linguaflex.local>"
# A reserved top-level domain (RFC 2606): never anyone's, for a sender without a usable domain.
FALLBACK_DOMAIN = "linguaflex.invalid"
SENDER_KEY = "linguaflex.sender"
_DOMAIN = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$")


def use_sender(session_factory: sessionmaker[Session], sender: str) -> None:
    """Make booking events of this factory's sessions use ``sender`` (a From header value)."""
    info = dict(session_factory.kw.get("info") or {})
    info[SENDER_KEY] = sender
    session_factory.configure(info=info)


def sender_address(session: Session) -> str:
    """The bare address of the configured sender (``no-reply@example.com``)."""
    return _bare_address(str(session.info.get(SENDER_KEY) or DEFAULT_SENDER))


@functools.lru_cache(maxsize=16)
def _bare_address(sender: str) -> str:
    """The address of a From header value, parsed once per value (every notification asks)."""
    return parseaddr(sender)[1]


def message_domain(address: str) -> str:
    """The address's domain when it is a dotted host name, else ``FALLBACK_DOMAIN``."""
    domain = address.rpartition("@")[2]
    return domain.lower() if _DOMAIN.match(domain) else FALLBACK_DOMAIN
