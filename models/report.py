"""A performance report (LKjIP / LAKIP): what each target achieved (the `report` of the contract)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Achievement:
    """One row of the report year's achievements table (Bab III)."""
    sasaran: str | None
    indikator: str
    satuan: str | None
    target: str | None              # as printed ("95", "WTP", "n/a")
    target_value: float | None      # null for a qualitative or missing value
    realisasi: str | None           # as printed
    realisasi_value: float | None
    capaian: float | None           # the printed achievement, in percent
    direction: str | None           # "higher" | "lower" | None (unknown)
    page: int | None
    kriteria: str | None = None     # printed rating ("Sangat Baik"), when the table has one


@dataclass
class BudgetRealisation:
    """One row of the budget realisation table (program, pagu, realisasi, %)."""
    program: str
    pagu: float | None
    realisasi: float | None
    persen: float | None
    page: int | None


@dataclass
class Report:
    kind: str                       # "LKjIP" (also for reports titled LAKIP)
    year: int | None                # the year reported on
    opd: str | None                 # canonical OPD name
    region: str | None
    achievements: list[Achievement] = field(default_factory=list)
    budget: list[BudgetRealisation] = field(default_factory=list)
    pages: list[int] | None = None  # [first, last] page of the PDF
    skipped_rows: list[str] = field(default_factory=list)  # rows that could not be read, as printed
