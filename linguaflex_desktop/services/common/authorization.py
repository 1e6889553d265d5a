"""Authorization checks done inside services (never only by hidden buttons)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.dto import Actor


def load_acting_user(session: Session, actor: Actor, *roles: Role) -> User:
    """Return the actor's row, refusing unknown, suspended or wrong-role users."""
    user = session.get(User, actor.id)
    if user is None or not user.is_active or user.suspended_at is not None:
        raise PermissionDenied("Your account is not active.")
    if roles and user.role not in roles:
        raise PermissionDenied("Your role does not allow this.")
    return user
