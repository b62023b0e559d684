"""Sources -> Document: local files, single URLs, HTML and PDF readers (and, later, crawlers)."""
