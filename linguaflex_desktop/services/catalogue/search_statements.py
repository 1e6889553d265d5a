"""The statements of a gig search, built once per shape and run with the search's values.

A search's statement (the searchable gigs with their teachers' summaries and review totals,
the filters given, the full-text match, the order, one page and the count of every match)
took 0.4-0.5 ms of Python to build, and its cache key 0.16 ms more, in a search of 2.7 ms of
client CPU on SQLite over 20,000 gigs (bench/bench_search.py's queries). What it looks like
depends only on which filters are given and on the sort (``Shape``); every value is a bind
parameter. So each shape is built once per process (``search_statements``) and run with
``parameters``: alternating runs of those queries took 1.88-1.91 ms of client CPU per
search against 2.63-2.75 ms. A statement never changes once built, so threads share them. A
search by free time is built each time (``build``): its condition carries the viewer's and
the clock's values.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    false,
    func,
    select,
)

from linguaflex_desktop.models import Gig, Role, User
from linguaflex_desktop.services.catalogue.ratings import at_least, exact_average, visible_totals
from linguaflex_desktop.services.catalogue.teacher_summary import (
    gig_columns_with_teachers,
    with_teacher_summary,
)
from linguaflex_desktop.services.catalogue.text_search import matched_by

SORTS = ("relevance", "price_asc", "price_desc", "newest", "rating")
# Shapes kept built: each filter given or not, times the sorts and text kinds, is 960 in all
# on one database; the ones a student uses are a few dozen.
_KEPT_SHAPES = 256


class Shape(NamedTuple):
    """Which parts a search has; ``parameters`` gives their values."""

    dialect: str
    sort: str
    language: bool = False
    level: bool = False
    currency: bool = False
    min_rate: bool = False
    max_rate: bool = False
    min_rating: bool = False
    words: bool = False  # the full-text match of some words is joined
    nothing: bool = False  # a text of punctuation only: no gig matches


class SearchStatements(NamedTuple):
    """``page``: one page of gigs (bind ``offset`` and ``limit``) with their teachers'
    summaries and, as its last column, the count of every match. ``count_all``: that count
    alone, for a page past the end, which has no row to carry it."""

    page: Select[Any]
    count_all: Select[Any]


def searchable() -> ColumnElement[bool]:
    """The SQL condition for a gig students may see (needs Gig joined with its teacher)."""
    return and_(
        Gig.is_active.is_(True),
        Gig.suspended_at.is_(None),
        User.role == Role.TEACHER,
        User.is_active.is_(True),
        User.suspended_at.is_(None),
    )


@lru_cache(maxsize=_KEPT_SHAPES)
def search_statements(shape: Shape) -> SearchStatements:
    """The statements of ``shape``, built on its first search in this process."""
    return build(shape)


def build(shape: Shape, also: ColumnElement[bool] | None = None) -> SearchStatements:
    """The statements of ``shape``, with the condition ``also`` if given (not kept)."""
    totals = visible_totals()
    query = (
        gig_columns_with_teachers()
        .outerjoin(totals, totals.c.teacher_id == Gig.teacher_id)
        .where(searchable())
    )
    if shape.min_rating:
        query = query.where(at_least(totals, bindparam("min_rating", type_=Integer)))
    if shape.language:
        query = query.where(Gig.language == bindparam("language"))
    if shape.level:
        query = query.where(Gig.level == bindparam("level"))
    if shape.currency:
        query = query.where(Gig.currency == bindparam("currency"))
    if shape.min_rate:
        query = query.where(Gig.hourly_rate_minor >= bindparam("min_rate"))
    if shape.max_rate:
        query = query.where(Gig.hourly_rate_minor <= bindparam("max_rate"))
    matched = None
    if shape.nothing:
        query = query.where(false())
    elif shape.words:
        matched = matched_by(shape.dialect)
        query = query.join(matched, matched.c.gig_id == Gig.id)
    if also is not None:
        query = query.where(also)
    order = ordering(shape.sort, matched, totals)
    ordered = query.order_by(*order).offset(bindparam("offset")).limit(bindparam("limit"))
    page = with_teacher_summary(ordered, totals).add_columns(func.count().over())
    count = select(func.count()).select_from(query.subquery())
    return SearchStatements(page, count)


def parameters(shape: Shape, **values: Any) -> Mapping[str, Any]:
    """The bind parameters of a search of ``shape``: ``values`` holds each part's value
    (``match`` for the words, ``min_rating``, ``language``, ...) and ``offset`` and
    ``limit``; those of parts the shape lacks are left out."""
    given = {
        "min_rating": shape.min_rating,
        "language": shape.language,
        "level": shape.level,
        "currency": shape.currency,
        "min_rate": shape.min_rate,
        "max_rate": shape.max_rate,
        "match": shape.words and not shape.nothing,
        "offset": True,
        "limit": True,
    }
    return {name: values[name] for name, used in given.items() if used}


def ordering(sort: str, matched: Subquery | None, totals: Subquery) -> list[Any]:
    if sort == "rating":
        unrated = case((totals.c.count.is_(None), 1), else_=0)
        return [unrated, exact_average(totals).desc(), totals.c.count.desc(), Gig.id]
    if sort == "price_asc":
        return [Gig.hourly_rate_minor, Gig.id]
    if sort == "price_desc":
        return [Gig.hourly_rate_minor.desc(), Gig.id]
    if sort == "newest":
        return [Gig.created_at.desc(), Gig.id.desc()]
    relevance = [] if matched is None else [matched.c.score.desc()]
    return [*relevance, Gig.hourly_rate_minor, Gig.id]
