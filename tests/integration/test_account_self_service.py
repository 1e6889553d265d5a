"""Self-service on SQLite and Postgres: name and time zone, password, e-mail address (at once
without SMTP; by a code sent to the new address through a real local SMTP server with it),
each audited; the current password counted like sign-in; other computers signed out."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from linguaflex_desktop.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    ValidationError,
)
from linguaflex_desktop.models import AuthToken
from linguaflex_desktop.services.accounts.code_requests import CODE_WRONG, TOO_MANY_REQUESTS
from linguaflex_desktop.services.accounts.fields import error_field
from linguaflex_desktop.services.accounts.self_service import AccountSelfService
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import UserDTO
from tests.conftest import FakeClock
from tests.integration.account_code_helpers import (
    NEW_PASSWORD,
    PASSWORD,
    audit_actions,
    audit_details,
    code_rows,
    codes_sent_to,
    register,
    send_codes,
    stored_user,
)
from tests.integration.booking_follow_up_helpers import SmtpPeer, smtp_peer


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


def code_for_new_address(
    ctx: ServiceContext, own: AccountSelfService, smtp: SmtpPeer, user: UserDTO
) -> str:
    """Ask to move ``user`` to ana@new.example; the code the server received for it."""
    own.start_email_change(user.actor, new_email="ana@new.example", current_password=PASSWORD)
    send_codes(ctx, smtp)
    [code] = codes_sent_to(smtp, "ana@new.example")
    return code


@pytest.fixture
def own(ctx: ServiceContext) -> AccountSelfService:
    return AccountSelfService(ctx, email_codes=False)


@pytest.fixture
def own_with_codes(ctx: ServiceContext) -> AccountSelfService:
    return AccountSelfService(ctx, email_codes=True)


def test_name_and_time_zone_change_at_once_and_are_audited(
    ctx: ServiceContext, own: AccountSelfService
) -> None:
    user = register(ctx)
    changed = own.update_profile(
        user.actor, display_name="  Ana   Maria ", time_zone="America/Bogota"
    )
    assert (changed.display_name, changed.time_zone) == ("Ana Maria", "America/Bogota")
    stored = stored_user(ctx, user.id)
    assert (stored.display_name, stored.time_zone) == ("Ana Maria", "America/Bogota")
    assert audit_actions(ctx, user.id) == [("user.profile_changed", user.id)]
    assert audit_details(ctx, user.id, "user.profile_changed") == (
        {"display_name": "Ana Silva", "time_zone": "UTC"},
        {"display_name": "Ana Maria", "time_zone": "America/Bogota"},
    )
    own.update_profile(user.actor, display_name="Ana Maria", time_zone="America/Bogota")
    assert len(audit_actions(ctx, user.id)) == 1  # no change, no event


@pytest.mark.parametrize(
    ("name", "zone", "field", "message"),
    [
        ("", "UTC", "display_name", "Please enter a display name."),
        (
            "x" * 121,
            "UTC",
            "display_name",
            "The display name is too long (at most 120 characters).",
        ),
        ("Ana", "Mars/Base", "time_zone", "Unknown time zone: 'Mars/Base'."),
    ],
)
def test_a_bad_name_or_zone_names_its_field_and_changes_nothing(
    ctx: ServiceContext, own: AccountSelfService, name: str, zone: str, field: str, message: str
) -> None:
    user = register(ctx)
    with pytest.raises(ValidationError) as refused:
        own.update_profile(user.actor, display_name=name, time_zone=zone)
    assert (str(refused.value), error_field(refused.value)) == (message, field)
    assert stored_user(ctx, user.id).display_name == "Ana Silva"
    assert audit_actions(ctx, user.id) == []


def test_password_change_needs_the_current_password_and_signs_out_other_computers(
    ctx: ServiceContext, own: AccountSelfService
) -> None:
    accounts = AccountService(ctx)
    user = register(ctx)
    here = accounts.issue_remember_token(user.actor)
    elsewhere = accounts.issue_remember_token(user.actor)
    own.change_password(
        user.actor, current_password=PASSWORD, new_password=NEW_PASSWORD, keep_token=here
    )
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
    assert accounts.authenticate(email="ana@example.com", password=NEW_PASSWORD).id == user.id
    assert accounts.authenticate_token(here).id == user.id
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate_token(elsewhere)
    assert audit_actions(ctx, user.id) == [("user.password_changed", user.id)]


def test_a_wrong_current_password_is_refused_on_its_field_and_counted_like_sign_in(
    ctx: ServiceContext, own: AccountSelfService, clock: FakeClock
) -> None:
    accounts = AccountService(ctx)
    user = register(ctx)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as refused:
            own.change_password(
                user.actor, current_password="not my password", new_password=NEW_PASSWORD
            )
        assert str(refused.value) == "The current password is wrong."
        assert error_field(refused.value) == "current_password"
    assert stored_user(ctx, user.id).failed_login_count == 4
    with pytest.raises(AuthenticationFailed):  # the 5th check, a sign-in guess, locks
        accounts.authenticate(email="ana@example.com", password="another guess")
    with pytest.raises(AccountLocked):  # even the right current password, for 15 minutes
        own.change_password(user.actor, current_password=PASSWORD, new_password=NEW_PASSWORD)
    clock.advance(minutes=15)
    own.change_password(user.actor, current_password=PASSWORD, new_password=NEW_PASSWORD)
    assert stored_user(ctx, user.id).failed_login_count == 0
    assert audit_actions(ctx, user.id) == [("user.password_changed", user.id)]


def test_a_short_or_unchanged_new_password_names_the_new_password_field(
    ctx: ServiceContext, own: AccountSelfService
) -> None:
    user = register(ctx)
    for new, message in [
        ("short", "The password must have at least 10 characters."),
        (PASSWORD, "The new password must differ from the current one."),
    ]:
        with pytest.raises(ValidationError) as refused:
            own.change_password(user.actor, current_password=PASSWORD, new_password=new)
        assert (str(refused.value), error_field(refused.value)) == (message, "new_password")
    assert stored_user(ctx, user.id).failed_login_count == 0  # no password was checked


def test_without_smtp_a_new_address_is_taken_at_once_after_the_password(
    ctx: ServiceContext, own: AccountSelfService
) -> None:
    user = register(ctx)
    with pytest.raises(AuthenticationFailed):
        own.start_email_change(user.actor, new_email="ana@new.example", current_password="nope")
    assert stored_user(ctx, user.id).email == "ana@example.com"
    started = own.start_email_change(
        user.actor, new_email=" Ana@New.Example ", current_password=PASSWORD
    )
    assert (started.needs_code, started.user.email) == (False, "ana@new.example")
    assert stored_user(ctx, user.id).email == "ana@new.example"
    assert audit_details(ctx, user.id, "user.email_changed") == (
        {"email": "ana@example.com"},
        {"email": "ana@new.example"},
    )
    assert AccountService(ctx).authenticate(email="ana@new.example", password=PASSWORD)


def test_an_address_of_another_account_is_refused_in_a_plain_sentence(
    ctx: ServiceContext, own_with_codes: AccountSelfService
) -> None:
    user = register(ctx)
    register(ctx, "bea@example.com")
    with pytest.raises(Conflict) as refused:
        own_with_codes.start_email_change(
            user.actor, new_email="BEA@example.com", current_password=PASSWORD
        )
    assert str(refused.value) == (
        "The address bea@example.com already belongs to another account; choose another."
    )
    assert error_field(refused.value) == "new_email"
    assert code_rows(ctx) == []


def test_with_smtp_the_new_address_gets_a_code_and_changes_when_it_is_entered(
    ctx: ServiceContext, own_with_codes: AccountSelfService, smtp: SmtpPeer
) -> None:
    user = register(ctx)
    started = own_with_codes.start_email_change(
        user.actor, new_email="ana@new.example", current_password=PASSWORD
    )
    assert (started.needs_code, started.user.email) == (True, "ana@example.com")
    assert stored_user(ctx, user.id).email == "ana@example.com"  # not before the code
    assert send_codes(ctx, smtp) == 1
    [code] = codes_sent_to(smtp, "ana@new.example")
    assert codes_sent_to(smtp, "ana@example.com") == []
    [row] = code_rows(ctx)
    assert row.code_digest is not None and code not in row.code_digest  # only a digest
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(ValidationError) as refused:
        own_with_codes.confirm_email_change(user.actor, code=wrong)
    assert (str(refused.value), error_field(refused.value)) == (CODE_WRONG, "code")
    changed = own_with_codes.confirm_email_change(user.actor, code=f" {code[:3]} {code[3:]} ")
    assert changed.email == "ana@new.example" == stored_user(ctx, user.id).email
    assert audit_actions(ctx, user.id) == [("user.email_changed", user.id)]
    with pytest.raises(ValidationError):  # single use
        own_with_codes.confirm_email_change(user.actor, code=code)


def test_the_email_code_expires_after_15_minutes(
    ctx: ServiceContext, own_with_codes: AccountSelfService, smtp: SmtpPeer, clock: FakeClock
) -> None:
    user = register(ctx)
    code = code_for_new_address(ctx, own_with_codes, smtp, user)
    clock.advance(minutes=15)
    with pytest.raises(ValidationError, match="wrong or has expired"):
        own_with_codes.confirm_email_change(user.actor, code=code)
    assert stored_user(ctx, user.id).email == "ana@example.com"


def test_the_address_taken_while_the_code_travelled_is_refused_at_the_code(
    ctx: ServiceContext, own_with_codes: AccountSelfService, smtp: SmtpPeer
) -> None:
    user = register(ctx)
    code = code_for_new_address(ctx, own_with_codes, smtp, user)
    register(ctx, "ana@new.example")
    with pytest.raises(Conflict, match="already belongs to another account"):
        own_with_codes.confirm_email_change(user.actor, code=code)
    assert stored_user(ctx, user.id).email == "ana@example.com"


def test_email_change_codes_are_limited_to_three_an_hour_per_address(
    ctx: ServiceContext, own_with_codes: AccountSelfService, clock: FakeClock
) -> None:
    user = register(ctx)
    for _ in range(3):
        own_with_codes.start_email_change(
            user.actor, new_email="ana@new.example", current_password=PASSWORD
        )
    with pytest.raises(ValidationError) as refused:
        own_with_codes.start_email_change(
            user.actor, new_email="ana@new.example", current_password=PASSWORD
        )
    assert (str(refused.value), error_field(refused.value)) == (TOO_MANY_REQUESTS, "new_email")
    clock.advance(hours=1)
    own_with_codes.start_email_change(
        user.actor, new_email="ana@new.example", current_password=PASSWORD
    )
    assert len(code_rows(ctx)) == 4


def test_tokens_of_other_computers_are_revoked_by_a_password_change(
    ctx: ServiceContext, own: AccountSelfService
) -> None:
    accounts = AccountService(ctx)
    user = register(ctx)
    tokens = [accounts.issue_remember_token(user.actor) for _ in range(3)]
    own.change_password(user.actor, current_password=PASSWORD, new_password=NEW_PASSWORD)
    with ctx.unit_of_work(write=False) as uow:
        revoked = uow.session.scalars(select(AuthToken.revoked_at)).all()
    assert len(revoked) == len(tokens) and all(at is not None for at in revoked)


def test_parallel_guesses_of_the_current_password_get_exactly_five_checks(
    ctx: ServiceContext, own: AccountSelfService
) -> None:
    user = register(ctx)
    barrier = threading.Barrier(8)

    def guess(index: int) -> str:
        barrier.wait()
        try:
            own.change_password(
                user.actor, current_password=f"guess number {index}", new_password=NEW_PASSWORD
            )
        except AccountLocked:
            return "locked"
        except AuthenticationFailed:
            return "wrong"
        return "changed"

    with ThreadPoolExecutor(8) as pool:
        outcomes = sorted(pool.map(guess, range(8)))
    assert outcomes == ["locked"] * 3 + ["wrong"] * 5
    assert audit_actions(ctx, user.id) == []
