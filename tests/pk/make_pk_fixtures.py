"""Write the PK test PDFs (from pk_gold.py) plus an OCR scan and broken files into a folder.

Run by the tests at session start (no binaries committed) or by hand:
    python tests/pk/make_pk_fixtures.py /tmp/pk_pdfs
"""
from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

from reportlab.lib import colors, pdfencrypt
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

HERE = Path(__file__).parent
F4 = (215 * mm, 330 * mm)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=12, leading=15, alignment=1)
OPENING = ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
           "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini :")
OPENING_SINGLE = OPENING.replace("kami yang", "saya yang")
PLEDGE = ("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
          "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah.")
SUPERVISE = ("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
             "terhadap capaian kinerja dari perjanjian ini.")


def load_gold():
    spec = importlib.util.spec_from_file_location("pk_gold", HERE / "pk_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


def _plain_table(rows, widths, style=()):
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTSIZE", (0, 0), (-1, -1), 10),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               *style]))
    return table


def _party_block(party, with_nip):
    rows = [["Nama", ":", party["full_name"]], ["Jabatan", ":", Paragraph(party["jabatan"], BODY)]]
    if with_nip and party.get("nip"):
        rows.append(["NIP", ":", party["nip"]])
    return _plain_table(rows, [60, 10, 360])


def _signature_block(case, width):
    first, second = case["first"], case["second"]

    def column(party, label):
        if party is None:
            return [], [], []
        tail = [party["sig_name"]] + ([party["pangkat"]] if party.get("pangkat") else [])
        tail += [f"NIP {party['nip']}"] if party.get("nip") else []
        return [label], party["sig_role"], tail

    (l_label, l_role, l_tail), (r_label, r_role, r_tail) = column(second, "PIHAK KEDUA,"), column(first, "PIHAK PERTAMA,")
    if second is None:
        r_label = []  # the kepala daerah signs alone, under the office only
    signed = case["signed"]
    n_role, n_tail = max(len(l_role), len(r_role)), max(len(l_tail), len(r_tail))
    pad = lambda seq, n: seq + [""] * (n - len(seq))  # noqa: E731
    left = [""] * len(signed) + pad(l_label, len(r_label)) + pad(l_role, n_role) + ["", "", ""] + pad(l_tail, n_tail)
    right = signed + pad(r_label, len(l_label)) + pad(r_role, n_role) + ["", "", ""] + pad(r_tail, n_tail)
    return _plain_table([list(pair) for pair in zip(left, right)], [width / 2, width / 2])


def _targets_tables(case, ruled):
    no_satuan = case["render"].get("no_satuan")
    header = ["No", "Sasaran Strategis", "Indikator Kinerja"] + ([] if no_satuan else ["Satuan"]) + ["Target"]
    chunks, split = [], case["render"].get("split_after")
    rows = case["targets"]
    chunks = [rows[:split], rows[split:]] if split else [rows]
    tables, number = [], 0
    for chunk in chunks:
        data, spans, previous, start = [header], [], None, None
        for index, row in enumerate(chunk, start=1):
            first_of_group = row["s"] != previous
            if first_of_group:
                if start is not None and index - 1 > start:
                    spans.append((start, index - 1))
                start, previous = index, row["s"]
            continues = first_of_group and index == 1 and chunk is not chunks[0] and row["s"] == chunks[0][-1]["s"]
            show = first_of_group and not continues
            number += 1 if show else 0
            cells = [str(number) if show else "", Paragraph(row["s"], CELL) if show else "", Paragraph(row["i"], CELL)]
            cells += [] if no_satuan else [row["u"]]
            data.append(cells + [row["t"]])
        if start is not None and len(chunk) > start:
            spans.append((start, len(chunk)))
        tables.append(_data_table(data, ruled, [25, 150, 170] + ([145] if no_satuan else [75, 70]),
                                  [("SPAN", (1, a), (1, b)) for a, b in spans] if ruled else []))
    return tables


def _programs_table(case, ruled):
    head = "Kegiatan" if case["programs"][0]["k"].startswith("Kegiatan") else "Program"
    data = [["No", head, "Anggaran (Rp)", "Keterangan"]]
    data += [[str(n), Paragraph(row["k"], CELL), row["a"], row["n"]] for n, row in enumerate(case["programs"], start=1)]
    data.append(["", "Jumlah", case["jumlah"], ""])
    return _data_table(data, ruled, [25, 250, 130, 80], [])


def _data_table(data, ruled, widths, extra):
    style = [("FONTSIZE", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(style + extra))
    return table


def build_case(case, encrypt=None) -> bytes:
    """The gold case as a digital PDF; `encrypt`: a reportlab StandardEncryption to apply."""
    render = case["render"]
    size = F4 if render["pagesize"] == "F4" else A4
    lamp_size = landscape(size) if render["lampiran_landscape"] else size
    buf = io.BytesIO()
    margin = 20 * mm
    templates = [PageTemplate(id=name, pagesize=s, frames=[Frame(margin, margin, s[0] - 2 * margin, s[1] - 2 * margin)])
                 for name, s in (("front", size), ("lampiran", lamp_size))]
    doc = BaseDocTemplate(buf, pagesize=size, pageTemplates=templates, title="Perjanjian Kinerja", encrypt=encrypt)
    width = size[0] - 2 * margin
    story = [Paragraph(line, TITLE) for line in case["title"]] + [Spacer(1, 12)]
    single = render.get("single")
    story += [Paragraph(OPENING_SINGLE if single else OPENING, BODY), Spacer(1, 6)]
    story.append(_party_block(case["first"], case["first"]["opening_nip"]))
    if single:
        story.append(Paragraph("berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian ini.", BODY))
    else:
        story += [Paragraph("selanjutnya disebut PIHAK PERTAMA.", BODY), Spacer(1, 6),
                  _party_block(case["second"], case["second"].get("opening_nip", True)),
                  Paragraph("selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.", BODY), Spacer(1, 6),
                  Paragraph(PLEDGE, BODY), Paragraph(SUPERVISE, BODY)]
    story += [Spacer(1, 12), _signature_block(case, width), NextPageTemplate("lampiran"), PageBreak()]
    lamp_title = case["title"][0].replace("PERJANJIAN", "LAMPIRAN PERJANJIAN")
    story += [Paragraph(lamp_title, TITLE), Paragraph(case["title"][1], TITLE), Spacer(1, 8)]
    tables = _targets_tables(case, render["ruled"])
    for n, table in enumerate(tables):
        story += ([PageBreak()] if n else []) + [table]
    if case["programs"]:
        story += [Spacer(1, 14), _programs_table(case, render["ruled"])]
    doc.build(story)
    return buf.getvalue()


def scanned_copy(raw: bytes, angle: float = 1.5, dpi: int = 200, seed: int = 7, jpeg_quality: int | None = None,
                 stamp: bool = False, phone: str | None = None, quarter_turn: set[int] = frozenset(),
                 blur: dict[int, float] | None = None) -> bytes:
    """The same pages as images only: rotated a little, with speckle, like an office scanner;
    optionally JPEG-compressed (its block noise), with an office stamp over the lampiran, as a
    phone photo (`phone`: "desk", the sheet on a desk seen at an angle, shaded, noisy; "close", the
    same taken so close that the sheet fills the photo and only the tables' frames are lines), with some pages
    (numbers in `quarter_turn`) scanned sideways, or some blurred ({page: Gaussian radius in pt})."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    source = pdfium.PdfDocument(raw)
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    rng = np.random.default_rng(seed)
    for number, page in enumerate(source, start=1):
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        if stamp and number > 1:
            image = _stamped(image, dpi / 72)
        image = image.rotate(angle, fillcolor=255, resample=3)
        if blur and number in blur:
            from PIL import ImageFilter
            image = image.filter(ImageFilter.GaussianBlur(blur[number] * dpi / 72))
        if number in quarter_turn:
            image = image.rotate(90, expand=True)  # the sheet fed in sideways
            width, height = height, width
        if phone:
            image = _phone_photo(image, rng, close=phone == "close")
            width, height = image.width * 72 / dpi, image.height * 72 / dpi
        pixels = np.asarray(image).copy()
        speckle = rng.random(pixels.shape)
        pixels[speckle < 0.002] = 0
        pixels[speckle > 0.998] = 255
        img_buf = io.BytesIO()
        if jpeg_quality:
            Image.fromarray(pixels).save(img_buf, format="JPEG", quality=jpeg_quality)
        else:
            Image.fromarray(pixels).save(img_buf, format="PNG")
        pdf.setPageSize((width, height))
        pdf.drawImage(ImageReader(io.BytesIO(img_buf.getvalue())), 0, 0, width, height)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _phone_photo(image, rng, close: bool = False):
    """The sheet photographed on a desk: seen from above one edge (the far edge shorter), a margin
    of desk around it (`close`: none, the sheet's edges outside the photo), light falling off
    across the sheet, sensor noise."""
    import cv2
    import numpy as np
    from PIL import Image

    w, h = image.size
    margin = int(0.07 * w)
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    # far edge (top) narrower and shifted, near edge wider: the phone held above the lower half
    seen = np.float32([[margin + 0.05 * w, margin + 0.02 * h], [margin + 0.97 * w, margin],
                       [margin + 1.02 * w, margin + 1.0 * h], [margin - 0.03 * w, margin + 0.99 * h]])
    size = (w + 2 * margin + int(0.04 * w), h + 2 * margin)
    if close:  # closer in: the sheet 8% larger than the photo, its corners and edges left out
        seen = (seen - seen.mean(axis=0)) * 1.08 + np.float32([w / 2, h / 2])
        size = (w, h)
    warped = cv2.warpPerspective(np.asarray(image), cv2.getPerspectiveTransform(corners, seen), size,
                                 flags=cv2.INTER_CUBIC, borderValue=95)  # the desk
    ys, xs = np.mgrid[0:size[1], 0:size[0]]
    light = 1.0 - 0.25 * (xs / size[0]) * 0.5 - 0.25 * (ys / size[1])  # lamp at the top left
    pixels = warped * light + rng.normal(0, 5, warped.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _stamped(image, scale: float):
    """A round office stamp in grey ink over the targets table's right-hand columns, as signed
    lampiran pages carry them: the ink darkens the text under it (multiply), it does not hide it."""
    from PIL import Image, ImageChops, ImageDraw

    layer = Image.new("L", image.size, 255)
    draw = ImageDraw.Draw(layer)
    cx, cy, r = int(430 * scale), int(150 * scale), int(48 * scale)
    for width, radius in ((int(2.5 * scale), r), (int(1.2 * scale), int(r * 0.78))):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=150, width=max(1, width))
    draw.text((cx - int(28 * scale), cy - int(4 * scale)), "DINAS KESEHATAN", fill=150)
    return ImageChops.multiply(image, layer)


# Scanned copies of kota_dinkes_portrait_ruled as PK files are published (FIELD_GUIDE 7.6):
# name -> scanned_copy options. The first is the test suite's scan; the bench reads them all.
SCAN_VARIANTS = {
    "scan_kota_dinkes": {},
    "scan_kota_dinkes_rot2_150dpi_jpeg": {"angle": 2.0, "dpi": 150, "jpeg_quality": 60, "seed": 11},
    "scan_kota_dinkes_300dpi": {"dpi": 300, "seed": 3},
    "scan_kota_dinkes_stamped": {"stamp": True, "seed": 5},
    "scan_kota_dinkes_phone_photo": {"phone": "desk", "angle": 0.0, "jpeg_quality": 75, "seed": 13},
    "scan_kota_dinkes_phone_close": {"phone": "close", "angle": 0.0, "jpeg_quality": 75, "seed": 17},
}


# More scans of it that bench_pk reads (tests/test_pk_scans.py tests sideways pages on their own)
BENCH_VARIANTS = {
    "scan_kota_dinkes_150dpi": {"dpi": 150, "angle": 1.0, "seed": 19},
    "scan_kota_dinkes_rot2": {"angle": -2.0, "seed": 23},
    "scan_kota_dinkes_sideways": {"quarter_turn": {1, 2}, "angle": 0.5, "seed": 29},
}


def encrypted_copy() -> bytes:
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, encrypt=pdfencrypt.StandardEncryption("rahasia", canPrint=1),
                          pageTemplates=[PageTemplate(frames=[Frame(50, 50, 400, 700)])])
    doc.build([Paragraph("PERJANJIAN KINERJA TAHUN 2025", TITLE)])
    return buf.getvalue()


def generate(out_dir: Path) -> dict[str, Path]:
    """Write every fixture once per folder; returns name -> path (gold cases keep their names)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    done = out_dir / ".complete"
    cases = load_gold()
    names = list(cases) + list(SCAN_VARIANTS) + ["bad_encrypted", "bad_truncated", "bad_zero_byte", "bad_not_pdf"]
    paths = {name: out_dir / f"{name}.pdf" for name in names}
    if done.exists():
        return paths
    for name, case in cases.items():
        paths[name].write_bytes(build_case(case))
    digital = paths["kota_dinkes_portrait_ruled"].read_bytes()
    for name, options in SCAN_VARIANTS.items():
        paths[name].write_bytes(scanned_copy(digital, **options))
    paths["bad_encrypted"].write_bytes(encrypted_copy())
    paths["bad_truncated"].write_bytes(digital[: len(digital) * 2 // 5])  # cut before its first page is whole
    paths["bad_zero_byte"].write_bytes(b"")
    paths["bad_not_pdf"].write_bytes(b"<!DOCTYPE html><html><body>Halaman tidak ditemukan</body></html>")
    done.write_text("ok")
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "pk_pdfs")
    for fixture, path in generate(target).items():
        print(f"{fixture}: {path}")
