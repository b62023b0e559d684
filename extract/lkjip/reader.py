"""Document -> Report: the public entry point of the performance-report reader (`read_report`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.lkjip.cover import read_cover
from extract.lkjip.rows import achievements, budget
from extract.lkjip.tables import report_tables
from extract.pk.lines import as_pages
from models import Document
from models.report import Report

NO_TABLE = "no achievements table found in performance report"


@dataclass
class ReportRead:
    report: Report
    errors: list[str] = field(default_factory=list)  # one line each: unreadable pages, no achievements table


def read_report(doc: Document) -> ReportRead | None:
    """The performance report in a document, or None when its cover is not a report's."""
    cover = read_cover(doc)
    if cover is None:
        return None
    pages = as_pages(doc.layout)
    errors = [page.error for page in pages if page.error]
    achievement_tables, budget_tables = report_tables(pages, cover.year)
    report = Report(kind="LKjIP", year=cover.year, opd=cover.opd, region=cover.region,
                    pages=[pages[0].number, pages[-1].number] if pages else None)
    report.achievements = achievements(achievement_tables, report.skipped_rows)
    report.budget = budget(budget_tables, report.skipped_rows)
    if not achievement_tables:
        errors.append(NO_TABLE)
    return ReportRead(report, errors)
