"""A dialog's long wait on a peer (Stripe), said in words: which peer, what step, how long.

A call to a peer usually answers in well under a second; a slow one (Stripe taking 3 s a
call) used to leave a dialog with every button off and nothing but the status bar's busy bar
moving. ``PeerWaitPanel`` sits in the dialog, hidden; ``begin(text)`` when the call starts,
``end()`` when its answer arrived. Only when the call has run ``SLOW_AFTER_MS`` does the panel
show the text, a busy bar and the time waited, and emit ``slow``: the dialog then offers what
is safe (closing while the call goes on in the background; the pages update from the
app-wide "data changed" signal when it lands). GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from linguaflex_desktop.ui.i18n import localize
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.wait_dialog import elapsed_text

SLOW_AFTER_MS = 1000  # a wait longer than this is said in words


class PeerWaitPanel(QWidget):
    """What the dialog waits for, shown once the wait has lasted ``slow_after_ms``."""

    slow = Signal()

    def __init__(self, parent: QWidget | None = None, *, slow_after_ms: int = SLOW_AFTER_MS):
        super().__init__(parent)
        self.setObjectName("peerWait")
        self.slow_after_ms = slow_after_ms
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        themed(self.text_label, "formNotice")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.elapsed_label = QLabel()
        themed(self.elapsed_label, "fieldNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.text_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.elapsed_label)
        self._clock = QElapsedTimer()
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._show_slow)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._waiting = False
        self._slow = False
        self.setVisible(False)

    @property
    def waiting(self) -> bool:
        """A call is running (``begin`` without ``end`` yet)."""
        return self._waiting

    @property
    def is_slow(self) -> bool:
        """The running call has lasted long enough to be said in words."""
        return self._waiting and self._slow

    def begin(self, text: str) -> None:
        """A call to a peer starts; ``text`` says which peer and what step (a ``tx``)."""
        self.text_label.setText(localize(text))
        self._waiting, self._slow = True, False
        self._clock.start()
        self._delay.start(self.slow_after_ms)

    def end(self) -> None:
        """The call answered: hide and stop counting."""
        self._waiting = self._slow = False
        self._delay.stop()
        self._ticker.stop()
        self.setVisible(False)

    @Slot()
    def _show_slow(self) -> None:
        if not self._waiting:
            return
        self._slow = True
        self._tick()
        self.setVisible(True)
        self._ticker.start()
        self.slow.emit()

    @Slot()
    def _tick(self) -> None:
        self.elapsed_label.setText(elapsed_text(int(self._clock.elapsed() // 1000)))
