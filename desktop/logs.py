"""Rotating log files with personal numbers masked before anything is written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.masking import mask_in_text

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


class MaskingFilter(logging.Filter):
    """Replaces ID and phone numbers in a record's final message with their masked forms."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_in_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_in_text(record.exc_text)
        return True


def _rotating(path: Path, level: int) -> logging.Handler:
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(MaskingFilter())
    return handler


def setup_logging(log_dir: Path, level: str = "INFO", *, console: bool = False) -> None:
    """Send the application log to `gatedesk.log` and raw device traffic to `devices.log`."""
    log_dir.mkdir(parents=True, exist_ok=True)
    numeric = logging.getLevelName(level)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_gatedesk", False):
            root.removeHandler(handler)
            handler.close()
    app_handler = _rotating(log_dir / "gatedesk.log", numeric)
    handlers: list[logging.Handler] = [app_handler]
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream.addFilter(MaskingFilter())
        handlers.append(stream)
    for handler in handlers:
        handler._gatedesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(numeric)

    raw = logging.getLogger("gatedesk.devices.raw")
    for handler in list(raw.handlers):
        raw.removeHandler(handler)
        handler.close()
    raw.addHandler(_rotating(log_dir / "devices.log", logging.DEBUG))
    raw.setLevel(logging.DEBUG)
    raw.propagate = False
