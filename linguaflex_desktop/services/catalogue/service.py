"""Catalogue: gigs, student search, admin suspension of gigs (teacher profiles: profiles.py).

Each public method is one transaction on the calling thread (a worker thread in the app).
A gig is *searchable* when it is active and not suspended and its teacher is an active,
unsuspended teacher; students only ever see searchable gigs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, contains_eager

from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import AuditAction, Gig, Level, Role, User
from linguaflex_desktop.services.catalogue.free_time import (
    FreeTime,
    FreeTimeFilter,
    check_free_time,
)
from linguaflex_desktop.services.catalogue.gig_fields import clean_gig_fields
from linguaflex_desktop.services.catalogue.ratings import check_min_rating
from linguaflex_desktop.services.catalogue.search_statements import (
    SORTS,
    SearchStatements,
    Shape,
    build,
    parameters,
    search_statements,
    searchable,
)
from linguaflex_desktop.services.catalogue.teacher_summary import (
    gig_row_with_summary,
    gig_with_summary,
    with_teacher_summary,
)
from linguaflex_desktop.services.catalogue.text_search import Words, match_text
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import (
    check_actor,
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
GIG_NOT_FOUND = tx("This gig does not exist or is no longer offered.")


def _search_page(
    session: Session, statements: SearchStatements, values: Mapping[str, Any]
) -> Page[GigDTO]:
    """The page of a search's gigs, each with its teacher's summary, and the count of every
    match in one pass: the count as a window column; a page past the end has no row to carry
    it, so it is counted apart."""
    rows = session.execute(statements.page, values).all()
    items = tuple(gig_row_with_summary(row) for row in rows)
    if rows:
        total = rows[0][-1]
    elif values["offset"]:
        total = session.scalar(statements.count_all, values)
    else:
        total = 0
    offset, limit = values["offset"], values["limit"]
    return Page(items=items, total=int(total or 0), offset=offset, limit=limit)


def _languages_offered() -> Select[str]:
    """The distinct languages of searchable gigs, alphabetically."""
    return (select(Gig.language).join(Gig.teacher).where(searchable()).distinct()).order_by(
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
                query = query.where(or_(searchable(), Gig.teacher_id == acting.id))
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
        values: dict[str, Any] = {"offset": offset, "limit": limit, "min_rating": min_rating}
        given_language = language is not None and bool(str(language).strip())
        if given_language:
            values["language"] = normalize_language(language)
        if level is not None:
            values["level"] = parse_level(level)
        if currency is not None and str(currency).strip():
            values["currency"] = normalize_currency(currency)
        values["min_rate"], values["max_rate"] = min_rate_minor, max_rate_minor
        search = clean_line(text, what=tx("search text"), limit=MAX_SEARCH_LENGTH)
        words = Words.of(search)
        if words.words and sort != "relevance" and given_language:
            words = words.in_language(values["language"])
        with self._ctx.unit_of_work(write=False) as uow:
            if free_time is None:
                check_actor(uow.session, actor)  # the permission only: no user object needed
                fitting = None
            else:  # the free time is in the viewer's zone
                acting = load_acting_user(uow.session, actor)
                fitting = self._fitting(uow.session, free_time, acting)
            dialect = uow.session.get_bind().dialect.name
            shape = Shape(
                dialect,
                sort,
                language=given_language,
                level=level is not None,
                currency="currency" in values,
                min_rate=min_rate_minor is not None,
                max_rate=max_rate_minor is not None,
                min_rating=min_rating is not None,
                words=bool(words.words),
                nothing=bool(search) and not words.words,  # only punctuation: no word
            )
            if words.words:
                values["match"] = match_text(dialect, words)
            statements = search_statements(shape) if fitting is None else build(shape, fitting)
            return _search_page(uow.session, statements, parameters(shape, **values))

    def warm_up(self) -> None:
        """Run a student window's first loads' statements now, the languages offered and an
        unfiltered search's first page (both only the public catalogue), so that a
        process's first sign-in does not compile them (a few ms each)."""
        with self._ctx.unit_of_work(write=False) as uow:
            warm_up_acting_user(uow.session)
            uow.session.scalars(_languages_offered()).all()
            shape = Shape(uow.session.get_bind().dialect.name, "relevance")
            statements = search_statements(shape)
            _search_page(uow.session, statements, parameters(shape, offset=0, limit=1))

    def _fitting(self, session: Session, free_time: FreeTime, viewer: User) -> Any:
        if self._free_time is None:
            raise ValidationError(tx("Search by free time is not available here."))
        now = self._ctx.now()
        return self._free_time(session, free_time=free_time, viewer=viewer, now=now)

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
