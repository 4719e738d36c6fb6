"""Layout-preserving extraction (``pdftotext -layout``): label and value side by side."""
from akkoord.dossier.readers.layout import is_layout_text, unfold_layout
from akkoord.dossier.readers.text import parse_text

L, R = 34, 31  # value column; width of the area column in the policy table


def row(label: str, value: str) -> str:
    return f"{label:<{L}}{value}".rstrip() if label else f"{'':<{L}}{value}"


def fiche(code: str, title: str, area_rows: list[tuple[str, str, str]]) -> list[str]:
    lines = [
        f"Onderwerp {code} {title}",
        "Opgave                              X    Bloeiend Wolderveen          Groen Wolderveen",
        "                                         Sterk Wolderveen",
        row("De lijn die we hebben", "Wij bouwen elk jaar twee nieuwe speelplekken"),
        row("ingezet is……", "in de wijken rond het oude dorpshart."),
        row("", "De buurt kiest zelf de toestellen."),
        row("Dat is terug te lezen in:", "Speelruimteplan 2024 Einddatum: 2028"),
        row("Als het nieuwe college op", "de herijking van het speelruimteplan"),
        row("deze lijn wil bijsturen is …", ""),
        "een logisch moment.",
        row("Vanuit andere overheden", "Geen wijzigingen voorzien."),
        "verwachten we de",
        "volgende",
        "(koers)wijzigingen in beleid",
        row("Onze natuurlijke partners", "Speeltuinvereniging De Wip"),
        row("op dit onderwerp zijn:", "Buurtcentrum Het Anker"),
        row("Wij adviseren de", "Het aantal speelplekken per wijk."),
        "onderhandelaars",
        "uitspraken te doen over:",
        "Deze beleidsterreinen zijn relevant (vanuit het perspectief van [subsidie]kansen of vanuit het",
        "perspectief van risico’s/tegengestelde belangen)",
        f"{'Beleidsterrein':<{R}}{'(Subsidie)kans':<{R}}Risico",
    ]
    for area, opp, risk in area_rows:
        lines.append(f"{area:<{R}}{opp:<{R}}{risk}".rstrip())
    lines += ["", "Links", "   https://wolderveen.example.nl/speelruimteplan", "", ""]
    return lines


def dossier_text() -> str:
    lines = ["Formatiedossier Wolderveen 2026"]
    lines += fiche("1A", "Speelplekken in de wijk", [
        ("Jeugd (buiten", "Meer kinderen spelen", "Onderhoud kost"),
        ("spelen)", "buiten", "meer dan gepland"),
        ("Gezondheid", "Beweging voor iedereen", ""),
    ])
    lines += fiche("1B", "Schoolpleinen", [("Onderwijs", "Open pleinen na schooltijd", "")])
    return "\n".join(lines) + "\n"


def test_layout_text_is_detected_and_plain_text_is_not():
    assert is_layout_text(dossier_text().split("\n"))
    plain = "Onderwerp 1A Titel\nDe lijn die we hebben ingezet is\nIets.\n" * 30
    assert not is_layout_text(plain.split("\n"))
    assert unfold_layout(plain) is plain


def test_labels_come_before_their_values():
    text = unfold_layout(dossier_text())
    lines = text.split("\n")
    assert lines.index("De lijn die we hebben ingezet is……") < lines.index(
        "Wij bouwen elk jaar twee nieuwe speelplekken")
    # the value of the adjustment label sits inside it, before "een logisch moment."
    assert "de herijking van het speelruimteplan" in lines
    at = lines.index("de herijking van het speelruimteplan")
    assert lines[at + 1] == "een logisch moment."


def test_layout_dossier_is_read_field_by_field():
    result = parse_text(dossier_text())
    fiches = {f.code: f for f in result.dossier.fiches}
    assert set(fiches) == {"1A", "1B"}
    f = fiches["1A"]
    assert f.current_line.startswith("Wij bouwen elk jaar twee nieuwe speelplekken in de wijken")
    assert "De buurt kiest zelf de toestellen." in f.current_line
    assert f.adjustment_moment == "de herijking van het speelruimteplan"
    assert f.external_changes == "Geen wijzigingen voorzien."
    assert [s.title for s in f.sources] == ["Speelruimteplan 2024"]
    partners = " ".join(str(p) for p in f.partners)
    assert "Speeltuinvereniging De Wip" in partners and "Buurtcentrum Het Anker" in partners
    assert len(f.advice) == 1 and "speelplekken per wijk" in str(f.advice[0])
    areas = [(a.area, a.opportunity, a.risk) for a in f.policy_areas]
    assert areas == [
        ("Jeugd (buiten spelen)", "Meer kinderen spelen buiten", "Onderhoud kost meer dan gepland"),
        ("Gezondheid", "Beweging voor iedereen", ""),
    ]
    assert [(a.area, a.opportunity) for a in fiches["1B"].policy_areas] == [("Onderwijs", "Open pleinen na schooltijd")]
