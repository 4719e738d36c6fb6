"""The agreement in the term: a programme of monitored commitments and their history.

A ``Programme`` is made once from an adopted agreement (its open-data JSON, kept as the
programme's ``origin``); each
afspraak becomes a ``Commitment`` that keeps its trace (point, decision, fiche, advice item,
sources with end dates, logical moment). Every change is an ``Update``: progress reports and
changes of course (with the council decision) in one history, newest first.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from akkoord.monitoring.status import BY_KEY, CHOICES


class Programme(models.Model):
    slug = models.SlugField("korte naam", max_length=80, unique=True)
    title = models.CharField("titel", max_length=300)
    municipality = models.CharField("gemeente", max_length=200, blank=True)
    term_start = models.PositiveIntegerField("eerste jaar", null=True, blank=True)
    term_end = models.PositiveIntegerField("laatste jaar", null=True, blank=True)
    adopted_on = models.DateField("vastgesteld op", null=True, blank=True)
    published = models.BooleanField("openbaar", default=False)
    published_at = models.DateTimeField("openbaar sinds", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    changed_at = models.DateTimeField("laatst gewijzigd", auto_now=True)

    class Meta:
        ordering = ["-term_start", "title"]
        verbose_name = "uitvoeringsprogramma"
        verbose_name_plural = "uitvoeringsprogramma's"
        permissions = [("update_commitments", "Mag de voortgang van afspraken bijwerken en publiceren")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:dashboard", kwargs={"slug": self.slug})


class ProgrammeSource(models.Model):
    """The adopted agreement's open-data JSON the programme was made from, kept apart from the
    programme row so that no page query drags it along."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, primary_key=True, related_name="origin")
    data = models.JSONField("akkoord (open data)", default=dict)

    class Meta:
        verbose_name = "vastgesteld akkoord"
        verbose_name_plural = "vastgestelde akkoorden"


class Commitment(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="commitments")
    key = models.CharField("id", max_length=40)
    number = models.CharField("nummer", max_length=20, blank=True)
    title = models.CharField("titel", max_length=500)
    text = models.TextField("afspraak", blank=True)
    ambition = models.CharField("opgave", max_length=60, blank=True)
    ambition_label = models.CharField("opgave (naam)", max_length=200, blank=True)
    fiche_code = models.CharField("fiche", max_length=12, blank=True)
    fiche_title = models.CharField("onderwerp van de fiche", max_length=500, blank=True)
    portfolio_holder = models.CharField("portefeuillehouder", max_length=200, blank=True)
    deadline = models.DateField("deadline", null=True, blank=True)
    target = models.TextField("meetbaar doel", blank=True)
    baseline = models.TextField("nulmeting", blank=True)
    budget = models.JSONField("budget per jaar", default=list, blank=True)
    sources = models.JSONField("bronnen", default=list, blank=True)
    adjustment_moment = models.TextField("logisch moment om bij te sturen", blank=True)
    trace = models.JSONField("herkomst", default=dict, blank=True)  # point, decision, advice item
    weight = models.DecimalField("gewicht", max_digits=6, decimal_places=2, default=1)
    status = models.CharField("status", max_length=30, choices=CHOICES, default="niet-gestart")
    progress = models.PositiveSmallIntegerField("voortgang (%)", null=True, blank=True)
    position = models.PositiveIntegerField("volgorde", default=0)
    revision = models.PositiveIntegerField("revisie", default=0)
    last_update_on = models.DateField("laatste update", null=True, blank=True)

    class Meta:
        ordering = ["programme", "position"]
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="unique_commitment_key")]
        indexes = [models.Index(fields=["programme", "status"])]
        verbose_name = "afspraak in uitvoering"
        verbose_name_plural = "afspraken in uitvoering"

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def status_label(self) -> str:
        status = BY_KEY.get(self.status)
        return status.label if status else self.status

    def get_absolute_url(self) -> str:
        return reverse("monitoring:commitment", kwargs={"slug": self.programme.slug, "key": self.key})


class Milestone(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")
    day = models.DateField("datum", null=True, blank=True)
    text = models.CharField("mijlpaal", max_length=500)
    done_on = models.DateField("gehaald op", null=True, blank=True)

    class Meta:
        ordering = ["commitment", "day", "id"]
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"


class Update(models.Model):
    class Kind(models.TextChoices):
        ADOPTED = "vastgesteld", "vastgesteld"
        PROGRESS = "voortgang", "voortgang"
        COURSE = "koerswijziging", "koerswijziging"

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField("soort", max_length=20, choices=Kind.choices, default=Kind.PROGRESS)
    day = models.DateField("datum")
    text = models.TextField("toelichting", blank=True)
    old_status = models.CharField("vorige status", max_length=30, blank=True)
    status = models.CharField("status", max_length=30, choices=CHOICES)
    old_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    progress = models.PositiveSmallIntegerField("voortgang (%)", null=True, blank=True)
    evidence = models.JSONField("bewijs", default=list, blank=True)  # [{"url", "title"}]
    decision_title = models.CharField("raadsbesluit", max_length=500, blank=True)
    decision_url = models.URLField("link naar het raadsbesluit", max_length=1000, blank=True)
    old_text = models.TextField("afspraak vóór de wijziging", blank=True)
    new_text = models.TextField("afspraak na de wijziging", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    author_name = models.CharField("door", max_length=150, blank=True)
    via = models.CharField("via", max_length=40, blank=True)  # formulier, csv, opdrachtregel
    created_at = models.DateTimeField("vastgelegd op", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-day", "-created_at", "-id"]
        indexes = [models.Index(fields=["commitment", "-day"]), models.Index(fields=["-day", "-created_at"])]
        verbose_name = "update"
        verbose_name_plural = "updates"

    @property
    def status_label(self) -> str:
        status = BY_KEY.get(self.status)
        return status.label if status else self.status

    @property
    def old_status_label(self) -> str:
        status = BY_KEY.get(self.old_status)
        return status.label if status else self.old_status
