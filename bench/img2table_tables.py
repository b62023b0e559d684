"""img2table's tables of scanned PDFs, for bench_pk's comparison (run by bench_pk with the Python
that has img2table installed, never by janji):

    IMG2TABLE_PYTHON bench/img2table_tables.py OUT.json a.pdf b.pdf

(a file, not stdout: img2table's Tesseract check prints Tesseract's version banner there).

img2table is kept out of janji's environment: it pulls opencv-contrib-python, which replaces the
opencv-python-headless janji uses (both install the `cv2` module). Each page is rendered at
300 dpi like ours and given to img2table's Image with its own skew correction (detect_rotation)
and Tesseract `ind` (one thread); seconds are img2table's alone, per PDF.
"""
from __future__ import annotations

import io
import json
import sys
import time

DPI = 300


def tables_of(path: str, ocr) -> dict:
    import pypdfium2 as pdfium
    from img2table.document import Image

    doc = pdfium.PdfDocument(path)
    pages, took = [], 0.0
    for page in doc:
        buf = io.BytesIO()
        page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L").save(buf, format="PNG", compress_level=1)
        start = time.perf_counter()
        found = Image(src=buf.getvalue(), detect_rotation=True).extract_tables(
            ocr=ocr, implicit_rows=False, borderless_tables=False, min_confidence=50)
        took += time.perf_counter() - start
        pages.append([{"bbox": [v * 72 / DPI for v in (t.bbox.x1, t.bbox.y1, t.bbox.x2, t.bbox.y2)],
                       "rows": [[None if c.value is None else " ".join(c.value.split()) for c in row]
                                for row in t.content.values()]} for t in found])
    return {"pages": pages, "seconds": took}


def main() -> None:
    from img2table.ocr import TesseractOCR

    ocr = TesseractOCR(n_threads=1, lang="ind")
    out, pdfs = sys.argv[1], sys.argv[2:]
    with open(out, "w") as f:
        json.dump({path: tables_of(path, ocr) for path in pdfs}, f)


if __name__ == "__main__":
    main()
