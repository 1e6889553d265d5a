"""The admin's needs-attention list and the fix beside each row (DESIGN.md section 2: admins).

``list_attention`` runs every rule (``rules``: one bounded SQL query each; ``ledger``: what
the last ledger verification found, kept in memory) in one read transaction, with "now" from
the service clock. ``fix`` runs the fix of one row on the calling
(worker) thread: it refuses non-admins before anything runs, does nothing when the rule no
longer holds for the record, runs the fix through the code that owns that work (the outbox,
the due transitions, the job admin, and — injected, since reports may not import payments —
the Stripe side), asks the rule again, and audits what it did (``attention.fix``; a fix that
failed is audited with its error, then the error is raised for the admin to read).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import UserFacingError, ValidationError
from linguaflex_desktop.models import AuditAction, JobKind, JobState, OutboxJob, Role
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.events import meeting_create_key
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.common.ledger_findings import LedgerFindings
from linguaflex_desktop.services.common.outbox import enqueue_job
from linguaflex_desktop.services.common.validation import check_int
from linguaflex_desktop.services.reports.attention.dto import (
    RULES,
    AttentionList,
    AttentionRow,
    FixOutcome,
    RuleId,
)
from linguaflex_desktop.services.reports.attention.ledger import ledger_rule
from linguaflex_desktop.services.reports.attention.rules import RULE_QUERIES, Rule
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

PER_RULE_LIMIT = 200
NO_LONGER = tx("This no longer needs attention.")


class StripeFixes(Protocol):
    """The fixes that ask Stripe (``payments.attention_fixes``); each returns one sentence
    saying what it found and did, and raises ``ExternalServiceError`` when Stripe does not
    answer."""

    def reread_payment(self, payment_id: int) -> str: ...

    def refund_closed_payment(self, payment_id: int, *, actor_id: int) -> str: ...

    def reread_refund(self, refund_id: int, *, actor_id: int) -> str: ...

    def reverify_payment(self, payment_id: int) -> str: ...


class AttentionService:
    """Needs attention (module docstring). Thread-safe; ``fix`` may block on Stripe: call it
    from a worker thread. ``stripe`` is called on the first fix that needs it (the Stripe side
    starts on first use)."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        due: DueTransitions,
        jobs: JobAdminService,
        stripe: Callable[[], StripeFixes],
        findings: LedgerFindings | None = None,
        per_rule_limit: int = PER_RULE_LIMIT,
    ) -> None:
        self._ctx = ctx
        self._due = due
        self._jobs = jobs
        self._stripe = stripe
        self._limit = per_rule_limit
        ledger = findings if findings is not None else LedgerFindings()
        self._queries: dict[RuleId, Rule] = {
            **RULE_QUERIES,
            "ledger_differs": ledger_rule(ledger, "ledger_differs"),
            "stripe_refund_unrecorded": ledger_rule(ledger, "stripe_refund_unrecorded"),
        }

    def list_attention(self, actor: Actor) -> AttentionList:
        """Every row of every rule (at most ``per_rule_limit`` a rule). Admins only."""
        now = self._ctx.now()
        rows: list[AttentionRow] = []
        truncated = False
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            for query in self._queries.values():
                found = query(uow.session, now, None, self._limit + 1)
                truncated = truncated or len(found) > self._limit
                rows.extend(found[: self._limit])
        return AttentionList(rows=tuple(rows), truncated=truncated)

    def fix(self, actor: Actor, rule_id: str, subject_id: int) -> FixOutcome:
        """Run the fix of ``rule_id`` for the record ``subject_id`` (an ``AttentionRow.key``)
        and say whether the rule still holds. Admins only (PermissionDenied, nothing run)."""
        rule = _rule_id(rule_id)
        subject_id = check_int(subject_id, what=tx("record number"), minimum=1)
        with self._ctx.unit_of_work(write=False) as uow:
            admin_id = load_acting_user(uow.session, actor, Role.ADMIN).id
            row = self._holds(uow.session, rule, subject_id)
        if row is None:
            return FixOutcome(rule, subject_id, True, NO_LONGER)
        try:
            message = self._run_fix(actor, admin_id, row)
        except Exception as error:
            text = str(error) if isinstance(error, UserFacingError) else type(error).__name__
            self._audit(admin_id, row, "failed", f"The fix failed: {text}")
            raise
        with self._ctx.unit_of_work(write=False) as uow:
            resolved = self._holds(uow.session, rule, subject_id) is None
        self._audit(admin_id, row, "resolved" if resolved else "still holds", message)
        return FixOutcome(rule, subject_id, resolved, message)

    def _holds(self, session: Session, rule: RuleId, subject_id: int) -> AttentionRow | None:
        """The rule's row for this one record, or None when the rule does not hold for it."""
        found = self._queries[rule](session, self._ctx.now(), subject_id, 1)
        return found[0] if found else None

    def _run_fix(self, actor: Actor, admin_id: int, row: AttentionRow) -> str:
        subject = row.subject_id
        match row.rule.id:
            case "meeting_missing":
                return self._retry_meeting(actor, subject)
            case "payment_overdue":
                changed = self._due.run_for_booking(subject)
                if changed:
                    return tx(
                        "The due transitions ran: the booking was cancelled, as it was not "
                        "paid by its deadline."
                    )
                return tx("The due transitions ran: nothing was due any more.")
            case "payment_stuck":
                return self._stripe().reread_payment(subject)
            case "job_dead":
                job = self._jobs.retry_dead(actor, subject)
                return tx("Job #{number} is queued again with fresh attempts.", number=job.id)
            case "stripe_disagrees":
                return self._stripe().refund_closed_payment(subject, actor_id=admin_id)
            case "refund_unattributed":
                return self._stripe().reread_refund(subject, actor_id=admin_id)
            case "ledger_differs" | "stripe_refund_unrecorded":
                return self._stripe().reverify_payment(subject)

    def _retry_meeting(self, actor: Actor, booking_id: int) -> str:
        """The booking's create-meeting job again: a dead one retried (audited by the job
        admin), a waiting one made due now, a finished or missing one queued afresh."""
        with self._ctx.unit_of_work() as uow:
            now = self._ctx.now()
            key = meeting_create_key(booking_id)
            job = uow.session.scalar(
                select(OutboxJob)
                .where(
                    or_(
                        OutboxJob.dedupe_key == key,
                        OutboxJob.dedupe_key.startswith(f"{key}-again-", autoescape=True),
                    )
                )
                .order_by(OutboxJob.id.desc())
                .limit(1)
                .with_for_update()
            )
            state = None if job is None else job.state
            if job is not None and state is JobState.PENDING:
                job.next_attempt_at = now
                job.updated_at = now
            elif state in (None, JobState.DONE):
                enqueue_job(
                    uow.session,
                    kind=JobKind.CREATE_MEETING,
                    payload={"booking_id": booking_id},
                    dedupe_key=f"{key}-again-{_stamp(now)}",
                    now=now,
                )
            job_id = None if job is None else job.id
            uow.commit()
        if state is JobState.DEAD and job_id is not None:
            self._jobs.retry_dead(actor, job_id)
        if state is JobState.RUNNING:
            return tx("The meeting is being made right now; look again in a minute.")
        return tx("The meeting's creation is queued to run now; the worker makes it shortly.")

    def _audit(self, admin_id: int, row: AttentionRow, outcome: str, message: str) -> None:
        with self._ctx.unit_of_work() as uow:
            record_audit(
                uow.session,
                actor_id=admin_id,
                action=AuditAction.ATTENTION_FIX,
                entity_type=row.rule.subject,
                entity_id=row.subject_id,
                at=self._ctx.now(),
                before={"rule": row.rule.name, "booking": row.booking_id, "problem": row.problem},
                after={"outcome": outcome},
                reason=message,
            )
            uow.commit()
        log.info("attention fix %s #%s: %s (%s)", row.rule.id, row.subject_id, outcome, message)


def _rule_id(value: str) -> RuleId:
    for rule_id in RULES:
        if rule_id == value:
            return rule_id
    raise ValidationError(tx("There is no needs-attention rule named {name}.", name=repr(value)))


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%f")
