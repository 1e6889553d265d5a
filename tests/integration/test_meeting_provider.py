"""Meeting providers: Zoom (against the fake Zoom server) reconciles after a crash; Jitsi rooms
are unguessable; the provider follows the settings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linguaflex_desktop.adapters.meetings import (
    JitsiMeetingProvider,
    ZoomMeetingProvider,
    meeting_provider_from_settings,
)
from linguaflex_desktop.adapters.zoom import ZoomClient
from linguaflex_desktop.config import Settings, ZoomSettings
from linguaflex_desktop.errors import RetryLater, ValidationError
from linguaflex_desktop.models import MeetingProvider as ProviderName
from tests.integration.fake_zoom_server import FakeZoom

START = datetime(2027, 3, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def zoom() -> Iterator[FakeZoom]:
    server = FakeZoom().start()
    yield server
    server.stop()


def zoom_settings(zoom: FakeZoom) -> ZoomSettings:
    return ZoomSettings(
        account_id=zoom.account_id,
        client_id=zoom.client_id,
        client_secret=zoom.client_secret,
        api_base=zoom.api_base,
        oauth_base=zoom.oauth_base,
    )


@pytest.fixture
def provider(zoom: FakeZoom) -> Iterator[ZoomMeetingProvider]:
    client = ZoomClient.from_settings(zoom_settings(zoom))
    yield ZoomMeetingProvider(client)
    client.close()


def test_zoom_meeting_has_host_link_passcode_and_booking_reference(
    provider: ZoomMeetingProvider, zoom: FakeZoom
) -> None:
    info = provider.create("LF-12", topic="Spanish B1", start_at=START, duration_minutes=60)
    stored = zoom.meetings[int(info.external_id)]
    assert info.provider is ProviderName.ZOOM
    assert info.join_url == stored["join_url"]
    assert info.host_url.startswith("https://zoom.example/s/")
    assert info.password == stored["password"] and len(info.password) == 10
    assert "[LinguaFlex LF-12]" in stored["agenda"]
    assert stored["settings"] == {"waiting_room": True, "join_before_host": False}


def test_creating_again_after_a_crash_reuses_the_live_meeting(
    provider: ZoomMeetingProvider, zoom: FakeZoom
) -> None:
    first = provider.create("LF-7", topic="Spanish", start_at=START, duration_minutes=60)
    # The job crashed before storing ``first``; the outbox runs it again.
    again = provider.create("LF-7", topic="Spanish", start_at=START, duration_minutes=60)
    assert again.external_id == first.external_id
    assert zoom.live_meeting_ids() == [int(first.external_id)]
    other = provider.create("LF-8", topic="French", start_at=START, duration_minutes=60)
    assert other.external_id != first.external_id


def test_zoom_rate_limit_surfaces_as_retry_later(
    provider: ZoomMeetingProvider, zoom: FakeZoom
) -> None:
    zoom.fail_next("POST", "/v2/users/me/meetings", 429, headers={"Retry-After": "5"})
    with pytest.raises(RetryLater) as caught:
        provider.create("LF-9", topic="Spanish", start_at=START, duration_minutes=60)
    assert caught.value.retry_after == 5.0
    assert zoom.live_meeting_ids() == []


def test_fresh_host_url_and_delete(provider: ZoomMeetingProvider, zoom: FakeZoom) -> None:
    info = provider.create("LF-3", topic="German", start_at=START, duration_minutes=30)
    fresh = provider.fresh_host_url(info.external_id)
    assert fresh.startswith("https://zoom.example/s/") and fresh != info.host_url
    provider.delete(info.external_id)
    provider.delete(info.external_id)
    assert zoom.live_meeting_ids() == []


def test_jitsi_rooms_are_unguessable_and_host_link_is_the_join_link() -> None:
    jitsi = JitsiMeetingProvider("https://jitsi.school.example/")
    rooms = [
        jitsi.create("LF-1", topic="x", start_at=START, duration_minutes=60) for _ in range(50)
    ]
    first = rooms[0]
    assert first.provider is ProviderName.JITSI and first.password is None
    assert first.join_url == first.host_url == f"https://jitsi.school.example/{first.external_id}"
    assert first.external_id.startswith("LinguaFlex-")
    assert len(first.external_id) - len("LinguaFlex-") >= 22  # 16 random bytes, base64url
    assert len({room.external_id for room in rooms}) == 50
    assert "LF-1" not in first.join_url  # nothing derived from the booking
    assert jitsi.fresh_host_url(first.external_id) == first.join_url
    jitsi.delete(first.external_id)


def test_jitsi_refuses_foreign_room_names_and_bad_base_urls() -> None:
    jitsi = JitsiMeetingProvider()
    with pytest.raises(ValidationError):
        jitsi.fresh_host_url("../admin")
    with pytest.raises(ValidationError):
        JitsiMeetingProvider("javascript:alert(1)")


def test_provider_follows_the_settings(zoom: FakeZoom, tmp_path: Path) -> None:
    plain = Settings(
        data_dir=tmp_path, database_url="sqlite://", jitsi_base_url="https://j.example"
    )
    jitsi = meeting_provider_from_settings(plain)
    assert isinstance(jitsi, JitsiMeetingProvider)
    assert jitsi.create("r", topic="t", start_at=START, duration_minutes=5).join_url.startswith(
        "https://j.example/LinguaFlex-"
    )
    with_zoom = plain.with_overrides(zoom=zoom_settings(zoom))
    zoom_provider = meeting_provider_from_settings(with_zoom)
    assert isinstance(zoom_provider, ZoomMeetingProvider)
    zoom_provider.close()
