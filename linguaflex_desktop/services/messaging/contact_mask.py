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
# No pattern backtracks its way into a slow match on any text (a message is up to 2000
# characters, and a conversation is masked on every read): matches start only where a run
# starts, and the possessive quantifiers never give back what they took.
_EMAIL = re.compile(
    rf"(?<!{_ADDRESS_CHAR}){_ADDRESS_CHAR}*+@{_ADDRESS_CHAR}++|(?<!{_ADDRESS_CHAR}){_ADDRESS_CHAR}++@"
)
_PHONE_GAP = r"[\s\-./()]{0,3}"
_PHONE = re.compile(rf"\+?\(?\d(?:{_PHONE_GAP}\d){{6,}}\)?")
_WEB = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
_LABEL = r"[a-z0-9][a-z0-9-]*+"
_HOST = re.compile(rf"(?<![a-z0-9]){_LABEL}(?:\.{_LABEL})++", re.IGNORECASE)
_PATH = re.compile(r"[/?#]\S*")
TOP_LEVEL_DOMAINS = frozenset(
    "com net org info biz io co me app dev ly gl gg to tv xyz site online link page email chat "
    "live shop store uk us eu de fr es it nl be ch at se no dk fi pl pt cz ie ru ua br ar mx cl "
    "ca au nz jp cn kr in sg hk tw za tr gr ro hu il".split()
)


def _is_domain(host: str) -> bool:
    """A dotted name with a top-level domain after its first label (``example.com``,
    ``meet.zoom.us``), not ``e.g``, ``v1.2`` or ``file.py``."""
    labels = host.lower().split(".")[1:]
    # "example.com-" or "example.com-x" still shows "example.com": a hyphen ends the label
    return any(label.split("-")[0] in TOP_LEVEL_DOMAINS for label in labels)


def _mask_links(text: str) -> str:
    """Web addresses, and bare domains with the path that follows them."""
    text = _WEB.sub(CONTACT_MASK, text)
    parts, position = [], 0
    for match in _HOST.finditer(text):
        if match.start() < position or not _is_domain(match.group(0)):
            continue  # inside a path already hidden, or no domain
        path = _PATH.match(text, match.end())
        parts += [text[position : match.start()], CONTACT_MASK]
        position = path.end() if path else match.end()
    parts.append(text[position:])
    return "".join(parts)


def _mask_addresses(text: str) -> str:
    return _EMAIL.sub(CONTACT_MASK, text)


def _mask_phones(text: str) -> str:
    return _PHONE.sub(CONTACT_MASK, text)


# an address first: its domain is not a link of its own
_MASKERS = (_mask_addresses, _mask_links, _mask_phones)
_REPEATED_MASKS = re.compile(rf"{re.escape(CONTACT_MASK)}(?:[ \t]*{re.escape(CONTACT_MASK)})+")


def mask_contacts(text: str) -> str:
    """``text`` with every e-mail address, phone number and link replaced by CONTACT_MASK.

    Repeated until nothing more matches (hiding "a@b" of "a@b@c.d" leaves "@c.d" for the
    next pass), so the result contains none of them. It ends: the mask holds no "@", digit or
    dot, so no pattern matches it, and each pass that changes anything hides characters."""
    while True:
        masked = text
        for mask in _MASKERS:
            masked = mask(masked)
        if masked == text:
            return _REPEATED_MASKS.sub(CONTACT_MASK, text)
        text = masked


def has_contacts(text: str) -> bool:
    """Whether ``text`` holds something ``mask_contacts`` would hide."""
    return mask_contacts(text) != text
