"""The database location the sign-in window and the log show: written without SQLAlchemy,
as SQLAlchemy writes it with the password hidden, and never with the password."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from linguaflex_desktop.config import load_settings, url_without_password
from linguaflex_desktop.errors import ConfigurationError


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://school:s3cret@db.example.org:5432/linguaflex",
        "postgresql+psycopg://school:p%40ss%3Aword@127.0.0.1/linguaflex?sslmode=require",
        "postgresql+psycopg://school@db.example.org/linguaflex",
        "postgresql+psycopg://db.example.org/linguaflex",
    ],
)
def test_the_password_is_hidden_as_sqlalchemy_hides_it(url: str) -> None:
    shown = url_without_password(url)
    assert shown == make_url(url).render_as_string(hide_password=True)
    assert "s3cret" not in shown and "p%40ss" not in shown


def test_an_unreadable_url_is_named_not_echoed() -> None:
    assert url_without_password("postgresql://u:secret@[::1") == (
        "(a database URL that cannot be read)"
    )


def test_the_window_start_leaves_the_url_check_to_the_services(tmp_path) -> None:
    bad = "mysql://root:secret@localhost/x"
    with pytest.raises(ConfigurationError, match="Unsupported database"):
        load_settings(data_dir=tmp_path, database_url=bad, environ={})
    settings = load_settings(data_dir=tmp_path, database_url=bad, environ={}, check_url=False)
    assert settings.describe_database() == "mysql://root:***@localhost/x"
