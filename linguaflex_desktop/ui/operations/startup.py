"""Start-up: the app's data (database, keyring, services) opened behind the sign-in window.

There is no ``OpContext`` yet: the services are what this operation makes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


def open_app_data(
    runner: TaskRunner,
    build: Callable[[], AppServices],
    *,
    on_success: Callable[[AppServices], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """Pool thread: ``build`` the services; ``on_success`` / ``on_failure`` on the GUI thread."""
    runner.run(build, on_success=on_success, on_failure=on_failure)
