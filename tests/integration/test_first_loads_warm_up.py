"""The warm-ups of a role window's first loads (run while the sign-in window waits for the
user): they compile the statements those loads run, reading nothing of anyone's, so that the
first sign-in of a process does not pay for compiling them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from linguaflex_desktop.models import Role
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.conversations import ConversationService
from linguaflex_desktop.services.messaging.notifications import NotificationService
from tests.compiled_statements import compiled_anew, statements_run

PASSWORD = "correct horse battery staple"


def test_after_the_warm_ups_a_students_first_loads_compile_nothing(ctx: ServiceContext) -> None:
    student = AccountService(ctx).register(
        email="sam@example.com",
        password=PASSWORD,
        display_name="Sam Taylor",
        role=Role.STUDENT,
        time_zone="UTC",
    )
    catalogue, conversations = CatalogueService(ctx), ConversationService(ctx)
    notifications = NotificationService(ctx)
    warm_ups = statements_run(
        ctx, lambda: [service.warm_up() for service in (catalogue, conversations, notifications)]
    )
    assert warm_ups  # they ran statements, not all of them cached yet

    actor = student.actor

    def first_loads() -> None:
        catalogue.list_languages(actor)
        catalogue.search_gigs(actor, offset=0, limit=20)
        conversations.unread_counts(actor)
        notifications.inbox(actor, offset=0, limit=50)

    loads = statements_run(ctx, first_loads)
    assert len(loads) >= 6  # a lookup of the user each, and the loads' own
    assert compiled_anew(loads) == []


def test_the_inbox_and_unread_warm_ups_read_no_ones_rows(ctx: ServiceContext) -> None:
    """They run for an id no account has: each of their statements is bound to it."""
    AccountService(ctx).register(
        email="sam@example.com",
        password=PASSWORD,
        display_name="Sam Taylor",
        role=Role.STUDENT,
        time_zone="UTC",
    )
    with ctx.unit_of_work(write=False) as uow:
        engine = uow.session.get_bind()
    bound: list[Any] = []

    def record(*args: Any) -> None:
        if args[2].lstrip().upper().startswith("SELECT"):
            bound.append(args[3])  # the parameters sent

    event.listen(engine, "before_cursor_execute", record)
    try:
        ConversationService(ctx).warm_up()
        NotificationService(ctx).warm_up()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len(bound) >= 4  # a user's lookup each, and their own
    for parameters in bound:
        values = parameters.values() if isinstance(parameters, dict) else parameters
        assert 0 in list(values)  # the id no account has (ids start at 1)
