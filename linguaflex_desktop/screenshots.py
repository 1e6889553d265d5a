"""``linguaflex screenshots OUT``: a picture of every window and dialog of the tour
(ui/tour.py) over a showcase school (demo/showcase.py), made by the app itself.

Everything happens in a new temporary data folder with the Stripe sandbox, so the user's own
data is never read or changed; the outbox worker runs once so meetings and inbox messages
exist. Offscreen unless a display platform is set.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection
from pathlib import Path

from linguaflex_desktop.config import load_settings


def save_screenshots(out: Path, *, language: str = "en", only: Collection[str] = ()) -> list[Path]:
    """Save ``<stop>.png`` for each stop of the tour (or of ``only``) in ``language``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.demo.showcase import MovableClock, build_showcase
    from linguaflex_desktop.ui.app_controller import AppController
    from linguaflex_desktop.ui.i18n import language_switch
    from linguaflex_desktop.ui.task_runner import TaskRunner
    from linguaflex_desktop.ui.theme import apply_theme
    from linguaflex_desktop.ui.tour import walk
    from linguaflex_desktop.worker.runtime import build_worker

    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="linguaflex-screenshots-") as folder:
        clock = MovableClock()
        services = build_app_services(load_settings(data_dir=Path(folder), environ={}), clock=clock)
        try:
            showcase = build_showcase(services, clock, language=language)
            worker = build_worker(services, services.settings, worker_id="screenshots")
            while worker.run_once():
                pass
            existing = QApplication.instance()
            app = existing if isinstance(existing, QApplication) else QApplication(["linguaflex"])
            apply_theme(app)
            language_switch().apply(language)
            controller = AppController(services, runner=TaskRunner(app))

            def visit(name: str, widget: QWidget) -> None:
                if only and name not in only:
                    return
                path = out / f"{name}.png"
                if widget.grab().save(str(path)):
                    saved.append(path)

            walk(controller, visit, showcase)
            controller.shutdown()
        finally:
            services.close()
    return saved
