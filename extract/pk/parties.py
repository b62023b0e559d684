"""The two parties of a PK: the opening "Nama : / Jabatan : / NIP :" blocks, bound to the
signature columns by position, because extracted text interleaves the two columns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.pk.dates import find_signing
from extract.pk.lines import group_lines, line_text
from extract.pk.nip import NIP_IN_TEXT, find_nip
from extract.pk.people import bare_name
from extract.pk.rules import pattern, rules
from models.pdf_layout import PdfPage

SIGNATURE_DEPTH = 260.0  # points below the labels that a signature column may reach
COLUMN_SLACK = 12.0      # a word a little left of its column label still belongs to it


@dataclass
class PartyBlock:
    role: str | None = None          # first | second
    name: str | None = None          # as printed
    position: str | None = None
    nip: str | None = None
    sig_lines: list[str] = field(default_factory=list)


def _label_regex() -> re.Pattern:
    labels = {re.escape(v): k for k, values in rules()["field_labels"].items() for v in values}
    # blocks are often numbered: "1. Nama : …", "a) Jabatan : …"
    return re.compile(rf"^(?:(?:\d{{1,2}}|[a-z])[.)]\s*)?(?P<label>{'|'.join(sorted(labels, key=len, reverse=True))})\.?\s*:\s*(?P<value>.*)$", re.I)


def _field_of(label: str) -> str:
    for key, values in rules()["field_labels"].items():
        if label.lower() in (v.lower() for v in values):
            return key
    return ""


def opening_blocks(lines: list[str]) -> list[PartyBlock]:
    """Party blocks in order of appearance, each with the role its closing clause gives it."""
    label_re, role_re = _label_regex(), pattern("party_role_clause")
    stops = tuple(rules()["block_stop_words"])
    blocks: list[PartyBlock] = []
    last_field = None
    for line in lines:
        line = line.strip()
        found = label_re.match(line)
        if found:
            key, value = _field_of(found["label"]), found["value"].strip().lstrip(".:;, ")  # ":." OCR'd dust
            if key == "name":
                blocks.append(PartyBlock(name=value))
            elif blocks and key in ("position", "nip"):
                setattr(blocks[-1], key, value)
            last_field = key
            continue
        role = role_re.search(line)
        if role and blocks and blocks[-1].role is None:
            blocks[-1].role = "second" if role["label"].upper() == "KEDUA" else "first"
        if blocks and last_field == "position" and line and not line.lower().startswith(stops) and not role:
            blocks[-1].position += " " + line  # a long jabatan wraps onto the next line
        else:
            last_field = None
    if len(blocks) == 1 and blocks[0].role is None:
        blocks[0].role = "first"  # the kepala daerah's own PK: one signatory, no PIHAK KEDUA
    return blocks


def _is_label_line(text: str) -> bool:
    """ "PIHAK KEDUA, PIHAK PERTAMA," and nothing else: the heading of the signature columns."""
    rest = text.upper()
    for label in rules()["party_labels"]["first"] + rules()["party_labels"]["second"]:
        rest = rest.replace(label.upper(), "")
    return len(text) > 5 and not re.sub(r"[\s,.:]", "", rest)


def _role_of(text: str) -> str:
    return "second" if any(l.upper() in text.upper() for l in rules()["party_labels"]["second"]) else "first"


def signature_columns(page: PdfPage) -> dict[str, list[str]]:
    """Lines under each signature column of a page, keyed first/second."""
    lines = group_lines(page.words)
    for line in lines:
        text = line_text(line)
        if not _is_label_line(text):
            continue
        starts = [(w.x0, _role_of(" ".join(x.text for x in line[i:i + 2]))) for i, w in enumerate(line)
                  if w.text.upper().startswith("PIHAK")]
        top, bottom = line[0].top + 1, line[0].top + SIGNATURE_DEPTH
        columns: dict[str, list] = {role: [] for _, role in starts}
        for word in page.words:
            if top < word.top <= bottom:
                owner = [role for x0, role in starts if word.x0 + COLUMN_SLACK >= x0]
                columns[owner[-1] if owner else starts[0][1]].append(word)
        return {role: [line_text(l) for l in group_lines(ws)] for role, ws in columns.items()}
    # No labels: a single signatory signs under the place and date, right-hand side.
    texts = [line_text(line) for line in lines]
    place, _ = find_signing(texts)
    if place is None:
        return {}
    for index, text in enumerate(texts):
        if text.strip().startswith(place) or text.lower().startswith("ditetapkan"):
            top = lines[index][0].top + 1
            x_min = min(w.x0 for w in lines[index]) - COLUMN_SLACK
            words = [w for w in page.words if top < w.top <= top + SIGNATURE_DEPTH and w.x0 >= x_min]
            rows = [line_text(l) for l in group_lines(words)]
            rows = [r for r in rows if not pattern("signing.date_line").match(r)]
            return {"first": rows}
    return {}


def name_in_signature(lines: list[str]) -> tuple[str | None, list[str], str | None]:
    """(name line, role lines above it, NIP) of one signature column."""
    nip = next((find_nip(l) for l in lines if NIP_IN_TEXT.search(l) and find_nip(l)), None)
    ranks = tuple(rules()["rank_words"])
    body = [l for l in lines if not NIP_IN_TEXT.search(l) and not l.startswith(ranks)
            and not re.search(r"\b(?:I{1,3}|IV)\s*[/.]\s*[a-e]\b", l) and not _is_label_line(l)]
    if not body:
        return None, [], nip
    return body[-1], body[:-1], nip


def bind_parties(blocks: list[PartyBlock], columns: dict[str, list[str]]) -> dict[str, PartyBlock]:
    """Each role's block, completed from its signature column; a column whose name matches the
    other party's opening name is swapped (the labels are then trusted less than the names)."""
    by_role = {b.role: b for b in blocks if b.role}
    sig = {role: name_in_signature(lines) for role, lines in columns.items()}
    if len(sig) == 2:
        names = {role: (bare_name(b.name) or "").lower() for role, b in by_role.items()}
        sig_names = {role: (bare_name(s[0]) or "").lower() for role, s in sig.items()}
        if names.get("first") and names.get("first") == sig_names.get("second") != sig_names.get("first"):
            sig = {"first": sig["second"], "second": sig["first"]}
    for role, (name, role_lines, nip) in sig.items():
        block = by_role.setdefault(role, PartyBlock(role=role))
        block.name = block.name or name
        block.position = block.position or " ".join(role_lines) or None
        block.nip = find_nip(block.nip or "") or nip  # the opening NIP if valid, else the signature's
        block.sig_lines = role_lines
    return by_role
