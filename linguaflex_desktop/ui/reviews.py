"""Reviews as every role reads them: ``ReviewsList``, a reusable widget (the teacher's
"Reviews" tab, the admins' "Reviews" tab, a teacher's profile view) showing, newest first,
each review's stars, comment, date (in the viewer's zone), its author's first name and the
teacher's answer under it. The reviewed teacher gets "Answer…" on unanswered reviews; admins
see hidden reviews flagged and get "Hide…" with a reason dialog. Which buttons show is the
service's rule (``ReviewDTO.can_answer`` / ``can_hide``). Also ``rating_text`` ("★ 4.7 (12)"
or "New") for tables. Loading and every change run on the TaskRunner; GUI thread only.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.booking.review_dto import ReviewDTO
from linguaflex_desktop.services.catalogue.ratings import RatingSummary
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.ui.booking.format import local
from linguaflex_desktop.ui.booking.reason_dialog import ReasonDialog
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import day_text, localize, number_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import reviews as review_ops
from linguaflex_desktop.ui.review_dialogs import AnswerDialog
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_format import NEW_TEACHER_TEXT, average_text
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import Pager, make_heading, make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PAGE_SIZE = 20
_Dialog = TypeVar("_Dialog", AnswerDialog, ReasonDialog)


def stars_text(stars: int) -> str:
    """'★★★★☆' for 4 of 5."""
    return "★" * stars + "☆" * (5 - stars)


def summary_text(average: float | None, count: int) -> str:
    """'★ 4.3 · 4 reviews' above a teacher's reviews; 'No reviews yet' without any."""
    if average is None or count <= 0:
        return t("No reviews yet")
    if count == 1:
        return t("★ {average} · 1 review", average=average_text(average))
    return t(
        "★ {average} · {count} reviews", average=average_text(average), count=number_text(count)
    )


def rating_text(average: float | None, count: int) -> str:
    """'★ 4.7 (12)', or 'New' for a teacher without visible reviews."""
    if average is None or count <= 0:
        return localize(NEW_TEACHER_TEXT)
    return f"★ {average_text(average)} ({number_text(count)})"  # as teacher_format's


def _date_text(instant: datetime, zone_name: str) -> str:
    """The day of ``instant`` in the viewer's zone: 'Wed 3 Mar 2027'."""
    return day_text(local(instant, zone_name).date())


class ReviewCard(QFrame):
    """One review; ``answer_requested`` / ``hide_requested`` carry its DTO."""

    answer_requested = Signal(object)  # ReviewDTO
    hide_requested = Signal(object)  # ReviewDTO

    def __init__(self, review: ReviewDTO, *, viewer: Actor, show_teacher: bool) -> None:
        super().__init__()
        self.review = review
        themed(self, "reviewCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        stars = QLabel(stars_text(review.stars))
        themed(stars, "reviewStars")
        stars.setAccessibleName(t("{stars} of 5 stars", stars=review.stars))
        about = f" · {review.teacher_name}" if show_teacher else ""
        byline = QLabel(
            f"{review.student_first_name} · {_date_text(review.created_at, viewer.time_zone)}"
            f"{about} · {review.gig_title}"
        )
        themed(byline, "fieldNote")
        header = QHBoxLayout()
        header.addWidget(stars)
        header.addWidget(byline, 1)
        self.answer_button = self._button(t("Answer…"), review.can_answer, self.answer_requested)
        self.hide_button = self._button(t("Hide…"), review.can_hide, self.hide_requested)
        themed(self.hide_button, "dangerButton")
        header.addWidget(self.answer_button)
        header.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        if review.is_hidden:
            when = _date_text(review.hidden_at, viewer.time_zone) if review.hidden_at else ""
            hidden = t("Hidden {when}: {reason}", when=when, reason=review.hidden_reason)
            layout.addWidget(self._text(hidden.strip(), "formError"))
        if review.comment:
            layout.addWidget(self._text(review.comment))
        self.answer_label: QLabel | None = None
        if review.answer is not None:
            when = _date_text(review.answered_at, viewer.time_zone) if review.answered_at else ""
            self.answer_label = self._text(
                t("Answer from {name} ({when}):", name=review.teacher_name, when=when)
                + f"\n{review.answer}",
                "reviewAnswer",
            )
            self.answer_label.setContentsMargins(18, 4, 0, 0)
            layout.addWidget(self.answer_label)

    def _button(self, text: str, shown: bool, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setVisible(shown)
        button.clicked.connect(lambda: signal.emit(self.review))
        return button

    @staticmethod
    def _text(text: str, object_name: str = "reviewText") -> QLabel:
        label = QLabel(text)
        themed(label, object_name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label


class ReviewsList(QWidget):
    """A teacher's reviews (``teacher_id``), or for admins every teacher's (None), newest
    first, a page at a time; reloads when reviews change anywhere in the app."""

    reviews_loaded = Signal(object)  # Page[ReviewDTO]
    review_changed = Signal(object)  # ReviewDTO after an answer or a hiding made here

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        teacher_id: int | None,
        heading: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.teacher_id = teacher_id
        self._offset = 0
        self._request = 0
        self.cards: list[ReviewCard] = []
        self.dialog: AnswerDialog | ReasonDialog | None = None
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.summary_label = QLabel()  # the teacher's average and count (not for "everyone")
        themed(self.summary_label, "reviewSummary")
        self.summary_label.setVisible(False)
        self.empty_label = QLabel(t("No reviews yet."))
        themed(self.empty_label, "emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pager = Pager(t("reviews"))
        self.pager.page_requested.connect(self.load)
        self._column = QVBoxLayout()
        self._column.setSpacing(8)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(self._column)
        inner_layout.addWidget(self.empty_label)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = t("Reviews") if heading is None else heading
        if heading:
            layout.addWidget(make_heading(heading))
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.pager)
        refresh_on(
            self,
            runner,
            ("review",),
            lambda _change: self.load(self._offset),
            defer_while_hidden=True,
        )
        self.load()

    def set_teacher(self, teacher_id: int | None) -> None:
        """Show another teacher's reviews (a profile view reused for several teachers)."""
        self.teacher_id = teacher_id
        self.load()

    @Slot(int)
    def load(self, offset: int = 0) -> None:
        self._request += 1
        request = self._request
        review_ops.list_reviews(
            OpContext.of(self),
            self.actor,
            self.teacher_id,
            offset=offset,
            limit=PAGE_SIZE,
            on_success=lambda page: self._on_loaded(request, page),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )
        if self.teacher_id is not None:
            review_ops.rating_summary(
                OpContext.of(self),
                self.actor,
                self.teacher_id,
                on_success=lambda summary: self._on_summary(request, summary),
                owner=self,
            )
        else:
            self.summary_label.setVisible(False)

    def _on_summary(self, request: int, summary: RatingSummary) -> None:
        if request == self._request:
            self.summary_label.setText(summary_text(*summary))
            self.summary_label.setVisible(True)

    def _on_loaded(self, request: int, page: Page[ReviewDTO]) -> None:
        if request != self._request:
            return  # an older load answered after a newer one started
        if not page.items and page.offset > 0 and page.total > 0:
            # the page shown before is gone (a review was hidden): show the last page left
            self.load((page.total - 1) // page.limit * page.limit)
            return
        set_message(self.error_label, None)
        self._offset = page.offset
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for review in page.items:
            card = ReviewCard(review, viewer=self.actor, show_teacher=self.teacher_id is None)
            card.answer_requested.connect(self.open_answer)
            card.hide_requested.connect(self.open_hide)
            self._column.addWidget(card)
            self.cards.append(card)
        self.empty_label.setVisible(not page.items)
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        self.reviews_loaded.emit(page)

    # --- actions --------------------------------------------------------------------------

    @Slot(object)
    def open_answer(self, review: ReviewDTO) -> AnswerDialog:
        dialog = AnswerDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            review=review,
            parent=self,
        )
        dialog.answered.connect(lambda fresh: self._changed(fresh, t("Your answer is posted.")))
        return self._open(dialog)

    @Slot(object)
    def open_hide(self, review: ReviewDTO) -> ReasonDialog:
        dialog = ReasonDialog(
            title=t("Hide review"),
            prompt=t(
                "Hide {student}'s review of {teacher} ({stars} of 5)? Students will no longer "
                "see it and it will not count in the rating. The reason is recorded in the "
                "audit trail and sent to its author.",
                student=review.student_first_name,
                teacher=review.teacher_name,
                stars=review.stars,
            ),
            confirm_text=t("Hide review"),
            parent=self,
        )
        dialog.reason_given.connect(lambda reason: self._hide(review, reason))
        return self._open(dialog)

    def _open(self, dialog: _Dialog) -> _Dialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _hide(self, review: ReviewDTO, reason: str) -> None:
        set_message(self.error_label, None)
        review_ops.hide_review(
            OpContext.of(self),
            self.actor,
            review.id,
            reason=reason,
            on_success=lambda fresh: self._changed(
                fresh, t("The review is hidden; its author was told why.")
            ),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _changed(self, review: ReviewDTO, notice: str) -> None:
        set_message(self.notice_label, notice)
        self.review_changed.emit(review)
        self.load(self._offset)
