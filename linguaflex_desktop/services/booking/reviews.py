"""Reviews of completed sessions: the student rates once, the teacher answers once, an admin
hides an abusive one (audited, its author told), and everyone reads them.

Each public method is one transaction on the calling thread (a worker thread in the app).
"Once" is held by the database, not only by a check: a booking has at most one review (the
unique ``ratings.booking_id``: a double click or two windows racing leave one review and the
other call gets the same plain refusal as a later attempt), and an answer or a hiding is a
conditional UPDATE (``... WHERE answered_at IS NULL``) that only one caller can win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    AuditAction,
    BookingStatus,
    Gig,
    Rating,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.events import booking_facts, notify
from linguaflex_desktop.services.booking.review_dto import (
    MAX_ANSWER_LENGTH,
    MAX_COMMENT_LENGTH,
    MAX_HIDE_REASON_LENGTH,
    ReviewDTO,
)
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.catalogue.ratings import RatingSummary, rating_summaries
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.validation import (
    check_id,
    check_int,
    check_optional_id,
    check_paging,
    clean_multiline,
)
from linguaflex_desktop.texts import tx

ENTITY = "review"
HIDDEN_KIND = "review_hidden"
MAX_PAGE_SIZE = 200
ALREADY_RATED = tx("You have already rated this session.")
NOT_FOUND = tx("That review does not exist.")


class ReviewService:
    """Rate, answer, hide and list reviews; the rating summary of teachers. Thread-safe."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- writes -----------------------------------------------------------------------------

    def rate_booking(
        self, actor: Actor, booking_id: int, *, stars: int, comment: str = ""
    ) -> ReviewDTO:
        """The booking's student rates a COMPLETED session (1-5 stars, an optional comment of
        at most MAX_COMMENT_LENGTH characters), once. Refusals change nothing."""
        stars = check_int(stars, what=tx("number of stars"), minimum=1, maximum=5)
        comment = clean_multiline(comment, what=tx("review"), limit=MAX_COMMENT_LENGTH)
        try:
            with self._ctx.unit_of_work() as uow:
                user = load_acting_user(uow.session, actor)
                booking = load_booking(uow.session, booking_id)
                if booking.student_id != user.id:
                    raise PermissionDenied(tx("Only the student of this session can rate it."))
                if booking.status is not BookingStatus.COMPLETED:
                    raise ValidationError(tx("A session can be rated once it is completed."))
                if existing_review(uow.session, booking.id) is not None:
                    raise ValidationError(ALREADY_RATED)
                now = self._ctx.now()
                review = Rating(
                    booking_id=booking.id,
                    student_id=user.id,
                    teacher_id=booking.teacher_id,
                    stars=stars,
                    comment=comment,
                    created_at=now,
                    updated_at=now,
                )
                uow.session.add(review)
                uow.session.flush()
                result = self._dto(uow.session, user, review.id)
                uow.commit()
        except IntegrityError as error:
            # a racing call inserted the booking's review first: the same refusal as later
            if self._review_of_booking(booking_id) is None:
                raise
            raise ValidationError(ALREADY_RATED) from error
        return result

    def answer_review(self, actor: Actor, review_id: int, text: str) -> ReviewDTO:
        """The reviewed teacher answers a visible review, once."""
        text = clean_multiline(text, what=tx("answer"), limit=MAX_ANSWER_LENGTH, required=True)
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.TEACHER)
            review = self._review(uow.session, review_id)
            if review.teacher_id != user.id:
                raise PermissionDenied(tx("Only the reviewed teacher can answer this review."))
            if review.hidden_at is not None:
                raise ValidationError(tx("This review is hidden; it cannot be answered."))
            now = self._ctx.now()
            won = self._set_once(
                uow.session,
                review.id,
                Rating.answered_at,
                answer=text,
                answered_at=now,
                updated_at=now,
            )
            if not won:
                raise ValidationError(tx("You have already answered this review."))
            result = self._dto(uow.session, user, review.id)
            uow.commit()
        return result

    def hide_review(self, actor: Actor, review_id: int, *, reason: str) -> ReviewDTO:
        """Admin only: hide an abusive review (students no longer see it, it no longer counts).
        Audited; its author gets an in-app notification (and an e-mail when SMTP is set) with
        ``reason``, which is therefore written for them."""
        reason = clean_multiline(
            reason, what=tx("reason"), limit=MAX_HIDE_REASON_LENGTH, required=True
        )
        with self._ctx.unit_of_work() as uow:
            admin = load_acting_user(uow.session, actor, Role.ADMIN)
            review = self._review(uow.session, review_id)
            now = self._ctx.now()
            won = self._set_once(
                uow.session,
                review.id,
                Rating.hidden_at,
                hidden_at=now,
                hidden_by_id=admin.id,
                hidden_reason=reason,
                updated_at=now,
            )
            if not won:
                raise ValidationError(tx("This review is already hidden."))
            record_audit(
                uow.session,
                actor_id=admin.id,
                action=AuditAction.REVIEW_HIDDEN,
                entity_type=ENTITY,
                entity_id=review.id,
                at=now,
                before={"hidden_at": None},
                after={"hidden_at": now},
                reason=reason,
            )
            self._tell_author(uow.session, review.booking_id, review.id, reason=reason, at=now)
            result = self._dto(uow.session, admin, review.id)
            uow.commit()
        return result

    # --- reads ------------------------------------------------------------------------------

    def list_reviews(
        self, actor: Actor, teacher_id: int | None, *, offset: int = 0, limit: int = 20
    ) -> Page[ReviewDTO]:
        """A teacher's reviews, newest first. Students and teachers see the visible ones;
        admins see all, hidden ones flagged, and may pass ``teacher_id=None`` for every
        teacher's (the most recent reviews of the platform)."""
        check_paging(offset, limit, max_limit=MAX_PAGE_SIZE)
        teacher_id = check_optional_id(teacher_id, what=tx("teacher"))
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            admin = user.role is Role.ADMIN
            if teacher_id is None and not admin:
                raise PermissionDenied(tx("Choose a teacher to read their reviews."))
            where: list[Any] = [] if admin else [Rating.hidden_at.is_(None)]
            if teacher_id is not None:
                where.append(Rating.teacher_id == teacher_id)
            total = uow.session.scalar(select(func.count(Rating.id)).where(*where))
            query = (
                _review_rows()
                .where(*where)
                .order_by(Rating.created_at.desc(), Rating.id.desc())
                .offset(offset)
                .limit(limit)
            )
            items = tuple(_to_dto(user, *row) for row in uow.session.execute(query))
        return Page(items=items, total=int(total or 0), offset=offset, limit=limit)

    def rating_summary(self, actor: Actor, teacher_ids: Iterable[int]) -> dict[int, RatingSummary]:
        """``{teacher_id: (average, count)}`` over visible reviews, for every asked teacher, in
        one aggregate query; ``average`` is rounded half up to one decimal and None when the
        teacher has no visible review (count 0)."""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor)
            return rating_summaries(uow.session, teacher_ids)

    # --- helpers ----------------------------------------------------------------------------

    @staticmethod
    def _review(session: Session, review_id: int) -> Rating:
        review = session.get(Rating, check_id(review_id, what=tx("review")))
        if review is None:
            raise NotFound(NOT_FOUND)
        return review

    @staticmethod
    def _set_once(session: Session, review_id: int, unset: Any, **values: object) -> bool:
        """UPDATE the review only while ``unset`` is NULL; whether this call won."""
        result = session.execute(
            update(Rating)
            .where(Rating.id == review_id, unset.is_(None))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    @staticmethod
    def _dto(session: Session, viewer: User, review_id: int) -> ReviewDTO:
        session.expire_all()
        row = session.execute(_review_rows().where(Rating.id == review_id)).one()
        return _to_dto(viewer, *row)

    def _review_of_booking(self, booking_id: int) -> int | None:
        with self._ctx.unit_of_work(write=False) as uow:
            return existing_review(uow.session, check_id(booking_id, what=tx("booking")))

    @staticmethod
    def _tell_author(
        session: Session, booking_id: int, review_id: int, *, reason: str, at: datetime
    ) -> None:
        booking = load_booking(session, booking_id)
        facts = replace(booking_facts(booking), reason=reason)
        notify(session, facts, HIDDEN_KIND, at=at, sequence=0, key=f"review-{review_id}")


def existing_review(session: Session, booking_id: int) -> int | None:
    """The id of the booking's review (hidden or not), or None."""
    return session.scalar(select(Rating.id).where(Rating.booking_id == booking_id))


def _review_rows() -> Select[Rating, str, str, str]:
    """Reviews with their teacher's and author's names and the session's gig title."""
    teacher, student = aliased(User), aliased(User)
    return (
        select(Rating, teacher.display_name, student.display_name, Gig.title)
        .join(teacher, teacher.id == Rating.teacher_id)
        .join(student, student.id == Rating.student_id)
        .join(SessionBooking, SessionBooking.id == Rating.booking_id)
        .join(Gig, Gig.id == SessionBooking.gig_id)
    )


def first_name(display_name: str) -> str:
    """What others learn of a review's author: the first word of their display name."""
    words = display_name.split()
    return words[0] if words else tx("A student")


def _to_dto(
    viewer: User, review: Rating, teacher_name: str, student_name: str, gig_title: str
) -> ReviewDTO:
    admin = viewer.role is Role.ADMIN
    hidden = review.hidden_at is not None
    return ReviewDTO(
        id=review.id,
        booking_id=review.booking_id,
        teacher_id=review.teacher_id,
        teacher_name=teacher_name,
        student_first_name=first_name(student_name),
        gig_title=gig_title,
        stars=review.stars,
        comment=review.comment,
        created_at=review.created_at,
        answer=review.answer,
        answered_at=review.answered_at,
        is_hidden=hidden,
        hidden_at=review.hidden_at,
        hidden_reason=review.hidden_reason if admin else "",
        can_answer=viewer.id == review.teacher_id and review.answer is None and not hidden,
        can_hide=admin and not hidden,
    )
