"""Comparisons across documents: PK Perubahan diffs, promise-to-target links."""
