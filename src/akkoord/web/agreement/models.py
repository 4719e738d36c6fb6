"""The agreement of a formation, its afspraken (SMART fields on a decision), free sections,
versions (snapshots in the open-data form) and the municipality's Word house style.

The working draft is never stored as a whole: it is drafted from the formation's decisions
each time (``services.draft``), with what people wrote here on top. A version freezes it.
Who may see or change what is decided in ``akkoord.web.access`` (agreement section).
"""
from __future__ import annotations

from django.conf import settings
from django.db import models

from akkoord.web.formation.models import Formation, Point


class Agreement(models.Model):
    formation = models.OneToOneField(Formation, on_delete=models.CASCADE, related_name="agreement")
    title = models.CharField("titel", max_length=300)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)

    class Meta:
        verbose_name = "coalitieakkoord"
        verbose_name_plural = "coalitieakkoorden"

    def __str__(self) -> str:
        return self.title


class Afspraak(models.Model):
    """What people added to one decided point: wording and the SMART fields."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="afspraken")
    point = models.OneToOneField(Point, on_delete=models.CASCADE, related_name="afspraak")
    title = models.CharField("titel", max_length=300, blank=True)
    text = models.TextField("tekst in het akkoord", blank=True,
                            help_text="Leeg: de uitspraak van het besluit.")
    what = models.TextField("wat", blank=True)
    target = models.TextField("meetbaar doel", blank=True)
    baseline = models.TextField("nulmeting", blank=True)
    deadline = models.DateField("uiterlijk", null=True, blank=True)
    portfolio_holder = models.CharField("portefeuillehouder", max_length=200, blank=True)
    budget = models.JSONField("budget per jaar", default=list, blank=True)  # [{"year", "amount", "kind"}]
    milestones = models.JSONField("mijlpalen", default=list, blank=True)  # [{"date", "text"}]
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"

    def __str__(self) -> str:
        return f"Afspraak bij punt {self.point.number}"


class Section(models.Model):
    class Placement(models.TextChoices):
        BEFORE = "voor", "voor de afspraken"
        AFTER = "na", "na de afspraken"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField("titel", max_length=200)
    text = models.TextField("tekst", blank=True)
    placement = models.CharField("plaats", max_length=4, choices=Placement.choices, default=Placement.BEFORE)
    order = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["agreement", "placement", "order", "pk"]
        verbose_name = "vrije sectie"
        verbose_name_plural = "vrije secties"

    def __str__(self) -> str:
        return self.title


class AgreementVersion(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        ADOPTED = "vastgesteld", "vastgesteld"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("versie")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.CONCEPT)
    published = models.BooleanField("openbaar", default=False)
    adopted_on = models.DateField("vastgesteld op", null=True, blank=True)
    note = models.CharField("toelichting", max_length=300, blank=True)
    data = models.JSONField("akkoord (akkoord-agreement/1)")
    created_at = models.DateTimeField("vastgelegd", auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="vastgelegd door")

    class Meta:
        ordering = ["agreement", "-number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="unique_agreement_version")]
        verbose_name = "versie van het akkoord"
        verbose_name_plural = "versies van het akkoord"

    def __str__(self) -> str:
        return f"{self.agreement} versie {self.number}"


class HouseStyle(models.Model):
    """The municipality's Word file whose styles the DOCX export uses (checked at upload)."""

    agreement = models.OneToOneField(Agreement, on_delete=models.CASCADE, related_name="house_style")
    name = models.CharField("bestandsnaam", max_length=200)
    data = models.BinaryField("Word-bestand")
    uploaded_at = models.DateTimeField("geüpload", auto_now=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name="geüpload door")

    class Meta:
        verbose_name = "huisstijl"
        verbose_name_plural = "huisstijlen"
