"""General Dutch vocabulary of municipal policy for the programme linker.

Election programmes speak the voter's language (*woonlasten*, *van het gas af*, *tegels eruit*)
where a dossier speaks the civil servant's (*onroerendezaakbelasting*, *warmtetransitie*,
*afkoppelen van hemelwater*). Each group below holds words and phrases that stand for one
subject of municipal policy; a passage word or phrase of a group also meets the group's other
members (at the linker's related-word weight). These are general terms of Dutch local
government, written from knowledge of the field; no group names a place, project or
organisation of a particular municipality, and none was taken from a programme.
The search's own groups (``akkoord.web.search.synonyms``) are used as well.

Origin of the later groups (mantelzorg, openbaar vervoer, the municipal organisation, dekking,
bouwen): general terms of local government too, but added after reading the misses of the
development set of the programme evaluation, so that set's figures flatter them; see
docs/evaluation-programmes.md, measurement 10. Words added in measurement 11 (*armoede*,
*bijstand*, *uitkering*, *kindpakket*; *incasso*, *aanmaningen*, *beslaglegging*; *thuishulp*,
*zorgwoningen*, *woonzorgcentrum*; *valpreventie*, *beweegaanbod*; *distributiecentra*,
*logistiek*; *inhuren*; the climate-adaptation group): general terms as well, added after
reading the misses of the second development set (measurement 11). The dossier profile's own vocabulary
(``akkoord.web.dossiers.profiles.search_vocabulary``) holds only the names of the ambitions,
not subject words, so it is not used here.
"""
from __future__ import annotations

POLICY_GROUPS: tuple[tuple[str, ...], ...] = (
    # Local taxes and the municipal budget
    ("ozb", "onroerendezaakbelasting", "woonlasten", "lokale lasten", "gemeentelijke belastingen",
     "lastenverzwaring", "belastingverhoging", "belastingen"),
    ("begroting", "financien", "huishoudboekje", "meerjarenbegroting", "bezuinigen", "bezuinigingen",
     "ombuigingen", "sluitende begroting", "begrotingstekort", "financiele positie", "weerstandsvermogen",
     "reserves", "spaarpot", "schuldpositie"),
    ("nieuw beleid", "beleidsruimte", "financiele ruimte", "ruimte voor nieuwe plannen"),
    ("ambtelijke organisatie", "gemeentelijke organisatie", "externe inhuur", "inhuur", "externe adviseurs",
     "bedrijfsvoering", "overhead", "ambtenaren", "apparaatskosten", "inhuren"),
    ("dekking", "gedekt", "dekkingsvoorstel", "sluitende begroting", "structureel geld"),
    # Poverty and debt
    ("minimaregelingen", "minimabeleid", "kwijtschelding", "bijzondere bijstand", "meedoenregeling",
     "stadspas", "laag inkomen", "lage inkomens", "sociaal minimum", "inkomensgrens", "armoedegrens",
     "krap bij kas", "rondkomen", "armoede", "bijstand", "bijstandsuitkering", "uitkering",
     "kindpakket"),
    ("collectieve zorgverzekering", "zorgverzekering", "eigen risico", "aanvullende verzekering"),
    ("schuldhulp", "schuldhulpverlening", "geldzorgen", "betalingsachterstanden", "vroegsignalering",
     "geldloket", "budgetcoach", "formulierenhulp", "financiele hulp", "rood staan", "incasso",
     "incassokosten", "aanmaningen", "beslaglegging"),
    # Youth, care, support
    ("jeugdzorg", "jeugdhulp", "opvoedondersteuning", "opvoeden", "opgroeien", "gezinnen", "jeugdwet",
     "kinderen en jongeren"),
    ("wijkteam", "sociaal team", "buurtteam", "toegang", "lichte hulp", "hulp dichtbij"),
    ("wmo", "huishoudelijke hulp", "huishoudelijke ondersteuning", "schoonmaakhulp", "thuiszorg",
     "maatwerkvoorziening", "algemene voorziening", "eigen bijdrage", "thuis wonen", "thuishulp",
     "zorgwoningen", "woonzorgcentrum"),
    ("zorgaanbieders", "aanbieders", "zorginkoop", "aanbesteding", "contracten"),
    ("mantelzorg", "mantelzorgers", "respijtzorg", "mantelzorgondersteuning", "informele zorg",
     "dagbesteding", "dementie", "ouderenzorg", "wmo", "maatschappelijke ondersteuning"),
    ("preventie", "gezonde leefstijl", "buurtsportcoach", "sportcoach", "bewegen", "sporten",
     "gezondheid", "gezond", "overgewicht", "roken", "vitaliteit", "valpreventie", "beweegaanbod"),
    # Housing
    ("betaalbare woningen", "betaalbaar wonen", "sociale huur", "sociale huurwoningen", "huurwoningen",
     "starterswoningen", "starters", "woningnood", "woningtekort", "wachtlijst", "middenhuur",
     "koopwoningen", "woningbouw"),
    ("bouwen", "bouwtempo", "woningbouw", "nieuwbouw", "bouwlocaties", "bouwplannen"),
    ("doorstroming", "seniorenwoningen", "levensloopbestendig", "verhuisregeling", "kleiner wonen",
     "ouderen", "senioren", "verhuizen"),
    ("grondbeleid", "grondposities", "grondaankoop", "grond kopen", "actief grondbeleid",
     "projectontwikkelaars", "ontwikkelaars", "de markt"),
    ("gebiedsontwikkeling", "nieuwbouwwijk", "stationsgebied", "stationsomgeving", "herontwikkeling",
     "transformatie", "hoogbouw"),
    # Energy and climate
    ("warmtenet", "warmtebedrijf", "stadsverwarming", "aardgasvrij", "van het gas af", "restwarmte",
     "warmtetransitie", "warmtevoorziening"),
    ("windmolens", "windturbines", "windpark", "windenergie", "molens"),
    ("zonnepanelen", "zonnepark", "zonneweide", "zonnevelden", "zonne-energie", "zon op dak"),
    ("isolatie", "isoleren", "energiebesparing", "energiecoach", "tochtstrips", "dubbel glas",
     "energierekening", "energiearmoede", "verduurzamen"),
    ("riolering", "riool", "rioolheffing", "regenwater", "hemelwater", "afkoppelen", "wateroverlast",
     "regenton", "tegels eruit", "groene daken", "waterberging", "hoosbuien"),
    ("klimaatadaptatie", "hittestress", "hitte", "droogte", "verkoeling", "koele plekken"),
    ("groen", "bomen", "parken", "groennorm", "vergroening", "groenvoorziening", "tuinen", "natuur",
     "biodiversiteit"),
    # Mobility and the centre
    ("parkeren", "parkeerplaatsen", "parkeervergunning", "parkeertarieven", "betaald parkeren",
     "blauwe zone", "parkeergarage"),
    ("autoluw", "autovrij", "voetgangers", "verkeersluw", "doorgaand verkeer", "auto's"),
    ("binnenstad", "centrum", "stadshart", "dorpskern", "winkelgebied"),
    ("openbaar vervoer", "ov", "buslijn", "buslijnen", "busverbinding", "belbus", "buurtbus",
     "dienstregeling", "bereikbaarheid", "mobiliteit"),
    # Economy and region
    ("bedrijventerrein", "bedrijventerreinen", "werklocaties", "bedrijfskavels", "industrieterrein",
     "herstructurering", "revitalisering", "verouderde bedrijventerreinen", "distributiecentra",
     "distributiecentrum", "logistiek", "logistieke bedrijven"),
    # (Jobs and firms in general are not work locations: "banen", "ondernemers" and "bedrijven" were
    # in the group above and linked every passage about entrepreneurs to the business-park fiche.)
    ("regio", "regionale samenwerking", "buurgemeenten", "omliggende gemeenten", "gemeenschappelijke regeling",
     "gemeenschappelijke regelingen", "samenwerkingsverbanden", "veiligheidsregio", "ggd", "omgevingsdienst",
     "regiogemeenten"),
)
