"""What changed between a Perjanjian Kinerja and its PK Perubahan (see extract/compare)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TargetChange:
    change: str                     # raised | lowered | unchanged | unit_changed | target_changed | added | dropped | ambiguous
    indikator_before: str | None
    indikator_after: str | None
    sasaran: str | None = None
    target_before: str | None = None
    target_after: str | None = None
    value_before: float | None = None
    value_after: float | None = None
    unit_before: str | None = None
    unit_after: str | None = None
    change_pct: float | None = None  # (after - before) / before * 100, when both are numbers
    similarity: float | None = None  # how alike the two indicator texts are (1.0 = same words)
    reworded: bool = False           # matched although the indicator text changed
    candidates: list[str] = field(default_factory=list)  # for ambiguous rows: the indicators it may be


@dataclass
class ProgramChange:
    change: str                     # increased | cut | unchanged | added | dropped | ambiguous
    program_before: str | None
    program_after: str | None
    anggaran_before: float | None = None
    anggaran_after: float | None = None
    change_pct: float | None = None
    similarity: float | None = None
    candidates: list[str] = field(default_factory=list)


@dataclass
class SignatoryChange:
    party: str                      # first_party | second_party
    before: str | None
    after: str | None


@dataclass
class AgreementDiff:
    opd: str | None
    region: str | None
    year: int | None
    targets: list[TargetChange] = field(default_factory=list)
    programs: list[ProgramChange] = field(default_factory=list)
    signatories: list[SignatoryChange] = field(default_factory=list)
    total_before: float | None = None
    total_after: float | None = None
    total_change_pct: float | None = None


@dataclass
class PromiseTarget:
    """A PK target row as the linker sees it (with its agreement's context)."""
    target_id: int
    indikator: str
    value: float | None
    unit: str | None
    opd: str | None
    region: str | None
    year: int | None
    agreement_key: str | None = None  # the agreement group (OPD, region, year): versions share it
    signed_date: str | None = None    # when this version was signed (PK or PK Perubahan)


@dataclass
class Promise:
    """A commitment from the news as the linker sees it."""
    commitment_id: int
    text: str
    value: float | None
    unit: str | None
    opds: list[str]                 # the speaker's OPD and OPDs named in the document
    region: str | None
    year: int | None
    date: str | None = None         # when it was said (picks the agreement version in force)


@dataclass
class LinkCandidate:
    commitment_id: int
    target_id: int
    score: float
    reasons: list[str]


@dataclass
class StoredAgreement:
    """An agreement read back from the database, with where it is stored."""
    agreement_id: int
    document_id: int
    agreement: object               # models.Agreement (opd: the OPD name, or the first party's title)


@dataclass
class NamedOfficial:
    """An official as the merge proposer sees it (one row of the officials table)."""
    official_id: int
    name: str
    region: str | None


@dataclass
class MergeProposal:
    """Two official rows that may be one person: for a person to confirm or reject, never applied
    silently. `official_id` would be counted as `merged_into_id`."""
    official_id: int
    merged_into_id: int
    reason: str
