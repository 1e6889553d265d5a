"""Named secrets of the app's settings (Stripe secret key, Zoom client secret, SMTP password)
in the OS keyring.

The same rule as the "remember me" token (``remember_me.refusal_reason``): only a secure
keyring is used; on the fail/null backend, a plaintext or home-made encrypted file from
keyrings.alt, or anything rated below 1, nothing is written and the caller gets
``SecretStoreUnavailable`` with a message for the user. Values are never logged.
Keyring calls may block (an unlock prompt, D-Bus): call from a worker thread, not the Qt thread.
"""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from linguaflex_desktop.adapters.remember_me import PLAIN_FILE_STORE, SERVICE_NAME, refusal_reason
from linguaflex_desktop.errors import SecretStoreUnavailable, ValidationError
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

STRIPE_SECRET_KEY = "stripe_secret_key"
ZOOM_CLIENT_SECRET = "zoom_client_secret"
SMTP_PASSWORD = "smtp_password"
SECRET_NAMES = (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD)
ENTRY_PREFIX = "setting:"  # keeps these entries apart from the remembered sign-in

NO_SECURE_KEYRING = tx(
    "LinguaFlex cannot keep secrets (keys and passwords) on this computer: no secure password "
    "store (such as the system keychain or credential manager) is available. Set them in the "
    "environment instead (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD)."
)
PLAIN_FILE_KEYRING = tx(
    "LinguaFlex cannot keep secrets (keys and passwords) on this computer: the only password "
    "store available keeps secrets in a plain file. Set them in the environment instead "
    "(STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD)."
)
MAX_SECRET_LENGTH = 4096


def check_keyring_loads() -> None:
    """SecretStoreUnavailable when the keyring backend cannot even be loaded (e.g.
    PYTHON_KEYRING_BACKEND names a class that does not exist). A backend that loads but is
    not secure is no error here: secrets are then simply not kept (``secret_refusal``)."""
    try:
        keyring.get_keyring()
    except Exception as error:  # the keyring imports whatever the environment names
        log.info("keyring backend cannot be loaded: %r", error)
        raise SecretStoreUnavailable(
            tx(
                "The password store cannot be loaded ({error}); check PYTHON_KEYRING_BACKEND "
                "and the keyring configuration.",
                error=f"{type(error).__name__}: {error}",
            )
        ) from error


def secret_refusal(backend: KeyringBackend) -> str | None:
    """None when ``backend`` may hold the settings' secrets, else the message for the user
    (the decision is ``remember_me.refusal_reason``; only the wording differs)."""
    reason = refusal_reason(backend)
    if reason is None:
        return None
    return PLAIN_FILE_KEYRING if reason == PLAIN_FILE_STORE else NO_SECURE_KEYRING


def _check_name(name: str) -> str:
    if name not in SECRET_NAMES:
        raise ValueError(f"unknown secret {name!r}; expected one of {SECRET_NAMES}")
    return ENTRY_PREFIX + name


class SecretStore:
    """get / set / delete of the named secrets in ``SECRET_NAMES`` (any thread but the GUI's)."""

    def __init__(self, service_name: str = SERVICE_NAME) -> None:
        self._service_name = service_name

    def __repr__(self) -> str:
        return f"SecretStore(service_name={self._service_name!r})"

    def availability(self) -> tuple[bool, str]:
        """(True, "") when a secure keyring is in use, else (False, a message for the user)."""
        reason = secret_refusal(keyring.get_keyring())
        return (True, "") if reason is None else (False, reason)

    def get(self, name: str) -> str | None:
        """The stored value, or None when nothing is stored, the keyring is not secure or it
        cannot be read (logged without the value)."""
        entry = _check_name(name)
        backend = keyring.get_keyring()
        if secret_refusal(backend) is not None:
            return None
        try:
            value = backend.get_password(self._service_name, entry)
        except KeyringError as error:
            log.warning("keyring could not be read for %s: %s", name, type(error).__name__)
            return None
        return value or None

    def is_stored(self, name: str) -> bool:
        return self.get(name) is not None

    def stored_names(self) -> frozenset[str]:
        """The names of the secrets that have a value in the (secure) keyring."""
        return frozenset(name for name in SECRET_NAMES if self.is_stored(name))

    def set(self, name: str, value: str) -> None:
        """Store ``value`` under ``name``. ValidationError for an empty or oversized value;
        SecretStoreUnavailable (nothing written) when the keyring is not secure or refuses."""
        entry = _check_name(name)
        value = value.strip()
        if not value:
            raise ValidationError(tx("An empty secret cannot be stored; clear it instead."))
        if len(value) > MAX_SECRET_LENGTH:
            raise ValidationError(
                tx("A secret can be at most {limit} characters.", limit=MAX_SECRET_LENGTH)
            )
        backend = self._secure_backend()
        try:
            backend.set_password(self._service_name, entry, value)
        except KeyringError as error:
            log.warning("keyring refused to store %s: %s", name, type(error).__name__)
            raise SecretStoreUnavailable(
                tx(
                    "LinguaFlex cannot keep secrets (keys and passwords) on this computer: the "
                    "password store refused to save it ({error}).",
                    error=type(error).__name__,
                )
            ) from error
        log.info("secret %s stored in the keyring", name)

    def delete(self, name: str) -> None:
        """Remove the secret; nothing stored is not an error. SecretStoreUnavailable when the
        keyring is not secure (nothing touched) or refuses the deletion."""
        entry = _check_name(name)
        backend = self._secure_backend()
        try:
            backend.delete_password(self._service_name, entry)
        except PasswordDeleteError:
            return  # nothing was stored
        except KeyringError as error:
            log.warning("keyring refused to delete %s: %s", name, type(error).__name__)
            raise SecretStoreUnavailable(
                tx(
                    "LinguaFlex cannot keep secrets (keys and passwords) on this computer: the "
                    "password store refused to delete it ({error}).",
                    error=type(error).__name__,
                )
            ) from error
        log.info("secret %s removed from the keyring", name)

    def _secure_backend(self) -> KeyringBackend:
        backend = keyring.get_keyring()
        reason = secret_refusal(backend)
        if reason is not None:
            raise SecretStoreUnavailable(reason)
        return backend
