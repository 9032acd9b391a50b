"""Camera decoding from a generated video file, with both decoders."""

from __future__ import annotations

import time

import pytest

from devices.camera import CameraScanner, decode_frame, make_decoder
from devices.camera_frames import qr_frame, write_video
from devices.driver import DeviceGone
from devices.readings import CodeReading, CodeSource
from tests.devices.conftest import Collector

CODES = ["GD1.first-pass", "41120219491231002X", "https://health.example/c?u=abc&t=1"]


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    frames = []
    for index, code in enumerate(CODES):
        frames += [qr_frame(None, seed=index)] * 2
        frames += [qr_frame(code, offset=(40 * index, -20 * index), seed=index)] * 4
    frames += [qr_frame(None, seed=9)] * 2
    return write_video(tmp_path_factory.mktemp("camera") / "gate.avi", frames, fps=15)


@pytest.mark.parametrize("decoder", ["zxing", "pyzbar"])
def test_each_code_in_the_video_is_read_once_in_order(video, decoder):
    camera = CameraScanner("camera", str(video), decoder=decoder, hold_off=30, realtime=False)
    camera.open()
    emitted = Collector()
    with pytest.raises(DeviceGone, match="end of video"):
        for _ in range(1000):
            camera.poll(emitted)
    camera.close()
    readings = emitted.of(CodeReading)
    assert [r.text for r in readings] == CODES
    assert all(r.source is CodeSource.CAMERA for r in readings)
    assert camera.stats()["decoder"] == decoder
    assert camera.latest_frame().shape[1] == 640


def test_looping_video_keeps_going_and_reports_fps(video):
    camera = CameraScanner("camera", str(video), loop=True, hold_off=0.0, realtime=False)
    camera.open()
    emitted = Collector()
    for _ in range(40):  # more polls than the video has frames
        camera.poll(emitted)
    camera.close()
    assert len(emitted.of(CodeReading)) > len(CODES)
    assert camera.stats()["fps"] > 0


@pytest.mark.parametrize("decoder", ["zxing", "pyzbar"])
def test_small_code_needs_the_full_frame(decoder):
    # Two-pixel modules vanish when 1280 px are scaled to 640: the full frame finds them.
    frame = qr_frame("SMALL-CODE", module_px=2, noise=2)
    scanner = make_decoder(decoder)
    assert decode_frame(frame, scanner, max_width=640) == ["SMALL-CODE"]


def test_frame_without_code_gives_nothing():
    assert decode_frame(qr_frame(None), make_decoder("zxing")) == []


def test_unopenable_source_is_gone(tmp_path):
    camera = CameraScanner("camera", str(tmp_path / "missing.avi"))
    with pytest.raises(DeviceGone, match="cannot be opened"):
        camera.open()


def test_unknown_decoder_is_refused():
    with pytest.raises(ValueError, match="zxing or pyzbar"):
        make_decoder("magic")


def test_video_file_plays_at_its_frame_rate(video):
    camera = CameraScanner("camera", str(video), hold_off=0.0)
    camera.open()
    started = time.monotonic()
    for _ in range(8):
        camera.poll(Collector())
    camera.close()
    assert time.monotonic() - started >= 7 / 15  # 15 frames per second, like a camera
