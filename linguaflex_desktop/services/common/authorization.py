"""Authorization checks done inside services (never only by hidden buttons)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from linguaflex_desktop.db import run_core
from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx

MUST_CHANGE_PASSWORD = tx("Please choose a new password first (Account > Profile and password).")
NO_ACCOUNT_ID = 0  # ids start at 1: what a warm-up reads for, so that it reads nothing
# What ``check_actor`` reads of the acting user: the columns its checks look at.
_ACCOUNT_STATE = select(
    User.is_active, User.suspended_at, User.must_change_password, User.role
).where(User.id == bindparam("user_id"))


class AccountState(Protocol):
    """What the checks read of an account: a ``User``, or a row of its columns."""

    @property
    def is_active(self) -> bool: ...
    @property
    def suspended_at(self) -> datetime | None: ...
    @property
    def must_change_password(self) -> bool: ...
    @property
    def role(self) -> Role: ...


Account = TypeVar("Account", bound=AccountState)


def load_acting_user(
    session: Session, actor: Actor, *roles: Role, password_change_pending_ok: bool = False
) -> User:
    """Return the actor's row, refusing unknown, suspended or wrong-role users, and users who
    must replace an admin's temporary password (unless ``password_change_pending_ok``: the
    password change itself and what sign-in needs)."""
    return check_acting_user(
        session.get(User, actor.id), *roles, password_change_pending_ok=password_change_pending_ok
    )


def check_actor(
    session: Session, actor: Actor, *roles: Role, password_change_pending_ok: bool = False
) -> None:
    """``load_acting_user``'s checks, for a caller that needs the permission and not the
    user: the account's state is read as one row of columns, not loaded as an ORM object
    (about 0.35 of a search's 2.8 ms of client CPU on SQLite, 20,000 gigs)."""
    state = run_core(session, _ACCOUNT_STATE, {"user_id": actor.id}).first()
    check_acting_user(state, *roles, password_change_pending_ok=password_change_pending_ok)


def check_acting_user(
    user: Account | None, *roles: Role, password_change_pending_ok: bool = False
) -> Account:
    """``load_acting_user``'s checks on a row the caller loaded itself (None: not found)."""
    if user is None or not user.is_active or user.suspended_at is not None:
        raise PermissionDenied(tx("Your account is not active."))
    if user.must_change_password and not password_change_pending_ok:
        raise PermissionDenied(MUST_CHANGE_PASSWORD)
    if roles and user.role not in roles:
        raise PermissionDenied(tx("Your role does not allow this."))
    return user


def warm_up_acting_user(session: Session) -> None:
    """Compile ``load_acting_user``'s and ``check_actor``'s lookups now (a few ms the first
    time a process runs them), for an id no account has."""
    session.get(User, NO_ACCOUNT_ID)
    run_core(session, _ACCOUNT_STATE, {"user_id": NO_ACCOUNT_ID}).first()
