"""Document -> Extraction. Rules and gazetteers are data files in extract/rules/."""
from extract.pipeline import Extractor

__all__ = ["Extractor"]
