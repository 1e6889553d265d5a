"""First start: is the database still empty of users, and which demo accounts can sign in?

The login window asks this before offering "Load demo data" (``demo_data.seed_demo_data``),
and, once loaded, to keep listing the demo accounts for as long as they exist. No acting
user exists yet: the answer reveals only "empty or not" and which of the given (public, demo)
addresses belong to an active account. Worker threads.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select

from linguaflex_desktop.models import User
from linguaflex_desktop.services.common.context import ServiceContext


def has_no_users(ctx: ServiceContext) -> bool:
    """True when not a single account exists (a fresh database)."""
    with ctx.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(User.id).limit(1)).first() is None


def active_accounts_among(ctx: ServiceContext, emails: Collection[str]) -> frozenset[str]:
    """The addresses of ``emails`` that belong to an active, unsuspended account."""
    if not emails:
        return frozenset()
    with ctx.unit_of_work(write=False) as uow:
        found = uow.session.scalars(
            select(User.email).where(
                User.email.in_(list(emails)),
                User.is_active.is_(True),
                User.suspended_at.is_(None),
            )
        )
        return frozenset(found)
