"""A booking moved away and back again (SQLite and Postgres, fake Zoom server): the Zoom
meeting follows every move, also to a time the booking had before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linguaflex_desktop.adapters.meetings import ZoomMeetingProvider
from linguaflex_desktop.adapters.zoom import ZoomClient
from linguaflex_desktop.config import ZoomSettings
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    BEFORE_EU_DST,
    drain,
    make_glue,
    paid_booking,
)
from tests.integration.fake_zoom_server import FakeZoom

BEFORE_ZOOM = "2027-03-26T13:00:00Z"
AFTER_ZOOM = "2027-03-29T13:00:00Z"


@pytest.fixture
def zoom() -> Iterator[FakeZoom]:
    server = FakeZoom().start()
    yield server
    server.stop()


@pytest.fixture
def zoom_provider(zoom: FakeZoom) -> Iterator[ZoomMeetingProvider]:
    settings = ZoomSettings(
        account_id=zoom.account_id,
        client_id=zoom.client_id,
        client_secret=zoom.client_secret,
        api_base=zoom.api_base,
        oauth_base=zoom.oauth_base,
    )
    client = ZoomClient.from_settings(settings, timeout=5.0)
    yield ZoomMeetingProvider(client)
    client.close()


def test_the_zoom_meeting_follows_a_booking_moved_back_to_an_earlier_time_and_again(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    w = glue.world
    booking = paid_booking(glue, start_at=BEFORE_EU_DST)
    drain(glue.worker)
    [meeting_id] = zoom.live_meeting_ids()

    def move(start_at: object, proposer: object, answerer: object) -> str:
        proposal = glue.reschedules.propose_reschedule(proposer, booking.id, start_at=start_at)
        glue.reschedules.accept_reschedule(answerer, proposal.id)
        drain(glue.worker)
        return str(zoom.meetings[meeting_id]["start_time"])

    assert move(AFTER_EU_DST, w.teacher, w.student) == AFTER_ZOOM
    assert move(BEFORE_EU_DST, w.student, w.teacher) == BEFORE_ZOOM
    assert move(AFTER_EU_DST, w.teacher, w.student) == AFTER_ZOOM
    assert move(BEFORE_EU_DST, w.student, w.teacher) == BEFORE_ZOOM
