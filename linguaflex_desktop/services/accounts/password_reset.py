"""A forgotten password: a one-time code by e-mail when SMTP is configured, else an admin's
temporary password that must be replaced at the next sign-in.

``request_reset`` answers the same for every address (known, unknown, suspended): nothing,
or the hourly limit, which counts requests to the address whether it exists or not. The code
is made and e-mailed by the send job (``messaging.account_codes``); it works once, for 15
minutes, for at most 5 guesses. A reset clears the sign-in lockout and revokes every
remember-me token. Worker threads; refusals say their field (``fields.error_field``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import ConfigurationError, NotFound, ValidationError
from linguaflex_desktop.models import AuditAction, Role, User
from linguaflex_desktop.services.accounts.code_requests import (
    CODE_WRONG,
    check_code,
    record_request,
    retire_codes,
)
from linguaflex_desktop.services.accounts.fields import on_field
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import revoke_remember_tokens
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.services.common.one_time_codes import PURPOSE_PASSWORD_RESET
from linguaflex_desktop.services.common.validation import (
    check_id,
    normalize_email,
    validate_password,
)
from linguaflex_desktop.texts import tx

NO_EMAIL_RESET = tx(
    "E-mail is not set up for this app, so no code can be sent. Please ask an admin to give "
    "you a temporary password."
)


class PasswordResets:
    """Forgotten passwords. ``email_codes``: SMTP is configured (codes can be sent)."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        email_codes: bool,
        password_hasher: PasswordHasher | None = None,
    ) -> None:
        self._ctx = ctx
        self._hasher = password_hasher or PasswordHasher()
        self.email_codes = email_codes

    # --- by e-mail code -----------------------------------------------------------------

    def request_reset(self, *, email: str) -> None:
        """Queue a code to ``email`` if it is an active account's; the same answer (None, or
        the hourly limit's ValidationError) whether it is or not."""
        if not self.email_codes:
            raise ConfigurationError(NO_EMAIL_RESET)
        with on_field("email"):
            address = normalize_email(email)
        with self._ctx.unit_of_work() as uow:
            user = uow.session.scalar(select(User).where(User.email == address))
            known = user is not None and user.is_active and user.suspended_at is None
            with on_field("email"):
                record_request(
                    uow.session,
                    purpose=PURPOSE_PASSWORD_RESET,
                    email=address,
                    user_id=user.id if known and user is not None else None,
                    now=self._ctx.now(),
                )
            uow.commit()

    def reset_password(self, *, email: str, code: str, new_password: str) -> None:
        """Set ``new_password`` when ``code`` is the live code sent to ``email``. A wrong,
        used or expired code (or an unknown address) is the same ValidationError; each wrong
        guess counts against the code. Audited; signs nobody in."""
        with on_field("new_password"):
            validate_password(new_password)
        with on_field("code"):
            try:
                address = normalize_email(email)
            except ValidationError:
                raise ValidationError(CODE_WRONG) from None
        new_hash = self._hasher.hash(new_password)  # before the lookup: the same time for all
        with self._ctx.unit_of_work() as uow:
            now = self._ctx.now()
            row = check_code(
                uow.session, purpose=PURPOSE_PASSWORD_RESET, typed=code, now=now, email=address
            )
            user = None
            if row is not None and row.user_id is not None:
                user = uow.session.scalar(
                    select(User).where(User.id == row.user_id).with_for_update()
                )
            if row is None or user is None or user.email != address:
                uow.commit()  # the wrong guess counts
                with on_field("code"):
                    raise ValidationError(CODE_WRONG)
            retire_codes(uow.session, purpose=PURPOSE_PASSWORD_RESET, email=address, now=now)
            self._replace_password(uow.session, user, new_hash, now, must_change=False)
            _audit(uow.session, user.id, AuditAction.USER_PASSWORD_RESET, user, now)
            uow.commit()

    # --- by an admin --------------------------------------------------------------------

    def set_temporary_password(
        self, actor: Actor, user_id: int, *, temporary_password: str
    ) -> UserDTO:
        """Admin only, never for oneself: give the user ``temporary_password``, which they must
        replace at their next sign-in (nothing else is allowed before). Their remember-me
        tokens are revoked and their sign-in lockout is cleared. Audited (not the password)."""
        user_id = check_id(user_id, what=tx("user"))
        with on_field("temporary_password"):
            validate_password(temporary_password)
        new_hash = self._hasher.hash(temporary_password)
        with self._ctx.unit_of_work() as uow:
            acting = load_acting_user(uow.session, actor, Role.ADMIN)
            if acting.id == user_id:
                raise ValidationError(
                    tx("Change your own password under Account > Profile and password.")
                )
            user = uow.session.scalar(select(User).where(User.id == user_id).with_for_update())
            if user is None:
                raise NotFound(tx("No such user."))
            now = self._ctx.now()
            self._replace_password(uow.session, user, new_hash, now, must_change=True)
            _audit(uow.session, acting.id, AuditAction.USER_TEMPORARY_PASSWORD, user, now)
            uow.commit()
            return UserDTO.from_model(user)

    @staticmethod
    def _replace_password(
        session: Session, user: User, new_hash: str, now: datetime, *, must_change: bool
    ) -> None:
        user.password_hash = new_hash
        user.must_change_password = must_change
        user.failed_login_count, user.failed_login_window_start = 0, None
        revoke_remember_tokens(session, user.id, now)


def _audit(session: Session, actor_id: int, action: AuditAction, user: User, now: datetime) -> None:
    record_audit(
        session,
        actor_id=actor_id,
        action=action,
        entity_type="user",
        entity_id=user.id,
        at=now,
        after={"must_change_password": user.must_change_password},
    )
