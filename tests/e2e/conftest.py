"""Browser fixtures: one headless Debian Chromium per test run, driven by selenium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.conftest import missing_peer

    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        missing_peer("headless Chromium needs /usr/bin/chromium and /usr/bin/chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile: Path = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception as error:  # the browser is a peer: absent or broken means "missing"
        missing_peer(f"headless Chromium could not start: {error}")
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# --- the crash suite's table (tests/e2e/test_crash_recovery.py) ------------------------------

CRASH_ROWS = pytest.StashKey[list[tuple[str, str]]]()


@pytest.fixture(scope="session")
def crash_table(request: pytest.FixtureRequest) -> list[tuple[str, str]]:
    """Rows (step, outcome) the crash suite prints at the end of the run."""
    return request.config.stash.setdefault(CRASH_ROWS, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from linguaflex_desktop.crashpoints import CRASH_POINTS

    order: dict[str, int] = {step: index for index, step in enumerate(CRASH_POINTS)}
    collected: list[tuple[str, str]] = terminalreporter.config.stash.get(CRASH_ROWS, [])
    rows = sorted(collected, key=lambda row: order.get(row[0], len(order)))
    if not rows:
        return
    width = max(len("step"), *(len(step) for step, _ in rows))
    terminalreporter.section("crash recovery: killed at each step, then restarted")
    terminalreporter.write_line(f"{'step':<{width}}  outcome")
    terminalreporter.write_line(f"{'-' * width}  {'-' * 7}")
    for step, outcome in rows:
        terminalreporter.write_line(f"{step:<{width}}  {outcome}")
