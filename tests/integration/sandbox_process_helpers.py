"""Helpers for the tests of the per-folder sandbox server: real child processes on a data
folder (the ``linguaflex`` command, bare sandbox starters, the server module itself)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, select

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox, stop_server
from linguaflex_desktop.adapters.stripe.sandbox_folder import SandboxFolder
from linguaflex_desktop.config import sqlite_url
from linguaflex_desktop.models import Payment
from tests.conftest_stripe import TEST_STRIPE_SETTINGS

REPO = Path(__file__).resolve().parents[2]
WAITING_LINE = "waiting for its start lock"
# A bare starter: joins (or starts) the folder's server, prints its address and pid.
STARTER = (
    "import logging, sys\n"
    "from pathlib import Path\n"
    "from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox\n"
    "logging.basicConfig(level=logging.INFO, stream=sys.stderr)\n"
    "sandbox = StripeSandbox(Path(sys.argv[1]), mode='server')\n"
    "sandbox.start()\n"
    "print(sandbox.api_base, sandbox.server_pid, flush=True)\n"
    "sandbox.stop()\n"
)


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a user without Stripe keys, on the data folder's SQLite file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_URL"))}
    return {**env, "LINGUAFLEX_LOG_LEVEL": "INFO", **extra}


def run_cli(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "linguaflex_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=child_env(**env),
        cwd=REPO,
    )


def start_starter(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", STARTER, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=REPO,
    )


def read_until(process: subprocess.Popen[str], text: str) -> None:
    """Read the child's stderr line by line until ``text`` (blocks; fails if it exits)."""
    assert process.stderr is not None
    seen: list[str] = []
    while True:
        line = process.stderr.readline()
        assert line, f"the child ended before saying {text!r}: {''.join(seen)}"
        seen.append(line)
        if text in line:
            return


@contextmanager
def server_gateway(data_dir: Path) -> Iterator[tuple[StripeSandbox, StripeGateway]]:
    """This test process as one more client of the folder's own server process."""
    sandbox = StripeSandbox(data_dir, mode="server")
    sandbox.start()
    try:
        yield sandbox, StripeGateway.for_sandbox(sandbox, TEST_STRIPE_SETTINGS)
    finally:
        sandbox.stop()


@contextmanager
def folder_server_stopped_after(*data_dirs: Path) -> Iterator[None]:
    """Stop the folders' server processes when the test ends (whatever happened)."""
    try:
        yield
    finally:
        for data_dir in data_dirs:
            stop_server(data_dir)


def payments_in(data_dir: Path) -> list[tuple[str, int]]:
    """(PaymentIntent id, amount) of every payment in the folder's SQLite database."""
    engine = create_engine(sqlite_url(data_dir))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(Payment.stripe_payment_intent_id, Payment.amount_minor).order_by(Payment.id)
            ).all()
    finally:
        engine.dispose()
    return [(str(intent), int(amount)) for intent, amount in rows if intent]


def server_pid(data_dir: Path) -> int:
    record = SandboxFolder(data_dir).read_server()
    assert record is not None, "no server.json"
    return record.pid


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_out())
    return int(process.stdout)


def _out() -> dict[str, object]:
    return {"capture_output": True, "text": True, "check": True, "timeout": 60}
