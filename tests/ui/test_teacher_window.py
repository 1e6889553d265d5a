"""The teacher's gig manager, gig editor dialog and profile editor against real services."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Level, Role, SpokenLevel
from linguaflex_desktop.ui.gig_editor_dialog import GigEditorDialog
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import NO_GIGS_TEXT, TeacherWindow
from tests.ui.ui_helpers import (
    build_every_tab,
    click_row,
    column_texts,
    create_gig,
    register,
    type_into,
)


@pytest.fixture
def window(qtbot: QtBot, app_services: AppServices, runner: TaskRunner) -> Iterator[TeacherWindow]:
    teacher = register(app_services, Role.TEACHER, name="Lucía Ruiz")
    app_services.profiles.update_teacher_profile(
        teacher.actor,
        bio="Native speaker.",
        spoken_languages=[("Spanish", "native")],
        country="ES",
        time_zone="Europe/Madrid",
    )
    teacher_window = TeacherWindow(services=app_services, user=teacher, runner=runner)
    qtbot.addWidget(teacher_window)
    teacher_window.show()
    profile = teacher_window.profile_editor
    qtbot.waitUntil(lambda: profile.save_button.isEnabled(), timeout=5000)
    build_every_tab(teacher_window)
    assert runner.wait_for_idle()  # every tab's first load (schedule, inbox…) has arrived
    yield teacher_window
    runner.wait_for_idle()


def loaded_manager(qtbot: QtBot, window: TeacherWindow, rows: int) -> None:
    manager = window.gig_manager
    qtbot.waitUntil(lambda: manager.model.rowCount() == rows, timeout=5000)


def test_no_gigs_shows_the_empty_state_and_edit_is_disabled(
    qtbot: QtBot, window: TeacherWindow
) -> None:
    manager = window.gig_manager
    qtbot.waitUntil(lambda: manager.table.empty_label.text() == NO_GIGS_TEXT, timeout=5000)
    assert manager.table.showing_empty_state()
    assert not manager.edit_button.isEnabled()
    assert manager.new_button.isEnabled()


def test_creating_a_gig_in_the_editor_saves_it_and_lists_it(
    qtbot: QtBot, window: TeacherWindow, app_services: AppServices
) -> None:
    manager = window.gig_manager
    qtbot.mouseClick(manager.new_button, Qt.MouseButton.LeftButton)
    editor = manager.editor
    assert isinstance(editor, GigEditorDialog) and editor.isVisible()
    assert editor.language_edit.text() == "Spanish"  # from the profile
    type_into(qtbot, editor.title_edit, "Spanish for travellers")
    editor.level_combo.setCurrentIndex(editor.level_combo.findData(Level.A2))
    type_into(qtbot, editor.rate_input, "45.50")
    editor.description_edit.setPlainText("Phrases for airports, hotels and restaurants.")
    with qtbot.waitSignal(editor.gig_saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    gig = saved.args[0]
    assert (gig.title, gig.hourly_rate_minor, gig.currency, gig.level) == (
        "Spanish for travellers",
        4550,
        "USD",
        Level.A2,
    )
    assert not editor.isVisible()
    assert [g.id for g in manager.model.gigs()] == [gig.id]
    assert column_texts(manager.view, 3) == ["45.50 USD / h"]
    stored = app_services.catalogue.list_my_gigs(window.actor)
    assert [(g.title, g.hourly_rate_minor) for g in stored] == [("Spanish for travellers", 4550)]


def test_editing_a_gig_changes_it_in_the_list_and_the_database(
    qtbot: QtBot, window: TeacherWindow, app_services: AppServices
) -> None:
    gig = create_gig(app_services, window.user, title="Old title", rate_minor=3000)
    manager = window.gig_manager
    qtbot.mouseClick(manager.refresh_button, Qt.MouseButton.LeftButton)
    loaded_manager(qtbot, window, 1)
    assert not manager.edit_button.isEnabled()
    click_row(qtbot, manager.view, 0)
    assert manager.edit_button.isEnabled()
    qtbot.mouseClick(manager.edit_button, Qt.MouseButton.LeftButton)
    editor = manager.editor
    assert editor is not None and editor.rate_input.text() == "30.00"
    type_into(qtbot, editor.title_edit, "New title")
    type_into(qtbot, editor.rate_input, "32")
    editor.active_checkbox.setChecked(False)
    with qtbot.waitSignal(editor.gig_saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert manager.model.index(0, 0).data() == "New title"
    assert manager.model.index(0, 5).data() == "Hidden"
    stored = app_services.catalogue.get_gig(window.actor, gig.id)
    assert (stored.title, stored.hourly_rate_minor, stored.is_active) == ("New title", 3200, False)


def test_the_services_validation_message_appears_in_the_editor(
    qtbot: QtBot, window: TeacherWindow, app_services: AppServices
) -> None:
    editor = window.gig_manager.open_editor(None)
    type_into(qtbot, editor.rate_input, "40")
    editor.title_edit.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editor.error_label.text()), timeout=5000)
    assert editor.isVisible()
    assert "title" in editor.error_label.text().lower()
    assert editor.save_button.isEnabled()
    assert app_services.catalogue.list_my_gigs(window.actor) == []


def test_an_unreadable_rate_is_refused_before_calling_the_service(
    qtbot: QtBot, window: TeacherWindow
) -> None:
    editor = window.gig_manager.open_editor(None)
    editor.currency_combo.setCurrentText("JPY")
    type_into(qtbot, editor.rate_input, "10.5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error_label.text() == (
        "Hourly rate: Cannot read '10.5' as an amount: JPY amounts have at most 0 decimal "
        "places; separators group thousands."
    )
    assert window.runner.in_flight == 0


def test_saving_the_profile_stores_it_and_renames_the_header(
    qtbot: QtBot, window: TeacherWindow, app_services: AppServices
) -> None:
    profile = window.profile_editor
    assert profile.languages_editor.languages() == [("Spanish", "native")]
    assert profile.bio_edit.toPlainText() == "Native speaker."
    type_into(qtbot, profile.display_name_edit, "Lucía Ruiz García")
    profile.languages_editor.add_row("Catalan", SpokenLevel.C1)
    profile.bio_edit.setPlainText("Native speaker from Barcelona.")
    with qtbot.waitSignal(profile.profile_saved, timeout=5000):
        qtbot.mouseClick(profile.save_button, Qt.MouseButton.LeftButton)
    assert profile.saved_label.text() == "Profile saved."
    assert window.user_label.text() == "Lucía Ruiz García"
    assert window.status_label.text().startswith("Signed in as Lucía Ruiz García (teacher)")
    stored = app_services.profiles.get_teacher_profile(window.actor, window.user.id)
    assert stored.languages == ("Spanish", "Catalan")
    assert stored.bio == "Native speaker from Barcelona."
