"""Camera frames with codes in them, for the camera tests and benchmarks.

A frame looks roughly like what a gate camera sees: a wall with a door, a poster and some
lettering under uneven light, and a phone or paper slip with a code held up in front of it,
possibly small, turned, out of focus, and always with sensor noise.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np
import segno

PAPER = 232  # the light part of a code on a screen or a slip
INK = 28  # its dark modules


def _background(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A colour scene: a lit wall, a door, a poster, lettering; float32 BGR."""
    scene = np.empty((height, width, 3), np.uint8)
    scene[:] = rng.uniform(120, 190, 3).astype(np.uint8)

    def colour() -> tuple[float, ...]:
        return tuple(float(c) for c in rng.uniform(30, 230, 3))

    door_x = int(rng.uniform(0.05, 0.3) * width)
    cv2.rectangle(scene, (door_x, height // 6), (door_x + width // 6, height), colour(), -1)
    cv2.rectangle(scene, (door_x, height // 6), (door_x + width // 6, height), colour(), 6)
    poster_x, poster_y = int(rng.uniform(0.6, 0.8) * width), int(rng.uniform(0.1, 0.3) * height)
    cv2.rectangle(
        scene, (poster_x, poster_y), (poster_x + width // 8, poster_y + height // 4), colour(), -1
    )
    for row in range(4):
        cv2.putText(
            scene,
            "GATE 2  08:00-22:00" if row % 2 == 0 else "QR CHECK-IN",
            (poster_x - width // 3, poster_y + height // 2 + row * 34),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.9,
            colour(),
            2,
            cv2.LINE_AA,
        )
    for _ in range(3):  # cables, railings
        start = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
        end = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
        cv2.line(scene, start, end, colour(), int(rng.integers(2, 6)), cv2.LINE_AA)
    light = np.linspace(0.75, 1.1, width, dtype=np.float32)[None, :, None]
    shade = np.linspace(1.05, 0.85, height, dtype=np.float32)[:, None, None]
    return scene * light * shade


def _symbol(text: str | bytes, symbol: str, scale: int) -> np.ndarray:
    """The code as a grey float image: INK modules on PAPER, with its quiet zone."""
    if symbol == "qr":
        matrix = np.array(list(segno.make_qr(text, error="m").matrix), dtype=np.uint8)
        matrix = np.pad(matrix, 4)  # quiet zone
        image = np.where(matrix > 0, INK, PAPER).astype(np.float32)
        return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
    if symbol == "code128":
        import zxingcpp

        content = text.decode("latin-1") if isinstance(text, bytes) else text
        barcode = zxingcpp.create_barcode(content, zxingcpp.BarcodeFormat.Code128)
        bars = np.array(barcode.to_image(scale=scale), dtype=np.float32)
        bars = INK + (bars / 255.0) * (PAPER - INK)
        return np.pad(bars, 10 * scale, constant_values=PAPER)
    raise ValueError(f"unknown symbol {symbol!r} (qr or code128)")


def qr_frame(
    text: str | bytes | None,
    size: tuple[int, int] = (1280, 720),
    *,
    scale: int = 6,
    offset: tuple[int, int] = (0, 0),
    rotation: float = 0.0,
    noise: float = 6.0,
    blur: int = 0,
    seed: int = 0,
    symbol: str = "qr",
) -> np.ndarray:
    """A BGR uint8 frame of `size` (width, height) showing the code of `text` (None: no code).

    `scale`: pixels per module; `offset`: where the code's centre is, from the frame's centre;
    `rotation`: degrees, counter-clockwise; `noise`: standard deviation of the sensor noise;
    `blur`: Gaussian kernel size in pixels (0: sharp); `seed`: picks the scene and the noise.
    `text` as bytes is put in the code as it is (e.g. GB18030). `symbol`: "qr" or "code128".
    """
    width, height = size
    rng = np.random.default_rng(seed)
    frame = _background(width, height, rng)
    if text is not None:
        code = _symbol(text, symbol, scale)
        mask = np.ones_like(code)
        if rotation:
            rows, cols = code.shape
            turn = cv2.getRotationMatrix2D((cols / 2, rows / 2), rotation, 1.0)
            cos, sin = abs(turn[0, 0]), abs(turn[0, 1])
            new_cols, new_rows = int(rows * sin + cols * cos) + 1, int(rows * cos + cols * sin) + 1
            turn[0, 2] += new_cols / 2 - cols / 2
            turn[1, 2] += new_rows / 2 - rows / 2
            code = cv2.warpAffine(code, turn, (new_cols, new_rows), flags=cv2.INTER_LINEAR)
            mask = cv2.warpAffine(mask, turn, (new_cols, new_rows), flags=cv2.INTER_LINEAR)
        _paste(frame, code, mask, (width // 2 + offset[0], height // 2 + offset[1]))
    if blur:
        frame = cv2.GaussianBlur(frame, (blur | 1, blur | 1), 0)
    if noise:
        frame += rng.standard_normal(frame.shape, dtype=np.float32) * noise
    return np.clip(frame, 0, 255).astype(np.uint8)


def _paste(frame: np.ndarray, code: np.ndarray, mask: np.ndarray, centre: tuple[int, int]) -> None:
    """Blend the grey `code` into the BGR `frame` where `mask` is set; clipped at the edges."""
    rows, cols = code.shape
    top, left = centre[1] - rows // 2, centre[0] - cols // 2
    y0, x0 = max(top, 0), max(left, 0)
    y1, x1 = min(top + rows, frame.shape[0]), min(left + cols, frame.shape[1])
    if y0 >= y1 or x0 >= x1:
        return
    code = code[y0 - top : y1 - top, x0 - left : x1 - left, None]
    mask = mask[y0 - top : y1 - top, x0 - left : x1 - left, None]
    region = frame[y0:y1, x0:x1]
    region[:] = region * (1 - mask) + code * mask


def write_video(path: Path, frames: Iterable[np.ndarray], fps: float = 15.0) -> Path:
    """Write the frames (all of one size) as an MJPG .avi, which OpenCV's headless build writes
    without any codec installed; returns `path`."""
    writer = None
    try:
        for frame in frames:
            if writer is None:
                height, width = frame.shape[:2]
                fourcc = cv2.VideoWriter.fourcc(*"MJPG")
                writer = cv2.VideoWriter(str(path), fourcc, fps, (width, height))
                if not writer.isOpened():
                    raise RuntimeError(f"OpenCV cannot write MJPG video to {path}")
            if frame.ndim == 2:
                frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
            writer.write(frame)
    finally:
        if writer is not None:
            writer.release()
    if writer is None:
        raise ValueError("a video needs at least one frame")
    return path
