"""Contact masking (pure): hand-written examples, what stays readable, and properties — the
masked text never holds an e-mail address, a run of 7 or more digits, or a link."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linguaflex_desktop.services.messaging.contact_mask import (
    CONTACT_MASK,
    has_contacts,
    mask_contacts,
)
from linguaflex_desktop.services.messaging.conversation_notices import NoticePlan, notice_plan

M = CONTACT_MASK

# Detectors written here, independently of the module's patterns.
ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
# 7 digits in one run: consecutive digits apart by at most 3 separators
PHONE_RUN = re.compile(r"\d(?:[\s\-./()]{0,3}\d){6}")
URL = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(com|org|net|io|de|uk)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail me at a.b@example.com", f"mail me at {M}"),
        ("mail me at a.b@example.com.", f"mail me at {M}"),
        ("<sam+lessons@mail.example.co.uk>", f"<{M}>"),
        ("email:a.b@x.org, thanks", f"email:{M}, thanks"),
        ("+44 20 7946 0958", M),
        ("call 555-123-4567", f"call {M}"),
        ("call (555) 123-4567 after six", f"call {M} after six"),
        ("555.123.4567", M),
        ("0049 30 1234567", M),
        ("My WhatsApp: +1 (212) 555 0199.", f"My WhatsApp: {M}."),
        ("www.example.com/x", M),
        ("https://x.y/z", M),
        ("http://localhost:8000/page?a=1", M),
        ("see example.com or meet.zoom.us/j/123", f"see {M} or {M}"),
        ("v1.2/example.com/joe and example.com-", f"v1.2/{M} and {M}"),
        ("a@b@c.d", M),  # the second pass hides what the first left
        ("Skype me: a@b.de / +49 171 2345678", f"Skype me: {M} / {M}"),
    ],
)
def test_contact_details_are_replaced_by_the_mask(text: str, expected: str) -> None:
    assert mask_contacts(text) == expected
    assert has_contacts(text)


@pytest.mark.parametrize(
    "text",
    [
        "See you on Friday at 10:00!",
        "Chapter 12, exercises 3-5, page 210.",
        "The lesson costs 31.50 USD, e.g. for 45 minutes.",
        "I.e. we practise the subjunctive.",
        "Room 101 at 9.30",
        "",
        "Meet @ the usual time",
    ],
)
def test_ordinary_text_stays_as_written(text: str) -> None:
    assert mask_contacts(text) == text
    assert not has_contacts(text)


@pytest.mark.parametrize("unit", ["a.", "a-", "ab.c1", "a@", "1 ( ", "a.a/", "x.com/"])
def test_masking_a_longest_message_of_repeated_fragments_takes_no_time(unit: str) -> None:
    """Nested repetition in a pattern once took 0.4 s on 'a.' * 1000 (and grows with the
    square of the length): masking runs on every read of every message."""
    text = (unit * 2000)[:2000]
    started = time.perf_counter()
    mask_contacts(text)
    assert time.perf_counter() - started < 0.25


def test_the_mask_itself_is_left_alone_and_neighbouring_masks_merge() -> None:
    assert mask_contacts(M) == M
    assert mask_contacts("a@b.com 555 123 4567 www.x.org") == M


_TEXT = st.lists(
    st.sampled_from([*"abcxyz019 .-()/+@:_\n", "www.", "http://", ".com", "55", "\t"]),
    max_size=60,
).map("".join)


@given(_TEXT)
def test_masked_text_never_holds_an_address_a_phone_run_or_a_link(text: str) -> None:
    masked = mask_contacts(text)
    assert ADDRESS.search(masked) is None
    assert PHONE_RUN.search(masked) is None
    assert URL.search(masked) is None


@given(st.lists(st.sampled_from(["hi ", "a.b@example.com", " +44 20 7946 0958", " call "])))
def test_masking_is_idempotent_and_keeps_plain_words(parts: list[str]) -> None:
    text = "".join(parts)
    masked = mask_contacts(text)
    assert mask_contacts(masked) == masked
    assert masked.count("call") == text.count("call")


NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("last_at", "last_read", "plan"),
    [
        (None, False, NoticePlan(in_app=True, email=True)),  # the first message
        (NOW - timedelta(minutes=3), False, NoticePlan(in_app=False, email=False)),  # burst
        (NOW - timedelta(minutes=3), True, NoticePlan(in_app=True, email=False)),  # in the app
        (NOW - timedelta(minutes=15), False, NoticePlan(in_app=True, email=True)),  # window over
        (NOW - timedelta(minutes=14, seconds=59), True, NoticePlan(in_app=True, email=False)),
    ],
)
def test_notice_plan_allows_one_email_per_conversation_window(
    last_at: datetime | None, last_read: bool, plan: NoticePlan
) -> None:
    assert notice_plan(last_at=last_at, last_read=last_read, now=NOW) == plan
