"""What a gig's teacher looks like beside the gig: the SQL that brings a teacher's country,
languages, photo date and rating totals into a gig query as extra columns, so a page of
search results costs no extra query per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import Gig, Rating, TeacherProfile
from linguaflex_desktop.services.catalogue.countries import country_name
from linguaflex_desktop.services.catalogue.profile_rules import spoken_from_json
from linguaflex_desktop.services.common.dto import GigDTO, RatingSummary, TeacherSummary


def _counted_ratings() -> Any:
    """The ratings that count towards a teacher's average."""
    # reviews may be hidden: once ratings carry a hidden flag (hidden_at / is_hidden), add
    # `.where(Rating.hidden_at.is_(None))` here; search and the profile both read through it.
    return select(Rating.teacher_id, Rating.stars)


def rating_totals() -> Subquery:
    """Per teacher: ``rating_count`` and ``rating_stars`` (the sum) of the counted ratings."""
    counted = _counted_ratings().subquery("counted_ratings")
    return (
        select(
            counted.c.teacher_id,
            func.count().label("rating_count"),
            func.sum(counted.c.stars).label("rating_stars"),
        )
        .group_by(counted.c.teacher_id)
        .subquery("rating_totals")
    )


def rating_of(session: Session, teacher_id: int) -> RatingSummary:
    """One aggregate query: the count and star total of one teacher's counted ratings."""
    counted = _counted_ratings().where(Rating.teacher_id == teacher_id).subquery()
    count, total = session.execute(
        select(func.count(), func.coalesce(func.sum(counted.c.stars), 0))
    ).one()
    return RatingSummary(count=int(count), total_stars=int(total))


def with_teacher_summary(query: Select[Any]) -> Select[Any]:
    """``query`` (a select of Gig) with the teacher's summary columns added after the Gig."""
    totals = rating_totals()
    return (
        query.outerjoin(TeacherProfile, TeacherProfile.user_id == Gig.teacher_id)
        .outerjoin(totals, totals.c.teacher_id == Gig.teacher_id)
        .add_columns(
            TeacherProfile.country,
            TeacherProfile.spoken_languages,
            TeacherProfile.photo_updated_at,
            totals.c.rating_count,
            totals.c.rating_stars,
        )
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
