"""Benchmark: opening a role window, and the admin views' memory, over 100,000 bookings.

Usage: PYTHONPATH=. python bench/bench_role_windows.py [DATABASE_URL ...] (or ``python -m bench
--only role_windows``). The data is ``bench_booking_windows``'s (100,000 bookings, a busy
student and teacher).

- **role window opened, longest GUI gap**: the student's, the teacher's and the admin's window
  built as the app builds it after sign-in (with its payment pages), shown, and left until
  every load it started is in (a 10 ms timer on the GUI thread keeps its longest gap), after
  one warm-up; worst of 3 runs, beside the same timer over an idle event loop. Goal 50 ms.
- **admin views, peak memory**: a new process (``bench/memory_probe.py``) opens the admin
  window and shows each of its tabs until its loads are in; its peak resident memory over
  these 100,000 bookings beside the same over the demo data (a database of its own). Goal:
  at most 1.2x.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench.bench_booking_lists import seed
from bench.bench_booking_windows import GAP_GOAL_MS, NOW, ensure_application, make_busy
from bench.figure import Figure
from bench.gui_probe import StallMonitor, collecting_as_the_app_does, idle_gap, settle
from bench.harness import postgres_database, size
from bench.suite import main_alone
from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.ui.app_controller import ROLE_WINDOWS
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.task_runner import TaskRunner

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("memory_probe.py")
RUNS = size(3, 1)
MEMORY_GOAL = 1.2
SIZE = (1280, 800)


def open_window(services: AppServices, user: UserDTO, runner: TaskRunner) -> float:
    """Build, show and load ``user``'s role window; the longest GUI gap meanwhile (ms)."""
    monitor = StallMonitor()
    monitor.start()
    window = ROLE_WINDOWS[user.role](services=services, user=user, runner=runner)
    install_payment_ui(window, open_url=lambda _url: True)
    window.resize(*SIZE)
    window.show()
    settle(runner)
    gap = monitor.take()
    monitor.stop()
    window.close()
    window.deleteLater()
    settle(runner)
    return gap


def user_of(services: AppServices, actor: Actor) -> UserDTO:
    with services.ctx.unit_of_work(write=False) as uow:
        user = uow.session.scalar(select(User).where(User.id == actor.id))
        assert user is not None
        return UserDTO.from_model(user)


def peak_memory_mb(url: str) -> float:
    """The memory probe's peak resident memory (MB) with the admin window's tabs shown."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, str(PROBE), url, folder],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
            check=False,
        )
    said = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if done.returncode != 0 or "peak_mb" not in said:
        raise RuntimeError(f"memory probe failed ({done.returncode}): {done.stderr[-2000:]}")
    return float(said["peak_mb"])


def demo_database_url(url: str, folder: Path) -> str:
    """A database with the demo data only, of the same kind as ``url``."""
    from linguaflex_desktop.demo.data import seed_demo_data

    services = build_app_services(load_settings(data_dir=folder, database_url=url, environ={}))
    try:
        seed_demo_data(services.ctx)
    finally:
        services.close()
    return url


def figures(url: str) -> list[Figure]:
    ensure_application()
    ctx, actors = seed(url)
    seed_engine = ctx.session_factory.kw["bind"]
    make_busy(seed_engine, actors["student"].id, actors["teacher"].id)
    seed_engine.dispose()
    found: list[Figure] = []
    name = make_url(url).get_backend_name()
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(data_dir=Path(folder), database_url=url, environ={})
        services = build_app_services(settings, clock=lambda: NOW)
        try:
            with collecting_as_the_app_does():
                runner = TaskRunner()
                idle = idle_gap()
                gaps: dict[Role, list[float]] = {}
                for role in (Role.STUDENT, Role.TEACHER, Role.ADMIN):
                    user = user_of(services, actors[role.value])
                    open_window(services, user, runner)  # warm-up: Qt's one-time costs
                    gaps[role] = [open_window(services, user, runner) for _ in range(RUNS)]
                    found.append(
                        Figure(
                            f"{role.value} window opened: longest GUI gap",
                            max(gaps[role]),
                            "ms",
                            "idle 10 ms timer",
                            idle,
                            goal_value=GAP_GOAL_MS,
                        )
                    )
                runner.wait_for_idle(30000)
        finally:
            services.close()
    print(
        f"  {name}: window opened, GUI gaps (ms) "
        + "; ".join(f"{role.value} {[round(g) for g in each]}" for role, each in gaps.items()),
        file=sys.stderr,
    )
    big = peak_memory_mb(url)
    small = _demo_peak_memory_mb(url)
    print(
        f"  {name}: admin views peak memory {big:.0f} MB, demo data {small:.0f} MB", file=sys.stderr
    )
    found.append(
        Figure(
            "admin views over 100,000 bookings: peak memory",
            big,
            "MB",
            "the same over the demo data",
            small,
            goal_ratio=MEMORY_GOAL,
        )
    )
    return found


def _demo_peak_memory_mb(url: str) -> float:
    if make_url(url).get_backend_name() == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            demo = f"sqlite:///{folder}/demo.sqlite3"
            demo_database_url(demo, Path(folder))
            return peak_memory_mb(demo)
    with postgres_database() as demo:
        if demo is None:
            raise RuntimeError("no second Postgres database for the demo data")
        with tempfile.TemporaryDirectory() as folder:
            demo_database_url(demo, Path(folder))
        return peak_memory_mb(demo)


if __name__ == "__main__":
    main_alone("role_windows", figures, sys.argv[1:])
