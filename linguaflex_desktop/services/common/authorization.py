"""Authorization checks done inside services (never only by hidden buttons)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx

MUST_CHANGE_PASSWORD = tx("Please choose a new password first (Account > Profile and password).")
NO_ACCOUNT_ID = 0  # ids start at 1: what a warm-up reads for, so that it reads nothing


def load_acting_user(
    session: Session, actor: Actor, *roles: Role, password_change_pending_ok: bool = False
) -> User:
    """Return the actor's row, refusing unknown, suspended or wrong-role users, and users who
    must replace an admin's temporary password (unless ``password_change_pending_ok``: the
    password change itself and what sign-in needs)."""
    return check_acting_user(
        session.get(User, actor.id), *roles, password_change_pending_ok=password_change_pending_ok
    )


def check_acting_user(
    user: User | None, *roles: Role, password_change_pending_ok: bool = False
) -> User:
    """``load_acting_user``'s checks on a row the caller loaded itself (None: not found)."""
    if user is None or not user.is_active or user.suspended_at is not None:
        raise PermissionDenied(tx("Your account is not active."))
    if user.must_change_password and not password_change_pending_ok:
        raise PermissionDenied(MUST_CHANGE_PASSWORD)
    if roles and user.role not in roles:
        raise PermissionDenied(tx("Your role does not allow this."))
    return user


def warm_up_acting_user(session: Session) -> None:
    """Compile ``load_acting_user``'s lookup now (a few ms the first time a process runs
    it), for an id no account has."""
    session.get(User, NO_ACCOUNT_ID)
