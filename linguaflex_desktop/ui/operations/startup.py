"""Start-up: the app's data (database, keyring, services) opened behind the sign-in window
(there is no ``OpContext`` yet: the services are what ``open_app_data`` makes), then the
database connections the first role window will use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from linguaflex_desktop.ui.operations import OpContext, query
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

log = logging.getLogger(__name__)


def open_app_data(
    runner: TaskRunner,
    build: Callable[[], AppServices],
    *,
    on_success: Callable[[AppServices], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """Pool thread: ``build`` the services; ``on_success`` / ``on_failure`` on the GUI thread."""
    runner.run(build, on_success=on_success, on_failure=on_failure)


def open_spare_connections(ctx: OpContext) -> None:
    """Query: the database connections the first role window's loads will use, opened
    while the user types (``AppServices.open_spare_connections``); a failure is logged (the
    loads then open their own)."""
    query(
        ctx,
        ctx.services.open_spare_connections,
        on_failure=lambda error: log.warning("no database connections opened ahead: %s", error),
    )
