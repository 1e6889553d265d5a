"""The suite-level contract check fails a run whose requests broke the contract.

A small pytest run (a child process, with only the contract plugin) starts its own sandbox and
sends requests our app must never send; its own tests pass, yet the run must fail and name them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD_TEST = """
import httpx

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox

FORM = {"amount": "100", "currency": "eur", "payment_method": "pm_card_visa"}


def test_requests_that_break_the_contract(tmp_path):
    with StripeSandbox(tmp_path, mode="in_process") as sandbox:  # dies with this run
        headers = {"Authorization": f"Bearer {sandbox.secret_key}"}
        url = f"{sandbox.api_base}/v1/payment_intents"
        pinned = {**headers, "Stripe-Version": STRIPE_API_VERSION}
        assert httpx.post(url, data=FORM, headers=pinned).status_code == 200
        wrong = {**headers, "Stripe-Version": "2020-08-27", "Idempotency-Key": "k-1"}
        assert httpx.post(url, data=FORM, headers=wrong).status_code == 400
        assert httpx.get(url, headers=pinned).status_code == 200
"""


@pytest.mark.localstripe
def test_a_run_whose_requests_broke_the_contract_fails_and_lists_them(tmp_path: Path) -> None:
    (tmp_path / "test_child.py").write_text(CHILD_TEST, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
         "-p", "tests.stripe_contract_plugin", str(tmp_path / "test_child.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    out = child.stdout
    assert "1 passed" in out, out + child.stderr
    assert child.returncode == 1, out
    assert "Stripe contract broken" in out
    assert "POST /v1/payment_intents (payment_intents.create, app): idempotency key none" in out
    assert "api_version_invalid" in out
    assert "3 Stripe requests checked against 2026-10-28.endive: " in out
    assert "payment_intents.create x2, payment_intents.list x1" in out
