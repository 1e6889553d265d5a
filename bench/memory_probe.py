"""The child process of ``bench_role_windows``: the admin views' peak memory.

``python bench/memory_probe.py DATABASE_URL DATA_DIR`` opens the admin window on the database
(its first admin account), shows each tab in turn until every load it started is in, and
prints ``peak_mb <MB>``: the process's peak resident memory (``VmHWM`` of
/proc/self/status; not ``ru_maxrss``, which Linux carries over from the parent's size
across the fork and exec that started this process).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bench.gui_probe import settle
from linguaflex_desktop.bootstrap import build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.app_controller import ROLE_WINDOWS, collect_on_the_gui_thread
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.task_runner import TaskRunner


def peak_mb() -> float:
    """This process's peak resident memory so far (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(url: str, data_dir: str) -> int:
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    app = QApplication(sys.argv[:1])
    settings = load_settings(data_dir=Path(data_dir), database_url=url, environ={})
    services = build_app_services(settings)
    try:
        with services.ctx.unit_of_work(write=False) as uow:
            admin = uow.session.scalars(select(User).where(User.role == Role.ADMIN)).first()
            assert admin is not None, "no admin account"
            user = UserDTO.from_model(admin)
        runner = TaskRunner()
        collect_on_the_gui_thread(runner)  # as the app before its first window
        window = ROLE_WINDOWS[Role.ADMIN](services=services, user=user, runner=runner)
        install_payment_ui(window, open_url=lambda _url: True)
        window.resize(1280, 800)
        window.show()
        settle(runner)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            settle(runner)
            print(f"  {window.tabs.tabText(index)}: peak {peak_mb():.1f} MB", file=sys.stderr)
        print(f"peak_mb {peak_mb():.1f}", flush=True)
        window.close()
        runner.wait_for_idle(30000)
    finally:
        services.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
