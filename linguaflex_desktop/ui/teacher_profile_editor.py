"""The teacher's Profile tab: photo, display name, time zone, country, languages spoken with
levels, and bio — what students see beside the teacher's gigs and in their profile.

Loads and saves through the TaskRunner; the photo is read, cropped and scaled off the GUI
thread and uploaded at once. A refused save marks every field the services named, each with
its sentence under it. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import FieldErrors, UserFacingError
from linguaflex_desktop.models.enums import SpokenLevel
from linguaflex_desktop.services.catalogue.profile_rules import MAX_BIO_LENGTH
from linguaflex_desktop.services.common.dto import Actor, TeacherProfileDTO
from linguaflex_desktop.services.common.validation import MAX_DISPLAY_NAME_LENGTH
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.country_combo import CountryCombo
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.field_limits import LengthLimit, mark_invalid
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.photo_image import (
    image_file_filter,
    make_photo_label,
    photo_pixmap,
    scaled_photo_bytes,
)
from linguaflex_desktop.ui.spoken_languages_editor import SpokenLanguagesEditor
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.time_zones import TimeZoneCombo
from linguaflex_desktop.ui.widgets import make_heading, make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PHOTO_PREVIEW_SIDE = 128
PROFILE_NOTE = tx(
    "Students see your photo, name, country, languages and description beside your gigs and "
    "on your profile."
)


def choose_photo_file(parent: QWidget) -> str:
    """Ask for a picture file ('' when cancelled); opens in the user's Pictures folder.
    Tests replace this function."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    path, _filter = QFileDialog.getOpenFileName(
        parent, t("Choose a photo"), folder, image_file_filter()
    )
    return path


class ProfileEditorPage(QWidget):
    """Edits the signed-in teacher's profile; ``field_widgets`` maps each service field name
    to the widget marked when that field is refused."""

    profile_loaded = Signal(object)  # TeacherProfileDTO
    profile_saved = Signal(object)  # TeacherProfileDTO
    photo_saved = Signal(object)  # TeacherProfileDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.profile: TeacherProfileDTO | None = None
        self._build_fields()
        self.error_label = make_message_label()
        self.saved_label = make_message_label("formNotice")
        self.save_button = QPushButton(t("Save profile"))
        themed(self.save_button, "primaryButton")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self._build_layout()
        for limit in self.limits:
            limit.valid_changed.connect(lambda _valid: self._update_save_button())
        self.load()

    # --- construction ---------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.photo_label = make_photo_label(PHOTO_PREVIEW_SIDE, "profilePhoto")
        self.photo_button = QPushButton(t("Choose photo…"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(t("Remove photo"))
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.photo_error = make_message_label("fieldError")
        self.display_name_edit = QLineEdit()
        self.time_zone_combo = TimeZoneCombo()
        self.country_combo = CountryCombo()
        self.languages_editor = SpokenLanguagesEditor()
        self.bio_edit = QPlainTextEdit()
        self.bio_edit.setPlaceholderText(t("Tell students about your experience and approach."))
        self.limits = (
            LengthLimit(self.display_name_edit, MAX_DISPLAY_NAME_LENGTH, what=t("display name")),
            LengthLimit(self.bio_edit, MAX_BIO_LENGTH, what=t("bio")),
        )
        self.field_widgets: dict[str, QWidget] = {
            "display_name": self.display_name_edit,
            "time_zone": self.time_zone_combo,
            "country": self.country_combo,
            "spoken_languages": self.languages_editor.table,
            "bio": self.bio_edit,
        }
        self.field_errors = {
            field: make_message_label("fieldError") for field in self.field_widgets
        }

    def _with_notes(self, field: str, *notes: QLabel) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        widget = self.field_widgets[field]
        layout.addWidget(self.languages_editor if field == "spoken_languages" else widget)
        for note in (*notes, self.field_errors[field]):
            layout.addWidget(note)
        return box

    def _build_layout(self) -> None:
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addWidget(self.photo_error)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        name_limit, bio_limit = self.limits
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(t("Photo"), photo_row)
        form.addRow(t("Display name"), self._with_notes("display_name", name_limit.label))
        form.addRow(t("Time zone"), self._with_notes("time_zone"))
        form.addRow(t("Country"), self._with_notes("country"))
        form.addRow(t("Languages I speak"), self._with_notes("spoken_languages"))
        form.addRow(t("About me"), self._with_notes("bio", bio_limit.label))
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        column = QWidget()
        column.setMaximumWidth(760)
        inner = QWidget()
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column, 1)
        # a scroll area: the form is taller than the window's default size allows
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(make_heading(t("My profile")))
        note = QLabel(localize(PROFILE_NOTE))
        themed(note, "fieldNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # --- loading and saving ---------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        catalogue_ops.get_teacher_profile(
            OpContext.of(self),
            self.actor,
            self.actor.id,
            on_success=self._on_loaded,
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def values(self) -> dict[str, Any]:
        """The form as the service's keyword arguments (judged there, not here)."""
        return {
            "bio": self.bio_edit.toPlainText(),
            "spoken_languages": self.languages_editor.languages(),
            "country": self.country_combo.country(),
            "time_zone": self.time_zone_combo.time_zone(),
            "display_name": self.display_name_edit.text(),
        }

    @Slot()
    def save(self) -> None:
        self._show_field_errors({})
        set_message(self.error_label, None)
        set_message(self.saved_label, None)
        self.save_button.setEnabled(False)
        catalogue_ops.update_teacher_profile(
            OpContext.of(self),
            self.actor,
            self.values(),
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
            owner=self,
        )

    def _fill(self, profile: TeacherProfileDTO) -> None:
        self.profile = profile
        self.display_name_edit.setText(profile.display_name)
        self.time_zone_combo.set_time_zone(profile.time_zone)
        self.country_combo.set_country(profile.country)
        self.languages_editor.set_languages(_language_rows(profile))
        self.bio_edit.setPlainText(profile.bio)
        self._show_photo(profile)

    def _show_photo(self, profile: TeacherProfileDTO) -> None:
        pixmap = photo_pixmap(profile.photo, PHOTO_PREVIEW_SIDE, name=profile.display_name)
        self.photo_label.setPixmap(pixmap)
        self.remove_photo_button.setEnabled(profile.photo is not None)

    def _on_loaded(self, profile: TeacherProfileDTO) -> None:
        self._fill(profile)
        self._update_save_button()
        self.profile_loaded.emit(profile)

    def _on_saved(self, profile: TeacherProfileDTO) -> None:
        self._fill(profile)
        self._update_save_button()
        set_message(self.saved_label, t("Profile saved."))
        self.profile_saved.emit(profile)

    def _on_save_failed(self, error: BaseException) -> None:
        self._update_save_button()
        if isinstance(error, FieldErrors):
            self._show_field_errors(error.fields)
            set_message(self.error_label, t("The profile was not saved; see the marked fields."))
        elif isinstance(error, UserFacingError):
            set_message(self.error_label, inline_error_text(error))
        else:
            show_error(self, error)

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for field, widget in self.field_widgets.items():
            mark_invalid(widget, field in errors)
            message = errors.get(field)
            set_message(self.field_errors[field], localize(message) if message else None)

    def _update_save_button(self) -> None:
        loaded = self.profile is not None
        self.save_button.setEnabled(loaded and all(limit.is_valid() for limit in self.limits))

    # --- photo ----------------------------------------------------------------------------

    @Slot()
    def choose_photo(self) -> None:
        path = choose_photo_file(self)
        if path:
            self.upload_photo(path)

    def upload_photo(self, path: str) -> None:
        """Read, crop and scale the picture at ``path`` and store it (both off the GUI thread)."""
        self._photo_busy(True)
        catalogue_ops.set_teacher_photo(
            OpContext.of(self),
            self.actor,
            lambda: scaled_photo_bytes(path),
            on_success=self._on_photo_saved,
            on_failure=self._on_photo_failed,
            owner=self,
        )

    @Slot()
    def remove_photo(self) -> None:
        self._photo_busy(True)
        catalogue_ops.remove_teacher_photo(
            OpContext.of(self),
            self.actor,
            on_success=self._on_photo_saved,
            on_failure=self._on_photo_failed,
            owner=self,
        )

    def _photo_busy(self, busy: bool) -> None:
        self.photo_button.setEnabled(not busy)
        self.remove_photo_button.setEnabled(not busy and bool(self.profile and self.profile.photo))
        if busy:
            set_message(self.photo_error, None)
            mark_invalid(self.photo_label, False)

    def _on_photo_saved(self, profile: TeacherProfileDTO) -> None:
        self.profile = profile
        self._show_photo(profile)
        self._photo_busy(False)
        self.photo_saved.emit(profile)

    def _on_photo_failed(self, error: BaseException) -> None:
        self._photo_busy(False)
        if isinstance(error, UserFacingError):
            set_message(self.photo_error, inline_error_text(error))
            mark_invalid(self.photo_label, True)
        else:
            show_error(self, error)


def _language_rows(profile: TeacherProfileDTO) -> list[tuple[str, SpokenLevel | None]]:
    """The rows to edit: the languages spoken with levels, or else the older names alone
    (their level still to be chosen)."""
    if profile.spoken_languages:
        return [(entry.language, entry.level) for entry in profile.spoken_languages]
    return [(name, None) for name in profile.languages]
