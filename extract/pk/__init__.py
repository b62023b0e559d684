"""Perjanjian Kinerja reader: `read_agreement(doc) -> Agreement | None` (see reader.py)."""
from extract.pk.reader import read_agreement

__all__ = ["read_agreement"]
