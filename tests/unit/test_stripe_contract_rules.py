"""The Stripe contract's pure parts: the pinned version, derived keys, the suite's verdicts."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.specifiers import SpecifierSet
from stripe._api_version import _ApiVersion

from linguaflex_desktop.adapters.stripe.gateway import (
    STRIPE_API_VERSION,
    attach_key,
    derived_key,
)
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract import (
    ContractRecord,
    problems,
    summary,
)
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract_rules import (
    ROUTES,
    Violation,
    route_for,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_pinned_version_is_the_one_the_installed_sdk_is_generated_for() -> None:
    # An SDK upgrade that moves the generated version fails here: re-read its changelog first.
    assert STRIPE_API_VERSION == _ApiVersion.CURRENT


def test_the_sdk_is_bounded_to_the_major_version_of_the_pin() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [stripe_spec] = [d for d in project["project"]["dependencies"] if d.startswith("stripe")]
    specifier = SpecifierSet(stripe_spec.removeprefix("stripe"))

    assert version("stripe") in specifier
    assert "17.0.0" not in specifier and "16.0.0" not in specifier


def test_keys_derived_for_repeatable_operations_are_the_same_on_a_retry() -> None:
    assert (
        derived_key("cancel", "pi_123")
        == derived_key("cancel", "pi_123")
        == ("linguaflex-cancel-pi_123")
    )
    assert derived_key("detach", "pm_1") != derived_key("detach", "pm_2")
    assert attach_key("pm_1", "cus_1") == attach_key("pm_1", "cus_1")
    # A test card id makes a new card on every attach: each attach is its own request.
    assert attach_key("pm_card_visa", "cus_1") != attach_key("pm_card_visa", "cus_1")


def test_every_route_maps_to_a_params_type_of_the_sdk() -> None:
    assert all(route.params.__module__.startswith("stripe.params") for route in ROUTES)
    assert len({(r.method, r.template) for r in ROUTES}) == len(ROUTES)
    found = route_for("POST", "/v1/payment_intents/pi_1/cancel")
    assert found is not None and found.operation == "payment_intents.cancel"
    assert route_for("POST", "/v1/payment_intents/pi_1/cancel/now") is None


def record(**changes: object) -> ContractRecord:
    base: dict[str, object] = {
        "operation": "payment_intents.create",
        "method": "POST",
        "path": "/v1/payment_intents",
        "caller": "app",
        "keys": ("amount", "currency"),
        "idempotency": "ours",
        "stripe_version": STRIPE_API_VERSION,
        "violations": (),
        "refused": False,
    }
    return ContractRecord(**{**base, **changes})  # type: ignore[arg-type]


def test_the_suite_fails_on_app_writes_without_our_key_and_on_violations() -> None:
    unknown = (Violation("parameter_unknown", "foo", "Received unknown parameter: foo"),)
    records = [
        record(),
        record(idempotency="generated"),
        record(idempotency="none", method="DELETE"),
        record(violations=unknown, refused=True),
        record(violations=unknown, refused=True, probe=True),
        record(caller="browser", idempotency="none", violations=unknown),
        record(caller="dashboard", idempotency="generated"),
        record(caller="dashboard", violations=unknown, refused=True),
        record(method="GET", idempotency=None),
    ]

    assert problems(records) == [
        "POST /v1/payment_intents (payment_intents.create, app): idempotency key generated",
        "DELETE /v1/payment_intents (payment_intents.create, app): idempotency key none",
        "POST /v1/payment_intents (payment_intents.create, app): parameter_unknown (foo)",
        "POST /v1/payment_intents (payment_intents.create, dashboard): parameter_unknown (foo)",
    ]


def test_the_summary_counts_requests_per_operation() -> None:
    line = summary([record(), record(), record(operation="refunds.create"), record(probe=True)])

    assert line.startswith(f"3 Stripe requests checked against {STRIPE_API_VERSION}: ")
    assert line.endswith("payment_intents.create x2, refunds.create x1")
