"""Contact details hidden in a conversation until its booking has been paid.

Marketplaces keep bookings and payments in the app by hiding e-mail addresses, phone numbers
and links from the other party until the first payment. ``mask_contacts`` replaces each with
``CONTACT_MASK``; the stored message keeps the original (its author and admins see it, and the
other party does once the booking is paid). Pure functions, any thread.

What counts, on purpose generously (a missed number costs more than a hidden date):
- e-mail: any run of address characters around an "@" (``a.b@example.com``, ``me@home``);
- phone: 7 or more digits in one run, consecutive digits apart by at most 3 of space, tab,
  dash, dot, slash or parentheses, with an optional leading "+" (``+44 20 7946 0958``,
  ``(555) 123-4567``, ``555.123.4567``) — so a long date like 2027-03-03 is hidden too;
- link: ``http://`` / ``https://`` addresses, ``www.`` names, and bare domains ending in a
  common top-level domain (``example.com/x``, ``meet.zoom.us``).
"""

from __future__ import annotations

import re

CONTACT_MASK = "[contact details hidden until the booking is paid]"

# Characters an e-mail address is made of (never a space, bracket, quote or separator).
_ADDRESS_CHAR = r"[^\s<>()\[\]{}\"',;:@]"
_EMAIL = re.compile(rf"{_ADDRESS_CHAR}*@{_ADDRESS_CHAR}+|{_ADDRESS_CHAR}+@")
_PHONE_GAP = r"[\s\-./()]{0,3}"
_PHONE = re.compile(rf"\+?\(?\d(?:{_PHONE_GAP}\d){{6,}}\)?")
TOP_LEVEL_DOMAINS = (
    "com|net|org|info|biz|io|co|me|app|dev|ly|gl|gg|to|tv|xyz|site|online|link|page|email|"
    "chat|live|shop|store|uk|us|eu|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|cz|ie|ru|ua|br|"
    "ar|mx|cl|ca|au|nz|jp|cn|kr|in|sg|hk|tw|za|tr|gr|ro|hu|il"
)
_LINK = re.compile(
    r"(?:https?://|www\.)\S*"
    rf"|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    rf"\.(?:{TOP_LEVEL_DOMAINS})\b(?:[/?#]\S*)?",
    re.IGNORECASE,
)
_PATTERNS = (_EMAIL, _LINK, _PHONE)  # an address first: its domain is not a link of its own
_REPEATED_MASKS = re.compile(rf"{re.escape(CONTACT_MASK)}(?:[ \t]*{re.escape(CONTACT_MASK)})+")
_MAX_PASSES = 4


def mask_contacts(text: str) -> str:
    """``text`` with every e-mail address, phone number and link replaced by CONTACT_MASK.

    Repeated until nothing more matches (a pass can only shorten what is left to match; a
    few passes always settle), so the result contains none of them."""
    for _ in range(_MAX_PASSES):
        masked = text
        for pattern in _PATTERNS:
            masked = pattern.sub(CONTACT_MASK, masked)
        if masked == text:
            break
        text = masked
    return _REPEATED_MASKS.sub(CONTACT_MASK, text)


def has_contacts(text: str) -> bool:
    """Whether ``text`` holds something ``mask_contacts`` would hide."""
    return mask_contacts(text) != text
