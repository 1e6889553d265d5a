"""SQLAlchemy 2.x models and enums. No Qt, no services.

The enums (``models.enums``) are plain Python and load at once. The ORM classes load together,
on first access of any of them (PEP 562 ``__getattr__``): every mapped class is then in the
registry before SQLAlchemy resolves relationships, and a module that only needs an enum (a
DTO, a window) does not load the mappers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from linguaflex_desktop.models.enums import (
    AuditAction,
    BookingEventKind,
    BookingStatus,
    CancellationAnswer,
    CancellationRequestState,
    JobKind,
    JobState,
    Level,
    MeetingProvider,
    MeetingStatus,
    PaymentAttemptStatus,
    PaymentStatus,
    RefundStatus,
    RescheduleStatus,
    Role,
    SpokenLevel,
)

if TYPE_CHECKING:
    from linguaflex_desktop.models.accounts import AccountCode, AuthToken, TeacherProfile, User
    from linguaflex_desktop.models.base import Base, UTCDateTime, utcnow
    from linguaflex_desktop.models.booking import Rating, RescheduleProposal, SessionBooking
    from linguaflex_desktop.models.cancellation import CancellationRequest
    from linguaflex_desktop.models.catalogue import AvailabilityException, AvailabilityRule, Gig
    from linguaflex_desktop.models.conversation import BookingMessage
    from linguaflex_desktop.models.messaging import AuditEvent, Meeting, Notification, OutboxJob
    from linguaflex_desktop.models.payment import (
        Payment,
        PendingCardSetup,
        Refund,
        SavedCard,
        StripeCustomer,
        TeacherPayout,
    )

_ORM_MODULES = {
    "accounts": ("AccountCode", "AuthToken", "TeacherProfile", "User"),
    "base": ("Base", "UTCDateTime", "utcnow"),
    "booking": ("Rating", "RescheduleProposal", "SessionBooking"),
    "cancellation": ("CancellationRequest",),
    "catalogue": ("AvailabilityException", "AvailabilityRule", "Gig"),
    "conversation": ("BookingMessage",),
    "messaging": ("AuditEvent", "Meeting", "Notification", "OutboxJob"),
    "payment": (
        "Payment",
        "PendingCardSetup",
        "Refund",
        "SavedCard",
        "StripeCustomer",
        "TeacherPayout",
    ),
}
_ORM_NAMES = frozenset(name for names in _ORM_MODULES.values() for name in names)


def __getattr__(name: str) -> Any:
    if name not in _ORM_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for module_name, names in _ORM_MODULES.items():
        module = importlib.import_module(f"{__name__}.{module_name}")
        globals().update({each: getattr(module, each) for each in names})
    return globals()[name]


__all__ = [
    "AccountCode",
    "AuditAction",
    "AuditEvent",
    "AuthToken",
    "AvailabilityException",
    "AvailabilityRule",
    "Base",
    "BookingEventKind",
    "BookingMessage",
    "BookingStatus",
    "CancellationAnswer",
    "CancellationRequest",
    "CancellationRequestState",
    "Gig",
    "JobKind",
    "JobState",
    "Level",
    "Meeting",
    "MeetingProvider",
    "MeetingStatus",
    "Notification",
    "OutboxJob",
    "Payment",
    "PaymentAttemptStatus",
    "PaymentStatus",
    "PendingCardSetup",
    "Rating",
    "Refund",
    "RefundStatus",
    "RescheduleProposal",
    "RescheduleStatus",
    "Role",
    "SavedCard",
    "SessionBooking",
    "SpokenLevel",
    "StripeCustomer",
    "TeacherPayout",
    "TeacherProfile",
    "UTCDateTime",
    "User",
    "utcnow",
]
