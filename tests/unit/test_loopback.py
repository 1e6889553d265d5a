"""The one Host rule of the app's local servers: only ``127.0.0.1:PORT``, exactly."""

from __future__ import annotations

import pytest

from linguaflex_desktop.adapters.loopback import LOOPBACK_HOST, is_own_host, loopback_host

PORT = 51234


def test_the_own_host_is_the_loopback_address_with_the_port() -> None:
    assert LOOPBACK_HOST == "127.0.0.1"
    assert loopback_host(PORT) == "127.0.0.1:51234"
    assert loopback_host(80) == "127.0.0.1:80"  # the port is always written, even the default


def test_exactly_the_own_host_is_answered() -> None:
    assert is_own_host("127.0.0.1:51234", PORT)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1:51235",  # another port: another server
        "127.0.0.1:5123",
        "localhost:51234",  # the app only hands out 127.0.0.1 addresses
        "127.0.0.1",  # no port
        None,  # no Host header at all
        "",
        "127.0.0.1.:51234",  # a trailing dot is another name
        "127.0.0.1:51234.",
        "LOCALHOST:51234",
        "[::1]:51234",  # IPv6 loopback: the servers do not listen there
        " 127.0.0.1:51234",
        "127.0.0.1:51234 ",
        "evil.example:51234",  # DNS rebinding: a web page's own name resolving to 127.0.0.1
        "127.0.0.1:051234",
    ],
)
def test_every_other_host_is_refused(host: str | None) -> None:
    assert not is_own_host(host, PORT)
