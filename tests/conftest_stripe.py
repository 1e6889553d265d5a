"""Stripe fixtures: one in-process localstripe per test run, reset before every test using it.

Registered from tests/conftest.py (``pytest_plugins``). ``stripe_sandbox`` is session-scoped
(localstripe's app is a process-wide singleton); the autouse ``_fresh_stripe_sandbox`` empties
it before each test that asks for it, so tests never see each other's customers or intents.
While it runs, every sandbox the test process opens (``open_payments_gateway`` for a test's
own data folder) shares it. Sandbox server processes that tests or their child processes
started (one per data folder) are stopped when the session ends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox, stop_server
from linguaflex_desktop.adapters.stripe.sandbox_folder import SANDBOX_FOLDER, SERVER_NAME
from linguaflex_desktop.config import StripeSettings
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

# argon2id of "correct horse battery": factories never hash.
PASSWORD_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$44U2Tx03EKYgiW/0rJqetA$"
    "GgqePMyNg1DA2KeDGLchBHsZp/pEN3LvX3nha9rtGn8"
)
TEST_STRIPE_SETTINGS = StripeSettings(max_network_retries=0, timeout_seconds=5.0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses localstripe (asks for ``stripe_sandbox``, directly or through
    another fixture) ``localstripe``, so the fast tier can leave them out with
    ``-m "not localstripe"``."""
    for item in items:
        if "stripe_sandbox" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.localstripe)


@pytest.fixture(scope="session")
def stripe_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StripeSandbox]:
    from tests.conftest import missing_peer

    sandbox = StripeSandbox(tmp_path_factory.mktemp("stripe-data"), mode="in_process")
    try:
        sandbox.start()
    except Exception as error:  # any failure means "no sandbox here"
        missing_peer(f"localstripe could not start: {error}")
    yield sandbox
    sandbox.stop()


@pytest.fixture(scope="session", autouse=True)
def _no_sandbox_server_outlives_the_session(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """Stop every sandbox server process serving a data folder of this session's tests."""
    yield
    for record in tmp_path_factory.getbasetemp().rglob(f"{SANDBOX_FOLDER}/{SERVER_NAME}"):
        stop_server(record.parent.parent)


@pytest.fixture(autouse=True)
def _fresh_stripe_sandbox(request: pytest.FixtureRequest) -> None:
    if "stripe_sandbox" in request.fixturenames:
        sandbox: StripeSandbox = request.getfixturevalue("stripe_sandbox")
        sandbox.reset()


@pytest.fixture
def stripe_gateway(stripe_sandbox: StripeSandbox) -> StripeGateway:
    """A gateway on the sandbox, without retries (tests want the first answer)."""
    return StripeGateway.for_sandbox(stripe_sandbox, TEST_STRIPE_SETTINGS)


def add_actor(ctx: ServiceContext, *, email: str, role: Role = Role.STUDENT) -> Actor:
    """Insert a user through the ORM and return it as an Actor."""
    with ctx.unit_of_work() as uow:
        user = User(
            email=email,
            password_hash=PASSWORD_HASH,
            role=role,
            display_name=email.split("@")[0].title(),
            time_zone="UTC",
            created_at=ctx.now(),
        )
        uow.session.add(user)
        uow.session.flush()
        actor = Actor(user.id, user.email, user.role, user.display_name, user.time_zone)
        uow.commit()
    return actor
