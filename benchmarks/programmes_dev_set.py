"""A development set for the programme linker, written by the linker's author (so NOT an
independent measurement): passages of an invented local party programme for the real dossier
in shared/dossiers (Enschede, chapters 1-3), each with the fiche codes the author thinks it
concerns ([] for none). Used to tune the linker without touching the Lindeveen evaluation set.

Each entry: (heading, passage, fiches).
"""
from __future__ import annotations

PASSAGES: list[tuple[str, str, list[str]]] = [
    # Money worries
    ("Rondkomen", "Steeds meer gezinnen komen aan het eind van de maand geld tekort. Wij willen dat de "
     "gemeente hen eerder vindt, voordat de rekeningen zich opstapelen.", ["1A"]),
    ("Rondkomen", "Schulden mogen geen levenslange last worden; de schuldhulp moet sneller en zonder wachttijd.", ["1A"]),
    ("Rondkomen", "Gezinnen die van een laag inkomen leven, krijgen hulp bij de hoge energierekening en bij "
     "het isoleren van hun huurhuis.", ["3E", "2C"]),
    ("Rondkomen", "Wij vinden dat gokken via internet landelijk verboden moet worden.", []),
    ("Rondkomen", "Onze fractie bezoekt elk jaar de voedselbank om te horen wat er speelt.", []),
    # Youth and care
    ("Zorg", "De wachtlijsten in de jeugdhulp zijn te lang. Kinderen en ouders moeten sneller lichte hulp "
     "dichtbij huis krijgen, zodat zware zorg minder nodig is.", ["1E"]),
    ("Zorg", "Mensen die op straat slapen verdienen een dak boven hun hoofd; de nachtopvang moet het hele "
     "jaar open zijn.", ["1F"]),
    ("Zorg", "Verward gedrag op straat vraagt om samenwerking tussen politie, wijkteam en ggz, zodat iemand "
     "niet in een cel belandt maar zorg krijgt.", ["1G", "1L"]),
    ("Zorg", "Wij willen minder zorgaanbieders in de wijk en strengere controle op zorgcowboys.", ["1M"]),
    ("Zorg", "Het ziekenhuis met spoedeisende hulp moet in de stad blijven; wij voeren daarvoor actie in "
     "Den Haag en bij de zorgverzekeraar.", ["3K"]),
    ("Zorg", "Mantelzorgers verdienen een jaarlijkse waardering en een vervangende zorgverlener als ze even "
     "op adem moeten komen.", []),
    # Health and sport
    ("Gezond leven", "Kinderen moeten gezond kunnen opgroeien: water drinken op school, meer bewegen en "
     "minder snackbars bij de schoolpleinen.", ["1C", "1I"]),
    ("Gezond leven", "Voorkomen is beter dan genezen. Wij investeren in preventie, zodat minder mensen later "
     "zware zorg nodig hebben.", ["1I"]),
    ("Gezond leven", "Sportclubs die samen een accommodatie delen, houden de contributie laag; wij steunen "
     "het samenvoegen van verenigingen op één sportpark.", ["1B"]),
    ("Gezond leven", "De huur van sportvelden voor verenigingen gaat niet omhoog.", ["1J"]),
    ("Gezond leven", "Wij willen een nieuw ijsbaanpaviljoen met een terras en ruimte voor feesten.", []),
    # Safety and public order
    ("Veiligheid", "Met oud en nieuw willen we geen knallen meer in de wijken, maar een gezamenlijke "
     "vuurwerkshow in het centrum.", ["1D"]),
    ("Veiligheid", "Meer wijkagenten op straat en snellere aanpak van inbraken in de wijken.", []),
    ("Veiligheid", "Inwoners moeten zich kunnen redden bij een stroomstoring of een ramp: een noodpakket in "
     "elk huis en buurthuizen als steunpunt.", ["1K"]),
    ("Veiligheid", "Cameratoezicht op het stationsplein en betere verlichting van de fietstunnels.", []),
    # Meeting places
    ("Samen leven", "Eenzame ouderen hebben een plek nodig om elkaar te ontmoeten; in elke wijk een "
     "huiskamer waar de koffie klaarstaat.", ["1H"]),
    ("Samen leven", "Jongeren die rondhangen hebben een eigen plek nodig waar ze welkom zijn.", ["1H"]),
    ("Samen leven", "De bibliotheek blijft open op zondag.", []),
    # Climate and energy
    ("Klimaat", "Het afval wordt na de inzameling gescheiden, zodat inwoners niet zelf met vijf "
     "containers hoeven te sjouwen.", ["2A"]),
    ("Klimaat", "Wij willen dat bewoners samen zonnepanelen op daken leggen via een coöperatie van en voor "
     "de buurt.", ["2B"]),
    ("Klimaat", "Het stroomnet is vol. Bedrijven die willen uitbreiden moeten soms jaren wachten op een "
     "aansluiting; de gemeente moet daar met de netbeheerder op sturen.", ["2C"]),
    ("Klimaat", "Het warmtenet komt in handen van een publiek warmtebedrijf, niet van een commerciële partij.", ["2C"]),
    ("Klimaat", "Windmolens komen er alleen met instemming van de omwonenden; de afspraken met de provincie "
     "over windturbines moeten opnieuw.", ["2E"]),
    ("Klimaat", "Boeren in het buitengebied verdienen steun bij de overgang naar natuurinclusieve landbouw.", ["2D"]),
    ("Klimaat", "Wij steunen de landelijke klimaatwet en willen dat Nederland sneller van het gas af gaat.", []),
    ("Klimaat", "Het plastic soep in de oceanen moet internationaal worden aangepakt.", []),
    # Economy and work
    ("Werk", "Bedrijven hebben ruimte nodig om te groeien; wij willen nieuwe bedrijventerreinen aan de "
     "snelweg, maar eerst bestaande terreinen beter benutten.", ["3B"]),
    ("Werk", "De fabriek van Vredestein is belangrijk voor de werkgelegenheid; de locatie moet behouden blijven.", ["3A"]),
    ("Werk", "Op het oude vliegveld komt ruimte voor innovatieve bedrijven en het luchthavenbedrijf wordt "
     "aan een marktpartij uitbesteed.", ["2F"]),
    ("Werk", "Startende techbedrijven uit de universiteit moeten hier kunnen blijven; wij steunen de "
     "organisatie die hen helpt groeien.", ["3G"]),
    ("Werk", "Het grote logistieke bedrijventerrein in de regio verdient onze steun omdat het banen brengt.", ["3J"]),
    ("Werk", "Winkels in de binnenstad staan leeg; wij willen het centrum levendig houden met wonen boven "
     "winkels en een aantrekkelijke markt.", ["3C"]),
    ("Werk", "Ondernemers krijgen één loket bij de gemeente voor al hun vergunningen.", []),
    ("Werk", "Wij zijn tegen de verhoging van de btw op groente en fruit door het kabinet.", []),
    # Culture
    ("Cultuur", "Het poppodium en het muziekcentrum verdienen een nieuw gebouw; kunstenaars krijgen "
     "betaalbare ateliers.", ["3D"]),
    ("Cultuur", "Het jaarlijkse stadsfestival moet gratis blijven voor iedereen.", []),
    # Chances
    ("Onderwijs", "Elk kind verdient dezelfde kansen, ongeacht de wijk waar het opgroeit; extra "
     "begeleiding voor kinderen met een taalachterstand.", ["3F"]),
    ("Onderwijs", "Schoolgebouwen moeten veilig en goed geventileerd zijn.", []),
    # Housing and growth
    ("Wonen", "Er moeten veel meer woningen bijkomen, vooral voor starters en jonge gezinnen die nu "
     "de stad verlaten.", ["3I"]),
    ("Wonen", "De stad moet groeien naar meer inwoners, met betere treinverbindingen naar de Randstad en "
     "Duitsland.", ["3H"]),
    ("Wonen", "Huurders moeten beschermd worden tegen huisjesmelkers en te hoge huren.", ["3I"]),
    ("Wonen", "Gaten in de wegen worden sneller gerepareerd en stoepen worden beter onderhouden.", []),
    ("Wonen", "Fietsers krijgen voorrang op de rotondes in de binnenring.", []),
    # Party and governance
    ("Onze partij", "Onze partij bestaat dertig jaar en is altijd een stem van de wijken geweest.", []),
    ("Onze partij", "Onze lijsttrekker is geboren en getogen in deze stad en werkt als verpleegkundige.", []),
    ("Bestuur", "De gemeente moet haar websites begrijpelijk maken en brieven in gewone taal schrijven.", []),
    ("Bestuur", "Raadsvergaderingen worden live uitgezonden en zijn terug te kijken.", []),
    ("Bestuur", "Wij willen een referendum over grote besluiten.", []),
    # Second batch: short bullets, passages in a topic chapter that are about something else
    ("Rondkomen", "Kwijtschelding van de gemeentelijke belastingen voor iedereen met een inkomen tot het "
     "sociaal minimum.", ["1A"]),
    ("Rondkomen", "Een vast aanspreekpunt voor wie de weg kwijt is in de regels van toeslagen en uitkeringen.", ["1A"]),
    ("Rondkomen", "De kringloopwinkel krijgt een grotere plek aan de rand van de stad.", []),
    ("Zorg", "Wie hulp nodig heeft in het huishouden, moet die blijven krijgen, ook als de kosten stijgen.", ["1M"]),
    ("Zorg", "Beschermd wonen in kleine groepen in gewone wijken, met begeleiding voor mensen met psychische problemen.", ["1F"]),
    ("Zorg", "Het parkeren bij het gezondheidscentrum moet gratis worden.", []),
    ("Zorg", "Huiselijk geweld pakken we aan met een meldpunt dat dag en nacht bereikbaar is.", ["1L"]),
    ("Gezond leven", "Meer sporten in de wijk: buurtsportcoaches organiseren activiteiten op pleinen en in parken.", ["1J", "1I"]),
    ("Gezond leven", "De zwembaden blijven open en het schoolzwemmen komt terug.", ["1J"]),
    ("Gezond leven", "De kantine van de voetbalclub mag langer open op zaterdagavond.", []),
    ("Veiligheid", "Verkoop van knalvuurwerk in de gemeente verbieden we waar dat wettelijk mag.", ["1D"]),
    ("Veiligheid", "Drugsdealers in de wijken pakken we hard aan met de politie.", []),
    ("Samen leven", "Buurthuizen blijven open en krijgen een vrijwilligerscoördinator.", ["1H"]),
    ("Samen leven", "Carnaval en de kermis horen bij onze stad en verdienen een vergunning zonder gedoe.", []),
    ("Klimaat", "Oud papier en plastic halen we vaker op; de afvalstoffenheffing mag niet stijgen.", ["2A"]),
    ("Klimaat", "Huurders krijgen gratis advies over energie besparen en een pakket met tochtstrips en ledlampen.", ["3E", "2C"]),
    ("Klimaat", "Geen nieuwe zonnevelden op landbouwgrond; eerst alle daken vol.", ["2B", "2D"]),
    ("Klimaat", "De hondenbelasting wordt afgeschaft.", []),
    ("Werk", "Het vliegveld moet een plek worden voor bedrijven in drones en ruimtevaarttechniek.", ["2F"]),
    ("Werk", "Meer stageplekken voor mbo-studenten bij de gemeente zelf.", []),
    ("Werk", "Bedrijventerreinen die verouderd zijn, knappen we op voordat we weilanden bebouwen.", ["3B"]),
    ("Cultuur", "Het museum krijgt een gratis zondag per maand voor alle inwoners.", ["3D"]),
    ("Cultuur", "Kunstenaars en jonge makers krijgen goedkope werkplekken in leegstaande panden.", ["3D"]),
    ("Onderwijs", "Elke school krijgt een schoolmaatschappelijk werker, zodat problemen thuis eerder in beeld komen.", ["3F", "1E"]),
    ("Onderwijs", "Wij willen dat de gemeente meebetaalt aan de schoolreis van kinderen uit gezinnen met weinig geld.", ["1A"]),
    ("Wonen", "Studentenkamers mogen niet ten koste gaan van de leefbaarheid in de oude wijken.", ["3I"]),
    ("Wonen", "Ouderen die kleiner willen wonen, krijgen voorrang op een gelijkvloerse woning in hun eigen buurt.", ["3I"]),
    ("Wonen", "Het stadhuis blijft in het centrum en wordt niet verkocht.", []),
    ("Wonen", "Langs de snelweg komen geluidsschermen voor de wijken die last hebben van verkeer.", []),
    ("Bestuur", "Het aantal wethouders blijft beperkt tot vijf.", []),
    ("Bestuur", "Inwoners mogen meebeslissen over de besteding van een deel van het wijkbudget.", []),
]
