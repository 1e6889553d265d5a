"""Requests for one-time codes (``AccountCode`` rows): hourly limits, the send job, checking
a typed code. Run inside the caller's unit of work; the caller commits.

Every request is a row, also for an unknown address (never sent), so the limits count
requests to an address whether it has an account or not, and the answer reveals neither.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AccountCode, JobKind
from linguaflex_desktop.services.common.one_time_codes import MAX_CODE_ATTEMPTS, code_matches
from linguaflex_desktop.services.common.outbox import enqueue_job
from linguaflex_desktop.texts import tx

MAX_REQUESTS_PER_ADDRESS_PER_HOUR = 3
MAX_REQUESTS_PER_APP_PER_HOUR = 30
RATE_WINDOW = timedelta(hours=1)
TOO_MANY_REQUESTS = tx(
    "Too many codes were asked for in the last hour; please wait a while and try again."
)
CODE_WRONG = tx("That code is wrong or has expired. Ask for a new code if needed.")


def record_request(
    session: Session, *, purpose: str, email: str, user_id: int | None, now: datetime
) -> AccountCode:
    """Refuse (ValidationError TOO_MANY_REQUESTS) past the hourly limits of the address and of
    the app; else add the request and, for a known user, the job that sends its code. Earlier
    unused codes of the same purpose and address stop working: only the newest counts."""
    since = now - RATE_WINDOW
    recent = select(func.count(AccountCode.id)).where(AccountCode.created_at > since)
    to_address = session.scalar(recent.where(AccountCode.email == email)) or 0
    in_app = session.scalar(recent) or 0
    if to_address >= MAX_REQUESTS_PER_ADDRESS_PER_HOUR or in_app >= MAX_REQUESTS_PER_APP_PER_HOUR:
        raise ValidationError(TOO_MANY_REQUESTS)
    retire_codes(session, purpose=purpose, email=email, now=now)
    row = AccountCode(
        user_id=user_id, purpose=purpose, email=email, created_at=now, failed_attempts=0
    )
    session.add(row)
    session.flush()
    if user_id is not None:
        enqueue_job(
            session,
            kind=JobKind.ACCOUNT_CODE,
            payload={"code_id": row.id},
            dedupe_key=f"account-code:{row.id}",
            max_attempts=3,
            now=now,
        )
    return row


def retire_codes(session: Session, *, purpose: str, email: str, now: datetime) -> None:
    """Mark every unused code of ``purpose`` for ``email`` used (a newer one, or the change
    made)."""
    session.execute(
        update(AccountCode)
        .where(
            AccountCode.purpose == purpose,
            AccountCode.email == email,
            AccountCode.used_at.is_(None),
        )
        .values(used_at=now)
    )


def check_code(
    session: Session,
    *,
    purpose: str,
    typed: object,
    now: datetime,
    email: str | None = None,
    user_id: int | None = None,
) -> AccountCode | None:
    """The newest unused, unexpired request of ``purpose`` (for ``email`` or of ``user_id``)
    when ``typed`` is its code; None otherwise, after counting the wrong guess (the caller
    commits it, then refuses with CODE_WRONG). Locks the row."""
    query = select(AccountCode).where(
        AccountCode.purpose == purpose,
        AccountCode.used_at.is_(None),
        AccountCode.user_id.is_not(None),
    )
    if email is not None:
        query = query.where(AccountCode.email == email)
    if user_id is not None:
        query = query.where(AccountCode.user_id == user_id)
    row = session.scalar(
        query.order_by(AccountCode.created_at.desc(), AccountCode.id.desc())
        .limit(1)
        .with_for_update()
    )
    if row is None or row.expires_at is None or row.expires_at <= now:
        return None
    if row.failed_attempts >= MAX_CODE_ATTEMPTS:
        return None
    if not code_matches(row.code_digest, typed):
        row.failed_attempts += 1
        return None
    return row
