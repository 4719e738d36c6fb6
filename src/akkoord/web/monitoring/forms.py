"""Forms of the monitoring pages (Dutch labels and messages)."""
from __future__ import annotations

from django import forms

from akkoord.monitoring.status import CHOICES


class UpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=[c for c in CHOICES if c[0] not in ("gewijzigd", "losgelaten")])
    progress = forms.IntegerField(label="Voortgang (%)", required=False, min_value=0, max_value=100,
                                  help_text="Leeg laten als een percentage niets zegt; dan telt de status.",
                                  error_messages={"min_value": "Minstens 0.", "max_value": "Hoogstens 100.",
                                                  "invalid": "Vul een heel getal in."})
    day = forms.DateField(label="Datum", required=False, widget=forms.DateInput(attrs={"type": "date"}),
                          help_text="Standaard vandaag.", error_messages={"invalid": "Vul een geldige datum in."})
    text = forms.CharField(label="Toelichting", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
                           error_messages={"required": "Schrijf kort wat er is gebeurd."})
    evidence = forms.CharField(label="Bewijs (links naar raadsstukken)", required=False,
                               widget=forms.Textarea(attrs={"rows": 2}), max_length=4000,
                               help_text="Eén link per regel, eventueel met een titel ervoor: ‘Raadsinformatiebrief 12 | https://…’.")
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def clean_evidence(self) -> list[dict]:
        items = []
        for line in self.cleaned_data["evidence"].splitlines():
            line = line.strip()
            if not line:
                continue
            title, _, url = line.rpartition("|") if "|" in line else ("", "", line)
            url = url.strip()
            if not url.lower().startswith(("https://", "http://")):
                raise forms.ValidationError(f"‘{line[:80]}’ is geen link (begin met https://).")
            items.append({"url": url[:1000], "title": title.strip()[:300]})
        return items


class CourseChangeForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=[("gewijzigd", "gewijzigd"), ("losgelaten", "losgelaten")])
    decision_title = forms.CharField(label="Raadsbesluit", max_length=500,
                                     help_text="Bijvoorbeeld: ‘Raadsbesluit 14 maart 2028, Woonvisie 2028–2032’.",
                                     error_messages={"required": "Noem het raadsbesluit."})
    decision_url = forms.URLField(label="Link naar het raadsbesluit", required=False, max_length=1000, assume_scheme="https",
                                  error_messages={"invalid": "Vul een volledige link in (https://…)."})
    reason = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                             error_messages={"required": "Geef de reden."})
    new_text = forms.CharField(label="Nieuwe tekst van de afspraak", required=False,
                               widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                               help_text="Alleen bij ‘gewijzigd’. De oude tekst blijft in de geschiedenis.")
    new_deadline = forms.DateField(label="Nieuwe deadline", required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}),
                                   help_text="Alleen bij ‘gewijzigd’, als het besluit de termijn verschuift.",
                                   error_messages={"invalid": "Vul een geldige datum in."})
    revision = forms.IntegerField(widget=forms.HiddenInput)


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV-bestand", help_text="Het bestand van ‘Exporteren (CSV)’, met uw wijzigingen.",
                           error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."})
