"""How payments read in the UI: statuses in words, cards, money lines, the sandbox banner.

Pure functions over DTOs (no widgets), usable on any thread. Amounts come from the services;
this module only formats them, in the current language and locale (``ui.i18n``).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from linguaflex_desktop.models.enums import PaymentAttemptStatus
from linguaflex_desktop.services.cards.dto import SavedCardDTO
from linguaflex_desktop.services.common.pricing import (
    PLATFORM_FEE_PERCENT,
    format_money,
    minimum_fee_applied,
    percent_fee_minor,
)
from linguaflex_desktop.services.payments.dto import PaymentDTO, RefundDTO
from linguaflex_desktop.services.reports.audit_text import ATTEMPT_STATUS_TEXT, REFUND_STATUS_TEXT
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import local
from linguaflex_desktop.ui.i18n import day_text, localize, money_text, number_text, t

SANDBOX_BANNER = tx(
    "Sandbox payments, no real money. Test cards: 4242 4242 4242 4242 works · "
    "4000 0000 0000 0341 declined · 4000 0025 0000 3155 3-D Secure"
)
ATTEMPT_TEXT = ATTEMPT_STATUS_TEXT
REFUND_TEXT = REFUND_STATUS_TEXT
NO_AMOUNT = "—"


def brand_text(brand: str | None) -> str:
    """'visa' -> 'Visa', 'american_express' -> 'American Express' (a brand name: not
    translated; the CSV export uses it too)."""
    return (brand or "Card").replace("_", " ").title()


def shown_brand_text(brand: str | None) -> str:
    """The brand as the UI shows it: an unknown brand is "Card" in the reader's language."""
    return brand_text(brand) if brand else t("Card")


def card_number_text(brand: str | None, last4: str | None) -> str:
    """'Visa •••• 4242' (or '' when the card is not known)."""
    if not last4:
        return ""
    return f"{shown_brand_text(brand)} •••• {last4}"


def card_ending_text(brand: str | None, last4: str) -> str:
    """'Visa ending in 4242'."""
    return t("{brand} ending in {last4}", brand=shown_brand_text(brand), last4=last4)


def card_expiry_text(card: SavedCardDTO) -> str:
    return f"{card.exp_month:02d}/{card.exp_year}"


def card_choice_text(card: SavedCardDTO) -> str:
    """'Visa •••• 4242 · expires 12/2031 · default' for a card picker."""
    parts = [
        card_number_text(card.brand, card.last4),
        t("expires {date}", date=card_expiry_text(card)),
    ]
    if card.is_default:
        parts.append(t("default"))
    return " · ".join(parts)


def money(amount_minor: int, currency: str) -> str:
    """The amount in the current locale: '1,234.50 USD' / '1234,50 USD'. Without a locale
    (the "C" one: no language applied, e.g. outside the app) the English form."""
    if QLocale().language() == QLocale.Language.C:
        return format_money(amount_minor, currency)
    return money_text(amount_minor, currency)


def fee_text(base_minor: int, fee_minor: int, currency: str) -> str:
    """'1.50 USD platform fee', or, when the minimum applies, '1.00 USD platform fee (the
    minimum; 5 % would be 0.38 USD)'."""
    fee = money(fee_minor, currency)
    if not minimum_fee_applied(base_minor, fee_minor, currency):
        return t("{fee} platform fee", fee=fee)
    return t(
        "{fee} platform fee (the minimum; {percent} % would be {amount})",
        fee=fee,
        percent=number_text(PLATFORM_FEE_PERCENT),
        amount=money(percent_fee_minor(base_minor), currency),
    )


def fee_amount_text(base_minor: int, fee_minor: int, currency: str) -> str:
    """The fee beside its "Platform fee" label: '1.50 USD', or, when the minimum applies,
    '1.00 USD (the minimum; 5 % would be 0.38 USD)'."""
    fee = money(fee_minor, currency)
    if not minimum_fee_applied(base_minor, fee_minor, currency):
        return fee
    return t(
        "{fee} (the minimum; {percent} % would be {amount})",
        fee=fee,
        percent=number_text(PLATFORM_FEE_PERCENT),
        amount=money(percent_fee_minor(base_minor), currency),
    )


def money_or_dash(amount_minor: int, currency: str) -> str:
    return money(amount_minor, currency) if amount_minor else NO_AMOUNT


def price_line(base_minor: int, fee_minor: int, total_minor: int, currency: str) -> str:
    """'30.00 USD + 1.50 USD platform fee = 31.50 USD' (the service's snapshot); a minimum
    fee says so (``fee_text``)."""
    return t(
        "{base} + {fee} = {total}",
        base=money(base_minor, currency),
        fee=fee_text(base_minor, fee_minor, currency),
        total=money(total_minor, currency),
    )


def when_text(instant: datetime | None, zone_name: str) -> str:
    """'Wed 3 Mar 2027, 11:00' in ``zone_name`` (UTC for an unknown zone), in the current
    locale; a dash for None."""
    if instant is None:
        return NO_AMOUNT
    moment = local(instant, zone_name)
    return f"{day_text(moment.date())}, {moment:%H:%M}"


def date_text(day: date) -> str:
    """'03 Mar 2027' / '03 mar 2027': the day and the locale's short month name."""
    month = QLocale().monthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{day.day:02d} {month} {day.year}"


def attempt_line(payment: PaymentDTO, zone_name: str) -> str:
    """'Wed 3 Mar 2027, 10:00 · Visa •••• 4242 · Failed: Your card was declined.'"""
    parts = [when_text(payment.created_at, zone_name)]
    card = card_number_text(payment.card_brand, payment.card_last4)
    if card:
        parts.append(card)
    status = localize(ATTEMPT_TEXT[payment.status])
    if payment.failure_message and payment.status is not PaymentAttemptStatus.SUCCEEDED:
        status = t("{status}: {reason}", status=status, reason=localize(payment.failure_message))
    parts.append(status)
    return " · ".join(parts)


def refund_line(refund: RefundDTO, zone_name: str) -> str:
    """'10.00 USD on Wed 3 Mar 2027, 12:00 · Refunded · “message to the student”'; an admin's
    DTO (it carries the internal reason and Stripe's id) reads '… · re_123 · internal:
    “reason” · to the student: “message”'. A student's DTO has no internal reason to show."""
    parts = [
        t(
            "{amount} on {when}",
            amount=money(refund.amount_minor, refund.currency),
            when=when_text(refund.created_at, zone_name),
        ),
        localize(REFUND_TEXT[refund.status]),
    ]
    if refund.stripe_refund_id:
        parts.append(refund.stripe_refund_id)
    message = localize(refund.student_message)
    if refund.reason is None:
        parts.append(f"“{message}”")
    else:
        parts.append(t("internal: “{reason}”", reason=refund.reason))
        parts.append(t("to the student: “{message}”", message=message))
    return " · ".join(parts)
