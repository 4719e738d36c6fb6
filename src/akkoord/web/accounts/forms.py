from __future__ import annotations

from django import forms


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code uit uw app", min_length=6, max_length=8, strip=True,
        help_text="De zes cijfers die uw authenticator-app nu toont.",
        error_messages={"required": "Vul de code in.", "min_length": "De code heeft zes cijfers.",
                        "max_length": "De code heeft zes cijfers."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                      "pattern": "[0-9]*"}),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError("De code bestaat alleen uit cijfers.")
        return token
