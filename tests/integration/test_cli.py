"""The `linguaflex` command: embedded defaults, data reuse, logging, clear start-up errors."""

from __future__ import annotations

import hashlib
import io
import logging
import logging.handlers
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.orm import Session

from linguaflex_desktop import cli
from linguaflex_desktop.cli import EXIT_DATABASE_UNREACHABLE, main
from linguaflex_desktop.config import SQLITE_FILE_NAME, load_settings
from linguaflex_desktop.models import Role, User


@pytest.fixture(autouse=True)
def _reset_logging():
    """configure_logging adds handlers to the root logger; leave it as we found it."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_db_upgrade_creates_the_schema_in_the_data_folder_and_a_second_run_reuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "db", "upgrade"]) == 0
    database = tmp_path / SQLITE_FILE_NAME
    assert database.exists()
    assert main(["--data-dir", str(tmp_path), "seed-demo"]) == 0
    assert "Demo data created" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "seed-demo"]) == 0
    assert "nothing changed" in capsys.readouterr().out
    engine = create_engine(f"sqlite:///{database}")
    with Session(engine) as session:
        roles = session.scalars(select(User.role)).all()
    engine.dispose()
    assert roles.count(Role.ADMIN) == 1
    assert roles.count(Role.TEACHER) == 6
    assert roles.count(Role.STUDENT) == 4


def test_data_dir_comes_from_the_environment_when_no_flag_is_given(tmp_path: Path) -> None:
    settings = load_settings(environ={"LINGUAFLEX_DATA_DIR": str(tmp_path)})
    assert settings.data_dir == tmp_path.resolve()
    assert settings.database_url == f"sqlite:///{tmp_path.resolve() / SQLITE_FILE_NAME}"
    flagged = load_settings(data_dir=tmp_path / "other", environ={"LINGUAFLEX_DATA_DIR": "x"})
    assert flagged.data_dir == (tmp_path / "other").resolve()


def test_database_url_from_the_environment_selects_postgres() -> None:
    url = "postgresql+psycopg://someone@127.0.0.1:5432/school"
    settings = load_settings(environ={"DATABASE_URL": url})
    assert settings.database_url == url
    assert not settings.is_sqlite


def _our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_linguaflex", False)]


def test_log_file_rotates_in_the_data_folder_at_the_chosen_level(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "--log-level", "debug", "db", "upgrade"]) == 0
    log_file = tmp_path / "logs" / "linguaflex.log"
    assert log_file.exists()
    assert "linguaflex db (data: " in log_file.read_text()
    assert logging.getLogger().level == logging.DEBUG
    assert any(isinstance(h, logging.handlers.RotatingFileHandler) for h in _our_handlers())


def test_the_window_s_log_appends_until_the_window_shows_then_rotates(tmp_path: Path) -> None:
    from linguaflex_desktop.logging_setup import MAX_LOG_BYTES, configure_logging, rotate_log_file

    log_file = tmp_path / "logs" / "linguaflex.log"
    configure_logging(log_file, "INFO", to_stderr=False, rotating=False)
    (appending,) = _our_handlers()
    assert type(appending) is logging.FileHandler
    logging.getLogger("test").info("before the window, token=abc123")
    rotate_log_file()
    (rotating,) = _our_handlers()
    assert isinstance(rotating, logging.handlers.RotatingFileHandler)
    assert rotating.baseFilename == appending.baseFilename == str(log_file.resolve())
    assert rotating.maxBytes == MAX_LOG_BYTES and rotating.level == appending.level
    assert appending.stream is None  # closed
    logging.getLogger("test").info("behind the window, password=hunter2")
    rotate_log_file()  # rotating already: nothing changes
    assert _our_handlers() == [rotating]
    lines = log_file.read_text().splitlines()
    assert [line.split(": ", 1)[1] for line in lines if " test: " in line] == [
        "before the window, token=[REDACTED]",
        "behind the window, password=[REDACTED]",
    ]


def test_the_gui_command_rotates_its_log_once_the_data_opens_behind_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linguaflex_desktop.ui import startup

    seen: list[tuple[type, type]] = []

    def fake_gui(
        _settings: object,
        *,
        build_services: Callable[[], Any],
        on_services_ready: Callable[[Any], None],
    ) -> int:
        """Stands in for the event loop: the window shows, then the data opens behind it."""
        (before,) = _our_handlers()
        build_services().close()
        (after,) = _our_handlers()
        seen.append((type(before), type(after)))
        return 0

    monkeypatch.setattr(startup, "run_gui_staged", fake_gui)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(["--data-dir", str(tmp_path), "gui"]) == 0
    assert seen == [(logging.FileHandler, logging.handlers.RotatingFileHandler)]


def test_unknown_log_level_in_the_environment_is_a_clear_error(tmp_path: Path) -> None:
    from linguaflex_desktop.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="Unknown log level"):
        load_settings(data_dir=tmp_path, environ={"LINGUAFLEX_LOG_LEVEL": "LOUD"})


def test_unreachable_database_gives_one_clear_line_and_no_traceback_or_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://bob:hunter2secret@127.0.0.1:{_closed_port()}/nowhere"
    code = main(["--data-dir", str(tmp_path), "--database-url", url, "db", "upgrade"])
    assert code == EXIT_DATABASE_UNREACHABLE
    err = capsys.readouterr().err
    assert err.startswith("linguaflex: Cannot reach the database at postgresql+psycopg://bob:")
    assert "Traceback" not in err
    assert "hunter2secret" not in err
    assert "hunter2secret" not in (tmp_path / "logs" / "linguaflex.log").read_text()


def test_gui_with_an_unreachable_database_exits_with_the_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    # In a process of its own, as a user starts it: a refused start ends its process, and
    # the Qt state it leaves behind is not the next test's.
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/nowhere"
    result = _run_cli(tmp_path, "--database-url", url, "gui", env={"QT_QPA_PLATFORM": "offscreen"})
    _assert_one_clear_line(result, 4, "Cannot reach the database")


def test_create_admin_reads_the_password_from_stdin_and_refuses_a_short_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    args = ["--data-dir", str(tmp_path), "create-admin", "--email", "Boss@School.org"]
    assert main([*args, "--password-stdin"]) == 0
    assert "boss@school.org" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    other = ["--data-dir", str(tmp_path), "create-admin", "--email", "two@school.org"]
    assert main([*other, "--password-stdin"]) == 2
    assert "linguaflex:" in capsys.readouterr().err
    engine = create_engine(f"sqlite:///{tmp_path / SQLITE_FILE_NAME}")
    assert "users" in inspect(engine).get_table_names()
    with Session(engine) as session:
        emails = session.scalars(select(User.email).where(User.role == Role.ADMIN)).all()
    engine.dispose()
    assert emails == ["boss@school.org"]


def test_screenshot_role_without_screenshot_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "gui", "--as", "admin"]) == 2
    assert "--as only works together with --screenshot" in capsys.readouterr().err


# --- bad input: one line on stderr, a distinct exit code, nothing created or changed ---------


def _run_cli(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: a fresh process, so stderr is exactly what they see."""
    return subprocess.run(
        [sys.executable, "-m", "linguaflex_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LINGUAFLEX_LOG_LEVEL": "INFO", **(env or {})},
        cwd=Path(__file__).resolve().parents[2],
    )


def _assert_one_clear_line(result: subprocess.CompletedProcess[str], code: int, text: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert text in result.stderr


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("args", "env", "code", "text"),
    [
        (["--database-url", "nonsense://x", "db", "upgrade"], {}, 3, "Unsupported database"),
        (
            ["--database-url", "postgresql+psycopg://postgres@127.0.0.1:port/x", "db", "upgrade"],
            {},
            3,
            "database URL is not valid",
        ),
        (["db", "upgrade"], {"DATABASE_URL": "mysql://someone@host/db"}, 3, "Unsupported"),
        (["db", "upgrade"], {"SMTP_PORT": "twenty-five"}, 3, "SMTP_PORT must be a port"),
        (["db", "upgrade"], {"LINGUAFLEX_LOG_LEVEL": "LOUD"}, 3, "Unknown log level"),
        (["reconcile", "--limit", "-5"], {}, 2, "--limit: must be a whole number"),
        (["reconcile", "--limit", "many"], {}, 2, "--limit: must be a whole number"),
        (["frobnicate"], {}, 2, "invalid choice"),
    ],
    ids=["unknown-url", "bad-port", "mysql", "smtp-port", "log-level", "limit", "nan", "cmd"],
)
def test_bad_settings_and_arguments_touch_nothing(
    tmp_path: Path, args: list[str], env: dict[str, str], code: int, text: str
) -> None:
    data_dir = tmp_path / "data"
    _assert_one_clear_line(_run_cli(data_dir, *args, env=env), code, text)
    assert not data_dir.exists()  # refused before the log file or any database is made


def test_a_keyring_backend_that_cannot_load_is_exit_7_before_any_database_is_made(
    tmp_path: Path,
) -> None:
    result = _run_cli(tmp_path, "db", "upgrade", env={"PYTHON_KEYRING_BACKEND": "no.such.Backend"})
    _assert_one_clear_line(result, 7, "The password store cannot be loaded")
    assert not (tmp_path / SQLITE_FILE_NAME).exists()


def test_a_data_folder_that_cannot_be_written_is_exit_6(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _run_cli(blocker / "data", "db", "upgrade")
    _assert_one_clear_line(result, 6, "Cannot write to the data folder")
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write read-only folders"
)
def test_a_read_only_data_folder_is_exit_6(tmp_path: Path) -> None:
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        _assert_one_clear_line(_run_cli(read_only, "db", "upgrade"), 6, "Cannot write")
        assert list(read_only.iterdir()) == []
    finally:
        read_only.chmod(0o755)


def test_a_database_from_a_newer_app_is_exit_5_and_left_as_it_is(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "db", "upgrade"]) == 0
    database = tmp_path / SQLITE_FILE_NAME
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfacefeed'")
    connection.close()
    before = _file_digest(database)
    result = _run_cli(tmp_path, "db", "upgrade")
    _assert_one_clear_line(result, 5, "set up by a newer version of LinguaFlex")
    assert _file_digest(database) == before
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("f00dfacefeed",)
        ]
    connection.close()


def test_a_damaged_sqlite_file_is_refused_with_exit_5_and_its_bytes_unchanged(
    tmp_path: Path,
) -> None:
    assert main(["--data-dir", str(tmp_path), "seed-demo"]) == 0
    database = tmp_path / SQLITE_FILE_NAME
    assert not (tmp_path / f"{SQLITE_FILE_NAME}-wal").exists()  # closed cleanly
    with sqlite3.connect(database) as connection:
        page_size, pages = (
            connection.execute("PRAGMA page_size").fetchone()[0],
            connection.execute("PRAGMA page_count").fetchone()[0],
        )
    connection.close()
    with database.open("r+b") as raw:  # one page in the middle becomes garbage
        raw.seek(pages // 2 * page_size)
        raw.write(b"\xa5" * page_size)
    before = _file_digest(database)
    for command in (["db", "upgrade"], ["gui"]):
        result = _run_cli(tmp_path, *command, env={"QT_QPA_PLATFORM": "offscreen"})
        _assert_one_clear_line(result, 5, "is damaged")
    assert _file_digest(database) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [SQLITE_FILE_NAME, "logs"]


def test_a_healthy_database_passes_the_quick_check(tmp_path: Path) -> None:
    from linguaflex_desktop.db import check_sqlite_file

    assert main(["--data-dir", str(tmp_path), "seed-demo"]) == 0
    check_sqlite_file(f"sqlite:///{tmp_path / SQLITE_FILE_NAME}")
    check_sqlite_file(f"sqlite:///{tmp_path / 'missing.sqlite3'}")
    assert not (tmp_path / "missing.sqlite3").exists()


def test_an_unexpected_error_prints_one_generic_line_and_logs_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_settings: object, _args: object) -> int:
        raise RuntimeError("something nobody planned for")

    monkeypatch.setitem(cli.COMMANDS, "seed-demo", broken)
    assert main(["--data-dir", str(tmp_path), "seed-demo"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"linguaflex: unexpected error (RuntimeError): the details are in "
        f"{tmp_path.resolve() / 'logs' / 'linguaflex.log'}"
    ]
    logged = (tmp_path / "logs" / "linguaflex.log").read_text()
    assert "Traceback" in logged and "something nobody planned for" in logged


def test_every_error_class_has_its_own_exit_code() -> None:
    from linguaflex_desktop import errors

    expected = [
        (errors.ValidationError, 2),
        (errors.ConfigurationError, 3),
        (errors.DatabaseUnavailable, 4),
        (errors.DatabaseSchemaTooNew, 5),
        (errors.DatabaseDamaged, 5),
        (errors.DataFolderNotWritable, 6),
        (errors.SecretStoreUnavailable, 7),
    ]
    for kind, code in expected:
        assert cli.exit_code_for(kind("x")) == code, kind
    assert cli.exit_code_for(errors.LinguaFlexError("x")) == cli.EXIT_FAILED
