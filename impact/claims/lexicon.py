"""Word lists for both languages, as data. Each entry is a regex fragment of fixed words (no
nested quantifiers), compiled once. Extend by editing these tables, not the extractor."""

from __future__ import annotations

import re

from impact.claims.lexicon_calendar import (
    MONTH_RE,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    WEEKDAY_RE,
    WEEKDAYS,
)
from impact.claims.lexicon_horizons import HORIZON_NEEDS, HORIZONS
from impact.fastre import WORD_CHAR, require, word_alternation
from impact.fastre import WORD_END as _E
from impact.fastre import WORD_START as _W
from impact.fastre import compile_fast as _fast

__all__ = [
    "LEXICON",
    "MONTHS",
    "MONTH_RE",
    "NUMBER_WORDS",
    "ORDINALS",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "Lexicon",
]

HEDGES: list[tuple[str, str]] = [
    (
        r"etwas mehr als|knapp über|knapp mehr als|slightly more than|just over|just above|a little over",
        "just_over",
    ),
    (r"knapp unter|knapp weniger als|just under|just below|slightly less than", "just_under"),
    (
        r"mehr als|über|deutlich über|oberhalb|oberhalb von|more than|over|above|upwards of|"
        r"in excess of",
        "over",
    ),
    (r"weniger als|unter|unterhalb|unterhalb von|less than|under|below", "under"),
    (r"mindestens|wenigstens|at least", "at_least"),
    (r"höchstens|maximal|at most|no more than", "at_most"),
    (r"bis zu|as much as|up to|as high as", "up_to"),
    (
        r"rund|etwa|circa|ca\.|ungefähr|zirka|gut und gern|about|around|roughly|approximately|approx\.|some|circa|an estimated",
        "about",
    ),
    (
        r"knapp|fast|beinahe|nahezu|annähernd|nearly|almost|close to|just shy of|barely",
        "just_under",
    ),
    (r"gut|reichlich|a good|well over", "just_over"),
]

# words that move a quantity: up / down / unchanged (inflected forms listed, stems where safe)
DIRECTION_UP = (
    r"stieg|stiegen|steigt|steigen|gestiegen|ansteigen|angestiegen|Anstieg|Anstiegs|anstiegen|"
    r"zugelegt|zulegen|zulegte|zulegten|Zuwachs|Zuwächse|kletterte|kletterten|klettert|klettern|"
    r"geklettert|sprang|sprangen|springt|gesprungen|Sprung|Kurssprung|schoss|schossen|"
    r"gewann|gewannen|gewinnt|verteuerte|verteuerten|verteuert|Plus|Kursplus|Tagesplus|"
    r"Kursgewinn|Kursgewinne|Tagesgewinn|erholte|erholten|wuchs|wuchsen|gewachsen|wächst|"
    r"Wachstum|erhöhte|erhöhten|erhöht|Steigerung|gesteigert|steigerte|steigerten|haussierte|"
    r"höher|fester|Aufschlag|"
    r"rose|rises|rise|rising|risen|jumped|jumps|jump|climbed|climbs|climb|surged|surges|surge|"
    r"soared|soars|soar|gained|gains|gain|rallied|rallies|rally|advanced|advances|advance|added|"
    r"higher|increased|increases|increase|grew|grows|grow|growth|spiked|rebounded|popped|"
    r"leapt|leaped|boosted|up(?!\s+to)|"
    # more of the words financial news uses for a rise
    r"stärker|freundlicher|Rally|Rallye|Erholung|Wertzuwachs|Kursanstieg|Wochenplus|Monatsplus|"
    r"Jahresplus|Kursfeuerwerk|aufwärts|erholt|verteuerte|springen|gutgemacht|wettgemacht|"
    r"aufgeholt|"
    r"Gewinne|Gewinn|Gewinnen|gewonnen|zulegen|zulegt|"
    r"rising|gaining|climbing|jumping|surging|soaring|rallying|advancing|adding|firmed|firmer|"
    r"edged|ticked|inched|rebound|rebounding|recovered|recovering|bounced|bounce|spike|"
    r"skyrocketed|skyrocketing|rocketed|zoomed|outperformed|upswing|uptick|stronger|"
    r"topped|surpassed|upside|angezogen|anzog|aufgewertet|hochgeschnellt|emporgeschnellt|"
    r"hochgeschossen|emporgeschossen|"
    r"vorgerückt|rückte|rückten|haussierten|haussiert|hausse|kletterten|avancierte|avancierten|"
    r"verbesserte|verbesserten|verbessert"
)
DIRECTION_DOWN = (
    r"fiel|fielen|fällt|fallen|gefallen|sank|sanken|sinkt|sinken|gesunken|verlor|verloren|"
    r"ermäßigt|ermäßigte|ermäßigten|verbilligt|verbilligte|verbilligten|"
    r"verliert|nachgegeben|eingebrochen|Einbruch|brach|brachen|rutschte|rutschten|gerutscht|"
    r"zurückgingen|zurückging|zurückgegangen|zurückgehen|Rückgang|Rückgangs|Kursrückgang|"
    r"abgesackt|sackte|sackten|stürzte|stürzten|gestürzt|Absturz|Kurssturz|Minus|Tagesminus|"
    r"Abschlag|tiefer|schwächer|verbilligte|verbilligten|schrumpfte|schrumpften|geschrumpft|"
    r"Verlust|Verluste|Kursverlust|Kursverluste|Tagesverlust|eingebüßt|büßte|büßten|reduzierte|"
    r"fell|falls|fall|falling|fallen|dropped|drops|drop|declined|declines|decline|slid|slides|"
    r"slide|tumbled|tumbles|tumble|plunged|plunges|plunge|sank|sinks|lost|loses|slumped|slump|"
    r"lower|decreased|decreases|decrease|shed|dipped|dips|retreated|slipped|crashed|plummeted|"
    r"shrank|contracted|eased|down|"
    # more of the words financial news uses for a fall
    r"schwächer|leichter|niedriger|abwärts|Kursrutsch|Rutsch|Talfahrt|Kurseinbruch|Einbußen|"
    r"Wertverlust|Kursminus|Wochenminus|Monatsminus|Jahresminus|Ausverkauf|Korrektur|purzelte|"
    r"purzelten|rutscht|abgerutscht|abgestürzt|stürzt|eingebüßt|einbüßte|einbüßten|verbilligt|"
    r"nachgab|nachgaben|gefallen|sinkend|fallend|"
    r"shedding|sheds|dip|dipping|sliding|slipping|sinking|sagged|sagging|skidded|tanked|"
    r"tanking|cratered|dived|dove|nosedived|collapsed|plummeting|plunging|tumbling|slumping|"
    r"declining|dropping|losing|losses|loss|selloff|sell-off|rout|downturn|weaker|"
    r"underperformed|pared|erased|knocked|shaved|weggebrochen|abgegeben|eingeknickt|knickte|"
    r"knickten|abgeschmiert|schmierte|schmierten|gerauscht|rauschte|rauschten|abgetaucht|"
    r"tauchte|tauchten|gecrasht|crashte|crashten|einbüßten|eingebrochen|verschlechterte|"
    r"verschlechterten|tumbled|sagged|slumping"
)
# direction phrases of several words (the single words above are looked up token by token)
DIRECTION_PHRASES_UP = (
    r"piled on|tacked on|racked up|notched up|gapped up|shot up|perked up|"
    # the perfect of the separable verbs below: "waren um 10,7 Prozent nach oben geschossen"
    r"nach oben geschossen|in die Höhe geschossen|nach oben geschnellt|in die Höhe geschnellt|"
    r"nach oben gegangen|ins Plus gedreht"
)
DIRECTION_PHRASES_DOWN = (
    r"gave up|gave back|wiped out|gapped down|sold off|were off|was off|are off|is off|"
    r"in die Tiefe|nach unten gegangen|ins Minus gedreht|ins Minus gerutscht"
)
DIRECTION_FLAT = r"unverändert|stagnierte|stagnierten|stagniert|unchanged|flat"
# separable German verbs: the finite part ... the particle at the clause end
SEPARABLE_UP = [
    ("legte|legten|legt|legen", "zu"),
    ("zog|zogen|zieht", "an"),
    ("schoss|schossen", "hoch|nach oben|in die Höhe"),
    ("schnellte|schnellten|schnellt", "hoch|nach oben|in die Höhe"),
    ("ging|gingen|geht", "nach oben|aufwärts|bergauf"),
    ("drehte|drehten|dreht", "ins Plus"),
    ("baute|bauten|baut", "aus"),
]
SEPARABLE_DOWN = [
    ("ging|gingen|geht|gehen", "zurück"),
    ("gab|gaben|gibt", "nach"),
    ("brach|brachen|bricht", "ein"),
    ("sackte|sackten", "ab"),
    ("büßte|büßten", "ein"),
    ("rutschte|rutschten", "ab"),
    ("stürzte|stürzten|stürzt", "ab|in die Tiefe"),
    ("ging|gingen|geht", "nach unten|abwärts|bergab"),
    ("gab|gaben|gibt", "ab"),
    ("drehte|drehten|dreht", "ins Minus"),
    ("rutschte|rutschten", "ins Minus"),
]

# the quantity the number is about
METRICS: list[tuple[str, str]] = [
    (
        r"Prozent des Gesamtumsatzes|Prozent des Umsatzes|Prozent der Umsätze|% des Gesamtumsatzes|"
        r"% des Umsatzes|Prozent des gesamten Umsatzes|Anteil am Umsatz|Anteil am Gesamtumsatz|"
        r"Umsatzanteil|of (?:the company's |the group's |its |their )?(?:total |overall )?"
        r"(?:revenue|revenues|sales)|share of revenue",
        "share_of_revenue",
    ),
    (r"Marktanteil|Marktanteile|Marktanteils|market share", "market_share"),
    (
        r"Auslieferungen|ausgelieferten|ausgelieferte|ausgeliefert|Absatz|Absatzes|Stückzahlen|"
        r"verkauften Geräte|shipments|shipped|units sold|deliveries",
        "shipments",
    ),
    (
        r"Börsenwert|Börsenwerts|Bewertung|Bewertungen|Marktwert|Marktkapitalisierung|market value|market cap|"
        r"market capitalization|market capitalisation|valuation",
        "market_value",
    ),
    (
        r"Umsatz|Umsätze|Umsatzes|Umsatzerlöse|Erlöse|Erlös|Einnahmen|Nettoumsatz|revenue|revenues|"
        r"sales|net sales|turnover|"
        # a business unit's growth is its revenue's: "Azure cloud business grew 35%"
        r"cloud business|cloud unit|business unit|business segment|division|Sparte|"
        r"Geschäftsbereich|Cloudgeschäft|Cloud-Geschäft",
        "revenue",
    ),
    (
        r"Nettogewinn|Gewinn|Gewinne|Überschuss|Betriebsergebnis|Ergebnis|profit|profits|net income|"
        r"earnings|operating income",
        "profit",
    ),
    (
        r"Aktie|Aktien|Aktienkurs|Aktienkurse|Kurs|Kurse|Papiere|Papier|Titel|Anteilsscheine|"
        r"Wertpapiere|Kursplus|Kursgewinn|Kursgewinne|Kurssprung|Kursverlust|Kursrückgang|Kurssturz|"
        r"Tagesgewinn|Tagesplus|"
        r"shares|share|stock|stocks|share price|stock price|ADRs|ADR|ADSs",
        "share_price",
    ),
    (r"Index|Leitindex|Leitindizes|index|benchmark", "index_level"),
]

CLOSE_MARKERS = (
    r"schloss|schlossen|geschlossen|Geschlossen|Schlusskurs|Schlussstand|Schlusswert|"
    r"zum Handelsschluss|bei Handelsschluss|zum Schluss|am Ende|Am Ende|letztlich|"
    r"schlussendlich|aus dem Handel|closed|close|at the close|closing|to end at|ended|"
    r"finished|settled|at the end of the trading day|at the end of the day|Am Ende des Tages|"
    r"am Ende des Tages|during the regular session|in regular trading|im regulären Handel|"
    r"im regulären Handelsverlauf|During the regular session|In regular trading|Im regulären Handel|"
    r"during regular trading|During regular trading|in the regular session"
)
# what the text says about the time of day of a figure (claims/basis.py)
EXTREME_MARKERS = (
    r"in der Spitze|zeitweise|zwischenzeitlich|zwischenzeitig|kurzzeitig|vorübergehend|"
    r"im Tageshoch|im Tagestief|im Hoch|im Tief|bis auf|bis zu|Bis zu|intraday|Intraday|"
    r"at one point|at its peak|at its low|at the high of the day|at the low of the day|"
    r"as high as|as low as|as much as|initially|Initially|briefly|During the day|during the day|"
    r"in intraday trading|In intraday trading|intraday high|intraday low|day high|day low|"
    r"day's high|day's low|Tageshoch|Tagestief|Tageshöchststand|Tagestiefststand|"
    r"Gleich nach Handelsbeginn|gleich nach Handelsbeginn|throughout the day|"
    r"over the course of the day|im Tagesverlauf|im Laufe des Tages|swung between|swinging between|"
    r"schwankte zwischen|schwankten zwischen|pendelte zwischen|pendelten zwischen|traded between|"
    r"fluctuated between"
)
# nouns that make a price level a high or a low ("day low of $88.10", "das Jahreshoch")
LEVEL_HIGH = (
    r"[Hh]igh|[Hh]ighs|[Pp]eak|[Rr]ekordhoch|[Aa]llzeithoch|[Jj]ahreshoch|[Tt]ageshoch|Hoch|"
    r"Höchststand|Rekordstand|Rekordmarke|Rekordniveau|[Rr]ecord"
)
LEVEL_LOW = r"[Ll]ow|[Ll]ows|[Tt]rough|[Jj]ahrestief|[Tt]agestief|Tief|Tiefststand|[Bb]ottom"
SNAPSHOT_MARKERS = (
    r"zuletzt|Zuletzt|am Vormittag|Am Vormittag|am Nachmittag|Am Nachmittag|am Mittag|Am Mittag|"
    r"zur Mittagspause|im frühen Handel|Im frühen Handel|im frühen Geschäft|im späten Handel|"
    r"gegen Mittag|zur Mittagszeit|am frühen Nachmittag|am späten Vormittag|im Mittagshandel|"
    r"im Vormittagshandel|im Nachmittagshandel|early in the session|in midday trade|"
    r"in lunchtime trading|in late morning trading|in the morning session|in the afternoon session|"
    r"in den ersten Handelsstunden|In den ersten Handelsstunden|im Handelsverlauf|"
    r"in morning trading|in early trading|in early trade|in afternoon trading|in midday trading|"
    r"in morning trade|in afternoon trade|at midday|at the noon break|at the lunch break|"
    r"at the midday break|at the local noon trading break|noon trading break|at last check|"
    r"at the time of publication|zum Zeitpunkt der Veröffentlichung"
)
# the session is still under way when the sentence is written ("set for its biggest advance",
# "on track for", "steuert auf ... zu"): its figures are prints during the session
UNDERWAY_MARKERS = (
    r"set for|headed for|heading for|on track for|on course for|on pace for|poised for|"
    r"steuert auf|steuerte auf|auf Kurs zu|auf dem Weg zu|so far today|bisher heute|"
    r"at the local noon trading break|at the noon break|at the lunch break|at the midday break|"
    r"zur Mittagspause|in der Mittagspause|(?<!for )trading at|were trading|was trading|is trading|"
    r"are trading|last traded|were last|was last"
)
# a clock time: a figure printed during the session ("as of 2:05 p.m. ET", "um 11:30 Uhr")
SNAPSHOT_TIME = (
    r"(?:as of|As of|at|At|by|By|um|Um|gegen|Gegen|bis|Bis)\s+"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|Uhr|ET\b|EST\b|EDT\b|HKT\b|MEZ|MESZ|"
    r"CET|CEST|GMT|BST|local)|[012]\d[0-5]\d\s*(?:GMT|ET|EST|EDT|HKT|BST|CET|CEST|MEZ|MESZ)\b)"
)


def _words(alternation: str) -> str:
    """An alternation of plain words (``\\.`` the only escape) as a word-start alternation."""
    words = alternation.replace("\\.", ".").split("|")
    if any(re.search(r"[\\()\[\]?*+{}^$]", w) for w in words):
        raise ValueError(f"not a list of plain words: {alternation!r}")
    return word_alternation(words, not_before=WORD_CHAR)


def both_cases(alternation: str) -> str:
    """Each alternative as written and with a capital first letter (sentence-initial cues)."""
    words = alternation.split("|")
    return "|".join(dict.fromkeys(w for a in words for w in (a, a[:1].upper() + a[1:])))


OPEN_MARKERS = (
    r"opened|opening|at the open|at the opening bell|started trading|eröffnete|eröffneten|"
    r"zur Eröffnung|zum Handelsstart|zum Handelsbeginn|zum Start|In den Handel ging|"
    r"in den Handel ging|Zum Beginn des|zum Beginn des|Handelsbeginn"
)
AFTER_HOURS_MARKERS = (
    r"after hours|after-hours|extended trading|post-market|postmarket|premarket|pre-market|"
    r"before the bell|in premarket trading|nachbörslich|nachbörslichen|vorbörslich|"
    r"vorbörslichen|außerbörslich|außerbörslichen|im Late-Night-Handel|Indikation"
)

# records, superlatives and streaks: lexicon_records.py (their windows: lexicon_record_windows.py)

# a number in such a clause is not a claim about what happened
NON_CLAIM = (
    r"soll|sollen|sollte|sollten|könnte|könnten|dürfte|dürften|würde|würden|wird|werden|"
    r"erwartet|erwarten|erwartete|prognostiziert|prognostizieren|Prognose|Prognosen|rechnet|"
    r"rechnen|Kursziel|Kursziele|Kursziels|Ziel|anpeilt|hätte|hätten|wäre|wären|falls|"
    r"could|would|might|may|will|shall|expected|expects|expect|forecast|forecasts|forecasting|"
    r"projected|projects|projection|target|targets|estimate|estimates|estimated|guidance|outlook|"
    r"plans to|aims to|predicted|predicts|potential|potenziell|möglich|possible|if|wenn|"
    r"Anteil von|Beteiligung|beteiligt|hält|halten|stake|holds|owns|owned"
)
NOT_NON_CLAIM = (
    r"(?:mehr|weniger|stärker|schwächer|besser|schlechter|höher|niedriger) als "
    r"(?:erwartet|prognostiziert|befürchtet)|(?:more|less|better|worse|higher|lower) "
    r"than (?:expected|forecast|estimated)|wie erwartet|as expected|Marktanteil|market share|"
    r"auch wenn|wenngleich|obwohl|even though|even as|wie berichtet|as reported"
)

# verbs of expecting that govern a "dass/that" clause: the clause is a forecast
FORECAST_VERBS = (
    r"erwarten|erwartet|erwartete|rechnen|rechnet|prognostizieren|prognostiziert|glauben|"
    r"glaubt|hoffen|hofft|schätzen|schätzt|fürchten|befürchten|expect|expects|expected|"
    r"forecast|forecasts|predict|predicts|believe|believes|hope|hopes|estimate|estimates|fear|"
    r"fears|anticipate|anticipates"
)
# a holding ("Tencent hält 5 Prozent an dem Start-up")
STAKE_VERBS = (
    r"owns|owned|besitzt|besaß|(?:hält|halten|hielt|hielten)\s+(?:[\w,.%-]+\s+){1,4}an|"
    r"(?:holds|held)\s+(?:[\w,.%-]+\s+){1,4}(?:of|in)"
)
# a sentence about a price target or a stake holds no claim about a move
TARGET = (
    r"Kursziel|Kursziele|Kursziels|Zielkurs|Preisziel|price target|target price|"
    r"price objective|Beteiligung|stake in"
)
# words that refer back to a company (COREF_COMPANY) or an index (COREF_INDEX) named earlier
COREF_COMPANY = (
    r"des Unternehmens|das Unternehmen|dem Unternehmen|des Konzerns|der Konzern|dem Konzern|"
    r"die Firma|der Firma|die Aktie|die Aktien|der Aktie|der Aktien|die Papiere|das Papier|"
    r"der Papiere|des Papiers|der Titel|die Titel|des Titels|der Kurs|den Kurs|des Kurses|"
    r"der Aktienkurs|die Anteilsscheine|der Anteilsschein|die ADRs|die ADSs|die Hongkong-Aktie|"
    r"die US-Aktie|Sie|sie|"
    r"the company|the company's|the group|the group's|its shares|its stock|the firm|the firm's|"
    r"the stock|the shares|shares|stock|the share price|the stock price|its share price|"
    r"the ADRs|the ADSs|the American depositary shares|the American depositary receipts|"
    r"its New York-listed shares|its Hong Kong-listed shares|its U\.S\.-listed shares|"
    r"its US-listed shares|the tech giant|the e-commerce giant|the iPhone maker|"
    r"der iPhone-Konzern|der Internet-Riese|der Tech-Riese|der Techkonzern|der Tech-Konzern|"
    r"it|its|It|Its|"
    # a company by its trade, after it was named ("Die Aktie des Versicherers", "the insurer's")
    r"des Versicherers|der Versicherer|des Rückversicherers|des Autobauers|der Autobauer|"
    r"des Autokonzerns|des Autozulieferers|des Chipherstellers|des Chipkonzerns|"
    r"des Halbleiterkonzerns|des Softwarekonzerns|des Softwareherstellers|des Pharmakonzerns|"
    r"des Chemiekonzerns|des Energiekonzerns|des Versorgers|des Ölkonzerns|des Rüstungskonzerns|"
    r"des Industriekonzerns|des Technologiekonzerns|des Elektronikkonzerns|des Luxuskonzerns|"
    r"des Sportartikelherstellers|des Onlinehändlers|des Einzelhändlers|des Geldhauses|"
    r"des Medienkonzerns|des Telekomkonzerns|des Konsumgüterkonzerns|des Lebensmittelkonzerns|"
    r"the insurer|the insurer's|the reinsurer|the carmaker|the carmaker's|the automaker|"
    r"the automaker's|the chipmaker|the chipmaker's|the drugmaker|the drugmaker's|"
    r"the software maker|the lender|the lender's|the retailer|the retailer's|the oil major|"
    r"the miner|the miner's|the airline|the airline's|the conglomerate|the luxury group|"
    r"the sportswear maker|the defence group|the defense contractor|the utility"
)
COREF_INDEX = (
    r"der Index|den Index|des Index|des Indexes|dem Index|der Leitindex|den Leitindex|"
    r"des Leitindex|des Leitindexes|das Börsenbarometer|das Barometer|des Barometers|"
    r"der Aktienindex|das Standardbarometer|der Auswahlindex|der breite Markt|"
    r"the index|the benchmark|the gauge|the benchmark index|the city's benchmark|the measure|"
    r"the broader market|the broad market|the blue-chip index|the blue-chip gauge|"
    r"the Tech Index"
)
# a market named as the subject of a move: its main index ("Hong Kong piled on 2%")
MARKET_SUBJECTS: dict[str, str] = {
    "Hong Kong": "^HSI",
    "Hongkong": "^HSI",
    "Hong Kong stocks": "^HSI",
    "Hong Kong shares": "^HSI",
    "Hongkongs Börse": "^HSI",
    "die Hongkonger Börse": "^HSI",
    "Wall Street": "^GSPC",
    "die Wall Street": "^GSPC",
    "US stocks": "^GSPC",
    "U.S. stocks": "^GSPC",
    "der Dax": "^GDAXI",
    "der deutsche Aktienmarkt": "^GDAXI",
    "Frankfurt": "^GDAXI",
}
# a market name followed by these is part of another word ("Hongkong-Dollar", "Hong Kong-listed")
MARKET_NOT_AFTER = r"(?![\w-])"


# a commodity, currency or bond (entities: no company's figure; sentences: "as Brent ..." opens
# a clause of its own)
ASSET_WORDS = (
    r"(?:Brent(?:-Öl| crude| oil)?|WTI(?: crude)?|crude(?: oil)?(?: prices?)?|"
    # "oil", not "the oil major('s stock)", "oil companies", "oil giant"
    r"oil(?: prices?)?(?! (?:major|majors|company|companies|giant|giants|producer|producers|group|"
    r"firm|firms|stocks?|shares|explorer|explorers|services)\b)|"
    r"Öl|Ölpreise?|Rohöl(?:preise?)?|Erdgas(?:preise?)?|natural gas|[Gg]old(?:preis| prices?)?|"
    r"[Ss]ilver|Silber(?:preis)?|[Cc]opper|Kupfer(?:preis)?|[Bb]itcoin|Ether|[Ee]uro|"
    r"(?:US-)?[Dd]ollar|[Yy]en|[Yy]uan|[Ss]terling|Pfund|Franken|Treasury yields?|"
    r"(?:the )?(?:\d+-year|zehnjährigen?) (?:Treasury |Bund )?(?:yields?|Renditen?)|"
    r"Renditen?|Bund yields?)(?![\w-])"
)


class Lexicon:
    """The compiled patterns, shared by both languages (the word lists hold both)."""

    @staticmethod
    def _separable_pairs() -> list[tuple[str, str, str]]:
        return [
            (a, b, d)
            for pairs, d in ((SEPARABLE_UP, "up"), (SEPARABLE_DOWN, "down"))
            for a, b in pairs
        ]

    def __init__(self) -> None:

        # each a list of words: written so that re scans for their first letters (fastre trick 1)
        self.hedges = [
            (re.compile(rf"{_words(p)}\s+(?:um\s+|by\s+)?$"), kind) for p, kind in HEDGES
        ]
        # direction words are single words: looked up in sets, token by token (fast)
        self.direction_words: dict[str, str] = {}
        for words, name in (
            (DIRECTION_FLAT, "unchanged"),
            (DIRECTION_DOWN, "down"),
            (DIRECTION_UP, "up"),
        ):
            for word in words.split("|"):
                self.direction_words.setdefault(word.split("(")[0].lower(), name)
        self.token = re.compile(r"\w+")
        self.direction_phrases = [
            (_fast(rf"{_W}(?:{DIRECTION_PHRASES_UP}){_E}"), "up"),
            (_fast(rf"{_W}(?:{DIRECTION_PHRASES_DOWN}){_E}"), "down"),
        ]
        self.separable = [
            (None, _fast(rf"{_W}(?:{b}){_E}"), d) for _a, b, d in self._separable_pairs()
        ]
        self.metrics = [(_fast(rf"{_W}(?:{p}){_E}", re.IGNORECASE), m) for p, m in METRICS]
        # one pattern per horizon kind: each keeps a tight first-character filter (a single
        # alternation of all kinds scans about four times slower)
        self.horizons = [(_fast(rf"{_W}(?:{p}){_E}", re.IGNORECASE), h) for p, h in HORIZONS]
        for rx, kind in self.horizons:
            if kind in HORIZON_NEEDS:
                require(rx, re.compile(HORIZON_NEEDS[kind], re.IGNORECASE))
        # all separable-verb heads in one scan; each head word maps to its pairs
        heads = {w for a, _b, _d in self._separable_pairs() for w in a.split("|")}
        self.separable_heads = _fast(rf"{_W}(?:{'|'.join(sorted(heads))}){_E}")
        self.separable_by_head: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for (a, _b, d), (_, particle, _d2) in zip(
            self._separable_pairs(), self.separable, strict=True
        ):
            for word in a.split("|"):
                self.separable_by_head.setdefault(word.lower(), []).append((particle, d))
        self.close = _fast(rf"{_W}(?:{CLOSE_MARKERS}){_E}")
        self.snapshot = _fast(rf"{_W}(?:{both_cases(SNAPSHOT_MARKERS)}){_E}")
        self.level_high = _fast(rf"{_W}(?:{LEVEL_HIGH}){_E}")
        self.level_low = _fast(rf"{_W}(?:{LEVEL_LOW}){_E}")
        self.underway = _fast(rf"{_W}(?:{UNDERWAY_MARKERS}){_E}")
        self.extreme = _fast(rf"{_W}(?:{both_cases(EXTREME_MARKERS)}){_E}")
        self.snapshot_time = _fast(rf"{_W}{SNAPSHOT_TIME}")
        self.open = _fast(rf"{_W}(?:{OPEN_MARKERS}){_E}")
        self.after_hours = _fast(rf"{_W}(?:{AFTER_HOURS_MARKERS}){_E}", re.IGNORECASE)
        self.non_claim = _fast(rf"{_W}(?:{NON_CLAIM}){_E}")
        self.not_non_claim = _fast(rf"{_W}(?:{NOT_NON_CLAIM}){_E}")
        self.target = _fast(rf"{_W}(?:{TARGET}){_E}", re.IGNORECASE)
        self.forecast_verb = _fast(rf"{_W}(?:{FORECAST_VERBS}){_E}", re.IGNORECASE)
        self.stake_verb = _fast(rf"{_W}(?:{STAKE_VERBS}){_E}")
        self.coref_company = _fast(rf"{_W}(?:{COREF_COMPANY}){_E}")
        self.coref_index = _fast(rf"{_W}(?:{COREF_INDEX}){_E}", re.IGNORECASE)
        markets = "|".join(re.escape(m) for m in sorted(MARKET_SUBJECTS, key=len, reverse=True))
        self.market_subject = _fast(rf"{_W}(?:{markets}){MARKET_NOT_AFTER}")
        self.german_set = frozenset(
            "der die das und ist nicht mit sich auf für den von dem des ein eine wurde sind auch "
            "nach bei im zu um über".split()
        )
        self.english_set = frozenset(
            "the and is of to in that for with was on as by are its from at has have shares "
            "said".split()
        )
        self.function_words = self.german_set | self.english_set


LEXICON = Lexicon()
