"""QR codes from a webcam (or a video file): OpenCV capture, zxing-cpp or pyzbar decoding.

Each frame is decoded downscaled and grey first, at full size only when that finds nothing.
The same code seen again within the hold-off is ignored.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

import cv2
import numpy as np

from devices.driver import DeviceGone, Emit
from devices.readings import CodeReading, CodeSource, DeviceKind

PREVIEW_WIDTH = 640


class Decoder(Protocol):
    name: str

    def decode(self, gray: np.ndarray) -> list[str]: ...


def _text(raw: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


class ZxingDecoder:
    name = "zxing"

    def __init__(self) -> None:
        import zxingcpp

        self._zxing = zxingcpp
        self._formats = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)

    def decode(self, gray: np.ndarray) -> list[str]:
        results = self._zxing.read_barcodes(gray, formats=self._formats)
        return [r.text for r in results if r.valid and r.text]


class PyzbarDecoder:
    name = "pyzbar"

    def __init__(self) -> None:
        from pyzbar import pyzbar

        self._pyzbar = pyzbar

    def decode(self, gray: np.ndarray) -> list[str]:
        symbols = [self._pyzbar.ZBarSymbol.QRCODE]
        return [_text(r.data) for r in self._pyzbar.decode(gray, symbols=symbols)]


def make_decoder(name: str) -> Decoder:
    try:
        if name == "zxing":
            return ZxingDecoder()
        if name == "pyzbar":
            return PyzbarDecoder()
    except (ImportError, OSError) as exc:  # pyzbar needs the zbar library
        raise DeviceGone(f"decoder {name} is not available: {exc}") from exc
    raise ValueError(f"unknown decoder {name!r} (zxing or pyzbar)")


def _downscale(image: np.ndarray, max_width: int) -> np.ndarray:
    height, width = image.shape[:2]
    if width <= max_width:
        return image
    scale = max_width / width
    return cv2.resize(image, (max_width, int(height * scale)), interpolation=cv2.INTER_AREA)


def decode_frame(frame: np.ndarray, decoder: Decoder, max_width: int = 640) -> list[str]:
    """Codes in a BGR or grey frame: downscaled first, the full frame when that finds none."""
    gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    small = _downscale(gray, max_width)
    found = decoder.decode(small)
    if not found and small is not gray:
        found = decoder.decode(gray)
    return found


class CameraScanner:
    """A webcam or video file as a code source. `source`: "0", 0, or a file path."""

    kind = DeviceKind.CAMERA

    def __init__(
        self,
        name: str,
        source: str | int,
        *,
        decoder: str | Decoder = "zxing",
        hold_off: float = 3.0,
        loop: bool = False,
        realtime: bool = True,
        max_width: int = 640,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.name = name
        self.source = source
        self.port = str(source)
        self.decoder = make_decoder(decoder) if isinstance(decoder, str) else decoder
        self.hold_off = hold_off
        self.loop = loop
        self.realtime = realtime  # a video file plays at its own frame rate, as a camera would
        self._frame_interval = 0.0
        self._next_frame = 0.0
        self.max_width = max_width
        self._clock = clock
        self._capture: Any = None
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()
        self._preview: np.ndarray | None = None
        self._frame_times: deque[float] = deque(maxlen=60)
        self._decode_ms = 0.0

    @property
    def is_file(self) -> bool:
        return not (isinstance(self.source, int) or str(self.source).isdigit())

    def open(self) -> None:
        source = self.source if self.is_file else int(self.source)
        capture = cv2.VideoCapture(source)
        if not capture.isOpened():
            capture.release()
            raise DeviceGone(f"camera {self.source} cannot be opened")
        if not self.is_file:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, 1280)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, 720)
        elif self.realtime:
            fps = capture.get(cv2.CAP_PROP_FPS) or 25.0
            self._frame_interval = 1.0 / fps
        self._capture = capture

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def poll(self, emit: Emit) -> None:
        if self._capture is None:
            raise DeviceGone("not open")
        if self._frame_interval:
            wait = self._next_frame - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._next_frame = max(self._next_frame, time.monotonic()) + self._frame_interval
        ok, frame = self._capture.read()
        if not ok:
            if self.is_file and self.loop:
                self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                return
            raise DeviceGone("end of video" if self.is_file else "the camera stopped")
        started = time.perf_counter()
        codes = decode_frame(frame, self.decoder, self.max_width)
        now = time.monotonic()
        with self._lock:
            self._decode_ms = (time.perf_counter() - started) * 1000
            self._frame_times.append(now)
            self._preview = _downscale(frame, PREVIEW_WIDTH).copy()
        for code in codes:
            last = self._seen.get(code)
            self._seen[code] = now
            if last is not None and now - last < self.hold_off:
                continue
            emit(CodeReading(code, CodeSource.CAMERA, self.name, self._clock()))

    # -- for the settings page (any thread) ------------------------------------------------------
    def latest_frame(self) -> np.ndarray | None:
        with self._lock:
            return None if self._preview is None else self._preview.copy()

    def stats(self) -> dict[str, Any]:
        """Frames decoded per second (every frame read is decoded) and the last decode time."""
        with self._lock:
            times = list(self._frame_times)
            decode_ms = self._decode_ms
        fps = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
        if times and time.monotonic() - times[-1] > 2:
            fps = 0.0
        return {"fps": fps, "decode_ms": decode_ms, "decoder": self.decoder.name}
