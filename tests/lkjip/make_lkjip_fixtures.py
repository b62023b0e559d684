"""Write the performance-report (LKjIP) test PDFs from lkjip_gold.py, plus an OCR scan, into a folder.

Each report has the anatomy of FIELD_GUIDE 7.7: cover, kata pengantar, ikhtisar eksekutif,
daftar isi, Bab I, Bab II (the PK targets restated: a trap), Bab III (a rating-scale table: a
trap; the achievements table; narrative; the budget realisation table), Bab IV and a lampiran
reprinting the PK (a trap). Run by the tests at session start (no binaries committed) or by hand:
    python tests/lkjip/make_lkjip_fixtures.py /tmp/lkjip_pdfs
"""
from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)

HERE = Path(__file__).parent
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=14)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
SMALL = ParagraphStyle("small", fontName="Helvetica", fontSize=7, leading=9)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=13, leading=17, alignment=1)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=11, leading=15, alignment=1)
SUB = ParagraphStyle("sub", fontName="Helvetica-Bold", fontSize=10, leading=14)
MARGIN = 20 * mm
HEADERS = {"no": "No", "s": "Sasaran Strategis", "i": "Indikator Kinerja", "u": "Satuan", "t": "Target",
           "r": "Realisasi", "c": "Capaian (%)", "k": "Kriteria"}
WIDTHS = {"no": 24, "s": 108, "i": 122, "u": 65, "t": 45, "r": 50, "c": 52, "k": 55,
          "y1": 40, "y2": 40, "end": 46}
RATING = [("1", "91 - 100", "Sangat Baik"), ("2", "76 - 90", "Baik"), ("3", "66 - 75", "Cukup"),
          ("4", "51 - 65", "Kurang"), ("5", "0 - 50", "Sangat Kurang")]
FILLER = ("Pengukuran kinerja dilakukan dengan membandingkan realisasi terhadap target setiap indikator "
          "yang ditetapkan dalam Perjanjian Kinerja, sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014 "
          "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
          "Kinerja Instansi Pemerintah. Data realisasi bersumber dari sistem informasi perangkat daerah, "
          "laporan bulanan unit pelaksana teknis dan hasil verifikasi tim evaluasi internal.")


def load_gold():
    spec = importlib.util.spec_from_file_location("lkjip_gold", HERE / "lkjip_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pk_fixtures():
    spec = importlib.util.spec_from_file_location("make_pk_fixtures", HERE.parent / "pk" / "make_pk_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _year(case) -> int:
    return case["expected"]["year"]


def _unit(case) -> str:
    return " ".join(line for line in case["cover"] if not line.startswith(("LAPORAN", "(L", "TAHUN", "PEMERINTAH")))


def _table(data, ruled, widths, extra=(), repeat=1, font=8):
    style = [("FONTSIZE", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "TOP"), *extra]
    style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=repeat)
    table.setStyle(TableStyle(style))
    return table


def _paragraphs(texts, style=BODY):
    return [item for text in texts for item in (Paragraph(text, style), Spacer(1, 6))]


def _cover(case):
    story = [Spacer(1, 150)] + [Paragraph(line, TITLE) for line in case["cover"]]
    return story + [Spacer(1, 200), Paragraph(f"Sungai Harapan, Maret {_year(case) + 1}", HEADING), PageBreak()]


def _front(case, summary_table):
    year, unit = _year(case), _unit(case).title()
    story = [Paragraph("KATA PENGANTAR", HEADING), Spacer(1, 10)]
    story += _paragraphs([f"Laporan Kinerja {unit} Tahun {year} disusun sebagai wujud pertanggungjawaban atas "
                          f"pelaksanaan tugas pokok dan fungsi selama tahun {year}.", FILLER], BODY)
    story += [PageBreak(), Paragraph("IKHTISAR EKSEKUTIF", HEADING), Spacer(1, 10)]
    story += _paragraphs([f"Secara umum capaian kinerja {unit} tahun {year} berada pada kategori baik. "
                          "Ringkasan capaian indikator kinerja utama disajikan pada tabel berikut."])
    if summary_table:  # the same indicators as Bab III: read from Bab III only
        data = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]]
        data += [[str(n), Paragraph(a["i"], CELL), a["t"], a["r"], a["c"]] for n, a in enumerate(case["achievements"], 1)]
        story.append(_table(data, case["render"]["ruled"], [22, 200, 55, 60, 60]))
    story += [PageBreak(), Paragraph("DAFTAR ISI", HEADING), Spacer(1, 10)]
    toc = [("KATA PENGANTAR", "i"), ("IKHTISAR EKSEKUTIF", "ii"), ("BAB I PENDAHULUAN", "1"),
           ("BAB II PERENCANAAN KINERJA", "4"), ("BAB III AKUNTABILITAS KINERJA", "7"), ("BAB IV PENUTUP", "15"),
           ("LAMPIRAN", "16")]
    story += _paragraphs([f"{name} {'.' * 40} {page}" for name, page in toc])
    return story + [PageBreak()]


def _bab1(case):
    unit = _unit(case).title()
    story = [Paragraph("BAB I", HEADING), Paragraph("PENDAHULUAN", HEADING), Spacer(1, 10), Paragraph("1.1 Latar Belakang", SUB)]
    story += _paragraphs([f"{unit} merupakan unsur pelaksana urusan pemerintahan yang menjadi kewenangan daerah.", FILLER, FILLER])
    story += [Paragraph("1.2 Tugas Pokok dan Fungsi", SUB)]
    story += _paragraphs([FILLER, FILLER])
    return story + [PageBreak()]


def _bab2(case):
    year, render = _year(case), case["render"]
    story = [Paragraph("BAB II", HEADING), Paragraph("PERENCANAAN KINERJA", HEADING), Spacer(1, 10),
             Paragraph("2.1 Rencana Strategis", SUB)]
    story += _paragraphs([FILLER, FILLER])
    story += [Paragraph("2.2 Perjanjian Kinerja", SUB), Paragraph(f"Tabel 2.1 Perjanjian Kinerja Tahun {year}", BODY), Spacer(1, 4)]
    baseline = render.get("bab2_baseline")
    head = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan"] + ([f"Realisasi {year - 1}"] if baseline else []) + ["Target"]
    data = [head]
    for n, a in enumerate(case["achievements"], 1):
        data.append([str(n), Paragraph(a["s"], CELL), Paragraph(a["i"], CELL), a["u"]] + ([a["y2"]] if baseline else []) + [a["t"]])
    story.append(_table(data, render["ruled"], [22, 130, 160, 70] + ([55] if baseline else []) + [50]))
    story += [PageBreak(), Paragraph("Tabel 2.2 Program dan Anggaran", BODY), Spacer(1, 4)]
    if case["budget"]:
        data = [["No", "Program", "Anggaran (Rp)"]] + [[str(n), Paragraph(b["k"], CELL), b["a"]] for n, b in enumerate(case["budget"], 1)]
        story.append(_table(data, render["ruled"], [22, 300, 110]))
    story += _paragraphs(["", FILLER])
    return story + [PageBreak()]


def _achievements_table(case):
    render = case["render"]
    keys, ruled = render["columns"], render["ruled"]
    style = SMALL if len(keys) > 8 else CELL
    headers = {**HEADERS, **case.get("headers", {})}
    head_rows = case.get("header_rows")  # a header on two rows, with cells spanning columns or rows
    if head_rows:
        data = [[Paragraph(c, style) if " " in c else c for c in row] for row in head_rows["rows"]]
    else:
        data = [[Paragraph(headers[k], style) if ruled and " " in headers[k] else headers[k] for k in keys]]
    rows = case["achievements"] + case.get("unreadable_rows", [])
    spans, previous, number, start = [], None, 0, None
    for index, a in enumerate(rows, start=1):
        first = a["s"] != previous
        if first and start is not None and index - 1 > start:
            spans.append((start, index - 1))
        if first:
            start, previous = index, a["s"]
        shown = first or render["sasaran"] == "repeat"
        number += 1
        cells = {"no": str(number), "s": Paragraph(a["s"], style) if shown else "", "i": Paragraph(a["i"], style),
                 "u": Paragraph(a["u"], style) if ruled else a["u"]}
        text = {k: Paragraph(a[k], style) if ruled and " " in (a.get(k) or "") else a.get(k) or "" for k in keys}
        data.append([cells.get(k, text[k]) for k in keys])
    if start is not None and len(rows) > start:
        spans.append((start, len(rows)))
    sasaran = keys.index("s")
    extra = [("SPAN", (sasaran, a), (sasaran, b)) for a, b in spans] if render["sasaran"] == "merged" else []
    if head_rows:
        extra += [("SPAN", tuple(a), tuple(b)) for a, b in head_rows["spans"]]
    widths = [render.get("widths", WIDTHS)[k] for k in keys]
    if render["landscape"]:
        widths = [w * 1.45 for w in widths]
    frame = (landscape(A4) if render["landscape"] else A4)[0] - 2 * MARGIN
    widths = [w * min(1.0, frame / sum(widths)) for w in widths]  # the whole table on the page
    return _table(data, ruled, widths, extra, repeat=len(head_rows["rows"]) if head_rows else 1 if render.get("repeat_header", True) else 0,
                  font=7 if len(keys) > 8 else 8)


def _budget_table(case):
    data = [["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%"]]
    data += [[str(n), Paragraph(b["k"], CELL), b["a"], b["r"], b["c"]] for n, b in enumerate(case["budget"], 1)]
    data.append(["", "Jumlah", *case["budget_total"]])
    widths = [22, 200, 95, 95, 40]
    if case["render"]["landscape"]:
        widths = [22, 300, 120, 120, 50]
    return _table(data, case["render"]["ruled"], widths)


def _bab3(case):
    year, render = _year(case), case["render"]
    story = [Paragraph("BAB III", HEADING), Paragraph("AKUNTABILITAS KINERJA", HEADING), Spacer(1, 10),
             Paragraph("3.1 Capaian Kinerja Organisasi", SUB)]
    story += _paragraphs(["Capaian kinerja diukur dengan skala nilai peringkat kinerja berikut.", FILLER])
    story += [Paragraph("Tabel 3.1 Skala Nilai Peringkat Kinerja", BODY), Spacer(1, 4),
              _table([["No", "Interval Nilai Capaian (%)", "Kriteria Penilaian"]] + [list(r) for r in RATING],
                     render["ruled"], [22, 150, 120])]
    story.append(PageBreak())
    if render.get("no_table"):
        for a in case["achievements"]:
            story += _paragraphs([f"Indikator {a['i']} dengan target {a['t']} {a['u']} terealisasi {a['r']} {a['u']}, "
                                  f"capaian {a['c']} persen.", FILLER, FILLER])
    else:
        story += _paragraphs([FILLER] * render.get("lead_paragraphs", 0))  # pushes a long table over the page end
        story += [Paragraph(f"Tabel 3.2 Capaian Kinerja Tahun {year}", BODY), Spacer(1, 4), _achievements_table(case)]
        if render["narrative_pages"] == 0 and case["budget"]:
            story += [Spacer(1, 16), Paragraph(f"Tabel 3.3 Realisasi Anggaran Tahun {year}", BODY), Spacer(1, 4),
                      _budget_table(case)]
        story.append(PageBreak())
        for n in range(render["narrative_pages"]):
            story += [Paragraph(f"3.{n + 2} Analisis Capaian Kinerja", SUB)]
            for a in case["achievements"][n::max(1, render["narrative_pages"])]:
                story += _paragraphs([f"Indikator {a['i']}: target {a['t']}, realisasi {a['r']}, capaian {a['c']}.", FILLER])
            story.append(PageBreak())
        if render["narrative_pages"] and case["budget"]:
            story += [Paragraph("3.9 Realisasi Anggaran", SUB), Paragraph(f"Tabel 3.3 Realisasi Anggaran Tahun {year}", BODY),
                      Spacer(1, 4), _budget_table(case), Spacer(1, 10)]
            story += _paragraphs([FILLER]) + [PageBreak()]
    return story


def _closing(case):
    year = _year(case)
    story = [NextPageTemplate("portrait")] if case["render"]["landscape"] else []
    story += [Paragraph("BAB IV", HEADING), Paragraph("PENUTUP", HEADING), Spacer(1, 10)]
    story += _paragraphs([FILLER, "Demikian laporan kinerja ini disusun untuk dipergunakan sebagaimana mestinya."])
    story += [PageBreak(), Paragraph("LAMPIRAN", HEADING), Paragraph(f"PERJANJIAN KINERJA TAHUN {year}", HEADING), Spacer(1, 8)]
    data = [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]]
    data += [[str(n), Paragraph(a["s"], CELL), Paragraph(a["i"], CELL), a["u"], a["t"]] for n, a in enumerate(case["achievements"], 1)]
    story.append(_table(data, case["render"]["ruled"], [22, 140, 170, 70, 50]))
    return story


def build_case(case) -> bytes:
    render = case["render"]
    buf = io.BytesIO()
    templates = [PageTemplate(id=name, pagesize=size, frames=[Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN)])
                 for name, size in (("portrait", A4), ("landscape", landscape(A4)))]
    doc = BaseDocTemplate(buf, pagesize=A4, pageTemplates=templates, title="Laporan Kinerja", invariant=1)
    story = _cover(case) + _front(case, render.get("summary_table")) + _bab1(case) + _bab2(case)
    if render["landscape"]:  # the template switches at the next page: Bab III opens on a landscape page
        story.insert(len(story) - 1, NextPageTemplate("landscape"))
    story += _bab3(case) + _closing(case)
    doc.build(story)
    return buf.getvalue()


def generate(out_dir: Path) -> dict[str, Path]:
    """Write every fixture once per folder; returns name -> path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    gold = load_gold()
    scan_name, scan_of = gold.SCANNED
    no_table_name, no_table = gold.NO_TABLE_CASE
    names = list(gold.CASES) + [no_table_name, scan_name]
    paths = {name: out_dir / f"{name}.pdf" for name in names}
    if (out_dir / ".complete").exists():
        return paths
    for name, case in [*gold.CASES.items(), (no_table_name, no_table)]:
        paths[name].write_bytes(build_case(case))
    paths[scan_name].write_bytes(_pk_fixtures().scanned_copy(paths[scan_of].read_bytes(), angle=1.0, dpi=200, seed=13))
    (out_dir / ".complete").write_text("ok")
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "lkjip_pdfs")
    for fixture, path in generate(target).items():
        print(f"{fixture}: {path}")
