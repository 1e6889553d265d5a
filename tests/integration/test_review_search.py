"""The gig search by rating on SQLite and Postgres: "best rated" orders by the average of
visible reviews, then their count, teachers without reviews last; "4+" keeps teachers whose
shown average is at least 4; every result carries its teacher's average and count. Hidden
reviews count nowhere. The expected orders are written out by hand."""

from __future__ import annotations

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.booking.reviews import ReviewService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.conftest import FakeClock
from tests.integration.booking_helpers import World, make_world
from tests.integration.review_helpers import Session, add_teacher, completed_sessions


@pytest.fixture
def world(ctx: ServiceContext, clock: FakeClock) -> World:
    """Tina: 5, 4 (4.5 of 2). Otto: 5, 4, 5, 4 (4.5 of 4). Vic: 3, 4 and a hidden 5 (3.5 of
    2; 4.0 if the hidden one counted). Una: no review."""
    world = make_world(ctx)
    vic, vic_gig = add_teacher(ctx, "vic@example.com", title="Italian grammar")
    add_teacher(ctx, "una@example.com", title="Japanese for travel")
    plan = [
        (world.teacher, world.gig_id, (5, 4)),
        (world.other_teacher, world.other_gig_id, (5, 4, 5, 4)),
        (vic, vic_gig, (3, 4, 5)),
    ]
    sessions = [Session(world.student, t, gig) for t, gig, stars in plan for _ in stars]
    done = completed_sessions(ctx, clock, sessions)
    reviews = ReviewService(ctx)
    every_star = [star for _t, _gig, stars in plan for star in stars]
    written = [
        reviews.rate_booking(world.student, booking.id, stars=star)
        for booking, star in zip(done, every_star, strict=True)
    ]
    reviews.hide_review(world.admin, written[-1].id, reason="Written for another teacher.")
    return world


def _search(ctx: ServiceContext, world: World, **criteria: object) -> list[tuple[str, object]]:
    page = CatalogueService(ctx).search_gigs(world.student, **criteria)  # type: ignore[arg-type]
    return [(gig.teacher_name, (gig.rating_average, gig.rating_count)) for gig in page.items]


def test_best_rated_orders_by_average_then_count_with_new_teachers_last(
    ctx: ServiceContext, world: World
) -> None:
    assert _search(ctx, world, sort="rating") == [
        ("Otto", (4.5, 4)),
        ("Tina", (4.5, 2)),
        ("Vic", (3.5, 2)),
        ("Una", (None, 0)),
    ]


def test_rating_four_and_up_keeps_only_teachers_shown_at_four_or_more(
    ctx: ServiceContext, world: World
) -> None:
    assert _search(ctx, world, sort="rating", min_rating=4) == [
        ("Otto", (4.5, 4)),
        ("Tina", (4.5, 2)),
    ]
    # with the default order (cheapest first: all gigs cost the same, so oldest first)
    assert _search(ctx, world, min_rating=4) == [("Tina", (4.5, 2)), ("Otto", (4.5, 4))]
    assert CatalogueService(ctx).search_gigs(world.student, min_rating=4).total == 2
    assert _search(ctx, world, min_rating=5) == []


def test_every_result_carries_its_teachers_rating_and_so_does_one_gig(
    ctx: ServiceContext, world: World
) -> None:
    assert _search(ctx, world, sort="newest") == [
        ("Una", (None, 0)),
        ("Vic", (3.5, 2)),
        ("Otto", (4.5, 4)),
        ("Tina", (4.5, 2)),
    ]
    gig = CatalogueService(ctx).get_gig(world.student, world.other_gig_id)
    assert (gig.rating_average, gig.rating_count) == (4.5, 4)


@pytest.mark.parametrize("bad", [0, 6, "4", 4.0, True])
def test_a_minimum_rating_outside_one_to_five_stars_is_refused(
    ctx: ServiceContext, world: World, bad: object
) -> None:
    with pytest.raises(ValidationError, match="minimum rating is a number of stars from 1 to 5"):
        CatalogueService(ctx).search_gigs(world.student, min_rating=bad)  # type: ignore[arg-type]
