"""The quality and publication check: one focused fixture per rule, then the shared dossier."""
from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote

import pytest

from akkoord.dossier.checks import (
    BLOCKING, INFO, RULES, SEVERITIES, WARNING, Finding, check_dossier, count_by_rule, has_blocking,
)
from akkoord.dossier.model import Dossier, Fiche, PolicyArea, Source

TODAY = date(2026, 4, 1)
PUBLIC = "https://raad.voorbeeldstad.nl/Agenda/Document/11?documentId=22&agendaItemId=33"


def make_fiche(code: str = "1A", **changes) -> Fiche:
    """A complete fiche without any problem; ``changes`` spoil one thing at a time."""
    fiche = Fiche(
        code=code,
        title=f"Onderwerp {code}",
        ambitions=["inclusief"],
        current_line="We voeren het armoedebeleid uit zoals vastgesteld.",
        sources=[Source("Nota minimabeleid 2024", "2028")],
        adjustment_moment="Bij de voorjaarsnota 2027.",
        external_changes="Het Rijk herziet de bijstand.",
        partners=["Voedselbank", "Stadsbank"],
        advice=["Kiest u voor verhoging van de inkomensgrens?"],
        policy_areas=[PolicyArea("Zorg", "X", "")],
        links=[PUBLIC],
    )
    for name, value in changes.items():
        setattr(fiche, name, value)
    return fiche


def check(*fiches: Fiche) -> list[Finding]:
    return check_dossier(Dossier("Voorbeeldstad", list(fiches)), today=TODAY)


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_a_clean_fiche_has_no_findings():
    assert check(make_fiche("1A"), make_fiche("1B")) == []


def test_registry_describes_every_rule_with_a_valid_severity():
    for rule in RULES.values():
        assert rule.severity in SEVERITIES
        assert rule.title and rule.description


def test_finding_to_dict_has_exactly_the_documented_keys():
    finding = check(make_fiche(advice=[]))[0]
    assert set(finding.to_dict()) == {"fiche", "field", "rule", "severity", "message", "value", "suggestion"}


# ------------------------------------------------------------------ structure

class TestStructure:
    def test_empty_dossier_is_blocking(self):
        findings = check_dossier(Dossier("Voorbeeldstad", []), today=TODAY)
        assert rules(findings) == ["empty-dossier"] and findings[0].fiche is None and has_blocking(findings)

    def test_empty_text_field(self):
        findings = check(make_fiche(current_line="  "))
        assert [(f.rule, f.field, f.severity) for f in findings] == [("empty-field", "current_line", WARNING)]

    def test_empty_list_field(self):
        findings = check(make_fiche(partners=[]))
        assert [(f.rule, f.field, f.severity) for f in findings] == [("empty-field", "partners", INFO)]

    def test_no_ambition(self):
        findings = check(make_fiche(ambitions=[]))
        assert [(f.rule, f.field) for f in findings] == [("no-ambition", "ambitions")]

    def test_no_advice_also_when_advice_is_only_a_placeholder(self):
        assert rules(check(make_fiche(advice=[]))) == ["no-advice"]
        assert "no-advice" in rules(check(make_fiche(advice=["xx"])))

    def test_field_that_is_only_a_placeholder(self):
        findings = check(make_fiche(external_changes="n.t.b."))
        assert [(f.rule, f.field) for f in findings] == [("placeholder-text", "external_changes")]

    def test_placeholder_inside_running_text(self):
        findings = check(make_fiche(current_line="Het budget is xx euro per jaar."))
        assert [(f.rule, f.field) for f in findings] == [("placeholder-text", "current_line")]

    def test_table_mark_x_is_not_a_placeholder(self):
        assert check(make_fiche(policy_areas=[PolicyArea("Economie", "", "X")])) == []

    def test_duplicate_code_is_blocking(self):
        findings = check(make_fiche("1A"), make_fiche("1A", title="Iets anders"))
        assert [(f.rule, f.severity) for f in findings] == [("duplicate-code", BLOCKING)]

    def test_duplicate_title_ignores_case_and_spacing(self):
        findings = check(make_fiche("1A", title="Sport  algemeen"), make_fiche("1B", title="sport algemeen"))
        assert [(f.rule, f.fiche) for f in findings] == [("duplicate-title", "1B")]
        assert "1A" in findings[0].message


class TestReferences:
    def test_reference_to_missing_fiche_in_a_present_chapter(self):
        findings = check(make_fiche("1A", related=["1C"]), make_fiche("1B"))
        assert [(f.rule, f.severity, f.value) for f in findings] == [("unknown-reference", WARNING, "1C")]

    def test_reference_into_an_absent_chapter_is_only_info(self):
        findings = check(make_fiche("1A", related=["5D"]))
        assert [(f.rule, f.severity) for f in findings] == [("unknown-reference", INFO)]
        assert "hoofdstuk 5" in findings[0].message

    def test_existing_reference_is_fine(self):
        assert check(make_fiche("1A", related=["1B"]), make_fiche("1B")) == []

    def test_reference_that_is_no_code(self):
        findings = check(make_fiche("1A", related=["zorgaanbieders"]))
        assert [(f.rule, f.severity) for f in findings] == [("unknown-reference", WARNING)]


# ------------------------------------------------------------------ end dates

def end_date_findings(end_date: str, title: str = "Nota minimabeleid") -> list[Finding]:
    return check(make_fiche(sources=[Source(title, end_date)]))


class TestEndDates:
    @pytest.mark.parametrize("value", ["xx", "XX", "Ntb", "n.t.b.", "?", "-", "...", "…", "nnb", "20xx",
                                       "31-12-20xx", "xx-xx-xxxx", "[invullen]", "p.m."])
    def test_placeholders_are_blocking(self, value):
        findings = end_date_findings(value)
        assert [(f.rule, f.severity, f.value) for f in findings] == [("placeholder-end-date", BLOCKING, value)]
        assert f"'{value.strip()}'" in findings[0].message

    def test_empty_end_date_is_info(self):
        findings = end_date_findings("")
        assert [(f.rule, f.severity) for f in findings] == [("missing-end-date", INFO)]

    @pytest.mark.parametrize("value", ["Geen einddatum", "geen", "n.v.t.", "n.v.t. vastgesteld", "Doorlopend",
                                       "structureel"])
    def test_explicit_no_end_date_is_fine(self, value):
        assert end_date_findings(value) == []

    @pytest.mark.parametrize("value,fragment", [
        ("3050", "3050"),
        ("31-12-207", "207"),
        ("207", "207"),
        ("1985", "1985"),
        ("31-13-2027", "31-13-2027"),
        ("2027-02-40", "2027-02-40"),
    ])
    def test_impossible_dates_are_blocking(self, value, fragment):
        findings = end_date_findings(value)
        assert [(f.rule, f.severity) for f in findings] == [("implausible-end-date", BLOCKING)]
        assert fragment in findings[0].message

    def test_far_future_year_suggests_the_likely_one(self):
        assert "2050" in end_date_findings("3050")[0].suggestion

    def test_end_before_the_year_the_title_names(self):
        findings = end_date_findings("2019", title="Kadernota 2020")
        assert [(f.rule, f.severity) for f in findings] == [("end-date-before-document", WARNING)]

    def test_horizon_year_in_title_is_not_the_document_year(self):
        # "2040" lies after today: a horizon, not the year the document was written.
        assert end_date_findings("2030", title="Omgevingsvisie 2040") == []
        # For a period the first year counts.
        assert rules(end_date_findings("1-4-2023", title="Afspraken 2023-2026")) == ["passed-end-date"]

    @pytest.mark.parametrize("value", ["2025", "31-12-2025", "12-3-2026", "31-12-25", "febr. 2026"])
    def test_passed_end_dates(self, value):
        findings = end_date_findings(value)
        assert [(f.rule, f.severity) for f in findings] == [("passed-end-date", WARNING)]

    @pytest.mark.parametrize("value", ["2026", "31-12-28", "2026/2027", "eind 2027", "1-4-2026"])
    def test_current_and_future_end_dates_are_fine(self, value):
        assert end_date_findings(value) == []

    def test_today_decides_what_has_passed(self):
        fiche = make_fiche(sources=[Source("Nota", "2026")])
        dossier = Dossier("Voorbeeldstad", [fiche])
        assert check_dossier(dossier, today=date(2026, 12, 31)) == []
        assert rules(check_dossier(dossier, today=date(2027, 1, 1))) == ["passed-end-date"]

    def test_same_document_with_different_end_dates_in_two_fiches(self):
        findings = check(make_fiche("1A", sources=[Source("Nota Wonen", "31-12-2027")]),
                         make_fiche("1B", sources=[Source("nota  wonen", "2028")]),
                         make_fiche("1C", sources=[Source("Nota Wonen", "2027")]))
        assert [(f.rule, f.fiche, f.value) for f in findings] == [("inconsistent-end-date", "1B", "2028")]
        assert "fiche 1A" in findings[0].message

    def test_text_without_a_date(self):
        findings = end_date_findings("Reguliere subsidie")
        assert [(f.rule, f.severity) for f in findings] == [("unclear-end-date", INFO)]


# ------------------------------------------------------------------ links

def safelink(target: str, recipient: str = "k.pieters@voorbeeldstad.nl") -> str:
    return ("https://nam12.safelinks.protection.outlook.com/?url=" + quote(target, safe="")
            + "&data=05%7C02%7C" + quote(recipient, safe="") + "%7C123&sdata=abc%3D&reserved=0")


def link_findings(*urls: str) -> list[Finding]:
    return check(make_fiche(links=list(urls)))


class TestLinks:
    @pytest.mark.parametrize("url", [
        PUBLIC,
        "https://www.rijksoverheid.nl/documenten/kamerstukken/2025/12/11/brief",
        "https://wetten.overheid.nl/BWBR0047862/2025-10-29",
        "https://lokaleregelgeving.overheid.nl/CVDR725686/1#div_3",
        "https://open.overheid.nl/documenten/22e4526c/file",
        "https://www.google.nl/maps/place/Enschede",
    ])
    def test_clean_public_links_give_no_finding(self, url):
        assert link_findings(url) == []

    def test_file_link_with_user_name(self):
        url = r"file:///\\srv01\userdata$\devriesj\MijnDocumenten\Downloads\brief%20(1).pdf"
        findings = link_findings(url)
        assert sorted((f.rule, f.severity) for f in findings) == [("file-link", BLOCKING), ("user-name", BLOCKING)]
        assert "devriesj" in only(findings, "user-name")[0].message
        assert all(f.value == url for f in findings)

    def test_file_link_on_a_shared_drive_without_user(self):
        findings = link_findings("file:///S:/Afdeling/Beleid/nota.pdf")
        assert rules(findings) == ["file-link"]

    @pytest.mark.parametrize("url", [
        "https://app01.stad.intern/zaak?id=1",
        "http://fileserver/stukken/nota.pdf",
        "https://10.20.30.40/portaal",
        "https://corsa.gemeente.local/web/post/showscan.r?object_id=1",
    ])
    def test_internal_hosts_are_blocking(self, url):
        findings = link_findings(url)
        assert [(f.rule, f.severity) for f in findings] == [("internal-link", BLOCKING)]

    def test_intranet_name_is_a_warning(self):
        findings = link_findings("https://intranet.voorbeeldstad.nl/nieuws/1")
        assert [(f.rule, f.severity) for f in findings] == [("internal-link", WARNING)]

    def test_safelink_is_unwrapped_and_its_email_reported(self):
        url = safelink(PUBLIC)
        findings = link_findings(url)
        assert sorted((f.rule, f.severity) for f in findings) == [("email-address", BLOCKING), ("safe-link", WARNING)]
        assert only(findings, "safe-link")[0].suggestion == PUBLIC
        assert "k.pieters@voorbeeldstad.nl" in only(findings, "email-address")[0].message

    def test_safelink_to_an_internal_host_reports_the_target_too(self):
        findings = link_findings(safelink("https://zaken.stad.lan/dossier/9"))
        assert "internal-link" in rules(findings) and "safe-link" in rules(findings)

    def test_search_engine_redirect(self):
        url = "https://www.google.nl/url?sa=t&q=&ved=abc&url=" + quote(PUBLIC, safe="") + "&usg=AOv"
        findings = link_findings(url)
        assert [(f.rule, f.severity, f.suggestion) for f in findings] == [("redirect-link", WARNING, PUBLIC)]

    def test_tracking_parameters(self):
        findings = link_findings(PUBLIC + "&utm_source=chatgpt.com&fbclid=abc")
        assert [(f.rule, f.suggestion) for f in findings] == [("tracking-parameters", PUBLIC)]
        assert "utm_source" in findings[0].message and "fbclid" in findings[0].message

    def test_login_link(self):
        findings = link_findings("https://voorbeeldstad.sharepoint.com/sites/Beleid/Gedeelde%20documenten/nota.docx")
        assert [(f.rule, f.severity) for f in findings] == [("login-link", WARNING)]

    def test_personal_onedrive_link_reveals_a_user_name(self):
        findings = link_findings("https://stad-my.sharepoint.com/personal/j_devries_stad_nl/Documents/nota.docx")
        assert sorted(rules(findings)) == ["login-link", "user-name"]

    def test_mailto_personal_versus_functional(self):
        personal = link_findings("mailto:j.devries@voorbeeldstad.nl")
        functional = link_findings("mailto:info@voorbeeldstad.nl")
        assert [(f.rule, f.severity) for f in personal] == [("email-address", BLOCKING)]
        assert [(f.rule, f.severity) for f in functional] == [("email-address", INFO)]

    def test_link_without_host(self):
        assert rules(link_findings("https:///Agenda/Document/1")) == ["invalid-link"]

    def test_duplicate_links_also_behind_a_wrapper(self):
        findings = link_findings(PUBLIC, "https://www.rijksoverheid.nl/a", PUBLIC)
        assert [(f.rule, f.severity) for f in findings] == [("duplicate-link", INFO)]
        wrapped = link_findings(PUBLIC, safelink(PUBLIC, "info@voorbeeldstad.nl"))
        assert "duplicate-link" in rules(wrapped)


# ------------------------------------------------------------------ personal data in text

class TestText:
    def test_email_in_text_is_blocking(self):
        findings = check(make_fiche(current_line="Contact: j.devries@voorbeeldstad.nl of de balie."))
        assert [(f.rule, f.severity, f.field, f.value) for f in findings] == [
            ("email-address", BLOCKING, "current_line", "j.devries@voorbeeldstad.nl")]

    def test_functional_mailbox_in_text_is_info(self):
        findings = check(make_fiche(partners=["Voedselbank (info@voedselbank.nl)"]))
        assert [(f.rule, f.severity) for f in findings] == [("email-address", INFO)]

    def test_mobile_number(self):
        findings = check(make_fiche(advice=["Bel de projectleider op 06-12345678 voor toelichting."]))
        assert [(f.rule, f.severity, f.value) for f in findings] == [("phone-number", BLOCKING, "06-12345678")]

    def test_file_path_with_user_name_in_a_source_title(self):
        findings = check(make_fiche(sources=[Source(r"Brief, zie C:\Users\devriesj\Desktop\brief.docx", "2028")]))
        assert sorted(rules(findings)) == ["file-link", "user-name"]
        assert all(f.field == "sources" for f in findings)

    def test_link_in_running_text_is_checked_like_a_link(self):
        findings = check(make_fiche(external_changes=f"Zie {PUBLIC}&utm_campaign=x voor de brief."))
        assert [(f.rule, f.field) for f in findings] == [("tracking-parameters", "external_changes")]


def test_findings_are_ordered_by_fiche():
    findings = check(make_fiche("1A", advice=[]), make_fiche("1B", ambitions=[]), make_fiche("2A", links=["http://x/"]))
    assert [f.fiche for f in findings] == ["1A", "1B", "2A"]


# ------------------------------------------------------------------ the shared dossier

@pytest.fixture(scope="module")
def shared_dossier(shared_gold_dir) -> Dossier:
    fiches = [Fiche.from_dict(json.loads(p.read_text(encoding="utf-8")))
              for p in sorted(shared_gold_dir.glob("*.json"))]
    return Dossier("Enschede", fiches)


@pytest.fixture(scope="module")
def shared_findings(shared_dossier) -> list[Finding]:
    return check_dossier(shared_dossier, today=date(2026, 3, 1))


class TestSharedDossier:
    def test_finds_the_real_kinds_of_problems(self, shared_findings):
        found = count_by_rule(shared_findings)
        for rule in ("placeholder-end-date", "implausible-end-date", "inconsistent-end-date", "file-link", "user-name", "safe-link",
                     "email-address", "tracking-parameters", "redirect-link", "internal-link", "passed-end-date"):
            assert found.get(rule, 0) > 0, rule
        assert has_blocking(shared_findings)

    def test_placeholder_end_dates_are_the_placeholders(self, shared_findings):
        values = {f.value.strip().lower() for f in only(shared_findings, "placeholder-end-date")}
        assert values and values <= {"xx", "ntb"}

    def test_every_safelink_with_an_address_is_reported_as_personal_data(self, shared_dossier, shared_findings):
        safelinks = [(fiche.code, url) for fiche in shared_dossier.fiches for url in fiche.links
                     if "safelinks.protection.outlook.com" in url and "%40" in url]
        assert safelinks
        emailed = {(f.fiche, f.value) for f in only(shared_findings, "email-address") if f.severity == BLOCKING}
        assert set(safelinks) <= emailed

    def test_file_path_user_name_is_reported_on_the_fiche_that_has_it(self, shared_dossier, shared_findings):
        with_path = {fiche.code for fiche in shared_dossier.fiches for url in fiche.links if url.startswith("file:")}
        assert with_path and with_path == {f.fiche for f in only(shared_findings, "user-name")}

    def test_no_false_alarm_on_clean_public_links(self, shared_dossier, shared_findings):
        clean = [url for fiche in shared_dossier.fiches for url in fiche.links
                 if url.startswith("https://") and ("bestuurlijkeinformatie.nl/" in url.split("?")[0][:60]
                                                    or "rijksoverheid.nl/" in url[:40])
                 and "utm_" not in url]
        assert len(clean) > 20
        flagged = {f.value for f in shared_findings if f.field == "links" and f.rule != "duplicate-link"}
        assert not set(clean) & flagged

    def test_references_into_withheld_chapters_are_not_warnings(self, shared_findings):
        references = only(shared_findings, "unknown-reference")
        assert references and all(f.severity == INFO for f in references)
