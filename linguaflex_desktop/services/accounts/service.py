"""Accounts: registration, sign-in with lockout, remember-me tokens, admin suspension.

Every public method runs its own transaction on the calling thread (a worker thread in the
app, never the Qt thread: hashing takes ~30 ms and the database may wait). Password hashing
happens outside the transaction so a SQLite write lock is never held while hashing.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.db import leave_unannounced, table_of
from linguaflex_desktop.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import AuditAction, AuthToken, Role, TeacherProfile, User
from linguaflex_desktop.services.accounts import lockout
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import NO_ACCOUNT_ID, load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page, UserDTO
from linguaflex_desktop.services.common.validation import (
    check_id,
    check_paging,
    clean_line,
    clean_multiline,
    like_pattern,
    normalize_display_name,
    normalize_email,
    validate_password,
    validate_time_zone,
)
from linguaflex_desktop.texts import tx

WRONG_CREDENTIALS = tx("Wrong email or password.")
SUSPENDED_MESSAGE = tx("This account is suspended. Please contact the LinguaFlex team.")
TOKEN_INVALID = tx("Your saved sign-in is no longer valid; please sign in again.")
REMEMBER_TOKEN_LIFETIME = timedelta(days=30)
REMEMBER_TOKEN_BYTES = 32
MAX_SEARCH_LENGTH = 200
_USERS = table_of(User)
NO_ACCOUNT_EMAIL = ""  # ``normalize_email`` refuses it, so no account is ever found by it
MAX_AUDIT_REASON_LENGTH = 2000

log = logging.getLogger(__name__)


def token_digest(token: str) -> str:
    """The SHA-256 hex digest under which a remember-me token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def revoke_remember_tokens(
    session: Session, user_id: int, now: datetime, *, keep_token: str | None = None
) -> None:
    """Revoke every live remember-me token of the user, except ``keep_token`` if given."""
    query = update(AuthToken).where(AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None))
    if keep_token:
        query = query.where(AuthToken.token_digest != token_digest(keep_token))
    session.execute(query.values(revoked_at=now))


def _parse_role(role: object) -> Role:
    if isinstance(role, Role):
        return role
    if isinstance(role, str) and role.strip().lower() in Role.__members__.values():
        return Role(role.strip().lower())
    raise ValidationError(tx("Unknown role {role}; choose student or teacher.", role=repr(role)))


def _user_row_for_update(user_id: int) -> Select[User]:
    return select(User).where(User.id == user_id).with_for_update()


def _is_suspended(user: User | Row[Any]) -> bool:
    return user.suspended_at is not None or not user.is_active


class AccountService:
    """Account use cases. ``password_hasher`` may be given stronger parameters, never weaker."""

    def __init__(
        self, ctx: ServiceContext, *, password_hasher: PasswordHasher | None = None
    ) -> None:
        self._ctx = ctx
        self._hasher = password_hasher or PasswordHasher()

    def warm_up_sign_in(self) -> None:
        """Pay a sign-in's first-use costs now, so the next sign-in takes what later ones do:
        the password check's (``PasswordHasher.warm_up``) and compiling its statements (a
        few ms each the first time a process signs in). The attempt is reserved for an
        address no account has and settled for an id no account has, in a transaction
        rolled back: no account is touched."""
        self._hasher.warm_up()
        self._reserve_attempt(NO_ACCOUNT_EMAIL)
        nobody = lockout.Reservation(NO_ACCOUNT_ID, "", False, 1, self._ctx.now())
        with self._ctx.unit_of_work() as uow:  # never committed, and no row matches anyway
            parameters = lockout.settle_parameters(nobody, self._ctx.now())
            uow.session.execute(lockout.SETTLE, parameters).first()
            uow.session.execute(lockout.SETTLE_AND_REHASH, {**parameters, "new_hash": ""}).first()

    # --- registration -----------------------------------------------------------------------

    def register(
        self, *, email: str, password: str, display_name: str, role: Role, time_zone: str
    ) -> UserDTO:
        """Create a student or a teacher (teachers get an empty profile).

        Admins are refused (PermissionDenied): they come from ``linguaflex create-admin``.
        Bad input raises ValidationError, a taken email Conflict; nothing is written then.
        """
        parsed_role = _parse_role(role)
        if parsed_role is Role.ADMIN:
            raise PermissionDenied(
                tx("Admin accounts cannot be registered here; use `linguaflex create-admin`.")
            )
        return self._create_user(
            email=email,
            password=password,
            display_name=display_name,
            role=parsed_role,
            time_zone=time_zone,
        )

    def create_admin(
        self, *, email: str, password: str, display_name: str, time_zone: str = "UTC"
    ) -> UserDTO:
        """Create an admin (for the ``create-admin`` command; not reachable from the UI)."""
        return self._create_user(
            email=email,
            password=password,
            display_name=display_name,
            role=Role.ADMIN,
            time_zone=time_zone,
        )

    def _create_user(
        self, *, email: str, password: str, display_name: str, role: Role, time_zone: str
    ) -> UserDTO:
        clean_email = normalize_email(email)
        validate_password(password)
        name = normalize_display_name(display_name)
        zone = validate_time_zone(time_zone)
        password_hash = self._hasher.hash(password)
        taken = Conflict(tx("An account with the email {email} already exists.", email=clean_email))
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            if session.scalar(select(User.id).where(User.email == clean_email)) is not None:
                raise taken
            now = self._ctx.now()
            user = User(
                email=clean_email,
                password_hash=password_hash,
                role=role,
                display_name=name,
                time_zone=zone,
                is_active=True,
                failed_login_count=0,
                created_at=now,
            )
            session.add(user)
            try:
                session.flush()
                if role is Role.TEACHER:
                    session.add(TeacherProfile(user_id=user.id, bio="", languages=[]))
                uow.commit()
            except IntegrityError as error:  # a concurrent registration won the race
                raise taken from error
            return UserDTO.from_model(user)

    # --- sign-in ----------------------------------------------------------------------------

    def authenticate(
        self,
        *,
        email: str,
        password: str,
        while_checking: Callable[[UserDTO], None] | None = None,
    ) -> UserDTO:
        """Check email and password.

        The same AuthenticationFailed(WRONG_CREDENTIALS) for an unknown email and a wrong
        password; AccountLocked once 5 attempts were made within 15 minutes (lasting 15
        minutes from the 5th), however many run in parallel: each attempt is reserved before
        any hashing (see ``lockout``). A suspended account is told so only once the password
        is verified. Re-hashes the password when the parameters have risen.

        ``while_checking(user)`` is called just before the password is checked, for an
        account that exists, is not suspended and has attempts left, with the answer a
        right password will get: the caller may prepare for it (the app builds the role
        window and reads its first data meanwhile, into the hidden window) but must not
        act for the user (write, send, show) before this returns. Its errors are logged
        and change nothing.
        """
        try:
            clean_email = normalize_email(email)
        except ValidationError:
            raise AuthenticationFailed(WRONG_CREDENTIALS) from None
        if not isinstance(password, str):
            raise AuthenticationFailed(WRONG_CREDENTIALS)
        reserved = self._reserve_attempt(clean_email)
        if reserved is None:
            self._hasher.burn_time(password)
            raise AuthenticationFailed(WRONG_CREDENTIALS)
        reservation, candidate = reserved
        if while_checking is not None and not reservation.suspended:
            try:
                while_checking(candidate)
            except Exception:
                log.exception("preparing for a sign-in failed; the sign-in goes on")
        if not self._hasher.verify(reservation.stored_hash, password):
            raise AuthenticationFailed(WRONG_CREDENTIALS)  # counted when it was reserved
        if reservation.suspended:
            raise AuthenticationFailed(SUSPENDED_MESSAGE)
        new_hash = None
        if self._hasher.needs_rehash(reservation.stored_hash):
            new_hash = self._hasher.hash(password)
        return self._record_success(reservation, new_hash)

    def _reserve_attempt(self, email: str) -> tuple[lockout.Reservation, UserDTO] | None:
        """Take one of the window's password checks (``lockout.RESERVE``: one statement,
        atomic on its own); None for an unknown email, AccountLocked if none is left. With
        it, the account as a successful sign-in would answer it."""
        now = self._ctx.now()
        for _ in range(2):  # again only if the lock it found ran out meanwhile
            with self._ctx.unit_of_work(one_statement=True) as uow:
                leave_unannounced(uow.session)
                parameters = {"address": email, **lockout.window_bounds(now)}
                row = uow.session.execute(lockout.RESERVE, parameters).first()
                uow.commit()
            if row is not None:
                reservation = lockout.Reservation.from_row(row, suspended=_is_suspended(row))
                return reservation, UserDTO.from_model(row)
            found = self._read_counter(_USERS.c.email == email)
            if found is None:
                return None
            lockout.raise_if_locked(found, now)
        raise AuthenticationFailed(WRONG_CREDENTIALS)

    def _record_success(self, reservation: lockout.Reservation, new_hash: str | None) -> UserDTO:
        """Grant the sign-in (``lockout.SETTLE``: one statement, atomic on its own), unless
        later attempts locked the account or an admin suspended it while the password was
        being verified; then say which."""
        now = self._ctx.now()
        parameters = lockout.settle_parameters(reservation, now)
        statement = lockout.SETTLE
        if new_hash is not None:  # rare: the hashing parameters have risen
            statement, parameters = lockout.SETTLE_AND_REHASH, {**parameters, "new_hash": new_hash}
        for _ in range(2):  # again only if what refused it changed meanwhile
            with self._ctx.unit_of_work(one_statement=True) as uow:
                leave_unannounced(uow.session)
                row = uow.session.execute(statement, parameters).first()
                uow.commit()
            if row is not None:
                return UserDTO.from_model(row)
            found = self._read_counter(_USERS.c.id == reservation.user_id)
            if found is None:
                break
            if not lockout.is_last_reserved(found, reservation):
                lockout.raise_if_locked(found, now)
            if _is_suspended(found):
                raise AuthenticationFailed(SUSPENDED_MESSAGE)
        raise AuthenticationFailed(WRONG_CREDENTIALS)

    def _read_counter(self, which: ColumnElement[bool]) -> Row[Any] | None:
        """The account's attempt counter and state, as read now (why a statement of
        ``lockout`` updated no row)."""
        with self._ctx.unit_of_work(write=False) as uow:
            return uow.session.execute(select(_USERS).where(which)).first()

    @staticmethod
    def _lock_user_row(session: Session, user_id: int) -> User:
        user = session.scalar(_user_row_for_update(user_id))
        if user is None:
            raise AuthenticationFailed(WRONG_CREDENTIALS)
        return user

    # --- remember-me tokens -----------------------------------------------------------------

    def issue_remember_token(self, actor: Actor) -> str:
        """Return a new random token (32 bytes, URL-safe); only its SHA-256 digest is stored.
        It signs the actor in for 30 days unless revoked."""
        token = secrets.token_urlsafe(REMEMBER_TOKEN_BYTES)
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, password_change_pending_ok=True)
            now = self._ctx.now()
            uow.session.add(
                AuthToken(
                    user_id=user.id,
                    token_digest=token_digest(token),
                    created_at=now,
                    expires_at=now + REMEMBER_TOKEN_LIFETIME,
                )
            )
            uow.commit()
        return token

    def authenticate_token(self, token: str) -> UserDTO:
        """Sign in with a remember-me token; AuthenticationFailed if unknown, expired,
        revoked, or if its user is suspended."""
        if not isinstance(token, str) or not token:
            raise AuthenticationFailed(TOKEN_INVALID)
        with self._ctx.unit_of_work() as uow:
            now = self._ctx.now()
            row = uow.session.scalar(
                select(AuthToken).where(AuthToken.token_digest == token_digest(token))
            )
            if row is None or row.revoked_at is not None or row.expires_at <= now:
                raise AuthenticationFailed(TOKEN_INVALID)
            user = self._lock_user_row(uow.session, row.user_id)
            if _is_suspended(user):
                raise AuthenticationFailed(SUSPENDED_MESSAGE)
            user.last_login_at = now
            uow.commit()
            return UserDTO.from_model(user)

    def revoke_token(self, token: str) -> None:
        """Revoke a remember-me token (sign-out); an unknown token is ignored."""
        if not isinstance(token, str) or not token:
            return
        with self._ctx.unit_of_work() as uow:
            uow.session.execute(
                update(AuthToken)
                .where(AuthToken.token_digest == token_digest(token))
                .where(AuthToken.revoked_at.is_(None))
                .values(revoked_at=self._ctx.now())
            )
            uow.commit()

    # --- users ------------------------------------------------------------------------------

    def get_user(self, actor: Actor, user_id: int) -> UserDTO:
        """One user's account: the actor's own, or anyone's for an admin."""
        with self._ctx.unit_of_work(write=False) as uow:
            acting = load_acting_user(uow.session, actor)
            if acting.role is not Role.ADMIN and acting.id != user_id:
                raise PermissionDenied(tx("You can only see your own account."))
            user = uow.session.get(User, user_id)
            if user is None:
                raise NotFound(tx("No such user."))
            return UserDTO.from_model(user)

    def list_users(
        self,
        actor: Actor,
        *,
        role: Role | None = None,
        text: str = "",
        offset: int = 0,
        limit: int = 100,
    ) -> Page[UserDTO]:
        """Admin only: users by id, optionally of one role and matching ``text`` in the email
        or display name (case-insensitive, literal)."""
        check_paging(offset, limit)
        text = clean_line(text, what=tx("search text"), limit=MAX_SEARCH_LENGTH)
        query = select(User)
        if role is not None:
            query = query.where(User.role == _parse_role(role))
        if text:
            pattern = like_pattern(text)
            query = query.where(
                or_(
                    func.lower(User.email).like(pattern, escape="\\"),
                    func.lower(User.display_name).like(pattern, escape="\\"),
                )
            )
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            total = uow.session.scalar(select(func.count()).select_from(query.subquery()))
            users = uow.session.scalars(query.order_by(User.id).offset(offset).limit(limit))
            items = tuple(UserDTO.from_model(user) for user in users)
        return Page(items=items, total=int(total or 0), offset=offset, limit=limit)

    def suspend_user(self, actor: Actor, user_id: int, *, reason: str = "") -> UserDTO:
        """Admin only, never oneself: the user can no longer sign in (tokens are revoked),
        their gigs leave the search. Audited. Suspending a suspended user changes nothing."""
        reason = clean_multiline(reason, what=tx("reason"), limit=MAX_AUDIT_REASON_LENGTH)
        with self._ctx.unit_of_work() as uow:
            acting = load_acting_user(uow.session, actor, Role.ADMIN)
            if acting.id == user_id:
                raise PermissionDenied(tx("You cannot suspend your own account."))
            user = self._get_for_update(uow.session, user_id)
            if user.suspended_at is None:
                now = self._ctx.now()
                user.suspended_at = now
                self._revoke_all_tokens(uow.session, user.id, now)
                self._audit(
                    uow.session, acting.id, AuditAction.USER_SUSPENDED, user, None, now, reason
                )
                uow.commit()
            return UserDTO.from_model(user)

    def reactivate_user(self, actor: Actor, user_id: int) -> UserDTO:
        """Admin only: lift a suspension (old remember-me tokens stay revoked). Audited."""
        with self._ctx.unit_of_work() as uow:
            acting = load_acting_user(uow.session, actor, Role.ADMIN)
            user = self._get_for_update(uow.session, user_id)
            if user.suspended_at is not None:
                before, now = user.suspended_at, self._ctx.now()
                user.suspended_at = None
                user.failed_login_count, user.failed_login_window_start = 0, None
                self._audit(
                    uow.session, acting.id, AuditAction.USER_REACTIVATED, user, before, now, ""
                )
                uow.commit()
            return UserDTO.from_model(user)

    @staticmethod
    def _get_for_update(session: Session, user_id: int) -> User:
        user_id = check_id(user_id, what=tx("user"))
        user = session.scalar(select(User).where(User.id == user_id).with_for_update())
        if user is None:
            raise NotFound(tx("No such user."))
        return user

    @staticmethod
    def _revoke_all_tokens(session: Session, user_id: int, now: datetime) -> None:
        revoke_remember_tokens(session, user_id, now)

    @staticmethod
    def _audit(
        session: Session,
        actor_id: int,
        action: AuditAction,
        user: User,
        suspended_before: datetime | None,
        now: datetime,
        reason: str,
    ) -> None:
        record_audit(
            session,
            actor_id=actor_id,
            action=action,
            entity_type="user",
            entity_id=user.id,
            at=now,
            before={"suspended_at": suspended_before},
            after={"suspended_at": user.suspended_at},
            reason=reason,
        )
