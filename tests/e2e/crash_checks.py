"""The crash suite's judgement of one restart: what must hold, and the table's outcome line.

``check_state`` is about our rows and the Stripe sandbox (one snapshot, ``crash_snapshot``);
``check_peers`` about what the fake Zoom server and the aiosmtpd inbox saw by the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from linguaflex_desktop.models import (
    BookingStatus,
    JobKind,
    JobState,
    MeetingStatus,
    PaymentAttemptStatus,
    PaymentStatus,
    RefundStatus,
)

Snapshot = dict[str, Any]

CONFIRMED, CANCELLED = BookingStatus.CONFIRMED.value, BookingStatus.CANCELLED.value
PAID, FAILED, REFUNDED = (
    PaymentStatus.PAID.value,
    PaymentStatus.FAILED.value,
    PaymentStatus.REFUNDED.value,
)
# the (booking, payment) pairs a crash may leave after recovery (DESIGN.md section 4): paid,
# payable again, or cancelled with the full refund
SETTLED_PAIRS = {(CONFIRMED, PAID), (CONFIRMED, FAILED), (CANCELLED, REFUNDED)}
ACTIVE_ATTEMPTS = {PaymentAttemptStatus.CREATING.value, PaymentAttemptStatus.PENDING.value}
UNSETTLED_REFUNDS = {
    RefundStatus.CREATING.value,
    RefundStatus.PENDING.value,
    RefundStatus.REQUIRES_ACTION.value,
}
LIVE_REFUNDS = {RefundStatus.PENDING.value, RefundStatus.SUCCEEDED.value}
# PaymentIntent states in which money may have moved or may still move
CONFIRMED_INTENTS = {"succeeded", "processing", "requires_capture", "requires_action"}


@dataclass(frozen=True)
class PeerView:
    """What the parent's peers hold at the end of the step."""

    zoom_live: tuple[str, ...]  # ids of the live meetings at the fake Zoom server
    zoom_creates: int  # POST .../meetings requests it answered
    deliveries: Counter[str]  # Message-ID -> how many times the SMTP server accepted it


def pair(snapshot: Snapshot) -> tuple[str, str]:
    booking = snapshot["booking"]
    return booking["status"], booking["payment_status"]


def charged(snapshot: Snapshot) -> list[dict[str, Any]]:
    return [intent for intent in snapshot["stripe_intents"] if intent["status"] == "succeeded"]


def live_refunds_at_stripe(snapshot: Snapshot) -> list[dict[str, Any]]:
    return [
        refund
        for intent in snapshot["stripe_intents"]
        for refund in intent["refunds"]
        if refund["status"] in LIVE_REFUNDS
    ]


def check_state(snapshot: Snapshot) -> None:
    """One consistent state: settled rows, agreeing with the sandbox, nothing twice."""
    booking = snapshot["booking"]
    assert pair(snapshot) in SETTLED_PAIRS, pair(snapshot)
    payments = snapshot["payments"]
    assert not [p for p in payments if p["status"] in ACTIVE_ATTEMPTS], payments
    succeeded = [p for p in payments if p["status"] == PaymentAttemptStatus.SUCCEEDED.value]
    paid = booking["payment_status"] in (PAID, REFUNDED)
    assert len(succeeded) == (1 if paid else 0), payments
    # at most one charge at Stripe, and it is the one our succeeded attempt holds
    assert [i["id"] for i in charged(snapshot)] == [p["intent"] for p in succeeded]
    ours = {p["intent"] for p in payments if p["intent"]}
    for intent in snapshot["stripe_intents"]:
        if intent["id"] in ours:
            assert intent["status"] in ("succeeded", "canceled"), intent
        else:  # made at Stripe but never recorded: it must never have been confirmed
            assert intent["status"] not in CONFIRMED_INTENTS, intent
    _check_refunds(snapshot, succeeded)
    uncertain = uncertain_mail(snapshot)
    for job in snapshot["jobs"]:
        assert not job["due"], job
        assert job["state"] != JobState.RUNNING.value, job
        if job["dedupe_key"] not in uncertain:
            assert job["state"] != JobState.DEAD.value, job


def uncertain_mail(snapshot: Snapshot) -> set[str]:
    """Message-IDs of e-mails handed to SMTP with no recorded outcome: their job must be dead
    (left to an admin, never resent by itself) with a message saying so."""
    handed = {
        n["message_id"] for n in snapshot["notifications"] if n["handed"] and not n["emailed"]
    }
    for job in snapshot["jobs"]:
        if job["dedupe_key"] in handed:
            assert job["state"] == JobState.DEAD.value, job
            assert "may have been delivered" in (job["last_error"] or ""), job
    return handed


def _check_refunds(snapshot: Snapshot, succeeded: list[dict[str, Any]]) -> None:
    booking, refunds = snapshot["booking"], snapshot["refunds"]
    assert not [r for r in refunds if r["status"] in UNSETTLED_REFUNDS], refunds
    recorded = {r["stripe_id"]: r["id"] for r in refunds if r["status"] in LIVE_REFUNDS}
    at_stripe = live_refunds_at_stripe(snapshot)
    assert sorted(r["id"] for r in at_stripe) == sorted(recorded), (at_stripe, refunds)
    for refund in at_stripe:  # each names the refund row it was made for
        assert refund["refund_id"] == str(recorded[refund["id"]]), refund
    refunded = sum(r["amount"] for r in at_stripe)
    assert booking["refunded_minor"] == refunded
    assert sum(p["refunded_minor"] for p in succeeded) == refunded
    if booking["payment_status"] == REFUNDED:
        assert refunded == booking["total_minor"]


def check_peers(step: str, final: Snapshot, peers: PeerView) -> None:
    """At most one live meeting, the recorded one; no e-mail accepted twice. A kill between
    the hand-over and its record leaves that one e-mail's job dead for an admin: delivered
    once if SMTP had accepted it (``mail.smtp_accepted``), not at all if SMTP was never
    called (``mail.handover_committed``); every other e-mail job is done and sent once."""
    assert len(peers.zoom_live) <= 1, peers.zoom_live
    meeting = final["meeting"]
    if pair(final) == (CONFIRMED, PAID):
        assert meeting is not None and meeting["status"] == MeetingStatus.READY.value, meeting
        assert list(peers.zoom_live) == [meeting["external_id"]], (peers.zoom_live, meeting)
    else:
        assert not peers.zoom_live, peers.zoom_live
        assert meeting is None or meeting["status"] == MeetingStatus.DELETED.value, meeting
    mail_jobs = [job for job in final["jobs"] if job["kind"] == JobKind.SEND_EMAIL.value]
    emailed = {n["message_id"] for n in final["notifications"] if n["emailed"]}
    uncertain = uncertain_mail(final)
    assert len(uncertain) == (1 if step in ("mail.smtp_accepted", "mail.handover_committed") else 0)
    for job in mail_jobs:
        if job["dedupe_key"] not in uncertain:
            assert job["state"] == JobState.DONE.value, job
            assert job["dedupe_key"] in emailed, job
    assert not [mid for mid, n in peers.deliveries.items() if n > 1], peers.deliveries
    sent_once = {job["dedupe_key"] for job in mail_jobs} - uncertain
    if step == "mail.smtp_accepted":
        sent_once |= uncertain
    assert set(peers.deliveries) == sent_once, (peers.deliveries, sent_once)


def announcements(snapshot: Snapshot) -> Counter[str]:
    """How many notifications of each kind the parties got about the paid session."""
    return Counter(
        n["kind"] for n in snapshot["notifications"] if n["kind"] in ("paid", "meeting_ready")
    )


def check_announced_once(snapshot: Snapshot) -> None:
    """A "paid" notice that already carried the meeting (its .ics invite) is not followed by
    a "meeting_ready" notice telling the same parties the same link again."""
    paid_with_link = [n for n in snapshot["notifications"] if n["kind"] == "paid" and n["has_ics"]]
    if paid_with_link:
        assert announcements(snapshot)["meeting_ready"] == 0, snapshot["notifications"]


def outcome(step: str, result: dict[str, Any], peers: PeerView) -> str:
    """The table's line: the state after the restart, a payment made again if the booking
    was left payable, and what the peers hold by the end."""
    recovered = result["recovered"]
    status, payment_status = pair(recovered)
    attempts = ",".join(p["status"] for p in recovered["payments"])
    recorded = {p["intent"] for p in recovered["payments"]}
    parts = [f"{status}/{payment_status} (attempt {attempts})"]
    stray = [i["status"] for i in recovered["stripe_intents"] if i["id"] not in recorded]
    stripe = f"{len(charged(recovered))} charge at Stripe"
    if stray:
        stripe += f", unrecorded intent left {'/'.join(stray)} (never confirmed)"
    parts.append(stripe)
    if recovered["refunds"] or step.startswith("refund."):
        adopted = " (adopted)" if "refund.adopted" in recovered["refund_audit"] else ""
        parts.append(
            f"refunds {len(live_refunds_at_stripe(recovered))} at Stripe = "
            f"{len(recovered['refunds'])} recorded{adopted}"
        )
    final = recovered
    if "after_retry" in result:
        final = result["after_retry"]
        parts.append(f"paid again: {pair(final)[1]}, {len(charged(final))} charge")
    meeting = final["meeting"]
    parts.append(
        f"meeting {meeting['status'] if meeting else 'none'}; Zoom {len(peers.zoom_live)} live"
        f"/{peers.zoom_creates} made"
    )
    twice = sum(1 for n in peers.deliveries.values() if n > 1)
    kinds = ", ".join(f"{kind} x{n}" for kind, n in sorted(announcements(final).items()))
    mail = f"mail {sum(peers.deliveries.values())} sent/{len(peers.deliveries)} ids"
    if twice:
        mail += f" ({twice} sent twice)"
    uncertain = uncertain_mail(final)
    if uncertain:
        mail += f" ({len(uncertain)} outcome unknown: job dead for an admin, not resent)"
    parts.append(f"{mail}; told: {kinds or 'nothing yet'}")
    return "; ".join(parts)
