"""Perjanjian Kinerja reader: `read_agreement(doc) -> Agreement | None` (see reader.py), and
`read_agreements(doc)` for a PDF that bundles several (see bundle.py)."""
from extract.pk.bundle import BundleRead, read_agreements
from extract.pk.reader import read_agreement

__all__ = ["BundleRead", "read_agreement", "read_agreements"]
