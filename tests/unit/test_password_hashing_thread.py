"""Password hashing runs on the process's one hashing thread (its working memory stays warm
between calls), from any caller, and a forked child makes a thread of its own."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import argon2
import pytest

from linguaflex_desktop.services.accounts import passwords
from linguaflex_desktop.services.accounts.passwords import HASHING_THREAD_NAME, PasswordHasher


@pytest.fixture
def threads_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread each argon2 call of ``argon2.PasswordHasher`` ran on."""
    seen: list[str] = []
    for name in ("hash", "verify"):
        original = getattr(argon2.PasswordHasher, name)

        def on_thread(self: argon2.PasswordHasher, *args: object, _original=original) -> object:
            seen.append(threading.current_thread().name)
            return _original(self, *args)

        monkeypatch.setattr(argon2.PasswordHasher, name, on_thread)
    return seen


def test_hashes_and_checks_from_several_threads_all_run_on_the_one_hashing_thread(
    threads_seen: list[str],
) -> None:
    hasher = PasswordHasher()
    stored = hasher.hash("correct horse")
    with ThreadPoolExecutor(3) as callers:
        checks = list(callers.map(lambda pw: hasher.verify(stored, pw), ["correct horse", "x"] * 3))
    assert checks == [True, False] * 3
    assert hasher.verify("not a hash", "correct horse") is False  # unreadable: False, not raised
    assert len(threads_seen) == 8
    assert {name.split("_")[0] for name in threads_seen} == {HASHING_THREAD_NAME}
    assert len(set(threads_seen)) == 1


def test_warm_up_hashes_and_checks_a_throw_away_password_on_that_thread(
    threads_seen: list[str],
) -> None:
    PasswordHasher().warm_up()
    assert len(threads_seen) == 2  # one hash, one check
    assert all(name.startswith(HASHING_THREAD_NAME) for name in threads_seen)


def test_a_call_made_on_the_hashing_thread_itself_runs_there_at_once() -> None:
    hasher = PasswordHasher()
    stored = hasher.hash("pw")
    nested = passwords._hashing_thread.run(lambda: hasher.verify(stored, "pw"))  # no deadlock
    assert nested is True


def _check_in_child(stored: str, answers: multiprocessing.Queue[bool]) -> None:
    answers.put(PasswordHasher().verify(stored, "pw"))


def test_a_forked_child_hashes_on_a_thread_of_its_own() -> None:
    hasher = PasswordHasher()
    stored = hasher.hash("pw")  # the parent's hashing thread exists now
    fork = multiprocessing.get_context("fork")
    answers: multiprocessing.Queue[bool] = fork.Queue()
    child = fork.Process(target=_check_in_child, args=(stored, answers))
    child.start()
    try:
        child.join(30)
        assert child.exitcode == 0  # None: it waited forever on the parent's thread
    finally:
        if child.is_alive():
            child.kill()
    assert answers.get(timeout=5) is True
