"""What a refund tells whom: the internal reason stays with admins and the audit trail, the
student (and the teacher) read only the message written for the student.

``refund_to_dto`` is the one place a refund becomes a DTO: ``reason`` and Stripe's refund id
are filled for admins only. ``student_message_of`` is what every student-facing text of a
refund says (booking reason, notifications, receipt): the message, or a neutral default for a
refund that has none. Pure; any thread.
"""

from __future__ import annotations

from linguaflex_desktop.models import Refund
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.common.stored_texts import recall
from linguaflex_desktop.services.common.validation import clean_multiline
from linguaflex_desktop.services.payments.dto import RefundDTO
from linguaflex_desktop.texts import tx

DEFAULT_STUDENT_MESSAGE = tx("Refund issued by LinguaFlex")
MAX_STUDENT_MESSAGE_LENGTH = rules.MAX_REASON_LENGTH


def clean_student_message(message: str) -> str:
    """The message to the student, trimmed; '' means the neutral default is shown."""
    return clean_multiline(message, what="message to the student", limit=MAX_STUDENT_MESSAGE_LENGTH)


def student_message_text(message: str) -> str:
    return recall(message) or DEFAULT_STUDENT_MESSAGE


def student_message_of(refund: Refund) -> str:
    return student_message_text(refund.student_message)


def refund_to_dto(refund: Refund, *, admin: bool) -> RefundDTO:
    return RefundDTO(
        id=refund.id,
        payment_id=refund.payment_id,
        amount_minor=refund.amount_minor,
        currency=refund.currency,
        status=refund.status,
        reason=recall(refund.reason) if admin else None,
        student_message=student_message_of(refund),
        stripe_refund_id=refund.stripe_refund_id if admin else None,
        created_at=refund.created_at,
    )
