"""Election programmes beside the dossier (pure core, no Django).

* ``split``: a programme file (text, PDF, Word) into passages, each with its page, heading
  and kind (paragraph or bullet promise), with page furniture, hyphenation and columns undone
  and English passages marked.
* ``link``: every passage scored against the fiches of a dossier and each fiche's advice
  items, with the words that made the score; passages that concern no fiche stay unlinked.
* ``stance``: a suggested stance of a passage on an advice item (a suggestion, never a decision).
"""
from __future__ import annotations

from akkoord.programmes.errors import ProgrammeError
from akkoord.programmes.split import Passage, Programme, split_path, split_text

__all__ = ["Passage", "Programme", "ProgrammeError", "split_path", "split_text"]
