"""Zoom's documented refusals, from the local stand-in through ZoomClient and the meeting
provider: rate limits with Retry-After in seconds, as the daily reset's timestamp, or absent;
deleting meetings that have ended or are in progress; unknown users; bad app credentials."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from linguaflex_desktop.adapters.meetings import ZoomMeetingProvider
from linguaflex_desktop.adapters.zoom import (
    MeetingInProgress,
    ZoomClient,
    ZoomUserNotFound,
    parse_retry_after,
    reference_marker,
)
from linguaflex_desktop.config import ZoomSettings
from linguaflex_desktop.errors import ExternalServiceError, RetryLater
from tests.integration.fake_zoom_server import FakeZoom

START = datetime(2027, 3, 20, 15, 0, tzinfo=UTC)
TEACHER = "teacher@school.example"


@pytest.fixture
def zoom() -> Iterator[FakeZoom]:
    server = FakeZoom().start()
    yield server
    server.stop()


def client_for(zoom: FakeZoom, client_secret: str | None = None) -> ZoomClient:
    settings = ZoomSettings(
        account_id=zoom.account_id,
        client_id=zoom.client_id,
        client_secret=client_secret or zoom.client_secret,
        api_base=zoom.api_base,
        oauth_base=zoom.oauth_base,
    )
    return ZoomClient.from_settings(settings, timeout=5.0)


@pytest.fixture
def client(zoom: FakeZoom) -> Iterator[ZoomClient]:
    with client_for(zoom) as zoom_client:
        yield zoom_client


def create(client: ZoomClient, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "topic": "Spanish B1",
        "start_at_utc": START,
        "duration_minutes": 60,
        "agenda": "Spanish session",
    }
    values.update(changes)
    return client.create_meeting(**values)


def next_midnight_utc() -> datetime:
    today = datetime.now(UTC).date()
    return datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=UTC)


# --- rate limits ------------------------------------------------------------------------------


def test_retry_after_accepts_the_iso_timestamp_of_the_daily_reset() -> None:
    now = datetime(2020, 5, 30, 23, 0, tzinfo=UTC)
    assert parse_retry_after("2020-05-31T00:00:00Z", now=now) == 3600.0
    assert parse_retry_after("2020-05-31T02:00:00+02:00", now=now) == 3600.0
    assert parse_retry_after("2020-05-30T00:00:00Z", now=now) == 0.0  # already past
    assert parse_retry_after("Sun, 31 May 2020 00:00:00 GMT", now=now) == 3600.0
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("2020-05-31Tnonsense") is None


def test_daily_limit_answers_the_reset_time_and_is_a_wait_not_a_failed_attempt(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    zoom.daily_limit = 1
    create(client)
    with pytest.raises(RetryLater) as caught:
        create(client)
    assert caught.value.counts_as_attempt is False
    expected = (next_midnight_utc() - datetime.now(UTC)).total_seconds()
    assert caught.value.retry_after is not None
    assert abs(caught.value.retry_after - expected) < 5
    assert len(zoom.live_meeting_ids()) == 1


def test_rate_limit_in_seconds_is_a_scheduled_wait_and_without_retry_after_an_attempt(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    path = "/v2/users/me/meetings"
    zoom.fail_next("POST", path, 429, code=429, message="Too many", headers={"Retry-After": "5"})
    with pytest.raises(RetryLater) as caught:
        create(client)
    assert (caught.value.retry_after, caught.value.counts_as_attempt) == (5.0, False)
    zoom.fail_next("POST", path, 429, code=429, message="Too many requests")
    with pytest.raises(RetryLater) as caught:
        create(client)
    assert (caught.value.retry_after, caught.value.counts_as_attempt) == (None, True)


# --- deleting ---------------------------------------------------------------------------------


def test_deleting_a_meeting_that_has_ended_is_done(client: ZoomClient, zoom: FakeZoom) -> None:
    meeting = create(client)
    zoom.set_status(meeting.id, "finished")
    client.delete_meeting(meeting.id)  # 400 code 3007: nothing to delete
    assert zoom.live_meeting_ids() == [int(meeting.id)]  # Zoom keeps ended meetings


def test_deleting_a_meeting_in_progress_is_retried_later(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    meeting = create(client)
    zoom.set_status(meeting.id, "started")
    with pytest.raises(MeetingInProgress) as caught:
        client.delete_meeting(meeting.id)
    assert isinstance(caught.value, RetryLater) and caught.value.counts_as_attempt
    assert zoom.live_meeting_ids() == [int(meeting.id)]


# --- users ------------------------------------------------------------------------------------


def test_an_e_mail_that_is_no_zoom_user_is_user_not_found(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    with pytest.raises(ZoomUserNotFound, match="1001"):
        create(client, user_id="stranger@example.com")
    with pytest.raises(ZoomUserNotFound):
        client.find_meeting_by_reference("LF-1", user_id="stranger@example.com")
    assert zoom.live_meeting_ids() == []


def test_meeting_is_hosted_by_the_teachers_own_zoom_user(zoom: FakeZoom) -> None:
    zoom.users.add(TEACHER)
    with client_for(zoom) as client:
        info = ZoomMeetingProvider(client).create(
            "LF-7", topic="Spanish", start_at=START, duration_minutes=60, host_email=TEACHER
        )
    assert zoom.host_of(info.external_id) == TEACHER
    [post] = [r for r in zoom.requests if r.method == "POST" and r.path.startswith("/v2/")]
    assert post.path == f"/v2/users/{TEACHER}/meetings"


def test_teacher_without_a_zoom_user_gets_a_meeting_of_the_default_user(zoom: FakeZoom) -> None:
    with client_for(zoom) as client:
        info = ZoomMeetingProvider(client).create(
            "LF-8", topic="Spanish", start_at=START, duration_minutes=60, host_email=TEACHER
        )
    assert zoom.host_of(info.external_id) == "me"


def test_meeting_made_under_the_default_user_is_found_after_the_teacher_joined_zoom(
    zoom: FakeZoom,
) -> None:
    with client_for(zoom) as client:
        provider = ZoomMeetingProvider(client)
        first = provider.create(
            "LF-9", topic="Spanish", start_at=START, duration_minutes=60, host_email=TEACHER
        )
        zoom.users.add(TEACHER)
        again = provider.create(
            "LF-9", topic="Spanish", start_at=START, duration_minutes=60, host_email=TEACHER
        )
    assert again.external_id == first.external_id
    assert len(zoom.live_meeting_ids()) == 1
    assert reference_marker("LF-9") in zoom.meetings[int(first.external_id)]["agenda"]


# --- credentials ------------------------------------------------------------------------------


def test_bad_client_credentials_answer_400_invalid_client(zoom: FakeZoom) -> None:
    answer = httpx.post(
        f"{zoom.oauth_base}/oauth/token",
        params={"grant_type": "account_credentials", "account_id": zoom.account_id},
        auth=(zoom.client_id, "wrong-secret"),
    )
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_client"
    with client_for(zoom, "wrong-secret") as client, pytest.raises(ExternalServiceError) as caught:
        create(client)
    assert "credentials" in str(caught.value) and not isinstance(caught.value, RetryLater)
    assert "wrong-secret" not in str(caught.value)
