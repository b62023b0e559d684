"""Scanned PDF pages -> words with positions, via Tesseract and its Indonesian data.

We call the `tesseract` binary directly (TSV output gives each word's box) instead of a wrapper
library: one less dependency and the same behaviour. Scans are often a degree or two off
straight, which costs Tesseract whole lines, so pages are deskewed first.
"""
from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import time
from functools import cache

from models.pdf_layout import PdfWord
from scrapers.errors import SourceError
from scrapers.scan_geometry import straighten

OCR_DPI = 300           # Tesseract's accuracy drops quickly below ~250 dpi for 10-11 pt text
OCR_LANG = "ind"
OCR_TIMEOUT_S = 120     # per page, all its Tesseract runs together; a stuck Tesseract must not hang an
# unattended run. JANJI_OCR_PAGE_S sets another limit (a slow machine, or a run that must be quick)
MAX_OCR_PIXELS = 40_000_000  # a page rendered larger than this (A4 at 300 dpi is 8.7 million) is
# rendered at a lower resolution: a 200-inch "page" must not need gigabytes of memory
BAND_SLACK_PT = 0.5     # a lone word's box encloses a line's band with this much to spare
MAX_SKEW_DEGREES = 5.0
RULING_GLYPHS = "|[]_—-=!"  # larger rotations are not "slightly rotated scans"; leave them alone


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


@cache
def installed_langs() -> frozenset:
    """The language data Tesseract has (`--list-langs`), asked once: a pass for a missing language
    is skipped instead of failing on every page."""
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def _ink_mask(gray, width: int = 800):
    """Small boolean array of dark pixels: deskew only needs coarse line structure."""
    import numpy as np

    scale = width / gray.width
    small = gray.resize((width, max(1, int(gray.height * scale))))
    return small, np.asarray(small) < 128


def _profile_score(img, angle: float) -> float:
    """How sharply text lines stand out in the row profile when rotated by `angle`."""
    import numpy as np

    rotated = img.rotate(angle, fillcolor=255)
    rows = (np.asarray(rotated) < 128).sum(axis=1).astype(float)
    return float(np.square(np.diff(rows)).sum())


def estimate_skew(gray) -> float:
    """Angle (degrees, counter-clockwise) that makes text lines horizontal, coarse then fine."""
    small, mask = _ink_mask(gray)
    if mask.sum() < 100:  # blank page: nothing to align
        return 0.0
    best = max((a / 2 for a in range(-10, 11)), key=lambda a: _profile_score(small, a))
    fine = [best + a / 10 for a in range(-5, 6)]
    return max(fine, key=lambda a: _profile_score(small, a))


def page_budget() -> float:
    """Seconds all the OCR of one page may take."""
    try:
        return float(os.environ.get("JANJI_OCR_PAGE_S", "") or OCR_TIMEOUT_S)
    except ValueError:
        return OCR_TIMEOUT_S


def page_deadline() -> float:
    return time.monotonic() + page_budget()


def time_left(deadline: float | None) -> float:
    """Seconds a Tesseract run may take before the page's deadline; past it, the page's one line."""
    if deadline is None:
        return page_budget()
    left = deadline - time.monotonic()
    if left <= 0:
        raise over_budget()
    return left


class OverBudget(SourceError):
    """The page's OCR ran out of time (not a missing language, which callers may shrug off)."""


def over_budget() -> SourceError:
    return OverBudget(f"OCR took longer than {page_budget():g} s on this page (the limit per page): "
                       "the scan may be damaged or very large")


def _run_tesseract(png: bytes, dpi: int = OCR_DPI, deadline: float | None = None) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # Tesseract's OpenMP threads fight each other on small machines
    try:
        proc = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", OCR_LANG, "--dpi", str(dpi), "--psm", "3", "tsv"],
            input=png, capture_output=True, env=env, timeout=time_left(deadline), check=False,
        )
    except subprocess.TimeoutExpired:
        raise over_budget() from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise SourceError(f"Tesseract failed ({detail[0]}); check that tesseract-ocr-ind is installed")
    return proc.stdout.decode("utf-8", "replace")


def mean_confidence(tsv: str) -> float:
    """Tesseract's mean word confidence (0-100) over a page's TSV; 0 when it read no word."""
    confs = [float(cols[10]) for cols in (line.split("\t") for line in tsv.splitlines()[1:])
             if len(cols) >= 12 and cols[0] == "5" and cols[11].strip(RULING_GLYPHS + " ")]  # the words kept
    return sum(confs) / len(confs) if confs else 0.0


def _tsv_words(tsv: str, px_per_pt: float) -> list[PdfWord]:
    words, lines = [], {}
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip(RULING_GLYPHS + " "):
            continue  # table ruling lines come back as "|" or "[" words: they are not text
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(PdfWord(
            text=cols[11].strip(),
            x0=left / px_per_pt, top=top / px_per_pt,
            x1=(left + width) / px_per_pt, bottom=(top + height) / px_per_pt,
        ))
        lines.setdefault(tuple(cols[1:5]), []).append(words[-1])
    # one text line, one top: a dust speck above a word (low-resolution and JPEG scans keep them)
    # stretches its box, and the word would fall out of its line when lines are grouped by top
    for members in lines.values():
        top, bottom = statistics.median(w.top for w in members), statistics.median(w.bottom for w in members)
        for w in members:
            w.top, w.bottom = top, bottom
    _join_lone_words([m for m in lines.values() if len(m) == 1], [m[0] for m in lines.values() if len(m) > 1])
    return words


def _join_lone_words(lone: list[list[PdfWord]], lines: list[PdfWord]) -> None:
    """A word Tesseract read as a line of its own (a header cell set apart, "Target") whose box,
    stretched by a speck, encloses another line's band is on that line: it takes that band."""
    for (word,) in lone:
        inside = [line for line in lines if word.top - BAND_SLACK_PT <= line.top and line.bottom <= word.bottom + BAND_SLACK_PT]
        if inside:
            band = min(inside, key=lambda line: abs((line.top + line.bottom) - (word.top + word.bottom)))
            word.top, word.bottom = band.top, band.bottom


def scan_scale(pdfium_page) -> float | None:
    """Pixels per PDF point of the image covering most of the page (the scan; its resolution),
    None when there is none (a logo is no scan)."""
    import pypdfium2.raw as pdfium_c

    width, height = pdfium_page.get_size()
    for obj in pdfium_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            px_w, _ = obj.get_px_size()
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # noqa: BLE001 - a damaged image object: no scale from it
            continue
        if right > left and (right - left) * (top - bottom) >= 0.5 * width * height:
            return px_w / (right - left)
    return None


def render_page(pdfium_page):
    """The page as Tesseract should see it: grayscale, despeckled, deskewed; with its scale
    (pixels per PDF point) and the skew corrected (degrees)."""
    from PIL import ImageFilter

    if not tesseract_available():
        raise SourceError("PDF has no text layer and Tesseract is not installed: "
                          "apt-get install tesseract-ocr tesseract-ocr-ind")
    width, height = pdfium_page.get_size()
    px_per_pt = min(OCR_DPI / 72, (MAX_OCR_PIXELS / max(1.0, width * height)) ** 0.5)
    image = pdfium_page.render(scale=px_per_pt, grayscale=True).to_pil().convert("L")
    image = image.filter(ImageFilter.MedianFilter(3))  # scanner speckle becomes stray glyphs otherwise
    image, _ = straighten(image)  # a phone photo taken at an angle
    image, skew = deskew(image)
    return image, px_per_pt, skew


def deskew(image):
    """The image turned so its text lines are level, and the angle turned (degrees)."""
    skew = estimate_skew(image)
    if skew and abs(skew) <= MAX_SKEW_DEGREES:
        return image.rotate(skew, fillcolor=255, resample=3), skew  # 3 = bicubic: keeps strokes smooth
    return image, 0.0


def ocr_image_scored(image, px_per_pt: float, deadline: float | None = None) -> tuple[list[PdfWord], float]:
    """The page's words and Tesseract's mean confidence in them (0-100)."""
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)  # noisy photos take seconds at the default level
    tsv = _run_tesseract(buf.getvalue(), round(px_per_pt * 72), deadline)
    return _tsv_words(tsv, px_per_pt), mean_confidence(tsv)
