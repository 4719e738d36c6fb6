"""Forms of the agreement pages (Dutch labels and messages)."""
from __future__ import annotations

import re
from datetime import date

from django import forms

from akkoord.agreement.exports.docx import HouseStyleError, validate_house_style
from akkoord.web.agreement.models import Afspraak, Section

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def parse_budget(text: str) -> list[dict]:
    """``2027; 250000; structureel`` per line (amount may have dots, € or spaces)."""
    out = []
    for line in _lines(text):
        parts = [p.strip() for p in re.split(r"[;\t]", line)]
        if len(parts) < 2 or not re.fullmatch(r"20\d\d", parts[0]):
            raise forms.ValidationError(f"Regel ‘{line}’: schrijf jaar; bedrag; structureel of incidenteel.")
        amount = re.sub(r"[€\s.]", "", parts[1]).replace(",", ".")
        try:
            value = int(round(float(amount)))
        except ValueError:
            raise forms.ValidationError(f"Regel ‘{line}’: het bedrag is geen getal.") from None
        kind = (parts[2].lower() if len(parts) > 2 and parts[2] else "structureel")
        if kind not in ("structureel", "incidenteel"):
            raise forms.ValidationError(f"Regel ‘{line}’: kies structureel of incidenteel.")
        out.append({"year": int(parts[0]), "amount": value, "kind": kind})
    return out


def parse_milestones(text: str) -> list[dict]:
    """``2027-06-30; wat er dan klaar is`` (or 30-06-2027) per line."""
    out = []
    for line in _lines(text):
        when, _, what = line.partition(";")
        when = when.strip()
        match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", when)
        try:
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else date.fromisoformat(when)
        except ValueError:
            raise forms.ValidationError(f"Regel ‘{line}’: begin met een datum (JJJJ-MM-DD of DD-MM-JJJJ), dan ; en de mijlpaal.") from None
        if not what.strip():
            raise forms.ValidationError(f"Regel ‘{line}’: schrijf na de datum en ; wat er dan bereikt moet zijn.")
        out.append({"date": day.isoformat(), "text": what.strip()})
    return sorted(out, key=lambda m: m["date"])


class AfspraakForm(forms.ModelForm):
    budget_text = forms.CharField(
        label="Budget per jaar", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén regel per jaar: jaar; bedrag in euro; structureel of incidenteel. Leeg: het geld uit het besluit.")
    milestones_text = forms.CharField(
        label="Mijlpalen", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén regel per mijlpaal: datum; wat er dan bereikt is.")

    class Meta:
        model = Afspraak
        fields = ["title", "text", "what", "target", "baseline", "deadline", "portfolio_holder"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "what": forms.Textarea(attrs={"rows": 2}),
            "target": forms.Textarea(attrs={"rows": 2}),
            "baseline": forms.Textarea(attrs={"rows": 2}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "title": "Leeg: het onderwerp van de fiche of de korte tekst van het punt.",
            "target": "Specifiek en meetbaar, bijvoorbeeld ‘500 sociale huurwoningen opgeleverd’.",
            "baseline": "De stand bij de start, bijvoorbeeld ‘210 woningen in 2026’.",
        }
        error_messages = {"deadline": {"invalid": "Vul een geldige datum in."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            self.fields["budget_text"].initial = "\n".join(
                f"{b['year']}; {b['amount']}; {b.get('kind', 'structureel')}" for b in self.instance.budget or [])
            self.fields["milestones_text"].initial = "\n".join(
                f"{m['date']}; {m['text']}" for m in self.instance.milestones or [])

    def clean_budget_text(self):
        return parse_budget(self.cleaned_data.get("budget_text", ""))

    def clean_milestones_text(self):
        return parse_milestones(self.cleaned_data.get("milestones_text", ""))

    def save(self, commit=True):
        self.instance.budget = self.cleaned_data["budget_text"]
        self.instance.milestones = self.cleaned_data["milestones_text"]
        return super().save(commit)


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "text", "placement", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"title": "Bijvoorbeeld: Inleiding, Financieel kader, Portefeuilleverdeling."}


class TitleForm(forms.Form):
    title = forms.CharField(label="Titel van het akkoord", max_length=300)


class VersionForm(forms.Form):
    note = forms.CharField(label="Toelichting bij deze versie", max_length=300, required=False)


class HouseStyleForm(forms.Form):
    file = forms.FileField(label="Word-bestand met de huisstijl (.docx)",
                           help_text="De opmaakstijlen (Kop 1, Kop 2, Standaard …), marges, kop- en voettekst worden gebruikt.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError("Het sjabloon is groter dan 10 MB.")
        data = upload.read()
        try:
            validate_house_style(data)
        except HouseStyleError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload.name, data
