"""Ruled tables on scanned pages: ruling lines found in the rendered image (OpenCV morphology),
cells read one by one with Tesseract, the same PdfTable rows a digital page gets.

Why cells and not the page's words: on a whole page Tesseract (psm 3) reads a table as text
blocks and its words land in the wrong columns when rebuilt from positions (an indicator's first
word in the sasaran). Inside one cell there is nothing to confuse. All cells of a page go to one
Tesseract process (a multi-page TIFF, a page per cell, on stdin), so the language model is loaded
once per page and no file is written.

A merged cell appears once, in the first row it covers, and the rows below hold None there
(pdfplumber's convention, models.pdf_layout.PdfTable). A cell whose number Tesseract is not sure
of is left blank: a value we cannot read is null, never guessed.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
from dataclasses import dataclass

from models.pdf_layout import PdfTable
from scrapers.errors import SourceError

MIN_LINE_PT = 24.0        # a ruling line is at least this long (text strokes are far shorter)
LINE_GAP_PT = 1.2         # breaks this short in a line (noise, stamps, JPEG) are closed
LINE_SHARE = 0.3          # share of the table's width (height) a row (column) ruling line covers
SAME_LINE_PT = 3.0        # line centres closer than this are one ruling line
MIN_TABLE_PT = (60.0, 20.0)  # width, height: smaller frames are boxes, not tables
BORDER_COVER = 0.5        # a cell border is there when ink covers this share of its length
CELL_INSET_PX = 4         # pixels kept off each cell edge: the ruling line itself is no text
MIN_CELL_INK = 12         # dark pixels below this make an empty cell (speckle), not worth OCR
MIN_NUMBER_CONF = 45.0    # a word with a digit read below this Tesseract confidence is unreadable
KEEP_SYMBOLS = ("%",)     # the only token without a letter or digit that means something alone in a cell
JUNK_CHARS = 2            # a token this short read below that confidence is dust, not text
TEXT_CORE = 110           # grey level of printed text's strokes (a stamp's ink is lighter) ...
PAGE_CORE = 150           # ... on the page as a whole, lighter: a colon's dot at 150 dpi is no darker
TEXT_REACH_PT = 0.75      # ... and how far from them its grey edges reach, and at least ...
SOURCE_REACH_PX = 2.0     # ... this many pixels of the scan (a comma's tail at 150 dpi)
CELL_PSM = "6"            # a uniform block of text: one or more lines in a cell
# Glyphs Tesseract's `ind` model cannot write (they are not in its character set): it reads a
# lone "%" as "Yo". Cells are also read with `eng`, and its reading is taken where it has one.
IND_MISSING_GLYPHS = "%<>=+"  # (";" too, but eng reads dust and ":" as ";")
SECOND_LANG = "eng"
SHORT_WORD = 3            # page words this short are read again with SECOND_LANG (a lone "%")
SEPARATOR = re.compile(r"[.,]")
UPRIGHT_CONF = 60.0       # a page read with a lower mean confidence (upright scans: 80-96) may be sideways ...
SIDEWAYS_SHARE = 0.5      # ... as is one where more than this share of the words is taller than wide
MIN_PAGE_CONF = 30.0      # lower still (after turning), the page is noise: blurred, faint or damaged ...
MIN_TABLE_CONF = 0.6      # a ruled table read with a lower mean cell confidence (sharp scans: 0.93-0.96) is noise
MIN_PAGE_WORDS = 5        # ... as is a page with marks all over (MIN_MARKED) of which fewer words are read
MIN_MARKED = 0.01
MARK_GREY = 200


@dataclass
class _Grid:
    x0: int
    top: int
    x1: int
    bottom: int
    xs: list[int]            # column boundaries (pixels)
    ys: list[int]            # row boundaries (pixels)


def _masks(gray, px_per_pt: float):
    """Horizontal and vertical ruling-line masks: dark pixels opened with long thin kernels."""
    import cv2
    import numpy as np

    ink = cv2.adaptiveThreshold(np.asarray(gray), 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    length = max(8, int(MIN_LINE_PT * px_per_pt))
    gap = max(1, int(LINE_GAP_PT * px_per_pt))
    masks = []
    for size in ((length, 1), (1, length)):
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1) if size[1] == 1 else (1, gap)))
        masks.append(cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size)))
    return ink, masks[0], masks[1]


def _centres(values: list[tuple[float, float]], tolerance: float) -> list[int]:
    """Weighted centres of positions closer than `tolerance` (one thick or doubled line)."""
    out: list[list[float]] = []
    for pos, weight in sorted(values):
        if out and pos - out[-1][2] <= tolerance:
            out[-1][0] += pos * weight
            out[-1][1] += weight
            out[-1][2] = pos
        else:
            out.append([pos * weight, weight, pos])
    return [int(round(total / weight)) for total, weight, _ in out]


def _grids(horizontal, vertical, px_per_pt: float) -> list[_Grid]:
    import cv2

    grid = cv2.dilate(horizontal | vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    tolerance = SAME_LINE_PT * px_per_pt
    found = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if w < MIN_TABLE_PT[0] * px_per_pt or h < MIN_TABLE_PT[1] * px_per_pt:
            continue
        rows = horizontal[y:y + h, x:x + w].sum(axis=1) / 255
        cols = vertical[y:y + h, x:x + w].sum(axis=0) / 255
        # a ruling line crosses a good share of its table (merged cells interrupt it, never for
        # most of it); runs of touching letters on one text line never add up to that
        ys = _centres([(y + i, v) for i, v in enumerate(rows) if v > LINE_SHARE * w], tolerance)
        xs = _centres([(x + i, v) for i, v in enumerate(cols) if v > LINE_SHARE * h], tolerance)
        if len(ys) >= 3 and len(xs) >= 3:  # a header row and a body row, two columns at least
            found.append(_Grid(int(x), int(y), int(x + w), int(y + h), xs, ys))
    return sorted(found, key=lambda g: (g.top, g.x0))


def _border(mask, axis: str, at: int, start: int, end: int) -> bool:
    """Whether a ruling line runs along `at` (a row for 'h', a column for 'v') from start to end."""
    if end - start <= 2 * CELL_INSET_PX:
        return True
    band = 3
    if axis == "h":
        strip = mask[max(0, at - band):at + band + 1, start + CELL_INSET_PX:end - CELL_INSET_PX]
        covered = strip.max(axis=0) > 0
    else:
        strip = mask[start + CELL_INSET_PX:end - CELL_INSET_PX, max(0, at - band):at + band + 1]
        covered = strip.max(axis=1) > 0
    return covered.mean() >= BORDER_COVER


def _cells(grid: _Grid, horizontal, vertical) -> list[list[tuple[int, int, int, int] | None]]:
    """Each cell's pixel box, or None where a merged cell above or to the left covers it."""
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    covered = [[False] * cols for _ in range(rows)]
    out: list[list] = [[None] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            if covered[i][j]:
                continue
            right = j
            while right + 1 < cols and not _border(vertical, "v", grid.xs[right + 1], grid.ys[i], grid.ys[i + 1]):
                right += 1
            bottom = i
            while bottom + 1 < rows and not _border(horizontal, "h", grid.ys[bottom + 1], grid.xs[j], grid.xs[right + 1]):
                bottom += 1
            for a in range(i, bottom + 1):
                for b in range(j, right + 1):
                    covered[a][b] = True
            out[i][j] = (grid.xs[j], grid.ys[i], grid.xs[right + 1], grid.ys[bottom + 1])
    return out


def _text_only(crop, px_per_pt: float, reach_pt: float = TEXT_REACH_PT, core_grey: int = TEXT_CORE):
    """The cell's printed text on white: pixels near a dark text core are kept with their grey
    edges (thin comma tails, decimal points), everything else goes: a stamp's lighter ink and the
    haze of JPEG blocks are not text."""
    import cv2
    import numpy as np
    from PIL import Image

    pixels = np.asarray(crop).copy()
    reach = max(1, int(round(reach_pt * px_per_pt)))
    core = (pixels < core_grey).astype(np.uint8)
    near = cv2.dilate(core, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)) > 0
    pixels[~near] = 255
    return Image.fromarray(pixels)


def _second_language_cells(crops, dpi: int, deadline: float | None) -> list:
    """The cells read again with SECOND_LANG ("%" that `ind` lacks); nothing when its data is not
    installed or the run fails, so the `ind` reading stands. Over budget still stops the page."""
    from scrapers.ocr import OverBudget, installed_langs

    if not crops or SECOND_LANG not in installed_langs():
        return []
    try:
        return _ocr_cells(crops, dpi, SECOND_LANG, deadline)
    except OverBudget:
        raise
    except SourceError:
        return []


def _ocr_cells(crops: list, dpi: int, lang: str, deadline: float | None = None) -> list[list[tuple[str, float]]]:
    """Words (text, confidence) of each crop, all crops in one Tesseract run."""
    from scrapers.ocr import over_budget, time_left

    results: list[list[tuple[str, float]]] = [[] for _ in crops]
    if not crops:
        return results
    # one multi-page TIFF on stdin, a page per cell: no file is written (janji writes only its database)
    buf = io.BytesIO()
    crops[0].save(buf, format="TIFF", save_all=True, append_images=crops[1:], dpi=(dpi, dpi))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "--psm", CELL_PSM, "tsv"],
                              input=buf.getvalue(), capture_output=True, env=env, timeout=time_left(deadline), check=False)
    except subprocess.TimeoutExpired:
        raise over_budget() from None
    if proc.returncode != 0:
        raise SourceError("Tesseract failed on the table cells; check that tesseract-ocr-ind is installed")
    for line in proc.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            results[int(cols[1]) - 1].append((cols[11].strip(), float(cols[10])))
    return results


def _separators_from(cleaned: list[tuple[str, float]], uncleaned: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The uncleaned crop's reading where it has the same characters but for separators between
    digits ("7,15" for "715", "8,5" for "8.5"): the separators are the thin strokes cleaning can
    cut; any other difference (stamp ink read as letters) keeps the cleaned reading."""
    a, b = " ".join(t for t, _ in cleaned), " ".join(t for t, _ in uncleaned)
    if a == b or SEPARATOR.sub("", a) != SEPARATOR.sub("", b):
        return cleaned
    between = [0 < m.start() and b[m.start() - 1].isdigit() and m.end() < len(b) and b[m.end()].isdigit()
               for m in SEPARATOR.finditer(b)]
    return uncleaned if between and all(between) else cleaned  # "12." (a speck after it) is no separator


def _cell_text(words: list[tuple[str, float]]) -> str:
    """The cell as read. Dust and stamp strokes come back as short low-confidence tokens ("h",
    ";", "tg") and are dropped; a longer token with digits read below MIN_NUMBER_CONF leaves the
    cell blank: a number we cannot read is null, never a guess."""
    from scrapers.ocr import RULING_GLYPHS

    kept = []
    for text, conf in words:
        if not text.strip(RULING_GLYPHS + " "):
            continue  # a ruling line read as "|" or "—"
        text = text.strip("|[] \u201c\u201d\"'")  # a line or a speck glued to a word; "500.000.000,-" keeps its dash
        alnum = sum(ch.isalnum() for ch in text)
        if not text or (conf < MIN_NUMBER_CONF and alnum <= JUNK_CHARS) or not (alnum or text in KEEP_SYMBOLS):
            continue
        if conf < MIN_NUMBER_CONF and any(ch.isdigit() for ch in text):
            return ""
        kept.append(text)
    return " ".join(kept)


def _reach(scan_px_per_pt: float | None) -> float:
    """How far (points) from a text stroke's core its grey edges are kept: a coarse scan's strokes
    are blurrier (`scan_px_per_pt`: the resolution it was scanned at, when known)."""
    return max(TEXT_REACH_PT, SOURCE_REACH_PX / scan_px_per_pt) if scan_px_per_pt else TEXT_REACH_PT


def image_tables(gray, px_per_pt: float, deadline: float | None = None, reach: float = TEXT_REACH_PT) -> list[PdfTable]:
    """The ruled tables of one deskewed page image (grayscale PIL), in PDF points; `reach`: see _reach."""
    import numpy as np

    from scrapers.ocr import OverBudget

    ink, horizontal, vertical = _masks(gray, px_per_pt)
    grids = _grids(horizontal, vertical, px_per_pt)
    layouts, crops, index, boxes = [], [], [], []
    for grid in grids:
        cells = _cells(grid, horizontal, vertical)
        layouts.append(cells)
        for i, row in enumerate(cells):
            for j, box in enumerate(row):
                if box is None:
                    continue
                x0, y0, x1, y1 = (box[0] + CELL_INSET_PX, box[1] + CELL_INSET_PX, box[2] - CELL_INSET_PX, box[3] - CELL_INSET_PX)
                # the text only: ruling lines and speckle off, so Tesseract sees what a reader sees
                text_ink = ink[y0:y1, x0:x1] & ~(horizontal[y0:y1, x0:x1] | vertical[y0:y1, x0:x1])
                if x1 <= x0 or y1 <= y0 or int(np.count_nonzero(text_ink)) < MIN_CELL_INK:
                    continue
                boxes.append((x0, y0, x1, y1))
                crops.append(_text_only(gray.crop(boxes[-1]), px_per_pt, reach))
                index.append((len(layouts) - 1, i, j))
    from scrapers.ocr import OCR_LANG

    dpi = round(px_per_pt * 72)
    words = _ocr_cells(crops, dpi, OCR_LANG, deadline)
    for n, other in enumerate(_second_language_cells(crops, dpi, deadline)):
        if any(g in t for t, _ in other for g in IND_MISSING_GLYPHS):
            words[n] = other
    if reach > TEXT_REACH_PT:  # a coarse scan: cleaning may have cut a thin comma off a number
        numeric = [n for n, w in enumerate(words) if any(ch.isdigit() for t, _ in w for ch in t)]
        uncleaned = _ocr_cells([gray.crop(boxes[n]) for n in numeric], dpi, OCR_LANG, deadline)
        for n, other in zip(numeric, uncleaned):
            words[n] = _separators_from(words[n], other)
    texts = {key: w for key, w in zip(index, words)}
    tables = []
    for g, (grid, cells) in enumerate(zip(grids, layouts)):
        rows = [[None if box is None else _cell_text(texts.get((g, i, j), [])) for j, box in enumerate(row)]
                for i, row in enumerate(cells)]
        confs = [c for (gg, _, _), w in texts.items() if gg == g for _, c in w if c >= 0]
        table = PdfTable(grid.x0 / px_per_pt, grid.top / px_per_pt, grid.x1 / px_per_pt, grid.bottom / px_per_pt,
                         rows=rows, confidence=round(sum(confs) / len(confs) / 100, 3) if confs else None)
        tables.append(table)
    return tables


def read_scan(pdfium_page):
    """Words, ruled tables, the rotation corrected (degrees) and the page size as read (points) of
    one scanned page: scrapers/ocr.py renders, straightens, deskews and reads the words; a page
    read with low confidence is checked for being sideways; the tables come from the same image.
    All of it within the page's OCR time limit; a page too blurred to read is a SourceError."""
    from scrapers.ocr import deskew, ocr_image_scored, page_deadline, render_page, scan_scale, time_left
    from scrapers.scan_geometry import quarter_turn

    deadline = page_deadline()
    image, px_per_pt, skew = render_page(pdfium_page)
    reach = _reach(scan_scale(pdfium_page))
    words, confidence = ocr_image_scored(_page_text(image, px_per_pt, reach), px_per_pt, deadline)
    if words and (confidence < UPRIGHT_CONF or _sideways(words)):
        turn = quarter_turn(image, round(px_per_pt * 72), time_left(deadline))
        as_fed = image
        for turn in (90, 270) if turn is None else (turn,) if turn else ():  # no `osd` data: try both
            turned, fine = deskew(as_fed.rotate(turn, expand=True))
            turned_words, turned_confidence = ocr_image_scored(_page_text(turned, px_per_pt, reach), px_per_pt, deadline)
            if turned_confidence > confidence and len(turned_words) >= MIN_PAGE_WORDS:
                image, words, confidence, skew = turned, turned_words, turned_confidence, turn + fine
    if words and (confidence < MIN_PAGE_CONF or (len(words) < MIN_PAGE_WORDS and _marked(image) > MIN_MARKED)):
        raise SourceError(f"the scanned image is too blurred or faint to read ({len(words)} words, "
                          f"OCR confidence {confidence:.0f} of 100)")
    words = _second_reading(image, words, px_per_pt, deadline)
    size = (image.width / px_per_pt, image.height / px_per_pt)
    tables = image_tables(image, px_per_pt, deadline, reach)
    unsure = [t.confidence for t in tables if t.confidence is not None and t.confidence < MIN_TABLE_CONF]
    if unsure:  # its cells are guesswork: the page is one error line, not rows of noise
        raise SourceError(f"a table on the scanned image reads with OCR confidence {min(unsure):.2f} "
                          "(blurred, faint or damaged): its rows are not stored")
    return words, tables, skew, size


def _page_text(gray, px_per_pt: float, reach: float):
    """The page as its words are read: a coarse scan (150 dpi) is cleaned like a cell, with a
    lighter core, since its JPEG haze and specks come back as stray ":" and "'" glued to words
    and cut a header line in two; a finer scan is read as rendered (its specks are filtered)."""
    return _text_only(gray, px_per_pt, reach, PAGE_CORE) if reach > TEXT_REACH_PT else gray


def _sideways(words: list) -> bool:
    """Most longer words came back taller than wide: the text runs up or down the page."""
    long = [w for w in words if len(w.text) >= 4]
    return bool(long) and sum(w.bottom - w.top > w.x1 - w.x0 for w in long) > SIDEWAYS_SHARE * len(long)


def _marked(gray) -> float:
    """Share of the page that is not white paper (text, even smeared by blur, is)."""
    import numpy as np

    return float((np.asarray(gray.resize((gray.width // 4 or 1, gray.height // 4 or 1))) < MARK_GREY).mean())


def _second_reading(gray, words: list, px_per_pt: float, deadline: float | None = None) -> list:
    """Short words read again with `eng`, taken where it reads "%" (`ind` reads "Yo"): in an
    unruled table the Satuan column is mostly such words."""
    short = [w for w in words if len(w.text) <= SHORT_WORD]
    pad = CELL_INSET_PX
    crops = [_text_only(gray.crop((int(w.x0 * px_per_pt) - pad, int(w.top * px_per_pt) - pad,
                                   int(w.x1 * px_per_pt) + pad, int(w.bottom * px_per_pt) + pad)), px_per_pt)
             for w in short]
    for word, reading in zip(short, _second_language_cells(crops, round(px_per_pt * 72), deadline)):
        text = " ".join(t for t, _ in reading)
        if "%" in text and " " not in text:  # the one such glyph a PK's words need (a unit); a
            # label's ":" must never become something else
            word.text = text
    return words

