""" "Remember me": a revocable session token in the OS keyring, never the password.

Only a secure keyring is used (macOS Keychain, Windows Credential Manager, Secret Service,
KWallet). Where the only backend is the fail/null one, a plaintext or home-made encrypted file
from keyrings.alt, or anything of priority below 1, the app says it cannot remember the sign-in
and writes nothing. Keyring calls may block (an unlock prompt, D-Bus): call this from a worker
thread, not the Qt thread.
"""

from __future__ import annotations

import contextlib
import json
import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError

from linguaflex_desktop.errors import SecretStoreUnavailable
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

SERVICE_NAME = "LinguaFlex"
ENTRY_NAME = "remembered-login"
NO_SECURE_STORE = tx(
    "LinguaFlex cannot remember your sign-in on this computer: no secure password store "
    "(such as the system keychain or credential manager) is available."
)
PLAIN_FILE_STORE = tx(
    "LinguaFlex cannot remember your sign-in on this computer: the only password store "
    "available keeps secrets in a plain file."
)
INSECURE_MODULES = ("keyrings.alt.file",)


def refusal_reason(backend: KeyringBackend) -> str | None:
    """None when ``backend`` is secure enough to hold a session token, else why not."""
    if isinstance(backend, chainer.ChainerBackend):
        children = list(backend.backends)
        # writes go to the highest-priority child: that is the one that must be secure
        return refusal_reason(children[0]) if children else NO_SECURE_STORE
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return NO_SECURE_STORE
    if type(backend).__module__.startswith(INSECURE_MODULES):
        return PLAIN_FILE_STORE
    try:
        priority = float(backend.priority)
    except Exception:  # a backend that cannot rate itself is not viable
        return NO_SECURE_STORE
    return NO_SECURE_STORE if priority < 1 else None


class RememberMeStore:
    """One remembered sign-in (email + session token) per OS user, in the keyring."""

    def __init__(self, service_name: str = SERVICE_NAME) -> None:
        self._service_name = service_name

    def availability(self) -> tuple[bool, str]:
        """(True, "") when a secure keyring is in use, else (False, a message for the user)."""
        reason = refusal_reason(keyring.get_keyring())
        return (True, "") if reason is None else (False, reason)

    def save(self, *, email: str, token: str) -> None:
        """Store the email and token; SecretStoreUnavailable (nothing written) if the keyring
        is not secure or refuses the write."""
        backend = keyring.get_keyring()
        reason = refusal_reason(backend)
        if reason is not None:
            raise SecretStoreUnavailable(reason)
        entry = json.dumps({"email": email, "token": token})
        try:
            backend.set_password(self._service_name, ENTRY_NAME, entry)
        except KeyringError as error:
            log.warning("keyring refused to store the remembered sign-in: %s", error)
            raise SecretStoreUnavailable(
                tx(
                    "LinguaFlex cannot remember your sign-in on this computer: the password "
                    "store refused to save it ({error}).",
                    error=str(error),
                )
            ) from error

    def load(self) -> tuple[str, str] | None:
        """(email, token) if a sign-in is remembered in a secure keyring, else None."""
        backend = keyring.get_keyring()
        if refusal_reason(backend) is not None:
            return None
        try:
            entry = backend.get_password(self._service_name, ENTRY_NAME)
        except KeyringError as error:
            log.warning("keyring could not be read: %s", error)
            return None
        return _parse_entry(entry)

    def forget(self) -> None:
        """Delete the remembered sign-in (on logout); nothing saved is not an error."""
        # nothing stored, or no keyring at all: nothing to forget
        with contextlib.suppress(KeyringError):
            keyring.get_keyring().delete_password(self._service_name, ENTRY_NAME)


def _parse_entry(entry: str | None) -> tuple[str, str] | None:
    if not entry:
        return None
    try:
        data = json.loads(entry)
        email, token = data["email"], data["token"]
    except (ValueError, TypeError, KeyError):
        log.warning("ignoring an unreadable remembered sign-in")
        return None
    if not (isinstance(email, str) and isinstance(token, str) and email and token):
        return None
    return email, token
