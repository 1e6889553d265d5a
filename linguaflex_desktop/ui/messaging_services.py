"""The inbox, meeting and job-admin services the windows use, found from ``AppServices``.

``AppServices`` may carry ``notifications`` / ``meetings`` / ``job_admin`` (the worker shares
them, see ``worker_runtime.build_worker``). Where it does not, one set is built per
``AppServices`` on first use and kept until that object is garbage-collected, so every page
and dialog shares it (and a Zoom client is made once, not per dialog). GUI thread only.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..services.job_admin import JobAdminService
from ..services.meeting_service import MeetingService
from ..services.notification_service import NotificationService
from ..services.worker_runtime import meeting_service_for

if TYPE_CHECKING:
    from ..bootstrap import AppServices


@dataclass(frozen=True)
class MessagingServices:
    notifications: NotificationService
    meetings: MeetingService
    job_admin: JobAdminService


_built: dict[int, MessagingServices] = {}


def messaging_services(services: AppServices) -> MessagingServices:
    """The services of ``services`` (its own attributes first, else built once for it)."""
    key = id(services)
    found = _built.get(key)
    if found is not None:
        return found
    ctx = services.ctx
    notifications = getattr(services, "notifications", None)
    meetings = getattr(services, "meetings", None)
    job_admin = getattr(services, "job_admin", None)
    found = MessagingServices(
        # the window only reads the inbox; e-mail is sent by the worker's own instance
        notifications=notifications or NotificationService(ctx),
        meetings=meetings or meeting_service_for(ctx, services.settings),
        job_admin=job_admin or JobAdminService(ctx),
    )
    _built[key] = found
    weakref.finalize(services, _built.pop, key, None)
    return found
