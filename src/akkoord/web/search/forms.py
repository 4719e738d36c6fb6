"""The search form: a question and four filters, all optional, all via GET."""
from __future__ import annotations

from django import forms



class SearchForm(forms.Form):
    q = forms.CharField(label="Zoekvraag", required=False, max_length=300, strip=True,
                        widget=forms.TextInput(attrs={"type": "search", "id": "zoekvraag", "autocomplete": "off",
                                                      "placeholder": "bijvoorbeeld: tekort op de jeugdzorg"}))
    ambitie = forms.ChoiceField(label="Opgave", required=False)
    hoofdstuk = forms.ChoiceField(label="Hoofdstuk", required=False)
    partner = forms.CharField(label="Partner", required=False, max_length=120, strip=True,
                              help_text="Een deel van de naam is genoeg, bijvoorbeeld: GGD.")
    jaar = forms.ChoiceField(label="Jaar", required=False,
                             help_text="Jaar van een bijstuurmoment of een einddatum van beleid.")
    dossier = forms.ChoiceField(label="Dossier", required=False)
    veld = forms.ChoiceField(label="Zoek in", required=False,
                             help_text="Bijvoorbeeld alleen in het advies aan de onderhandelaars.")
    pagina = forms.IntegerField(required=False, min_value=1, max_value=1000, widget=forms.HiddenInput)

    def __init__(self, data=None, *, chapters=(), years=(), dossiers=(), ambitions=()):
        super().__init__(data)
        from akkoord.web.search.indexing import FIELDS

        self.fields["dossier"].choices = [("", "Alle dossiers")] + list(dossiers)
        self.fields["veld"].choices = [("", "Alle velden")] + [(f.key, f.label) for f in FIELDS if f.key != "code"]
        # (key, name) of the ambitions in the searched dossiers' profiles
        self.fields["ambitie"].choices = [("", "Alle opgaven")] + list(ambitions)
        self.fields["hoofdstuk"].choices = [("", "Alle hoofdstukken")] + [(c, f"Hoofdstuk {c}") for c in chapters]
        self.fields["jaar"].choices = [("", "Alle jaren")] + [(y, y) for y in years]

    def value(self, name: str):
        """The cleaned value of a field, or empty when the form or that field is invalid."""
        if not self.is_bound:
            return None if name == "pagina" else ""
        cleaned = getattr(self, "cleaned_data", {})
        value = cleaned.get(name)
        return value if value is not None else (None if name == "pagina" else "")
