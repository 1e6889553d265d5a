"""Catalogue operations: gigs (search, the teacher's own, the admin's list and suspensions),
teacher profiles and languages. The lambdas run on a pool thread and touch no widget;
callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, Unpack

from linguaflex_desktop.services.common.dto import Actor, GigDTO, Page
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

T = TypeVar("T")


def search_gigs(
    ctx: OpContext,
    actor: Actor,
    *,
    offset: int,
    limit: int,
    criteria: dict[str, Any],
    cells_of: Callable[[Sequence[GigDTO]], T],
    **cb: Unpack[Callbacks],
) -> None:
    """Query: a page of gigs matching ``criteria`` (student search), as ``(page,
    cells_of(page.items))``: ``cells_of`` formats, on the same pool thread, what the results
    table shows at once (``CellTableModel.first_cells``)."""
    catalogue = ctx.services.catalogue

    def search_and_format() -> tuple[Page[GigDTO], T]:
        page = catalogue.search_gigs(actor, offset=offset, limit=limit, **criteria)
        return page, cells_of(page.items)

    query(ctx, search_and_format, **cb)


def list_languages(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the languages offered."""
    catalogue = ctx.services.catalogue
    query(ctx, lambda: catalogue.list_languages(actor), **cb)


def list_my_gigs(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the teacher's own gigs."""
    catalogue = ctx.services.catalogue
    query(ctx, lambda: catalogue.list_my_gigs(actor), **cb)


def list_all_gigs(
    ctx: OpContext, actor: Actor, *, offset: int, limit: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: a page of all gigs (admin)."""
    catalogue = ctx.services.catalogue
    query(ctx, lambda: catalogue.list_all_gigs(actor, offset=offset, limit=limit), **cb)


def create_gig(
    ctx: OpContext, actor: Actor, values: dict[str, Any], **cb: Unpack[Callbacks]
) -> None:
    """Change: create a gig (GigDTO); emits "gig"."""
    catalogue = ctx.services.catalogue
    change(
        ctx,
        lambda: catalogue.create_gig(actor, **values),
        changed=lambda gig: Change("gig", (gig.id,)),
        **cb,
    )


def update_gig(
    ctx: OpContext, actor: Actor, gig_id: int, values: dict[str, Any], **cb: Unpack[Callbacks]
) -> None:
    """Change: update a gig (GigDTO); emits "gig"."""
    catalogue = ctx.services.catalogue
    change(
        ctx,
        lambda: catalogue.update_gig(actor, gig_id, **values),
        changed=Change("gig", (gig_id,)),
        **cb,
    )


def suspend_gig(
    ctx: OpContext, actor: Actor, gig_id: int, *, reason: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: suspend a gig (admin); emits "gig"."""
    catalogue = ctx.services.catalogue
    change(
        ctx,
        lambda: catalogue.suspend_gig(actor, gig_id, reason=reason),
        changed=Change("gig", (gig_id,)),
        **cb,
    )


def reactivate_gig(ctx: OpContext, actor: Actor, gig_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: reactivate a gig (admin); emits "gig"."""
    catalogue = ctx.services.catalogue
    change(
        ctx, lambda: catalogue.reactivate_gig(actor, gig_id), changed=Change("gig", (gig_id,)), **cb
    )


def get_teacher_profile(
    ctx: OpContext, actor: Actor, teacher_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: a teacher's public profile with photo, gigs and rating (TeacherProfileDTO)."""
    profiles = ctx.services.profiles
    query(ctx, lambda: profiles.get_teacher_profile(actor, teacher_id), **cb)


def get_teacher_photo(
    ctx: OpContext, actor: Actor, teacher_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: a teacher's photo bytes, or None."""
    profiles = ctx.services.profiles
    query(ctx, lambda: profiles.get_teacher_photo(actor, teacher_id), **cb)


def update_teacher_profile(
    ctx: OpContext, actor: Actor, values: dict[str, Any], **cb: Unpack[Callbacks]
) -> None:
    """Change: the teacher's own profile (TeacherProfileDTO); emits "profile" (and "gig":
    search results show the teacher's facts)."""
    profiles = ctx.services.profiles
    change(
        ctx,
        lambda: profiles.update_teacher_profile(actor, **values),
        changed=Change("profile", (actor.id,), frozenset({"gig"})),
        **cb,
    )


def set_teacher_photo(
    ctx: OpContext, actor: Actor, prepare: Callable[[], bytes], **cb: Unpack[Callbacks]
) -> None:
    """Change: the teacher's photo. ``prepare`` (reading and scaling the chosen file) runs on
    the pool thread too, then the bytes are stored; emits "profile"."""
    profiles = ctx.services.profiles
    change(
        ctx,
        lambda: profiles.set_teacher_photo(actor, prepare()),
        changed=Change("profile", (actor.id,), frozenset({"gig"})),
        **cb,
    )


def remove_teacher_photo(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Change: remove the teacher's photo; emits "profile"."""
    profiles = ctx.services.profiles
    change(
        ctx,
        lambda: profiles.remove_teacher_photo(actor),
        changed=Change("profile", (actor.id,), frozenset({"gig"})),
        **cb,
    )
