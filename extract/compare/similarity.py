"""Text similarity for matching indicators and programs across versions, and news to targets."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from extract.rules import phrases



def normalise(text: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w%]+", " ", (text or "").lower())).strip()


def words(text: str | None) -> set[str]:
    stop = set(phrases("stopword"))
    return {w for w in normalise(text).split() if w not in stop and len(w) > 1}


def similarity(a: str | None, b: str | None) -> float:
    """Max of character-sequence ratio and word overlap (Jaccard): robust to reordering and to
    small rewordings ("Cakupan imunisasi dasar lengkap" / "Persentase cakupan imunisasi dasar lengkap")."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    wa, wb = words(na), words(nb)
    jaccard = len(wa & wb) / len(wa | wb) if wa | wb else 0.0
    containment = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    # characters alone overrate shared prefixes ("Persentase p…"), so they weigh less than words
    return max(0.8 * SequenceMatcher(None, na, nb).ratio(), jaccard, 0.9 * containment)
