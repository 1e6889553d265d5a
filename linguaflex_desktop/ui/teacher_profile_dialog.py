"""A teacher's profile as a student sees it: photo, name, country, languages with levels,
local time, rating, bio, the teacher's gigs (each with "Book…") and the reviews.

Loads through the TaskRunner. ``reviews_area`` under the "Reviews" heading holds the
teacher's visible reviews (``ui.reviews.ReviewsList``). GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor, GigDTO, TeacherProfileDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.gig_detail_panel import detail_label
from linguaflex_desktop.ui.gig_table_model import gig_rate_text, level_code_text
from linguaflex_desktop.ui.i18n import country_text, localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.photo_image import make_photo_label, photo_pixmap
from linguaflex_desktop.ui.reviews import ReviewsList
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_format import languages_text, local_time_text, rating_text
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PHOTO_SIDE = 128
LOCAL_TIME_REFRESH_MS = 30_000
NO_BIO_TEXT = tx("This teacher has not written about themselves yet.")
NO_GIGS_TEXT = tx("This teacher offers no gigs at the moment.")


class TeacherProfileDialog(QDialog):
    """Window-modal; ``book_requested`` carries the gig whose "Book…" was pressed (the
    dialog closes, the window opens its booking dialog)."""

    profile_loaded = Signal(object)  # TeacherProfileDTO
    book_requested = Signal(object)  # GigDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        teacher_id: int,
        teacher_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.teacher_id = teacher_id
        self.profile: TeacherProfileDTO | None = None
        self.book_buttons: dict[int, QPushButton] = {}
        self.setObjectName("teacherProfileDialog")
        self.setWindowTitle(
            t("{name} — teacher profile", name=teacher_name) if teacher_name else t("Teacher")
        )
        self.resize(620, 640)
        self._build()
        self._clock = QTimer(self)
        self._clock.setInterval(LOCAL_TIME_REFRESH_MS)
        self._clock.timeout.connect(self._show_local_time)
        self.load()

    def _build(self) -> None:
        self.photo_label = make_photo_label(PHOTO_SIDE)
        self.name_label = detail_label("detailTitle", t("Loading…"))
        self.country_label = detail_label("detailMeta")
        self.languages_label = detail_label("detailMeta")
        self.local_time_label = detail_label("detailMeta")
        self.rating_label = detail_label("teacherRating")
        self.bio_label = detail_label("detailDescription")
        self.bio_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = make_message_label()
        facts = QVBoxLayout()
        facts.setSpacing(3)
        for widget in (
            self.name_label,
            self.country_label,
            self.languages_label,
            self.local_time_label,
            self.rating_label,
        ):
            facts.addWidget(widget)
        facts.addStretch(1)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(facts, 1)
        self.gigs_layout = QVBoxLayout()
        self.gigs_layout.setSpacing(6)
        self.reviews_area = QVBoxLayout()
        self.reviews_area.setObjectName("reviewsArea")
        self.reviews = ReviewsList(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            teacher_id=self.teacher_id,
            heading="",
        )
        self.reviews_area.addWidget(self.reviews)
        content = QWidget()
        themed(content, "detailPanel")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.error_label)
        layout.addWidget(_section(t("About")))
        layout.addWidget(self.bio_label)
        layout.addWidget(_section(t("Gigs")))
        layout.addLayout(self.gigs_layout)
        layout.addWidget(_section(t("Reviews")))
        layout.addLayout(self.reviews_area, 1)  # the reviews take the room left
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)

    @Slot()
    def load(self) -> None:
        catalogue_ops.get_teacher_profile(
            OpContext.of(self),
            self.actor,
            self.teacher_id,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_failed(self, error: BaseException) -> None:
        self.name_label.setText(t("Profile not available"))
        set_message(self.error_label, inline_error_text(error))

    def _on_loaded(self, profile: TeacherProfileDTO) -> None:
        self.profile = profile
        self.setWindowTitle(t("{name} — teacher profile", name=profile.display_name))
        self.photo_label.setPixmap(
            photo_pixmap(profile.photo, PHOTO_SIDE, name=profile.display_name)
        )
        self.name_label.setText(profile.display_name)
        self.country_label.setText(
            t("From {country}", country=country_text(profile.country, profile.country_name))
            if profile.country_name
            else ""
        )
        self.country_label.setVisible(bool(profile.country_name))
        languages = languages_text(profile.spoken_languages)
        self.languages_label.setText(
            t("Speaks {languages}", languages=languages) if languages else ""
        )
        self.languages_label.setVisible(bool(languages))
        self.rating_label.setText(rating_text(profile.rating))
        self.bio_label.setText(profile.bio or localize(NO_BIO_TEXT))
        self._show_local_time()
        self._clock.start()
        self._show_gigs(profile.gigs)
        self.profile_loaded.emit(profile)

    @Slot()
    def _show_local_time(self) -> None:
        if self.profile is not None:
            self.local_time_label.setText(local_time_text(self.profile.time_zone))

    def _show_gigs(self, gigs: tuple[GigDTO, ...]) -> None:
        self.book_buttons.clear()
        if not gigs:
            self.gigs_layout.addWidget(detail_label("detailMeta", localize(NO_GIGS_TEXT)))
        for gig in gigs:
            row = QHBoxLayout()
            facts = t(
                "{language} · level {level} · {rate}",
                language=gig.language,
                level=level_code_text(gig.level),
                rate=gig_rate_text(gig),
            )
            text = f"{gig.title}\n{facts}"
            row.addWidget(detail_label("gigLine", text), 1)
            button = QPushButton(t("Book…"))
            button.clicked.connect(lambda _checked=False, chosen=gig: self._book(chosen))
            self.book_buttons[gig.id] = button
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.gigs_layout.addLayout(row)

    def _book(self, gig: GigDTO) -> None:
        self.book_requested.emit(gig)
        self.accept()


def _section(title: str) -> QLabel:
    return detail_label("detailSection", title)
