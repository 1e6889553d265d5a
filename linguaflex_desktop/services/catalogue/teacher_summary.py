"""What a gig's teacher looks like beside the gig: the SQL that brings a teacher's country,
languages, photo date and rating totals into a gig query as extra columns, so a page of
search results costs no extra query per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import Gig, Rating, TeacherProfile, User
from linguaflex_desktop.services.catalogue.countries import country_name
from linguaflex_desktop.services.catalogue.profile_rules import spoken_from_json
from linguaflex_desktop.services.catalogue.ratings import visible_totals
from linguaflex_desktop.services.common.dto import GigDTO, RatingSummary, TeacherSummary


def rating_of(session: Session, teacher_id: int) -> RatingSummary:
    """One aggregate query: the count and star total of one teacher's visible reviews."""
    count, total = session.execute(
        select(func.count(Rating.id), func.coalesce(func.sum(Rating.stars), 0)).where(
            Rating.teacher_id == teacher_id, Rating.hidden_at.is_(None)
        )
    ).one()
    return RatingSummary(count=int(count), total_stars=int(total))


def with_teacher_summary(query: Select[Any], totals: Subquery | None = None) -> Select[Any]:
    """``query`` (a select of Gig) with the teacher's summary columns added after the Gig.
    ``totals``: the ``ratings.visible_totals()`` the query has joined already (search sorts
    and filters by it), else it is joined here."""
    if totals is None:
        totals = visible_totals()
        query = query.outerjoin(totals, totals.c.teacher_id == Gig.teacher_id)
    return query.outerjoin(TeacherProfile, TeacherProfile.user_id == Gig.teacher_id).add_columns(
        TeacherProfile.country,
        TeacherProfile.spoken_languages,
        TeacherProfile.photo_updated_at,
        totals.c.count,
        totals.c.total,
    )


def summary(
    *,
    country: str | None,
    spoken_languages: object,
    photo_updated_at: Any,
    rating: RatingSummary,
) -> TeacherSummary:
    return TeacherSummary(
        country=country,
        country_name=country_name(country),
        languages=spoken_from_json(spoken_languages),
        rating=rating,
        photo_updated_at=photo_updated_at,
    )


def gig_with_summary(row: Sequence[Any]) -> GigDTO:
    """A GigDTO from one row of ``with_teacher_summary``."""
    gig, country, spoken, photo_updated_at, count, stars = row
    rating = RatingSummary(count=int(count or 0), total_stars=int(stars or 0))
    teacher = summary(
        country=country,
        spoken_languages=spoken,
        photo_updated_at=photo_updated_at,
        rating=rating,
    )
    return GigDTO.from_model(gig, teacher)


# A search page reads plain columns rather than ORM objects: fifty gigs and their teachers
# as mapped instances cost more in Python than the query itself.
GIG_COLUMNS = (
    Gig.id,
    Gig.teacher_id,
    User.display_name,
    User.time_zone,
    Gig.title,
    Gig.language,
    Gig.level,
    Gig.description,
    Gig.hourly_rate_minor,
    Gig.currency,
    Gig.is_active,
    Gig.suspended_at,
    Gig.min_duration_minutes,
    Gig.max_duration_minutes,
    Gig.duration_step_minutes,
)


def gig_columns_with_teachers() -> Select[Any]:
    """A select of ``GIG_COLUMNS`` over gigs joined with their teachers."""
    query: Select[Any] = select(*GIG_COLUMNS)  # type: ignore[assignment]  # many columns
    return query.select_from(Gig).join(User, User.id == Gig.teacher_id)


def gig_row_with_summary(row: Sequence[Any]) -> GigDTO:
    """A GigDTO from one row of ``with_teacher_summary(gig_columns_with_teachers() ...)``."""
    (gig_id, teacher_id, name, zone, title, language, level, description, rate, currency) = row[:10]
    is_active, suspended_at, shortest, longest, step = row[10:15]
    country, spoken, photo_updated_at, count, stars = row[15:20]
    rating = RatingSummary(count=int(count or 0), total_stars=int(stars or 0))
    return GigDTO(
        id=gig_id,
        teacher_id=teacher_id,
        teacher_name=name,
        teacher_time_zone=zone,
        title=title,
        language=language,
        level=level,
        description=description,
        hourly_rate_minor=rate,
        currency=currency,
        is_active=bool(is_active),
        is_suspended=suspended_at is not None,
        min_duration_minutes=shortest,
        max_duration_minutes=longest,
        duration_step_minutes=step,
        teacher=summary(
            country=country,
            spoken_languages=spoken,
            photo_updated_at=photo_updated_at,
            rating=rating,
        ),
    )
