"""One app per data folder: a second start hands over to the first and exits.

The first instance listens on a local socket (``QLocalServer``) named after the data folder; a
second start connects to it, sends ``activate`` and exits, and the first brings its window to
the front. Two copies on one data folder would race each other's background jobs and SQLite
writes, and the user would not know which window is which.

A socket left behind by a crashed instance is reclaimed: when no one answers on the name, it is
removed (``QLocalServer.removeServer``) and listened on afresh.
"""

from __future__ import annotations

import getpass
import logging
import sys
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1000
WRITE_TIMEOUT_MS = 1000


def server_name_for(data_dir: Path) -> str:
    """A short, stable socket name per (user, data folder): the path itself could be too long
    for a Unix socket and may hold characters a socket name cannot. The name is the CRC-32 of
    both: it tells one user's data folders apart and guards nothing, and zlib is loaded at
    start-up already, where hashlib loads OpenSSL (some 7 ms before the first window)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = ""
    key = f"{user}\0{data_dir.expanduser().resolve()}".encode()
    return f"linguaflex-{zlib.crc32(key):08x}"


class SingleInstance(QObject):
    """``claim()`` once at start-up: True means this is the first instance and now listens;
    False means another one runs and was asked to come to the front. ``activate_requested``
    fires in the first instance each time a later start asks for it."""

    activate_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        if self._ask_running_instance():
            return False
        if self._listen():
            return True
        # Another start won the race between our check and our listen: hand over to it.
        if self._ask_running_instance():
            return False
        log.warning("single-instance socket %s unavailable; running without it", self.name)
        return True

    def close(self) -> None:
        """Stop listening (at exit); the socket name is free for the next start.

        Connections still open are dropped first, their signals blocked: a socket deleted
        with the server emits ``disconnected`` from inside its destructor, and a slot run then
        reads a half-destroyed object (a crash, at best an error in the next event loop)."""
        for client in self._clients:
            client.blockSignals(True)
            client.abort()
            client.deleteLater()
        self._clients.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _ask_running_instance(self) -> bool:
        """True when an instance answered on the name and got the activate message."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if not probe.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        probe.write(ACTIVATE)
        probe.waitForBytesWritten(WRITE_TIMEOUT_MS)
        probe.disconnectFromServer()
        if probe.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            probe.waitForDisconnected(WRITE_TIMEOUT_MS)
        return True

    def _listen(self) -> bool:
        # Nobody answered: a socket file still there is left from a crash; remove it.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.info("cannot listen on %s: %s", self.name, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            client = server.nextPendingConnection()
            self._clients.append(client)
            client.readyRead.connect(lambda c=client: self._read(c))
            client.disconnected.connect(lambda c=client: self._drop(c))
            self._read(client)  # bytes may have arrived before the connections above

    def _read(self, client: QLocalSocket) -> None:
        while client.canReadLine():
            if bytes(client.readLine().data()) == ACTIVATE:
                self.activate_requested.emit()

    def _drop(self, client: QLocalSocket) -> None:
        self._read(client)
        if client in self._clients:
            self._clients.remove(client)
            client.deleteLater()


def bring_to_front() -> QWidget | None:
    """Raise the app's window: an open modal dialog first, else its main window. Returns it."""
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    window = QApplication.activeModalWidget() or next(
        (w for w in windows if isinstance(w, QMainWindow)), windows[0] if windows else None
    )
    if window is None:
        return None
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    return window


def claim_data_folder(data_dir: Path) -> SingleInstance | None:
    """The listening SingleInstance when this is the first app on ``data_dir`` (its activate
    requests raise the window), or None after asking the running one to come to the front."""
    if QApplication.instance() is None:
        QApplication(sys.argv[:1])  # run_gui uses this one
    instance = SingleInstance(server_name_for(data_dir))
    if not instance.claim():
        return None
    instance.activate_requested.connect(bring_to_front)
    return instance
