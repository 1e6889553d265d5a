"""Logging to a rotating file in the data folder (and stderr), with secrets redacted.

The app's window starts with a file handler that only appends (``configure_logging(...,
rotating=False)``) and turns it into the rotating one once the window shows
(``rotate_log_file``): ``logging.handlers`` (socket, pickle, queue) took some 6 ms of the time
to the sign-in window. Commands rotate from the start."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from linguaflex_desktop.errors import DataFolderNotWritable

# ``log.error(..., extra=FILE_ONLY)``: a record for the log file that stays off stderr (a
# traceback the user is spared; they get one line and the log file's path instead).
FILE_ONLY = {"linguaflex_file_only": True}

MAX_LOG_BYTES = 2_000_000
LOG_BACKUPS = 5

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


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "linguaflex_file_only", False)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(
    log_file: Path, level: str = "INFO", *, to_stderr: bool = True, rotating: bool = True
) -> None:
    """Idempotent: replaces the handlers this function installed before. With ``rotating``
    False, the file is appended to until ``rotate_log_file``.

    DataFolderNotWritable when the log file cannot be created (the data folder is read-only,
    or a file stands where a folder should be); the handlers in place are then kept.
    """
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = (
            _rotating_file(log_file)
            if rotating
            else logging.FileHandler(log_file, encoding="utf-8")
        )
    except OSError as error:
        raise DataFolderNotWritable(
            f"Cannot write to the data folder {log_file.parents[1]}: "
            f"{error.strerror or error} (choose another with --data-dir)."
        ) from error
    formatter = RedactingFormatter(
        "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
    )
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_linguaflex", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [file_handler]
    if to_stderr:
        console = logging.StreamHandler()
        console.setLevel(max(logging.WARNING, logging.getLevelName(level)))
        console.addFilter(_not_file_only)
        handlers.append(console)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._linguaflex = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("stripe").setLevel(max(logging.getLevelName(level), logging.INFO))
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def rotate_log_file() -> None:
    """Replace the appending file handler of ``configure_logging(rotating=False)`` by the
    rotating one, on the same file (nothing to do when it rotates already). The new one is
    added before the old one goes: a record logged meanwhile by another thread is written,
    at worst twice, never lost."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_linguaflex", False) and type(handler) is logging.FileHandler:
            rotating = _rotating_file(Path(handler.baseFilename))
            rotating.setFormatter(handler.formatter)
            rotating.setLevel(handler.level)
            rotating._linguaflex = True  # type: ignore[attr-defined]
            root.addHandler(rotating)
            root.removeHandler(handler)
            handler.close()


def _rotating_file(log_file: Path) -> logging.Handler:
    from logging.handlers import RotatingFileHandler

    return RotatingFileHandler(
        log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
