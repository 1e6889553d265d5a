"""Users, teacher profiles and remember-me session tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from linguaflex_desktop.models.base import Base, str_enum, utcnow
from linguaflex_desktop.models.enums import Role


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("failed_login_count >= 0", name="failed_login_count_non_negative"),
        CheckConstraint("email = lower(email)", name="email_lowercase"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), index=True)
    display_name: Mapped[str] = mapped_column(String(120))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_active: Mapped[bool] = mapped_column(default=True)
    suspended_at: Mapped[datetime | None]
    failed_login_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_login_window_start: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when an admin gave a temporary password: nothing but choosing a new one is allowed.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The language the user reads the app in ("en", "es"; None: English): notifications and
    # e-mails to them are written in it. Recorded by the app at sign-in and on a change.
    language: Mapped[str | None] = mapped_column(String(8), default=None)

    teacher_profile: Mapped[TeacherProfile | None] = relationship(
        back_populates="user", uselist=False
    )


class TeacherProfile(Base):
    """What students see of a teacher beside their gigs.

    ``languages`` lists language names only (the older form, kept in step with the names in
    ``spoken_languages``); ``spoken_languages`` holds ``{"language": ..., "level": ...}``
    entries, the level a ``SpokenLevel`` value. ``country`` is an ISO 3166-1 alpha-2 code.
    The photo is a small PNG or JPEG (at most 256 x 256 pixels, scaled by the window before
    upload) kept in the database, so every desktop sharing a Postgres database sees it; it is
    deferred so that loading a profile does not load the picture.
    """

    __tablename__ = "teacher_profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    bio: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    spoken_languages: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    country: Mapped[str | None] = mapped_column(String(2))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    photo_updated_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(back_populates="teacher_profile")


class AuthToken(Base):
    """A revocable "remember me" token; only its SHA-256 digest is stored."""

    __tablename__ = "auth_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


ACCOUNT_CODE_PURPOSES = ("password_reset", "email_change")


class AccountCode(Base):
    """A one-time code e-mailed for a password reset or to confirm a new e-mail address.

    A row is written for every request, also for an unknown address (``user_id`` None, never
    sent), so the hourly limits count all requests alike. Only the code's SHA-256 digest is
    stored, by the send job that makes the code; ``expires_at`` runs from then. A code is
    spent when used, or after ``failed_attempts`` reach the limit.
    """

    __tablename__ = "account_codes"
    __table_args__ = (
        CheckConstraint(
            "purpose IN ('password_reset', 'email_change')", name="account_code_purpose"
        ),
        CheckConstraint("failed_attempts >= 0", name="account_code_attempts_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(20))
    email: Mapped[str] = mapped_column(String(254), index=True)
    code_digest: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    expires_at: Mapped[datetime | None]
    used_at: Mapped[datetime | None]
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
