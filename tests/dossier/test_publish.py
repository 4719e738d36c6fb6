"""The publication copy: what it repairs, what it withholds, what it leaves alone."""
from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote

import pytest

from akkoord.dossier.checks import check_dossier
from akkoord.dossier.exports.publish import EMAIL_MARK, LINK_MARK, PATH_MARK, PHONE_MARK, publication_copy
from akkoord.dossier.model import Dossier, Fiche, PolicyArea, Source

TODAY = date(2026, 4, 1)
PUBLIC = "https://raad.voorbeeldstad.nl/Document/View/8f1c"
OTHER = "https://www.rijksoverheid.nl/documenten/brief"


def safelink(target: str, recipient: str = "k.pieters@voorbeeldstad.nl") -> str:
    return ("https://eur01.safelinks.protection.outlook.com/?url=" + quote(target, safe="")
            + "&data=05%7C02%7C" + quote(recipient, safe="") + "%7C1&sdata=x%3D&reserved=0")


def dossier_with(**fields) -> Dossier:
    fiche = Fiche(code="2B", title="Energie", ambitions=["open"], current_line="Lijn.",
                  sources=[Source("Nota 2024", "2028")], adjustment_moment="2027", external_changes="Geen.",
                  partners=["Netbeheerder"], advice=["Keuze?"], policy_areas=[PolicyArea("Wonen", "X", "")],
                  links=[OTHER])
    for name, value in fields.items():
        setattr(fiche, name, value)
    return Dossier("Voorbeeldstad", [fiche])


def publish(dossier: Dossier):
    return publication_copy(dossier, check_dossier(dossier, today=TODAY))


def test_safelink_is_replaced_by_its_target():
    dossier = dossier_with(links=[safelink(PUBLIC)])
    copy, changes = publish(dossier)
    assert copy.fiches[0].links == [PUBLIC]
    assert [c.action for c in changes] == ["unwrapped"]
    assert changes[0].old == dossier.fiches[0].links[0] and changes[0].new == PUBLIC


def test_input_dossier_is_not_changed():
    dossier = dossier_with(links=[safelink(PUBLIC)], current_line="Mail j.devries@voorbeeldstad.nl.")
    before = json.dumps(dossier.to_dict())
    publish(dossier)
    assert json.dumps(dossier.to_dict()) == before


def test_redirect_and_tracking_are_cleaned():
    google = "https://www.google.nl/url?sa=t&q=&url=" + quote(PUBLIC + "?utm_source=x", safe="") + "&usg=AOv"
    copy, changes = publish(dossier_with(links=[google, OTHER + "?utm_medium=email&id=4"]))
    assert copy.fiches[0].links == [PUBLIC, OTHER + "?id=4"]
    assert [c.action for c in changes] == ["unwrapped", "tracking-removed", "tracking-removed"]


def test_file_link_and_internal_link_are_withheld():
    file_link = r"file:///\\srv01\userdata$\devriesj\MijnDocumenten\brief.pdf"
    internal = "https://zaak.gemeente.local/zaak/1"
    copy, changes = publish(dossier_with(links=[file_link, OTHER, internal]))
    assert copy.fiches[0].links == [OTHER]
    withheld = [c for c in changes if c.action == "withheld"]
    assert [c.old for c in withheld] == [file_link, internal]
    assert all(c.new == "" for c in withheld)
    assert "gebruikersnaam" in withheld[0].message


def test_safelink_to_an_internal_server_is_withheld_not_just_unwrapped():
    copy, changes = publish(dossier_with(links=[safelink("https://zaak.gemeente.local/zaak/1")]))
    assert copy.fiches[0].links == []
    assert "withheld" in [c.action for c in changes]


def test_links_that_become_the_same_are_kept_once():
    copy, changes = publish(dossier_with(links=[PUBLIC, safelink(PUBLIC)]))
    assert copy.fiches[0].links == [PUBLIC]
    assert [c.action for c in changes] == ["unwrapped", "deduplicated"]


def test_personal_data_in_text_is_replaced():
    dossier = dossier_with(
        current_line="Vragen aan j.devries@voorbeeldstad.nl of info@voorbeeldstad.nl.",
        advice=["Bel 06-12345678.", "Stuk op C:\\Users\\devriesj\\Desktop\\nota.docx bekijken."],
    )
    copy, changes = publish(dossier)
    fiche = copy.fiches[0]
    # The shared mailbox is only info, so it stays.
    assert fiche.current_line == f"Vragen aan {EMAIL_MARK} of info@voorbeeldstad.nl."
    assert fiche.advice == [f"Bel {PHONE_MARK}.", f"Stuk op {PATH_MARK} bekijken."]
    assert sorted(c.action for c in changes) == ["redacted"] * 3


def test_links_in_text_are_cleaned_or_withheld():
    text = f"Zie {safelink(PUBLIC)} en http://fileserver/stukken/nota.pdf voor meer."
    copy, _ = publish(dossier_with(external_changes=text))
    assert copy.fiches[0].external_changes == f"Zie {PUBLIC} en {LINK_MARK} voor meer."


def test_placeholder_end_date_is_left_empty_but_impossible_date_stays():
    dossier = dossier_with(sources=[Source("Woonvisie", "xx"), Source("Visie", "3050")])
    copy, changes = publish(dossier)
    assert [s.end_date for s in copy.fiches[0].sources] == ["", "3050"]
    assert [c.action for c in changes] == ["cleared"]
    remaining = [f.rule for f in check_dossier(copy, today=TODAY) if f.blocking]
    assert remaining == ["implausible-end-date"]


def test_only_the_given_findings_are_acted_on():
    dossier = dossier_with(links=[safelink(PUBLIC)])
    copy, changes = publication_copy(dossier, [])
    assert copy.fiches[0].links == dossier.fiches[0].links and changes == []


def test_change_messages_are_dutch_and_name_the_fiche():
    _, changes = publish(dossier_with(links=[OTHER + "?utm_source=x"]))
    assert str(changes[0]).startswith("fiche 2B, Links: volgcodes (utm_source) verwijderd")
    assert set(changes[0].to_dict()) == {"fiche", "field", "action", "old", "new", "message"}


@pytest.fixture(scope="module")
def shared_dossier(shared_gold_dir) -> Dossier:
    return Dossier("Enschede", [Fiche.from_dict(json.loads(p.read_text(encoding="utf-8")))
                                for p in sorted(shared_gold_dir.glob("*.json"))])


def test_shared_dossier_copy_has_no_link_or_personal_data_problems(shared_dossier):
    copy, changes = publication_copy(shared_dossier, check_dossier(shared_dossier, today=TODAY))
    left = {f.rule for f in check_dossier(copy, today=TODAY)}
    for rule in ("safe-link", "redirect-link", "tracking-parameters", "email-address", "file-link",
                 "user-name", "internal-link", "placeholder-end-date"):
        assert rule not in left, rule
    text = json.dumps(copy.to_dict())
    assert "safelinks.protection" not in text and "file:" not in text and "utm_" not in text
    assert "%40" not in text and "@" not in text
    # Clean links survive untouched.
    original = {url for fiche in shared_dossier.fiches for url in fiche.links if url.startswith("https://www.rijksoverheid.nl/")}
    kept = {url for fiche in copy.fiches for url in fiche.links}
    assert original and original <= kept
    assert {c.action for c in changes} >= {"unwrapped", "tracking-removed", "withheld", "cleared"}
