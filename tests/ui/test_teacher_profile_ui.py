"""Teacher profiles through real windows: the teacher's Profile tab saves, reloads, marks a
refused field and uploads a photo; the student's gig panel shows the teacher's photo,
country, languages and rating, and the profile dialog lists the teacher's gigs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role, SpokenLevel, TeacherProfile
from linguaflex_desktop.services.common.dto import SpokenLanguage, UserDTO
from linguaflex_desktop.ui import teacher_profile_editor
from linguaflex_desktop.ui.booking.book_session_dialog import BookSessionDialog
from linguaflex_desktop.ui.gig_table_model import GigColumn
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_profile_editor import ProfileEditorPage
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.integration.profile_helpers import add_rating
from tests.ui.ui_helpers import click_row, create_gig, register, type_into


def picture(path: Path, width: int, height: int) -> Path:
    """A PNG: left half red, right half blue (so the centre crop can be seen)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    for x in range(width // 2, width):
        for y in range(height):
            image.setPixelColor(x, y, QColor("blue"))
    assert image.save(str(path))
    return path


@pytest.fixture
def teacher(app_services: AppServices) -> UserDTO:
    return register(app_services, Role.TEACHER, email="lucia@example.com", name="Lucía Ruiz")


@pytest.fixture
def teacher_window(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, teacher: UserDTO
) -> Iterator[TeacherWindow]:
    window = TeacherWindow(services=app_services, user=teacher, runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.profile_editor.save_button.isEnabled(), timeout=5000)
    assert runner.wait_for_idle()
    yield window
    runner.wait_for_idle()


def save(qtbot: QtBot, page: ProfileEditorPage) -> None:
    with qtbot.waitSignal(page.profile_saved, timeout=5000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


# --- the teacher's Profile tab --------------------------------------------------------------


def test_profile_tab_saves_and_shows_the_saved_values_when_reopened(
    qtbot: QtBot, teacher_window: TeacherWindow, app_services: AppServices, runner: TaskRunner
) -> None:
    page = teacher_window.profile_editor
    page.languages_editor.add_row("spanish", SpokenLevel.NATIVE)
    page.languages_editor.add_row("English", SpokenLevel.C1)
    page.country_combo.setCurrentText("Spain")
    page.time_zone_combo.set_time_zone("Europe/Madrid")
    page.bio_edit.setPlainText("I teach Spanish through conversation.")
    save(qtbot, page)
    assert page.saved_label.text() == "Profile saved."
    stored = app_services.profiles.get_teacher_profile(teacher_window.actor, teacher_window.user.id)
    assert stored.spoken_languages == (
        SpokenLanguage("Spanish", SpokenLevel.NATIVE),
        SpokenLanguage("English", SpokenLevel.C1),
    )
    assert (stored.country, stored.time_zone) == ("ES", "Europe/Madrid")
    assert stored.bio == "I teach Spanish through conversation."

    reopened = ProfileEditorPage(services=app_services, actor=teacher_window.actor, runner=runner)
    qtbot.addWidget(reopened)
    with qtbot.waitSignal(reopened.profile_loaded, timeout=5000):
        pass
    assert reopened.languages_editor.languages() == [("Spanish", "native"), ("English", "C1")]
    assert reopened.country_combo.currentText() == "Spain"
    assert reopened.country_combo.country() == "ES"
    assert reopened.time_zone_combo.time_zone() == "Europe/Madrid"
    assert reopened.bio_edit.toPlainText() == "I teach Spanish through conversation."


def test_refused_fields_are_marked_each_with_its_sentence(
    qtbot: QtBot, teacher_window: TeacherWindow, app_services: AppServices
) -> None:
    page = teacher_window.profile_editor
    page.languages_editor.add_row("Spanish", SpokenLevel.NATIVE)
    page.languages_editor.add_row("spanish", SpokenLevel.B1)
    page.country_combo.setCurrentText("Atlantis")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.error_label.text()), timeout=5000)
    assert page.languages_editor.table.property("invalid") is True
    assert page.country_combo.property("invalid") is True
    assert page.bio_edit.property("invalid") is not True
    assert page.field_errors["spoken_languages"].text() == (
        "Spanish is listed twice; keep one line per language."
    )
    assert page.field_errors["country"].text() == (
        "Unknown country 'Atlantis'; choose one from the list."
    )
    assert page.field_errors["bio"].text() == ""
    assert page.save_button.isEnabled()
    stored = app_services.profiles.get_teacher_profile(teacher_window.actor, teacher_window.user.id)
    assert stored.spoken_languages == ()

    # fixed, saved again: the marks go
    page.languages_editor.table.selectRow(1)
    qtbot.mouseClick(page.languages_editor.remove_button, Qt.MouseButton.LeftButton)
    page.country_combo.set_country("MX")
    save(qtbot, page)
    assert page.languages_editor.table.property("invalid") is False
    assert page.country_combo.property("invalid") is False
    assert page.field_errors["country"].text() == ""


def test_an_over_long_bio_marks_the_field_while_typing_and_turns_save_off(
    teacher_window: TeacherWindow,
) -> None:
    page = teacher_window.profile_editor
    page.bio_edit.setPlainText("x" * 5001)
    assert page.bio_edit.property("invalid") is True
    assert not page.save_button.isEnabled()
    page.bio_edit.setPlainText("x" * 5000)
    assert page.save_button.isEnabled()


def test_a_chosen_picture_is_cropped_scaled_and_stored(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    app_services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1200 x 600: the centre square is x 300..900, half red, half blue
    source = picture(tmp_path / "me.png", 1200, 600)
    monkeypatch.setattr(teacher_profile_editor, "choose_photo_file", lambda _parent: str(source))
    page = teacher_window.profile_editor
    with qtbot.waitSignal(page.photo_saved, timeout=10000):
        qtbot.mouseClick(page.photo_button, Qt.MouseButton.LeftButton)
    stored = app_services.profiles.get_teacher_photo(teacher_window.actor, teacher_window.user.id)
    assert stored is not None and stored.startswith(b"\xff\xd8\xff")  # a JPEG
    image = QImage.fromData(stored)
    assert (image.width(), image.height()) == (256, 256)
    left, right = image.pixelColor(10, 128), image.pixelColor(245, 128)
    assert left.red() > 200 and left.blue() < 60
    assert right.blue() > 200 and right.red() < 60
    assert page.remove_photo_button.isEnabled()


def test_a_file_that_is_no_picture_is_refused_beside_the_photo(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    app_services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes = tmp_path / "notes.png"
    notes.write_text("not a picture at all")
    monkeypatch.setattr(teacher_profile_editor, "choose_photo_file", lambda _parent: str(notes))
    page = teacher_window.profile_editor
    qtbot.mouseClick(page.photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.photo_error.text()), timeout=5000)
    assert page.photo_error.text() == "The file notes.png is not a picture this app can read."
    assert page.photo_label.property("invalid") is True
    assert page.photo_button.isEnabled()
    actor = teacher_window.actor
    assert app_services.profiles.get_teacher_photo(actor, actor.id) is None


# --- the student's view ---------------------------------------------------------------------


@pytest.fixture
def student_window(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, teacher: UserDTO, tmp_path: Path
) -> Iterator[StudentWindow]:
    profiles = app_services.profiles
    profiles.update_teacher_profile(
        teacher.actor,
        bio="Native speaker from Seville. Conversation first, grammar when it helps.",
        spoken_languages=[("Spanish", "native"), ("English", "C1")],
        country="ES",
        time_zone="Europe/Madrid",
    )
    photo = QImage(256, 256, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2f6fbf"))
    assert photo.save(str(tmp_path / "photo.png"))
    profiles.set_teacher_photo(teacher.actor, (tmp_path / "photo.png").read_bytes())
    spanish = create_gig(app_services, teacher, title="Conversational Spanish", rate_minor=3000)
    create_gig(app_services, teacher, title="DELE exam preparation", rate_minor=4500)
    student = register(app_services, Role.STUDENT)
    other = register(app_services, Role.STUDENT, email="other@example.com")
    add_rating(app_services.ctx, spanish, student_id=student.id, stars=5, start=_at(9))
    add_rating(app_services.ctx, spanish, student_id=other.id, stars=4, start=_at(11))
    window = StudentWindow(services=app_services, user=student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_for_idle(60000)
    assert window.gig_browser.model.rowCount() == 2
    yield window
    runner.wait_for_idle()


def _at(hour: int) -> datetime:
    return datetime(2026, 1, 5, hour, 0, tzinfo=UTC)


def test_the_gig_panel_shows_the_teachers_photo_country_languages_and_rating(
    qtbot: QtBot, student_window: StudentWindow, app_services: AppServices
) -> None:
    browser = student_window.gig_browser
    click_row(qtbot, browser.view, 0)
    panel = browser.detail
    assert panel.teacher_facts_label.text() == "Spain · speaks Spanish (native), English (C1)"
    assert panel.rating_label.text() == "★ 4.5 (2 reviews)"  # (5 + 4) / 2
    model = browser.model
    assert model.index(0, model.column_of(GigColumn.RATING)).data() == "★ 4.5 (2)"
    teacher_cell = model.index(0, model.column_of(GigColumn.TEACHER))
    assert teacher_cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Spain · speaks Spanish (native), English (C1)"
    )
    qtbot.waitUntil(lambda: panel.shown_photo is not None, timeout=5000)
    teacher_id = panel.gig.teacher_id if panel.gig else 0
    stored = app_services.profiles.get_teacher_photo(student_window.actor, teacher_id)
    assert panel.shown_photo == stored
    assert not panel.photo_label.pixmap().isNull()
    assert student_window.profile_button.isEnabled()


def test_the_profile_dialog_lists_the_teachers_gigs_and_books_one(
    qtbot: QtBot, student_window: StudentWindow, tmp_path: Path
) -> None:
    browser = student_window.gig_browser
    click_row(qtbot, browser.view, 0)
    qtbot.mouseClick(student_window.profile_button, Qt.MouseButton.LeftButton)
    dialog = student_window.profile_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.profile_loaded, timeout=5000):
        pass
    assert dialog.isVisible()
    assert dialog.name_label.text() == "Lucía Ruiz"
    assert dialog.country_label.text() == "From Spain"
    assert dialog.languages_label.text() == "Speaks Spanish (native), English (C1)"
    assert dialog.rating_label.text() == "★ 4.5 (2 reviews)"
    assert dialog.local_time_label.text().endswith("local time (Europe/Madrid)")
    assert dialog.bio_label.text().startswith("Native speaker from Seville.")
    assert dialog.profile is not None
    assert [gig.title for gig in dialog.profile.gigs] == [
        "Conversational Spanish",
        "DELE exam preparation",
    ]
    assert set(dialog.book_buttons) == {gig.id for gig in dialog.profile.gigs}
    qtbot.waitUntil(lambda: all(b.isVisible() for b in dialog.book_buttons.values()), timeout=5000)
    assert dialog.reviews_area.count() == 1  # the teacher's reviews
    assert dialog.reviews.teacher_id == dialog.teacher_id
    shot = tmp_path / "teacher_profile_dialog.png"
    assert dialog.grab().save(str(shot))
    saved = QImage(str(shot))
    assert not saved.isNull() and saved.width() > 300 and saved.height() > 300

    dele = dialog.profile.gigs[1]
    qtbot.mouseClick(dialog.book_buttons[dele.id], Qt.MouseButton.LeftButton)
    booking = student_window.book_dialog
    assert isinstance(booking, BookSessionDialog) and booking.isVisible()
    assert booking.gig.id == dele.id
    assert not dialog.isVisible()
    booking.reject()


def test_the_profile_button_waits_for_a_gig_to_be_chosen(student_window: StudentWindow) -> None:
    browser = student_window.gig_browser
    browser.view.clearSelection()
    assert not student_window.profile_button.isEnabled()
    assert student_window.open_teacher_profile() is None


def test_a_search_typed_for_a_teacher_still_shows_their_facts(
    qtbot: QtBot, student_window: StudentWindow
) -> None:
    browser = student_window.gig_browser
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        type_into(qtbot, browser.text_edit, "DELE")
        qtbot.keyClick(browser.text_edit, Qt.Key.Key_Return)
    click_row(qtbot, browser.view, 0)
    assert browser.detail.rating_label.text() == "★ 4.5 (2 reviews)"


def test_languages_saved_before_levels_existed_are_offered_for_a_level(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, teacher: UserDTO
) -> None:
    with app_services.ctx.unit_of_work() as uow:  # a profile as the older version wrote it
        stored = uow.session.get(TeacherProfile, teacher.id)
        assert stored is not None
        stored.languages = ["Catalan"]
        uow.commit()
    page = ProfileEditorPage(services=app_services, actor=teacher.actor, runner=runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.profile_loaded, timeout=5000):
        pass
    assert page.languages_editor.languages() == [("Catalan", "")]
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.field_errors["spoken_languages"].text()), timeout=5000)
    assert page.field_errors["spoken_languages"].text() == (
        "Choose your level in Catalan (native, C2, C1, B2, B1, A2, A1)."
    )
    assert page.languages_editor.table.property("invalid") is True
