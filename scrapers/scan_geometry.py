"""Scans that are not flat and upright: phone photos seen at an angle, and sheets fed in sideways.

A phone photo of a sheet on a desk shows the sheet as a quadrilateral that is no rectangle (the
far edge shorter). We find the largest quadrilateral, the sheet's edge where the desk shows
around it, else the frame of the largest ruled table, and map it back to a rectangle with one
perspective transform (the whole sheet is one plane, so what straightens the frame straightens
the page). A quadrilateral that is already a rectangle, only turned a little, is left to the
deskew step (scrapers/ocr.py).

A page turned 90° reads as low-confidence noise; only then Tesseract's orientation detection
(`--psm 0`, the `osd` data) is asked which way is up, so upright pages cost nothing more. Where
the `osd` data is not installed, both quarter turns are read and the more confident one kept.
"""
from __future__ import annotations

import os
import re
import subprocess

WORK_SIDE_PX = 1000         # quadrilaterals are looked for on a copy this large: outlines only
SHEET_SHARE = (0.3, 0.95)   # a sheet covers at least this much of the photo, and a desk shows around it
FRAME_SHARE = 0.05          # a table frame covers at least this much of the page
POLY_TOLERANCE = 0.02       # share of the outline's length a corner may be rounded off by
RIGHT_ANGLE_SLACK = 1.0     # degrees: corners this close to 90° and ...
SIDE_SLACK = 0.015          # ... opposite sides this close in length are a rectangle already
EDGE_PX = 3                 # (on the work copy) a sheet's corner this close to the photo's border is cut off
OSD_MIN_CONF = 2.0          # Tesseract's orientation confidence below this is a guess


def _quadrilaterals(mask, min_area: float, max_area: float):
    """Outer contours of `mask` with four corners, largest first (corners as float32 4x2)."""
    import cv2
    import numpy as np

    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True):
        area = cv2.contourArea(contour)
        if area < min_area:
            break
        if area > max_area:
            continue
        poly = cv2.approxPolyDP(contour, POLY_TOLERANCE * cv2.arcLength(contour, True), True)
        if len(poly) == 4 and cv2.isContourConvex(poly):
            yield np.float32(poly.reshape(4, 2))


def _ordered(quad):
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    import numpy as np

    by_sum, by_diff = quad.sum(axis=1), np.diff(quad, axis=1).ravel()
    return np.float32([quad[by_sum.argmin()], quad[by_diff.argmin()], quad[by_sum.argmax()], quad[by_diff.argmax()]])


def _is_rectangle(quad) -> bool:
    import numpy as np

    sides = [quad[(i + 1) % 4] - quad[i] for i in range(4)]
    lengths = [float(np.hypot(*s)) for s in sides]
    for i in range(4):
        a, b = -sides[i - 1], sides[i]
        cos = float(np.dot(a, b)) / (lengths[i - 1] * lengths[i])
        if abs(np.degrees(np.arccos(np.clip(cos, -1, 1))) - 90) > RIGHT_ANGLE_SLACK:
            return False
    return all(abs(lengths[i] - lengths[i + 2]) <= SIDE_SLACK * max(lengths[i], lengths[i + 2]) for i in range(2))


def find_outline(gray) -> tuple[object, bool] | None:
    """The quadrilateral to straighten by (full-size pixel corners, ordered) and whether it is the
    sheet's own edge; None when the page needs no perspective correction."""
    import cv2
    import numpy as np

    scale = WORK_SIDE_PX / max(gray.size)
    small = np.asarray(gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale)))))
    area = small.shape[0] * small.shape[1]
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    _, sheet = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    inside = lambda q: bool((q.min(axis=0) >= EDGE_PX).all() and (q.max(axis=0) < np.float32(small.shape[::-1]) - EDGE_PX).all())  # noqa: E731
    # a bright region reaching the photo's border is not the sheet's edge seen against the desk
    candidates = [(q, True) for q in _quadrilaterals(sheet, SHEET_SHARE[0] * area, SHEET_SHARE[1] * area) if inside(q)][:1]
    if not candidates:  # the photo is cropped to the sheet: the largest ruled table's frame
        ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
        candidates = [(q, False) for q in _quadrilaterals(ink, FRAME_SHARE * area, 0.9 * area)][:1]
    if not candidates:
        return None
    quad, is_sheet = candidates[0]
    quad = _ordered(quad)
    if _is_rectangle(quad):
        return None
    return quad / scale, is_sheet


def straighten(gray):
    """The page with the perspective of a photo taken at an angle removed (unchanged when there is
    none); and whether it was changed."""
    import cv2
    import numpy as np
    from PIL import Image

    found = find_outline(gray)
    if found is None:
        return gray, False
    quad, is_sheet = found
    tl, tr, br, bl = quad
    width = max(np.hypot(*(tr - tl)), np.hypot(*(br - bl)))
    height = max(np.hypot(*(bl - tl)), np.hypot(*(br - tr)))
    rect = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    transform = cv2.getPerspectiveTransform(quad, rect)
    if is_sheet:  # the sheet itself: the desk around it is cut off
        size = (int(round(width)), int(round(height)))
    else:  # a table's frame: the whole page goes through the same transform, shifted into view
        corners = np.float32([[0, 0], [gray.width, 0], [gray.width, gray.height], [0, gray.height]]).reshape(-1, 1, 2)
        moved = cv2.perspectiveTransform(corners, transform).reshape(4, 2)
        low, high = moved.min(axis=0), moved.max(axis=0)
        shift = np.float32([[1, 0, -low[0]], [0, 1, -low[1]], [0, 0, 1]])
        transform = shift @ transform
        size = (int(high[0] - low[0]), int(high[1] - low[1]))
        limit = 2 * gray.width * gray.height  # a wild frame must not make a huge image
        if size[0] * size[1] > limit or min(size) <= 0:
            return gray, False
    out = cv2.warpPerspective(np.asarray(gray), transform, size, flags=cv2.INTER_CUBIC, borderValue=255)
    return Image.fromarray(out), True


ROTATE = re.compile(r"Rotate:\s*(\d+)")
CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def quarter_turn(gray, dpi: int, timeout: float) -> int | None:
    """Degrees (counter-clockwise, as PIL rotates) that turn a sideways page upright; 0 when it is
    upright or Tesseract is unsure; None when orientation detection cannot run (no `osd` data)."""
    import io

    buf = io.BytesIO()
    gray.save(buf, format="PNG", compress_level=1)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(["tesseract", "stdin", "stdout", "--psm", "0", "--dpi", str(dpi)], input=buf.getvalue(),
                              capture_output=True, env=env, timeout=max(0.01, timeout), check=False)
    except subprocess.TimeoutExpired:
        return 0
    out = proc.stdout.decode("utf-8", "replace")
    rotate, confidence = ROTATE.search(out), CONFIDENCE.search(out)
    if proc.returncode != 0 and not rotate:
        return None
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONF:
        return 0
    return -int(rotate.group(1)) % 360  # Tesseract says how far to turn clockwise
