"""Camera decoding: time per 720p frame for each decoder, downscale-first as the driver does."""

from __future__ import annotations

import statistics
import time

from benchmarks import Context, Measurement, benchmark
from devices.camera import decode_frame, make_decoder
from devices.camera_frames import qr_frame


def _frames(count: int) -> list[tuple[str | None, object]]:
    """A mix like a gate's: codes of several sizes, turned, blurred, and frames with none."""
    frames = []
    for index in range(count):
        kind = index % 5
        text = None if kind == 4 else f"GD1.{index:06d}.pass-payload-for-benchmark"
        frames.append(
            (
                text,
                qr_frame(
                    text,
                    module_px=(2, 4, 6, 8, 6)[kind],
                    rotation=(0, 12, 0, 25, 0)[kind],
                    blur=(0, 0, 3, 0, 0)[kind],
                    offset=((index * 37) % 300 - 150, (index * 23) % 160 - 80),
                    seed=index,
                ),
            )
        )
    return frames


def _measure(decoder_name: str, ctx: Context) -> Measurement:
    decoder = make_decoder(decoder_name)
    frames = _frames(25 if ctx.quick else 150)
    times, hits, with_code = [], 0, 0
    started = time.perf_counter()
    for text, frame in frames:
        t0 = time.perf_counter()
        found = decode_frame(frame, decoder)
        times.append((time.perf_counter() - t0) * 1000)
        if text is not None:
            with_code += 1
            hits += text in found
    total = time.perf_counter() - started
    ordered = sorted(times)
    return Measurement(
        parameters={"decoder": decoder_name, "frames": len(frames), "size": "1280x720"},
        seconds=total,
        throughput=len(frames) / total,
        throughput_unit="frames/s",
        details={
            "ms_per_frame_p50": round(statistics.median(times), 2),
            "ms_per_frame_p95": round(ordered[int(len(ordered) * 0.95) - 1], 2),
            "ms_per_frame_mean": round(statistics.fmean(times), 2),
            "hit_rate": round(hits / with_code, 3) if with_code else None,
        },
    )


@benchmark("camera_decode_zxing")
def camera_decode_zxing(ctx: Context) -> Measurement:
    """QR decoding per 720p frame with zxing-cpp (downscaled first, full frame on a miss)."""
    return _measure("zxing", ctx)


@benchmark("camera_decode_pyzbar")
def camera_decode_pyzbar(ctx: Context) -> Measurement:
    """QR decoding per 720p frame with pyzbar (downscaled first, full frame on a miss)."""
    return _measure("pyzbar", ctx)
