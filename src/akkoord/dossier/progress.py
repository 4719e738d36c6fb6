"""Progress of a long read (pages of a PDF), for whoever listens: the child process that
reads an upload passes it on to the page the uploader watches. No listener: no cost."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

Listener = Callable[[int, int, str], None]
_listener: Listener | None = None


def report(done: int, total: int, unit: str) -> None:
    """``done`` of ``total`` ``unit`` (Dutch plural: "pagina's") are read."""
    if _listener is not None:
        _listener(done, total, unit)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    global _listener
    previous, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = previous
