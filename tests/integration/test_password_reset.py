"""Forgotten passwords on SQLite and Postgres: a code by e-mail through a real local SMTP
server (expiring, single use, limited per address and per app, the same answer for unknown
addresses), and without SMTP an admin's temporary password that must be replaced before
anything else is allowed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from linguaflex_desktop.errors import (
    AuthenticationFailed,
    ConfigurationError,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.accounts.code_requests import (
    CODE_WRONG,
    MAX_REQUESTS_PER_APP_PER_HOUR,
    TOO_MANY_REQUESTS,
)
from linguaflex_desktop.services.accounts.fields import error_field
from linguaflex_desktop.services.accounts.password_reset import NO_EMAIL_RESET, PasswordResets
from linguaflex_desktop.services.accounts.self_service import AccountSelfService
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.authorization import MUST_CHANGE_PASSWORD
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.account_codes import AccountCodeMailer
from tests.conftest import FakeClock
from tests.integration.account_code_helpers import (
    NEW_PASSWORD,
    PASSWORD,
    audit_actions,
    code_rows,
    codes_sent_to,
    register,
    send_codes,
    stored_user,
)
from tests.integration.booking_follow_up_helpers import SmtpPeer, jobs, smtp_peer

TEMPORARY = "temporary-pass-42"


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


@pytest.fixture
def resets(ctx: ServiceContext) -> PasswordResets:
    return PasswordResets(ctx, email_codes=True)


def test_a_reset_code_by_email_sets_the_new_password_once(
    ctx: ServiceContext, resets: PasswordResets, smtp: SmtpPeer
) -> None:
    accounts = AccountService(ctx)
    user = register(ctx)
    token = accounts.issue_remember_token(user.actor)
    resets.request_reset(email="ANA@example.com")
    assert send_codes(ctx, smtp) == 1
    [code] = codes_sent_to(smtp, "ana@example.com")
    [row] = code_rows(ctx)
    assert row.code_digest is not None and code not in row.code_digest
    resets.reset_password(email="ana@example.com", code=code, new_password=NEW_PASSWORD)
    assert accounts.authenticate(email="ana@example.com", password=NEW_PASSWORD).id == user.id
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate_token(token)  # every remembered sign-in ends
    with pytest.raises(ValidationError) as reused:
        resets.reset_password(email="ana@example.com", code=code, new_password="yet another one")
    assert (str(reused.value), error_field(reused.value)) == (CODE_WRONG, "code")
    assert audit_actions(ctx, user.id) == [("user.password_reset", user.id)]


def test_the_answer_is_the_same_for_an_unknown_address_and_nothing_is_sent(
    ctx: ServiceContext, resets: PasswordResets, smtp: SmtpPeer
) -> None:
    register(ctx)
    assert resets.request_reset(email="ana@example.com") is None
    assert resets.request_reset(email="nobody@example.com") is None
    assert [job.kind for job in jobs(ctx)] == ["account.code"]  # one job: the real account
    send_codes(ctx, smtp)
    assert codes_sent_to(smtp, "nobody@example.com") == []
    for address in ("ana@example.com", "nobody@example.com"):
        with pytest.raises(ValidationError) as refused:
            resets.reset_password(email=address, code="123456", new_password=NEW_PASSWORD)
        assert str(refused.value) == CODE_WRONG
    for _ in range(2):  # the limit counts unknown addresses alike: no hint there either
        resets.request_reset(email="ana@example.com")
        resets.request_reset(email="nobody@example.com")
    for address in ("ana@example.com", "nobody@example.com"):
        with pytest.raises(ValidationError) as limited:
            resets.request_reset(email=address)
        assert str(limited.value) == TOO_MANY_REQUESTS


def test_a_reset_code_expires_after_15_minutes(
    ctx: ServiceContext, resets: PasswordResets, smtp: SmtpPeer, clock: FakeClock
) -> None:
    user = register(ctx)
    resets.request_reset(email="ana@example.com")
    send_codes(ctx, smtp)
    [code] = codes_sent_to(smtp, "ana@example.com")
    clock.advance(minutes=14, seconds=59)
    clock.advance(seconds=1)
    with pytest.raises(ValidationError, match="wrong or has expired"):
        resets.reset_password(email="ana@example.com", code=code, new_password=NEW_PASSWORD)
    assert AccountService(ctx).authenticate(email="ana@example.com", password=PASSWORD)
    assert audit_actions(ctx, user.id) == []


def test_only_the_newest_code_works_and_five_wrong_guesses_spend_it(
    ctx: ServiceContext, resets: PasswordResets, smtp: SmtpPeer
) -> None:
    register(ctx)
    resets.request_reset(email="ana@example.com")
    send_codes(ctx, smtp)
    resets.request_reset(email="ana@example.com")
    send_codes(ctx, smtp)
    first, second = codes_sent_to(smtp, "ana@example.com")
    if first != second:
        with pytest.raises(ValidationError):
            resets.reset_password(email="ana@example.com", code=first, new_password=NEW_PASSWORD)
    wrong = "000000" if second != "000000" else "111111"
    for _ in range(4 if first != second else 5):
        with pytest.raises(ValidationError):
            resets.reset_password(email="ana@example.com", code=wrong, new_password=NEW_PASSWORD)
    with pytest.raises(ValidationError):  # right, but the code had its 5 guesses
        resets.reset_password(email="ana@example.com", code=second, new_password=NEW_PASSWORD)


def test_reset_requests_are_limited_per_app_too(
    ctx: ServiceContext, resets: PasswordResets, clock: FakeClock
) -> None:
    for index in range(MAX_REQUESTS_PER_APP_PER_HOUR):
        resets.request_reset(email=f"someone{index}@example.com")
    with pytest.raises(ValidationError, match="Too many codes"):
        resets.request_reset(email="fresh@example.com")
    clock.advance(hours=1)
    resets.request_reset(email="fresh@example.com")


def test_without_smtp_no_code_is_offered(ctx: ServiceContext) -> None:
    register(ctx)
    with pytest.raises(ConfigurationError) as refused:
        PasswordResets(ctx, email_codes=False).request_reset(email="ana@example.com")
    assert str(refused.value) == NO_EMAIL_RESET
    assert code_rows(ctx) == []


def test_an_admin_temporary_password_must_be_changed_before_anything_else(
    ctx: ServiceContext,
) -> None:
    accounts = AccountService(ctx)
    admin = accounts.create_admin(email="admin@example.com", password=PASSWORD, display_name="A")
    user = register(ctx)
    token = accounts.issue_remember_token(user.actor)
    resets = PasswordResets(ctx, email_codes=False)
    changed = resets.set_temporary_password(admin.actor, user.id, temporary_password=TEMPORARY)
    assert changed.must_change_password is True
    assert audit_actions(ctx, user.id) == [("user.temporary_password", admin.id)]
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate_token(token)
    signed_in = accounts.authenticate(email="ana@example.com", password=TEMPORARY)
    assert signed_in.must_change_password is True
    with pytest.raises(PermissionDenied) as refused:  # nothing else before the new password
        CatalogueService(ctx).search_gigs(signed_in.actor)
    assert str(refused.value) == MUST_CHANGE_PASSWORD
    own = AccountSelfService(ctx, email_codes=False)
    with pytest.raises(PermissionDenied):
        own.update_profile(signed_in.actor, display_name="X", time_zone="UTC")
    own.change_password(signed_in.actor, current_password=TEMPORARY, new_password=NEW_PASSWORD)
    after = accounts.authenticate(email="ana@example.com", password=NEW_PASSWORD)
    assert after.must_change_password is False
    own.update_profile(after.actor, display_name="Ana Maria", time_zone="UTC")
    assert [action for action, _ in audit_actions(ctx, user.id)] == [
        "user.temporary_password",
        "user.password_changed",
        "user.profile_changed",
    ]


def test_only_an_admin_sets_a_temporary_password_and_not_their_own(ctx: ServiceContext) -> None:
    accounts = AccountService(ctx)
    admin = accounts.create_admin(email="admin@example.com", password=PASSWORD, display_name="A")
    user = register(ctx)
    teacher = register(ctx, "teo@example.com", Role.TEACHER)
    resets = PasswordResets(ctx, email_codes=False)
    with pytest.raises(PermissionDenied):
        resets.set_temporary_password(teacher.actor, user.id, temporary_password=TEMPORARY)
    with pytest.raises(ValidationError):
        resets.set_temporary_password(admin.actor, admin.id, temporary_password=TEMPORARY)
    with pytest.raises(ValidationError) as short:
        resets.set_temporary_password(admin.actor, user.id, temporary_password="short")
    assert error_field(short.value) == "temporary_password"
    assert stored_user(ctx, user.id).must_change_password is False
    assert audit_actions(ctx, user.id) == []
    assert jobs(ctx) == []


def test_a_code_job_run_after_the_code_lifetime_sends_nothing(
    ctx: ServiceContext, resets: PasswordResets, smtp: SmtpPeer, clock: FakeClock
) -> None:
    register(ctx)
    resets.request_reset(email="ana@example.com")
    clock.advance(minutes=15)  # the worker was down meanwhile
    assert send_codes(ctx, smtp) == 1
    assert codes_sent_to(smtp, "ana@example.com") == []
    [row] = code_rows(ctx)
    assert row.code_digest is None


def test_a_code_job_without_smtp_settings_waits_and_stores_no_code(
    ctx: ServiceContext, resets: PasswordResets
) -> None:
    register(ctx)
    resets.request_reset(email="ana@example.com")
    [job] = jobs(ctx)
    with pytest.raises(ConfigurationError):
        AccountCodeMailer(ctx, mailer=None).send_code_job(dict(job.payload))
    [row] = code_rows(ctx)
    assert row.code_digest is None


def test_a_code_used_by_parallel_resets_works_exactly_once(
    ctx: ServiceContext, resets: PasswordResets, smtp: SmtpPeer
) -> None:
    user = register(ctx)
    resets.request_reset(email="ana@example.com")
    send_codes(ctx, smtp)
    [code] = codes_sent_to(smtp, "ana@example.com")
    barrier = threading.Barrier(4)

    def attempt(index: int) -> bool:
        barrier.wait()
        try:
            resets.reset_password(
                email="ana@example.com", code=code, new_password=f"{NEW_PASSWORD} {index}"
            )
        except ValidationError:
            return False
        return True

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(attempt, range(4)))
    assert outcomes.count(True) == 1
    assert audit_actions(ctx, user.id) == [("user.password_reset", user.id)]
    winner = outcomes.index(True)
    assert AccountService(ctx).authenticate(
        email="ana@example.com", password=f"{NEW_PASSWORD} {winner}"
    )
