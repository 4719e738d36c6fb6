"""Text cleaning shared by the readers: bullets, URLs, footnote marks, wrapped lines."""
from __future__ import annotations

from akkoord.dossier.textclean import (
    clean_inline,
    find_urls,
    footnote_markers,
    is_url_like,
    is_url_line,
    join_lines,
    join_two,
    join_wrapped_urls,
    normalise_text,
    split_bullet,
    split_urls,
    strip_enumerator,
    strip_footnote_markers,
    text_block,
)


def test_bullet_glyphs_including_private_use_ones():
    assert split_bullet("\uf0b7 Woningcorporaties") == (True, "Woningcorporaties")
    assert split_bullet("• Huurders ") == (True, "Huurders")
    assert split_bullet("- Scholen") == (True, "Scholen")
    assert split_bullet("Wijkteams Noord \uf0a7") == (False, "Wijkteams Noord")
    assert split_bullet("-5 graden") == (False, "-5 graden")


def test_enumerators():
    assert strip_enumerator("1. Eerste punt") == "Eerste punt"
    assert strip_enumerator("b) Tweede punt") == "Tweede punt"
    assert strip_enumerator("2026 is het jaar") == "2026 is het jaar"


def test_wrapped_url_is_joined_and_the_rest_of_the_line_kept():
    lines = ["Zie https://example.org/rapporten/", "jaarverslag-2025.pdf Einddatum: 2026", "volgende regel"]
    assert join_wrapped_urls(lines) == [(0, "Zie https://example.org/rapporten/jaarverslag-2025.pdf"),
                                        (1, "Einddatum: 2026"), (2, "volgende regel")]


def test_url_ending_with_slash_followed_by_another_url_is_not_joined():
    lines = ["https://a.example/", "https://b.example/x"]
    assert [t for _, t in join_wrapped_urls(lines)] == lines


def test_find_urls_strips_sentence_punctuation_and_keeps_balanced_parens():
    assert find_urls("Zie https://example.org/a.pdf.") == ["https://example.org/a.pdf"]
    assert find_urls("(bron: https://example.org/wiki/Foo_(bar))") == ["https://example.org/wiki/Foo_(bar)"]
    assert find_urls(r"file:///\\server\map\x.pdf") == [r"file:///\\server\map\x.pdf"]
    assert is_url_line("  https://a.example/x  https://b.example/y ")
    assert not is_url_line("Zie https://a.example/x")


def test_footnote_marks_on_words_and_years():
    text = "Vanuit andere overheden2 verwachten we in 20282 een besluit; de G40 en N2000 blijven."
    assert footnote_markers(text) == {2}
    cleaned = strip_footnote_markers(text, {2})
    assert cleaned == "Vanuit andere overheden verwachten we in 2028 een besluit; de G40 en N2000 blijven."
    assert strip_footnote_markers("in 20282", {1}) == "in 20282"


def test_hyphenated_line_breaks():
    assert join_lines(["herontwikkeling van Diekman-", "Oost"]) == "herontwikkeling van Diekman-Oost"
    assert join_lines(["ons speel-", "en sportbeleid"]) == "ons speel- en sportbeleid"
    assert join_lines(["een  lange", " regel"]) == "een lange regel"


def test_text_block_paragraphs_and_bullets():
    lines = ["Eerste zin die", "doorloopt.", "", "\uf0b7 punt een", "\uf0b7 punt twee", "vervolg van twee"]
    assert text_block(lines) == "Eerste zin die doorloopt.\n\npunt een\n\npunt twee vervolg van twee"


def test_normalise_text_line_ends_bom_and_soft_hyphens():
    assert normalise_text("\ufeffa\r\nb\rc\u00ad\nd") == "a\nb\ncd"


def test_dash_before_a_capital_is_a_bullet_check_marks_too():
    assert split_bullet("-Scholen") == (True, "Scholen")
    assert split_bullet("✓ Bibliotheek") == (True, "Bibliotheek")
    assert split_bullet("→ Wijkteams") == (True, "Wijkteams")
    assert split_bullet("-verder") == (False, "-verder")


def test_split_urls_keeps_the_sentence_and_its_punctuation():
    text = "Zie www.example.org/plan! en (https://example.org/a_(b)) voor meer."
    assert split_urls(text) == ("Zie ! en ( ) voor meer.", ["www.example.org/plan", "https://example.org/a_(b)"])
    assert find_urls("'https://example.org/x'") == ["https://example.org/x"]
    assert is_url_like("file://server/map/x.pdf")
    assert not is_url_like("Zie https://example.org")


def test_clean_inline_folds_line_breaks_and_odd_spaces():
    assert clean_inline("Woning\u00adbouw\n en\u00a0zorg ") == "Woningbouw en zorg"


def test_dash_and_slash_at_a_line_end_join_without_space():
    assert join_two("looptijd 2024–", "2028") == "looptijd 2024–2028"
    assert join_two("en/", "of") == "en/of"
    assert join_two("Noord-", "(zie kaart)") == "Noord- (zie kaart)"
