"""URL helpers: unwrapping, tracking parameters, internal hosts, user names, e-mail addresses."""
from __future__ import annotations

import base64
from urllib.parse import quote

import pytest

from akkoord.dossier import links as L

TARGET = "https://raad.voorbeeldstad.nl/Agenda/Document/abc?documentId=42&agendaItemId=7"


def outlook_safelink(target: str, recipient: str = "p.devries@voorbeeldstad.nl") -> str:
    return ("https://eur02.safelinks.protection.outlook.com/?url=" + quote(target, safe="")
            + "&data=05%7C02%7C" + quote(recipient, safe="") + "%7Cabc%7C0%7C&sdata=xyz%3D&reserved=0")


class TestUnwrap:
    def test_outlook_safelink_gives_its_target(self):
        target, layers = L.unwrap(outlook_safelink(TARGET))
        assert target == TARGET
        assert [(layer.kind, layer.service) for layer in layers] == [("safe-link", "Microsoft Safe Links")]

    def test_google_redirect_prefers_url_over_empty_q(self):
        wrapped = ("https://www.google.com/url?sa=t&rct=j&q=&esrc=s&source=web&ved=2ahUKE&url="
                   + quote(TARGET, safe="") + "&usg=AOvVaw1&opi=1")
        target, layers = L.unwrap(wrapped)
        assert target == TARGET
        assert layers[0].kind == "redirect"

    def test_google_redirect_with_q_parameter_and_country_domain(self):
        wrapped = "https://www.google.co.uk/url?q=" + quote(TARGET, safe="") + "&sa=D"
        assert L.unwrap(wrapped)[0] == TARGET

    def test_bing_click_link_is_base64(self):
        encoded = base64.urlsafe_b64encode(TARGET.encode()).decode().rstrip("=")
        wrapped = f"https://www.bing.com/ck/a?!&&p=deadbeef&ptn=3&u=a1{encoded}&ntb=1"
        assert L.unwrap(wrapped)[0] == TARGET

    def test_nested_wrappers_are_all_taken_off(self):
        google = "https://www.google.nl/url?url=" + quote(TARGET, safe="")
        target, layers = L.unwrap(outlook_safelink(google))
        assert target == TARGET
        assert [layer.kind for layer in layers] == ["safe-link", "redirect"]

    def test_proofpoint_v2(self):
        wrapped = "https://urldefense.proofpoint.com/v2/url?u=https-3A__www.rijksoverheid.nl_onderwerpen&d=DwMF&c=x"
        assert L.unwrap(wrapped)[0] == "https://www.rijksoverheid.nl/onderwerpen"

    def test_mimecast_is_recognised_but_cannot_be_unwrapped(self):
        report = L.analyse("https://protect-eu.mimecast.com/s/AbCdEfGh?domain=voorbeeldstad.nl")
        assert report.layers and report.layers[0].kind == "safe-link"
        assert report.hidden_target

    def test_plain_link_is_not_wrapped(self):
        assert L.unwrap(TARGET) == (TARGET, [])
        # A google.nl page that is not the redirect endpoint is an ordinary link.
        assert L.unwrap_once("https://www.google.nl/maps/place/Enschede") is None


class TestTracking:
    def test_strip_keeps_everything_else_byte_for_byte(self):
        url = "https://www.voorbeeldstad.nl/nieuws?id=5&utm_source=nieuwsbrief&utm_medium=email&q=a%20b#deel-2"
        assert L.tracking_parameters(url) == ["utm_source", "utm_medium"]
        assert L.strip_tracking(url) == "https://www.voorbeeldstad.nl/nieuws?id=5&q=a%20b#deel-2"

    @pytest.mark.parametrize("name", ["fbclid", "gclid", "mc_cid", "mc_eid", "msclkid", "utm_campaign"])
    def test_known_tracking_names(self, name):
        url = f"https://www.voorbeeldstad.nl/pagina?{name}=abc"
        assert L.tracking_parameters(url) == [name]
        assert L.strip_tracking(url) == "https://www.voorbeeldstad.nl/pagina"

    def test_ordinary_parameters_are_not_tracking(self):
        url = "https://raad.voorbeeldstad.nl/Agenda/Document/1?documentId=2&agendaItemId=3&source=web"
        assert L.tracking_parameters(url) == []
        assert L.strip_tracking(url) == url

    def test_clean_url_unwraps_then_strips(self):
        inner = "https://www.voorbeeldstad.nl/nota?utm_source=chatgpt.com"
        assert L.clean_url(outlook_safelink(inner)) == "https://www.voorbeeldstad.nl/nota"


class TestInternalHosts:
    @pytest.mark.parametrize("host,reason", [
        ("fileserver", "single-label"),
        ("localhost", "single-label"),
        ("10.1.2.3", "private-ip"),
        ("192.168.0.10", "private-ip"),
        ("172.20.1.1", "private-ip"),
        ("127.0.0.1", "private-ip"),
        ("app01.gemeente.local", "internal-tld"),
        ("docs.afdeling.corp", "internal-tld"),
        ("nas.lan", "internal-tld"),
        ("router.home.arpa", "internal-tld"),
        ("intranet.voorbeeldstad.nl", "intranet-name"),
    ])
    def test_internal(self, host, reason):
        assert L.internal_host_reason(host) == reason

    @pytest.mark.parametrize("host", ["www.rijksoverheid.nl", "enschede.bestuurlijkeinformatie.nl",
                                      "8.8.8.8", "wetten.overheid.nl", "localnews.nl", "corporate.example.com"])
    def test_public(self, host):
        assert L.internal_host_reason(host) is None

    def test_login_services(self):
        assert L.login_service("voorbeeldstad.sharepoint.com") == "SharePoint/OneDrive"
        assert L.login_service("teams.microsoft.com") == "Microsoft Teams"
        assert L.login_service("www.rijksoverheid.nl") is None


class TestUserNames:
    @pytest.mark.parametrize("path,names", [
        (r"C:\Users\jansenp\Documents\nota.docx", ["jansenp"]),
        ("file:///C:/Users/jansenp/Desktop/nota.pdf", ["jansenp"]),
        (r"file:///\\srv01\userdata$\pietersk\MijnDocumenten\Downloads\brief.pdf", ["pietersk"]),
        ("/home/piet/stukken/nota.odt", ["piet"]),
        ("https://voorbeeldstad-my.sharepoint.com/personal/p_jansen_voorbeeldstad_nl/Documents/a.docx",
         ["p_jansen_voorbeeldstad_nl"]),
        (r"\\srv01\afdelingen\Beleid\nota.docx", []),
        (r"C:\Users\Public\Documents\nota.docx", []),
    ])
    def test_user_names(self, path, names):
        assert L.user_names_in_path(path) == names


class TestTextScanning:
    def test_emails_in_url_are_found_when_percent_encoded(self):
        assert L.emails_in_url(outlook_safelink(TARGET, "a.b@voorbeeldstad.nl")) == ["a.b@voorbeeldstad.nl"]
        assert L.emails_in_url(TARGET) == []

    def test_functional_mailbox(self):
        assert L.is_functional_mailbox("info@voorbeeldstad.nl")
        assert not L.is_functional_mailbox("j.jansen@voorbeeldstad.nl")

    def test_urls_in_text_drop_sentence_punctuation(self):
        text = "Zie https://www.voorbeeldstad.nl/nota. En (www.rijksoverheid.nl/x), of https://a.nl/b_(c)."
        assert L.urls_in_text(text) == ["https://www.voorbeeldstad.nl/nota", "www.rijksoverheid.nl/x",
                                        "https://a.nl/b_(c)"]

    def test_paths_in_text(self):
        text = r"Het stuk staat op H:\Beleid\nota.docx en op \\srv01\share\map\brief.pdf; zie ook 1/2."
        assert L.paths_in_text(text) == [r"H:\Beleid\nota.docx", r"\\srv01\share\map\brief.pdf"]

    def test_mobile_numbers(self):
        text = "Bel 06-12345678 of +31 6 1234 5678; niet 053-4812345 en niet 0612."
        assert L.mobile_numbers_in_text(text) == ["06-12345678", "+31 6 1234 5678"]

    def test_comparison_key_sees_through_wrappers_and_tracking(self):
        assert L.comparison_key(outlook_safelink(TARGET)) == L.comparison_key(TARGET + "&utm_source=x")
        assert L.comparison_key(TARGET) != L.comparison_key(TARGET.replace("42", "43"))
