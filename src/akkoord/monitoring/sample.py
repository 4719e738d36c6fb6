"""A fictional adopted agreement of the previous term (2022–2026) of the sample municipality,
with its progress history: for the demo and the tests of the monitoring pages.

``agreement()`` is the agreement in the open-data form (schema ``akkoord-agreement/1``);
``history()`` lists per afspraak id the updates and changes of course that followed.
"""
from __future__ import annotations

MUNICIPALITY = "Lindeveen"
SLUG = "lindeveen-2022-2026"  # the demo programme's short name
TITLE = "Coalitieakkoord Lindeveen 2022–2026: Samen verder"

AMBITIONS = [
    {"key": "wonen", "label": "Wonen en leefomgeving"},
    {"key": "zorg", "label": "Zorg en bestaanszekerheid"},
    {"key": "klimaat", "label": "Klimaat en energie"},
    {"key": "bestuur", "label": "Bestuur en financiën"},
]
_LABEL = {a["key"]: a["label"] for a in AMBITIONS}
_RIS = "https://lindeveen.example/raad/stukken"

# id, ambition, fiche, title, text, deadline, portfolio holder, target, baseline, budget (year, amount, kind)
_AFSPRAKEN = [
    ("A01", "wonen", ("2A", "Wonen"), "400 sociale huurwoningen erbij",
     "Samen met de corporaties bouwen we in deze periode 400 sociale huurwoningen, waarvan de helft in de kernen.",
     "2025-12-31", "wethouder Wonen", "400 opgeleverde sociale huurwoningen", "3.120 sociale huurwoningen (2022)",
     [(2023, 250000, "structureel")]),
    ("A02", "wonen", ("2A", "Wonen"), "Starterslening weer open",
     "De starterslening gaat weer open voor inwoners tot 35 jaar met een middeninkomen.", "2023-07-01",
     "wethouder Wonen", "Regeling open, 60 leningen per jaar", "Regeling gesloten sinds 2019", [(2023, 1500000, "incidenteel")]),
    ("A03", "wonen", ("2B", "Ruimte"), "Omgevingsvisie vastgesteld",
     "De raad stelt vóór de zomer van 2024 een omgevingsvisie vast die dorpen en stad samen laat groeien.",
     "2024-07-01", "wethouder Ruimte", "Visie vastgesteld door de raad", "Structuurvisie uit 2012", []),
    ("A04", "wonen", ("2B", "Ruimte"), "Groen in elke wijk",
     "Elke wijk krijgt een groen ontmoetingsplein; we beginnen waar het minste groen is.", "2026-03-31",
     "wethouder Ruimte", "12 pleinen aangelegd", "2 pleinen (2022)", [(2024, 300000, "incidenteel"), (2025, 300000, "incidenteel")]),
    ("A05", "wonen", ("2C", "Mobiliteit"), "Veilige schoolroutes",
     "Rond alle basisscholen richten we de routes veilig in, met de scholen en ouders.", "2025-08-31",
     "wethouder Verkeer", "Alle 17 schoolomgevingen heringericht", "5 van 17 (2022)", [(2023, 400000, "incidenteel")]),
    ("A06", "wonen", ("2C", "Mobiliteit"), "Buslijn naar het bedrijventerrein",
     "We zorgen met de provincie voor een buslijn naar bedrijventerrein De Kamp.", "2024-12-31",
     "wethouder Verkeer", "Lijn rijdt op werkdagen elk half uur", "Geen verbinding", [(2024, 120000, "structureel")]),
    ("A07", "zorg", ("1A", "Bestaanszekerheid"), "Geen wachtlijst bij schuldhulp",
     "Wie zich meldt bij schuldhulp, krijgt binnen drie weken een eerste gesprek.", "2023-12-31",
     "wethouder Sociaal Domein", "Eerste gesprek binnen 3 weken voor 95%", "Gemiddeld 9 weken (2022)", [(2023, 180000, "structureel")]),
    ("A08", "zorg", ("1A", "Bestaanszekerheid"), "Minimaregelingen eenvoudiger",
     "Inwoners vragen alle minimaregelingen aan met één formulier.", "2024-06-30",
     "wethouder Sociaal Domein", "Eén aanvraagformulier", "Vijf formulieren", []),
    ("A09", "zorg", ("1B", "Jeugd"), "Jeugdhulp dichtbij in elke kern",
     "In elke kern is een vast aanspreekpunt voor jeugdhulp, ook in de vakanties.", "2024-12-31",
     "wethouder Jeugd", "7 kernen met aanspreekpunt", "3 kernen (2022)", [(2024, 350000, "structureel")]),
    ("A10", "zorg", ("1B", "Jeugd"), "Wachttijd specialistische jeugdhulp omlaag",
     "De wachttijd voor specialistische jeugdhulp gaat met de regio terug naar hoogstens acht weken.", "2025-12-31",
     "wethouder Jeugd", "Wachttijd ≤ 8 weken", "17 weken (2022)", []),
    ("A11", "zorg", ("1C", "Zorg en ondersteuning"), "Mantelzorgers ontlast",
     "Elke mantelzorger kan een keer per jaar gratis respijtzorg krijgen.", "2023-12-31",
     "wethouder Zorg", "Regeling beschikbaar voor alle mantelzorgers", "Alleen op indicatie", [(2023, 90000, "structureel")]),
    ("A12", "zorg", ("1C", "Zorg en ondersteuning"), "Huisartsenzorg in de kernen behouden",
     "We helpen huisartsen aan ruimte in de kernen waar een praktijk dreigt te verdwijnen.", "2026-03-31",
     "wethouder Zorg", "Geen kern zonder huisarts", "Twee kernen met dreigend tekort", []),
    ("A13", "klimaat", ("3A", "Energie"), "Zonnepanelen op alle gemeentelijke daken",
     "Alle geschikte daken van gemeentelijke gebouwen krijgen zonnepanelen.", "2024-12-31",
     "wethouder Duurzaamheid", "28 daken belegd", "6 daken (2022)", [(2023, 900000, "incidenteel")]),
    ("A14", "klimaat", ("3A", "Energie"), "Warmteplan eerste wijk",
     "Voor de eerste wijk besluiten we over een warmtenet, met de bewoners.", "2025-06-30",
     "wethouder Duurzaamheid", "Besluit over warmtenet Noord", "Geen wijkuitvoeringsplan", []),
    ("A15", "klimaat", ("3B", "Klimaatadaptatie"), "Wateroverlast aanpakken",
     "In de drie wijken met de meeste wateroverlast vergroenen we straten en leggen we opvang aan.", "2025-12-31",
     "wethouder Ruimte", "3 wijken aangepakt", "0", [(2024, 600000, "incidenteel")]),
    ("A16", "klimaat", ("3B", "Klimaatadaptatie"), "Tegel eruit, plant erin",
     "Inwoners krijgen een premie als zij tegels vervangen door groen.", "2023-06-30",
     "wethouder Ruimte", "5.000 m² ontegeld", "0", [(2023, 50000, "structureel")]),
    ("A17", "klimaat", ("3A", "Energie"), "Energiecoaches voor huishoudens met weinig geld",
     "Huishoudens met een laag inkomen krijgen een energiecoach en kleine besparende maatregelen.", "2023-12-31",
     "wethouder Duurzaamheid", "1.500 huishoudens bereikt", "0", [(2023, 400000, "incidenteel")]),
    ("A18", "bestuur", ("3C", "Financiën"), "Lastendruk stijgt niet harder dan inflatie",
     "De woonlasten stijgen niet meer dan de inflatie.", "2026-03-31",
     "wethouder Financiën", "OZB-stijging ≤ inflatie elk jaar", "OZB +6% (2022)", []),
    ("A19", "bestuur", ("3C", "Financiën"), "Begroting structureel sluitend",
     "Elke begroting van deze periode is structureel sluitend, ook in de meerjarenraming.", "2025-11-30",
     "wethouder Financiën", "Structureel saldo ≥ 0 in alle jaren", "Tekort €1,2 mln structureel (2022)", []),
    ("A20", "bestuur", ("3C", "Financiën"), "Inwoners praten mee over de begroting",
     "Een inwonerspanel bespreekt elk jaar de begroting voordat de raad dat doet.", "2023-10-31",
     "burgemeester", "Panel elk jaar voor de begrotingsraad", "Geen panel", [(2023, 40000, "structureel")]),
    ("A21", "bestuur", ("1C", "Zorg en ondersteuning"), "Dienstverlening in de kernen",
     "Het gemeentehuis komt eens per week naar elke kern, met een spreekuur voor alle vragen.", "2024-03-31",
     "burgemeester", "Wekelijks spreekuur in 7 kernen", "Alleen in het gemeentehuis", [(2024, 110000, "structureel")]),
    ("A22", "bestuur", ("3C", "Financiën"), "Subsidies vereenvoudigd",
     "Verenigingen vragen subsidie aan met één eenvoudig formulier en horen binnen zes weken het besluit.",
     "2024-12-31", "wethouder Financiën", "Besluit binnen 6 weken", "Gemiddeld 14 weken", []),
]

# Per afspraak: (date, status, progress, text, evidence) updates;
# ("koers", date, status, decision, reason, new text[, new deadline]) changes of course
_HISTORY = {
    "A01": [("2023-03-15", "gestart", 10, "Prestatieafspraken met de corporaties getekend.", "prestatieafspraken-2023"),
            ("2024-04-10", "op-schema", 45, "180 woningen in aanbouw, 60 opgeleverd.", ""),
            ("2025-10-01", "vertraagd", 70, "Stikstofprocedure vertraagt twee projecten; 280 opgeleverd.", "")],
    "A02": [("2023-05-20", "gerealiseerd", 100, "Regeling open sinds 1 mei; 23 leningen verstrekt.", "raadsbesluit-starterslening")],
    "A03": [("2023-09-12", "op-schema", 60, "Ontwerpvisie ter inzage gelegd.", ""),
            ("2024-06-27", "gerealiseerd", 100, "Omgevingsvisie door de raad vastgesteld.", "omgevingsvisie-2024")],
    "A04": [("2024-02-01", "gestart", 20, "Eerste drie pleinen ontworpen met bewoners.", ""),
            ("2025-09-15", "deels-gerealiseerd", 60, "Zeven pleinen aangelegd; de rest volgt in 2026.", "groene-pleinen-rib")],
    "A05": [("2023-09-01", "op-schema", 40, "Acht schoolomgevingen klaar.", ""),
            ("2025-08-20", "gerealiseerd", 100, "Alle schoolroutes heringericht.", "schoolroutes-evaluatie")],
    "A06": [("koers", "2024-05-30", "losgelaten", "Raadsbesluit 30 mei 2024: vervoer op maat bedrijventerreinen",
             "De provincie financiert de lijn niet; de raad koos voor deelvervoer per bedrijf.", "")],
    "A07": [("2023-06-01", "op-schema", 60, "Wachttijd teruggebracht naar vier weken.", ""),
            ("2023-12-15", "gerealiseerd", 100, "Eerste gesprek binnen drie weken voor 96% van de melders.", "jaarverslag-schuldhulp-2023")],
    "A08": [("2024-08-01", "vertraagd", 50, "Koppeling met het landelijke systeem laat op zich wachten.", "")],
    "A09": [("2024-01-10", "gestart", 30, "Aanspreekpunt in vier kernen.", "")],
    "A10": [("2024-03-01", "gestart", 20, "Regionale afspraken over inkoop gemaakt.", ""),
            ("2025-06-01", "vertraagd", 35, "Wachttijd nog dertien weken door personeelstekort.", "")],
    "A11": [("2023-11-30", "gerealiseerd", 100, "Respijtzorgregeling open voor iedereen.", "respijtzorg-regeling")],
    "A12": [],
    "A13": [("2023-06-01", "op-schema", 40, "Twaalf daken belegd.", ""),
            ("2024-11-20", "deels-gerealiseerd", 85, "24 van 28 daken; vier daken moeten eerst worden versterkt.", "zonnedaken-rib")],
    "A14": [("koers", "2025-03-13", "gewijzigd", "Raadsbesluit 13 maart 2025: transitievisie warmte herzien",
             "Het warmtenet in Noord is niet haalbaar; de raad kiest eerst voor isolatie en een besluit in 2027.",
             "Voor de eerste wijk maken we met de bewoners een isolatieplan; over een warmtenet besluiten we in 2027.",
             "2027-06-30")],
    "A15": [("2024-06-01", "gestart", 25, "Ontwerpen voor de eerste wijk gereed.", "")],
    "A16": [("2023-06-15", "gerealiseerd", 100, "Premie verstrekt voor 6.200 m².", "tegelpremie-evaluatie")],
    "A17": [("2023-04-01", "op-schema", 50, "800 huishoudens bezocht.", ""),
            ("2024-01-31", "deels-gerealiseerd", 80, "1.200 huishoudens bereikt; de regeling liep af.", "energiecoaches-rib")],
    "A18": [("2023-11-09", "op-schema", None, "OZB stijgt 3,1% bij 3,8% inflatie.", ""),
            ("2024-11-07", "op-schema", None, "OZB stijgt 2,9% bij 3,2% inflatie.", "")],
    "A19": [("2023-11-09", "op-schema", 50, "Begroting 2024 sluitend.", "begroting-2024"),
            ("2024-11-07", "vertraagd", 50, "Meerjarenraming 2027 en 2028 niet sluitend door lagere rijksbijdrage.", "")],
    "A20": [("2023-10-12", "gerealiseerd", 100, "Inwonerspanel besprak de begroting 2024.", "inwonerspanel-verslag")],
    "A21": [],
    "A22": [("2024-02-15", "gestart", 20, "Nieuw formulier getest met vijf verenigingen.", "")],
}


def agreement() -> dict:
    """The adopted agreement of 2022 in the open-data form the monitoring app reads."""
    afspraken = []
    numbers: dict[str, int] = {}
    order = [a["key"] for a in AMBITIONS]
    for row in _AFSPRAKEN:
        key, ambition, (code, fiche_title), title, text, deadline, holder, target, baseline, budget = row
        numbers[ambition] = numbers.get(ambition, 0) + 1
        year = int(deadline[:4])
        afspraken.append({
            "id": key, "number": f"{order.index(ambition) + 1}.{numbers[ambition]}", "title": title, "text": text,
            "ambition": ambition, "ambition_label": _LABEL[ambition],
            "fiche": {"code": code, "title": fiche_title},
            "point": {"id": f"P-{key}", "text": f"Standpunt over: {title.lower()}", "advice_index": 0,
                      "advice_text": f"Welke ambitie kiest u voor {fiche_title.lower()}?"},
            "decision": {"id": f"B-{key}", "status": "besloten", "text": text},
            "sources": [{"title": f"Beleidsnota {fiche_title.lower()} 2019–{year + 1}", "end_date": f"31-12-{year + 1}",
                         "end_intervals": [{"start": f"{year + 1}-12-31", "end": f"{year + 1}-12-31"}]}],
            "adjustment_moment": f"Bij de evaluatie van de beleidsnota in {year + 1}.",
            "smart": {"what": text, "target": target, "baseline": baseline, "deadline": deadline,
                      "portfolio_holder": holder,
                      "budget": [{"year": y, "amount": a, "kind": k} for y, a, k in budget],
                      "milestones": [{"date": f"{year - 1}-06-30", "text": "Plan van aanpak in de raad"}]},
        })
    return {"schema": "akkoord-agreement/1", "municipality": MUNICIPALITY,
            "formation": {"slug": "lindeveen-2022", "name": "Formatie Lindeveen 2022"},
            "title": TITLE, "version": 1, "status": "vastgesteld", "adopted_on": "2022-06-02",
            "sections": [], "ambitions": AMBITIONS, "afspraken": afspraken, "parked": [], "open": []}


def history() -> dict[str, list[tuple]]:
    """Per afspraak id its updates, oldest first (see the module docstring)."""
    out = {}
    for key, entries in _HISTORY.items():
        rows = []
        for entry in entries:
            if entry[0] == "koers":
                rows.append(entry)
            else:
                day, status, progress, text, evidence = entry
                rows.append((day, status, progress, text, f"{_RIS}/{evidence}" if evidence else ""))
        out[key] = rows
    return out
