"""Accounts on SQLite and Postgres: registration, sign-in, lockout, tokens, suspension."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from linguaflex_desktop.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import AuditEvent, AuthToken, Role, TeacherProfile, User
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import UserDTO
from tests.compiled_statements import compiled_anew, statements_run

PASSWORD = "correct horse battery"
WRONG = "wrong horse battery"
GENERIC = "Wrong email or password."


class CountingHasher(PasswordHasher):
    """A real argon2id hasher that counts verifications (proves when hashing happens)."""

    def __init__(self, **params: int) -> None:
        super().__init__(**params)
        self.verifications = 0

    def verify(self, stored_hash: str, password: str) -> bool:
        self.verifications += 1
        return super().verify(stored_hash, password)


@pytest.fixture
def accounts(ctx: ServiceContext) -> AccountService:
    return AccountService(ctx)


def register(
    accounts: AccountService, email: str = "ana@example.com", role: Role = Role.STUDENT
) -> UserDTO:
    return accounts.register(
        email=email, password=PASSWORD, display_name="Ana Silva", role=role, time_zone="UTC"
    )


def count(ctx: ServiceContext, model: type) -> int:
    with ctx.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def stored_user(ctx: ServiceContext, user_id: int) -> User:
    with ctx.unit_of_work(write=False) as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        uow.session.expunge(user)  # keep its loaded values after the block rolls back
        return user


def admin(accounts: AccountService) -> UserDTO:
    return accounts.create_admin(
        email="root@example.com", password=PASSWORD, display_name="Root Admin"
    )


# --- registration ---------------------------------------------------------------------------


def test_register_student_normalises_input_and_stores_an_argon2id_hash_at_owasp_minimum(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    user = accounts.register(
        email="  Ana@Example.COM ",
        password=PASSWORD,
        display_name="  Ana   Silva ",
        role=Role.STUDENT,
        time_zone="America/Sao_Paulo",
    )
    assert (user.email, user.display_name, user.role) == ("ana@example.com", "Ana Silva", "student")
    assert user.time_zone == "America/Sao_Paulo"
    stored = stored_user(ctx, user.id).password_hash
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored


def test_register_teacher_creates_an_empty_teacher_profile(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    teacher = register(accounts, "t@example.com", Role.TEACHER)
    with ctx.unit_of_work(write=False) as uow:
        profile = uow.session.get(TeacherProfile, teacher.id)
        assert profile is not None
        assert (profile.bio, list(profile.languages)) == ("", [])
    student = register(accounts, "s@example.com", Role.STUDENT)
    with ctx.unit_of_work(write=False) as uow:
        assert uow.session.get(TeacherProfile, student.id) is None


def test_register_as_admin_is_refused_and_writes_nothing(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    with pytest.raises(PermissionDenied, match="create-admin"):
        register(accounts, role=Role.ADMIN)
    assert count(ctx, User) == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "not a valid email"),
        ("password", "short", "at least 10 characters"),
        ("display_name", "   ", "display name"),
        ("time_zone", "Mars/Olympus_Mons", "Unknown time zone"),
        ("role", "superuser", "role"),
    ],
)
def test_register_with_bad_input_explains_and_writes_nothing(
    ctx: ServiceContext, accounts: AccountService, field: str, value: str, message: str
) -> None:
    arguments: dict[str, object] = {
        "email": "ana@example.com",
        "password": PASSWORD,
        "display_name": "Ana",
        "role": Role.STUDENT,
        "time_zone": "UTC",
        field: value,
    }
    with pytest.raises(ValidationError, match=message):
        accounts.register(**arguments)  # type: ignore[arg-type]
    assert count(ctx, User) == 0


def test_duplicate_email_in_any_case_is_refused_and_writes_nothing(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    register(accounts, "ana@example.com")
    with pytest.raises(Conflict, match="already exists"):
        register(accounts, "ANA@example.com ", Role.TEACHER)
    assert count(ctx, User) == 1
    assert count(ctx, TeacherProfile) == 0


def test_create_admin_makes_an_admin(accounts: AccountService) -> None:
    assert admin(accounts).role is Role.ADMIN


# --- sign-in --------------------------------------------------------------------------------


def test_authenticate_returns_the_user_and_records_the_login(
    ctx: ServiceContext, accounts: AccountService, clock
) -> None:
    user = register(accounts)
    signed_in = accounts.authenticate(email=" ANA@example.com", password=PASSWORD)
    assert signed_in.id == user.id
    assert signed_in.actor.role is Role.STUDENT
    assert stored_user(ctx, user.id).last_login_at == clock.current


def test_a_sign_in_right_or_wrong_tells_no_window_to_reload(engine, clock) -> None:
    """It writes only the attempt counter and the last sign-in, which no view shows: no
    notice in this app, no pg_notify to the others. Registering, which the admin's Users
    page shows, is announced (so the hooks are on)."""
    from sqlalchemy import event

    from linguaflex_desktop.change_feed import ChangeFeed
    from linguaflex_desktop.db import create_session_factory

    feed = ChangeFeed()
    heard: list[frozenset[str]] = []
    feed.subscribe(heard.append)
    ctx = ServiceContext(create_session_factory(engine, change_feed=feed), clock=clock)
    accounts = AccountService(ctx)
    notified: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "pg_notify" in statement:
            notified.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        register(accounts)
        announced = list(notified) if engine.dialect.name == "postgresql" else list(heard)
        assert len(announced) == 1
        notified.clear()
        heard.clear()
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert (notified, heard) == ([], [])
    assert stored_user(ctx, stored_user_id(ctx)).failed_login_count == 1  # written all the same


def stored_user_id(ctx: ServiceContext) -> int:
    with ctx.unit_of_work(write=False) as uow:
        found: int = uow.session.scalars(select(User.id)).one()
        return found


def test_warming_up_the_sign_in_touches_no_account_however_often_it_runs(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    user = register(accounts)
    before = stored_user(ctx, user.id)
    for _ in range(6):  # more than the attempts a lockout allows
        accounts.warm_up_sign_in()
    after = stored_user(ctx, user.id)
    assert (after.failed_login_count, after.failed_login_window_start, after.last_login_at) == (
        before.failed_login_count,
        before.failed_login_window_start,
        before.last_login_at,
    )
    assert accounts.authenticate(email="ana@example.com", password=PASSWORD).id == user.id


def test_after_the_warm_up_a_sign_in_compiles_nothing_and_writes_the_account_once_a_step(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    """Its statements were compiled by the warm-up (on this engine: a fresh one), and each
    of its two transactions (the reservation, the success) updates the account once."""
    register(accounts)
    accounts.warm_up_sign_in()
    seen = statements_run(
        ctx, lambda: accounts.authenticate(email="ana@example.com", password=PASSWORD)
    )
    assert seen
    assert compiled_anew(seen) == []
    updates = [text for text, _hit in seen if text.lstrip().upper().startswith("UPDATE USERS")]
    assert len(updates) == 2


def test_unknown_email_and_wrong_password_get_the_same_message(
    accounts: AccountService,
) -> None:
    register(accounts)
    with pytest.raises(AuthenticationFailed) as unknown:
        accounts.authenticate(email="nobody@example.com", password=PASSWORD)
    with pytest.raises(AuthenticationFailed) as wrong:
        accounts.authenticate(email="ana@example.com", password=WRONG)
    assert str(unknown.value) == str(wrong.value) == GENERIC
    assert type(unknown.value) is type(wrong.value) is AuthenticationFailed


def test_unknown_email_still_spends_a_hash_verification(ctx: ServiceContext) -> None:
    hasher = CountingHasher()
    accounts = AccountService(ctx, password_hasher=hasher)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(email="nobody@example.com", password=PASSWORD)
    assert hasher.verifications == 1


def test_five_failures_lock_the_account_before_any_hashing(ctx: ServiceContext, clock) -> None:
    hasher = CountingHasher()
    accounts = AccountService(ctx, password_hasher=hasher)
    register(accounts)
    for _ in range(5):
        clock.advance(minutes=2)
        with pytest.raises(AuthenticationFailed, match=GENERIC):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    assert hasher.verifications == 5
    with pytest.raises(AccountLocked, match="Too many failed sign-in attempts"):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
    assert hasher.verifications == 5  # the lock was checked before hashing


def test_lock_lasts_fifteen_minutes_from_the_fifth_failure(
    ctx: ServiceContext, accounts: AccountService, clock
) -> None:
    user = register(accounts)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
    clock.advance(seconds=1)
    assert accounts.authenticate(email="ana@example.com", password=PASSWORD).email
    assert stored_user(ctx, user.id).failed_login_count == 0


def test_lock_lasts_fifteen_minutes_from_the_fifth_failure_not_from_the_first(
    accounts: AccountService, clock
) -> None:
    # failures two minutes apart: the first at t0, the fifth at t0 + 8 min
    register(accounts)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
        clock.advance(minutes=2)
    # now t0 + 10 min: 15 minutes after the first failure have passed at t0 + 15 min ...
    clock.advance(minutes=7)
    with pytest.raises(AccountLocked, match="Try again in 6 minutes"):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
    # ... but the lock runs until t0 + 8 min + 15 min = t0 + 23 min
    clock.advance(minutes=5, seconds=59)
    with pytest.raises(AccountLocked, match="Try again in 1 minute\\."):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
    clock.advance(seconds=1)
    assert accounts.authenticate(email="ana@example.com", password=PASSWORD).email


def test_four_failures_do_not_lock_and_the_fifth_does(accounts: AccountService) -> None:
    register(accounts)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    assert accounts.authenticate(email="ana@example.com", password=PASSWORD).email
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    with pytest.raises(AccountLocked, match="Try again in 15 minutes"):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(
    accounts: AccountService, clock
) -> None:
    register(accounts)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    clock.advance(minutes=15, seconds=1)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    assert accounts.authenticate(email="ana@example.com", password=PASSWORD).email


def test_a_successful_sign_in_resets_the_failure_count(accounts: AccountService) -> None:
    register(accounts)
    for _ in range(2):
        for _ in range(4):
            with pytest.raises(AuthenticationFailed):
                accounts.authenticate(email="ana@example.com", password=WRONG)
        accounts.authenticate(email="ana@example.com", password=PASSWORD)


def test_sign_in_rehashes_when_the_parameters_rise(ctx: ServiceContext) -> None:
    user = register(AccountService(ctx))
    stronger = AccountService(ctx, password_hasher=PasswordHasher(time_cost=3))
    stronger.authenticate(email="ana@example.com", password=PASSWORD)
    new_hash = stored_user(ctx, user.id).password_hash
    assert new_hash.startswith("$argon2id$v=19$m=19456,t=3,p=1$")
    assert stronger.authenticate(email="ana@example.com", password=PASSWORD).id == user.id


def test_hasher_refuses_parameters_below_the_owasp_minimum() -> None:
    with pytest.raises(ValueError, match="OWASP"):
        PasswordHasher(time_cost=1)
    with pytest.raises(ValueError, match="OWASP"):
        PasswordHasher(memory_cost_kib=8192)


def test_suspended_user_is_told_so_only_after_the_right_password(
    accounts: AccountService,
) -> None:
    root = admin(accounts)
    user = register(accounts)
    accounts.suspend_user(root.actor, user.id, reason="spam")
    with pytest.raises(AuthenticationFailed) as wrong:
        accounts.authenticate(email="ana@example.com", password=WRONG)
    assert str(wrong.value) == GENERIC
    with pytest.raises(AuthenticationFailed, match="suspended"):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)


# --- remember-me tokens ---------------------------------------------------------------------


def test_remember_token_signs_in_and_only_its_digest_is_stored(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    user = register(accounts)
    token = accounts.issue_remember_token(user.actor)
    assert len(token) >= 43
    with ctx.unit_of_work(write=False) as uow:
        digests = uow.session.scalars(select(AuthToken.token_digest)).all()
    assert list(digests) == [hashlib.sha256(token.encode()).hexdigest()]
    assert accounts.authenticate_token(token).id == user.id


def test_remember_token_expires_after_thirty_days(accounts: AccountService, clock) -> None:
    token = accounts.issue_remember_token(register(accounts).actor)
    clock.advance(days=29, hours=23)
    assert accounts.authenticate_token(token).email == "ana@example.com"
    clock.advance(hours=1)
    with pytest.raises(AuthenticationFailed, match="sign in again"):
        accounts.authenticate_token(token)


def test_revoked_or_unknown_token_is_refused(accounts: AccountService) -> None:
    user = register(accounts)
    token = accounts.issue_remember_token(user.actor)
    other = accounts.issue_remember_token(user.actor)
    accounts.revoke_token(token)
    accounts.revoke_token("no-such-token")  # forgetting an unknown token is harmless
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate_token(token)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate_token("no-such-token")
    assert accounts.authenticate_token(other).id == user.id


def test_suspension_revokes_remember_tokens(accounts: AccountService) -> None:
    root = admin(accounts)
    user = register(accounts)
    token = accounts.issue_remember_token(user.actor)
    accounts.suspend_user(root.actor, user.id)
    accounts.reactivate_user(root.actor, user.id)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate_token(token)


# --- admin ----------------------------------------------------------------------------------


def test_suspend_and_reactivate_are_audited_and_control_sign_in(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    root = admin(accounts)
    user = register(accounts)
    suspended = accounts.suspend_user(root.actor, user.id, reason="chargeback fraud")
    assert suspended.suspended_at is not None
    reactivated = accounts.reactivate_user(root.actor, user.id)
    assert reactivated.suspended_at is None
    assert accounts.authenticate(email="ana@example.com", password=PASSWORD).id == user.id
    with ctx.unit_of_work(write=False) as uow:
        events = uow.session.execute(
            select(
                AuditEvent.action, AuditEvent.actor_id, AuditEvent.entity_id, AuditEvent.reason
            ).order_by(AuditEvent.id)
        ).all()
    assert [tuple(event) for event in events] == [
        ("user.suspended", root.id, user.id, "chargeback fraud"),
        ("user.reactivated", root.id, user.id, ""),
    ]


def test_admin_cannot_suspend_themselves(accounts: AccountService) -> None:
    root = admin(accounts)
    with pytest.raises(PermissionDenied, match="your own account"):
        accounts.suspend_user(root.actor, root.id)


def test_only_admins_manage_users(accounts: AccountService) -> None:
    student = register(accounts, "s@example.com")
    teacher = register(accounts, "t@example.com", Role.TEACHER)
    for call in (
        lambda: accounts.suspend_user(teacher.actor, student.id),
        lambda: accounts.reactivate_user(student.actor, teacher.id),
        lambda: accounts.list_users(student.actor),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_suspended_admin_loses_admin_powers(accounts: AccountService) -> None:
    root = admin(accounts)
    other = accounts.create_admin(email="ops@example.com", password=PASSWORD, display_name="Ops")
    accounts.suspend_user(root.actor, other.id)
    with pytest.raises(PermissionDenied, match="not active"):
        accounts.list_users(other.actor)


def test_list_users_filters_by_role_and_text_and_pages(accounts: AccountService) -> None:
    root = admin(accounts)
    for index in range(3):
        register(accounts, f"student{index}@example.com")
    register(accounts, "maria_teacher@example.com", Role.TEACHER)
    students = accounts.list_users(root.actor, role=Role.STUDENT, offset=1, limit=1)
    assert (students.total, len(students.items), students.items[0].email) == (
        3,
        1,
        "student1@example.com",
    )
    by_text = accounts.list_users(root.actor, text="MARIA_")
    assert [u.email for u in by_text.items] == ["maria_teacher@example.com"]
    assert accounts.list_users(root.actor, text="%").total == 0  # LIKE wildcards are literal


def test_get_user_is_for_self_or_admin(accounts: AccountService) -> None:
    root = admin(accounts)
    ana = register(accounts)
    bob = register(accounts, "bob@example.com")
    assert accounts.get_user(ana.actor, ana.id).email == "ana@example.com"
    assert accounts.get_user(root.actor, bob.id).email == "bob@example.com"
    with pytest.raises(PermissionDenied):
        accounts.get_user(ana.actor, bob.id)
    with pytest.raises(NotFound):
        accounts.get_user(root.actor, 999_999)


def test_concurrent_registrations_of_one_email_create_exactly_one_account(
    ctx: ServiceContext, accounts: AccountService
) -> None:
    def attempt(index: int) -> str:
        try:
            register(accounts, f"SAME@example.com{' ' * index}")
        except Conflict:
            return "conflict"
        return "created"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = sorted(pool.map(attempt, range(4)))
    assert outcomes == ["conflict", "conflict", "conflict", "created"]
    assert count(ctx, User) == 1


# --- sign-in while other attempts run (a hasher that acts while it verifies) -----------------


class ActsWhileVerifying(CountingHasher):
    """Runs ``during`` inside the first verification: what other sign-ins or an admin did
    while this password was being checked."""

    def __init__(self, during: object) -> None:
        super().__init__()
        self.during = during

    def verify(self, stored_hash: str, password: str) -> bool:
        if self.verifications == 0:
            self.verifications += 1
            self.during()  # type: ignore[operator]
            return PasswordHasher.verify(self, stored_hash, password)
        return super().verify(stored_hash, password)


@pytest.mark.parametrize("email", ["not an email", ""])
def test_a_malformed_email_gets_the_generic_message(accounts: AccountService, email: str) -> None:
    with pytest.raises(AuthenticationFailed) as refused:
        accounts.authenticate(email=email, password=PASSWORD)
    assert str(refused.value) == GENERIC


def test_a_password_that_is_not_text_gets_the_generic_message(accounts: AccountService) -> None:
    register(accounts)
    with pytest.raises(AuthenticationFailed) as refused:
        accounts.authenticate(email="ana@example.com", password=None)  # type: ignore[arg-type]
    assert str(refused.value) == GENERIC


def test_a_right_password_overtaken_by_four_wrong_guesses_is_refused_as_locked(
    ctx: ServiceContext,
) -> None:
    others = AccountService(ctx)
    register(others)

    def four_wrong_guesses() -> None:
        for _ in range(4):
            with pytest.raises(AuthenticationFailed):
                others.authenticate(email="ana@example.com", password=WRONG)

    accounts = AccountService(ctx, password_hasher=ActsWhileVerifying(four_wrong_guesses))

    with pytest.raises(AccountLocked, match="Try again in 15 minutes"):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)


def test_a_user_suspended_while_the_password_is_checked_is_told_so(ctx: ServiceContext) -> None:
    plain = AccountService(ctx)
    root = admin(plain)
    user = register(plain)
    accounts = AccountService(
        ctx,
        password_hasher=ActsWhileVerifying(
            lambda: plain.suspend_user(root.actor, user.id, reason="spam")
        ),
    )

    with pytest.raises(AuthenticationFailed) as refused:
        accounts.authenticate(email="ana@example.com", password=PASSWORD)
    assert str(refused.value) == ("This account is suspended. Please contact the LinguaFlex team.")
    assert stored_user(ctx, user.id).last_login_at is None


def test_a_suspended_user_is_told_so_even_when_other_guesses_locked_the_account(
    ctx: ServiceContext,
) -> None:
    others = AccountService(ctx)
    root = admin(others)
    user = register(others)
    others.suspend_user(root.actor, user.id, reason="spam")

    def four_wrong_guesses() -> None:
        for _ in range(4):
            with pytest.raises(AuthenticationFailed):
                others.authenticate(email="ana@example.com", password=WRONG)

    accounts = AccountService(ctx, password_hasher=ActsWhileVerifying(four_wrong_guesses))

    with pytest.raises(AuthenticationFailed, match="suspended"):
        accounts.authenticate(email="ana@example.com", password=PASSWORD)


# --- preparing while the password is checked ------------------------------------------------


def test_while_checking_gets_the_answer_a_right_password_gets_before_the_check(
    accounts: AccountService, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = register(accounts)
    order: list[str] = []
    told: list[UserDTO] = []
    verify = PasswordHasher.verify

    def verifying(hasher: PasswordHasher, stored: str, password: str) -> bool:
        order.append("check")
        return verify(hasher, stored, password)

    monkeypatch.setattr(PasswordHasher, "verify", verifying)

    def while_checking(candidate: UserDTO) -> None:
        order.append("told")
        told.append(candidate)

    answer = accounts.authenticate(
        email="ANA@example.com ", password=PASSWORD, while_checking=while_checking
    )
    assert order == ["told", "check"]
    assert told == [answer] and answer.id == user.id
    with pytest.raises(AuthenticationFailed, match=GENERIC):  # told too: then refused
        accounts.authenticate(email="ana@example.com", password=WRONG, while_checking=told.append)
    assert len(told) == 2


def test_while_checking_is_not_told_of_unknown_suspended_or_locked_accounts(
    accounts: AccountService,
) -> None:
    told: list[UserDTO] = []
    register(accounts)
    with pytest.raises(AuthenticationFailed, match=GENERIC):
        accounts.authenticate(
            email="nobody@example.com", password=PASSWORD, while_checking=told.append
        )
    suspended = register(accounts, "sue@example.com")
    accounts.suspend_user(admin(accounts).actor, suspended.id, reason="spam")
    with pytest.raises(AuthenticationFailed, match="suspended"):
        accounts.authenticate(
            email="sue@example.com", password=PASSWORD, while_checking=told.append
        )
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="ana@example.com", password=WRONG)
    with pytest.raises(AccountLocked):
        accounts.authenticate(
            email="ana@example.com", password=PASSWORD, while_checking=told.append
        )
    assert told == []


def test_a_failing_while_checking_is_logged_and_the_sign_in_goes_on(
    accounts: AccountService, caplog: pytest.LogCaptureFixture
) -> None:
    user = register(accounts)

    def broken(_candidate: UserDTO) -> None:
        raise RuntimeError("window could not be built")

    assert (
        accounts.authenticate(email="ana@example.com", password=PASSWORD, while_checking=broken).id
        == user.id
    )
    assert "preparing for a sign-in failed" in caplog.text
