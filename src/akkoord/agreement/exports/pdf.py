"""The agreement as PDF: WeasyPrint renders the HTML export with its print style."""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

from akkoord.agreement.exports.html import Link, render_document
from akkoord.agreement.model import Agreement

# WeasyPrint keeps hundreds of thousands of objects (boxes, styles, Pango layouts) alive until
# the PDF is written, so Python's youngest generation fills up and is swept again and again for
# nothing. A larger threshold while a PDF is made saved 5–15 % of the CPU time of 150 afspraken
# in interleaved runs (about 1 % of the instructions: what it saves is walking memory); it is put
# back when the last PDF in progress is done.
_GC_FIRST_GENERATION = 20000
_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, ...] = ()


@contextmanager
def _fewer_collections():
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(_gc_saved[0], _GC_FIRST_GENERATION), *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_saved)


def to_pdf(agreement: Agreement, *, fiche_url: Link = None) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which the other exports do not need

    with _fewer_collections():
        return HTML(string=render_document(agreement, fiche_url=fiche_url)).write_pdf()
