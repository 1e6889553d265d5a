"""Read-only detail view of one gig and its teacher (photo, country, languages, rating),
with a slot for actions added later (e.g. booking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import GigDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.gig_table_model import (
    gig_lengths_text,
    gig_rate_text,
    gig_status_text,
    level_code_text,
)
from linguaflex_desktop.ui.i18n import language_text, localize, t
from linguaflex_desktop.ui.photo_image import make_photo_label, photo_pixmap
from linguaflex_desktop.ui.teacher_format import rating_text, teacher_facts_text
from linguaflex_desktop.ui.teacher_photos import TeacherPhotos
from linguaflex_desktop.ui.theme import themed

EMPTY_TEXT = tx("Select a gig to see its details.")
PHOTO_SIDE = 64


class GigDetailPanel(QStackedWidget):
    """Shows a GigDTO; ``actions_layout`` holds buttons that other pages add. With
    ``photos`` the teacher's photo is fetched (once per teacher) and shown."""

    def __init__(
        self, parent: QWidget | None = None, *, photos: TeacherPhotos | None = None
    ) -> None:
        super().__init__(parent)
        themed(self, "detailPanel")
        self.setMinimumWidth(300)
        self.gig: GigDTO | None = None
        self.photos = photos
        self.shown_photo: bytes | None = None
        if photos is not None:
            photos.photo_ready.connect(self._on_photo_ready)
        self.empty_label = QLabel(localize(EMPTY_TEXT))
        themed(self.empty_label, "emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.addWidget(self.empty_label)
        self.addWidget(self._build_content())
        self.setCurrentWidget(self.empty_label)

    def _build_content(self) -> QWidget:
        self.title_label = detail_label("detailTitle")
        self.teacher_label = detail_label("detailTeacher")
        self.teacher_facts_label = detail_label("detailMeta")
        self.rating_label = detail_label("teacherRating")
        self.photo_label = make_photo_label(PHOTO_SIDE)
        self.meta_label = detail_label("detailMeta")
        self.rate_label = detail_label("detailRate")
        self.time_zone_label = detail_label("detailMeta")
        self.description_label = detail_label("detailDescription")
        self.description_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about = QLabel(t("About this gig"))
        themed(about, "detailSection")
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.HLine)
        themed(separator, "separator")
        self.actions_layout = QHBoxLayout()
        self.actions_layout.addStretch(1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addLayout(self._teacher_row())
        for widget in (self.meta_label, self.rate_label):
            layout.addWidget(widget)
        layout.addWidget(self.time_zone_label)
        layout.addSpacing(6)
        layout.addWidget(separator)
        layout.addWidget(about)
        layout.addWidget(self.description_label)
        layout.addStretch(1)
        layout.addLayout(self.actions_layout)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _teacher_row(self) -> QHBoxLayout:
        facts = QVBoxLayout()
        facts.setSpacing(2)
        for widget in (self.teacher_label, self.teacher_facts_label, self.rating_label):
            facts.addWidget(widget)
        facts.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(facts, 1)
        return row

    def show_gig(self, gig: GigDTO | None) -> None:
        self.gig = gig
        if gig is None:
            self.setCurrentIndex(0)
            return
        self.title_label.setText(gig.title)
        self.teacher_label.setText(t("with {name}", name=gig.teacher_name))
        facts = teacher_facts_text(gig.teacher)
        self.teacher_facts_label.setText(facts)
        self.teacher_facts_label.setVisible(bool(facts))
        self.rating_label.setText(rating_text(gig.teacher.rating))
        self._show_photo(gig)
        meta = t(
            "{language} · level {level} · {lengths} sessions",
            language=language_text(gig.language),
            level=level_code_text(gig.level),
            lengths=gig_lengths_text(gig),
        )
        if gig.is_suspended or not gig.is_active:
            meta += f" · {gig_status_text(gig)}"
        self.meta_label.setText(meta)
        self.rate_label.setText(gig_rate_text(gig))
        self.time_zone_label.setText(t("Teacher's time zone: {zone}", zone=gig.teacher_time_zone))
        self.description_label.setText(gig.description or t("The teacher has not written more."))
        self.setCurrentIndex(1)

    def _show_photo(self, gig: GigDTO) -> None:
        version = gig.teacher.photo_updated_at
        data = self.photos.photo(gig.teacher_id, version) if self.photos else None
        self._set_photo(data, gig.teacher_name)

    def _on_photo_ready(self, teacher_id: int, data: bytes | None) -> None:
        if self.gig is not None and self.gig.teacher_id == teacher_id:
            self._set_photo(data, self.gig.teacher_name)

    def _set_photo(self, data: bytes | None, name: str) -> None:
        """The photo, or the name's initials; ``shown_photo`` keeps the bytes on show."""
        self.shown_photo = data
        self.photo_label.setPixmap(photo_pixmap(data, PHOTO_SIDE, name=name))


def detail_label(object_name: str, text: str = "") -> QLabel:
    """A word-wrapped plain-text label styled by ``object_name`` (detailTitle, detailMeta…)."""
    label = QLabel(text)
    themed(label, object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
