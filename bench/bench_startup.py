"""Start-up as a user feels it, each figure beside its reference in the same run.

- **start to the sign-in window painted**: a new process (``bench/startup_probe.py app``)
  starting the app as the ``linguaflex`` command does, until the sign-in window's first paint;
  the reference is a new process showing a bare PySide6 ``QMainWindow`` until its first paint
  (``startup_probe.py bare``). Median of 5 runs each, alternating, after one warm-up of each
  (the files are in the OS cache, as on a second start of the day), with the app's bytecode
  caches written first, as an installed app has them. Goal: 2x.
- **sign-in to the role window painted with its first data**: in the same app processes,
  Sign in pressed for a demo student until the student window has painted with its first
  loads done; the reference is argon2 verify of the same stored hash in the same process
  (the password check alone). Median of the 5 runs. Goal: 3x.

The database is the suite's (a temporary SQLite file, or a throw-away Postgres database)
with the demo data; the app runs offscreen with the machine's keyring.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import size
from bench.suite import main_alone

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("startup_probe.py")
START_GOAL = 2.0
SIGN_IN_GOAL = 3.0
RUN_TIMEOUT_S = 180


def prepare(url: str, data_dir: Path) -> tuple[str, str]:
    """Migrate and seed the demo data; the first demo student's e-mail and password."""
    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.config import load_settings
    from linguaflex_desktop.demo.data import demo_accounts, seed_demo_data
    from linguaflex_desktop.models import Role

    services = build_app_services(load_settings(data_dir=data_dir, database_url=url))
    try:
        seed_demo_data(services.ctx)
    finally:
        services.close()
    return next((email, pw) for email, pw, role in demo_accounts() if role is Role.STUDENT)


def compile_app_modules() -> None:
    """Write the bytecode caches of the app's modules, as an installed app has them
    (``scripts/install.sh`` compiles them; Python also writes them on a first start). Where
    ``PYTHONDONTWRITEBYTECODE`` is set, as on the machines of this project, every start would
    otherwise compile the app's modules from source again, while PySide6 (like every package
    pip installed) starts from its caches: the ratio would measure the compiler."""
    compileall.compile_dir(str(ROOT / "linguaflex_desktop"), quiet=1)


def run_probe(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """One child start; its printed figures, with ``start_ms`` from our clock's start."""
    began = time.time()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        env=env,
        cwd=ROOT,
        check=False,
    )
    said = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if done.returncode != 0 or "painted" not in said:
        raise RuntimeError(f"startup probe {args[0]} failed ({done.returncode}): {done.stderr}")
    found = {key: float(value) for key, value in said.items()}
    found["start_ms"] = (found.pop("painted") - began) * 1000
    return found


def figures(url: str) -> list[Figure]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DATABASE_URL": url,
        "PYTHONPATH": str(ROOT),
    }
    compile_app_modules()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        email, password = prepare(url, data_dir)
        app_args = ["app", str(data_dir), email, password]
        runs = size(5, 1)
        bare, app = [], []
        for attempt in range(runs + (1 if runs > 1 else 0)):
            bare_run, app_run = run_probe(["bare"], env), run_probe(app_args, env)
            if attempt == 0 and runs > 1:
                continue  # the warm-up: files into the OS cache
            bare.append(bare_run)
            app.append(app_run)
    name = make_url(url).get_backend_name()

    def each(runs: list[dict[str, float]], key: str) -> list[int]:
        return [round(run[key]) for run in runs]

    print(
        f"  {name}: start {each(app, 'start_ms')} ms, bare {each(bare, 'start_ms')} ms; "
        f"sign-in {each(app, 'signed_in')} ms = password checked and window built "
        f"{each(app, 'password_checked')} + shown {each(app, 'window_shown')} + painted "
        f"{each(app, 'painted_with_data')} (one more repaint {each(app, 'repaint')}); "
        f"verify {each(app, 'verify')} ms",
        file=sys.stderr,
    )
    return [
        _median_figure(
            "start to the sign-in window painted, median",
            [r["start_ms"] for r in app],
            "bare PySide6 window painted",
            [r["start_ms"] for r in bare],
            START_GOAL,
        ),
        _median_figure(
            "sign-in to the student window painted with its first data, median",
            [r["signed_in"] for r in app],
            "argon2 verify of the same hash",
            [r["verify"] for r in app],
            SIGN_IN_GOAL,
        ),
    ]


def _median_figure(
    name: str, values: list[float], reference: str, references: list[float], goal: float
) -> Figure:
    return Figure(
        name,
        statistics.median(values),
        "ms",
        reference,
        statistics.median(references),
        goal_ratio=goal,
    )


if __name__ == "__main__":
    main_alone("startup", figures, sys.argv[1:])
