"""A small fictional municipality, Dijkmeer, with a dossier of four fiches and a programme,
written for the unit tests of the programme splitter and linker (not the evaluation data)."""
from __future__ import annotations

from akkoord.dossier.model import Dossier, Fiche, PolicyArea

DOSSIER = Dossier("Dijkmeer", [
    Fiche("1A", "Schuldhulpverlening en armoedebestrijding",
          current_line="Dijkmeer helpt huishoudens met schulden via het Schuldenloket. De minimaregelingen "
                       "gelden tot 120% van het sociaal minimum. Vroegsignalering van betalingsachterstanden "
                       "bij woningcorporaties en energieleveranciers.",
          advice=["Verhoog de inkomensgrens van de minimaregelingen naar 130% van het sociaal minimum.",
                  "Zet de vroegsignalering van schulden voort met eigen middelen."],
          policy_areas=[PolicyArea("Bijzondere bijstand", "meer gebruik", "hogere uitgaven")]),
    Fiche("1B", "Jeugdzorg en jeugdhulp",
          current_line="De kosten van jeugdhulp stijgen. Het wijkteam biedt lichte ondersteuning aan gezinnen; "
                       "specialistische jeugdzorg wordt regionaal ingekocht.",
          advice=["Versterk het wijkteam zodat gezinnen eerder lichte hulp krijgen.",
                  "Vorm een reserve om tekorten op de jeugdzorg op te vangen."]),
    Fiche("2A", "Woningbouw en betaalbaarheid",
          current_line="Dijkmeer bouwt tot 2030 1.800 woningen. Een derde is sociale huur, een derde middenhuur. "
                       "Starters en senioren vinden moeilijk een woning.",
          advice=["Houd vast aan twee derde betaalbare woningen in elk bouwproject.",
                  "Voer actief grondbeleid op het Haventerrein."],
          partners=["Woningcorporatie Dijkwonen"]),
    Fiche("2B", "Energietransitie en warmtenet",
          current_line="De gemeente werkt aan een warmtenet in de wijk Oosterpolder en aan zonnevelden langs de "
                       "dijk. Isolatie van huurwoningen loopt via de Regionale Energiestrategie (RES).",
          advice=["Neem deel in het publieke warmtebedrijf.",
                  "Isoleer woningen van huishoudens met een laag inkomen met eigen geld."]),
])

PROGRAMME = """Verkiezingsprogramma 2026
Dijkmeer Vooruit

\f
Dijkmeer Vooruit - programma 2026

Hoofdstuk 1. Rondkomen in Dijkmeer

Niemand in Dijkmeer hoeft zich te schamen voor geldzorgen. Wie schulden heeft, krijgt snel
hulp van het Schuldenloket, zonder wachtlijst.

Wij willen:
• De minimaregelingen openstellen voor huishoudens tot 130% van het sociaal minimum.
• Betalingsachterstanden bij huur en energie vroeg opsporen, zodat schulden niet op-
  lopen.

- 2 -
\f
Dijkmeer Vooruit - programma 2026

Hoofdstuk 2. Wonen

Er moeten meer betaalbare woningen komen voor starters en ouderen. In ieder bouwproject
blijft twee derde betaalbaar, ook als dat vertraging geeft.

• Geen verhoging van de parkeertarieven in het centrum.
• De gemeente koopt zelf grond op het Haventerrein om de bouw te sturen.

Hoofdstuk 3. Onze partij

Dijkmeer Vooruit werd in 1998 opgericht door een groep vrijwilligers uit de Noord-
Brabantse dorpen. Onze kandidaten staan klaar voor u.

- 3 -
\f
Dijkmeer Vooruit - programma 2026

Hoofdstuk 4. Energie

Het warmtenet in de Oosterpolder moet in publieke handen blijven: wij willen dat de gemeente
deelneemt in het warmtebedrijf. Huurders met een laag inkomen krijgen hulp bij isolatie van hun
woning.

Summary in English

We want affordable housing for young people and the elderly, and we will keep two thirds of
new homes affordable in every project.

- 4 -
"""

# passage start → fiche codes it concerns ([] = none); the test checks the linker against these.
EXPECTED = {
    "Niemand in Dijkmeer": ["1A"],
    "De minimaregelingen openstellen": ["1A"],
    "Betalingsachterstanden bij huur": ["1A"],
    "Er moeten meer betaalbare woningen": ["2A"],
    "Geen verhoging van de parkeertarieven": [],
    "De gemeente koopt zelf grond": ["2A"],
    "Dijkmeer Vooruit werd in 1998": [],
    "Het warmtenet in de Oosterpolder": ["2B"],
}
