"""Postgres without Stripe keys: sandbox payments exist on this computer only, and the payment
commands say so in one line on stderr (the windows' banner: tests/ui/test_sandbox_notice.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linguaflex_desktop.bootstrap import SANDBOX_LOCAL_ONLY_NOTICE, sandbox_scope_notice
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.db import create_app_engine
from tests.conftest import truncate_all
from tests.integration.sandbox_process_helpers import folder_server_stopped_after, run_cli

POSTGRES = "postgresql+psycopg://school@db.example:5432/linguaflex"
KEYS = {"STRIPE_SECRET_KEY": "sk_test_k", "STRIPE_PUBLISHABLE_KEY": "pk_test_k"}


@pytest.mark.parametrize(
    ("database_url", "environ", "local_only"),
    [(POSTGRES, {}, True), (None, {}, False), (POSTGRES, KEYS, False)],
    ids=["postgres-sandbox", "sqlite-sandbox", "postgres-test-keys"],
)
def test_only_a_shared_database_without_keys_gets_the_notice(
    tmp_path: Path, database_url: str | None, environ: dict[str, str], local_only: bool
) -> None:
    settings = load_settings(data_dir=tmp_path, database_url=database_url, environ=environ)

    assert settings.sandbox_on_this_computer_only is local_only
    assert sandbox_scope_notice(settings) == (SANDBOX_LOCAL_ONLY_NOTICE if local_only else None)
    if local_only:
        assert "this computer only" in SANDBOX_LOCAL_ONLY_NOTICE
        assert "STRIPE_SECRET_KEY" in SANDBOX_LOCAL_ONLY_NOTICE


@pytest.mark.postgres
@pytest.mark.localstripe
def test_reconcile_on_postgres_without_keys_says_so_in_one_line(
    tmp_path: Path, postgres_database_url: str
) -> None:
    # The session's database may hold other tests' payments (of other sandboxes): start empty.
    engine = create_app_engine(postgres_database_url)
    try:
        truncate_all(engine)
    finally:
        engine.dispose()
    with folder_server_stopped_after(tmp_path):
        result = run_cli(tmp_path, "--database-url", postgres_database_url, "reconcile")

    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "this computer only" in line]
    assert notices == [f"linguaflex: {SANDBOX_LOCAL_ONLY_NOTICE}"]
    assert "Traceback" not in result.stderr
    log = (tmp_path / "logs" / "linguaflex.log").read_text()
    assert SANDBOX_LOCAL_ONLY_NOTICE in log


@pytest.mark.localstripe
def test_reconcile_on_sqlite_without_keys_says_nothing_about_it(tmp_path: Path) -> None:
    with folder_server_stopped_after(tmp_path):
        result = run_cli(tmp_path, "reconcile")

    assert result.returncode == 0, result.stderr
    assert "this computer only" not in result.stderr
