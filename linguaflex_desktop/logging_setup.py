"""Logging to a rotating file in the data folder (and stderr), with secrets redacted."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_SECRET_PATTERNS = [
    re.compile(r"\b(sk|rk)_(test|live)_[A-Za-z0-9]+"),
    re.compile(r"\b(seti|pi)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+"),
    re.compile(r"(postgres(?:ql)?(?:\+\w+)?://[^:/@\s]+:)[^@\s]+@"),
    re.compile(r"(?i)(password|passwd|token|secret|authorization)(\s*[=:]\s*)\S+"),
]


def redact(text: str) -> str:
    """Replace anything that looks like a key, client secret, password or token."""
    text = _SECRET_PATTERNS[0].sub(r"\1_\2_[REDACTED]", text)
    text = _SECRET_PATTERNS[1].sub("[REDACTED-CLIENT-SECRET]", text)
    text = _SECRET_PATTERNS[2].sub(r"\1[REDACTED]@", text)
    return _SECRET_PATTERNS[3].sub(r"\1\2[REDACTED]", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(log_file: Path, level: str = "INFO", *, to_stderr: bool = True) -> None:
    """Idempotent: replaces the handlers this function installed before."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    formatter = RedactingFormatter(
        "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
    )
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_linguaflex", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if to_stderr:
        console = logging.StreamHandler()
        console.setLevel(max(logging.WARNING, logging.getLevelName(level)))
        handlers.append(console)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._linguaflex = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("stripe").setLevel(max(logging.getLevelName(level), logging.INFO))
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
