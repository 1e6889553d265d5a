"""Settings operations (admin): view and save the stored settings. The lambdas run on a pool
thread and touch no widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.settings.service import StoredSettings
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query


def view_settings(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the SettingsView."""
    service = ctx.services.settings_service
    query(ctx, lambda: service.view(actor), **cb)


def save_settings(
    ctx: OpContext,
    actor: Actor,
    *,
    values: StoredSettings,
    secrets: dict[str, str],
    clear_secrets: list[str],
    **cb: Unpack[Callbacks],
) -> None:
    """Change: save the settings (SettingsView); emits "settings"."""
    service = ctx.services.settings_service
    change(
        ctx,
        lambda: service.save(actor, values=values, secrets=secrets, clear_secrets=clear_secrets),
        changed=Change("settings"),
        **cb,
    )
