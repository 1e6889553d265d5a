"""Stored settings: settings.json (atomic) + keyring secrets merged under the environment;
the admin's SettingsService (admin only, audited by name, refusals write nothing); secrets
never in the log file or in repr(Settings)."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import select

from linguaflex_desktop.adapters.meetings import (
    JitsiMeetingProvider,
    ZoomMeetingProvider,
    meeting_provider_from_settings,
)
from linguaflex_desktop.adapters.secrets import SecretStore
from linguaflex_desktop.bootstrap import build_app_services
from linguaflex_desktop.cli import main as cli_main
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.errors import PermissionDenied, SecretStoreUnavailable, ValidationError
from linguaflex_desktop.models import AuditEvent, Role
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.services.settings.service import (
    SETTING_SOURCES,
    SettingsFile,
    SettingsService,
    StoredSettings,
    apply_stored_settings,
)

PASSWORD = "correct horse battery"
# values the log redactor would not recognise: they must simply never be written
STRIPE_SECRET = "sk_test_Kq7vN3pL9wXz"
ZOOM_SECRET = "zoomSecretRt5Yb8Qm2"
SMTP_SECRET = "mailPassHw4Jc6Ld1"
STORED = StoredSettings(
    stripe_publishable_key="pk_test_stored",
    zoom_account_id="acct-stored",
    zoom_client_id="client-stored",
    smtp_host="smtp.stored.example",
    smtp_port=465,
    smtp_username="mailer",
    smtp_security="tls",
    smtp_sender="School <school@stored.example>",
    jitsi_base_url="https://jitsi.stored.example",
)


class CountingKeyring(KeyringBackend):
    """In-memory, rated secure; counts reads so a test can prove the keyring was not asked."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.reads: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.reads.append(username)
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("nothing stored")


@pytest.fixture
def secure_keyring() -> Iterator[CountingKeyring]:
    previous = keyring.get_keyring()
    backend = CountingKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No peer variables from the machine running the tests."""
    for variable, _, _ in SETTING_SOURCES.values():
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def _reset_logging() -> Iterator[None]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def store_everything(data_dir: Path) -> SecretStore:
    secrets = SecretStore()
    secrets.set("stripe_secret_key", STRIPE_SECRET)
    secrets.set("zoom_client_secret", ZOOM_SECRET)
    secrets.set("smtp_password", SMTP_SECRET)
    SettingsFile.in_data_dir(data_dir).save(STORED)
    return secrets


# --- precedence ------------------------------------------------------------------------------


def test_nothing_stored_and_no_environment_keeps_the_defaults(
    tmp_path: Path, secure_keyring: CountingKeyring
) -> None:
    settings = load_settings(data_dir=tmp_path, environ={})
    merged = apply_stored_settings(
        settings, secret_store=SecretStore(), file=SettingsFile.in_data_dir(tmp_path), environ={}
    )
    assert merged == settings
    assert merged.stripe.sandbox and not merged.smtp.configured and not merged.zoom.configured


def test_stored_values_fill_in_where_the_environment_is_silent(
    tmp_path: Path, secure_keyring: CountingKeyring
) -> None:
    secrets = store_everything(tmp_path)
    merged = apply_stored_settings(
        load_settings(data_dir=tmp_path, environ={}),
        secret_store=secrets,
        file=SettingsFile.in_data_dir(tmp_path),
        environ={},
    )
    assert (merged.stripe.secret_key, merged.stripe.publishable_key) == (
        STRIPE_SECRET,
        "pk_test_stored",
    )
    assert not merged.stripe.sandbox
    assert (merged.zoom.account_id, merged.zoom.client_id, merged.zoom.client_secret) == (
        "acct-stored",
        "client-stored",
        ZOOM_SECRET,
    )
    assert merged.smtp.host == "smtp.stored.example" and merged.smtp.port == 465
    assert (merged.smtp.username, merged.smtp.password, merged.smtp.security) == (
        "mailer",
        SMTP_SECRET,
        "tls",
    )
    assert merged.smtp.sender == "School <school@stored.example>"
    assert merged.jitsi_base_url == "https://jitsi.stored.example"


def test_the_environment_wins_over_keyring_and_file_field_by_field(
    tmp_path: Path, secure_keyring: CountingKeyring
) -> None:
    secrets = store_everything(tmp_path)
    environ = {
        "STRIPE_SECRET_KEY": "sk_test_fromenv",
        "SMTP_PORT": "587",  # equal to the default: still the environment's choice
        "ZOOM_ACCOUNT_ID": "acct-env",
    }
    secure_keyring.reads.clear()
    merged = apply_stored_settings(
        load_settings(data_dir=tmp_path, environ=environ),
        secret_store=secrets,
        file=SettingsFile.in_data_dir(tmp_path),
        environ=environ,
    )
    assert merged.stripe.secret_key == "sk_test_fromenv"
    assert merged.stripe.publishable_key == "pk_test_stored"
    assert merged.smtp.port == 587 and merged.smtp.host == "smtp.stored.example"
    assert merged.zoom.account_id == "acct-env" and merged.zoom.client_secret == ZOOM_SECRET
    assert "setting:stripe_secret_key" not in secure_keyring.reads


def test_flags_win_and_choose_where_settings_json_is_read(
    tmp_path: Path, secure_keyring: CountingKeyring, clean_environment: None
) -> None:
    flagged = tmp_path / "flagged"
    SettingsFile.in_data_dir(flagged).save(StoredSettings(smtp_host="smtp.flagged.example"))
    SettingsFile.in_data_dir(tmp_path / "env").save(StoredSettings(smtp_host="smtp.env.example"))
    settings = load_settings(
        data_dir=flagged, environ={"LINGUAFLEX_DATA_DIR": str(tmp_path / "env")}
    )
    services = build_app_services(settings)
    try:
        assert services.settings.data_dir == flagged.resolve()
        assert services.settings.smtp.host == "smtp.flagged.example"
    finally:
        services.close()


def test_build_app_services_wires_stripe_zoom_and_smtp_from_the_merged_settings(
    tmp_path: Path, secure_keyring: CountingKeyring, clean_environment: None
) -> None:
    store_everything(tmp_path)
    services = build_app_services(load_settings(data_dir=tmp_path))
    try:
        assert not services.settings.stripe.sandbox
        assert services.settings.smtp.configured and services.settings.smtp.password == SMTP_SECRET
        provider = meeting_provider_from_settings(services.settings)
        assert isinstance(provider, ZoomMeetingProvider)
    finally:
        services.close()


def test_without_a_secure_keyring_stored_secrets_are_not_read_and_file_values_still_apply(
    tmp_path: Path, clean_environment: None
) -> None:
    SettingsFile.in_data_dir(tmp_path).save(STORED)  # conftest: the fail keyring backend
    services = build_app_services(load_settings(data_dir=tmp_path))
    try:
        assert services.settings.zoom.client_secret is None
        assert services.settings.stripe.sandbox
        assert services.settings.smtp.host == "smtp.stored.example"
        assert isinstance(meeting_provider_from_settings(services.settings), JitsiMeetingProvider)
    finally:
        services.close()


# --- settings.json ---------------------------------------------------------------------------


def test_settings_file_round_trips_and_keeps_only_set_fields(tmp_path: Path) -> None:
    file = SettingsFile.in_data_dir(tmp_path / "new-folder")
    assert file.load() == StoredSettings()
    file.save(StoredSettings(smtp_host="smtp.example", smtp_port=2525))
    assert json.loads(file.path.read_text()) == {"smtp_host": "smtp.example", "smtp_port": 2525}
    assert file.load() == StoredSettings(smtp_host="smtp.example", smtp_port=2525)


def test_a_failed_save_leaves_the_old_file_whole_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = SettingsFile.in_data_dir(tmp_path)
    file.save(StoredSettings(smtp_host="old.example"))
    original = file.path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        file.save(StoredSettings(smtp_host="new.example"))
    monkeypatch.undo()
    assert file.path.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["settings.json"]


def test_save_replaces_the_file_rather_than_rewriting_it_in_place(tmp_path: Path) -> None:
    file = SettingsFile.in_data_dir(tmp_path)
    file.save(StoredSettings(smtp_host="old.example"))
    with file.path.open(encoding="utf-8") as reader_of_old_version:
        file.save(StoredSettings(smtp_host="new.example"))
        # a reader holding the old file still sees a complete old version
        assert json.load(reader_of_old_version) == {"smtp_host": "old.example"}
    assert file.load().smtp_host == "new.example"


def test_a_damaged_file_loads_as_nothing_and_bad_fields_are_skipped(tmp_path: Path) -> None:
    file = SettingsFile.in_data_dir(tmp_path)
    file.path.write_text("{not json", encoding="utf-8")
    assert file.load() == StoredSettings()
    file.path.write_text(
        json.dumps({"smtp_host": "ok.example", "smtp_port": 99999, "smtp_security": "rot13"}),
        encoding="utf-8",
    )
    assert file.load() == StoredSettings(smtp_host="ok.example")


# --- the admin's SettingsService -------------------------------------------------------------


@pytest.fixture
def people(ctx: ServiceContext) -> dict[str, UserDTO]:
    accounts = AccountService(ctx)
    return {
        "admin": accounts.create_admin(
            email="root@example.com", password=PASSWORD, display_name="Root Admin"
        ),
        "teacher": accounts.register(
            email="t@example.com",
            password=PASSWORD,
            display_name="Tea Cher",
            role=Role.TEACHER,
            time_zone="UTC",
        ),
    }


@pytest.fixture
def service(ctx: ServiceContext, tmp_path: Path) -> SettingsService:
    return SettingsService(
        ctx, file=SettingsFile.in_data_dir(tmp_path), secrets=SecretStore(), environ={}
    )


def test_admin_saves_values_and_secrets_audited_by_name_only(
    ctx: ServiceContext,
    service: SettingsService,
    people: dict[str, UserDTO],
    secure_keyring: CountingKeyring,
) -> None:
    view = service.save(
        people["admin"].actor,
        values=StoredSettings(smtp_host=" smtp.example ", smtp_port=2525),
        secrets={"smtp_password": SMTP_SECRET, "stripe_secret_key": STRIPE_SECRET},
    )
    assert view.values == StoredSettings(smtp_host="smtp.example", smtp_port=2525)
    assert view.stored_secrets == {"smtp_password", "stripe_secret_key"}
    assert view.keyring_available
    assert SecretStore().get("smtp_password") == SMTP_SECRET
    view = service.save(
        people["admin"].actor, values=view.values, clear_secrets=["stripe_secret_key"]
    )
    assert view.stored_secrets == {"smtp_password"}
    with ctx.unit_of_work(write=False) as uow:
        events = uow.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "settings.changed")
            .order_by(AuditEvent.id)
        ).all()
        audited = [(event.actor_id, event.before, event.after) for event in events]
    assert len(audited) == 2
    assert audited[0][0] == people["admin"].id
    assert audited[0][2] == {
        "smtp_host": "smtp.example",
        "smtp_port": "2525",
        "smtp_password": "stored in keyring",
        "stripe_secret_key": "stored in keyring",
    }
    assert audited[1][2] == {"stripe_secret_key": "cleared"}
    assert SMTP_SECRET not in json.dumps(audited) and STRIPE_SECRET not in json.dumps(audited)


def test_only_admins_may_see_or_change_settings(
    service: SettingsService, people: dict[str, UserDTO], secure_keyring: CountingKeyring
) -> None:
    teacher = people["teacher"].actor
    with pytest.raises(PermissionDenied):
        service.view(teacher)
    with pytest.raises(PermissionDenied):
        service.save(teacher, values=STORED, secrets={"smtp_password": SMTP_SECRET})
    assert secure_keyring.entries == {}
    assert service.view(people["admin"].actor).values == StoredSettings()


def test_secrets_on_an_insecure_keyring_are_refused_and_nothing_at_all_is_written(
    ctx: ServiceContext, service: SettingsService, people: dict[str, UserDTO], tmp_path: Path
) -> None:
    admin = people["admin"].actor
    view = service.view(admin)
    assert not view.keyring_available and "cannot keep secrets" in view.keyring_message
    with pytest.raises(SecretStoreUnavailable):
        service.save(admin, values=STORED, secrets={"smtp_password": SMTP_SECRET})
    assert not (tmp_path / "settings.json").exists()
    with ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(AuditEvent.id)).all() == []
    # values alone can still be saved without a keyring
    assert service.save(admin, values=STORED).values == STORED


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (StoredSettings(stripe_publishable_key="sk_test_oops"), "secret key"),
        (StoredSettings(stripe_publishable_key="nonsense"), "pk_"),
        (StoredSettings(smtp_port=0), "between 1 and 65535"),
        (StoredSettings(smtp_security="ssl3"), "starttls"),
        (StoredSettings(jitsi_base_url="meet.example"), "web address"),
    ],
)
def test_invalid_values_are_refused_before_anything_is_written(
    service: SettingsService,
    people: dict[str, UserDTO],
    tmp_path: Path,
    values: StoredSettings,
    message: str,
) -> None:
    with pytest.raises(ValidationError, match=message):
        service.save(people["admin"].actor, values=values)
    assert not (tmp_path / "settings.json").exists()


def test_the_view_names_the_settings_the_environment_overrides(
    ctx: ServiceContext, people: dict[str, UserDTO], tmp_path: Path
) -> None:
    service = SettingsService(
        ctx,
        file=SettingsFile.in_data_dir(tmp_path),
        secrets=SecretStore(),
        environ={"SMTP_HOST": "env.example", "STRIPE_SECRET_KEY": "sk_test_env", "SMTP_PORT": ""},
    )
    view = service.view(people["admin"].actor)
    assert view.environment_overrides == {"smtp_host", "stripe_secret_key"}


# --- secrets never leak ----------------------------------------------------------------------


@pytest.mark.usefixtures("_reset_logging", "clean_environment")
def test_stored_secrets_never_reach_the_log_file_or_repr(
    tmp_path: Path, secure_keyring: CountingKeyring
) -> None:
    store_everything(tmp_path)
    code = cli_main(["--data-dir", str(tmp_path), "--log-level", "DEBUG", "db", "upgrade"])
    assert code == 0
    services = build_app_services(load_settings(data_dir=tmp_path))
    try:
        settings = services.settings
        assert settings.smtp.password == SMTP_SECRET  # merged, so the check below means something
        admin = services.accounts.create_admin(
            email="root@example.com", password=PASSWORD, display_name="Root"
        )
        services.settings_service.save(
            admin.actor, values=STORED, secrets={"zoom_client_secret": ZOOM_SECRET}
        )
        texts = [repr(settings), repr(services), repr(services.settings_service.view(admin.actor))]
    finally:
        services.close()
    log_text = (tmp_path / "logs" / "linguaflex.log").read_text(encoding="utf-8")
    assert "settings from the data folder / keyring" in log_text
    for secret in (STRIPE_SECRET, ZOOM_SECRET, SMTP_SECRET, "Kq7vN3pL9wXz"):
        assert secret not in log_text
        for text in texts:
            assert secret not in text
