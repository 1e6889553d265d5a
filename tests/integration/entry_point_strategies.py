"""Hypothesis strategies for the entry-point properties: hostile text, numbers, instants and
values of the wrong type, and the one assertion every property makes.

Every strategy for a typed parameter mixes plausible values of the right type (so the calls
reach the database, not only the first check) with edge values and with ``anything`` (values of
any other type), because the UI is not the only caller a service must survive.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from linguaflex_desktop.errors import LinguaFlexError
from linguaflex_desktop.models import (
    BookingStatus,
    Level,
    PaymentAttemptStatus,
    PaymentStatus,
    Role,
)
from linguaflex_desktop.services.booking.dto import BookingFilter
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.services.settings.service import StoredSettings

# max_examples comes from the loaded profile (tests/conftest.py), so a local run can ask for more
PROPERTY = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # FakeClock's start

# --- text -----------------------------------------------------------------------------------

HOSTILE_CHARACTERS = [
    "\x00",  # Postgres cannot store it
    "\x07",
    "\t",
    "\n",
    "\r",
    "\x85",
    "\u2028",
    "\u202e",  # bidi override
    "\u2066",
    "\u200f",
    "\ufeff",
    "\U0001f600",
    "\uffff",
    "%",
    "_",
    "\\",
    "'",
    '"',
]

long_text = st.builds(
    lambda char, count: char * count,
    st.sampled_from(["a", "é", "\u4e2d", "\U0001f600", " ", "%"]),
    st.sampled_from([199, 200, 201, 255, 256, 1000, 1001, 5001, 100_000]),
)
text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE_CHARACTERS), max_size=4).map("".join),
    st.builds(lambda a, b: a + b, st.text(max_size=8), st.sampled_from(HOSTILE_CHARACTERS)),
    long_text,
)

# --- numbers --------------------------------------------------------------------------------

EDGE_INTS = [
    0,
    -1,
    1,
    15,
    30,
    60,
    2**31 - 1,
    2**31,
    -(2**31) - 1,
    2**63 - 1,
    2**63,
    -(2**63) - 1,
    2**64,
    10**100,
    -(10**100),
]
integers = st.one_of(
    st.sampled_from(EDGE_INTS),
    st.integers(min_value=-1000, max_value=1000),
    st.integers(min_value=-(2**80), max_value=2**80),
)
floats = st.floats(allow_nan=True, allow_infinity=True)

# --- instants -------------------------------------------------------------------------------

offsets = st.builds(
    lambda minutes: timezone(timedelta(minutes=minutes)),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
)
naive_datetimes = st.one_of(
    st.datetimes(), st.sampled_from([datetime.min, datetime.max, NOW.replace(tzinfo=None)])
)
aware_datetimes = st.one_of(
    st.datetimes(timezones=offsets),
    st.builds(lambda moment, zone: moment.replace(tzinfo=zone), naive_datetimes, offsets),
    st.builds(
        lambda hours, zone: (NOW + timedelta(hours=hours)).astimezone(zone),
        st.integers(min_value=-24 * 90, max_value=24 * 90),
        st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=45))]),
    ),
)
datetimes = st.one_of(aware_datetimes, naive_datetimes)
dates = st.one_of(
    st.dates(),
    st.sampled_from([date.min, date.max]),
    st.integers(min_value=-30, max_value=120).map(lambda days: NOW.date() + timedelta(days=days)),
)

# --- anything ---------------------------------------------------------------------------------

anything: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    integers,
    floats,
    st.decimals(allow_nan=True),
    st.binary(max_size=8),
    st.sampled_from(["12", "-1", "1e400", "nan", "", " ", "USD", "B2", "UTC", "German"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()),
    datetimes,
    dates,
    st.just(time(12, 0)),
    st.just(timedelta(hours=1)),
    st.just(Decimal("1.5")),
)


def param(*typed: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A parameter: mostly values of its own type, sometimes anything at all."""
    return st.one_of(*typed, anything)


def optional(*typed: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), *typed, anything)


user_text = param(text)
ints = param(integers)
instants = param(datetimes)
days = param(dates)
levels = param(st.sampled_from(list(Level)), st.sampled_from(["b1", " A2 ", "all", "Z9"]))
roles = param(st.sampled_from(list(Role)), st.sampled_from(["student", "Teacher", "admin"]))
currencies = param(st.sampled_from(["USD", "jpy", " eur ", "XXX", "US D"]), text)
languages = param(st.sampled_from(["German", "french", "Old Norse"]), text)
zones = param(st.sampled_from(["UTC", "Europe/Berlin", "Asia/Kathmandu", "../etc", "Mars/Base"]))
durations = param(st.sampled_from([15, 30, 45, 60, 90, 180, 480, 495]), integers)
paging_offsets = param(st.sampled_from([0, 1, 10]), integers)
paging_limits = param(st.sampled_from([1, 50, 100, 200, 500, 501]), integers)


# --- filters and settings -------------------------------------------------------------------

booking_filters = st.builds(
    BookingFilter,
    statuses=param(st.lists(st.sampled_from(list(BookingStatus)), max_size=2).map(tuple)),
    payment_statuses=param(st.lists(st.sampled_from(list(PaymentStatus)), max_size=2).map(tuple)),
    teacher_id=optional(integers),
    student_id=optional(integers),
    gig_id=optional(integers),
    start_from=optional(instants),
    start_to=optional(instants),
    newest_first=param(st.booleans()),
)


payment_filters = st.builds(
    PaymentFilter,
    status=optional(st.sampled_from(list(PaymentAttemptStatus))),
    booking_id=optional(integers),
    student_id=optional(integers),
    teacher_id=optional(integers),
    created_from=optional(instants),
    created_to=optional(instants),
)


stored_settings = st.builds(
    StoredSettings,
    stripe_publishable_key=optional(st.just("pk_test_1"), text),
    zoom_account_id=optional(text),
    zoom_client_id=optional(text),
    smtp_host=optional(st.just("smtp.example.com"), text),
    smtp_port=optional(integers),
    smtp_username=optional(text),
    smtp_security=optional(st.sampled_from(["starttls", "tls", "plain"]), text),
    smtp_sender=optional(text),
    jitsi_base_url=optional(st.just("https://meet.example.com/"), text),
)


# --- the property -----------------------------------------------------------------------------


def only_app_errors(call: Callable[[], object]) -> None:
    """Run ``call``: success and LinguaFlex's own errors are fine outcomes; anything else
    (TypeError, OverflowError, a database error, ...) propagates and fails the property."""
    with contextlib.suppress(LinguaFlexError):
        call()
