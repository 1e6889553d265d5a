"""Reviews on SQLite and Postgres: the student of a COMPLETED session rates it once, the
reviewed teacher answers once, an admin hides an abusive review (audited, its author told, no
longer listed for students nor counted), and two racing rate calls leave one review."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import AuditAction
from linguaflex_desktop.services.booking import reviews as reviews_module
from linguaflex_desktop.services.booking.dto import BookingFilter
from linguaflex_desktop.services.booking.review_dto import MAX_COMMENT_LENGTH, can_rate
from linguaflex_desktop.services.booking.reviews import ReviewService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.reports.audit_text import action_text, record_text
from linguaflex_desktop.services.reports.service import ReportService
from tests.conftest import FakeClock
from tests.integration.booking_helpers import World, confirmed, make_world, paid
from tests.integration.review_helpers import (
    Session,
    audit_rows,
    completed_sessions,
    notifications_of,
    review_count,
)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def reviews(ctx: ServiceContext) -> ReviewService:
    return ReviewService(ctx)


def _one_completed(ctx: ServiceContext, clock: FakeClock, world: World) -> int:
    session = Session(world.student, world.teacher, world.gig_id)
    return completed_sessions(ctx, clock, [session])[0].id


def test_the_student_rates_a_completed_session_once(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    booking_id = _one_completed(ctx, clock, world)
    review = reviews.rate_booking(world.student, booking_id, stars=4, comment="  Clear and kind. ")
    assert (review.stars, review.comment, review.student_first_name) == (
        4,
        "Clear and kind.",
        "Sam",
    )
    assert review.created_at == clock.current and review.answer is None
    with pytest.raises(ValidationError, match="already rated this session"):
        reviews.rate_booking(world.student, booking_id, stars=1, comment="changed my mind")
    assert review_count(ctx) == 1
    listed = reviews.list_reviews(world.other_student, world.teacher.id)
    assert [(r.stars, r.comment) for r in listed.items] == [(4, "Clear and kind.")]


def test_the_bookings_list_says_which_completed_session_can_still_be_rated(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    booking_id = _one_completed(ctx, clock, world)
    bookings = BookingService(ctx)
    before = bookings.list_bookings(world.student, filters=BookingFilter()).items[0]
    assert (before.has_review, can_rate(before)) == (False, True)
    reviews.rate_booking(world.student, booking_id, stars=5)
    after = bookings.list_bookings(world.student, filters=BookingFilter()).items[0]
    assert (after.has_review, can_rate(after)) == (True, False)
    assert bookings.get_booking(world.student, booking_id).booking.has_review is True


def test_a_session_that_is_not_completed_cannot_be_rated(
    ctx: ServiceContext, world: World, reviews: ReviewService
) -> None:
    bookings = BookingService(ctx)
    pending = bookings.request_booking(
        world.student, gig_id=world.gig_id, start_at=_slot(0), duration_minutes=60
    )
    booked = paid(ctx, bookings, world, start_at=_slot(2))
    waiting = confirmed(bookings, world, start_at=_slot(4))
    for booking in (pending, booked, waiting):
        assert can_rate(booking) is False
        with pytest.raises(ValidationError, match="once it is completed"):
            reviews.rate_booking(world.student, booking.id, stars=5)
    assert review_count(ctx) == 0


def test_only_the_sessions_student_may_rate_it(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    booking_id = _one_completed(ctx, clock, world)
    for someone in (world.other_student, world.teacher, world.admin):
        with pytest.raises(PermissionDenied, match="Only the student"):
            reviews.rate_booking(someone, booking_id, stars=5)
    with pytest.raises(PermissionDenied):
        reviews.rate_booking(world.suspended_student, booking_id, stars=5)
    with pytest.raises(NotFound):
        reviews.rate_booking(world.student, booking_id + 1000, stars=5)
    assert review_count(ctx) == 0


@pytest.mark.parametrize(
    ("stars", "comment", "message"),
    [
        (0, "", "number of stars must be between 1 and 5"),
        (6, "", "number of stars must be between 1 and 5"),
        (True, "", "number of stars must be a whole number"),
        (4.5, "", "number of stars must be a whole number"),
        (5, "x" * (MAX_COMMENT_LENGTH + 1), f"at most {MAX_COMMENT_LENGTH} characters"),
        (5, "nice\u202etxt", "text-direction character"),
    ],
)
def test_bad_stars_or_comment_are_refused_and_nothing_is_written(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    reviews: ReviewService,
    stars: object,
    comment: str,
    message: str,
) -> None:
    booking_id = _one_completed(ctx, clock, world)
    with pytest.raises(ValidationError, match=message):
        reviews.rate_booking(world.student, booking_id, stars=stars, comment=comment)  # type: ignore[arg-type]
    assert review_count(ctx) == 0
    assert (
        reviews.rate_booking(
            world.student, booking_id, stars=5, comment="x" * MAX_COMMENT_LENGTH
        ).stars
        == 5
    )


def test_the_reviewed_teacher_answers_once(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    booking_id = _one_completed(ctx, clock, world)
    review = reviews.rate_booking(world.student, booking_id, stars=3, comment="Too fast.")
    teacher_view = reviews.list_reviews(world.teacher, world.teacher.id).items[0]
    assert teacher_view.can_answer is True and teacher_view.can_hide is False
    for someone in (world.other_teacher,):
        with pytest.raises(PermissionDenied, match="Only the reviewed teacher"):
            reviews.answer_review(someone, review.id, "Not mine to answer")
    for someone in (world.student, world.admin):
        with pytest.raises(PermissionDenied, match="role does not allow"):
            reviews.answer_review(someone, review.id, "Not theirs to answer")
    with pytest.raises(ValidationError, match="answer cannot be empty"):
        reviews.answer_review(world.teacher, review.id, "   ")
    clock.advance(hours=2)
    answered = reviews.answer_review(world.teacher, review.id, "I will slow down, thank you.")
    assert (answered.answer, answered.answered_at) == (
        "I will slow down, thank you.",
        clock.current,
    )
    assert answered.can_answer is False
    with pytest.raises(ValidationError, match="already answered"):
        reviews.answer_review(world.teacher, review.id, "A second answer")
    seen = reviews.list_reviews(world.other_student, world.teacher.id).items[0]
    assert seen.answer == "I will slow down, thank you." and seen.can_answer is False


def test_an_admin_hides_a_review_audited_the_author_told_and_it_no_longer_counts(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    sessions = [Session(world.student, world.teacher, world.gig_id)] * 2
    first, second = completed_sessions(ctx, clock, sessions)
    kept = reviews.rate_booking(world.student, first.id, stars=4, comment="Good.")
    abusive = reviews.rate_booking(world.student, second.id, stars=1, comment="Rude words")
    assert reviews.rating_summary(world.student, [world.teacher.id]) == {world.teacher.id: (2.5, 2)}
    for someone in (world.student, world.teacher):
        with pytest.raises(PermissionDenied):
            reviews.hide_review(someone, abusive.id, reason="Abusive language.")
    with pytest.raises(ValidationError, match="reason cannot be empty"):
        reviews.hide_review(world.admin, abusive.id, reason=" ")
    hidden = reviews.hide_review(world.admin, abusive.id, reason="Abusive language.")
    assert hidden.is_hidden and hidden.hidden_reason == "Abusive language."
    assert hidden.hidden_at == clock.current and hidden.can_hide is False
    with pytest.raises(ValidationError, match="already hidden"):
        reviews.hide_review(world.admin, abusive.id, reason="Again.")
    assert audit_rows(ctx, AuditAction.REVIEW_HIDDEN) == [
        (world.admin.id, abusive.id, "Abusive language.")
    ]
    [event] = ReportService(ctx).list_audit_events(world.admin, entity_type="review").items
    assert (record_text(event), action_text(event.action)) == (f"Review #{abusive.id}", "Hidden")
    [(user_id, subject, body)] = notifications_of(ctx, "review_hidden")
    assert user_id == world.student.id
    assert subject == "Your review of the session with Tina was hidden"
    assert "Reason: Abusive language." in body
    assert reviews.rating_summary(world.student, [world.teacher.id]) == {world.teacher.id: (4.0, 1)}
    for reader in (world.other_student, world.teacher):
        page = reviews.list_reviews(reader, world.teacher.id)
        assert ([r.id for r in page.items], page.total) == ([kept.id], 1)
        assert page.items[0].hidden_reason == ""
    admin_page = reviews.list_reviews(world.admin, None)
    assert [(r.id, r.is_hidden) for r in admin_page.items] == [(abusive.id, True), (kept.id, False)]
    with pytest.raises(ValidationError, match="hidden; it cannot be answered"):
        reviews.answer_review(world.teacher, abusive.id, "Sorry")
    with pytest.raises(ValidationError, match="already rated this session"):
        reviews.rate_booking(world.student, second.id, stars=2, comment="A milder one")


def test_reviews_are_listed_newest_first_a_page_at_a_time(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    sessions = [Session(world.student, world.teacher, world.gig_id)] * 3
    done = completed_sessions(ctx, clock, sessions)
    for booking, stars in zip(done, (3, 5, 4), strict=True):
        clock.advance(minutes=10)  # written 10 minutes apart: 3 stars first, 4 stars last
        reviews.rate_booking(world.student, booking.id, stars=stars)
    first = reviews.list_reviews(world.other_student, world.teacher.id, offset=0, limit=2)
    second = reviews.list_reviews(world.other_student, world.teacher.id, offset=2, limit=2)
    assert [r.stars for r in first.items] == [4, 5] and first.total == 3
    assert [r.stars for r in second.items] == [3] and second.total == 3
    assert reviews.list_reviews(world.other_student, world.other_teacher.id).total == 0
    with pytest.raises(ValidationError, match="Pages start at 0"):
        reviews.list_reviews(world.student, world.teacher.id, limit=0)


def test_two_racing_answers_leave_the_first_one(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    review = reviews.rate_booking(world.student, _one_completed(ctx, clock, world), stars=4)
    barrier = threading.Barrier(2)

    def answer(text: str) -> object:
        barrier.wait(timeout=30)
        try:
            return reviews.answer_review(world.teacher, review.id, text)
        except Exception as error:  # classified below
            return error

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(answer, ("First answer", "Second answer")))
    answers = [o.answer for o in outcomes if not isinstance(o, Exception)]
    refused = [str(o) for o in outcomes if isinstance(o, Exception)]
    assert len(answers) == 1 and refused == ["You have already answered this review."]
    [stored] = reviews.list_reviews(world.admin, world.teacher.id).items
    assert stored.answer == answers[0]


def test_only_admins_list_every_teachers_reviews(world: World, reviews: ReviewService) -> None:
    with pytest.raises(PermissionDenied, match="Choose a teacher"):
        reviews.list_reviews(world.student, None)
    assert reviews.list_reviews(world.admin, None).total == 0


def test_rating_summary_figures_are_the_hand_computed_ones(
    ctx: ServiceContext, clock: FakeClock, world: World, reviews: ReviewService
) -> None:
    tina, otto = world.teacher, world.other_teacher
    sessions = [Session(world.student, tina, world.gig_id)] * 4 + [
        Session(world.other_student, otto, world.other_gig_id)
    ] * 3
    done = completed_sessions(ctx, clock, sessions)
    for booking, stars in zip(done, (5, 4, 4, 4, 5, 5, 4), strict=True):
        student = world.student if booking.teacher_id == tina.id else world.other_student
        reviews.rate_booking(student, booking.id, stars=stars)
    unknown = otto.id + 1000
    summary = reviews.rating_summary(world.admin, [tina.id, otto.id, unknown])
    # Tina: 17 / 4 = 4.25, shown rounded half up: 4.3. Otto: 14 / 3 = 4.666..: 4.7.
    assert summary == {tina.id: (4.3, 4), otto.id: (4.7, 3), unknown: (None, 0)}
    average, count = summary[tina.id]
    assert (average, count) == (4.3, 4)
    assert reviews.rating_summary(world.admin, []) == {}


def test_two_racing_rate_calls_leave_one_review(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    reviews: ReviewService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On Postgres both calls are held until each has found no review yet, so both insert and
    the unique booking_id decides; SQLite serialises the writers (BEGIN IMMEDIATE), so there
    the two calls are only released together."""
    booking_id = _one_completed(ctx, clock, world)
    barrier = threading.Barrier(2)
    if ctx.session_factory.kw["bind"].dialect.name == "postgresql":
        original = reviews_module.existing_review
        waited = threading.local()

        def checked_then_wait(session, booking):  # type: ignore[no-untyped-def]
            found = original(session, booking)
            if not getattr(waited, "done", False):  # the check before the insert, not later
                waited.done = True
                barrier.wait(timeout=30)
            return found

        monkeypatch.setattr(reviews_module, "existing_review", checked_then_wait)
        release = lambda: None  # noqa: E731
    else:
        release = lambda: barrier.wait(timeout=30)  # noqa: E731

    def rate(stars: int) -> object:
        release()
        try:
            return reviews.rate_booking(world.student, booking_id, stars=stars)
        except Exception as error:  # classified below
            return error

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(rate, (2, 5)))
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], ValidationError)
    assert str(refused[0]) == "You have already rated this session."
    assert review_count(ctx) == 1


def _slot(days: int):  # type: ignore[no-untyped-def]
    from tests.integration.booking_helpers import SLOT

    return SLOT + timedelta(days=days)
