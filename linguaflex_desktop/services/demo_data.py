"""Demo data for `linguaflex seed-demo`: fixed accounts with known passwords; idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Role
from .context import ServiceContext

DEMO_PASSWORD_STUDENT = "student-demo-2027"
DEMO_PASSWORD_TEACHER = "teacher-demo-2027"
DEMO_PASSWORD_ADMIN = "admin-demo-2027"


@dataclass(frozen=True)
class DemoSeedResult:
    created: bool
    admins: int
    teachers: int
    students: int
    gigs: int


def seed_demo_data(ctx: ServiceContext) -> DemoSeedResult:
    raise NotImplementedError


def demo_accounts() -> list[tuple[str, str, Role]]:
    raise NotImplementedError
