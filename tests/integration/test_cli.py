"""The `linguaflex` command: embedded defaults, data reuse, logging, clear start-up errors."""

from __future__ import annotations

import io
import logging
import logging.handlers
import socket
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.orm import Session

from linguaflex_desktop.cli import main
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


def test_log_file_rotates_in_the_data_folder_at_the_chosen_level(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "--log-level", "debug", "db", "upgrade"]) == 0
    log_file = tmp_path / "logs" / "linguaflex.log"
    assert log_file.exists()
    assert "linguaflex db (data: " in log_file.read_text()
    assert logging.getLogger().level == logging.DEBUG
    handlers = [h for h in logging.getLogger().handlers if getattr(h, "_linguaflex", False)]
    assert any(isinstance(h, logging.handlers.RotatingFileHandler) for h in handlers)


def test_unknown_log_level_in_the_environment_is_a_clear_error(tmp_path: Path) -> None:
    from linguaflex_desktop.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="Unknown log level"):
        load_settings(data_dir=tmp_path, environ={"LINGUAFLEX_LOG_LEVEL": "LOUD"})


def test_unreachable_database_gives_one_clear_line_and_no_traceback_or_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://bob:hunter2secret@127.0.0.1:{_closed_port()}/nowhere"
    code = main(["--data-dir", str(tmp_path), "--database-url", url, "db", "upgrade"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("linguaflex: Cannot reach the database at postgresql+psycopg://bob:")
    assert "Traceback" not in err
    assert "hunter2secret" not in err
    assert "hunter2secret" not in (tmp_path / "logs" / "linguaflex.log").read_text()


def test_gui_with_an_unreachable_database_exits_with_the_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/nowhere"
    assert main(["--data-dir", str(tmp_path), "--database-url", url, "gui"]) == 2
    assert "Cannot reach the database" in capsys.readouterr().err


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
