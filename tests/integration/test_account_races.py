"""Sign-in races on SQLite and Postgres: every guess reserves its password check under the
user row lock before the (slow) hash, so parallel guesses get at most five checks; what happens
to the account DURING the hash is checked again before the sign-in is granted."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from linguaflex_desktop.db import create_app_engine, create_session_factory
from linguaflex_desktop.errors import AccountLocked, AuthenticationFailed
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import SUSPENDED_MESSAGE, AccountService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.conftest import FakeClock, truncate_all
from tests.integration.account_race_helpers import CountingHasher, guess_in_child, outcome_of

PASSWORD = "correct horse battery"
WRONG = "wrong horse battery"
EMAIL = "ana@example.com"
PROCESSES = 8


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


# --- parallel guesses: each reserves its password check before hashing ----------------------


def _burst(calls: list[Callable[[], object]]) -> list[str]:
    """Run the calls on as many threads, released together by a barrier; their outcomes."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], object]) -> str:
        barrier.wait(timeout=30)
        return outcome_of(call)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def counting() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def counted_accounts(ctx: ServiceContext, counting: CountingHasher) -> AccountService:
    accounts = AccountService(ctx, password_hasher=counting)
    accounts.register(
        email=EMAIL, password=PASSWORD, display_name="Ana", role=Role.STUDENT, time_zone="UTC"
    )
    counting.checks = 0
    return accounts


def _guess(accounts: AccountService, password: str) -> Callable[[], object]:
    return lambda: accounts.authenticate(email=EMAIL, password=password)


def test_sixteen_parallel_wrong_guesses_get_exactly_five_password_checks(
    counted_accounts: AccountService, counting: CountingHasher
) -> None:
    outcomes = _burst([_guess(counted_accounts, WRONG) for _ in range(16)])
    assert sorted(outcomes) == ["locked"] * 11 + ["wrong"] * 5, outcomes
    assert counting.checks == 5
    with pytest.raises(AccountLocked):
        counted_accounts.authenticate(email=EMAIL, password=PASSWORD)
    assert counting.checks == 5  # the lock is checked before hashing


def test_fifteen_wrong_and_one_right_guess_in_parallel_get_at_most_five_checks_per_window(
    counted_accounts: AccountService, counting: CountingHasher
) -> None:
    calls = [_guess(counted_accounts, WRONG) for _ in range(15)]
    calls.insert(7, _guess(counted_accounts, PASSWORD))
    outcomes = _burst(calls)
    right, wrong = outcomes[7], outcomes[:7] + outcomes[8:]
    assert set(wrong) <= {"wrong", "locked"}, outcomes
    assert wrong.count("wrong") >= 4, outcomes
    if right == "ok":
        # granted: it was the window's 5th attempt, or it cleared the window with no guess
        # reserved after it; either way no window held more than five checks
        assert counting.checks <= 10
    else:
        # refused: guesses reserved after it locked the account during its check
        assert right == "locked", outcomes
        assert counting.checks <= 5
        with pytest.raises(AccountLocked):
            counted_accounts.authenticate(email=EMAIL, password=PASSWORD)


def test_a_right_guess_checked_while_parallel_guesses_lock_the_account_is_refused(
    ctx: ServiceContext, counted_accounts: AccountService, counting: CountingHasher
) -> None:
    """The right guess is reserved first; 15 wrong guesses burst during its check: only four
    of them are checked, and the right guess, settled after the lock, is refused."""
    outcomes: list[str] = []

    class Interleaving(CountingHasher):
        def verify(self, stored_hash: str, password: str) -> bool:
            if password == PASSWORD and not outcomes:
                outcomes.extend(_burst([_guess(counted_accounts, WRONG) for _ in range(15)]))
            return counting.verify(stored_hash, password)

    accounts = AccountService(ctx, password_hasher=Interleaving())
    with pytest.raises(AccountLocked):
        accounts.authenticate(email=EMAIL, password=PASSWORD)
    assert sorted(outcomes) == ["locked"] * 11 + ["wrong"] * 4, outcomes
    assert counting.checks == 5


def test_a_right_guess_keeps_the_count_of_guesses_reserved_after_it(
    ctx: ServiceContext, counted_accounts: AccountService, counting: CountingHasher
) -> None:
    """Granted while two later guesses are in flight: those stay counted, so two more wrong
    guesses lock the account; the burst got five checks in all, not five more."""
    done: list[str] = []

    class Interleaving(CountingHasher):
        def verify(self, stored_hash: str, password: str) -> bool:
            if password == PASSWORD and not done:
                done.extend(_burst([_guess(counted_accounts, WRONG) for _ in range(2)]))
            return counting.verify(stored_hash, password)

    accounts = AccountService(ctx, password_hasher=Interleaving())
    accounts.authenticate(email=EMAIL, password=PASSWORD)
    assert done == ["wrong", "wrong"]
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email=EMAIL, password=WRONG)
    with pytest.raises(AccountLocked):
        accounts.authenticate(email=EMAIL, password=WRONG)
    assert counting.checks == 5


def test_a_right_fifth_guess_after_four_failures_is_granted(
    counted_accounts: AccountService, counting: CountingHasher
) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            counted_accounts.authenticate(email=EMAIL, password=WRONG)
    assert counted_accounts.authenticate(email=EMAIL, password=PASSWORD).email == EMAIL
    with pytest.raises(AuthenticationFailed) as refused:
        counted_accounts.authenticate(email=EMAIL, password=WRONG)
    assert not isinstance(refused.value, AccountLocked)  # the success cleared the window


@pytest.fixture
def postgres_ctx(postgres_database_url: str, clock: FakeClock) -> Iterator[ServiceContext]:
    engine = create_app_engine(postgres_database_url)
    truncate_all(engine)
    yield ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    engine.dispose()


@pytest.mark.postgres
def test_eight_processes_guessing_on_postgres_get_exactly_five_password_checks(
    postgres_ctx: ServiceContext, postgres_database_url: str
) -> None:
    accounts = AccountService(postgres_ctx)
    accounts.register(
        email=EMAIL, password=PASSWORD, display_name="Ana", role=Role.STUDENT, time_zone="UTC"
    )
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    args = (postgres_database_url, postgres_ctx.now(), EMAIL, WRONG, barrier, results)
    children = [spawn.Process(target=guess_in_child, args=args) for _ in range(PROCESSES)]
    for child in children:
        child.start()
    reports = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
    assert all(child.exitcode == 0 for child in children)
    outcomes = sorted(outcome for outcome, _ in reports)
    assert outcomes == ["locked"] * (PROCESSES - 5) + ["wrong"] * 5, reports
    assert sum(checks for _, checks in reports) == 5
    with pytest.raises(AccountLocked):
        accounts.authenticate(email=EMAIL, password=PASSWORD)
