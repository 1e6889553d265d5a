""""Remember me": a revocable session token in the OS keyring, never the password."""

from __future__ import annotations

SERVICE_NAME = "LinguaFlex"


class RememberMeStore:
    def __init__(self, service_name: str = SERVICE_NAME) -> None:
        self._service_name = service_name

    def availability(self) -> tuple[bool, str]:
        raise NotImplementedError

    def save(self, *, email: str, token: str) -> None:
        raise NotImplementedError

    def load(self) -> tuple[str, str] | None:
        raise NotImplementedError

    def forget(self) -> None:
        raise NotImplementedError
