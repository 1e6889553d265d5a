"""The review dialogs: "Rate this session" (1-5 stars and a comment, for the student of a
completed session) and "Answer review" (the reviewed teacher's one answer).

Both count the text against the service's limit while typing (``LengthLimit``), keep their
submit button off until the input is acceptable, run the change on the TaskRunner and show a
refusal inline, staying open. ``rated`` / ``answered`` carry the ReviewDTO. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.review_dto import (
    MAX_ANSWER_LENGTH,
    MAX_COMMENT_LENGTH,
    STARS,
    ReviewDTO,
)
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import localize, t, when_text
from linguaflex_desktop.ui.operations import Callbacks, OpContext
from linguaflex_desktop.ui.operations import reviews as review_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

STAR_WORDS = {
    1: tx("Poor"),
    2: tx("Fair"),
    3: tx("Good"),
    4: tx("Very good"),
    5: tx("Excellent"),
}


class _TextDialog(QDialog):
    """A prompt, a text field counted against ``limit``, an inline error and two buttons."""

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        title: str,
        prompt: str,
        placeholder: str,
        limit: int,
        what: str,
        submit_text: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self._running = False  # the change was sent and has not answered yet
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(placeholder)
        self.text_edit.setMaximumHeight(140)
        self.text_limit = LengthLimit(self.text_edit, limit, what=what)
        self.text_edit.textChanged.connect(self.update_submit)
        self.error_label = make_message_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.submit_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.submit_button.setText(submit_text)
        themed(self.submit_button, "primaryButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 18, 20, 16)
        self.body.addWidget(self.prompt_label)

    def finish_layout(self) -> None:
        self.body.addWidget(self.text_edit)
        self.body.addWidget(self.text_limit.label)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)
        self.update_submit()

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def ready(self) -> bool:
        return self.text_limit.is_valid() and not self._running

    @Slot()
    def update_submit(self) -> None:
        self.submit_button.setEnabled(self.ready())

    @Slot()
    def submit(self) -> None:
        if not self.ready():
            return
        set_message(self.error_label, None)
        self._running = True  # a second click would send it again
        self.update_submit()
        self.start(on_success=self._succeeded, on_failure=self._failed, owner=self)

    def start(self, **cb: Unpack[Callbacks]) -> None:
        """Run the change (on the TaskRunner) with these callbacks."""
        raise NotImplementedError

    def done_with(self, review: ReviewDTO) -> None:
        raise NotImplementedError

    def _succeeded(self, review: ReviewDTO) -> None:
        self.done_with(review)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        set_message(self.error_label, inline_error_text(error))
        self.update_submit()


class RateSessionDialog(_TextDialog):
    """The student rates a completed session: 1-5 stars (required) and an optional review."""

    rated = Signal(object)  # ReviewDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        booking: BookingDTO,
        parent: QWidget | None = None,
    ) -> None:
        when = when_text(booking.start_at, actor.time_zone)
        super().__init__(
            services=services,
            actor=actor,
            runner=runner,
            title=t("Rate this session"),
            prompt=t(
                "How was “{gig}” with {teacher} on {when}? "
                "Other students see your rating, your review and your first name.",
                gig=booking.gig_title,
                teacher=booking.teacher_name,
                when=when,
            ),
            placeholder=t("Your review (optional): what went well, what could be better"),
            limit=MAX_COMMENT_LENGTH,
            what=t("review"),
            submit_text=t("Post review"),
            parent=parent,
        )
        self.booking = booking
        self.star_group = QButtonGroup(self)
        self.star_group.setExclusive(True)
        stars_row = QHBoxLayout()
        for stars in STARS:
            button = QPushButton("★")
            themed(button, "starButton")
            button.setCheckable(True)
            button.setToolTip(
                t("{stars} of 5: {word}", stars=stars, word=localize(STAR_WORDS[stars]))
            )
            button.setAccessibleName(t("1 star") if stars == 1 else t("{stars} stars", stars=stars))
            self.star_group.addButton(button, stars)
            stars_row.addWidget(button)
        self.stars_label = QLabel(t("Choose 1 to 5 stars."))
        themed(self.stars_label, "fieldNote")
        stars_row.addWidget(self.stars_label)
        stars_row.addStretch(1)
        self.star_group.idToggled.connect(self._on_star_toggled)
        self.body.addLayout(stars_row)
        self.finish_layout()

    def stars(self) -> int | None:
        checked = self.star_group.checkedId()
        return checked if checked in STARS else None

    def set_stars(self, stars: int) -> None:
        self.star_group.button(stars).setChecked(True)

    def ready(self) -> bool:
        return self.stars() is not None and super().ready()

    @Slot(int, bool)
    def _on_star_toggled(self, _stars: int, _checked: bool) -> None:
        chosen = self.stars()
        for stars in STARS:  # the chosen star and those before it are lit
            self.star_group.button(stars).setText("★" if chosen and stars <= chosen else "☆")
        self.stars_label.setText(
            t("{stars} of 5 — {word}", stars=chosen, word=localize(STAR_WORDS[chosen]))
            if chosen
            else t("Choose 1 to 5 stars.")
        )
        self.update_submit()

    def start(self, **cb: Unpack[Callbacks]) -> None:
        stars = self.stars()
        assert stars is not None
        review_ops.rate_booking(
            OpContext.of(self),
            self.actor,
            self.booking.id,
            stars=stars,
            comment=self.text(),
            **cb,
        )

    def done_with(self, review: ReviewDTO) -> None:
        self.rated.emit(review)


class AnswerDialog(_TextDialog):
    """The reviewed teacher's one public answer to a review."""

    answered = Signal(object)  # ReviewDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        review: ReviewDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services=services,
            actor=actor,
            runner=runner,
            title=t("Answer review"),
            prompt=t(
                "Answer {student}'s review ({stars} of 5). "
                "Students see your answer under the review; you can answer once.",
                student=review.student_first_name,
                stars=review.stars,
            ),
            placeholder=t("Your answer"),
            limit=MAX_ANSWER_LENGTH,
            what=t("answer"),
            submit_text=t("Post answer"),
            parent=parent,
        )
        self.review = review
        self.finish_layout()

    def ready(self) -> bool:
        return bool(self.text()) and super().ready()

    def start(self, **cb: Unpack[Callbacks]) -> None:
        review_ops.answer_review(
            OpContext.of(self),
            self.actor,
            self.review.id,
            self.text(),
            **cb,
        )

    def done_with(self, review: ReviewDTO) -> None:
        self.answered.emit(review)
