"""Sign-in races on SQLite and Postgres: the lockout and a suspension are checked before the
(slow) password hash, so what happens to the account DURING the hash must be checked again
before the sign-in is granted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linguaflex_desktop.errors import AccountLocked, AuthenticationFailed
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import SUSPENDED_MESSAGE, AccountService
from linguaflex_desktop.services.common.context import ServiceContext

PASSWORD = "correct horse battery"
WRONG = "wrong horse battery"
EMAIL = "ana@example.com"


class InterleavingHasher(PasswordHasher):
    """A real hasher that runs ``during`` once, while the right password is being verified:
    what concurrent requests would do in the ~30 ms the hash takes."""

    def __init__(self) -> None:
        super().__init__()
        self.during: Callable[[], None] | None = None

    def verify(self, stored_hash: str, password: str) -> bool:
        matches = super().verify(stored_hash, password)
        if matches and self.during is not None:
            during, self.during = self.during, None
            during()
        return matches


@pytest.fixture
def hasher() -> InterleavingHasher:
    return InterleavingHasher()


@pytest.fixture
def accounts(ctx: ServiceContext, hasher: InterleavingHasher) -> AccountService:
    return AccountService(ctx, password_hasher=hasher)


def test_a_right_guess_is_refused_when_parallel_wrong_guesses_locked_the_account_meanwhile(
    accounts: AccountService, hasher: InterleavingHasher
) -> None:
    accounts.register(
        email=EMAIL, password=PASSWORD, display_name="Ana", role=Role.STUDENT, time_zone="UTC"
    )

    def five_wrong_guesses() -> None:
        for _ in range(5):
            with pytest.raises(AuthenticationFailed):
                accounts.authenticate(email=EMAIL, password=WRONG)

    hasher.during = five_wrong_guesses
    with pytest.raises(AccountLocked):
        accounts.authenticate(email=EMAIL, password=PASSWORD)
    with pytest.raises(AccountLocked):  # still locked: the refused guess did not reset it
        accounts.authenticate(email=EMAIL, password=PASSWORD)


def test_a_sign_in_is_refused_when_an_admin_suspended_the_account_meanwhile(
    accounts: AccountService, hasher: InterleavingHasher
) -> None:
    admin = accounts.create_admin(email="root@example.com", password=PASSWORD, display_name="R")
    user = accounts.register(
        email=EMAIL, password=PASSWORD, display_name="Ana", role=Role.STUDENT, time_zone="UTC"
    )
    hasher.during = lambda: accounts.suspend_user(admin.actor, user.id, reason="abuse")
    with pytest.raises(AuthenticationFailed, match=SUSPENDED_MESSAGE):
        accounts.authenticate(email=EMAIL, password=PASSWORD)
