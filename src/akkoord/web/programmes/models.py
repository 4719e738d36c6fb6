"""Election programmes of the parties of a formation, their passages, links and suggestions.

Programmes are public within the formation (every member reads them); who may upload and
correct links, and who may confirm a suggestion into a position, is decided in
``akkoord.web.access`` (programmes section). A confirmed suggestion becomes a formation
``Position`` and from then on follows every confidentiality rule of positions.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models

from akkoord.web.formation.models import Formation, Party, Point


class Programme(models.Model):
    formation = models.ForeignKey(Formation, on_delete=models.CASCADE, related_name="programmes")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="programmes")
    file_name = models.CharField("bestandsnaam", max_length=255)
    sha256 = models.CharField("hash", max_length=64)
    form = models.CharField("vorm", max_length=10)  # text, pdf, docx
    pages = models.PositiveIntegerField("pagina's", default=1)
    characters = models.PositiveIntegerField("tekens", default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    created_at = models.DateTimeField("toegevoegd", auto_now_add=True)

    class Meta:
        ordering = ["formation", "party__name"]
        constraints = [models.UniqueConstraint(fields=["formation", "party"], name="one_programme_per_party"),
                       models.UniqueConstraint(fields=["formation", "sha256"], name="unique_programme_file")]
        verbose_name = "verkiezingsprogramma"
        verbose_name_plural = "verkiezingsprogramma's"

    def __str__(self) -> str:
        return f"Programma {self.party.abbreviation} ({self.file_name})"


class Passage(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="passages")
    index = models.PositiveIntegerField()
    text = models.TextField()
    page = models.PositiveIntegerField(default=1)
    heading = models.CharField(max_length=500, blank=True)
    chapter = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=10, default="para")  # para, bullet
    language = models.CharField(max_length=5, default="nl")

    class Meta:
        ordering = ["programme", "index"]
        constraints = [models.UniqueConstraint(fields=["programme", "index"], name="unique_passage_index")]

    def __str__(self) -> str:
        return f"{self.programme.party.abbreviation} p. {self.page}: {self.text[:60]}"


class Link(models.Model):
    """A passage concerns a fiche. ``origin`` ``auto`` rows are replaced on every re-run;
    ``toegevoegd`` and ``verwijderd`` rows are corrections by hand and are kept: a
    ``verwijderd`` row keeps the linker from linking that passage to that fiche again."""

    class Origin(models.TextChoices):
        AUTO = "auto", "voorgesteld door de koppeling"
        ADDED = "toegevoegd", "met de hand toegevoegd"
        REMOVED = "verwijderd", "met de hand verwijderd"

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="links")
    fiche_code = models.CharField("fiche", max_length=12)
    fiche_title = models.CharField(max_length=500, blank=True)
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.AUTO)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")

    class Meta:
        ordering = ["passage", "-score"]
        constraints = [models.UniqueConstraint(fields=["passage", "fiche_code"], name="one_link_per_fiche")]


class PointLink(models.Model):
    """A passage concerns a decision point (an advice item of a linked fiche)."""

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="point_links")
    point = models.ForeignKey(Point, on_delete=models.CASCADE, related_name="programme_links")
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    stance = models.CharField(max_length=20, blank=True)  # suggested: eens, oneens, voorwaardelijk
    cues = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["point", "-score"]
        constraints = [models.UniqueConstraint(fields=["passage", "point"], name="one_point_link")]


class Suggestion(models.Model):
    """Per party and point: the stance its programme suggests, with the passages as evidence.
    A suggestion, never a position, until the party's delegation confirms it."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="suggestions")
    point = models.ForeignKey(Point, on_delete=models.CASCADE, related_name="programme_suggestions")
    stance = models.CharField(max_length=20)
    passages = models.ManyToManyField(Passage, related_name="suggestions")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")

    class Meta:
        ordering = ["point", "programme"]
        constraints = [models.UniqueConstraint(fields=["programme", "point"], name="one_suggestion_per_point")]
