"""Dossiers, their versions and fiches, and the audit trail.

A dossier is never overwritten: every ingest makes a new ``DossierVersion`` with its own
fiches, and keeps the differences with the version before it (``diff``).
"""
from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.urls import reverse

from akkoord.dossier import model as core
from akkoord.dossier.profile import Profile, default_profile


class Dossier(models.Model):
    slug = models.SlugField("korte naam", max_length=80, unique=True)
    title = models.CharField("titel", max_length=300, blank=True)
    municipality = models.CharField("gemeente", max_length=200, blank=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    # The dossier's profile (akkoord.dossier.profile), as induced and corrected in the review
    # step; the next version is read with it.
    profile = models.JSONField("profiel", default=dict, blank=True)

    class Meta:
        ordering = ["municipality", "title", "slug"]
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.title:
            return self.title
        if self.municipality:
            return f"Formatiedossier {self.municipality}"
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("dossiers:overview", kwargs={"slug": self.slug})

    def latest_version(self) -> "DossierVersion | None":
        return self.versions.order_by("-number").first()


class DossierVersion(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        RELEASED = "vrijgegeven", "vrijgegeven aan onderhandelaars"
        PUBLIC = "openbaar", "openbaar"

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="versions",
                                verbose_name="dossier")
    number = models.PositiveIntegerField("versie")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.CONCEPT)
    reader = models.CharField("lezer", max_length=20, blank=True)
    warnings = models.JSONField("waarschuwingen", default=list, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name="ingelezen door")
    created_at = models.DateTimeField("ingelezen op", auto_now_add=True)
    source_name = models.CharField("bestandsnaam", max_length=255, blank=True)
    status_changed_at = models.DateTimeField("status gewijzigd op", null=True, blank=True)
    # The profile this version was read with (and corrected to): ambitions, term, boilerplate.
    profile = models.JSONField("profiel", default=dict, blank=True)
    # A publication copy (Woo) is a version of its own, made from the version it cleans:
    # the public reads the copy, never the internal version or its findings.
    published_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="publications", verbose_name="publicatiekopie van")

    class Meta:
        ordering = ["dossier", "-number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="unique_version_number")]
        verbose_name = "dossierversie"
        verbose_name_plural = "dossierversies"
        permissions = [
            ("ingest_dossier", "Mag dossiers inlezen en concepten beoordelen"),
            ("publish_dossier", "Mag dossiers vrijgeven en openbaar maken"),
            ("view_released", "Mag vrijgegeven dossiers lezen"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier.display_name}, versie {self.number}"

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT

    def get_absolute_url(self) -> str:
        return reverse("dossiers:review", kwargs={"slug": self.dossier.slug, "number": self.number})

    def core_profile(self) -> Profile:
        """The version's own profile (a copy taken when it was stored), else the built-in one.

        Never the dossier's current profile: that follows the latest correction, which may be
        made on a concept that readers of this version may not see."""
        profile = Profile.from_dict(self.profile) if self.profile else default_profile()
        profile.municipality = profile.municipality or self.dossier.municipality
        return profile

    def to_dossier(self) -> core.Dossier:
        return core.Dossier(municipality=self.dossier.municipality, title=self.dossier.title,
                            fiches=[f.to_model() for f in self.fiches.order_by("position")],
                            profile=self.core_profile())


class Fiche(models.Model):
    version = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="fiches",
                                verbose_name="versie")
    code = models.CharField("code", max_length=12)
    chapter = models.CharField("hoofdstuk", max_length=8, blank=True)
    title = models.CharField("onderwerp", max_length=500, blank=True)
    ambitions = models.JSONField("opgaven", default=list, blank=True)
    data = models.JSONField("gegevens", default=dict)
    position = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["version", "position"]
        indexes = [models.Index(fields=["version", "code"])]
        verbose_name = "fiche"
        verbose_name_plural = "fiches"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def to_model(self) -> core.Fiche:
        return core.Fiche.from_dict(self.data)

    def get_absolute_url(self) -> str:
        url = reverse("dossiers:fiche", kwargs={"slug": self.version.dossier.slug, "code": self.code})
        return f"{url}?{urlencode({'versie': self.version.number})}"


class VersionDiff(models.Model):
    """What changed from ``base`` to ``version`` (``akkoord.web.dossiers.diff``), kept once
    computed: versions never change. Which base a reader sees is decided by
    ``akkoord.web.access.diff_base``: the newest older version that reader may read."""

    version = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="diffs")
    base = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "base"], name="unique_version_diff")]
        verbose_name = "versieverschil"
        verbose_name_plural = "versieverschillen"


class DerivedData(models.Model):
    """What the pages derive from a version's fiches (glossary, partner index, timeline items,
    quality findings), computed once and kept here: a version's fiches never change.

    ``fingerprint`` names the code that made ``data`` (see ``derived.py``); rows made by other
    code are recomputed when read. Findings depend on the day (expired end dates) and are
    recomputed once a day.
    """

    version = models.OneToOneField(DossierVersion, on_delete=models.CASCADE, primary_key=True,
                                   related_name="derived", verbose_name="versie")
    fingerprint = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    findings_day = models.DateField(null=True, blank=True)
    findings = models.JSONField(default=list)

    class Meta:
        verbose_name = "afgeleide gegevens"
        verbose_name_plural = "afgeleide gegevens"


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        INGEST = "ingest", "ingelezen"
        STATUS = "status", "status gewijzigd"
        PUBLISH = "publish", "openbaar gemaakt"
        OVERRIDE = "override", "blokkerende bevinding overschreven"
        LOGIN_FAILED = "login-failed", "mislukte aanmelding"
        LOCKOUT = "lockout", "aanmelden geblokkeerd"
        FORMATION = "formation", "formatie"
        FORMATION_DENIED = "formation-denied", "toegang tot formatie geweigerd"

    created_at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name="gebruiker")
    username = models.CharField("gebruikersnaam", max_length=150, blank=True)
    action = models.CharField("handeling", max_length=20, choices=Action.choices)
    dossier = models.ForeignKey(Dossier, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    version = models.ForeignKey(DossierVersion, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="events")
    description = models.TextField("omschrijving", blank=True)
    details = models.JSONField("details", default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "gebeurtenis"
        verbose_name_plural = "logboek"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username or 'systeem'}: {self.description}"


class ReadJob(models.Model):
    """One uploaded file being read in a child process (``jobs.py``); the uploader's page
    shows its progress until the version is stored or the reading failed."""

    class State(models.TextChoices):
        WAITING = "wachtend", "wacht op zijn beurt"
        READING = "bezig", "wordt gelezen"
        DONE = "klaar", "ingelezen"
        FAILED = "mislukt", "mislukt"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name="ingelezen door")
    source_name = models.CharField("bestandsnaam", max_length=255)
    path = models.CharField("tijdelijk bestand", max_length=1000, blank=True)
    options = models.JSONField("keuzes", default=dict, blank=True)
    state = models.CharField("toestand", max_length=20, choices=State.choices, default=State.WAITING)
    stage = models.CharField("stap", max_length=200, blank=True)
    done = models.PositiveIntegerField("gedaan", default=0)
    total = models.PositiveIntegerField("totaal", default=0)
    message = models.TextField("melding", blank=True)
    version = models.ForeignKey(DossierVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name="versie")
    created_at = models.DateTimeField("begonnen", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "inleestaak"
        verbose_name_plural = "inleestaken"

    def __str__(self) -> str:
        return f"{self.source_name} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))

    def get_absolute_url(self) -> str:
        return reverse("dossiers:job", kwargs={"pk": self.pk})
