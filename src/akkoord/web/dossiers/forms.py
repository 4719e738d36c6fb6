from __future__ import annotations

from django import forms
from django.conf import settings

from akkoord.web.dossiers.models import Dossier, DossierVersion


class UploadForm(forms.Form):
    other_municipality_needed = False  # set by the view when the file names another municipality
    file = forms.FileField(
        label="Dossierbestand",
        help_text="Tekst (.txt), PDF of Word (.docx), of een JSON-export van Akkoord. Hoogstens 40 MB.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
    dossier = forms.ModelChoiceField(
        queryset=Dossier.objects.all(), required=False, label="Nieuwe versie van",
        empty_label="— een nieuw dossier —",
        help_text="Kies een bestaand dossier om er een nieuwe versie van in te lezen; de oude versie blijft bewaard.",
    )
    municipality = forms.CharField(label="Gemeente", required=False, max_length=200,
                                   help_text="Alleen voor een nieuw dossier; leeg laten als het dossier het zelf vermeldt.")
    title = forms.CharField(label="Titel", required=False, max_length=300)
    other_municipality = forms.BooleanField(
        label="Ook inlezen als het bestand over een andere gemeente gaat", required=False,
        help_text="Alleen nodig als Akkoord meldt dat de gemeente van het bestand afwijkt van die van het dossier.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _describe(self)

    def full_clean(self):
        super().full_clean()
        _describe(self)

    def add_error(self, field, error):
        super().add_error(field, error)
        _describe(self)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = getattr(settings, "AKKOORD_MAX_UPLOAD_BYTES", 40 * 1024 * 1024)
        if upload.size > limit:
            raise forms.ValidationError(f"Het bestand is te groot (hoogstens {limit // (1024 * 1024)} MB).")
        return upload


class StatusForm(forms.Form):
    """Release or set back; making public has its own page (the publication copy)."""

    status = forms.ChoiceField(choices=[c for c in DossierVersion.Status.choices
                                        if c[0] != DossierVersion.Status.PUBLIC])


def _describe(form: forms.Form) -> None:
    """Tie help texts and errors to their inputs (aria-describedby, aria-invalid)."""
    for name, field in form.fields.items():
        widget_id = f"id_{name}"
        ids = [f"{widget_id}-hulp"] if field.help_text else []
        if form.is_bound and name in form.errors:
            ids.append(f"{widget_id}-fout")
            field.widget.attrs["aria-invalid"] = "true"
        if ids:
            field.widget.attrs["aria-describedby"] = " ".join(ids)



class DeleteVersionForm(forms.Form):
    confirm = forms.BooleanField(label="Ja, verwijder dit concept", required=True,
                                 error_messages={"required": "Bevestig dat u het concept wilt verwijderen."})


class ProfileForm(forms.Form):
    """Corrections to a dossier's profile in the review step: municipality, term, the name and
    colour of each ambition (its key stays: the fiches refer to it), the boilerplate texts."""

    municipality = forms.CharField(label="Gemeente", required=False, max_length=200)
    term_first = forms.IntegerField(label="Raadsperiode vanaf", min_value=1990, max_value=2100, required=False)
    term_last = forms.IntegerField(label="Raadsperiode tot en met", min_value=1990, max_value=2100, required=False)
    boilerplate = forms.CharField(
        label="Standaardtekst", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Tekst die in elke fiche terugkomt (zoals een vaste voetnoot) en nergens wordt overgenomen; "
                  "één per regel.")

    def __init__(self, data=None, *, profile=None):
        from akkoord.dossier.profile import PALETTE

        super().__init__(data)
        self.profile = profile
        colours = [(c, c) for c in PALETTE]
        for amb in profile.ambitions if profile else []:
            self.fields[f"name_{amb.key}"] = forms.CharField(
                label=f"Naam van opgave ‘{amb.key}’", max_length=200, initial=amb.name)
            self.fields[f"colour_{amb.key}"] = forms.ChoiceField(
                label=f"Kleur van opgave ‘{amb.key}’", choices=colours, initial=amb.colour)
        if profile:
            self.fields["municipality"].initial = profile.municipality
            if profile.term:
                self.fields["term_first"].initial, self.fields["term_last"].initial = profile.term
            self.fields["boilerplate"].initial = "\n".join(profile.boilerplate)
        _describe(self)

    def clean(self):
        data = super().clean()
        first, last = data.get("term_first"), data.get("term_last")
        if (first is None) != (last is None):
            raise forms.ValidationError("Vul beide jaren van de raadsperiode in, of geen van beide.")
        if first is not None and not 0 < last - first <= 6:
            raise forms.ValidationError("De raadsperiode loopt van een jaar tot een later jaar (hoogstens zes jaar).")
        return data

    def corrected(self):
        """The profile with the corrections applied."""
        profile = self.profile.copy()
        data = self.cleaned_data
        profile.municipality = data["municipality"].strip()
        profile.term = (data["term_first"], data["term_last"]) if data.get("term_first") is not None else None
        profile.boilerplate = [line.strip() for line in data["boilerplate"].splitlines() if line.strip()]
        for amb in profile.ambitions:
            amb.name = data[f"name_{amb.key}"].strip() or amb.name
            amb.colour = data[f"colour_{amb.key}"]
        return profile
