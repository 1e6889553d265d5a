"""Accounts: registration, sign-in with lockout, remember-me tokens, admin suspension."""

from __future__ import annotations

from ..models import Role
from .context import ServiceContext
from .dto import Actor, Page, UserDTO


class AccountService:
    """Account use cases; each call runs its own transaction on the calling thread."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def register(
        self, *, email: str, password: str, display_name: str, role: Role, time_zone: str
    ) -> UserDTO:
        raise NotImplementedError

    def create_admin(
        self, *, email: str, password: str, display_name: str, time_zone: str = "UTC"
    ) -> UserDTO:
        raise NotImplementedError

    def authenticate(self, *, email: str, password: str) -> UserDTO:
        raise NotImplementedError

    def issue_remember_token(self, actor: Actor) -> str:
        raise NotImplementedError

    def authenticate_token(self, token: str) -> UserDTO:
        raise NotImplementedError

    def revoke_token(self, token: str) -> None:
        raise NotImplementedError

    def get_user(self, actor: Actor, user_id: int) -> UserDTO:
        raise NotImplementedError

    def list_users(
        self,
        actor: Actor,
        *,
        role: Role | None = None,
        text: str = "",
        offset: int = 0,
        limit: int = 100,
    ) -> Page[UserDTO]:
        raise NotImplementedError

    def suspend_user(self, actor: Actor, user_id: int, *, reason: str = "") -> UserDTO:
        raise NotImplementedError

    def reactivate_user(self, actor: Actor, user_id: int) -> UserDTO:
        raise NotImplementedError
