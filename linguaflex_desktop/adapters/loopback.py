"""The loopback rule shared by every local HTTP server of the app.

The app's local servers (the return page of Stripe's hosted pages, the payments sandbox) listen on
``127.0.0.1`` only. A web page could still reach them through DNS rebinding (its own name
resolving to 127.0.0.1), but the browser then sends that name in ``Host``: so every request
whose ``Host`` is not exactly ``127.0.0.1:PORT`` is refused. ``localhost:PORT`` is refused
too: the app only ever hands out ``127.0.0.1`` addresses.
"""

from __future__ import annotations

LOOPBACK_HOST = "127.0.0.1"


def loopback_host(port: int) -> str:
    """The only ``Host`` value a loopback server on ``port`` answers."""
    return f"{LOOPBACK_HOST}:{port}"


def is_own_host(host_header: str | None, port: int) -> bool:
    """True when ``host_header`` is exactly ``127.0.0.1:PORT`` for this server's port."""
    return host_header == loopback_host(port)
