"""The request contract of the pinned Stripe API version, read from stripe-python's types.

stripe-python is generated from the OpenAPI spec of one API version: each operation's request
parameters are a ``TypedDict`` in ``stripe.params`` (``PaymentIntentCreateParams`` ...), with
``Required``/``NotRequired`` keys, ``Literal`` enums, lists, string maps and nested
TypedDicts. ``ROUTES`` maps each ``/v1`` route our code (or a test standing in for Stripe.js
or the Dashboard) calls to its operation and TypedDict; ``check_params`` validates a decoded
form body against it the way Stripe does, and returns what Stripe would refuse, first
violation first, with Stripe's error codes:

- a key the type does not have (at any depth): ``parameter_unknown``, "Received unknown
  parameter: metadata[x]"; a parameter the pinned version removed has its own code
  (``payment_method_types`` -> ``payment_method_types_no_longer_supported``);
- a required key missing: ``parameter_missing``;
- an enum value outside its ``Literal``: ``parameter_invalid_enum``. The SDK types enums as
  ``Literal[...] | str`` (so that new values do not break old SDKs); Stripe itself accepts
  only the listed values, so the ``str`` fallback is ignored next to a non-empty ``Literal``;
- form values are strings: integers and booleans must parse
  (``parameter_invalid_integer`` / ``parameter_invalid_boolean``), lists and hashes must be
  lists and hashes (``parameter_invalid_array`` / ``parameter_invalid_object``); ``""`` is
  accepted where the type has ``Literal[""]`` (Stripe's "unset").

Pure functions, no I/O: the middleware in ``contract`` applies them.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

import stripe.params as P
import stripe.params.checkout as checkout_params
import typing_extensions
from stripe._request_options import RequestOptions
from stripe._stripe_context import StripeContext

# Names the generated modules import only under TYPE_CHECKING (get_type_hints needs them).
_TYPE_NAMESPACE: dict[str, Any] = {"StripeContext": StripeContext, "Mapping": typing.Mapping}
# ``RequestOptions`` keys (api_key, idempotency_key ...) travel as headers, never as params.
_OPTION_KEYS = frozenset(RequestOptions.__annotations__)
_WRAPPERS = (typing_extensions.Required, typing_extensions.NotRequired, typing.Annotated)
_TRUE_FALSE = frozenset({"true", "false"})
_SHAPE_CODES = frozenset(
    f"parameter_invalid_{kind}"
    for kind in ("object", "array", "string", "integer", "boolean", "float")
)


@dataclass(frozen=True)
class Route:
    """One Stripe API operation: ``method`` + ``template`` (``{id}`` for an object id)."""

    method: str
    template: str
    operation: str
    params: type

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("^" + re.sub(r"\\\{id\\\}", "[^/]+", re.escape(self.template)) + "$")


@dataclass(frozen=True)
class Violation:
    """What Stripe would answer 400 to: its error ``code``, ``param`` and ``message``."""

    code: str
    param: str | None
    message: str


def _crud(resource: str, name: str, ops: dict[str, tuple[str, str, type]]) -> tuple[Route, ...]:
    return tuple(
        Route(method, f"/v1/{resource}{suffix}", f"{name}.{op}", params)
        for op, (method, suffix, params) in ops.items()
    )


ROUTES: tuple[Route, ...] = (
    *_crud("customers", "customers", {
        "create": ("POST", "", P.CustomerCreateParams),
        "list": ("GET", "", P.CustomerListParams),
        "retrieve": ("GET", "/{id}", P.CustomerRetrieveParams),
        "update": ("POST", "/{id}", P.CustomerUpdateParams),
        "delete": ("DELETE", "/{id}", P.CustomerDeleteParams),
    }),
    *_crud("setup_intents", "setup_intents", {
        "create": ("POST", "", P.SetupIntentCreateParams),
        "list": ("GET", "", P.SetupIntentListParams),
        "retrieve": ("GET", "/{id}", P.SetupIntentRetrieveParams),
        "update": ("POST", "/{id}", P.SetupIntentUpdateParams),
        "confirm": ("POST", "/{id}/confirm", P.SetupIntentConfirmParams),
        "cancel": ("POST", "/{id}/cancel", P.SetupIntentCancelParams),
    }),
    *_crud("payment_methods", "payment_methods", {
        "create": ("POST", "", P.PaymentMethodCreateParams),
        "list": ("GET", "", P.PaymentMethodListParams),
        "retrieve": ("GET", "/{id}", P.PaymentMethodRetrieveParams),
        "update": ("POST", "/{id}", P.PaymentMethodUpdateParams),
        "attach": ("POST", "/{id}/attach", P.PaymentMethodAttachParams),
        "detach": ("POST", "/{id}/detach", P.PaymentMethodDetachParams),
    }),
    *_crud("payment_intents", "payment_intents", {
        "create": ("POST", "", P.PaymentIntentCreateParams),
        "list": ("GET", "", P.PaymentIntentListParams),
        "retrieve": ("GET", "/{id}", P.PaymentIntentRetrieveParams),
        "update": ("POST", "/{id}", P.PaymentIntentUpdateParams),
        "confirm": ("POST", "/{id}/confirm", P.PaymentIntentConfirmParams),
        "cancel": ("POST", "/{id}/cancel", P.PaymentIntentCancelParams),
        "capture": ("POST", "/{id}/capture", P.PaymentIntentCaptureParams),
    }),
    *_crud("refunds", "refunds", {
        "create": ("POST", "", P.RefundCreateParams),
        "list": ("GET", "", P.RefundListParams),
        "retrieve": ("GET", "/{id}", P.RefundRetrieveParams),
    }),
    *_crud("charges", "charges", {
        "list": ("GET", "", P.ChargeListParams),
        "retrieve": ("GET", "/{id}", P.ChargeRetrieveParams),
    }),
    *_crud("checkout/sessions", "checkout.sessions", {
        "create": ("POST", "", checkout_params.SessionCreateParams),
        "list": ("GET", "", checkout_params.SessionListParams),
        "retrieve": ("GET", "/{id}", checkout_params.SessionRetrieveParams),
        "expire": ("POST", "/{id}/expire", checkout_params.SessionExpireParams),
    }),
    *_crud("tokens", "tokens", {
        "create": ("POST", "", P.TokenCreateParams),
        "retrieve": ("GET", "/{id}", P.TokenRetrieveParams),
    }),
    *_crud("events", "events", {
        "list": ("GET", "", P.EventListParams),
        "retrieve": ("GET", "/{id}", P.EventRetrieveParams),
    }),
    Route("GET", "/v1/account", "account.retrieve", P.AccountRetrieveCurrentParams),
)  # fmt: skip

# Parameters the pinned version removed, with the code Stripe answers them with.
REMOVED: dict[tuple[str, str], Violation] = {
    (operation, "payment_method_types"): Violation(
        "payment_method_types_no_longer_supported",
        "payment_method_types",
        "The `payment_method_types` parameter is no longer supported in this API version: "
        "payment methods are chosen dynamically; use `allowed_payment_method_types` to "
        "narrow them.",
    )
    for operation in ("payment_intents.create", "setup_intents.create", "checkout.sessions.create")
}


def route_for(method: str, path: str) -> Route | None:
    """The operation behind ``method path`` (ids in the path), or None if unmapped."""
    for route in ROUTES:
        if route.method == method and route.pattern.match(path):
            return route
    return None


def check_params(route: Route, data: dict[str, Any]) -> list[Violation]:
    """Every violation of ``route``'s parameter type in the decoded body ``data``."""
    for key in data:
        removed = REMOVED.get((route.operation, key))
        if removed is not None:
            return [removed]
    return _check_object(route.params, data, "", top=True)


def flat_keys(data: Any, prefix: str = "") -> list[str]:
    """The form keys of a decoded body (``metadata[booking_id]``, ``expand[0]``), no values."""
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return [prefix] if prefix else []
    keys: list[str] = []
    for key, value in items:
        keys.extend(flat_keys(value, _join(prefix, str(key))))
    return keys


# --- the validator ---------------------------------------------------------------------------


def _join(prefix: str, key: str) -> str:
    return f"{prefix}[{key}]" if prefix else key


@functools.cache
def _hints(typed_dict: type) -> dict[str, Any]:
    return typing.get_type_hints(typed_dict, localns=_TYPE_NAMESPACE, include_extras=True)


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) in _WRAPPERS:
        tp = get_args(tp)[0]
    return tp


def _check_object(typed_dict: type, value: Any, path: str, *, top: bool = False) -> list[Violation]:
    if not isinstance(value, dict):
        return [_invalid("parameter_invalid_object", path, f"Invalid object: {path}")]
    hints = _hints(typed_dict)
    allowed = set(hints) - _OPTION_KEYS if top else set(hints)
    found = [
        Violation("parameter_unknown", _join(path, key), f"Received unknown parameter: "
                  f"{_join(path, key)}")
        for key in value
        if key not in allowed
    ]  # fmt: skip
    for key, item in value.items():
        if key in allowed:
            found.extend(_check(hints[key], item, _join(path, key)))
    required: frozenset[str] = getattr(typed_dict, "__required_keys__", frozenset())
    found.extend(
        Violation("parameter_missing", _join(path, key), f"Missing required param: "
                  f"{_join(path, key)}.")
        for key in sorted(required - set(value) - _OPTION_KEYS)
    )  # fmt: skip
    return found


def _check(tp: Any, value: Any, path: str) -> list[Violation]:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if origin is Union:
        return _check_union(get_args(tp), value, path)
    if origin is Literal:
        return _check_union((tp,), value, path)
    if typing_extensions.is_typeddict(tp):
        return _check_object(tp, value, path)
    if origin in (list, typing.List):  # noqa: UP006 - the SDK's own spelling
        if not isinstance(value, list):
            return [_invalid("parameter_invalid_array", path, f"Invalid array: {path}")]
        (item_type,) = get_args(tp) or (Any,)
        return [v for i, item in enumerate(value) for v in _check(item_type, item, f"{path}[{i}]")]
    if origin in (dict, typing.Dict):  # noqa: UP006
        if not isinstance(value, dict):
            return [_invalid("parameter_invalid_object", path, f"Invalid object: {path}")]
        _, item_type = get_args(tp) or (str, Any)
        return [v for k, item in value.items() for v in _check(item_type, item, _join(path, k))]
    return _check_scalar(tp, value, path)


def _check_scalar(tp: Any, value: Any, path: str) -> list[Violation]:
    if tp is bool:
        if not (isinstance(value, str) and value in _TRUE_FALSE):
            return [_invalid("parameter_invalid_boolean", path, f"Invalid boolean: {path}")]
    elif tp is int:
        if not (isinstance(value, str) and re.fullmatch(r"-?\d+", value)):
            return [_invalid("parameter_invalid_integer", path, f"Invalid integer: {path}")]
    elif tp is float:
        if not (isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value)):
            return [_invalid("parameter_invalid_float", path, f"Invalid decimal: {path}")]
    elif tp is str and not isinstance(value, str):
        return [_invalid("parameter_invalid_string", path, f"Invalid string: {path}")]
    return []  # other classes (UntypedStripeObject ...) are the SDK's, not the wire's


def _check_union(members: tuple[Any, ...], value: Any, path: str) -> list[Violation]:
    members = tuple(_unwrap(member) for member in members)
    literals = [arg for m in members if get_origin(m) is Literal for arg in get_args(m)]
    if isinstance(value, str) and value in [str(arg) for arg in literals]:
        return []
    enum_values = [str(arg) for arg in literals if arg != ""]
    others = [m for m in members if get_origin(m) is not Literal and not _opaque(m)]
    if enum_values:  # ``Literal[...] | str``: the ``str`` is the SDK's open-enum fallback
        others = [m for m in others if m is not str]
    failures: list[list[Violation]] = []
    for member in others:
        found = _check(member, value, path)
        if not found:
            return []
        failures.append(found)
    if enum_values and isinstance(value, str):
        choices = ", ".join(enum_values[:-1]) + (" or " if len(enum_values) > 1 else "")
        message = f"Invalid {path}: must be one of {choices}{enum_values[-1]}"
        return [_invalid("parameter_invalid_enum", path, message)]
    if failures:  # the member of the value's shape explains best
        return min(failures, key=lambda found: found[0].code in _SHAPE_CODES)
    return [_invalid("parameter_invalid_string", path, f"Invalid value: {path}")]


def _opaque(tp: Any) -> bool:
    """An SDK class (``UntypedStripeObject[str]`` ...) that says nothing about the wire."""
    origin = get_origin(tp) or tp
    return (
        isinstance(origin, type)
        and origin not in (bool, int, float, str, list, dict)
        and not typing_extensions.is_typeddict(origin)
    )


def _invalid(code: str, path: str, message: str) -> Violation:
    return Violation(code, path or None, message)
