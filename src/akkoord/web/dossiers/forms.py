from __future__ import annotations

from django import forms
from django.conf import settings

from akkoord.web.dossiers.models import Dossier, DossierVersion


class UploadForm(forms.Form):
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
