"""Own-account operations: profile, password, e-mail address, forgotten password, and the
admin's temporary password. The ``*_work`` functions run on a pool thread and touch no
widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Unpack

from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.services.accounts.self_service import EmailChangeStarted

log = logging.getLogger(__name__)


def remembered_token(services: AppServices, email: str) -> str | None:
    """Pool thread: this computer's remember-me token when it is ``email``'s, else None."""
    available, _reason = services.remember_me.availability()
    stored = services.remember_me.load() if available else None
    return stored[1] if stored is not None and stored[0] == email else None


def follow_new_email(services: AppServices, old_email: str, user: UserDTO) -> None:
    """Pool thread: a sign-in remembered under the old address is kept under the new one."""
    if user.email == old_email:
        return
    token = remembered_token(services, old_email)
    if token is not None:
        try:
            services.remember_me.save(email=user.email, token=token)
        except Exception:  # the token still works; only the prefilled address is old
            log.warning("could not update the remembered sign-in's address", exc_info=True)


def change_password_work(
    services: AppServices, actor: Actor, *, current_password: str, new_password: str
) -> UserDTO:
    """Pool thread: change the password, keeping this computer's remembered sign-in."""
    return services.own_account.change_password(
        actor,
        current_password=current_password,
        new_password=new_password,
        keep_token=remembered_token(services, actor.email),
    )


def update_profile(
    ctx: OpContext, actor: Actor, *, display_name: str, time_zone: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: the actor's display name and time zone (UserDTO); emits "user"."""
    own = ctx.services.own_account
    change(
        ctx,
        lambda: own.update_profile(actor, display_name=display_name, time_zone=time_zone),
        changed=Change("user", (actor.id,)),
        **cb,
    )


def change_password(
    ctx: OpContext,
    actor: Actor,
    *,
    current_password: str,
    new_password: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: the actor's password (UserDTO, ``must_change_password`` cleared)."""
    services = ctx.services
    change(
        ctx,
        lambda: change_password_work(
            services, actor, current_password=current_password, new_password=new_password
        ),
        changed=Change("user", (actor.id,)),
        **cb,
    )


def start_email_change(
    ctx: OpContext,
    actor: Actor,
    *,
    new_email: str,
    current_password: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: a new address, at once or by a code sent to it (EmailChangeStarted)."""
    services = ctx.services

    def work() -> EmailChangeStarted:
        started = services.own_account.start_email_change(
            actor, new_email=new_email, current_password=current_password
        )
        follow_new_email(services, actor.email, started.user)
        return started

    change(ctx, work, changed=Change("user", (actor.id,)), **cb)


def confirm_email_change(
    ctx: OpContext, actor: Actor, *, code: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: the code sent to the new address (UserDTO with it)."""
    services = ctx.services

    def work() -> UserDTO:
        user = services.own_account.confirm_email_change(actor, code=code)
        follow_new_email(services, actor.email, user)
        return user

    change(ctx, work, changed=Change("user", (actor.id,)), **cb)


def request_reset(ctx: OpContext, *, email: str, **cb: Unpack[Callbacks]) -> None:
    """Query-like: ask for a reset code to ``email`` (None, whether it has an account or not)."""
    resets = ctx.services.password_resets
    query(ctx, lambda: resets.request_reset(email=email), **cb)


def reset_password(
    ctx: OpContext, *, email: str, code: str, new_password: str, **cb: Unpack[Callbacks]
) -> None:
    """Query-like: set a new password with the code (None); nobody is signed in by it."""
    resets = ctx.services.password_resets
    query(
        ctx,
        lambda: resets.reset_password(email=email, code=code, new_password=new_password),
        **cb,
    )


def set_temporary_password(
    ctx: OpContext,
    actor: Actor,
    user_id: int,
    *,
    temporary_password: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: an admin gives a user a temporary password (UserDTO); emits "user"."""
    resets = ctx.services.password_resets
    change(
        ctx,
        lambda: resets.set_temporary_password(
            actor, user_id, temporary_password=temporary_password
        ),
        changed=Change("user", (user_id,)),
        **cb,
    )


def record_language(ctx: OpContext, actor: Actor, code: str) -> None:
    """Background: keep the UI language on the account, so the notifications and e-mails
    written for the actor are in it. A failure is only logged (the app works on; messages
    go on in the language last recorded)."""
    own = ctx.services.own_account

    def failed(error: BaseException) -> None:
        log.warning("could not record the account's language %r: %s", code, error)

    query(ctx, lambda: own.set_language(actor, code), on_success=None, on_failure=failed)
