"""What the extract stage finds in a Document (the `janji extract` JSON contract)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from models.report import Report

EXTRACTOR_VERSION = "0.2.0"
CONTRACT_VERSION = 2


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class TenureEvent:
    """Evidence for a tenure: inaugurated | appointed | transferred | replaced | ended | handover | acting."""
    kind: str
    position: str | None
    date: str | None
    text: str
    start: int
    end: int
    acting: str | None = None


@dataclass
class Official:
    name: str                       # bare personal name, no degrees or honorifics
    full_name: str | None = None    # fullest form seen, degrees included
    aliases: list[str] = field(default_factory=list)
    position: str | None = None     # expanded title without region or acting prefix ("Kepala Dinas Pendidikan")
    acting: str | None = None       # "Plt." | "Pj." | "Plh." | "Pjs." | None
    opd: str | None = None          # canonical OPD name
    region: str | None = None       # "Kota Jambi"
    mentions: list[Mention] = field(default_factory=list)
    events: list[TenureEvent] = field(default_factory=list)


@dataclass
class Opd:
    name: str                       # canonical full name
    abbreviation: str | None = None
    region: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class DateMention:
    date: str                       # ISO start date
    text: str
    start: int
    end: int
    end_date: str | None = None     # last day of a range ("Rabu-Kamis (16-17/1)")
    weekday_mismatch: bool = False  # the weekday written contradicts the date


@dataclass
class Quote:
    """A direct quotation (marks excluded) and who said it."""
    speaker: str | None
    text: str
    start: int
    end: int


@dataclass
class Commitment:
    """One commitment sentence, inside a quotation (quoted) or reported."""
    speaker: str | None             # bare name of the official, null when unresolved
    kind: str                       # pledge | instruction | target
    quoted: bool
    text: str
    start: int
    end: int
    target_value: float | None = None
    target_unit: str | None = None
    deadline: str | None = None


@dataclass
class Party:
    name: str | None
    full_name: str | None
    position: str | None
    nip: str | None
    acting: str | None = None


@dataclass
class Target:
    sasaran: str | None
    indikator: str
    target: str | None              # as printed
    value: float | None
    unit: str | None
    page: int | None


@dataclass
class Program:
    program: str
    anggaran: float | None
    keterangan: str | None = None
    page: int | None = None


@dataclass
class Agreement:
    year: int | None
    revision: bool
    opd: str | None
    region: str | None
    first_party: Party | None
    second_party: Party | None
    signed_place: str | None
    signed_date: str | None
    targets: list[Target] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    total_anggaran: float | None = None
    total_mismatch: float | None = None  # printed total minus the sum of rows, when they differ
    pages: list[int] | None = None       # [first, last] page of the agreement in its PDF (a bundle has several)


@dataclass
class Extraction:
    source: dict
    officials: list[Official] = field(default_factory=list)
    opds: list[Opd] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)  # document order; a bundle has several
    report: Report | None = None                               # a performance report (LKjIP)
    errors: list[str] = field(default_factory=list)  # parts that could not be read (a PDF page), the rest kept
    extractor_version: str = EXTRACTOR_VERSION

    @property
    def agreement(self) -> Agreement | None:
        """The first agreement of the document (the only one of a single PK)."""
        return self.agreements[0] if self.agreements else None

    def to_dict(self) -> dict:
        """The stable JSON contract, version 2 (docs/DESIGN.md)."""
        return {
            "contract_version": CONTRACT_VERSION,
            "source": self.source,
            "officials": [asdict(o) for o in self.officials],
            "opds": [asdict(o) for o in self.opds],
            "dates": [asdict(d) for d in self.dates],
            "quotes": [asdict(q) for q in self.quotes],
            "commitments": [asdict(c) for c in self.commitments],
            "agreement": asdict(self.agreement) if self.agreement else None,
            "agreements": [asdict(a) for a in self.agreements],
            "report": asdict(self.report) if self.report else None,
            "errors": list(self.errors),
        }
