"""The one error type every reader raises: a message a user can act on."""


class SourceError(Exception):
    """A source could not be read. The message is one line saying what went wrong and what to do."""
