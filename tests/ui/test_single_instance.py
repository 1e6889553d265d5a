"""One app per data folder: a second start asks the first to come to the front and exits."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDir, QEvent
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from linguaflex_desktop.app import run_app
from linguaflex_desktop.config import SQLITE_FILE_NAME, load_settings
from linguaflex_desktop.ui.single_instance import (
    ACTIVATE,
    SingleInstance,
    bring_to_front,
    claim_data_folder,
    server_name_for,
)


@pytest.fixture
def name() -> str:
    return f"linguaflex-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def instances() -> Iterator[list[SingleInstance]]:
    """Every SingleInstance a test makes, closed afterwards so no socket outlives it."""
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.close()


def test_a_second_instance_on_the_same_name_hands_over_and_the_first_is_asked_to_activate(
    qtbot: QtBot, name: str, instances: list[SingleInstance]
) -> None:
    first, second = SingleInstance(name), SingleInstance(name)
    instances += [first, second]
    assert first.claim() is True
    assert first.listening
    with qtbot.waitSignal(first.activate_requested, timeout=5000):
        assert second.claim() is False  # "already running"
    assert not second.listening
    with qtbot.waitSignal(first.activate_requested, timeout=5000):
        assert SingleInstance(name).claim() is False  # every later start asks again


def test_the_name_is_free_again_once_the_first_instance_closes(
    qtbot: QtBot, name: str, instances: list[SingleInstance]
) -> None:
    first = SingleInstance(name)
    instances.append(first)
    assert first.claim()
    first.close()
    again = SingleInstance(name)
    instances.append(again)
    assert again.claim() is True


def test_closing_while_a_later_start_is_still_connected_runs_no_slot_on_deleted_sockets(
    qtbot: QtBot, name: str, instances: list[SingleInstance]
) -> None:
    """The server's sockets are deleted with it; one still connected emits ``disconnected``
    from its destructor. No slot may run then: it read a deleted socket (an error in the next
    test's event loop, or a crashed process)."""
    first = SingleInstance(name)
    instances.append(first)
    assert first.claim()
    later = QLocalSocket()  # a later start that has not hung up yet
    later.connectToServer(name)
    assert later.waitForConnected(5000)
    with qtbot.waitSignal(first.activate_requested, timeout=5000):
        later.write(ACTIVATE)
        later.flush()
    first.close()
    # the deferred deletes of the server and its sockets, now rather than in another test;
    # an exception in a slot fails this test (pytest-qt captures it)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(0)
    assert later.waitForDisconnected(5000)  # the connection was dropped, not left open
    later.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="stale socket files are a Unix thing")
def test_a_stale_socket_left_by_a_crash_does_not_block_the_next_start(
    qtbot: QtBot, name: str, instances: list[SingleInstance]
) -> None:
    path = Path(QDir.tempPath()) / name
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))  # a socket file nobody listens on, as a killed app leaves it
    crashed.close()
    assert path.exists()
    reclaimer = SingleInstance(name)
    instances.append(reclaimer)
    assert reclaimer.claim() is True
    assert reclaimer.listening
    with qtbot.waitSignal(reclaimer.activate_requested, timeout=5000):
        assert SingleInstance(name).claim() is False


def test_the_name_is_stable_per_data_folder_and_short(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name_for(a) == server_name_for(tmp_path / "x" / ".." / "a")
    assert server_name_for(a) != server_name_for(b)
    assert len(server_name_for(tmp_path / ("long" * 100))) < 40


def test_activate_brings_the_open_window_to_the_front(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    assert bring_to_front() is window
    assert not window.isMinimized()


def test_gui_on_a_data_folder_that_is_open_already_returns_0_and_touches_nothing(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    running = claim_data_folder(tmp_path)
    assert running is not None
    activated: list[bool] = []
    running.activate_requested.connect(lambda: activated.append(True))
    try:
        assert run_app(load_settings(data_dir=tmp_path, environ={})) == 0
        assert "already open" in capsys.readouterr().out
        qtbot.waitUntil(lambda: bool(activated), timeout=5000)
    finally:
        running.close()
    assert not (tmp_path / SQLITE_FILE_NAME).exists()
