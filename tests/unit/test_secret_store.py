"""SecretStore: the settings' secrets in a secure keyring only; refusals write nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError
from keyrings.alt.file import PlaintextKeyring

from linguaflex_desktop.adapters.remember_me import RememberMeStore
from linguaflex_desktop.adapters.secrets import SECRET_NAMES, SecretStore
from linguaflex_desktop.errors import SecretStoreUnavailable, ValidationError

InstallKeyring = Callable[[KeyringBackend], KeyringBackend]


class DictKeyring(KeyringBackend):
    """An in-memory keyring rated as secure (priority 1), like an OS keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("nothing stored")


class LowPriorityKeyring(DictKeyring):
    priority = 0.5  # type: ignore[assignment]


class LockedKeyring(DictKeyring):
    """Secure, but every call fails (a locked keychain, D-Bus gone)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("locked")


class ChainOfPlaintextOnly(chainer.ChainerBackend):
    backends = [PlaintextKeyring()]  # type: ignore[assignment]


@pytest.fixture
def use_keyring() -> Iterator[InstallKeyring]:
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def memory(use_keyring: InstallKeyring) -> DictKeyring:
    backend = DictKeyring()
    use_keyring(backend)
    return backend


def test_set_then_get_round_trips_each_named_secret(memory: DictKeyring) -> None:
    store = SecretStore()
    for name in SECRET_NAMES:
        store.set(name, f"  value-of-{name}  ")
    assert {name: store.get(name) for name in SECRET_NAMES} == {
        name: f"value-of-{name}" for name in SECRET_NAMES
    }
    assert store.stored_names() == frozenset(SECRET_NAMES)
    assert {service for service, _ in memory.entries} == {"LinguaFlex"}


def test_secrets_do_not_collide_with_the_remembered_sign_in(memory: DictKeyring) -> None:
    RememberMeStore().save(email="ana@example.com", token="tok-1")
    store = SecretStore()
    store.set("smtp_password", "mail-pass")
    store.delete("smtp_password")
    assert RememberMeStore().load() == ("ana@example.com", "tok-1")
    assert store.get("smtp_password") is None


def test_delete_removes_the_secret_and_deleting_nothing_is_harmless(memory: DictKeyring) -> None:
    store = SecretStore()
    store.set("zoom_client_secret", "zs-1")
    store.delete("zoom_client_secret")
    assert store.get("zoom_client_secret") is None and memory.entries == {}
    store.delete("zoom_client_secret")
    assert store.stored_names() == frozenset()


def test_unknown_names_and_empty_values_are_refused(memory: DictKeyring) -> None:
    store = SecretStore()
    with pytest.raises(ValueError, match="unknown secret"):
        store.set("database_password", "x")
    with pytest.raises(ValueError, match="unknown secret"):
        store.get("remembered-login")
    with pytest.raises(ValidationError, match="empty"):
        store.set("smtp_password", "   ")
    assert memory.entries == {}


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), LowPriorityKeyring(), ChainOfPlaintextOnly()],
    ids=["fail", "null", "low-priority", "chain-of-plaintext"],
)
def test_insecure_backends_refuse_and_write_nothing(
    use_keyring: InstallKeyring, backend: KeyringBackend
) -> None:
    use_keyring(backend)
    store = SecretStore()
    available, why = store.availability()
    assert not available and "cannot keep secrets" in why and "STRIPE_SECRET_KEY" in why
    with pytest.raises(SecretStoreUnavailable, match="cannot keep secrets"):
        store.set("stripe_secret_key", "sk_test_abc")
    with pytest.raises(SecretStoreUnavailable):
        store.delete("stripe_secret_key")
    assert store.get("stripe_secret_key") is None
    if isinstance(backend, LowPriorityKeyring):
        assert backend.entries == {}


def test_plaintext_keyring_is_refused_and_its_file_never_written(
    use_keyring: InstallKeyring, tmp_path: Path
) -> None:
    plaintext = PlaintextKeyring()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")  # type: ignore[misc]
    use_keyring(plaintext)
    store = SecretStore()
    available, why = store.availability()
    assert not available and "plain file" in why
    with pytest.raises(SecretStoreUnavailable, match="plain file"):
        store.set("smtp_password", "mail-pass")
    assert not (tmp_path / "keyring_pass.cfg").exists()


def test_a_keyring_that_fails_reads_as_nothing_and_refuses_writes_clearly(
    use_keyring: InstallKeyring,
) -> None:
    use_keyring(LockedKeyring())
    store = SecretStore()
    assert store.availability() == (True, "")
    assert store.get("smtp_password") is None
    with pytest.raises(SecretStoreUnavailable, match="refused to save"):
        store.set("smtp_password", "mail-pass")
    with pytest.raises(SecretStoreUnavailable, match="refused to delete"):
        store.delete("smtp_password")


def test_the_test_environment_default_keyring_is_refused() -> None:
    """conftest installs the fail backend: nothing may be stored by default in tests."""
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert SecretStore().availability()[0] is False
