"""Remember-me in the OS keyring: stored only where the keyring is secure, forgotten on logout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from linguaflex_desktop.adapters.remember_me import RememberMeStore
from linguaflex_desktop.errors import SecretStoreUnavailable


class DictKeyring(KeyringBackend):
    """A tiny in-memory keyring that calls itself secure (priority 1)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class LowPriorityKeyring(DictKeyring):
    priority = 0.9  # type: ignore[assignment]


class ChainOfPlaintextOnly(chainer.ChainerBackend):
    backends = [PlaintextKeyring()]  # type: ignore[assignment]


class ChainOfSecureFirst(chainer.ChainerBackend):
    backends = [DictKeyring()]  # type: ignore[assignment]


@pytest.fixture
def use_keyring() -> Iterator[object]:
    """Install a backend for the test and put the previous one back afterwards."""
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def memory(use_keyring) -> DictKeyring:
    return use_keyring(DictKeyring())


def test_secure_keyring_is_available(memory: DictKeyring) -> None:
    assert RememberMeStore().availability() == (True, "")


def test_save_then_load_round_trips_email_and_token(memory: DictKeyring) -> None:
    store = RememberMeStore()
    store.save(email="ana@example.com", token="tok-123")
    assert store.load() == ("ana@example.com", "tok-123")
    assert [service for service, _ in memory.entries] == ["LinguaFlex"]


def test_saved_entry_holds_the_token_and_never_a_password(memory: DictKeyring) -> None:
    RememberMeStore().save(email="ana@example.com", token="tok-123")
    (stored,) = memory.entries.values()
    assert "tok-123" in stored and "ana@example.com" in stored


def test_forget_removes_the_entry(memory: DictKeyring) -> None:
    store = RememberMeStore()
    store.save(email="ana@example.com", token="tok-123")
    store.forget()
    assert store.load() is None
    assert memory.entries == {}
    store.forget()  # forgetting twice is harmless


def test_load_with_nothing_saved_is_none(memory: DictKeyring) -> None:
    assert RememberMeStore().load() is None


def test_a_corrupt_entry_loads_as_nothing(memory: DictKeyring) -> None:
    memory.set_password("LinguaFlex", "remembered-login", "{not json")
    assert RememberMeStore().load() is None


def test_service_name_separates_entries(memory: DictKeyring) -> None:
    RememberMeStore("LinguaFlex-test").save(email="a@example.com", token="t")
    assert RememberMeStore().load() is None
    assert RememberMeStore("LinguaFlex-test").load() == ("a@example.com", "t")


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), LowPriorityKeyring()],
    ids=["fail", "null", "low-priority"],
)
def test_insecure_backends_are_refused_and_nothing_is_written(use_keyring, backend) -> None:
    use_keyring(backend)
    store = RememberMeStore()
    available, why = store.availability()
    assert not available
    assert "cannot remember" in why
    with pytest.raises(SecretStoreUnavailable, match="cannot remember"):
        store.save(email="ana@example.com", token="tok-123")
    assert store.load() is None
    if isinstance(backend, LowPriorityKeyring):
        assert backend.entries == {}


def test_plaintext_keyring_is_refused_and_its_file_is_never_written(
    use_keyring, tmp_path: Path
) -> None:
    plaintext = PlaintextKeyring()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")  # type: ignore[misc]
    use_keyring(plaintext)
    store = RememberMeStore()
    available, why = store.availability()
    assert not available and "plain" in why
    with pytest.raises(SecretStoreUnavailable):
        store.save(email="ana@example.com", token="tok-123")
    assert not (tmp_path / "keyring_pass.cfg").exists()


def test_chainer_whose_writer_is_plaintext_is_refused(use_keyring) -> None:
    use_keyring(ChainOfPlaintextOnly())
    assert RememberMeStore().availability()[0] is False


def test_chainer_with_a_secure_first_child_is_accepted(use_keyring) -> None:
    chain = use_keyring(ChainOfSecureFirst())
    store = RememberMeStore()
    assert store.availability() == (True, "")
    store.save(email="ana@example.com", token="tok-123")
    assert chain.backends[0].entries  # type: ignore[attr-defined]


def test_default_test_environment_uses_the_fail_backend_and_refuses() -> None:
    """conftest sets PYTHON_KEYRING_BACKEND to the fail backend: the app must not remember."""
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert RememberMeStore().availability()[0] is False
