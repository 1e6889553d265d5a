"""Sandbox extension: see the package docstring."""

from __future__ import annotations

from aiohttp import web


def install(app: web.Application) -> None:
    """Add this extension's routes and middlewares to localstripe's app."""
