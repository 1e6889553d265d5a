"""Named crash points: the steps where a killed process must leave nothing charged, refunded,
created or sent twice once it is restarted.

Production code calls ``reached("pay.intent_created")`` (and so on) between a side effect at a
peer (Stripe, Zoom, SMTP) and the commit that records it, or between a commit and the next
side effect. It does nothing unless the environment variable ``LINGUAFLEX_CRASH_AT`` names
that very point: then the process is killed at once with SIGKILL (no ``finally``, no atexit,
no flush), which is what the crash suite (tests/e2e/test_crash_recovery.py) restarts from.

This module sits at the bottom layer beside ``errors`` and imports nothing from the app.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Final, Literal, get_args

ENV_VAR: Final = "LINGUAFLEX_CRASH_AT"

CrashPoint = Literal[
    # paying (services/payments/service.py)
    "pay.attempt_committed",  # attempt row + idempotency key committed; no PaymentIntent yet
    "pay.intent_created",  # Stripe made the PaymentIntent; its id is not committed yet
    "pay.intent_stored",  # the PaymentIntent id is committed; confirm not sent yet
    "pay.confirm_answered",  # Stripe answered the confirm; the result is not committed yet
    # refunds (services/payments/refunds.py)
    "refund.row_committed",  # refund row committed (creating); Stripe not called yet
    "refund.stripe_answered",  # Stripe made the refund; its id and status not recorded yet
    # meetings (services/meetings/service.py)
    "meeting.provider_created",  # the provider made the room; the Meeting row not written yet
    "meeting.recorded",  # the Meeting row is committed; the job is not marked done yet
    # mail (services/messaging/notifications.py)
    "mail.handover_committed",  # the hand-over is committed; SMTP not called yet
    "mail.smtp_accepted",  # the SMTP server accepted the message; not marked e-mailed yet
]

CRASH_POINTS: Final[tuple[CrashPoint, ...]] = get_args(CrashPoint)

# Windows has no SIGKILL; os._exit ends the process as abruptly (no cleanup handlers).
WINDOWS_EXIT_CODE: Final = 137


def reached(name: CrashPoint) -> None:
    """Kill this process at once if ``LINGUAFLEX_CRASH_AT`` equals ``name``; else do nothing."""
    if os.environ.get(ENV_VAR) != name:
        return
    if sys.platform == "win32":
        os._exit(WINDOWS_EXIT_CODE)
    else:
        os.kill(os.getpid(), signal.SIGKILL)
