"""Related terms of Dutch municipal policy: the words negotiators use for what a dossier
calls otherwise (``vol stroomnet`` for *netcongestie*, ``daklozen`` for *maatschappelijke
opvang*). General vocabulary of the domain, not tied to one dossier; kept small on purpose,
because every group widens every query that touches it.

Each line is a group of words or phrases that stand in for one another. A query word that
belongs to a group also searches the other members, with a lower weight than the word itself.
"""
from __future__ import annotations

RELATED_GROUPS: tuple[tuple[str, ...], ...] = (
    # Energy and climate
    ("netcongestie", "stroomnet", "elektriciteitsnet", "stroomnetwerk", "netcapaciteit", "hoogspanningsnet",
     "vol stroomnet", "volle stroomnet", "stroomnet vol", "elektriciteitsnet vol", "file op het stroomnet"),
    ("windenergie", "windmolen", "windturbine", "windpark"),
    ("zonne-energie", "zonnepanelen", "zonnestroom", "zon op dak", "zonnepark", "zonnedaken"),
    ("warmtetransitie", "aardgasvrij", "warmtenet", "warmteprogramma", "stadsverwarming", "van het gas af", "gasloos"),
    ("verduurzaming", "verduurzamen", "isolatie", "isoleren", "energiebesparing", "energie besparen"),
    ("energiearmoede", "energierekening", "energiekosten", "hoge energierekening", "energietoeslag"),
    ("klimaatadaptatie", "wateroverlast", "hittestress", "droogte", "hevige regen"),
    ("afval", "vuilnis", "huisvuil", "restafval", "afvalinzameling", "afvalscheiding"),
    ("pmd", "plastic", "verpakkingen", "plastic afval"),
    # Social domain
    ("armoede", "minima", "armoedebeleid", "rondkomen", "arme huishoudens", "weinig geld"),
    ("schulden", "schuldhulpverlening", "schuldhulp", "schuldenbeleid", "schuldsanering"),
    ("dakloosheid", "daklozen", "dakloos", "thuisloos", "buitenslapers", "daklozenopvang", "nachtopvang",
     "maatschappelijke opvang"),
    ("jeugdzorg", "jeugdhulp", "jeugdbescherming"),
    ("jeugd", "jongeren", "kinderen", "jeugdigen", "tieners", "kind"),
    ("ouderen", "senioren", "bejaarden", "vergrijzing"),
    ("onbegrepen gedrag", "verward gedrag", "verwarde personen", "verwarde mensen", "verward"),
    ("ggz", "geestelijke gezondheidszorg", "psychische problemen", "psychiatrie", "mentale gezondheid"),
    ("huiselijk geweld", "kindermishandeling", "partnergeweld"),
    ("zorgfraude", "zorgcowboys", "fraude in de zorg"),
    ("zorgaanbieders", "zorginkoop", "inkoop van zorg", "aanbieders"),
    ("wmo", "maatschappelijke ondersteuning", "huishoudelijke hulp", "thuishulp"),
    ("mantelzorg", "mantelzorgers"),
    ("eenzaamheid", "eenzaam", "sociale cohesie", "elkaar ontmoeten"),
    ("ontmoetingsplek", "ontmoetplek", "buurthuis", "wijkcentrum", "trefpunt", "ontmoetingsruimte"),
    ("preventie", "voorkomen", "preventief"),
    ("overgewicht", "obesitas", "gezonde voeding", "gezond eten", "ongezond eten"),
    ("ziekenhuis", "ziekenhuiszorg", "spoedeisende hulp", "acute zorg", "seh"),
    ("kansengelijkheid", "gelijke kansen", "kansarm", "onderwijsachterstand", "achterstandswijk"),
    ("statushouders", "vluchtelingen", "asielzoekers", "nieuwkomers", "asiel"),
    ("bijstand", "uitkering", "participatiewet"),
    ("werkgelegenheid", "banen", "arbeidsmarkt", "werkloosheid"),
    # Safety
    ("weerbaarheid", "crisis", "crisisbestendig", "noodsituatie", "ramp", "oorlog", "noodsteunpunt",
     "stroomuitval", "zelfredzaamheid"),
    ("vuurwerk", "jaarwisseling", "oud en nieuw", "oudejaarsavond", "vuurwerkverbod", "knalvuurwerk"),
    ("uitbreiden", "uitbreiding", "vergroten", "vergroting"),
    ("verbod", "verbieden", "verboden"),
    ("overlast", "criminaliteit", "ondermijning", "onveiligheid"),
    # Sport and culture
    ("sportaccommodatie", "sporthal", "sportvoorziening", "gymzaal", "zwembad", "sportzaal"),
    ("sportvereniging", "sportclub", "voetbalclub", "voetbalvereniging", "sportclubs"),
    ("sportpark", "sportvelden", "voetbalveld"),
    ("cultuur", "kunst", "theater", "podium", "muziek", "museum", "culturele instellingen"),
    ("broedplaats", "creatieve sector", "ateliers", "makers"),
    # Space, housing, economy
    ("woningbouw", "woningtekort", "woningnood", "nieuwbouw", "huizen bouwen", "bouwopgave", "woningen bouwen"),
    ("woning", "huis", "huizen", "huisvesting"),
    ("sociale huur", "huurwoningen", "woningcorporaties", "corporaties", "betaalbare woningen"),
    ("schaalsprong", "groei van de stad", "verstedelijking", "groeiambitie", "bevolkingsgroei"),
    ("landelijk gebied", "platteland", "buitengebied", "boeren", "landbouw", "agrarische sector"),
    ("natuur", "landschap", "biodiversiteit"),
    ("stikstof", "stikstofuitstoot", "stikstofdepositie", "natura 2000"),
    ("bedrijventerrein", "industrieterrein", "werklocatie", "bedrijfskavels", "businesspark",
     "ruimte voor bedrijven"),
    ("ondernemerschap", "startups", "start-ups", "scale-ups", "spin-offs", "jonge bedrijven"),
    ("kennisinstellingen", "universiteit", "hogeschool", "onderwijsinstellingen"),
    ("luchthaven", "vliegveld", "vliegbasis", "airport"),
    ("fabriek", "industrie", "productielocatie"),
    ("binnenstad", "centrum", "stadscentrum", "winkelgebied", "winkelstraten"),
    ("leegstand", "lege winkels", "leegstaande panden"),
    ("bodem", "grond", "ondergrond", "bodemverontreiniging"),
    ("gebouw", "pand", "vastgoed", "gebouwen", "panden"),
    ("mobiliteit", "bereikbaarheid", "verkeer", "openbaar vervoer"),
    # Money
    ("tekort", "geldtekort", "financieel tekort", "begrotingstekort", "te weinig", "overschrijding"),
    ("middelen", "geld", "budget", "financiering", "subsidie"),
)
