"""Agreements built in the tests (fictional municipality and texts), no database."""
from __future__ import annotations

from akkoord.agreement.build import PointRecord, draft_agreement
from akkoord.agreement.model import Budget, Milestone, Section, Smart
from akkoord.dossier.model import Fiche, Interval, PolicyArea, Source


def fiches() -> dict[str, Fiche]:
    return {
        "1A": Fiche("1A", "Bereikbaarheid van de binnenstad", ambitions=["aantrekkelijk"],
                    sources=[Source("Mobiliteitsvisie Veldhoven-aan-Zee 2021", "2030",
                                    [Interval("2030", "2030-01-01", "2030-12-31")]),
                             Source("Parkeernota", "31-12-2027", [Interval("31-12-2027", "2027-12-31", "2027-12-31")])],
                    adjustment_moment="bij de voorjaarsnota 2027",
                    adjustment_intervals=[Interval("voorjaarsnota 2027", "2027-04-01", "2027-06-30")],
                    partners=["Vervoerregio", "Ondernemersvereniging"],
                    policy_areas=[PolicyArea("Economie", "Meer bezoekers", "Overlast")],
                    advice=["Kiest u voor een autoluwe kern?", "Hoeveel geld voor fietsroutes?"]),
        "3B": Fiche("3B", "Warmtetransitie", ambitions=["groen-duurzaam"],
                    sources=[Source("Transitievisie Warmte", "2026", [Interval("2026", "2026-01-01", "2026-12-31")])],
                    adjustment_moment="2026", adjustment_intervals=[Interval("2026", "2026-01-01", "2026-12-31")],
                    advice=["Welke wijk gaat eerst van het gas af?"]),
        "4A": Fiche("4A", "Armoedebeleid", ambitions=["inclusief"], sources=[],
                    advice=["Verhoogt u de inkomensgrens?", "Schuldhulp uitbreiden?"]),
    }


def records() -> list[PointRecord]:
    return [
        PointRecord("11", 7, "Verhoogt u de inkomensgrens?", "4A", "Armoedebeleid", ["inclusief"], 0,
                    "Verhoogt u de inkomensgrens?", "", "d11", "besloten",
                    "De inkomensgrens gaat naar 130 procent van het sociaal minimum.",
                    {"2027": 400000, "2028": 400000}, "structureel", "2027-01-01"),
        PointRecord("3", 2, "Autoluwe kern", "1A", "Bereikbaarheid van de binnenstad", ["aantrekkelijk"], 0,
                    "Kiest u voor een autoluwe kern?", "bij de voorjaarsnota 2027", "d3", "besloten",
                    "We zetten in op een autoluwe binnenstad."),
        PointRecord("4", 3, "Fietsroutes", "1A", "Bereikbaarheid van de binnenstad", ["aantrekkelijk"], 1,
                    "Hoeveel geld voor fietsroutes?", "", "d4", "besloten",
                    "Drie nieuwe snelfietsroutes voor 2029.", {"2027": 1500000}, "incidenteel", "2029-12-31"),
        PointRecord("5", 4, "Eerste wijk van het gas af", "3B", "Warmtetransitie", ["groen-duurzaam"], 0,
                    "Welke wijk gaat eerst van het gas af?", "", "d5", "geparkeerd", "Na het warmteonderzoek."),
        PointRecord("12", 8, "Schuldhulp uitbreiden?", "4A", "Armoedebeleid", ["inclusief"], 1,
                    "Schuldhulp uitbreiden?", "", "d12", "in-bespreking", ""),
        PointRecord("13", 9, "Extra punt zonder fiche over de raad", "", "", [], None, "", "", "d13", "vervallen", ""),
        PointRecord("14", 10, "Open punt", "", "", [], None, "", "", "", "open", ""),
    ]


def make_agreement(**kwargs):
    smart = kwargs.pop("smart", {
        "afspraak-4": Smart("Snelfietsroutes", "3 routes aangelegd", "0 routes in 2026", "2029-12-31", "wethouder Mobiliteit",
                            [Budget(2027, 1500000, "incidenteel")], [Milestone("2028-06-30", "Eerste route open")]),
    })
    return draft_agreement(municipality="Veldhoven-aan-Zee", formation_slug="vaz-2026",
                           formation_name="Formatie Veldhoven-aan-Zee 2026", title="Samen verder",
                           points=kwargs.pop("points", records()), fiches=fiches(), smart=smart,
                           sections=kwargs.pop("sections", [Section("preambule", "Inleiding", "Wij gaan samen verder.\n\nMet de stad."),
                                                            Section("portefeuilles", "Portefeuilleverdeling", "Wethouder A: mobiliteit.", "na")]),
                           **kwargs)
