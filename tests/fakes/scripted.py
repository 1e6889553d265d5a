"""Scripted answers shared by the fakes: per method, a queue of outcomes, then a default.

An outcome is an exception (raised), a callable (called with the call's arguments, its result
returned) or any other value (returned). When a method's queue is empty the fake's own default
behaviour answers, unless ``always`` set a standing outcome for it. Every call is recorded, in
order, as ``Call(method, args, kwargs)``, so a test can assert what the service asked for.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_NOTHING = object()


@dataclass(frozen=True)
class Call:
    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass
class Script:
    calls: list[Call] = field(default_factory=list)
    _queues: dict[str, deque[Any]] = field(default_factory=dict)
    _standing: dict[str, Any] = field(default_factory=dict)

    def push(self, method: str, outcomes: tuple[Any, ...]) -> None:
        self._queues.setdefault(method, deque()).extend(outcomes)

    def always(self, method: str, outcome: Any) -> None:
        self._standing[method] = outcome

    def answer(self, method: str, default: Callable[[], Any], *args: Any, **kwargs: Any) -> Any:
        """Record the call, then play its next scripted outcome or the default."""
        self.calls.append(Call(method, args, dict(kwargs)))
        queue = self._queues.get(method)
        outcome = queue.popleft() if queue else self._standing.get(method, _NOTHING)
        if outcome is _NOTHING:
            return default()
        if isinstance(outcome, BaseException):
            raise outcome
        if callable(outcome):
            return outcome(*args, **kwargs)
        return outcome

    def called(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]


class Scripted:
    """Base of the fakes: ``script(method, *outcomes)``, ``always(method, outcome)``,
    ``calls`` and ``calls_to(method)``."""

    def __init__(self) -> None:
        self._script = Script()

    def script(self, method: str, *outcomes: Any) -> None:
        """Queue outcomes for the next calls of ``method`` (then its default again)."""
        self._check_method(method)
        self._script.push(method, outcomes)

    def always(self, method: str, outcome: Any) -> None:
        """Answer every call of ``method`` with ``outcome`` once its queue is empty."""
        self._check_method(method)
        self._script.always(method, outcome)

    @property
    def calls(self) -> list[Call]:
        return self._script.calls

    def calls_to(self, method: str) -> list[Call]:
        return self._script.called(method)

    def _check_method(self, method: str) -> None:
        # A typo in a method name would silently script nothing.
        if not callable(getattr(type(self), method, None)):
            raise AttributeError(f"{type(self).__name__} has no method {method!r}")
