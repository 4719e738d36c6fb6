"""Forms of the formation pages; every label and message in Dutch."""
from __future__ import annotations

import re

from django import forms
from django.contrib.auth import get_user_model

from akkoord.web.formation.models import Decision, Formation, Meeting, Membership, Party, Position


class RevisionForm(forms.Form):
    """Carries the revision the editor started from (optimistic locking)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class FormationForm(forms.Form):
    name = forms.CharField(label="Naam van de formatie", max_length=200)
    dossier = forms.ModelChoiceField(label="Dossier", queryset=None, empty_label=None,
                                     help_text="De formatie werkt met de nieuwste vrijgegeven versie.")
    election_year = forms.IntegerField(label="Verkiezingsjaar", min_value=1900, max_value=2200)
    council_seats = forms.IntegerField(label="Zetels in de gemeenteraad", min_value=1, max_value=200)
    role = forms.ChoiceField(label="Uw rol in deze formatie",
                             choices=[(Membership.Role.INFORMATEUR, "informateur"),
                                      (Membership.Role.FORMATEUR, "formateur")])

    def __init__(self, *args, dossiers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = dossiers


class SettingsForm(forms.Form):
    phase = forms.ChoiceField(label="Fase", choices=Formation.Phase.choices)
    council_seats = forms.IntegerField(label="Zetels in de gemeenteraad", min_value=1, max_value=200)
    max_breakpoints = forms.IntegerField(label="Breekpunten per partij (hoogstens)", min_value=0, max_value=500)


class PartyForm(forms.Form):
    name = forms.CharField(label="Naam van de partij", max_length=200)
    abbreviation = forms.CharField(label="Afkorting", max_length=20)
    seats = forms.IntegerField(label="Zetels", min_value=1, max_value=200)


class MemberForm(forms.Form):
    username = forms.CharField(label="Gebruikersnaam", max_length=150)
    role = forms.ChoiceField(label="Rol", choices=Membership.Role.choices)
    party = forms.ModelChoiceField(label="Partij (voor onderhandelaars)", queryset=Party.objects.none(),
                                   required=False, empty_label="—")

    def __init__(self, *args, formation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = formation.parties.all()

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError("Er is geen account met deze gebruikersnaam.")
        self.user = user
        return username

    def clean(self):
        data = super().clean()
        if data.get("role") == Membership.Role.NEGOTIATOR and not data.get("party"):
            self.add_error("party", "Kies de partij van deze onderhandelaar.")
        return data


class PositionForm(RevisionForm):
    stance = forms.ChoiceField(label="Standpunt", choices=Position.Stance.choices, widget=forms.RadioSelect)
    explanation = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 5}),
                                  max_length=10000)
    priority = forms.ChoiceField(label="Prioriteit", choices=Position.Priority.choices, widget=forms.RadioSelect)
    visibility = forms.ChoiceField(label="Wie mag dit standpunt zien?", choices=Position.Visibility.choices,
                                   widget=forms.RadioSelect)

    def __init__(self, *args, breakpoints_left: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.breakpoints_left = breakpoints_left

    def clean(self):
        data = super().clean()
        if (data.get("priority") == Position.Priority.BREAKPOINT and self.breakpoints_left is not None
                and self.breakpoints_left <= 0):
            self.add_error("priority", "Uw partij heeft al het hoogste aantal breekpunten dat de formateur "
                                       "toestaat. Maak eerst een ander breekpunt ongedaan.")
        return data


class PointTextForm(RevisionForm):
    text = forms.CharField(label="Tekst van het punt", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class NewPointForm(forms.Form):
    text = forms.CharField(label="Tekst van het nieuwe punt", widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=5000)
    fiche_code = forms.CharField(label="Fiche (code, optioneel)", max_length=12, required=False)

    def clean_fiche_code(self):
        code = self.cleaned_data["fiche_code"].strip().upper()
        if code and not re.fullmatch(r"[0-9]+[A-Z]", code):
            raise forms.ValidationError("Een fichecode is een getal met een hoofdletter, bijvoorbeeld 3A.")
        return code


class SplitForm(forms.Form):
    parts = forms.CharField(label="Deelpunten, één per regel", widget=forms.Textarea(attrs={"rows": 4}),
                            max_length=10000)

    def clean_parts(self):
        parts = [line.strip() for line in self.cleaned_data["parts"].splitlines() if line.strip()]
        if not parts:
            raise forms.ValidationError("Geef minstens één deelpunt.")
        return parts


class MergeForm(forms.Form):
    duplicate = forms.IntegerField(label="Nummer van het dubbele punt", min_value=1)


AMOUNT_LINE = re.compile(r"^\s*(\d{4})\s*[:=]\s*(-?[\d.]+)\s*$")


class DecisionForm(RevisionForm):
    text = forms.CharField(label="Uitspraak", required=False, widget=forms.Textarea(attrs={"rows": 5}),
                           max_length=10000)
    status = forms.ChoiceField(label="Status", choices=Decision.Status.choices)
    amounts = forms.CharField(
        label="Bedrag per jaar (euro)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén jaar per regel, bijvoorbeeld 2027: 250000")
    money_kind = forms.ChoiceField(label="Soort geld", choices=Decision.MoneyKind.choices, required=False)
    deadline = forms.DateField(label="Uiterlijk (datum)", required=False,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    use_logical_moment = forms.BooleanField(label="Op het logische moment uit de fiche", required=False)

    def clean_amounts(self):
        out = {}
        for line in self.cleaned_data["amounts"].splitlines():
            if not line.strip():
                continue
            match = AMOUNT_LINE.match(line)
            if not match:
                raise forms.ValidationError(f"Schrijf elk jaar als 'jaar: bedrag' (regel '{line.strip()}').")
            out[match.group(1)] = int(match.group(2).replace(".", ""))
        return out

    def clean(self):
        data = super().clean()
        if data.get("amounts") and not data.get("money_kind"):
            self.add_error("money_kind", "Geef aan of het geld structureel of incidenteel is.")
        if data.get("status") == Decision.Status.DECIDED and not (data.get("text") or "").strip():
            self.add_error("text", "Een besloten punt heeft een uitspraak.")
        return data


def amounts_text(amounts: dict) -> str:
    return "\n".join(f"{year}: {value}" for year, value in sorted((amounts or {}).items()))


class MeetingForm(RevisionForm):
    starts_at = forms.DateTimeField(label="Datum en tijd", input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    place = forms.CharField(label="Plaats", max_length=200)
    points = forms.CharField(label="Punten op de agenda (nummers, gescheiden door komma's)", required=False,
                             max_length=2000)

    def __init__(self, *args, formation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.formation = formation

    def clean_points(self):
        numbers = []
        for part in re.split(r"[,\s]+", self.cleaned_data["points"].strip()):
            if not part:
                continue
            if not part.isdigit():
                raise forms.ValidationError(f"'{part}' is geen puntnummer.")
            if int(part) not in numbers:
                numbers.append(int(part))
        known = set(self.formation.points.filter(number__in=numbers).values_list("number", flat=True))
        unknown = [str(n) for n in numbers if n not in known]
        if unknown:
            raise forms.ValidationError(f"Deze punten bestaan niet: {', '.join(unknown)}.")
        return numbers


class SummaryForm(RevisionForm):
    summary = forms.CharField(label="Verslag", required=False, widget=forms.Textarea(attrs={"rows": 12}),
                              max_length=50000)
    discussed = forms.MultipleChoiceField(label="Besproken punten", required=False,
                                          widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, meeting: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["discussed"].choices = [
            (str(item.point.number), f"{item.point.number}. {item.point.text[:120]}")
            for item in meeting.items.select_related("point")]


class TableFilterForm(forms.Form):
    ambitie = forms.ChoiceField(label="Opgave", required=False)
    fiche = forms.CharField(label="Fiche", required=False, max_length=12)
    sessie = forms.ChoiceField(label="Sessie", required=False)
    status = forms.ChoiceField(label="Status", required=False, choices=[
        ("", "alle"), ("eens", "eens"), ("verdeeld", "verdeeld"), ("open", "open")])
    q = forms.CharField(label="Zoek in de punten", required=False, max_length=200)
    sorteer = forms.ChoiceField(label="Volgorde", required=False, choices=[
        ("", "op nummer"), ("strijd", "meest omstreden eerst")])

    def __init__(self, *args, ambitions=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambitie"].choices = [("", "alle")] + list(ambitions)
        self.fields["sessie"].choices = [("", "alle")] + [(str(m.pk), f"{m.starts_at:%d-%m-%Y} {m.place}")
                                                          for m in meetings]
