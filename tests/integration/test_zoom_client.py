"""ZoomClient against a local server speaking Zoom's documented endpoints."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from linguaflex_desktop.adapters.zoom import ZoomClient, parse_retry_after, reference_marker
from linguaflex_desktop.config import ZoomSettings
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    RetryLater,
    ValidationError,
)
from tests.integration.fake_zoom_server import FakeZoom

START = datetime(2027, 3, 20, 15, 0, tzinfo=UTC)


@dataclass
class FakeMonotonic:
    value: float = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def zoom() -> Iterator[FakeZoom]:
    server = FakeZoom().start()
    yield server
    server.stop()


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()


def client_for(zoom: FakeZoom, **options: Any) -> ZoomClient:
    settings = ZoomSettings(
        account_id=zoom.account_id,
        client_id=zoom.client_id,
        client_secret=zoom.client_secret,
        api_base=zoom.api_base,
        oauth_base=zoom.oauth_base,
    )
    return ZoomClient.from_settings(settings, **options)


@pytest.fixture
def client(zoom: FakeZoom, monotonic: FakeMonotonic) -> Iterator[ZoomClient]:
    with client_for(zoom, clock=monotonic, timeout=2.0) as zoom_client:
        yield zoom_client


def create(client: ZoomClient, agenda: str = "Spanish session", **changes: Any) -> Any:
    values: dict[str, Any] = {
        "topic": "Spanish B1 — Ana & Ben",
        "start_at_utc": START,
        "duration_minutes": 90,
        "agenda": agenda,
    }
    values.update(changes)
    return client.create_meeting(**values)


def test_create_meeting_sends_zooms_documented_request(client: ZoomClient, zoom: FakeZoom) -> None:
    berlin_start = datetime(2027, 3, 28, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    meeting = create(client, start_at_utc=berlin_start, topic="T" * 250, password="Ab3-_*@x")
    token_call, create_call = zoom.requests
    assert token_call.method == "POST" and token_call.path == "/oauth/token"
    assert token_call.query == {
        "grant_type": ["account_credentials"],
        "account_id": [zoom.account_id],
    }
    assert create_call.path == "/v2/users/me/meetings"
    assert create_call.headers["Authorization"] == f"Bearer {zoom.issued_tokens[0]}"
    assert create_call.body == {
        "topic": "T" * 200,
        "type": 2,
        "start_time": "2027-03-28T07:00:00Z",
        "duration": 90,
        "timezone": "UTC",
        "agenda": "Spanish session",
        "password": "Ab3-_*@x",
        "settings": {"waiting_room": True, "join_before_host": False},
    }
    assert meeting.id == str(zoom.live_meeting_ids()[0])
    assert meeting.join_url.endswith(meeting.id)
    assert meeting.start_url and meeting.password == "Ab3-_*@x"


def test_token_is_cached_until_a_minute_before_expiry(
    client: ZoomClient, zoom: FakeZoom, monotonic: FakeMonotonic
) -> None:
    create(client)
    create(client)
    assert zoom.token_requests() == 1
    monotonic.value += 3600 - 61
    create(client)
    assert zoom.token_requests() == 1
    monotonic.value += 2  # now inside the last minute of the token's life
    create(client)
    assert zoom.token_requests() == 2


def test_expired_token_is_fetched_again_once_and_the_call_succeeds(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    create(client)
    zoom.expire_tokens()  # Zoom now answers 401 with code 124
    meeting = create(client)
    assert zoom.token_requests() == 2
    assert int(meeting.id) in zoom.live_meeting_ids()


def test_a_second_token_rejection_is_an_error_not_a_loop(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    zoom.fail_next(
        "POST", "/v2/users/me/meetings", 401, code=124, message="Invalid access token.", times=5
    )
    with pytest.raises(ExternalServiceError, match="Invalid access token") as caught:
        create(client)
    assert not isinstance(caught.value, RetryLater)
    assert zoom.token_requests() == 2
    assert zoom.live_meeting_ids() == []


def test_wrong_credentials_are_a_clear_error_without_the_secret(zoom: FakeZoom) -> None:
    settings = ZoomSettings(
        account_id=zoom.account_id,
        client_id=zoom.client_id,
        client_secret="wrong-secret-value",
        api_base=zoom.api_base,
        oauth_base=zoom.oauth_base,
    )
    client = ZoomClient.from_settings(settings)
    with client, pytest.raises(ExternalServiceError, match="credentials") as caught:
        create(client)
    assert "wrong-secret-value" not in str(caught.value)
    assert "wrong-secret-value" not in repr(client)


def test_rate_limit_with_retry_after_is_retried_later_after_that_delay(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    zoom.fail_next(
        "POST",
        "/v2/users/me/meetings",
        429,
        code=429,
        message="Too many requests",
        headers={"Retry-After": "37"},
    )
    with pytest.raises(RetryLater) as caught:
        create(client)
    assert caught.value.retry_after == 37.0
    assert zoom.live_meeting_ids() == []
    assert create(client).id  # the next attempt goes through


def test_rate_limit_without_retry_after_leaves_the_delay_to_the_backoff(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    zoom.fail_next("POST", "/v2/users/me/meetings", 429, message="Daily limit reached")
    with pytest.raises(RetryLater) as caught:
        create(client)
    assert caught.value.retry_after is None


def test_server_error_is_retried_later(client: ZoomClient, zoom: FakeZoom) -> None:
    zoom.fail_next("POST", "/v2/users/me/meetings", 500, message="Internal error")
    with pytest.raises(RetryLater, match="HTTP 500"):
        create(client)
    zoom.fail_next("POST", "/oauth/token", 503)
    zoom.expire_tokens()
    with pytest.raises(RetryLater):
        create(client)


def test_slow_answer_times_out_and_is_retried_later(zoom: FakeZoom) -> None:
    zoom.fail_next("POST", "/v2/users/me/meetings", 201, delay=10.0)
    with client_for(zoom, timeout=0.3) as client, pytest.raises(RetryLater, match="in time"):
        create(client)


def test_unreachable_zoom_is_retried_later() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before use: nothing listens there
    client = ZoomClient(
        account_id="a",
        client_id="b",
        client_secret="c",
        api_base=f"http://127.0.0.1:{port}/v2",
        oauth_base=f"http://127.0.0.1:{port}",
    )
    with client, pytest.raises(RetryLater, match="could not be reached"):
        create(client)


def test_validation_refusal_shows_zooms_message(client: ZoomClient, zoom: FakeZoom) -> None:
    zoom.fail_next("POST", "/v2/users/me/meetings", 400, code=300, message="Invalid field.")
    with pytest.raises(ExternalServiceError, match=r"Invalid field\. \(HTTP 400, code 300\)"):
        create(client)


def test_bad_arguments_never_reach_zoom(client: ZoomClient, zoom: FakeZoom) -> None:
    with pytest.raises(ValidationError):
        create(client, start_at_utc=datetime(2027, 3, 20, 15, 0))
    with pytest.raises(ValidationError):
        create(client, password="far-too-long-passcode")
    with pytest.raises(ValidationError):
        create(client, agenda="x" * 2001)
    with pytest.raises(ValidationError):
        client.get_meeting("1/../../users")
    assert zoom.requests == []


def test_get_meeting_returns_a_fresh_host_link_each_time(client: ZoomClient) -> None:
    meeting = create(client)
    first = client.get_meeting(meeting.id)
    second = client.get_meeting(meeting.id)
    assert first.id == second.id == meeting.id
    assert first.start_url != second.start_url != meeting.start_url


def test_delete_removes_the_meeting_and_deleting_again_is_fine(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    meeting = create(client)
    client.delete_meeting(meeting.id)
    assert zoom.live_meeting_ids() == []
    client.delete_meeting(meeting.id)  # 404 code 3001: already gone
    with pytest.raises(ExternalServiceError, match="3001"):
        client.get_meeting(meeting.id)


def test_delete_failure_other_than_not_found_is_reported(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    meeting = create(client)
    zoom.fail_next("DELETE", "/v2/meetings/", 403, code=200, message="No privilege.")
    with pytest.raises(ExternalServiceError, match="No privilege"):
        client.delete_meeting(meeting.id)
    assert zoom.live_meeting_ids() == [int(meeting.id)]


def test_meeting_is_found_by_its_reference_across_pages(client: ZoomClient, zoom: FakeZoom) -> None:
    zoom.max_page_size = 2
    created = [
        create(client, agenda=f"{reference_marker(f'LF-{n}')}\nSession {n}") for n in range(1, 6)
    ]
    found = client.find_meeting_by_reference("LF-5")
    assert found is not None and found.id == created[4].id
    assert found.start_url  # full details, fetched with GET /meetings/{id}
    assert client.find_meeting_by_reference("LF-1") is not None
    assert client.find_meeting_by_reference("LF-55") is None  # no prefix match
    listings = [r for r in zoom.requests if r.method == "GET" and r.path.endswith("/meetings")]
    assert {r.query["type"][0] for r in listings} == {"upcoming"}


def test_neither_token_nor_secret_is_logged(
    client: ZoomClient, zoom: FakeZoom, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    create(client)
    zoom.expire_tokens()
    meeting = create(client)
    zoom.fail_next("DELETE", "/v2/meetings/", 500)
    with pytest.raises(RetryLater):
        client.delete_meeting(meeting.id)
    assert caplog.records  # something was logged
    assert zoom.client_secret not in caplog.text
    for token in zoom.issued_tokens:
        assert token not in caplog.text


def test_unconfigured_settings_are_refused() -> None:
    with pytest.raises(ConfigurationError):
        ZoomClient.from_settings(ZoomSettings())


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    later = (now + timedelta(seconds=90)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(later, now=now) == 90.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_update_meeting_time_moves_the_meeting_and_a_missing_one_is_an_error(
    client: ZoomClient, zoom: FakeZoom
) -> None:
    meeting = create(client)
    later = START + timedelta(days=3, hours=1)
    client.update_meeting_time(meeting.id, start_at_utc=later, duration_minutes=45)
    stored = zoom.meetings[int(meeting.id)]
    assert stored["start_time"] == "2027-03-23T16:00:00Z" and stored["duration"] == 45
    assert client.get_meeting(meeting.id).join_url == meeting.join_url
    with pytest.raises(ExternalServiceError):
        client.update_meeting_time("999", start_at_utc=later, duration_minutes=45)
    zoom.fail_next("PATCH", "/v2/meetings/", 429, headers={"Retry-After": "7"})
    with pytest.raises(RetryLater) as caught:
        client.update_meeting_time(meeting.id, start_at_utc=later, duration_minutes=45)
    assert caught.value.retry_after == 7
