"""What every signed-in user changes on their own account: display name and time zone, e-mail
address, password. Each change is audited with the user as actor.

The current password is checked under the same lockout as sign-in (``lockout``: each check is
reserved before hashing and counts as a failure until proved right), so the password form is
no faster way to guess. A new e-mail address is confirmed by a one-time code sent to it when
SMTP is configured (``email_codes``), else it is changed at once. A password change revokes
the remember-me tokens of other computers. Hashing runs outside the transactions. Worker
threads; refusals say which field they are about (``fields.error_field``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.db import UnitOfWork
from linguaflex_desktop.errors import AuthenticationFailed, Conflict, ValidationError
from linguaflex_desktop.models import AuditAction, User
from linguaflex_desktop.services.accounts import lockout
from linguaflex_desktop.services.accounts.code_requests import (
    CODE_WRONG,
    check_code,
    record_request,
)
from linguaflex_desktop.services.accounts.fields import on_field
from linguaflex_desktop.services.accounts.language import account_language, check_language
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import revoke_remember_tokens
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.services.common.one_time_codes import PURPOSE_EMAIL_CHANGE
from linguaflex_desktop.services.common.validation import (
    normalize_display_name,
    normalize_email,
    validate_password,
    validate_time_zone,
)
from linguaflex_desktop.texts import tx

WRONG_CURRENT_PASSWORD = tx("The current password is wrong.")
SAME_PASSWORD = tx("The new password must differ from the current one.")
SAME_EMAIL = tx("That is already your e-mail address.")
NO_EMAIL_CHANGE_PENDING = tx("No change of e-mail address is waiting for a code.")


def email_taken(email: str) -> Conflict:
    return Conflict(
        tx(
            "The address {email} already belongs to another account; choose another.",
            email=email,
        )
    )


@dataclass(frozen=True)
class EmailChangeStarted:
    """The answer to a new e-mail address: changed at once (``needs_code`` False, ``user``
    has it), or a code was sent to ``new_email`` (``user`` unchanged until it is entered)."""

    needs_code: bool
    new_email: str
    user: UserDTO


class AccountSelfService:
    """The acting user's own account. ``email_codes``: SMTP is configured, so a new address
    is confirmed by a code sent to it."""

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

    # --- name and time zone -------------------------------------------------------------

    def update_profile(self, actor: Actor, *, display_name: str, time_zone: str) -> UserDTO:
        """Change the display name and time zone at once; audited when anything changed."""
        with on_field("display_name"):
            name = normalize_display_name(display_name)
        with on_field("time_zone"):
            zone = validate_time_zone(time_zone)
        with self._ctx.unit_of_work() as uow:
            user = self._own_row(uow.session, actor)
            before = {"display_name": user.display_name, "time_zone": user.time_zone}
            after = {"display_name": name, "time_zone": zone}
            if before != after:
                user.display_name, user.time_zone = name, zone
                self._audit(uow.session, user, AuditAction.USER_PROFILE_CHANGED, before, after)
                uow.commit()
            return UserDTO.from_model(user)

    # --- language -----------------------------------------------------------------------

    def set_language(self, actor: Actor, code: str) -> UserDTO:
        """Record the language the actor reads the app in ("en" or "es"; ValidationError
        otherwise): their notifications and e-mails are written in it. Audited when changed."""
        language = check_language(code)
        with self._ctx.unit_of_work() as uow:
            user = self._own_row(uow.session, actor)
            before = account_language(user)
            if before != language:
                user.language = language
                after = {"language": language}
                audit = AuditAction.USER_PROFILE_CHANGED
                self._audit(uow.session, user, audit, {"language": before}, after)
                uow.commit()
            return UserDTO.from_model(user)

    # --- password -----------------------------------------------------------------------

    def change_password(
        self,
        actor: Actor,
        *,
        current_password: str,
        new_password: str,
        keep_token: str | None = None,
    ) -> UserDTO:
        """Replace the password (also the admin's temporary one, which this clears). Every
        remember-me token of the user is revoked except ``keep_token`` (this computer's)."""
        with on_field("new_password"):
            validate_password(new_password)
            if new_password == current_password:
                raise ValidationError(SAME_PASSWORD)
        reservation = self._check_current_password(actor, current_password, changing_password=True)
        new_hash = self._hasher.hash(new_password)
        with self._ctx.unit_of_work() as uow:
            user = self._own_row(uow.session, actor, changing_password=True)
            now = self._ctx.now()
            with on_field("current_password"):
                lockout.settle_right_guess(user, reservation, now)
            was_temporary = user.must_change_password
            user.password_hash = new_hash
            user.must_change_password = False
            revoke_remember_tokens(uow.session, user.id, now, keep_token=keep_token)
            self._audit(
                uow.session,
                user,
                AuditAction.USER_PASSWORD_CHANGED,
                {"must_change_password": was_temporary} if was_temporary else None,
                {"must_change_password": False} if was_temporary else None,
            )
            uow.commit()
            return UserDTO.from_model(user)

    # --- e-mail address -----------------------------------------------------------------

    def start_email_change(
        self, actor: Actor, *, new_email: str, current_password: str
    ) -> EmailChangeStarted:
        """After the current password: with SMTP, send a code to ``new_email`` (rate-limited
        like password resets) and change nothing yet; without, change the address now."""
        with on_field("new_email"):
            email = normalize_email(new_email)
            self._check_free(actor, email)
        reservation = self._check_current_password(actor, current_password)
        with self._ctx.unit_of_work() as uow:
            user = self._own_row(uow.session, actor)
            now = self._ctx.now()
            with on_field("current_password"):
                lockout.settle_right_guess(user, reservation, now)
            if not self.email_codes:
                self._set_email(uow.session, user, email)
            else:
                with on_field("new_email"):
                    record_request(
                        uow.session,
                        purpose=PURPOSE_EMAIL_CHANGE,
                        email=email,
                        user_id=user.id,
                        now=now,
                    )
            self._commit_unique(uow, email)
            return EmailChangeStarted(
                needs_code=self.email_codes, new_email=email, user=UserDTO.from_model(user)
            )

    def confirm_email_change(self, actor: Actor, *, code: str) -> UserDTO:
        """Use the code sent to the new address: the address becomes the account's."""
        with self._ctx.unit_of_work() as uow:
            user = self._own_row(uow.session, actor)
            now = self._ctx.now()
            row = check_code(
                uow.session, purpose=PURPOSE_EMAIL_CHANGE, typed=code, now=now, user_id=user.id
            )
            if row is None:
                uow.commit()  # the wrong guess counts
                with on_field("code"):
                    raise ValidationError(CODE_WRONG)
            row.used_at = now
            with on_field("code"):
                self._set_email(uow.session, user, row.email)
            self._commit_unique(uow, row.email)
            return UserDTO.from_model(user)

    # --- helpers ------------------------------------------------------------------------

    def _own_row(self, session: Session, actor: Actor, *, changing_password: bool = False) -> User:
        """The actor's row, locked; refused while a temporary password awaits its
        replacement, except for ``changing_password`` (that replacement). The row is locked
        before it is first loaded: a row loaded earlier in the session would keep its stale
        lockout counters through a later SELECT ... FOR UPDATE."""
        session.scalar(select(User).where(User.id == actor.id).with_for_update())
        return load_acting_user(session, actor, password_change_pending_ok=changing_password)

    def _check_current_password(
        self, actor: Actor, password: object, *, changing_password: bool = False
    ) -> lockout.Reservation:
        """Reserve one password check under the lockout and verify it (outside the
        transaction); AuthenticationFailed on the ``current_password`` field when wrong."""
        with self._ctx.unit_of_work() as uow:
            user = self._own_row(uow.session, actor, changing_password=changing_password)
            with on_field("current_password"):
                reservation = lockout.reserve(user, self._ctx.now(), suspended=False)
            uow.commit()
        if not isinstance(password, str) or not self._hasher.verify(
            reservation.stored_hash, password
        ):
            with on_field("current_password"):
                raise AuthenticationFailed(WRONG_CURRENT_PASSWORD)  # counted when reserved
        return reservation

    def _check_free(self, actor: Actor, email: str) -> None:
        with self._ctx.unit_of_work(write=False) as uow:
            owner = uow.session.scalar(select(User.id).where(User.email == email))
        if owner == actor.id:
            raise ValidationError(SAME_EMAIL)
        if owner is not None:
            raise email_taken(email)

    def _set_email(self, session: Session, user: User, email: str) -> None:
        owner = session.scalar(select(User.id).where(User.email == email))
        if owner is not None and owner != user.id:
            raise email_taken(email)
        before = {"email": user.email}
        user.email = email
        self._audit(session, user, AuditAction.USER_EMAIL_CHANGED, before, {"email": email})

    @staticmethod
    def _commit_unique(uow: UnitOfWork, email: str) -> None:
        try:
            uow.commit()
        except IntegrityError as error:  # another account took the address meanwhile
            with on_field("new_email"):
                raise email_taken(email) from error

    def _audit(
        self,
        session: Session,
        user: User,
        action: AuditAction,
        before: Mapping[str, object] | None,
        after: Mapping[str, object] | None,
    ) -> None:
        record_audit(
            session,
            actor_id=user.id,
            action=action,
            entity_type="user",
            entity_id=user.id,
            at=self._ctx.now(),
            before=before,
            after=after,
        )
