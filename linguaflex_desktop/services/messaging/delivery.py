"""Whether notifications written in a session also go out by e-mail (SMTP is configured).

Bootstrap turns it on for the app's session factory (``enable_email_delivery``); the writers
of notifications (booking events, conversation notices) ask ``email_delivery_enabled`` in
their session and enqueue a send-email job per notification when it is on. No I/O.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

EMAIL_DELIVERY_KEY = "linguaflex.email_delivery"


def enable_email_delivery(session_factory: sessionmaker[Session], enabled: bool = True) -> None:
    """Make every session of this factory enqueue send-email jobs (SMTP is configured)."""
    info = dict(session_factory.kw.get("info") or {})
    info[EMAIL_DELIVERY_KEY] = enabled
    session_factory.configure(info=info)


def email_delivery_enabled(session: Session) -> bool:
    return bool(session.info.get(EMAIL_DELIVERY_KEY, False))
