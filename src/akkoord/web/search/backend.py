"""The one place that talks SQL to the search tables.

The index is a plain inverted index (``Term``, ``Document``, ``Posting``), so retrieval and
ranking are the same arithmetic on SQLite and PostgreSQL: the database sums precomputed
impacts for candidate retrieval, and Python computes the final score from the same rows.
Database-specific code is limited to bulk loading (PostgreSQL ``COPY``) and statistics
upkeep (SQLite ``ANALYZE``/``PRAGMA optimize``). SQLite's FTS5 and PostgreSQL's tsvector
were considered and left aside: their rankers differ (bm25() versus ts_rank), which would
make the same question give different answers on the two databases.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from django.db import connection

from akkoord.web.search.models import Document, Posting, Term


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _col(name: str) -> str:
    return connection.ops.quote_name(name)


POSTING_COLUMNS = ("term_id", "document_id", "impact", "fields")


def insert_postings(rows: Sequence[tuple[int, int, float, int]]) -> None:
    """Bulk insert (term_id, document_id, impact, fields) rows."""
    if not rows:
        return
    columns = ", ".join(_col(c) for c in POSTING_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # the psycopg cursor behind Django's wrapper
            with raw.copy(f"COPY {_table(Posting)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {_table(Posting)} ({columns}) VALUES (%s, %s, %s, %s)"
        for i in range(0, len(rows), 20_000):
            cursor.executemany(sql, rows[i:i + 20_000])


def clear_index() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table(Posting)}")
        cursor.execute(f"DELETE FROM {_table(Document)}")


def optimise() -> None:
    """Refresh the planner's statistics after a large change. On PostgreSQL the tables are
    also vacuumed once the change is committed: until then the visibility map is empty and
    every "index-only" scan of the postings reads the table as well."""
    from django.db import transaction

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {_table(Posting)}")
            cursor.execute(f"ANALYZE {_table(Document)}")
            transaction.on_commit(_vacuum)


def _vacuum() -> None:
    if connection.in_atomic_block:  # VACUUM cannot run inside a transaction (tests)
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {_table(Posting)}")
        cursor.execute(f"VACUUM ANALYZE {_table(Document)}")


@dataclass(frozen=True)
class Filters:
    version_ids: tuple[int, ...] | None = None  # None: every indexed version
    ambition: str = ""
    chapter: str = ""
    partner: str = ""  # folded
    year: str = ""
    dossier_id: int | None = None
    fields_mask: int = 0  # only terms found in these fields (bit mask over indexing.FIELDS); 0: any field

    def where(self, alias: str = "d") -> tuple[str, list]:
        """SQL conditions on the document table (``alias``) and their parameters."""
        clauses, params = [], []
        if self.version_ids is not None:
            ids = ", ".join(str(int(i)) for i in self.version_ids) or "NULL"
            clauses.append(f"{alias}.{_col('version_id')} IN ({ids})")
        if self.dossier_id is not None:
            clauses.append(f"{alias}.{_col('dossier_id')} = %s")
            params.append(int(self.dossier_id))
        if self.chapter:
            clauses.append(f"{alias}.{_col('chapter')} = %s")
            params.append(self.chapter)
        for column, value in (("ambitions", self.ambition), ("years", self.year), ("partners", self.partner)):
            if value:
                pattern = f"|{value}|" if column != "partners" else value
                clauses.append(f"{alias}.{_col(column)} LIKE %s ESCAPE '!'")
                params.append("%" + _escape_like(pattern) + "%")
        return (" AND ".join(clauses) or "1 = 1"), params


def _escape_like(value: str) -> str:
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _versions_clause(version_ids: Sequence[int] | None, alias: str = "d") -> str:
    if version_ids is None:
        return "1 = 1"
    ids = ", ".join(str(int(i)) for i in version_ids) or "NULL"
    return f"{alias}.{_col('version_id')} IN ({ids})"


def document_count(version_ids: Sequence[int] | None = None) -> int:
    """Indexed fiches, of the given versions only (None: all)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {_table(Document)} d WHERE {_versions_clause(version_ids)}")
        return int(cursor.fetchone()[0])


def document_frequencies(term_ids: Iterable[int], version_ids: Sequence[int] | None = None) -> dict[int, int]:
    """In how many fiches each term occurs, counting only the given versions (None: all)."""
    ids = sorted({int(t) for t in term_ids})
    if not ids:
        return {}
    p, d = "p", "d"
    join = ""
    if version_ids is not None:
        join = f"JOIN {_table(Document)} {d} ON {d}.{_col('id')} = {p}.{_col('document_id')} "
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {p}.{_col('term_id')}, COUNT(*) FROM {_table(Posting)} {p} {join}"
            f"WHERE {p}.{_col('term_id')} IN ({', '.join(map(str, ids))}) AND {_versions_clause(version_ids, d)} "
            f"GROUP BY {p}.{_col('term_id')}")
        return {int(t): int(n) for t, n in cursor.fetchall()}


def candidates(weights: dict[int, float], filters: Filters, limit: int) -> list[tuple[int, float]]:
    """The ``limit`` documents with the highest sum of ``weight * impact`` over the given
    terms, among those that pass the filters: [(document_id, score)], best first.

    The weights come in as a small table (``WITH w AS (VALUES …)``) joined to the postings,
    instead of a CASE over every term evaluated for every posting (two to three times slower
    on PostgreSQL); the explicit ``term_id IN (…)`` keeps the planner on the covering
    (term, document, impact, fields) index whatever it estimates for the join. The document
    table is joined only when a filter needs it.
    """
    if not weights:
        return []
    ids = sorted(weights)
    values = ", ".join(f"({int(t)}, CAST({float(weights[t])!r} AS DOUBLE PRECISION))" for t in ids)
    where, params = filters.where("d")
    p, d = "p", "d"
    join = ""
    if where != "1 = 1":
        join = f"JOIN {_table(Document)} {d} ON {d}.{_col('id')} = {p}.{_col('document_id')} "
    sql = (
        f"WITH w (term_id, weight) AS (VALUES {values}) "
        f"SELECT {p}.{_col('document_id')}, SUM({p}.{_col('impact')} * w.weight) AS score "
        f"FROM {_table(Posting)} {p} JOIN w ON w.term_id = {p}.{_col('term_id')} {join}"
        f"WHERE {p}.{_col('term_id')} IN ({', '.join(map(str, ids))}) AND {where}{_fields_clause(filters, p)} "
        f"GROUP BY {p}.{_col('document_id')} ORDER BY score DESC, {p}.{_col('document_id')} LIMIT %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, params + [int(limit)])
        return [(int(doc), float(score)) for doc, score in cursor.fetchall()]


def _fields_clause(filters: Filters, alias: str) -> str:
    if not filters.fields_mask:
        return ""
    return f" AND ({alias}.{_col('fields')} & {int(filters.fields_mask)}) <> 0"


def postings(document_ids: Iterable[int], term_ids: Iterable[int]) -> list[tuple[int, int, float, int]]:
    """(document_id, term_id, impact, fields) for the given documents and terms."""
    docs = sorted({int(d) for d in document_ids})
    ids = sorted({int(t) for t in term_ids})
    if not docs or not ids:
        return []
    cols = ", ".join(_col(c) for c in ("document_id", "term_id", "impact", "fields"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {cols} FROM {_table(Posting)} WHERE {_col('term_id')} IN ({', '.join(map(str, ids))}) "
            f"AND {_col('document_id')} IN ({', '.join(map(str, docs))})")
        return [(int(d), int(t), float(i), int(f)) for d, t, i, f in cursor.fetchall()]


def filtered_documents(filters: Filters, limit: int) -> tuple[list[int], int]:
    """Documents passing the filters, in dossier order, when there is no query text."""
    where, params = filters.where("d")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {_table(Document)} d WHERE {where}", params)
        total = int(cursor.fetchone()[0])
        cursor.execute(
            f"SELECT d.{_col('id')} FROM {_table(Document)} d WHERE {where} "
            f"ORDER BY d.{_col('dossier_id')}, d.{_col('id')} LIMIT %s", params + [int(limit)])
        return [int(r[0]) for r in cursor.fetchall()], total


def all_terms(version_ids: Sequence[int] | None = None) -> list[tuple[str, int]]:
    """The term dictionary [(text, id)]: the terms that occur in an indexed fiche of the given
    versions (None: any indexed fiche). Terms left behind by versions no longer indexed are
    never part of it, so the dictionary says nothing about text a searcher may not read."""
    p, d = "p", "d"
    if version_ids is None:
        inner = f"SELECT DISTINCT {p}.{_col('term_id')} FROM {_table(Posting)} {p}"
    else:
        inner = (f"SELECT DISTINCT {p}.{_col('term_id')} FROM {_table(Posting)} {p} "
                 f"JOIN {_table(Document)} {d} ON {d}.{_col('id')} = {p}.{_col('document_id')} "
                 f"WHERE {_versions_clause(version_ids, d)}")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT t.{_col('text')}, t.{_col('id')} FROM {_table(Term)} t "
                       f"WHERE t.{_col('id')} IN ({inner})")
        return [(str(t), int(i)) for t, i in cursor.fetchall()]
