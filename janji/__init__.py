"""janji: track what Indonesian regional officials commit to. The CLI wires the stages."""
__version__ = "0.1.0"
