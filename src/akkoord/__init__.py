"""Akkoord: formation dossiers as structured, searchable, traceable data."""

__version__ = "0.1.0"
