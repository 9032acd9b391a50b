"""Camera decoding from generated frames and video files, with both decoders."""

from __future__ import annotations

import sys
import time
from itertools import groupby

import cv2
import numpy as np
import pytest

from devices.camera import (
    CameraScanner,
    DecoderUnavailable,
    HoldOff,
    decode_frame,
    make_decoder,
)
from devices.camera_frames import qr_frame, write_video
from devices.driver import DeviceGone
from devices.readings import CodeReading, CodeSource, DeviceKind
from tests.devices.conftest import Collector

DECODERS = ["zxing", "pyzbar"]
# (text, frame options): large, small (needs the full frame), turned, Chinese, a 1-D barcode.
SHOWN = [
    ("GD1.first-pass", {"offset": (-200, 40)}),
    ("SMALL-FAR-AWAY", {"scale": 2, "noise": 3}),
    ("https://health.example/c?u=abc&t=1", {"rotation": 20, "scale": 5}),
    ("建设社区东门", {"scale": 5, "offset": (150, -60)}),
    ("41120219491231002X", {"symbol": "code128", "scale": 3}),
]
TEXTS = [text for text, _ in SHOWN]
FRAMES = 2 + 6 * len(SHOWN)  # in the video


class SpyDecoder:
    """A real decoder that remembers the widths of the images it was given."""

    def __init__(self, name: str) -> None:
        self._decoder = make_decoder(name)
        self.name = name
        self.widths: list[int] = []

    def decode(self, gray):
        assert gray.ndim == 2
        self.widths.append(gray.shape[1])
        return self._decoder.decode(gray)


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    """Each code held up for 4 frames, with empty frames before, between and after."""
    frames = [qr_frame(None, seed=90)] * 2
    for index, (text, options) in enumerate(SHOWN):
        frames += [qr_frame(text, seed=index, **options)] * 4
        frames += [qr_frame(None, seed=index + 50)] * 2
    return write_video(tmp_path_factory.mktemp("camera") / "gate.avi", frames, fps=15)


def run_to_end(camera: CameraScanner) -> Collector:
    emitted = Collector()
    camera.open()
    try:
        with pytest.raises(DeviceGone, match="end of video"):
            for _ in range(1000):
                camera.poll(emitted)
    finally:
        camera.close()
    return emitted


@pytest.mark.parametrize("decoder", DECODERS)
def test_each_code_in_the_video_is_read_once_in_order(video, decoder):
    spy = SpyDecoder(decoder)
    camera = CameraScanner("camera", str(video), decoder=spy, realtime=False)
    emitted = run_to_end(camera)
    readings = emitted.of(CodeReading)
    assert [r.text for r in readings] == TEXTS
    assert all(r.source is CodeSource.CAMERA and r.device == "camera" for r in readings)
    # Every frame was tried downscaled; the small code and the empty frames also at full size.
    assert spy.widths.count(640) == FRAMES
    assert 1280 in spy.widths
    assert camera.stats()["decoder"] == decoder
    assert camera.kind is DeviceKind.CAMERA


@pytest.mark.parametrize("decoder", DECODERS)
def test_downscaled_first_full_frame_on_a_miss(decoder):
    spy = SpyDecoder(decoder)
    assert decode_frame(qr_frame("BIG-CODE", scale=8), spy) == ["BIG-CODE"]
    assert spy.widths == [640]
    spy.widths.clear()
    # Two-pixel modules vanish when 1280 pixels become 640: only the full frame has them.
    assert decode_frame(qr_frame("SMALL-CODE", scale=2, noise=2), spy) == ["SMALL-CODE"]
    assert spy.widths == [640, 1280]
    spy.widths.clear()
    assert decode_frame(qr_frame(None, seed=3), spy) == []
    assert spy.widths == [640, 1280]


@pytest.mark.parametrize("decoder", DECODERS)
def test_chinese_codes_in_utf8_and_gb18030(decoder):
    scanner = make_decoder(decoder)
    text = "https://example.org/c?n=张三&b=建设社区"
    for encoding in ("utf-8", "gb18030"):
        frame = qr_frame(text.encode(encoding), scale=5, seed=7)
        assert decode_frame(frame, scanner) == [text], encoding


def test_grey_frames_and_qr_only_decoders():
    gray = cv2.cvtColor(qr_frame("GREY-1", seed=8), cv2.COLOR_BGR2GRAY)
    barcode = qr_frame("CODE-128-ONLY", symbol="code128", scale=3, seed=9)
    for name, qr_only in (("zxing", ("QRCode",)), ("pyzbar", ("QRCODE",))):
        assert decode_frame(gray, make_decoder(name)) == ["GREY-1"]
        assert decode_frame(barcode, make_decoder(name, qr_only)) == []


def test_hold_off_is_refreshed_by_every_sighting():
    now = [0.0]
    hold = HoldOff(3.0, timer=lambda: now[0])
    seen = []
    for t in (0.0, 1.0, 2.5, 4.0, 5.5, 9.0, 9.1):  # held up for 5.5 s, then shown again
        now[0] = t
        seen.append(hold.admit("A"))
    assert seen == [True, False, False, False, False, True, False]
    assert hold.admit("B")


def test_looping_video_keeps_going_and_reports_rates(video):
    camera = CameraScanner("camera", str(video), loop=True, hold_off=0.0, realtime=False)
    emitted = Collector()
    camera.open()
    assert camera.stats()["fps"] == 0
    assert camera.latest_frame() is None
    try:
        for _ in range(FRAMES + 13):  # more polls than the video has frames
            camera.poll(emitted)
        stats = camera.stats()
        preview = camera.latest_frame()
    finally:
        camera.close()
    texts = [text for text, _ in groupby(r.text for r in emitted.of(CodeReading))]
    assert texts[: len(TEXTS) + 1] == [*TEXTS, TEXTS[0]]  # no hold-off: again on the next pass
    assert stats["fps"] > 0 and stats["read_fps"] >= stats["decoded_fps"] > 0
    assert stats["decode_ms"] > 0 and stats["decode_ms_avg"] > 0
    assert preview.shape == (360, 640, 3) and preview.dtype == np.uint8


def test_long_hold_off_spans_the_loop(video):
    camera = CameraScanner("camera", str(video), loop=True, hold_off=60.0, realtime=False)
    emitted = Collector()
    camera.open()
    try:
        for _ in range(2 * FRAMES + 4):  # through the video twice
            camera.poll(emitted)
    finally:
        camera.close()
    assert [r.text for r in emitted.of(CodeReading)] == TEXTS


def test_reopening_keeps_the_hold_off(video):
    camera = CameraScanner("camera", str(video), hold_off=60.0, realtime=False)
    first = run_to_end(camera)
    second = run_to_end(camera)
    assert len(first.of(CodeReading)) == len(TEXTS)
    assert second.of(CodeReading) == []


def test_video_file_plays_at_its_frame_rate(video):
    camera = CameraScanner("camera", str(video), hold_off=0.0)
    camera.open()
    started = time.monotonic()
    try:
        for _ in range(8):
            camera.poll(Collector())
    finally:
        camera.close()
    assert time.monotonic() - started >= 7 / 15  # 15 frames per second, like a camera


def test_frames_are_dropped_when_decoding_is_slower_than_the_video(video):
    class SlowDecoder(SpyDecoder):
        def decode(self, gray):
            time.sleep(0.15)  # slower than the 15 frames per second of the video
            return super().decode(gray)

    camera = CameraScanner("camera", str(video), decoder=SlowDecoder("zxing"), hold_off=60)
    emitted = Collector()
    camera.open()
    try:
        for _ in range(6):
            camera.poll(emitted)
        stats = camera.stats()
    finally:
        camera.close()
    assert stats["read_fps"] > 2 * stats["decoded_fps"] > 0


def test_a_camera_that_stops_delivering_frames_is_gone(video):
    camera = CameraScanner("camera", str(video), realtime=False, gone_after=0.3)
    camera.open()
    camera.is_device = True  # a file that ends plays a camera whose frames stop
    emitted = Collector()
    polls = 0
    try:
        with pytest.raises(DeviceGone, match="stopped delivering"):
            while polls < 100:
                polls += 1
                camera.poll(emitted)
    finally:
        camera.close()
    assert len(emitted.of(CodeReading)) == len(TEXTS)
    assert FRAMES < polls < FRAMES + 15  # retried briefly (50 ms apart) before giving up


def test_unopenable_sources_are_gone(tmp_path):
    not_a_video = tmp_path / "notes.avi"
    not_a_video.write_text("no video here")
    for source in (str(tmp_path / "missing.avi"), str(not_a_video), 99):
        with pytest.raises(DeviceGone, match="cannot be opened"):
            CameraScanner("camera", source).open()


def test_polling_a_closed_camera_is_gone(video):
    with pytest.raises(DeviceGone):
        CameraScanner("camera", str(video)).poll(Collector())


def test_unknown_decoder_is_refused():
    with pytest.raises(ValueError, match="zxing or pyzbar"):
        make_decoder("magic")
    with pytest.raises(ValueError, match="zxing or pyzbar"):
        CameraScanner("camera", "0", decoder="magic")


@pytest.mark.parametrize(
    ("decoder", "module", "hint"),
    [("zxing", "zxingcpp", "zxing-cpp"), ("pyzbar", "pyzbar", "zbar")],
)
def test_missing_decoder_library_is_said_clearly(monkeypatch, video, decoder, module, hint):
    monkeypatch.setitem(sys.modules, module, None)  # makes importing it fail
    with pytest.raises(DecoderUnavailable, match=hint):
        make_decoder(decoder)
    camera = CameraScanner("camera", str(video), decoder=decoder)
    with pytest.raises(DeviceGone, match=hint):
        camera.open()


def test_write_video_needs_frames(tmp_path):
    with pytest.raises(ValueError):
        write_video(tmp_path / "empty.avi", [])
