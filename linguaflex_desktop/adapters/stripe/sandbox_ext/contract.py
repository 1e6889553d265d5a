"""Sandbox extension: every ``/v1`` request is checked against the pinned API contract.

localstripe accepts parameters Stripe refuses (and ignores idempotency keys), so a green run
against it alone says nothing about the real API. This aiohttp middleware, first in
localstripe's chain, looks at each ``/v1/...`` request before localstripe does:

- who sends it (``Caller``): our app (secret key: the default); Stripe.js in the browser
  (localstripe's stand-in authenticates with ``key=pk_...`` in the body: Stripe.js's private
  parameters are not our contract, so it is only recorded); a request with no key at all
  (recorded only: localstripe answers 401 as Stripe does); localstripe's own routes (a path
  segment starting with ``_``, such as ``_authenticate``: recorded only); or a test standing
  in for the browser or the Stripe Dashboard (header ``Linguaflex-Sandbox-Caller``);
- which operation it is (``contract_rules.ROUTES``; an unmapped route is recorded as a
  violation, but passed on: only the suite check fails on it);
- whether its parameters fit the SDK's type for that operation and its ``Stripe-Version`` is
  the pinned one: if not, it is refused as Stripe refuses it (HTTP 400, Stripe's JSON error);
  a request without ``Stripe-Version`` is answered (Stripe uses the account's default) but
  recorded as a violation: our gateway always pins the version;
- whether a POST/DELETE carries an ``Idempotency-Key`` of our own: "ours", "generated"
  (stripe-python's random fallback, which dies with the process) or "none". Stripe refuses
  neither, so this is recorded for the suite check only.

Each request becomes a ``ContractRecord`` (keys and verdicts, never values: they can hold
personal data) kept by ``RECORDER`` and, when ``LINGUAFLEX_STRIPE_CONTRACT_LOG`` names a file,
appended to it as a JSON line, so that a sandbox in another process reports too. A request
with the header ``Linguaflex-Contract-Probe`` is a test breaking the contract on purpose:
refused all the same, but left out of ``problems``.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from aiohttp import web

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract_rules import (
    Violation,
    check_params,
    flat_keys,
    route_for,
)

CONTRACT_LOG_ENV = "LINGUAFLEX_STRIPE_CONTRACT_LOG"
CALLER_HEADER = "Linguaflex-Sandbox-Caller"
PROBE_HEADER = "Linguaflex-Contract-Probe"
UNMAPPED = "route_unmapped"
# Stripe answers a request without Stripe-Version in the account's default version: not
# refused, but our gateway must always pin it, so the suite check fails on it.
VERSION_MISSING = "api_version_missing"
_NOT_REFUSED = (UNMAPPED, VERSION_MISSING)

Caller = Literal["app", "browser", "dashboard", "sandbox", "anonymous"]
KeyKind = Literal["ours", "generated", "none"]
_STAND_INS: dict[str, Caller] = {"browser": "browser", "dashboard": "dashboard"}
_SDK_KEY = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class ContractRecord:
    """One request as the contract saw it: keys and verdicts, no values."""

    operation: str | None
    method: str
    path: str
    caller: Caller
    keys: tuple[str, ...]
    idempotency: KeyKind | None  # None for reads
    stripe_version: str | None
    violations: tuple[Violation, ...]
    refused: bool
    probe: bool = False

    def problems(self) -> list[str]:
        """What breaks the contract here (empty for the browser, localstripe and probes)."""
        if self.probe or self.caller in ("browser", "sandbox", "anonymous"):
            return []
        found = [f"{v.code} ({v.param})" if v.param else v.code for v in self.violations]
        if self.caller == "app" and self.idempotency not in (None, "ours"):
            found.append(f"idempotency key {self.idempotency}")
        return found

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> ContractRecord:
        raw = json.loads(line)
        raw["keys"] = tuple(raw["keys"])
        raw["violations"] = tuple(Violation(**v) for v in raw["violations"])
        return cls(**raw)


class ContractRecorder:
    """The checked requests of this process, in order, the latest ``keep`` of them (the
    app's sandbox runs for days; the log file, when set, keeps them all). Thread-safe."""

    def __init__(self, keep: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._records: deque[ContractRecord] = deque(maxlen=keep)

    def add(self, record: ContractRecord) -> None:
        with self._lock:
            self._records.append(record)
            log_file = os.environ.get(CONTRACT_LOG_ENV)
            if log_file:
                with Path(log_file).open("a", encoding="utf-8") as handle:
                    handle.write(record.to_json() + "\n")

    def records(self) -> list[ContractRecord]:
        with self._lock:
            return list(self._records)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()


RECORDER = ContractRecorder()


def install(app: web.Application) -> None:
    """Put the contract check first in localstripe's middleware chain."""
    app.middlewares.insert(0, contract_middleware)


@web.middleware
async def contract_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    if not request.path.startswith("/v1/"):
        return await handler(request)
    record = await inspect(request)
    RECORDER.add(record)
    if record.refused:
        return refusal(next(v for v in record.violations if v.code not in _NOT_REFUSED))
    response: web.StreamResponse = await handler(request)
    return response


async def inspect(request: web.Request) -> ContractRecord:
    """Check one ``/v1`` request (see the module docstring); reads but keeps its body."""
    data = await _decoded(request)
    caller = _caller(request, data)
    route = route_for(request.method, request.path)
    violations: list[Violation] = []
    if caller in ("app", "dashboard"):
        version = _version_violation(request.headers.get("Stripe-Version"))
        violations.extend([version] if version else [])
        if route is None:
            message = f"Unrecognized request URL ({request.method}: {request.path})."
            violations.append(Violation(UNMAPPED, None, message))
        else:
            violations.extend(check_params(route, data))
    return ContractRecord(
        operation=route.operation if route else None,
        method=request.method,
        path=route.template if route else request.path,
        caller=caller,
        keys=tuple(flat_keys(data)),
        idempotency=_key_kind(request),
        stripe_version=request.headers.get("Stripe-Version"),
        violations=tuple(violations),
        refused=any(v.code not in _NOT_REFUSED for v in violations),
        probe=PROBE_HEADER in request.headers,
    )


def refusal(violation: Violation) -> web.Response:
    """Stripe's answer to a request it refuses: 400 with its JSON error object."""
    error: dict[str, str] = {"type": "invalid_request_error", "message": violation.message}
    error["code"] = violation.code
    if violation.param:
        error["param"] = violation.param
    return web.json_response({"error": error}, status=400)


# --- the suite's view --------------------------------------------------------------------


def load_log(path: Path) -> list[ContractRecord]:
    """The records appended to a contract log (none if it does not exist)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [ContractRecord.from_json(line) for line in lines if line.strip()]


def problems(records: list[ContractRecord]) -> list[str]:
    """One line per request that broke the contract."""
    return [
        f"{r.method} {r.path} ({r.operation or 'unmapped'}, {r.caller}): {', '.join(found)}"
        for r in records
        if (found := r.problems())
    ]


def summary(records: list[ContractRecord]) -> str:
    """ "N requests checked: op xN, ..." over the app's and the stand-ins' requests."""
    counts: dict[str, int] = {}
    for r in records:
        if r.caller in ("app", "dashboard") and not r.probe:
            name = r.operation or f"{r.method} {r.path}"
            counts[name] = counts.get(name, 0) + 1
    parts = ", ".join(f"{name} x{n}" for name, n in sorted(counts.items()))
    return f"{sum(counts.values())} Stripe requests checked against {STRIPE_API_VERSION}: {parts}"


# --- helpers -----------------------------------------------------------------------------


async def _decoded(request: web.Request) -> dict[str, Any]:
    from localstripe.server import unflatten_data

    data: dict[str, Any] = dict(unflatten_data(request.query)) if request.query else {}
    if not request.body_exists:  # (can_read_body is False once another middleware read it)
        return data
    if request.content_type == "application/x-www-form-urlencoded":
        form = await request.post()
        data.update(unflatten_data(form) if form else {})
        return data
    body = await request.read()
    try:
        decoded = json.loads(body) if body else {}
    except ValueError:
        decoded = {}
    data.update(decoded if isinstance(decoded, dict) else {})
    return data


def _caller(request: web.Request, data: dict[str, Any]) -> Caller:
    if any(segment.startswith("_") for segment in request.path.split("/")):
        return "sandbox"
    stand_in = _STAND_INS.get(request.headers.get(CALLER_HEADER, ""))
    if stand_in is not None:
        return stand_in
    authorization = request.headers.get("Authorization", "")
    has_secret = authorization.startswith("Bearer sk_")
    key = data.get("key")
    if not has_secret and isinstance(key, str) and key.startswith("pk_"):
        return "browser"
    if not authorization and not key:
        return "anonymous"  # no key at all: Stripe answers 401 before it reads anything else
    return "app"


def _version_violation(version: str | None) -> Violation | None:
    if version == STRIPE_API_VERSION:
        return None
    if not version:
        message = f"No Stripe-Version header: this integration pins {STRIPE_API_VERSION}."
        return Violation(VERSION_MISSING, None, message)
    sent = f"Stripe-Version {version!r}"
    message = (
        f"Invalid Stripe API version: this integration is pinned to {STRIPE_API_VERSION}, "
        f"the request had {sent}."
    )
    return Violation("api_version_invalid", None, message)


def _key_kind(request: web.Request) -> KeyKind | None:
    if request.method not in ("POST", "DELETE"):
        return None
    key = request.headers.get("Idempotency-Key")
    if not key:
        return "none"
    return "generated" if _SDK_KEY.match(key) else "ours"
