"""The Markdown export: a readable rendering that keeps every field and all imported text literal."""
from akkoord.dossier.exports.markdown import to_markdown
from akkoord.dossier.model import Dossier, Fiche, PolicyArea, Source


def make_dossier() -> Dossier:
    first = Fiche(
        code="1A", title="Bibliotheek in de wijk", ambitions=["open", "inclusief"],
        current_line="Eerste alinea.\n\nTweede alinea met <script>alert(1)</script>.",
        sources=[Source("Nota leesbevordering 2024", "31-12-2027"), Source("Raadsbesluit", "")],
        adjustment_moment="Voorjaar 2027", external_changes="# geen kop\n\n- geen lijst",
        partners=["Stichting Lezen", "Buurthuis De Linde"],
        advice=["Wel of geen tweede vestiging?"],
        policy_areas=[PolicyArea("Onderwijs | jeugd", "Samen leesclubs", "")],
        links=["https://example.org/nota"], footnotes=["Cijfers over 2025."], related=["2B"],
    )
    second = Fiche(code="2B", title="Sporthal Noord")
    return Dossier(municipality="Lindeveen", title="Formatiedossier Lindeveen 2026", fiches=[first, second])


def test_every_field_is_rendered_under_its_dutch_heading():
    text = to_markdown(make_dossier())
    assert text.startswith("# Formatiedossier Lindeveen 2026")
    assert "## 1A Bibliotheek in de wijk" in text and "## 2B Sporthal Noord" in text
    assert "**Opgave:** Open, Inclusief" in text
    assert "| Nota leesbevordering 2024 | 31-12-2027 |" in text
    assert "| Raadsbesluit | — |" in text
    for expected in ("Voorjaar 2027", "- Stichting Lezen", "- Wel of geen tweede vestiging?",
                     "<https://example.org/nota>", "1. Cijfers over 2025.", "- 2B Sporthal Noord"):
        assert expected in text


def test_imported_text_cannot_inject_markup():
    text = to_markdown(make_dossier())
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\# geen kop" in text and "\\- geen lijst" in text
    # a pipe inside a cell must not open a new table column
    assert "| Onderwijs \\| jeugd | Samen leesclubs |" in text


def test_empty_fiche_says_so_instead_of_leaving_gaps():
    text = to_markdown(make_dossier()).split("## 2B Sporthal Noord")[1]
    assert "**Opgave:** geen aangegeven" in text
    assert "_(niet ingevuld)_" in text and "_(geen)_" in text
