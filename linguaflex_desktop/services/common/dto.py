"""Frozen DTOs that services return to the UI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from linguaflex_desktop.models.enums import Level, Role

if TYPE_CHECKING:
    # ORM classes only as the type of from_model's argument: none is imported at run time.
    from linguaflex_desktop.models import Gig, TeacherProfile, User


@dataclass(frozen=True)
class Actor:
    """The acting user, as the UI knows it after sign-in. Services re-check it on every call."""

    id: int
    email: str
    role: Role
    display_name: str
    time_zone: str


@dataclass(frozen=True)
class UserDTO:
    id: int
    email: str
    role: Role
    display_name: str
    time_zone: str
    is_active: bool
    suspended_at: datetime | None
    created_at: datetime
    # An admin's temporary password: the app asks for a new one before anything else.
    must_change_password: bool = False

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.email, self.role, self.display_name, self.time_zone)

    @classmethod
    def from_model(cls, user: User) -> UserDTO:
        return cls(
            id=user.id,
            email=user.email,
            role=user.role,
            display_name=user.display_name,
            time_zone=user.time_zone,
            is_active=user.is_active,
            suspended_at=user.suspended_at,
            created_at=user.created_at,
            must_change_password=bool(user.must_change_password),
        )


@dataclass(frozen=True)
class TeacherProfileDTO:
    user_id: int
    display_name: str
    bio: str
    languages: tuple[str, ...]
    time_zone: str

    @classmethod
    def from_model(cls, profile: TeacherProfile, user: User) -> TeacherProfileDTO:
        return cls(
            user_id=user.id,
            display_name=user.display_name,
            bio=profile.bio,
            languages=tuple(profile.languages or ()),
            time_zone=user.time_zone,
        )


@dataclass(frozen=True)
class GigDTO:
    id: int
    teacher_id: int
    teacher_name: str
    teacher_time_zone: str
    title: str
    language: str
    level: Level
    description: str
    hourly_rate_minor: int
    currency: str
    is_active: bool
    is_suspended: bool
    min_duration_minutes: int
    max_duration_minutes: int
    duration_step_minutes: int
    # the teacher's visible reviews: the average shown (rounded to one decimal; None without
    # any review) and how many (filled by the search and get_gig; see catalogue.ratings)
    rating_average: float | None = None
    rating_count: int = 0

    @property
    def allowed_durations(self) -> tuple[int, ...]:
        return tuple(
            range(
                self.min_duration_minutes,
                self.max_duration_minutes + 1,
                self.duration_step_minutes,
            )
        )

    @classmethod
    def from_model(cls, gig: Gig, *, rating: tuple[float | None, int] | None = None) -> GigDTO:
        average, count = rating if rating is not None else (None, 0)
        return cls(
            id=gig.id,
            teacher_id=gig.teacher_id,
            teacher_name=gig.teacher.display_name,
            teacher_time_zone=gig.teacher.time_zone,
            title=gig.title,
            language=gig.language,
            level=gig.level,
            description=gig.description,
            hourly_rate_minor=gig.hourly_rate_minor,
            currency=gig.currency,
            is_active=gig.is_active,
            is_suspended=gig.suspended_at is not None,
            min_duration_minutes=gig.min_duration_minutes,
            max_duration_minutes=gig.max_duration_minutes,
            duration_step_minutes=gig.duration_step_minutes,
            rating_average=average,
            rating_count=count,
        )


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list: ``items`` plus the total count for the pager."""

    items: tuple[T, ...]
    total: int
    offset: int
    limit: int
