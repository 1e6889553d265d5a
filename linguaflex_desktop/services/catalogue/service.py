"""Catalogue: gigs, student search, admin suspension of gigs (teacher profiles: profiles.py).

Each public method is one transaction on the calling thread (a worker thread in the app).
A gig is *searchable* when it is active and not suspended and its teacher is an active,
unsuspended teacher; students only ever see searchable gigs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Subquery, and_, case, false, func, or_, select
from sqlalchemy.orm import Session, contains_eager

from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import AuditAction, Gig, Level, Role, User
from linguaflex_desktop.services.catalogue.free_time import (
    FreeTime,
    FreeTimeFilter,
    check_free_time,
)
from linguaflex_desktop.services.catalogue.gig_fields import clean_gig_fields
from linguaflex_desktop.services.catalogue.ratings import (
    at_least,
    check_min_rating,
    exact_average,
    visible_totals,
)
from linguaflex_desktop.services.catalogue.teacher_summary import (
    gig_columns_with_teachers,
    gig_row_with_summary,
    gig_with_summary,
    with_teacher_summary,
)
from linguaflex_desktop.services.catalogue.text_search import Words, matching_gigs
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import (
    load_acting_user,
    warm_up_acting_user,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, GigDTO, Page
from linguaflex_desktop.services.common.pricing import (
    normalize_currency,
)
from linguaflex_desktop.services.common.validation import (
    MAX_DB_INT,
    check_id,
    check_paging,
    clean_line,
    clean_multiline,
    normalize_language,
    parse_level,
)
from linguaflex_desktop.texts import tx

MAX_SEARCH_LENGTH = 200
MAX_AUDIT_REASON_LENGTH = 2000
SORTS = ("relevance", "price_asc", "price_desc", "newest", "rating")
GIG_NOT_FOUND = tx("This gig does not exist or is no longer offered.")


def _searchable() -> Any:
    """The SQL condition for a gig students may see (needs Gig joined with its teacher)."""
    return and_(
        Gig.is_active.is_(True),
        Gig.suspended_at.is_(None),
        User.role == Role.TEACHER,
        User.is_active.is_(True),
        User.suspended_at.is_(None),
    )


def _searchable_gigs(totals: Any) -> Select[Any]:
    """The columns a search shows of each searchable gig, with its teacher's review totals
    (``totals``, joined for the summary and the rating filter and sort)."""
    return (
        gig_columns_with_teachers()
        .outerjoin(totals, totals.c.teacher_id == Gig.teacher_id)
        .where(_searchable())
    )


def _search_page(
    session: Session, query: Select[Any], totals: Any, order: list[Any], *, offset: int, limit: int
) -> Page[GigDTO]:
    """The page of ``query``'s gigs in ``order``, each with its teacher's summary, and the
    count of every match in one pass: the count as a window column; a page past the end has
    no row to carry it, so it is counted apart."""
    ordered = query.order_by(*order).offset(offset).limit(limit)
    paged = with_teacher_summary(ordered, totals).add_columns(func.count().over())
    rows = session.execute(paged).all()
    items = tuple(gig_row_with_summary(row) for row in rows)
    if rows:
        total = rows[0][-1]
    elif offset:
        total = session.scalar(select(func.count()).select_from(query.subquery()))
    else:
        total = 0
    return Page(items=items, total=int(total or 0), offset=offset, limit=limit)


def _languages_offered() -> Select[str]:
    """The distinct languages of searchable gigs, alphabetically."""
    return (select(Gig.language).join(Gig.teacher).where(_searchable()).distinct()).order_by(
        Gig.language
    )


def _gigs_with_teachers() -> Select[Gig]:
    return select(Gig).join(Gig.teacher).options(contains_eager(Gig.teacher))


def _check_rate_bounds(minimum: int | None, maximum: int | None) -> None:
    for value in (minimum, maximum):
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(tx("Price limits must be whole numbers of minor units."))
        if value < 0:
            raise ValidationError(tx("Price limits cannot be negative."))
        if value > MAX_DB_INT:
            raise ValidationError(tx("Price limits go up to {n} minor units.", n=MAX_DB_INT))
    if minimum is not None and maximum is not None and minimum > maximum:
        raise ValidationError(tx("The minimum price is above the maximum price."))


class CatalogueService:
    """Profiles, gigs and search. Teachers edit their own; admins suspend; all can search."""

    def __init__(self, ctx: ServiceContext, *, free_time: FreeTimeFilter | None = None) -> None:
        """``free_time``: the search-by-free-time filter (``booking.free_time.fitting_gigs``,
        wired by bootstrap); without it a search by free time is refused."""
        self._ctx = ctx
        self._free_time = free_time

    # --- gigs -------------------------------------------------------------------------------

    def create_gig(
        self,
        actor: Actor,
        *,
        title: str,
        language: str,
        level: Level,
        description: str,
        hourly_rate_minor: int,
        currency: str,
        is_active: bool = True,
        min_duration_minutes: int = 30,
        max_duration_minutes: int = 180,
    ) -> GigDTO:
        """The acting teacher offers a new gig; ValidationError (nothing written) on bad input."""
        fields = clean_gig_fields(
            title=title,
            language=language,
            level=level,
            description=description,
            hourly_rate_minor=hourly_rate_minor,
            currency=currency,
            is_active=is_active,
            min_duration_minutes=min_duration_minutes,
            max_duration_minutes=max_duration_minutes,
        )
        with self._ctx.unit_of_work() as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            now = self._ctx.now()
            gig = Gig(teacher=teacher, created_at=now, updated_at=now, **fields)
            uow.session.add(gig)
            uow.commit()
            return GigDTO.from_model(gig)

    def update_gig(
        self,
        actor: Actor,
        gig_id: int,
        *,
        title: str,
        language: str,
        level: Level,
        description: str,
        hourly_rate_minor: int,
        currency: str,
        is_active: bool,
        min_duration_minutes: int = 30,
        max_duration_minutes: int = 180,
    ) -> GigDTO:
        """The owner edits every field of a gig (a suspension stays as it is). Bookings keep
        the price they were made at."""
        fields = clean_gig_fields(
            title=title,
            language=language,
            level=level,
            description=description,
            hourly_rate_minor=hourly_rate_minor,
            currency=currency,
            is_active=is_active,
            min_duration_minutes=min_duration_minutes,
            max_duration_minutes=max_duration_minutes,
        )
        with self._ctx.unit_of_work() as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            gig = self._gig_for_update(uow.session, gig_id)
            if gig.teacher_id != teacher.id:
                raise PermissionDenied(tx("You can only edit your own gigs."))
            for name, value in fields.items():
                setattr(gig, name, value)
            gig.updated_at = self._ctx.now()
            uow.commit()
            return GigDTO.from_model(gig)

    def list_my_gigs(self, actor: Actor) -> list[GigDTO]:
        """All of the acting teacher's gigs, inactive and suspended ones included, by id."""
        with self._ctx.unit_of_work(write=False) as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            query = _gigs_with_teachers().where(Gig.teacher_id == teacher.id).order_by(Gig.id)
            return [GigDTO.from_model(gig) for gig in uow.session.scalars(query)]

    def get_gig(self, actor: Actor, gig_id: int) -> GigDTO:
        """One gig; NotFound if it is not searchable, unless the actor owns it or is admin."""
        with self._ctx.unit_of_work(write=False) as uow:
            acting = load_acting_user(uow.session, actor)
            query = _gigs_with_teachers().where(Gig.id == gig_id)
            if acting.role is not Role.ADMIN:
                query = query.where(or_(_searchable(), Gig.teacher_id == acting.id))
            row = uow.session.execute(with_teacher_summary(query)).first()
            if row is None:
                raise NotFound(GIG_NOT_FOUND)
            return gig_with_summary(row)

    # --- search -----------------------------------------------------------------------------

    def search_gigs(
        self,
        actor: Actor,
        *,
        language: str | None = None,
        level: Level | None = None,
        min_rate_minor: int | None = None,
        max_rate_minor: int | None = None,
        currency: str | None = None,
        text: str = "",
        sort: str = "relevance",
        min_rating: int | None = None,
        free_time: FreeTime | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[GigDTO]:
        """Searchable gigs matching every given criterion, each with its teacher's rating.

        ``text``: every word must be a word (case-insensitively) of the title, description,
        teacher name or language, the last one as a prefix while it is typed
        (``catalogue.text_search``, over a full-text index). Rate limits compare hourly minor
        units (pass ``currency`` too for a meaningful range). ``min_rating`` (1-5) keeps
        teachers whose shown average is at least that. Sorts: relevance (title words above
        teacher and language, above description; ties cheapest, then oldest), price_asc,
        price_desc, newest, rating (best average first, then most reviews; teachers without
        reviews last). ``free_time`` keeps gigs whose teacher has a bookable slot of the
        gig's shortest session then, in the acting user's zone, within the next 14 days
        (``catalogue.free_time``). Each gig carries its teacher's summary (country, languages,
        rating over visible reviews), read in the same query: the ratings come from one
        aggregate joined once (``catalogue.ratings``).
        """
        if sort not in SORTS:
            raise ValidationError(
                tx(
                    "Unknown sort {sort}; use one of {sorts}.",
                    sort=repr(sort),
                    sorts=", ".join(SORTS),
                )
            )
        _check_rate_bounds(min_rate_minor, max_rate_minor)
        min_rating = check_min_rating(min_rating)
        free_time = check_free_time(free_time)
        check_paging(offset, limit)
        totals = visible_totals()
        query = _searchable_gigs(totals)
        if min_rating is not None:
            query = query.where(at_least(totals, min_rating))
        if language is not None and str(language).strip():
            query = query.where(Gig.language == normalize_language(language))
        if level is not None:
            query = query.where(Gig.level == parse_level(level))
        if currency is not None and str(currency).strip():
            query = query.where(Gig.currency == normalize_currency(currency))
        if min_rate_minor is not None:
            query = query.where(Gig.hourly_rate_minor >= min_rate_minor)
        if max_rate_minor is not None:
            query = query.where(Gig.hourly_rate_minor <= max_rate_minor)
        search = clean_line(text, what=tx("search text"), limit=MAX_SEARCH_LENGTH)
        words = Words.of(search)
        with self._ctx.unit_of_work(write=False) as uow:
            acting = load_acting_user(uow.session, actor)
            matched = None
            if search and not words.words:
                query = query.where(false())  # only punctuation: no word to find
            elif words.words:
                if sort != "relevance" and language is not None and str(language).strip():
                    words = words.in_language(normalize_language(language))
                matched = matching_gigs(uow.session.get_bind().dialect.name, words)
                query = query.join(matched, matched.c.gig_id == Gig.id)
            if free_time is not None:
                query = query.where(self._fitting(uow.session, free_time, acting))
            order = self._ordering(sort, matched, totals)
            return _search_page(uow.session, query, totals, order, offset=offset, limit=limit)

    def warm_up(self) -> None:
        """Run a student window's first loads' statements now, the languages offered and an
        unfiltered search's first page (both only the public catalogue), so that a
        process's first sign-in does not compile them (a few ms each)."""
        with self._ctx.unit_of_work(write=False) as uow:
            warm_up_acting_user(uow.session)
            uow.session.scalars(_languages_offered()).all()
            totals = visible_totals()
            query = _searchable_gigs(totals)
            order = self._ordering("relevance", None, totals)
            _search_page(uow.session, query, totals, order, offset=0, limit=1)

    def _fitting(self, session: Session, free_time: FreeTime, viewer: User) -> Any:
        if self._free_time is None:
            raise ValidationError(tx("Search by free time is not available here."))
        now = self._ctx.now()
        return self._free_time(session, free_time=free_time, viewer=viewer, now=now)

    @staticmethod
    def _ordering(sort: str, matched: Subquery | None, totals: Any) -> list[Any]:
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

    def list_languages(self, actor: Actor) -> list[str]:
        """The distinct languages of searchable gigs, alphabetically (for the filter box)."""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor)
            return list(uow.session.scalars(_languages_offered()))

    # --- admin ------------------------------------------------------------------------------

    def list_all_gigs(self, actor: Actor, *, offset: int = 0, limit: int = 100) -> Page[GigDTO]:
        """Admin only: every gig, inactive and suspended ones included, by id."""
        check_paging(offset, limit)
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            total = uow.session.scalar(select(func.count()).select_from(Gig))
            query = _gigs_with_teachers().order_by(Gig.id).offset(offset).limit(limit)
            items = tuple(GigDTO.from_model(gig) for gig in uow.session.scalars(query))
        return Page(items=items, total=int(total or 0), offset=offset, limit=limit)

    def suspend_gig(self, actor: Actor, gig_id: int, *, reason: str = "") -> GigDTO:
        """Admin only: the gig leaves the search and cannot be booked. Audited; idempotent."""
        reason = clean_multiline(reason, what=tx("reason"), limit=MAX_AUDIT_REASON_LENGTH)
        return self._set_suspension(actor, gig_id, suspend=True, reason=reason)

    def reactivate_gig(self, actor: Actor, gig_id: int) -> GigDTO:
        """Admin only: lift a gig's suspension. Audited; idempotent."""
        return self._set_suspension(actor, gig_id, suspend=False, reason="")

    def _set_suspension(self, actor: Actor, gig_id: int, *, suspend: bool, reason: str) -> GigDTO:
        with self._ctx.unit_of_work() as uow:
            admin = load_acting_user(uow.session, actor, Role.ADMIN)
            gig = self._gig_for_update(uow.session, gig_id)
            if (gig.suspended_at is None) == suspend:
                before, now = gig.suspended_at, self._ctx.now()
                gig.suspended_at = now if suspend else None
                record_audit(
                    uow.session,
                    actor_id=admin.id,
                    action=AuditAction.GIG_SUSPENDED if suspend else AuditAction.GIG_REACTIVATED,
                    entity_type="gig",
                    entity_id=gig.id,
                    at=now,
                    before={"suspended_at": before},
                    after={"suspended_at": gig.suspended_at},
                    reason=reason,
                )
                uow.commit()
            return GigDTO.from_model(gig)

    @staticmethod
    def _gig_for_update(session: Session, gig_id: int) -> Gig:
        gig_id = check_id(gig_id, what=tx("gig"))
        gig = session.scalars(select(Gig).where(Gig.id == gig_id).with_for_update()).first()
        if gig is None:
            raise NotFound(GIG_NOT_FOUND)
        return gig
