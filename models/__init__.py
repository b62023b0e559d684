"""Records handed from one stage to the next (scrapers -> extract -> db).

Field names follow the JSON contract of `janji extract` in docs/DESIGN.md; `to_dict()` on an
Extraction produces exactly that contract.
"""
from models.document import Document, PageSpan
from models.report import Achievement, BudgetRealisation, Report
from models.extraction import (
    Agreement,
    Commitment,
    DateMention,
    Extraction,
    Mention,
    Official,
    Opd,
    Party,
    Program,
    Quote,
    Target,
    TenureEvent,
)

__all__ = [
    "Achievement", "BudgetRealisation", "Report",
    "Agreement", "Commitment", "DateMention", "Document", "Extraction", "Mention",
    "Official", "Opd", "PageSpan", "Party", "Program", "Quote", "Target", "TenureEvent",
]
