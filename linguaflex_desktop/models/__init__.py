"""SQLAlchemy 2.x models and enums. No Qt, no services."""

from linguaflex_desktop.models.accounts import AuthToken, TeacherProfile, User
from linguaflex_desktop.models.base import Base, UTCDateTime, utcnow
from linguaflex_desktop.models.booking import Rating, RescheduleProposal, SessionBooking
from linguaflex_desktop.models.catalogue import AvailabilityException, AvailabilityRule, Gig
from linguaflex_desktop.models.enums import (
    AuditAction,
    BookingEventKind,
    BookingStatus,
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
)
from linguaflex_desktop.models.messaging import AuditEvent, Meeting, Notification, OutboxJob
from linguaflex_desktop.models.payment import (
    Payment,
    PendingCardSetup,
    Refund,
    SavedCard,
    StripeCustomer,
)

__all__ = [
    "AuditAction",
    "AuditEvent",
    "AuthToken",
    "AvailabilityException",
    "AvailabilityRule",
    "Base",
    "BookingEventKind",
    "BookingStatus",
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
    "StripeCustomer",
    "TeacherProfile",
    "UTCDateTime",
    "User",
    "utcnow",
]
