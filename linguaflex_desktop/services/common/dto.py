"""Frozen DTOs that services return to the UI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from linguaflex_desktop.models.enums import Level, Role, SpokenLevel
from linguaflex_desktop.texts import ENGLISH

if TYPE_CHECKING:
    # ORM classes only as the type of from_model's argument: none is imported at run time.
    from sqlalchemy import Row

    from linguaflex_desktop.models import Gig, User


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
    # The language the account's notifications and e-mails are written in (English until
    # the app records another).
    language: str = ENGLISH

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.email, self.role, self.display_name, self.time_zone)

    @classmethod
    def from_model(cls, user: User | Row[*tuple[Any, ...]]) -> UserDTO:
        """From a User, or a row of the users table."""
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
            language=user.language or ENGLISH,
        )


@dataclass(frozen=True)
class SpokenLanguage:
    """A language a teacher speaks and how well."""

    language: str
    level: SpokenLevel


@dataclass(frozen=True)
class RatingSummary:
    """The stars students gave a teacher: how many ratings and their sum (whole numbers on
    both databases); ``average`` is None before the first rating."""

    count: int = 0
    total_stars: int = 0

    @property
    def average(self) -> float | None:
        """The mean of the stars rounded half up to one decimal (17 / 4 -> 4.3), computed in
        whole numbers so both databases and every view agree; None before the first."""
        return shown_average(self.total_stars, self.count)


def shown_average(total: int, count: int) -> float | None:
    """``total / count`` rounded half up to one decimal, in whole numbers (None for 0)."""
    if count <= 0:
        return None
    return ((20 * total + count) // (2 * count)) / 10


@dataclass(frozen=True)
class TeacherSummary:
    """What a student sees of a gig's teacher beside the gig: country (ISO 3166-1 alpha-2
    code and English name), languages spoken, rating, and whether a photo exists (the photo
    itself is fetched once per teacher; ``photo_updated_at`` tells a cached one is stale)."""

    country: str | None = None
    country_name: str = ""
    languages: tuple[SpokenLanguage, ...] = ()
    rating: RatingSummary = RatingSummary()
    photo_updated_at: datetime | None = None

    @property
    def has_photo(self) -> bool:
        return self.photo_updated_at is not None


@dataclass(frozen=True)
class TeacherProfileDTO:
    """A teacher's public profile. ``languages`` are the names alone (the older form);
    ``spoken_languages`` carry the levels. ``photo`` is PNG or JPEG bytes (None: no photo);
    ``gigs`` are the teacher's bookable gigs, each with ``teacher`` filled in."""

    user_id: int
    display_name: str
    bio: str
    languages: tuple[str, ...]
    time_zone: str
    spoken_languages: tuple[SpokenLanguage, ...] = ()
    country: str | None = None
    country_name: str = ""
    photo: bytes | None = None
    rating: RatingSummary = RatingSummary()
    gigs: tuple[GigDTO, ...] = ()


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
    teacher: TeacherSummary = TeacherSummary()

    @property
    def rating_average(self) -> float | None:
        """The teacher's shown average over visible reviews (None without any)."""
        return self.teacher.rating.average

    @property
    def rating_count(self) -> int:
        return self.teacher.rating.count

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
    def from_model(cls, gig: Gig, teacher: TeacherSummary | None = None) -> GigDTO:
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
            teacher=teacher or TeacherSummary(),
        )


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list: ``items`` plus the total count for the pager."""

    items: tuple[T, ...]
    total: int
    offset: int
    limit: int
