"""Errors the core raises for bad input. Their message is Dutch and fits on one line."""


class DossierError(Exception):
    """Input that cannot be read as a dossier at all (the message says why, in Dutch)."""


class ReaderTimeout(DossierError):
    """A document took longer than the reader's time limit."""
