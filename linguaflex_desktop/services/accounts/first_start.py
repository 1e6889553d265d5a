"""First start: is the database still empty of users?

The login window asks this before offering "Load demo data" (``demo_data.seed_demo_data``).
No acting user exists yet, so this reveals nothing but "empty or not". Worker threads.
"""

from __future__ import annotations

from sqlalchemy import select

from linguaflex_desktop.models import User
from linguaflex_desktop.services.common.context import ServiceContext


def has_no_users(ctx: ServiceContext) -> bool:
    """True when not a single account exists (a fresh database)."""
    with ctx.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(User.id).limit(1)).first() is None
