"""Frames with QR codes in them, for the camera tests and benchmarks (like a phone held up)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np
import segno


def qr_frame(
    text: str | None,
    size: tuple[int, int] = (1280, 720),
    *,
    module_px: int = 6,
    offset: tuple[int, int] = (0, 0),
    rotation: float = 0.0,
    noise: float = 6.0,
    blur: int = 0,
    seed: int = 0,
) -> np.ndarray:
    """A BGR frame: a textured background, and the QR of `text` (None: no code)."""
    width, height = size
    rng = np.random.default_rng(seed)
    gradient = np.linspace(90, 170, width, dtype=np.float32)
    frame = np.repeat(gradient[None, :], height, axis=0)
    frame += rng.normal(0, noise, (height, width)).astype(np.float32)
    if text is not None:
        matrix = np.array(list(segno.make_qr(text, error="m").matrix), dtype=np.uint8)
        matrix = np.pad(matrix, 4)  # quiet zone
        code = np.where(matrix > 0, 20, 235).astype(np.float32)
        code = cv2.resize(code, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
        if rotation:
            side = code.shape[0]
            turn = cv2.getRotationMatrix2D((side / 2, side / 2), rotation, 1.0)
            code = cv2.warpAffine(code, turn, (side, side), borderValue=235)
        side = code.shape[0]
        x = (width - side) // 2 + offset[0]
        y = (height - side) // 2 + offset[1]
        frame[y : y + side, x : x + side] = code
    if blur:
        frame = cv2.GaussianBlur(frame, (blur | 1, blur | 1), 0)
    gray = np.clip(frame, 0, 255).astype(np.uint8)
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def write_video(path: Path, frames: Iterable[np.ndarray], fps: float = 15.0) -> Path:
    """An MJPG .avi of the frames (what OpenCV's headless build writes everywhere)."""
    writer = None
    for frame in frames:
        if writer is None:
            height, width = frame.shape[:2]
            fourcc = cv2.VideoWriter_fourcc(*"MJPG")
            writer = cv2.VideoWriter(str(path), fourcc, fps, (width, height))
        writer.write(frame)
    if writer is not None:
        writer.release()
    return path
