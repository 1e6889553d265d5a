"""Gigs and the teacher's weekly availability."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from linguaflex_desktop.models.accounts import User
from linguaflex_desktop.models.base import Base, str_enum, utcnow
from linguaflex_desktop.models.enums import Level


class Gig(Base):
    __tablename__ = "gigs"
    __table_args__ = (
        CheckConstraint("hourly_rate_minor > 0", name="hourly_rate_positive"),
        CheckConstraint("length(currency) = 3", name="currency_iso"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint(
            "min_duration_minutes > 0 AND max_duration_minutes >= min_duration_minutes"
            " AND duration_step_minutes > 0",
            name="durations_sane",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    language: Mapped[str] = mapped_column(String(40), index=True)
    level: Mapped[Level] = mapped_column(str_enum(Level, "level"))
    description: Mapped[str] = mapped_column(Text, default="")
    hourly_rate_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    is_active: Mapped[bool] = mapped_column(default=True)
    suspended_at: Mapped[datetime | None]
    min_duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    max_duration_minutes: Mapped[int] = mapped_column(Integer, default=180)
    duration_step_minutes: Mapped[int] = mapped_column(Integer, default=15)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    teacher: Mapped[User] = relationship()


class AvailabilityRule(Base):
    """A weekly range in the teacher's own time zone: weekday 0 = Monday, minutes from 00:00."""

    __tablename__ = "availability_rules"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint(
            "start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute",
            name="minutes_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)


class AvailabilityException(Base):
    """A day off (no ranges) on a local date in the teacher's zone."""

    __tablename__ = "availability_exceptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    local_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")
