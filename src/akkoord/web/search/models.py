"""The search index: an inverted index in plain tables, the same on SQLite and PostgreSQL.

``Document`` is one indexed fiche with the values the filters need; ``Term`` is one stemmed
word; ``Posting`` says that a term occurs in a document, with its precomputed BM25F
*impact* (the saturated, length-normalised, field-weighted term frequency) and a bit mask
of the fields it occurs in. A query's score is ``sum(idf(term) * impact)`` over its terms,
with ``idf`` computed from the postings at query time, so nothing goes stale when
dossiers come and go.
"""
from __future__ import annotations

from django.db import models


class IndexState(models.Model):
    """One row whose ``generation`` changes on every change of the index (cache key)."""

    key = models.CharField(max_length=20, primary_key=True, default="index")
    generation = models.CharField(max_length=32)

    class Meta:
        verbose_name = "indexstatus"
        verbose_name_plural = "indexstatus"


class Term(models.Model):
    text = models.CharField("term", max_length=120, unique=True)

    class Meta:
        verbose_name = "zoekterm"
        verbose_name_plural = "zoektermen"

    def __str__(self) -> str:
        return self.text


class Document(models.Model):
    """One fiche of an indexed dossier version."""

    fiche = models.OneToOneField("dossiers.Fiche", on_delete=models.CASCADE, related_name="search_document")
    version = models.ForeignKey("dossiers.DossierVersion", on_delete=models.CASCADE, related_name="+")
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="+")
    code = models.CharField("code", max_length=12)
    chapter = models.CharField("hoofdstuk", max_length=8, blank=True)
    # Filter values, each wrapped in "|" so that a contains-filter matches whole values:
    # "|groen|open|", "|2026|2027|"; partners are folded (lower case, no accents).
    ambitions = models.CharField("opgaven", max_length=200, blank=True)
    years = models.CharField("jaren", max_length=400, blank=True)
    partners = models.TextField("partners", blank=True)

    class Meta:
        indexes = [models.Index(fields=["version", "chapter"])]
        verbose_name = "geïndexeerde fiche"
        verbose_name_plural = "geïndexeerde fiches"

    def __str__(self) -> str:
        return self.code


class Posting(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+", db_index=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="postings")
    impact = models.FloatField()
    fields = models.PositiveIntegerField(default=0)  # bit mask over akkoord.web.search.indexing.FIELDS

    class Meta:
        # Covering index: candidate scoring (term, document, impact) and the rescoring of the
        # candidates (plus fields) read only this index.
        indexes = [models.Index(fields=["term", "document", "impact", "fields"], name="search_posting_covering")]


class Abbreviation(models.Model):
    """An abbreviation the dossier defines itself (from akkoord.dossier.glossary)."""

    version = models.ForeignKey("dossiers.DossierVersion", on_delete=models.CASCADE, related_name="+")
    abbreviation = models.CharField(max_length=40)
    folded = models.CharField(max_length=40, db_index=True)
    expansion = models.CharField(max_length=300)
