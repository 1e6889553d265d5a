"""How payments read in the UI: statuses in words, cards, money lines, the sandbox banner.

Pure functions over DTOs (no widgets), usable on any thread. Amounts come from the services;
this module only formats them.
"""

from __future__ import annotations

from datetime import datetime

from linguaflex_desktop.models.enums import PaymentAttemptStatus
from linguaflex_desktop.services.cards.dto import SavedCardDTO
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.payments.dto import PaymentDTO, RefundDTO
from linguaflex_desktop.services.reports.audit_text import ATTEMPT_STATUS_TEXT, REFUND_STATUS_TEXT
from linguaflex_desktop.ui.booking.format import fee_words, format_when

SANDBOX_BANNER = (
    "Sandbox payments, no real money. Test cards: 4242 4242 4242 4242 works · "
    "4000 0000 0000 0341 declined · 4000 0025 0000 3155 3-D Secure"
)
ATTEMPT_TEXT = ATTEMPT_STATUS_TEXT
REFUND_TEXT = REFUND_STATUS_TEXT
NO_AMOUNT = "—"
# Boxes of the payment pages (a widget style sheet, so the shared style.qss stays as it is).
BOX_STYLE = """
#receiptPanel, #totalsBox {
    background: #ffffff;
    border: 1px solid #dde2e7;
    border-radius: 4px;
}
#receiptPanel QLabel, #totalsBox QLabel {
    background: transparent;
    border: none;
}
#totalValue {
    font-weight: 600;
}
"""


def brand_text(brand: str | None) -> str:
    """'visa' -> 'Visa', 'american_express' -> 'American Express'."""
    return (brand or "Card").replace("_", " ").title()


def card_number_text(brand: str | None, last4: str | None) -> str:
    """'Visa •••• 4242' (or '' when the card is not known)."""
    if not last4:
        return ""
    return f"{brand_text(brand)} •••• {last4}"


def card_expiry_text(card: SavedCardDTO) -> str:
    return f"{card.exp_month:02d}/{card.exp_year}"


def card_choice_text(card: SavedCardDTO) -> str:
    """'Visa •••• 4242 · expires 12/2031 · default' for a card picker."""
    parts = [card_number_text(card.brand, card.last4), f"expires {card_expiry_text(card)}"]
    if card.is_default:
        parts.append("default")
    return " · ".join(parts)


def money(amount_minor: int, currency: str) -> str:
    return format_money(amount_minor, currency)


def money_or_dash(amount_minor: int, currency: str) -> str:
    return money(amount_minor, currency) if amount_minor else NO_AMOUNT


def price_line(base_minor: int, fee_minor: int, total_minor: int, currency: str) -> str:
    """'30.00 USD + 1.50 USD platform fee = 31.50 USD' (the service's snapshot); a minimum
    fee says so (``fee_words``)."""
    return (
        f"{money(base_minor, currency)} + {fee_words(base_minor, fee_minor, currency)} "
        f"= {money(total_minor, currency)}"
    )


def when_text(instant: datetime | None, zone_name: str) -> str:
    return format_when(instant, zone_name) if instant is not None else NO_AMOUNT


def attempt_line(payment: PaymentDTO, zone_name: str) -> str:
    """'Wed 3 Mar 2027, 10:00 · Visa •••• 4242 · Failed: Your card was declined.'"""
    parts = [format_when(payment.created_at, zone_name)]
    card = card_number_text(payment.card_brand, payment.card_last4)
    if card:
        parts.append(card)
    status = ATTEMPT_TEXT[payment.status]
    if payment.failure_message and payment.status is not PaymentAttemptStatus.SUCCEEDED:
        status = f"{status}: {payment.failure_message}"
    parts.append(status)
    return " · ".join(parts)


def refund_line(refund: RefundDTO, zone_name: str) -> str:
    """'10.00 USD on Wed 3 Mar 2027, 12:00 · Refunded · “message to the student”'; an admin's
    DTO (it carries the internal reason and Stripe's id) reads '… · re_123 · internal:
    “reason” · to the student: “message”'. A student's DTO has no internal reason to show."""
    parts = [
        f"{money(refund.amount_minor, refund.currency)} on "
        f"{format_when(refund.created_at, zone_name)}",
        REFUND_TEXT[refund.status],
    ]
    if refund.stripe_refund_id:
        parts.append(refund.stripe_refund_id)
    if refund.reason is None:
        parts.append(f"“{refund.student_message}”")
    else:
        parts.append(f"internal: “{refund.reason}”")
        parts.append(f"to the student: “{refund.student_message}”")
    return " · ".join(parts)
