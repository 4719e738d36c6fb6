"""The formation and everything negotiated in it.

Who may see which row is decided in ``akkoord.web.access`` (formation section), never here.
Rows that are edited by several people carry a ``revision`` counter (optimistic locking,
see ``services.save_with_revision``) and keep their history (django-simple-history, ADR 8).
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from akkoord.web.dossiers.models import Dossier, DossierVersion


class Formation(models.Model):
    class Phase(models.TextChoices):
        INFORMATION = "informatie", "informatie"
        FORMATION = "formatie", "formatie"
        DONE = "afgerond", "afgerond"

    slug = models.SlugField("korte naam", max_length=80, unique=True)
    name = models.CharField("naam", max_length=200)
    municipality = models.CharField("gemeente", max_length=200)
    election_year = models.PositiveIntegerField("verkiezingsjaar")
    phase = models.CharField("fase", max_length=20, choices=Phase.choices, default=Phase.INFORMATION)
    council_seats = models.PositiveIntegerField("zetels in de raad")
    max_breakpoints = models.PositiveIntegerField(
        "breekpunten per partij", default=5,
        help_text="Het hoogste aantal punten dat een partij als breekpunt mag aanmerken.")
    # The dossier version the points are linked to; kept (PROTECT) while the formation exists,
    # and empty only for a formation imported without its dossier.
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="formations", verbose_name="dossier")
    version = models.ForeignKey(DossierVersion, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="formations", verbose_name="dossierversie")
    dossier_slug = models.CharField("dossier (korte naam)", max_length=80, blank=True)
    version_number = models.PositiveIntegerField("dossierversie (nummer)", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-election_year", "municipality", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "election_year"],
                                               name="one_formation_per_election")]
        verbose_name = "formatie"
        verbose_name_plural = "formaties"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("formation:table", kwargs={"slug": self.slug})

    @property
    def majority(self) -> int:
        return self.council_seats // 2 + 1


class Party(models.Model):
    formation = models.ForeignKey(Formation, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField("naam", max_length=200)
    abbreviation = models.CharField("afkorting", max_length=20)
    seats = models.PositiveIntegerField("zetels")
    history = HistoricalRecords()

    class Meta:
        ordering = ["formation", "-seats", "name"]
        constraints = [models.UniqueConstraint(fields=["formation", "abbreviation"], name="unique_party_abbreviation")]
        verbose_name = "partij"
        verbose_name_plural = "partijen"

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})"


class Membership(models.Model):
    """A person's one role in one formation (a negotiator belongs to one party delegation)."""

    class Role(models.TextChoices):
        NEGOTIATOR = "onderhandelaar", "onderhandelaar"
        INFORMATEUR = "informateur", "informateur"
        FORMATEUR = "formateur", "formateur"
        SUPPORT = "ondersteuning", "ambtelijke ondersteuning"
        READER = "lezer", "lezer"

    formation = models.ForeignKey(Formation, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="formation_memberships",
                             verbose_name="persoon")
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    party = models.ForeignKey(Party, on_delete=models.CASCADE, null=True, blank=True, related_name="delegation",
                              verbose_name="partij")
    history = HistoricalRecords()

    class Meta:
        ordering = ["formation", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["formation", "user"], name="one_role_per_formation"),
            models.CheckConstraint(
                condition=(models.Q(role="onderhandelaar", party__isnull=False)
                           | (~models.Q(role="onderhandelaar") & models.Q(party__isnull=True))),
                name="negotiator_has_party"),
        ]
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"

    def __str__(self) -> str:
        party = f" ({self.party.abbreviation})" if self.party_id else ""
        return f"{self.user} – {self.get_role_display()}{party}"


class Point(models.Model):
    """A decision point: one advice item of one fiche, or a point the formateur added."""

    formation = models.ForeignKey(Formation, on_delete=models.CASCADE, related_name="points")
    number = models.PositiveIntegerField("nummer")
    fiche_code = models.CharField("fiche", max_length=12, blank=True)
    fiche_title = models.CharField("onderwerp van de fiche", max_length=500, blank=True)
    ambitions = models.JSONField("opgaven", default=list, blank=True)
    advice_index = models.PositiveIntegerField("adviespunt", null=True, blank=True)  # 0-based
    advice_text = models.TextField("adviestekst bij aanmaken", blank=True)
    # The advice item as the newest linked dossier version words it (empty: no longer present).
    current_advice_text = models.TextField("adviestekst in de nieuwste versie", blank=True)
    advice_version = models.PositiveIntegerField("versie van de adviestekst", null=True, blank=True)
    advice_removed = models.BooleanField("adviespunt vervallen in nieuwere versie", default=False)
    logical_moment = models.TextField("logisch moment om bij te sturen", blank=True)
    text = models.TextField("tekst")
    original_text = models.TextField("oorspronkelijke tekst", blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="merged", verbose_name="samengevoegd met")
    split_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="parts", verbose_name="afgesplitst van")
    revision = models.PositiveIntegerField("revisie", default=1)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["formation", "number"]
        constraints = [models.UniqueConstraint(fields=["formation", "number"], name="unique_point_number")]
        indexes = [models.Index(fields=["formation", "fiche_code"])]
        verbose_name = "beslispunt"
        verbose_name_plural = "beslispunten"

    def __str__(self) -> str:
        return f"Punt {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("formation:point", kwargs={"slug": self.formation.slug, "number": self.number})

    @property
    def advice_changed(self) -> bool:
        return bool(self.advice_removed or (self.current_advice_text and self.advice_text
                                             and self.current_advice_text != self.advice_text))

    @property
    def reworded(self) -> bool:
        return bool(self.original_text and self.original_text != self.text)

    @property
    def advice_label(self) -> str:
        """``3A.2``: fiche code and 1-based advice item number."""
        if not self.fiche_code:
            return ""
        if self.advice_index is None:
            return self.fiche_code
        return f"{self.fiche_code}.{self.advice_index + 1}"


class Position(models.Model):
    class Stance(models.TextChoices):
        AGREE = "eens", "eens"
        DISAGREE = "oneens", "oneens"
        CONDITIONAL = "voorwaardelijk", "voorwaardelijk"
        NONE = "geen", "nog geen standpunt"

    class Priority(models.TextChoices):
        NORMAL = "normaal", "normaal"
        HIGH = "hoog", "hoog"
        BREAKPOINT = "breekpunt", "breekpunt"

    class Visibility(models.TextChoices):
        PARTY = "partij", "alleen de eigen delegatie"
        CONFIDENTIAL = "vertrouwelijk", "vertrouwelijk: ook informateur en formateur"
        TABLE = "tafel", "aan tafel: iedereen in de formatie"

    point = models.ForeignKey(Point, on_delete=models.CASCADE, related_name="positions")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="positions")
    stance = models.CharField("standpunt", max_length=20, choices=Stance.choices, default=Stance.NONE)
    explanation = models.TextField("toelichting", blank=True)
    priority = models.CharField("prioriteit", max_length=20, choices=Priority.choices, default=Priority.NORMAL)
    visibility = models.CharField("zichtbaarheid", max_length=20, choices=Visibility.choices, default=Visibility.PARTY)
    revision = models.PositiveIntegerField("revisie", default=1)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["point", "party"]
        constraints = [models.UniqueConstraint(fields=["point", "party"], name="one_position_per_party")]
        indexes = [models.Index(fields=["party", "visibility"])]
        verbose_name = "standpunt"
        verbose_name_plural = "standpunten"

    def __str__(self) -> str:
        return f"{self.party.abbreviation} over punt {self.point.number}"


class Decision(models.Model):
    """What the formateur records as agreed on a point; the coalition agreement builds on it."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        DISCUSSING = "in-bespreking", "in bespreking"
        DECIDED = "besloten", "besloten"
        PARKED = "geparkeerd", "geparkeerd"
        LAPSED = "vervallen", "vervallen"

    class MoneyKind(models.TextChoices):
        NONE = "", "geen geld"
        STRUCTURAL = "structureel", "structureel"
        ONE_OFF = "incidenteel", "incidenteel"

    point = models.OneToOneField(Point, on_delete=models.CASCADE, related_name="decision")
    text = models.TextField("uitspraak", blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    # Euros per year, {"2027": 250000, …}; empty without money.
    amounts = models.JSONField("bedrag per jaar", default=dict, blank=True)
    money_kind = models.CharField("soort geld", max_length=20, choices=MoneyKind.choices, default="", blank=True)
    deadline = models.DateField("uiterlijk", null=True, blank=True)
    use_logical_moment = models.BooleanField("op het logische moment uit de fiche", default=False)
    revision = models.PositiveIntegerField("revisie", default=1)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["point"]
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"

    def __str__(self) -> str:
        return f"Besluit over punt {self.point.number}"

    @property
    def fiche_code(self) -> str:
        return self.point.fiche_code

    @property
    def advice_index(self) -> int | None:
        return self.point.advice_index

    @property
    def total_amount(self) -> int:
        return sum(int(v) for v in (self.amounts or {}).values())


class Meeting(models.Model):
    """A session at the table: date, place, the points on its agenda and its summary."""

    formation = models.ForeignKey(Formation, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("datum en tijd")
    place = models.CharField("plaats", max_length=200)
    points = models.ManyToManyField(Point, through="AgendaItem", related_name="meetings", blank=True)
    summary = models.TextField("verslag", blank=True)
    revision = models.PositiveIntegerField("revisie", default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["formation", "starts_at"]
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    def __str__(self) -> str:
        return f"Sessie {self.starts_at:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("formation:meeting", kwargs={"slug": self.formation.slug, "pk": self.pk})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    point = models.ForeignKey(Point, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField("volgorde", default=0)
    discussed = models.BooleanField("besproken", default=False)

    class Meta:
        ordering = ["meeting", "order", "point__number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "point"], name="point_once_per_meeting")]
        verbose_name = "agendapunt"
        verbose_name_plural = "agendapunten"
