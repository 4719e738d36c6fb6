"""Word-level differences between two texts, for every redline (dossier versions, agreement drafts)."""
from __future__ import annotations

import difflib


def text_segments(before: str, after: str) -> list[list[str]]:
    """Word-level differences: ``[["=", "gelijk"], ["-", "weg"], ["+", "nieuw"]]``."""
    old_words = before.split()
    new_words = after.split()
    segments: list[list[str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(["=", " ".join(old_words[i1:i2])])
            continue
        if i2 > i1:
            segments.append(["-", " ".join(old_words[i1:i2])])
        if j2 > j1:
            segments.append(["+", " ".join(new_words[j1:j2])])
    return segments
