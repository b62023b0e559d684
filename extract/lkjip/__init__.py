"""Performance-report (LKjIP / LAKIP) reader: `read_report(doc) -> ReportRead | None` (see reader.py)."""
from extract.lkjip.reader import NO_TABLE, ReportRead, read_report

__all__ = ["NO_TABLE", "ReportRead", "read_report"]
