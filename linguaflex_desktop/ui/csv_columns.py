"""The columns of each CSV export: what an accountant reads (pure, no widgets, any thread).

The words are the ones the tables on screen use (statuses, record kinds); amounts in major
units with the currency code in a column of its own, never summed across currencies; times in
the viewer's zone with their offset (``csv_export.local_time``), so the file says which zone
it is in.
"""

from __future__ import annotations

from datetime import datetime

from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.payments.dto import EarningsLine, PaymentDTO
from linguaflex_desktop.services.reports.audit_text import (
    action_text,
    actor_text,
    fields_line,
    record_text,
)
from linguaflex_desktop.services.reports.csv_export import CsvColumn, local_time, major_units
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.ui.booking.format import PAYMENT_TEXT, STATUS_TEXT, meeting_text
from linguaflex_desktop.ui.payments.format import ATTEMPT_TEXT, brand_text


def _time_or_blank(instant: datetime | None, zone: str) -> str:
    return "" if instant is None else local_time(instant, zone)


def payment_csv_columns(zone: str) -> tuple[CsvColumn[PaymentDTO], ...]:
    """One row per payment attempt, as the admin's payments list shows them."""
    return (
        CsvColumn("Payment", lambda p: str(p.id)),
        CsvColumn("Created", lambda p: local_time(p.created_at, zone)),
        CsvColumn("Succeeded", lambda p: _time_or_blank(p.succeeded_at, zone)),
        CsvColumn("Booking", lambda p: str(p.booking_id)),
        CsvColumn("Student", lambda p: p.student_name),
        CsvColumn("Teacher", lambda p: p.teacher_name),
        CsvColumn("Gig", lambda p: p.gig_title),
        CsvColumn("Amount", lambda p: major_units(p.amount_minor, p.currency)),
        CsvColumn("Platform fee", lambda p: major_units(p.fee_minor, p.currency)),
        CsvColumn("Teacher share", lambda p: major_units(p.teacher_share_minor, p.currency)),
        CsvColumn("Refunded", lambda p: major_units(p.refunded_minor, p.currency)),
        CsvColumn("Currency", lambda p: p.currency),
        CsvColumn("Status", lambda p: ATTEMPT_TEXT[p.status]),
        CsvColumn("Failure", lambda p: p.failure_message or ""),
        CsvColumn("Card", lambda p: _card(p)),
        CsvColumn("PaymentIntent", lambda p: p.stripe_payment_intent_id or ""),
    )


def _card(payment: PaymentDTO) -> str:
    if not payment.card_last4:
        return ""
    return f"{brand_text(payment.card_brand)} ending {payment.card_last4}"


def audit_csv_columns(zone: str) -> tuple[CsvColumn[AuditEventDTO], ...]:
    """One row per audit event; the recorded fields before and after in words."""
    return (
        CsvColumn("Event", lambda e: str(e.id)),
        CsvColumn("When", lambda e: local_time(e.created_at, zone)),
        CsvColumn("Who", lambda e: actor_text(e)),
        CsvColumn("Email", lambda e: e.actor_email or ""),
        CsvColumn("Action", lambda e: action_text(e.action)),
        CsvColumn("Action code", lambda e: e.action),
        CsvColumn("Record", lambda e: record_text(e)),
        CsvColumn("Reason", lambda e: e.reason),
        CsvColumn("Before", lambda e: fields_line(e.before, zone=zone, entity_type=e.entity_type)),
        CsvColumn("After", lambda e: fields_line(e.after, zone=zone, entity_type=e.entity_type)),
    )


def earnings_csv_columns(zone: str) -> tuple[CsvColumn[EarningsLine], ...]:
    """The teacher's paid sessions, as the earnings table shows them."""
    return (
        CsvColumn("Booking", lambda line: str(line.booking_id)),
        CsvColumn("Session", lambda line: local_time(line.start_at, zone)),
        CsvColumn("Student", lambda line: line.student_name),
        CsvColumn("Gig", lambda line: line.gig_title),
        CsvColumn("Status", lambda line: STATUS_TEXT[line.booking_status]),
        CsvColumn("Gross", lambda line: major_units(line.gross_minor, line.currency)),
        CsvColumn("Platform fee", lambda line: major_units(line.fee_minor, line.currency)),
        CsvColumn("Your share", lambda line: major_units(line.share_minor, line.currency)),
        CsvColumn("Refunded", lambda line: major_units(line.refunded_minor, line.currency)),
        CsvColumn(
            "You keep", lambda line: major_units(line.share_after_refunds_minor, line.currency)
        ),
        CsvColumn("Currency", lambda line: line.currency),
    )


def booking_csv_columns(zone: str) -> tuple[CsvColumn[BookingDTO], ...]:
    """One row per booking, as the admin's bookings list shows them, with its price."""
    return (
        CsvColumn("Booking", lambda b: str(b.id)),
        CsvColumn("Starts", lambda b: local_time(b.start_at, zone)),
        CsvColumn("Ends", lambda b: local_time(b.end_at, zone)),
        CsvColumn("Student", lambda b: b.student_name),
        CsvColumn("Teacher", lambda b: b.teacher_name),
        CsvColumn("Gig", lambda b: b.gig_title),
        CsvColumn("Status", lambda b: STATUS_TEXT[b.status]),
        CsvColumn("Payment", lambda b: PAYMENT_TEXT[b.payment_status]),
        CsvColumn("Meeting", lambda b: "" if b.meeting_status is None else meeting_text(b)),
        CsvColumn("Total", lambda b: major_units(b.total_minor, b.currency)),
        CsvColumn("Platform fee", lambda b: major_units(b.fee_minor, b.currency)),
        CsvColumn("Teacher share", lambda b: major_units(b.teacher_share_minor, b.currency)),
        CsvColumn("Refunded", lambda b: major_units(b.refunded_minor, b.currency)),
        CsvColumn("Currency", lambda b: b.currency),
        CsvColumn("Booked", lambda b: local_time(b.created_at, zone)),
        CsvColumn("Reason", lambda b: b.status_reason),
    )
