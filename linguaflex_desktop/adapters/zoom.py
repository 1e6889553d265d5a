"""Zoom's REST API through httpx, with Server-to-Server OAuth (developers.zoom.us).

The access token comes from ``POST {oauth_base}/oauth/token?grant_type=account_credentials
&account_id=ID`` with HTTP Basic client_id:client_secret; it is cached until 60 s before it
expires and fetched again once when Zoom answers 401 / code 124. Outcomes the outbox can wait
out (429, 5xx, timeouts, connection errors) raise ``RetryLater`` (with Zoom's Retry-After when
sent, as seconds or as the timestamp of a daily limit's reset; a wait Zoom scheduled uses up no
outbox attempt); other refusals raise ``ExternalServiceError`` with Zoom's message. Deleting a
meeting that has ended is done already; one in progress raises ``MeetingInProgress``. Meetings
belong to a Zoom user: ``user_id`` (an e-mail address or ``me``, the account's default user);
an unknown user raises ``ZoomUserNotFound``. Zoom has no idempotency key for meeting
creation, so callers reconcile with ``find_meeting_by_reference``.

Blocking I/O: call from a worker thread, never the Qt thread. Thread-safe. The token and the
client secret are never logged nor put in an error message.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import httpx

from linguaflex_desktop.adapters.zoom_texts import could_not, limited, troubled
from linguaflex_desktop.config import ZoomSettings
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    RetryLater,
    ValidationError,
)
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 15.0
TOKEN_MARGIN_SECONDS = 60.0
MAX_TOPIC_CHARS = 200
MAX_AGENDA_CHARS = 2000
LIST_PAGE_SIZE = 300
CODE_INVALID_TOKEN = 124
CODE_MEETING_NOT_FOUND = 3001
CODE_USER_NOT_FOUND = 1001
CODE_MEETING_IN_PROGRESS = 3002
CODE_MEETING_ENDED = 3007
DEFAULT_USER = "me"
_PASSWORD = re.compile(r"^[A-Za-z0-9@_*-]{1,10}$")
_REFERENCE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class ZoomUserNotFound(ExternalServiceError):
    """Zoom has no such user in the account (404, code 1001)."""


class MeetingInProgress(RetryLater):
    """The meeting is running and cannot be deleted now (400, code 3002): try after it ends."""


@dataclass(frozen=True)
class ZoomMeeting:
    id: str
    join_url: str
    start_url: str
    password: str | None


def reference_marker(reference: str) -> str:
    """The text put in a meeting's agenda so that the meeting can be found again."""
    if not _REFERENCE.match(reference):
        raise ValidationError(f"A booking reference is 1-64 letters, digits, . _ -: {reference!r}")
    return f"[LinguaFlex {reference}]"


class ZoomClient:
    """A Zoom API client for one Server-to-Server OAuth app; ``close()`` when done."""

    def __init__(
        self,
        *,
        account_id: str,
        client_id: str,
        client_secret: str,
        api_base: str = "https://api.zoom.us/v2",
        oauth_base: str = "https://zoom.us",
        user_id: str = DEFAULT_USER,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not (account_id and client_id and client_secret):
            raise ConfigurationError(
                tx("Zoom needs an account id, a client id and a client secret.")
            )
        self._account_id = account_id
        self._credentials = (client_id, client_secret)
        self._api_base = api_base.rstrip("/")
        self._oauth_base = oauth_base.rstrip("/")
        self._user_id = user_id
        self._clock = clock
        self._http = httpx.Client(timeout=timeout, follow_redirects=False)
        self._lock = threading.Lock()
        self._token: str | None = None
        self._token_valid_until = 0.0

    @classmethod
    def from_settings(cls, settings: ZoomSettings, **options: Any) -> ZoomClient:
        if not settings.configured:
            raise ConfigurationError(
                tx("Zoom is not configured (ZOOM_ACCOUNT_ID, CLIENT_ID, SECRET).")
            )
        return cls(
            account_id=settings.account_id or "",
            client_id=settings.client_id or "",
            client_secret=settings.client_secret or "",
            api_base=settings.api_base,
            oauth_base=settings.oauth_base,
            **options,
        )

    def __repr__(self) -> str:
        return f"ZoomClient(api_base={self._api_base!r}, account_id={self._account_id!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ZoomClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- meetings ---------------------------------------------------------------------------

    def create_meeting(
        self,
        *,
        topic: str,
        start_at_utc: datetime,
        duration_minutes: int,
        agenda: str,
        password: str | None = None,
        user_id: str | None = None,
    ) -> ZoomMeeting:
        """Create a scheduled meeting (type 2) with a waiting room and no join before host,
        hosted by ``user_id`` (default: the client's user)."""
        body = _meeting_body(topic, start_at_utc, duration_minutes, agenda, password)
        response = self._api("POST", self._user_path(user_id), json=body)
        if response.status_code != 201:
            _raise_for(response, "create the meeting")
        return _meeting_from(response.json())

    def get_meeting(self, meeting_id: str | int) -> ZoomMeeting:
        """The meeting with a freshly issued host ``start_url`` (it expires after ~2 h)."""
        response = self._api("GET", f"/meetings/{_meeting_id(meeting_id)}")
        if response.status_code != 200:
            _raise_for(response, "find the meeting")
        return _meeting_from(response.json())

    def update_meeting_time(
        self, meeting_id: str | int, *, start_at_utc: datetime, duration_minutes: int
    ) -> None:
        """Move the meeting (``PATCH /meetings/{id}``, 204); its links stay the same."""
        if start_at_utc.tzinfo is None or start_at_utc.utcoffset() is None:
            raise ValidationError("A meeting start must be an aware datetime.")
        if duration_minutes <= 0:
            raise ValidationError("A meeting lasts at least one minute.")
        body = {
            "start_time": start_at_utc.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "duration": duration_minutes,
            "timezone": "UTC",
        }
        response = self._api("PATCH", f"/meetings/{_meeting_id(meeting_id)}", json=body)
        if response.status_code not in (200, 204):
            _raise_for(response, "move the meeting")

    def delete_meeting(self, meeting_id: str | int) -> None:
        """Delete the meeting. One already gone (404, code 3001) or ended (400, code 3007) is
        fine: nothing to delete. One in progress (400, code 3002) raises MeetingInProgress."""
        response = self._api("DELETE", f"/meetings/{_meeting_id(meeting_id)}")
        if response.status_code in (200, 204):
            return
        code = _zoom_code(response)
        if response.status_code == 404 and code == CODE_MEETING_NOT_FOUND:
            log.info("zoom meeting %s was already deleted", meeting_id)
            return
        if response.status_code == 400 and code == CODE_MEETING_ENDED:
            log.info("zoom meeting %s has ended: nothing to delete", meeting_id)
            return
        if response.status_code == 400 and code == CODE_MEETING_IN_PROGRESS:
            raise MeetingInProgress(
                None, "The Zoom meeting is in progress; it will be deleted after it ends."
            )
        _raise_for(response, "delete the meeting")

    def find_meeting_by_reference(
        self, reference: str, *, user_id: str | None = None
    ) -> ZoomMeeting | None:
        """The upcoming meeting of ``user_id`` (default: the client's user) whose agenda
        carries ``reference_marker(reference)``, if any."""
        marker = reference_marker(reference)
        params: dict[str, Any] = {"type": "upcoming", "page_size": LIST_PAGE_SIZE}
        while True:
            response = self._api("GET", self._user_path(user_id), params=params)
            if response.status_code != 200:
                _raise_for(response, "list the meetings")
            data = response.json()
            for item in data.get("meetings") or []:
                if marker in (item.get("agenda") or ""):
                    return self.get_meeting(item["id"])
            next_token = data.get("next_page_token")
            if not next_token:
                return None
            params["next_page_token"] = next_token

    def _user_path(self, user_id: str | None) -> str:
        user = user_id or self._user_id
        if not user or any(char in user for char in "/?#") or user.strip() != user:
            raise ValidationError(f"Not a Zoom user id or e-mail address: {user!r}.")
        return f"/users/{quote(user, safe='@')}/meetings"

    # --- transport --------------------------------------------------------------------------

    def _api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        token = self._access_token()
        response = self._send(method, self._api_base + path, bearer=token, **kwargs)
        if response.status_code == 401 or _zoom_code(response) == CODE_INVALID_TOKEN:
            log.info("zoom rejected the cached access token; fetching a new one once")
            self._forget_token(token)
            response = self._send(
                method, self._api_base + path, bearer=self._access_token(), **kwargs
            )
        return response

    def _access_token(self) -> str:
        with self._lock:
            if self._token and self._clock() < self._token_valid_until:
                return self._token
            token, lifetime = self._fetch_token()
            self._token = token
            self._token_valid_until = self._clock() + max(lifetime - TOKEN_MARGIN_SECONDS, 0.0)
            return token

    def _forget_token(self, token: str) -> None:
        with self._lock:
            if self._token == token:
                self._token = None

    def _fetch_token(self) -> tuple[str, float]:
        response = self._send(
            "POST",
            f"{self._oauth_base}/oauth/token",
            params={"grant_type": "account_credentials", "account_id": self._account_id},
            auth=self._credentials,
        )
        if response.status_code in (400, 401, 403):
            raise ExternalServiceError(
                tx(
                    "Zoom refused the app's credentials ({detail}): check the Zoom account id, "
                    "client id and client secret.",
                    detail=_zoom_message(response) or response.status_code,
                )
            )
        if response.status_code != 200:
            _raise_for(response, "sign in")
        data = response.json()
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise ExternalServiceError(tx("Zoom's sign-in answer had no access token."))
        return token, float(data.get("expires_in") or 3600)

    def _send(
        self, method: str, url: str, *, bearer: str | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = {"Accept": "application/json"}
        if bearer is not None:
            headers["Authorization"] = f"Bearer {bearer}"
        try:
            return self._http.request(method, url, headers=headers, **kwargs)
        except httpx.TimeoutException as error:
            raise RetryLater(
                None, tx("Zoom did not answer in time ({error}).", error=type(error).__name__)
            ) from None
        except httpx.TransportError as error:
            raise RetryLater(
                None, tx("Zoom could not be reached ({error}).", error=type(error).__name__)
            ) from None


def _meeting_body(
    topic: str,
    start_at_utc: datetime,
    duration_minutes: int,
    agenda: str,
    password: str | None,
) -> dict[str, Any]:
    if start_at_utc.tzinfo is None or start_at_utc.utcoffset() is None:
        raise ValidationError("A meeting start must be an aware datetime.")
    if duration_minutes <= 0:
        raise ValidationError("A meeting lasts at least one minute.")
    if len(agenda) > MAX_AGENDA_CHARS:
        raise ValidationError(f"A Zoom agenda holds at most {MAX_AGENDA_CHARS} characters.")
    if password is not None and not _PASSWORD.match(password):
        raise ValidationError("A Zoom passcode is 1-10 letters, digits or @ - _ *.")
    body: dict[str, Any] = {
        "topic": topic.strip()[:MAX_TOPIC_CHARS] or "LinguaFlex session",
        "type": 2,
        "start_time": start_at_utc.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration": duration_minutes,
        "timezone": "UTC",
        "agenda": agenda,
        "settings": {"waiting_room": True, "join_before_host": False},
    }
    if password is not None:
        body["password"] = password
    return body


def _meeting_id(meeting_id: str | int) -> str:
    text = str(meeting_id)
    if not text.isdigit():
        raise ValidationError(f"Not a Zoom meeting id: {text!r}.")
    return text


def _meeting_from(data: dict[str, Any]) -> ZoomMeeting:
    try:
        return ZoomMeeting(
            id=str(data["id"]),
            join_url=str(data["join_url"]),
            start_url=str(data.get("start_url") or ""),
            password=data.get("password") or None,
        )
    except KeyError as error:
        raise ExternalServiceError(
            tx("Zoom's meeting answer lacked {field}.", field=str(error))
        ) from None


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _zoom_code(response: httpx.Response) -> int | None:
    if response.status_code < 400:
        return None
    code = _json(response).get("code")
    return code if isinstance(code, int) else None


def _zoom_message(response: httpx.Response) -> str:
    data = _json(response)
    message = data.get("message") or data.get("reason") or data.get("error") or ""
    return str(message)[:500]


def _raise_for(response: httpx.Response, action: str) -> None:
    status = response.status_code
    detail = _zoom_message(response) or response.reason_phrase
    if status == 429:
        wait = parse_retry_after(response.headers.get("Retry-After"))
        raise RetryLater(
            wait,
            limited(action, detail=detail),
            counts_as_attempt=wait is None,  # Zoom named the time (e.g. the daily reset)
        )
    if status >= 500:
        raise RetryLater(
            parse_retry_after(response.headers.get("Retry-After")),
            troubled(action, status=status),
        )
    code = _zoom_code(response)
    if status == 404 and code == CODE_USER_NOT_FOUND:
        http = f"(HTTP 404, code {code})"
        raise ZoomUserNotFound(could_not(action, detail=detail, http=http))
    suffix = f", code {code}" if code is not None else ""
    http = f"(HTTP {status}{suffix})"
    raise ExternalServiceError(could_not(action, detail=detail, http=http))


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header, or None. Zoom sends delta-seconds, or for
    its daily limit the reset time as ISO 8601 (``2020-05-31T00:00:00Z``); HTTP dates too."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = _parse_iso_instant(value)
    if when is None:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def _parse_iso_instant(value: str) -> datetime | None:
    if not value[:4].isdigit():
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when
