"""Enumerations of the domain; values are what the database stores."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


class Level(enum.StrEnum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    ALL = "ALL"


class SpokenLevel(enum.StrEnum):
    """How well a teacher speaks a language (shown on their profile): native or a CEFR level."""

    NATIVE = "native"
    C2 = "C2"
    C1 = "C1"
    B2 = "B2"
    B1 = "B1"
    A2 = "A2"
    A1 = "A1"


class BookingStatus(enum.StrEnum):
    PENDING = "PENDING"
    CONFIRMED = "CONFIRMED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
    REFUNDED = "REFUNDED"


class PaymentStatus(enum.StrEnum):
    """The booking's payment status (DESIGN.md section 4)."""

    UNPAID = "UNPAID"
    PENDING = "PENDING"
    PAID = "PAID"
    FAILED = "FAILED"
    REFUNDED = "REFUNDED"


class PaymentAttemptStatus(enum.StrEnum):
    """One PaymentIntent's status as we track it."""

    CREATING = "creating"  # idempotency key stored, Stripe not yet answered
    PENDING = "pending"  # PaymentIntent exists, outcome not known yet
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"


class RefundStatus(enum.StrEnum):
    CREATING = "creating"
    PENDING = "pending"
    REQUIRES_ACTION = "requires_action"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"


class CancellationRequestState(enum.StrEnum):
    """A student's request to cancel a paid booking inside the policy window."""

    OPEN = "open"
    ANSWERED = "answered"


class CancellationAnswer(enum.StrEnum):
    """How a teacher or an admin answered a cancellation request."""

    FULL = "full"  # full refund: the booking is cancelled
    PART = "part"  # partial refund: the session stays booked
    NONE = "none"  # no refund: the session stays booked


class MeetingProvider(enum.StrEnum):
    ZOOM = "zoom"
    JITSI = "jitsi"


class MeetingStatus(enum.StrEnum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"
    DELETED = "deleted"


class JobState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    DEAD = "dead"


class RescheduleStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class BookingEventKind(enum.StrEnum):
    """What happened to a booking, as ``on_booking_transition`` announces it (the inbox rows
    of a transition store this value as their ``kind``)."""

    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    PAYMENT_OVERDUE = "payment_overdue"
    PAID = "paid"
    REFUNDED = "refunded"
    RESCHEDULED = "rescheduled"
    COMPLETED = "completed"


class JobKind(enum.StrEnum):
    """The outbox job kinds (``OutboxJob.kind``); each has a handler in ``worker.handlers``."""

    CREATE_MEETING = "meeting.create"
    DELETE_MEETING = "meeting.delete"
    MOVE_MEETING = "meeting.move"
    SEND_EMAIL = "email.send"
    REMINDER = "booking.reminder"
    ACCOUNT_CODE = "account.code"


class AuditAction(enum.StrEnum):
    """Every ``AuditEvent.action`` the services write: ``<entity>.<what happened>``."""

    BOOKING_REQUESTED = "booking.requested"
    BOOKING_CONFIRMED = "booking.confirmed"
    BOOKING_DECLINED = "booking.declined"
    BOOKING_CANCELLED = "booking.cancelled"
    BOOKING_EXPIRED = "booking.expired"
    BOOKING_PAYMENT_OVERDUE = "booking.payment_overdue"
    BOOKING_COMPLETED = "booking.completed"
    BOOKING_REFUNDED = "booking.refunded"
    BOOKING_PAYMENT_PENDING = "booking.payment_pending"
    BOOKING_PAYMENT_PAID = "booking.payment_paid"
    BOOKING_PAYMENT_FAILED = "booking.payment_failed"
    BOOKING_PAYMENT_REFUNDED = "booking.payment_refunded"
    BOOKING_RESCHEDULE_PROPOSED = "booking.reschedule_proposed"
    BOOKING_RESCHEDULED = "booking.rescheduled"
    BOOKING_RESCHEDULE_DECLINED = "booking.reschedule_declined"
    PAYMENT_CREATED = "payment.created"
    PAYMENT_SUCCEEDED = "payment.succeeded"
    PAYMENT_FAILED = "payment.failed"
    PAYMENT_CANCELED = "payment.canceled"
    PAYMENT_MISMATCH = "payment.mismatch"
    PAYMENT_NEEDS_ATTENTION = "payment.needs_attention"
    PAYMENT_READ_AGAIN = "payment.read_again"  # an admin's "Read again now"
    REFUND_REQUESTED = "refund.requested"
    REFUND_PENDING = "refund.pending"
    REFUND_REQUIRES_ACTION = "refund.requires_action"
    REFUND_SUCCEEDED = "refund.succeeded"
    REFUND_FAILED = "refund.failed"
    REFUND_CANCELED = "refund.canceled"
    REFUND_REFUSED = "refund.refused"
    REFUND_ADOPTED = "refund.adopted"
    REFUND_NEEDS_ATTENTION = "refund.needs_attention"
    REFUND_READ_AGAIN = "refund.read_again"  # an admin's "Read again now"
    PAYOUT_RECORDED = "payout.recorded"
    CANCELLATION_REQUESTED = "cancellation.requested"
    CANCELLATION_ANSWERED = "cancellation.answered"
    CARD_SAVED = "card.saved"
    CARD_REMOVED = "card.removed"
    CARD_DEFAULT_SET = "card.default_set"
    GIG_SUSPENDED = "gig.suspended"
    GIG_REACTIVATED = "gig.reactivated"
    USER_SUSPENDED = "user.suspended"
    USER_REACTIVATED = "user.reactivated"
    USER_PROFILE_CHANGED = "user.profile_changed"
    USER_EMAIL_CHANGED = "user.email_changed"
    USER_PASSWORD_CHANGED = "user.password_changed"
    USER_PASSWORD_RESET = "user.password_reset"
    USER_TEMPORARY_PASSWORD = "user.temporary_password"
    SETTINGS_CHANGED = "settings.changed"
    JOB_RETRY = "job.retry"
    REVIEW_HIDDEN = "review.hidden"
    ATTENTION_FIX = "attention.fix"
