"""Accounts operations: sign-in, registration, remembered sign-in, the admin's user list and
suspensions, and the demo data offer. The ``*_work`` functions and lambdas run on a pool
thread and touch no widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from linguaflex_desktop.errors import AuthenticationFailed, UserFacingError
from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.services.common.dto import Actor, UserDTO

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResumeResult:
    """Outcome of the start-up check of a remembered sign-in."""

    user: UserDTO | None = None
    email: str | None = None
    expired: bool = False


def sign_in_work(
    services: AppServices,
    *,
    email: str,
    password: str,
    remember: bool,
    while_checking: Callable[[UserDTO], None] | None = None,
) -> UserDTO:
    """Pool thread: authenticate and, if asked, store a remember-me token in the keyring."""
    user = services.accounts.authenticate(
        email=email, password=password, while_checking=while_checking
    )
    if remember:
        remember_user(services, user)
    return user


def remember_user(services: AppServices, user: UserDTO) -> None:
    """Pool thread: issue a token and save it; a token that cannot be saved is revoked."""
    available, reason = services.remember_me.availability()
    if not available:
        log.info("not remembering %s: %s", user.email, reason)
        return
    token = services.accounts.issue_remember_token(user.actor)
    try:
        services.remember_me.save(email=user.email, token=token)
    except Exception:
        services.accounts.revoke_token(token)
        raise


def register_work(
    services: AppServices,
    *,
    email: str,
    password: str,
    display_name: str,
    role: Role,
    time_zone: str,
) -> UserDTO:
    """Pool thread: create the account, then sign in through the normal path."""
    services.accounts.register(
        email=email, password=password, display_name=display_name, role=role, time_zone=time_zone
    )
    return services.accounts.authenticate(email=email, password=password)


def resume_remembered_work(services: AppServices) -> ResumeResult:
    """Pool thread: sign in with the remembered token; forget it if the service refuses it."""
    available, _reason = services.remember_me.availability()
    stored = services.remember_me.load() if available else None
    if stored is None:
        return ResumeResult()
    email, token = stored
    try:
        return ResumeResult(user=services.accounts.authenticate_token(token), email=email)
    except UserFacingError as error:
        log.info("remembered sign-in for %s refused: %s", email, error)
        services.remember_me.forget()
        return ResumeResult(email=email, expired=True)


def sign_out_work(services: AppServices) -> None:
    """Pool thread: revoke and forget a remembered token (forgotten even if revoke fails)."""
    available, _reason = services.remember_me.availability()
    stored = services.remember_me.load() if available else None
    if stored is None:
        return
    try:
        services.accounts.revoke_token(stored[1])
    finally:
        services.remember_me.forget()


def demo_sign_in_work(services: AppServices, role: Role) -> UserDTO:
    """Pool thread: sign in as the first demo account of ``role``, seeding demo data if absent."""
    from linguaflex_desktop.demo.data import demo_accounts, seed_demo_data

    email, password = next((e, p) for e, p, r in demo_accounts() if r is role)
    try:
        return services.accounts.authenticate(email=email, password=password)
    except AuthenticationFailed:
        log.info("demo account %s missing: seeding demo data", email)
        seed_demo_data(services.ctx)
        return services.accounts.authenticate(email=email, password=password)


def remember_availability(ctx: OpContext, **cb: Unpack[Callbacks]) -> None:
    """Query: whether a sign-in can be remembered (keyring check), as (available, reason)."""
    query(ctx, ctx.services.remember_me.availability, **cb)


def sign_in(
    ctx: OpContext,
    *,
    email: str,
    password: str,
    remember: bool,
    on_checking: Callable[[UserDTO], None] | None = None,
    **cb: Unpack[Callbacks],
) -> None:
    """Query-like: authenticate (and remember); the UserDTO goes to ``on_success``. With
    ``on_checking``, the account a right password signs in (``AccountService.authenticate``'s
    ``while_checking``) goes to it on the GUI thread while the password is checked."""
    services, runner, owner = ctx.services, ctx.runner, cb.get("owner")
    while_checking = None
    if on_checking is not None:
        checking = on_checking

        def while_checking(user: UserDTO) -> None:  # on the pool thread
            runner.post(checking, user, owner=owner)

    query(
        ctx,
        lambda: sign_in_work(
            services,
            email=email,
            password=password,
            remember=remember,
            while_checking=while_checking,
        ),
        **cb,
    )


def warm_up_sign_in(ctx: OpContext) -> None:
    """Query: ``warm_up_sign_in_work``, while the user types; a failure is logged (the
    sign-in then pays those costs itself)."""
    services = ctx.services
    query(
        ctx,
        lambda: warm_up_sign_in_work(services),
        on_failure=lambda error: log.warning("sign-in not warmed up: %s", error),
    )


def warm_up_sign_in_work(services: AppServices) -> None:
    """Pool thread: a process's first sign-in's first-use costs, paid ahead. The sign-in's
    own (the password check, compiling its statements), then compiling the first loads of
    the window most sign-ins open, a student's: the catalogue's, the unread messages' and
    the inbox's (the last two a teacher's and the inbox an admin's too)."""
    services.accounts.warm_up_sign_in()
    services.catalogue.warm_up()
    services.conversations.warm_up()
    services.notifications.warm_up()


def resume_remembered(ctx: OpContext, **cb: Unpack[Callbacks]) -> None:
    """Query: the remembered sign-in's ResumeResult."""
    services = ctx.services
    query(ctx, lambda: resume_remembered_work(services), **cb)


def sign_out(ctx: OpContext, **cb: Unpack[Callbacks]) -> None:
    """Revoke and forget the remembered token."""
    services = ctx.services
    query(ctx, lambda: sign_out_work(services), **cb)


def demo_sign_in(ctx: OpContext, role: Role, **cb: Unpack[Callbacks]) -> None:
    """Sign in as the demo account of ``role`` (seeding demo data if needed)."""
    services = ctx.services
    change(ctx, lambda: demo_sign_in_work(services, role), changed=Change("user"), **cb)


def register(ctx: OpContext, *, values: dict[str, Any], **cb: Unpack[Callbacks]) -> None:
    """Change: create the account and sign in (UserDTO); emits "user"."""
    services = ctx.services
    change(
        ctx,
        lambda: register_work(services, **values),
        changed=lambda user: Change("user", (user.id,)),
        **cb,
    )


def list_users(
    ctx: OpContext,
    actor: Actor,
    *,
    role: Role | None = None,
    text: str = "",
    offset: int = 0,
    limit: int,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: a page of users (admin)."""
    accounts = ctx.services.accounts
    query(
        ctx,
        lambda: accounts.list_users(actor, role=role, text=text, offset=offset, limit=limit),
        **cb,
    )


def suspend_user(
    ctx: OpContext, actor: Actor, user_id: int, *, reason: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: suspend a user (admin); emits "user" (their gigs and bookings may follow)."""
    accounts = ctx.services.accounts
    change(
        ctx,
        lambda: accounts.suspend_user(actor, user_id, reason=reason),
        changed=Change("user", (user_id,), frozenset({"gig", "booking"})),
        **cb,
    )


def reactivate_user(ctx: OpContext, actor: Actor, user_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: reactivate a user (admin); emits "user"."""
    accounts = ctx.services.accounts
    change(
        ctx,
        lambda: accounts.reactivate_user(actor, user_id),
        changed=Change("user", (user_id,), frozenset({"gig"})),
        **cb,
    )


def check_empty_database(ctx: OpContext, **cb: Unpack[Callbacks]) -> None:
    """Query: a ``FirstStartState`` (is the database empty; which demo accounts can sign in)."""
    from linguaflex_desktop.demo.data import demo_accounts
    from linguaflex_desktop.services.accounts.first_start import (
        active_accounts_among,
        has_no_users,
    )

    app_ctx = ctx.services.ctx

    def state() -> FirstStartState:
        if has_no_users(app_ctx):
            return FirstStartState(empty=True, demo_accounts=())
        present = active_accounts_among(app_ctx, [email for email, _, _ in demo_accounts()])
        return FirstStartState(
            empty=False,
            demo_accounts=tuple(account for account in demo_accounts() if account[0] in present),
        )

    query(ctx, state, **cb)


@dataclass(frozen=True)
class FirstStartState:
    """What the sign-in window offers: demo data to load (an empty database), or the demo
    accounts (email, password, role) that exist and may sign in."""

    empty: bool
    demo_accounts: tuple[tuple[str, str, Role], ...]


def load_demo_data(ctx: OpContext, **cb: Unpack[Callbacks]) -> None:
    """Change: seed the demo data (DemoSeedResult); everything is new."""
    from linguaflex_desktop.demo.data import seed_demo_data

    app_ctx = ctx.services.ctx
    change(
        ctx,
        lambda: seed_demo_data(app_ctx),
        changed=Change("user", (), frozenset({"gig", "booking", "payment", "availability"})),
        **cb,
    )
