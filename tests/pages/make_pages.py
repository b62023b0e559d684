"""Article pages with Indonesian bylines and no date metadata, in the styles regional sites print
them, for the page-reading test and bench (tests/test_pages.py, bench/bench_pages.py). Every page
is written here (invented people and news), so a real saved page is never a fixture."""
from __future__ import annotations

import random
from html import escape

BYLINES = [  # (template, how the date is printed)
    "Diposting: {wd}, {d} {month} {y} 09:05 WIB",
    "<span class='author'>Redaksi</span> | {d} {mon} {y}",
    "{wd}, {dd}/{mm}/{y}",
    "{wd}, {d} {month} {y} - 10:12 WIB",
    "Penulis: Rina | {d} {month} {y}",
    "Dipublikasikan pada {d} {month} {y}",
    "{wd}, {d} {month} {y} | 08:00 WIB",
    "Kategori: Pemerintahan &middot; {wd}, {d} {mon} {y}",
    "Diterbitkan {dd}-{mm}-{y}",
]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
HEADLINES = ["Bupati Minta Camat Percepat Layanan KTP", "Wali Kota Tinjau Perbaikan Jalan Lingkar",
             "Dinkes Targetkan Stunting Turun 14 Persen", "DPRD Sahkan APBD Perubahan 2025",
             "Sekda Pimpin Apel Disiplin ASN", "BPBD Siagakan Posko Banjir di Tujuh Kecamatan"]
SITES = ["Kabar Sungai Harapan", "Portal Bukit Permai", "Berita Daerah Hari Ini", "Suara Pemkab"]
DATELINES = ["SUNGAI HARAPAN –", "Bukit Permai (ANTARA) -", "PORTALDAERAH.ID, BUKIT PERMAI —", "Jakarta -"]


def pages(n: int = 36, seed: int = 7) -> list[dict]:
    """n pages: html, the publication date, the headline and the dateline each page carries."""
    import datetime
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(0, 1300))
        event = day - datetime.timedelta(days=1)
        fields = {"wd": WEEKDAYS[day.weekday()], "d": day.day, "dd": f"{day.day:02d}", "mm": f"{day.month:02d}",
                  "month": MONTHS[day.month - 1], "mon": SHORT[day.month - 1], "y": day.year}
        byline = BYLINES[i % len(BYLINES)].format(**fields)
        headline, site, dateline = HEADLINES[i % len(HEADLINES)], SITES[i % len(SITES)], DATELINES[i % len(DATELINES)]
        event_text = f"{WEEKDAYS[event.weekday()]} ({event.day}/{event.month}/{event.year})"
        body = (f"<p>{escape(dateline)} Kepala Dinas Kesehatan Kabupaten Bukit Permai, dr. Ratna Sari, M.Kes., "
                f"memimpin rapat koordinasi penanganan stunting di aula kantor dinas, {event_text}. Rapat itu "
                f"dihadiri para kepala puskesmas dan camat dari seluruh kecamatan di kabupaten tersebut.</p>"
                "<p>“Kami menargetkan angka stunting turun menjadi 14 persen pada akhir tahun ini. Saya minta "
                "seluruh kepala puskesmas turun langsung ke posyandu setiap bulan,” kata Ratna.</p>"
                "<p>Ia menambahkan, data balita akan diperbarui setiap bulan melalui aplikasi yang dikelola dinas "
                "bersama pemerintah desa, sehingga intervensi bisa tepat sasaran di setiap desa lokus.</p>")
        html = (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(headline)} | {escape(site)}</title>"
                f"<meta property='og:site_name' content='{escape(site)}'>"
                f"<meta property='og:title' content='{escape(headline)} - {escape(site)}'></head><body>"
                f"<header><div class='logo'>{escape(site)}</div><nav><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></nav></header>"
                f"<main><div class='headline-box'><h1 class='judul'>{escape(headline)}</h1></div>"
                f"<div class='info'>{byline}</div><div class='isi'>{body}</div></main>"
                "<footer>Hak Cipta © 2025</footer></body></html>")
        out.append({"html": html, "published": day.isoformat(), "title": headline, "dateline": dateline,
                    "url": f"https://portal{i % 4}.example/berita/{i}-{headline.lower().replace(' ', '-')}"})
    return out
