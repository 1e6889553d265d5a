"""SQLAlchemy 2.x models and enums. No Qt, no services."""

from .accounts import AuthToken, TeacherProfile, User
from .base import Base, UTCDateTime, utcnow
from .booking import Rating, RescheduleProposal, SessionBooking
from .catalogue import AvailabilityException, AvailabilityRule, Gig
from .enums import (
    BookingStatus,
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
from .messaging import AuditEvent, Meeting, Notification, OutboxJob
from .payment import Payment, PendingCardSetup, Refund, SavedCard, StripeCustomer

__all__ = [
    "AuditEvent",
    "AuthToken",
    "AvailabilityException",
    "AvailabilityRule",
    "Base",
    "BookingStatus",
    "Gig",
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
