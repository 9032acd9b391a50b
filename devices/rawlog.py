"""Raw device traffic in hex, to `devices.log`, with personal byte ranges left out."""

from __future__ import annotations

import logging
from collections.abc import Sequence

raw_log = logging.getLogger("gatedesk.devices.raw")


def hex_bytes(data: bytes, redact: Sequence[tuple[int, int]] = ()) -> str:
    """`data` as spaced hex; each (start, end) range becomes `<n bytes>`."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(redact):
        start, end = max(start, pos), min(end, len(data))
        if start >= end:
            continue
        parts.append(data[pos:start].hex(" "))
        parts.append(f"<{end - start} bytes>")
        pos = end
    parts.append(data[pos:].hex(" "))
    return " ".join(p for p in parts if p)


def log_bytes(
    device: str, direction: str, data: bytes, redact: Sequence[tuple[int, int]] = ()
) -> None:
    """Log one chunk sent (`tx`) or received (`rx`) by `device`."""
    if data and raw_log.isEnabledFor(logging.DEBUG):
        raw_log.debug("%s %s %s", device, direction, hex_bytes(data, redact))


def log_note(device: str, text: str) -> None:
    """A line about the device's traffic that is not bytes (opened, closed, error)."""
    raw_log.info("%s -- %s", device, text)
