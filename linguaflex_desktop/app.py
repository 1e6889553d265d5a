"""GUI entry: build the services from Settings, then hand over to the Qt app controller."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from linguaflex_desktop.config import Settings
from linguaflex_desktop.models import Role

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.ui.gui_idle import GuiIdle
    from linguaflex_desktop.worker.runtime import WorkerThread

log = logging.getLogger(__name__)


def run_app(
    settings: Settings, *, screenshot: Path | None = None, screenshot_role: Role | None = None
) -> int:
    """Open the app (or render one window to ``screenshot`` and exit). Returns the exit code.

    One app per data folder: when one is open already, its window comes to the front and this
    start returns 0 without touching the database. Screenshots skip that check.
    """
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _run_with_services(settings, screenshot, screenshot_role)
    from linguaflex_desktop.ui.single_instance import claim_data_folder

    instance = claim_data_folder(settings.data_dir)
    if instance is None:
        print(f"LinguaFlex is already open for {settings.data_dir}; brought it to the front.")
        return 0
    try:
        return _run_with_services(settings, None, None)
    finally:
        instance.close()


@dataclass
class _Opened:
    """What the staged start opened behind the window, to close when the app ends."""

    services: AppServices | None = None
    worker: WorkerThread | None = None
    gui_idle: GuiIdle | None = None  # kept alive as long as the worker asks it


def _run_with_services(
    settings: Settings, screenshot: Path | None, screenshot_role: Role | None
) -> int:
    if screenshot is not None:
        return _save_screenshot(settings, screenshot, screenshot_role)
    from linguaflex_desktop.ui.startup import run_gui_staged

    opened = _Opened()

    def build_services() -> AppServices:
        from linguaflex_desktop.bootstrap import build_app_services
        from linguaflex_desktop.logging_setup import rotate_log_file

        rotate_log_file()
        return build_app_services(settings)

    def services_ready(services: AppServices) -> None:
        # jobs, reminders and due transitions run while the app is open, each batch once
        # the window has got through the work in hand
        from linguaflex_desktop.ui.gui_idle import GuiIdle
        from linguaflex_desktop.worker.runtime import start_app_worker

        opened.services = services
        opened.gui_idle = GuiIdle()
        opened.worker = start_app_worker(services, give_way=opened.gui_idle.wait)

    try:
        return run_gui_staged(
            settings, build_services=build_services, on_services_ready=services_ready
        )
    finally:
        if opened.worker is not None:
            opened.worker.stop(timeout=opened.worker.QUIT_TIMEOUT)
        if opened.services is not None:
            opened.services.close()


def _save_screenshot(settings: Settings, screenshot: Path, screenshot_role: Role | None) -> int:
    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.ui.app_controller import run_gui

    services = build_app_services(settings)
    try:
        return run_gui(services, screenshot=screenshot, screenshot_role=screenshot_role)
    finally:
        services.close()


def show_startup_error(title: str, message: str) -> None:
    """A modal message for problems found before any window exists."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or os.environ.get("CI"):
        return  # nobody to see a dialog; the message went to stderr
    app = QApplication.instance() or QApplication([])
    QMessageBox.critical(None, f"LinguaFlex — {title}", message)
    del app


def main() -> int:
    from linguaflex_desktop.cli import main as cli_main

    return cli_main()
