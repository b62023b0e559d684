"""Document -> Agreement: the public entry point of the PK reader (`read_agreement`)."""
from __future__ import annotations

import re

from extract.pk.dates import find_signing
from extract.pk.lines import as_pages
from extract.pk.nip import find_nip
from extract.pk.numbers import parse_amount, parse_target
from extract.pk.parties import PartyBlock, bind_parties, opening_blocks, signature_columns
from extract.opds import opd_at
from extract.pk.people import bare_name, parse_position
from extract.pk.tables import cell
from extract.positions import title_case
from extract.pk.rules import pattern, rules
from extract.pk.tables import TableRows, lampiran_tables
from models import Agreement, Document, Party, Program, Target

TITLE_WINDOW = 1500  # characters: the PK title heads the first page, not a quote in an article


def _targets(tables: list[TableRows]) -> list[Target]:
    targets, sasaran = [], None
    for table in (t for t in tables if t.kind == "targets"):
        for page, row in table.rows:
            printed = cell(row, table.columns, "sasaran")
            if printed:  # blank and merged cells carry the sasaran above, across pages too
                sasaran = printed
            indikator = cell(row, table.columns, "indikator")
            if not indikator or indikator.lower().startswith("indikator"):
                continue  # a repeated header row, or a sasaran line with no indicator
            target = cell(row, table.columns, "target") or None
            value, unit = parse_target(target)
            unit = cell(row, table.columns, "satuan") or unit
            targets.append(Target(sasaran, indikator, target, value, unit, page))
    return targets


def _programs(tables: list[TableRows]) -> tuple[list[Program], float | None]:
    programs, total = [], None
    totals = {t.lower() for t in rules()["total_labels"]}
    headers = {h.lower() for h in rules()["columns"]["program"]}
    for table in (t for t in tables if t.kind == "programs"):
        for page, row in table.rows:
            name = cell(row, table.columns, "program") or ""
            amount = parse_amount(cell(row, table.columns, "anggaran"))
            if any((c or "").strip().lower() in totals for c in row):
                total = amount
            elif name and name.lower() not in headers:  # skips a repeated header row
                programs.append(Program(name, amount, cell(row, table.columns, "keterangan") or None, page))
    return programs, total


def _party(block: PartyBlock | None) -> tuple[Party | None, str | None, str | None]:
    if block is None or not (block.name or block.position):
        return None, None, None
    position, acting, opd, region = parse_position(block.position)
    full = " ".join(block.name.split()) if block.name else None
    return Party(bare_name(full), full, position, find_nip(block.nip or ""), acting), opd, region


def is_pk(text: str) -> re.Match | None:
    head = text[:TITLE_WINDOW]
    title = pattern("title").search(head)
    upper = text.upper()
    if title and any(e.upper() in upper for e in rules()["pk_evidence"]):
        return title
    return None


def read_agreement(doc: Document) -> Agreement | None:
    """The PK in a document, or None when the document is not a Perjanjian Kinerja."""
    title = is_pk(doc.text or "")
    if title is None:
        return None
    lampiran = pattern("lampiran").search(doc.text)
    front = doc.text[: lampiran.start()] if lampiran else doc.text
    lines = front.replace("\f", "\n").splitlines()
    pages = as_pages(doc.layout)
    front_pages = [p for p in pages if not lampiran or _page_of(doc, p.number) <= lampiran.start()]
    columns = next((c for c in (signature_columns(p) for p in front_pages) if c), {})
    parties = bind_parties(opening_blocks(lines), columns)
    first, opd, region = _party(parties.get("first"))
    opd = opd or _title_opd(doc.text[title.end():title.end() + TITLE_WINDOW])
    second, _, second_region = _party(parties.get("second"))
    place, signed = find_signing(lines)
    tables = lampiran_tables(pages)
    programs, total = _programs(tables)
    agreement = Agreement(
        year=int(title["year"]), revision=bool(title["revision"]), opd=opd,
        region=region or second_region, first_party=first, second_party=second,
        signed_place=place, signed_date=signed, targets=_targets(tables), programs=programs,
        total_anggaran=total, pages=[pages[0].number, pages[-1].number] if pages else None,
    )
    if total is not None and programs and all(p.anggaran is not None for p in programs):  # an unread
        # amount (null) is no evidence that the printed total is wrong
        difference = round(total - sum(p.anggaran or 0.0 for p in programs), 2)
        agreement.total_mismatch = difference if abs(difference) >= 0.5 else None  # below a rupiah is rounding
    return agreement


def _title_opd(head: str) -> str | None:
    """The unit named under the title ("DINAS KESEHATAN KOTA JAMBI") when the signatory's position
    names none, read by the same OPD reader as the news."""
    for line in head.splitlines()[:6]:
        line = line.strip()
        if line:
            hit = opd_at(title_case(line), 0, "", {})
            if hit and hit.start == 0:
                return hit.canonical
    return None


def _page_of(doc: Document, number: int) -> int:
    """Start offset of a page in the document text (pages after the text end sort last)."""
    for span in doc.pages:
        if span.page == number:
            return span.start
    return len(doc.text)
