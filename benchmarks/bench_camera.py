"""Camera decoding: time per 720p frame for each decoder, downscaled first as the driver does.

All decoders see the same frames: codes of several sizes (some too small for the downscaled
frame), turned, out of focus, a Code 128 barcode, and frames with no code at all, which cost
the most (both passes run). `hit_rate` counts the codes a gate camera must read; the stress
frames (one-pixel modules, small and blurred, turned 45 degrees in heavy noise) have their own
`stress_hit_rate`. The `_qr` variants look for QR codes only.
"""

from __future__ import annotations

import functools
import math
import statistics
import time

import cv2
import numpy as np

from benchmarks import Context, Measurement, benchmark
from devices.camera import QR_ONLY, decode_frame, downscale, make_decoder
from devices.camera_frames import qr_frame

SIZE = (1280, 720)
MAX_WIDTH = 640

# (what the frame shows, frame options); "none": no code.
KINDS: list[tuple[str, dict]] = [
    ("large", {"scale": 7}),
    ("medium", {"scale": 4}),
    ("small", {"scale": 2, "noise": 3}),
    ("turned", {"scale": 5, "rotation": 25}),
    ("blurred", {"scale": 5, "blur": 5}),
    ("code128", {"scale": 3, "symbol": "code128", "rotation": 5}),
    ("none", {}),
    ("none", {}),
    ("stress_tiny", {"scale": 1, "noise": 3}),
    ("stress_small_blurred", {"scale": 2, "blur": 3}),
    ("stress_turned_noisy", {"scale": 3, "rotation": 45, "noise": 20}),
    ("none", {}),
]


@functools.cache
def _frames(count: int) -> tuple[tuple[str, str | None, bytes], ...]:
    """(kind, text, frame as JPEG), shared by the benchmarks of one run. JPEG keeps them small
    and has the compression artefacts of an MJPG webcam's frames."""
    frames = []
    for index in range(count):
        kind, options = KINDS[index % len(KINDS)]
        text = None if kind == "none" else f"GD1.{index:06d}.benchmark-pass"
        if kind == "code128":  # an ID number, as printed on forms and slips
            text = f"411202194912{index:05d}X"
        offset = ((index * 37) % 400 - 200, (index * 23) % 200 - 100)
        frame = qr_frame(text, SIZE, offset=offset, seed=index, **options)
        ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
        assert ok
        frames.append((kind, text, jpeg.tobytes()))
    return tuple(frames)


def _image(jpeg: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)


def _percentile(ordered: list[float], fraction: float) -> float:
    return ordered[max(0, math.ceil(len(ordered) * fraction) - 1)]


def _measure(ctx: Context, decoder_name: str, qr_only: bool) -> Measurement:
    decoder = make_decoder(decoder_name, QR_ONLY[decoder_name] if qr_only else None)
    frames = _frames(24 if ctx.quick else 160)
    decode_frame(_image(frames[0][2]), decoder)  # warm-up: library loading, first allocations
    times: list[float] = []
    hits: dict[str, list[bool]] = {}
    false_positives = 0
    for kind, text, jpeg in frames:
        frame = _image(jpeg)
        t0 = time.perf_counter()
        found = decode_frame(frame, decoder, MAX_WIDTH)
        times.append((time.perf_counter() - t0) * 1000)
        if text is None:
            false_positives += bool(found)
        else:
            hits.setdefault(kind, []).append(text in found)
    total = sum(times) / 1000
    # Untimed: how many of the codes found did not need the full-size frame.
    found_small = sum(
        text in decoder.decode(downscale(cv2.imdecode(np.frombuffer(jpeg, np.uint8), 0), MAX_WIDTH))
        for _, text, jpeg in frames
        if text is not None
    )
    ordered = sorted(times)
    with_code = [hit for kind, h in hits.items() if not kind.startswith("stress") for hit in h]
    stress = [hit for kind, h in hits.items() if kind.startswith("stress") for hit in h]
    empty_times = [t for t, (kind, _, _) in zip(times, frames, strict=True) if kind == "none"]
    return Measurement(
        parameters={
            "decoder": decoder_name,
            "formats": "qr" if qr_only else "default",
            "frames": len(frames),
            "size": f"{SIZE[0]}x{SIZE[1]}",
            "downscaled_width": MAX_WIDTH,
        },
        seconds=total,
        throughput=len(frames) / total,
        throughput_unit="frames/s",
        details={
            "ms_per_frame_p50": round(statistics.median(times), 2),
            "ms_per_frame_p95": round(_percentile(ordered, 0.95), 2),
            "ms_per_frame_mean": round(statistics.fmean(times), 2),
            "ms_per_empty_frame_p50": round(statistics.median(empty_times), 2),
            "hit_rate": round(sum(with_code) / len(with_code), 3),
            "stress_hit_rate": round(sum(stress) / len(stress), 3),
            "hit_rate_by_kind": {k: round(sum(v) / len(v), 3) for k, v in hits.items()},
            "found_in_downscaled_frame": round(found_small / max(1, sum(with_code + stress)), 3),
            "false_positives": false_positives,
        },
    )


@benchmark("camera_decode_zxing")
def camera_decode_zxing(ctx: Context) -> Measurement:
    """zxing-cpp, QR and the common 1-D/2-D formats, per 720p frame."""
    return _measure(ctx, "zxing", qr_only=False)


@benchmark("camera_decode_pyzbar")
def camera_decode_pyzbar(ctx: Context) -> Measurement:
    """pyzbar (zbar), QR and the common 1-D formats, per 720p frame."""
    return _measure(ctx, "pyzbar", qr_only=False)


@benchmark("camera_decode_zxing_qr")
def camera_decode_zxing_qr(ctx: Context) -> Measurement:
    """zxing-cpp looking for QR codes only, per 720p frame."""
    return _measure(ctx, "zxing", qr_only=True)


@benchmark("camera_decode_pyzbar_qr")
def camera_decode_pyzbar_qr(ctx: Context) -> Measurement:
    """pyzbar looking for QR codes only, per 720p frame."""
    return _measure(ctx, "pyzbar", qr_only=True)
