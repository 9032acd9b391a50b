"""Codes from a webcam (or a video file): OpenCV capture, zxing-cpp or pyzbar decoding.

Each frame is decoded downscaled and grey first, and at full size only when that finds nothing
(a small code far from the camera). The same code seen again within the hold-off is ignored.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

import cv2
import numpy as np

from devices.driver import DeviceGone, Emit
from devices.rawlog import log_note
from devices.readings import CodeReading, CodeSource, DeviceKind

PREVIEW_WIDTH = 640
STATS_WINDOW_S = 2.0
DECODERS = ("zxing", "pyzbar")


# QR codes (passes, city health codes) and the common codes a gate may be shown: ID numbers as
# Code 128 or Code 39, EAN/UPC and ITF on goods and slips, PDF417 on documents. Every format is
# looked for in every frame: DataMatrix alone would double the time zxing-cpp takes on a frame
# without a code, so it is left out (pass `formats` to have it). See benchmarks/bench_camera.py.
ZXING_FORMATS = (
    "QRCode",
    "MicroQRCode",
    "PDF417",
    "Code128",
    "Code39",
    "EAN13",
    "EAN8",
    "UPCA",
    "ITF",
)
PYZBAR_SYMBOLS = ("QRCODE", "CODE128", "CODE39", "EAN13", "EAN8", "UPCA", "I25")
QR_ONLY = {"zxing": ("QRCode", "MicroQRCode"), "pyzbar": ("QRCODE",)}


class Decoder(Protocol):
    """Finds the codes in a grey (2-D uint8) image; the texts in the order found."""

    name: str

    def decode(self, gray: np.ndarray) -> list[str]: ...


class DecoderUnavailable(RuntimeError):
    """The decoder's library (zxing-cpp, or pyzbar with the zbar shared library) is missing."""


def bytes_to_text(raw: bytes) -> str:
    """A code's bytes as text: UTF-8, else GB18030 (Chinese codes without an ECI), else
    Latin-1, which maps every byte."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


class ZxingDecoder:
    """zxing-cpp: the default; fast and robust (turned, inverted and damaged codes)."""

    name = "zxing"

    def __init__(self, formats: Iterable[str] | None = None) -> None:
        try:
            import zxingcpp
        except ImportError as exc:
            raise DecoderUnavailable(f"the zxing decoder needs zxing-cpp: {exc}") from exc
        self._zxing = zxingcpp
        names = ZXING_FORMATS if formats is None else tuple(formats)
        try:
            self.formats = tuple(getattr(zxingcpp.BarcodeFormat, n) for n in names)
        except AttributeError as exc:
            raise ValueError(f"unknown barcode format: {exc}") from exc

    def decode(self, gray: np.ndarray) -> list[str]:
        results = self._zxing.read_barcodes(np.ascontiguousarray(gray), formats=self.formats)
        return [text for r in results if r.valid and (text := self._text(r))]

    @staticmethod
    def _text(result: Any) -> str:
        # Without an ECI zxing-cpp reads a byte-mode code as Latin-1; Chinese generators often
        # put GB18030 (GBK) bytes in it. Only that case is decoded again from the bytes.
        raw: bytes = result.bytes
        if raw and not raw.isascii() and result.text == raw.decode("latin-1"):
            text = bytes_to_text(raw)
            if text.isprintable():
                return text
        return result.text


class PyzbarDecoder:
    """pyzbar (the zbar library): the second choice.

    zbar converts a QR code's bytes to text by guessing among Shift-JIS, Big5 and Latin-1, which
    turns UTF-8 or GB18030 Chinese into other characters. The scan is therefore run with zbar's
    binary option (raw bytes, zbar 0.23 and later), through pyzbar's own bindings, and the bytes
    are decoded here: UTF-8, else GB18030.
    """

    name = "pyzbar"
    _CFG_BINARY = 4  # ZBAR_CFG_BINARY in zbar.h; pyzbar's ZBarConfig predates it

    def __init__(self, symbols: Iterable[str] | None = None) -> None:
        try:
            from pyzbar import wrapper
        except ImportError as exc:  # also raised when the zbar shared library is missing
            raise DecoderUnavailable(
                f"the pyzbar decoder needs pyzbar and the zbar library (libzbar0): {exc}"
            ) from exc
        self._wrapper = wrapper
        names = PYZBAR_SYMBOLS if symbols is None else tuple(symbols)
        try:
            self.symbols = tuple(wrapper.ZBarSymbol[n] for n in names)
        except KeyError as exc:
            raise ValueError(f"unknown barcode symbology: {exc}") from exc

    def decode(self, gray: np.ndarray) -> list[str]:
        return [bytes_to_text(raw) for raw in self._scan(gray) if raw]

    def _scan(self, gray: np.ndarray) -> list[bytes]:
        from ctypes import c_void_p, cast, string_at

        w = self._wrapper
        pixels = np.ascontiguousarray(gray, dtype=np.uint8).tobytes()
        height, width = gray.shape[:2]
        scanner = w.zbar_image_scanner_create()
        if not scanner:
            raise MemoryError("zbar could not create a scanner")
        try:
            w.zbar_image_scanner_set_config(scanner, 0, w.ZBarConfig.CFG_ENABLE, 0)
            for symbol in self.symbols:
                w.zbar_image_scanner_set_config(scanner, symbol, w.ZBarConfig.CFG_ENABLE, 1)
            w.zbar_image_scanner_set_config(scanner, 0, self._CFG_BINARY, 1)
            image = w.zbar_image_create()
            if not image:
                raise MemoryError("zbar could not create an image")
            try:
                w.zbar_image_set_format(image, 808466521)  # fourcc "Y800": 8-bit grey
                w.zbar_image_set_size(image, width, height)
                w.zbar_image_set_data(image, cast(pixels, c_void_p), len(pixels), None)
                if w.zbar_scan_image(scanner, image) < 0:
                    return []
                found = []
                symbol = w.zbar_image_first_symbol(image)
                while symbol:
                    data = w.zbar_symbol_get_data(symbol)
                    found.append(string_at(data, w.zbar_symbol_get_data_length(symbol)))
                    symbol = w.zbar_symbol_next(symbol)
                return found
            finally:
                w.zbar_image_destroy(image)
        finally:
            w.zbar_image_scanner_destroy(scanner)


def make_decoder(name: str, formats: Iterable[str] | None = None) -> Decoder:
    """The decoder called `name` ("zxing" or "pyzbar"); `formats` narrows what it looks for
    (names as its library spells them, e.g. `QR_ONLY[name]`). `DecoderUnavailable` when the
    library is missing."""
    if name == "zxing":
        return ZxingDecoder(formats)
    if name == "pyzbar":
        return PyzbarDecoder(formats)
    raise ValueError(f"unknown decoder {name!r} ({' or '.join(DECODERS)})")


def downscale(image: np.ndarray, max_width: int) -> np.ndarray:
    """`image` no wider than `max_width` (the same array when it already is)."""
    height, width = image.shape[:2]
    if width <= max_width:
        return image
    size = (max_width, max(1, round(height * max_width / width)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def decode_frame(frame: np.ndarray, decoder: Decoder, max_width: int = 640) -> list[str]:
    """Codes in a BGR or grey frame: downscaled first, the full frame when that finds none."""
    gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    small = downscale(gray, max_width)
    found = decoder.decode(small)
    if not found and small is not gray:
        found = decoder.decode(gray)
    return list(dict.fromkeys(found))


class HoldOff:
    """Lets a code through unless it was seen less than `seconds` ago; every sighting, let
    through or not, starts the hold-off again (a code held in front of the camera is one)."""

    def __init__(self, seconds: float, timer: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._timer = timer
        self._seen: dict[str, float] = {}

    def admit(self, code: str) -> bool:
        now = self._timer()
        last = self._seen.pop(code, None)
        self._seen[code] = now  # most recent last: the oldest are pruned first
        if len(self._seen) > 256:
            for old, seen_at in list(self._seen.items()):
                if now - seen_at < self.seconds:
                    break
                del self._seen[old]
        return last is None or now - last >= self.seconds


def _is_device(source: str | int) -> bool:
    text = str(source)
    return isinstance(source, int) or text.isdigit() or text.startswith("/dev/video")


class CameraScanner:
    """A webcam or a video file as a code source (a Driver of kind CAMERA).

    `source`: a camera index (0, "0") or a video file path (a video plays at its own frame rate
    unless `realtime` is False; at its end it starts again with `loop`, otherwise the driver
    reports `DeviceGone("end of video")`). `decoder`: "zxing", "pyzbar" or a `Decoder`.
    `hold_off`: seconds during which the same code is not reported again. `max_width`: the
    width frames are scaled down to for the first decoding attempt. `gone_after`: seconds
    without a frame from a camera before it counts as unplugged.
    """

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
        gone_after: float = 2.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        if isinstance(decoder, str) and decoder not in DECODERS:
            raise ValueError(f"unknown decoder {decoder!r} ({' or '.join(DECODERS)})")
        self.name = name
        self.source = source
        self.port = str(source)
        self.is_device = _is_device(source)
        self._decoder_spec = decoder
        self.decoder: Decoder | None = None if isinstance(decoder, str) else decoder
        self.hold_off = HoldOff(hold_off)
        self.loop = loop
        self.realtime = realtime
        self.max_width = max_width
        self.gone_after = gone_after
        self._clock = clock
        self._capture: Any = None
        self._frame_interval = 0.0
        self._next_frame = 0.0
        self._last_frame_at = 0.0
        # Shared with the settings page (any thread), under the lock.
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._reads: deque[float] = deque()
        self._decodes: deque[tuple[float, float]] = deque()  # (when, milliseconds)
        self._decode_ms = 0.0
        self._opened_at = 0.0

    @property
    def decoder_name(self) -> str:
        spec = self._decoder_spec
        return spec if isinstance(spec, str) else spec.name

    # -- Driver ----------------------------------------------------------------------------------
    def open(self) -> None:
        if self.decoder is None:
            try:
                self.decoder = make_decoder(self.decoder_name)
            except DecoderUnavailable as exc:
                raise DeviceGone(str(exc)) from exc
        capture = self._open_capture()
        if self.is_device:
            capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))  # 720p at 30 fps
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, 1280)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, 720)
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue of old ones
            self._frame_interval = 0.0
        else:
            fps = capture.get(cv2.CAP_PROP_FPS)
            self._frame_interval = 1.0 / (fps if 1 <= fps <= 240 else 25.0) if self.realtime else 0
        self._capture = capture
        now = time.monotonic()
        self._next_frame = self._last_frame_at = now
        with self._lock:
            self._opened_at = now
            self._reads.clear()
            self._decodes.clear()
        width = capture.get(cv2.CAP_PROP_FRAME_WIDTH)
        height = capture.get(cv2.CAP_PROP_FRAME_HEIGHT)
        log_note(self.name, f"opened {self.source} at {width:.0f}x{height:.0f}")

    def _open_capture(self) -> Any:
        source = int(self.source) if str(self.source).isdigit() else str(self.source)
        capture = cv2.VideoCapture(source)
        if self.is_device:
            capture.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, self.gone_after * 1000)
        if not capture.isOpened():
            capture.release()
            raise DeviceGone(f"camera {self.source} cannot be opened")
        return capture

    def close(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            with contextlib.suppress(cv2.error):
                capture.release()

    def poll(self, emit: Emit) -> None:
        if self._capture is None or self.decoder is None:
            raise DeviceGone("not open")
        frame = self._next()
        if frame is None:
            return
        started = time.perf_counter()
        codes = decode_frame(frame, self.decoder, self.max_width)
        elapsed_ms = (time.perf_counter() - started) * 1000
        now = time.monotonic()
        with self._lock:
            self._frame = frame
            self._decode_ms = elapsed_ms
            self._decodes.append((now, elapsed_ms))
            self._trim(now)
        for code in codes:
            if self.hold_off.admit(code):
                emit(CodeReading(code, CodeSource.CAMERA, self.name, self._clock()))

    def _next(self) -> np.ndarray | None:
        """The next frame to decode. A video file is paced at its frame rate; when decoding
        falls behind, frames are skipped as a camera would drop them. None: no frame this
        time, try again."""
        if self._frame_interval:
            wait = self._next_frame - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            behind = int((time.monotonic() - self._next_frame) / self._frame_interval)
            for _ in range(min(behind, 10)):
                if not self._capture.grab():
                    break
                self._count_read()
            self._next_frame = max(self._next_frame + self._frame_interval, time.monotonic())
        ok, frame = self._capture.read()
        if ok and frame is not None and frame.size:
            self._last_frame_at = time.monotonic()
            self._count_read()
            return frame
        if self.is_device:
            if time.monotonic() - self._last_frame_at > self.gone_after:
                raise DeviceGone("the camera stopped delivering frames")
            time.sleep(0.05)
            return None
        if not self.loop:
            raise DeviceGone("end of video")
        self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
        ok, frame = self._capture.read()
        if not ok or frame is None:  # the container cannot seek: open it again
            self._capture.release()
            self._capture = self._open_capture()
            ok, frame = self._capture.read()
            if not ok or frame is None:
                raise DeviceGone("the video has no frames")
        self._count_read()
        return frame

    def _count_read(self) -> None:
        now = time.monotonic()
        with self._lock:
            self._reads.append(now)
            self._trim(now)

    def _trim(self, now: float) -> None:
        while self._reads and now - self._reads[0] > STATS_WINDOW_S:
            self._reads.popleft()
        while self._decodes and now - self._decodes[0][0] > STATS_WINDOW_S:
            self._decodes.popleft()

    # -- for the settings page (any thread) ------------------------------------------------------
    def latest_frame(self) -> np.ndarray | None:
        """The last frame decoded, as a BGR copy at most `PREVIEW_WIDTH` wide; None before the
        first frame."""
        with self._lock:
            frame = self._frame
        if frame is None:
            return None
        if frame.ndim == 2:
            frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
        small = downscale(frame, PREVIEW_WIDTH)
        return small.copy() if small is frame else small

    def stats(self) -> dict[str, Any]:
        """Over the last `STATS_WINDOW_S` seconds: `read_fps` frames taken from the camera per
        second, `fps` (= `decoded_fps`) frames decoded per second, `decode_ms_avg` their mean
        decoding time; `decode_ms` the last frame's; `decoder` its name."""
        now = time.monotonic()
        with self._lock:
            self._trim(now)
            span = min(STATS_WINDOW_S, now - self._opened_at) if self._opened_at else 0.0
            reads, decodes = len(self._reads), [ms for _, ms in self._decodes]
            decode_ms = self._decode_ms
        decoded_fps = len(decodes) / span if span > 0 else 0.0
        return {
            "fps": decoded_fps,
            "decoded_fps": decoded_fps,
            "read_fps": reads / span if span > 0 else 0.0,
            "decode_ms": decode_ms,
            "decode_ms_avg": sum(decodes) / len(decodes) if decodes else 0.0,
            "decoder": self.decoder_name,
        }
