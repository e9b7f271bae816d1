"""Word lists for both languages, as data. Each entry is a regex fragment of fixed words (no
nested quantifiers), compiled once. Extend by editing these tables, not the extractor."""

from __future__ import annotations

import re

from impact.fastre import WORD_END as _E
from impact.fastre import WORD_START as _W
from impact.fastre import compile_fast as _fast

__all__ = ["LEXICON", "MONTHS", "WEEKDAYS", "Lexicon"]

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "january": 1,
    "jan": 1,
    "februar": 2,
    "february": 2,
    "feb": 2,
    "märz": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "oct": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "december": 12,
    "dec": 12,
    "dez": 12,
}
MONTH_RE = (
    r"Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"January|February|March|May|June|July|October|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
)
WEEKDAYS: dict[str, int] = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_RE = "|".join(w.capitalize() for w in WEEKDAYS)
ORDINALS = {
    "ersten": 1,
    "zweiten": 2,
    "dritten": 3,
    "vierten": 4,
    "1.": 1,
    "2.": 2,
    "3.": 3,
    "4.": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
NUMBER_WORDS = {
    "zwölf": 12,
    "twelve": 12,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# hedges written right before the number (after an optional "um"/"by"): regex -> hedge kind
HEDGES: list[tuple[str, str]] = [
    (
        r"etwas mehr als|knapp über|knapp mehr als|slightly more than|just over|just above|a little over",
        "just_over",
    ),
    (r"knapp unter|knapp weniger als|just under|just below|slightly less than", "just_under"),
    (r"mehr als|über|deutlich über|more than|over|above|upwards of|in excess of", "over"),
    (r"weniger als|unter|less than|under|below", "under"),
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
    r"soared|soars|soar|gained|gains|gain|rallied|rallies|rally|advanced|advances|added|"
    r"higher|increased|increases|increase|grew|grows|grow|growth|spiked|rebounded|popped|"
    r"leapt|leaped|boosted|up(?!\s+to)"
)
DIRECTION_DOWN = (
    r"fiel|fielen|fällt|fallen|gefallen|sank|sanken|sinkt|sinken|gesunken|verlor|verloren|"
    r"verliert|nachgegeben|eingebrochen|Einbruch|brach|brachen|rutschte|rutschten|gerutscht|"
    r"zurückgingen|zurückging|zurückgegangen|zurückgehen|Rückgang|Rückgangs|Kursrückgang|"
    r"abgesackt|sackte|sackten|stürzte|stürzten|gestürzt|Absturz|Kurssturz|Minus|Tagesminus|"
    r"Abschlag|tiefer|schwächer|verbilligte|verbilligten|schrumpfte|schrumpften|geschrumpft|"
    r"Verlust|Verluste|Kursverlust|Kursverluste|Tagesverlust|eingebüßt|büßte|büßten|reduzierte|"
    r"fell|falls|fall|falling|fallen|dropped|drops|drop|declined|declines|decline|slid|slides|"
    r"slide|tumbled|tumbles|tumble|plunged|plunges|plunge|sank|sinks|lost|loses|slumped|slump|"
    r"lower|decreased|decreases|decrease|shed|dipped|dips|retreated|slipped|crashed|plummeted|"
    r"shrank|contracted|eased|down"
)
DIRECTION_FLAT = r"unverändert|stagnierte|stagnierten|stagniert|unchanged|flat"
# separable German verbs: the finite part ... the particle at the clause end
SEPARABLE_UP = [
    ("legte|legten|legt|legen", "zu"),
    ("zog|zogen|zieht", "an"),
    ("schoss|schossen", "hoch|nach oben|in die Höhe"),
]
SEPARABLE_DOWN = [
    ("ging|gingen|geht|gehen", "zurück"),
    ("gab|gaben|gibt", "nach"),
    ("brach|brachen|bricht", "ein"),
    ("sackte|sackten", "ab"),
    ("büßte|büßten", "ein"),
    ("rutschte|rutschten", "ab"),
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
        r"sales|net sales|turnover",
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

# horizon cues, checked in this order; a cue's group names carry its parameters
HORIZONS: list[tuple[str, str]] = [
    (
        r"seit Jahresbeginn|seit Jahresanfang|seit Anfang des Jahres|seit Beginn des Jahres|"
        r"seit Beginn dieses Jahres|im bisherigen Jahresverlauf|im laufenden Jahr|seit Januar|"
        r"seit Silvester|year[- ]to[- ]date|so far this year|since the start of the year|"
        r"since the beginning of the year|since the start of \d{4}|YTD|this year|dieses Jahr|"
        r"in diesem Jahr",
        "ytd",
    ),
    (
        r"seit Monatsbeginn|seit Monatsanfang|im laufenden Monat|in diesem Monat|diesen Monat|"
        r"month[- ]to[- ]date|so far this month|this month|MTD",
        "mtd",
    ),
    (
        rf"(?:allein |alone |so far )?(?:im|in|so far in)\s+"
        rf"(?P<month>{MONTH_RE})(?:\s+(?P<myear>\d{{4}}))?",
        "month",
    ),
    (
        r"(?:im|in the|in|des|of the)\s+(?P<q>ersten|zweiten|dritten|vierten|[1-4]\.|first|second|"
        r"third|fourth)\s+(?P<fiscal>Geschäfts|fiscal |financial )?(?:Quartal|quarter|Quartals)"
        r"(?:\s+(?:des Jahres |of |des Geschäftsjahres |of fiscal |fiscal )?(?P<qyear>\d{4}))?",
        "quarter",
    ),
    (r"(?P<q2>Q[1-4])\s?(?P<q2year>\d{4})", "quarter"),
    (
        r"in (?:den |der )?(?:letzten|vergangenen|zurückliegenden) (?P<nd>\d+|zwei|drei|vier|fünf|"
        r"sechs|sieben|acht|neun|zehn) (?:Handelstagen|Börsentagen|Tagen|Sitzungen|Handelssitzungen)|"
        r"(?:over|in) the (?:past|last|previous) (?P<ne>\d+|two|three|four|five|six|seven|eight|nine|"
        r"ten) (?:trading days|sessions|trading sessions|days)",
        "n_sessions",
    ),
    (
        r"(?:in|während|innerhalb) (?:den |der |des )?(?:vergangenen|letzten|zurückliegenden) "
        r"(?P<tn>\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf) "
        r"(?P<tu>Monaten|Monate|Wochen|Jahren|Jahre)|"
        r"(?:over|in|during) the (?:past|last|previous) (?P<tn2>\d+|two|three|four|five|six|seven|"
        r"eight|nine|ten|twelve) (?P<tu2>months|weeks|years)|"
        r"(?:over|in) the (?:past|last) (?P<tu3>year|month|week)|"
        r"(?:innerhalb|binnen) (?:eines|einer) (?P<tu4>Jahres|Monats|Woche)",
        "trailing",
    ),
    (
        r"in dieser Woche|diese Woche|im Wochenverlauf|auf Wochensicht|in der vergangenen Woche|"
        r"vergangene Woche|letzte Woche|in der letzten Woche|this week|last week|for the week|"
        r"on the week|weekly",
        "week",
    ),
    (
        rf"seit (?:dem )?(?P<sday>\d{{1,2}})\.\s?(?P<smonth>{MONTH_RE})(?:\s+(?P<syear>\d{{4}}))?|"
        rf"since (?P<smonth2>{MONTH_RE})\s+(?P<sday2>\d{{1,2}})(?:,?\s+(?P<syear2>\d{{4}}))?|"
        rf"(?:seit|since)\s+(?:(?:Anfang|Mitte|Ende|early|mid|late|mid-)\s*)?(?:(?P<smonth3>{MONTH_RE})\s+)?"
        rf"(?P<syear3>\d{{4}})|(?:seit|since)\s+(?:(?:Anfang|Beginn|Mitte|Ende|early|mid|late|the start of|"
        rf"the beginning of|the end of)\s+)?(?P<smonth4>{MONTH_RE})|"
        rf"seit letztem Jahr|seit dem vergangenen Jahr|since last year",
        "since",
    ),
    (
        r"gegenüber dem Vorjahr|gegenüber dem Vorjahreszeitraum|gegenüber dem Vorjahresquartal|"
        r"im Vorjahresvergleich|im Jahresvergleich|verglichen mit dem Vorjahr|im Vergleich zum Vorjahr|"
        r"year[- ]on[- ]year|year[- ]over[- ]year|from a year earlier|from a year ago|YoY|y/y",
        "yoy",
    ),
    (
        r"zuletzt|im jüngsten Quartal|im vergangenen Quartal|im letzten Quartal|im abgelaufenen Quartal|"
        r"last quarter|in the latest quarter|in the most recent quarter|in the last quarter|"
        r"in the recent quarter|most recently",
        "latest_reported",
    ),
    (
        r"in der Spitze|zeitweise|zwischenzeitlich|im Handelsverlauf|im frühen Handel|intraday|"
        r"at one point|at its peak|in early trade|in early trading|im Tagesverlauf|zwischenzeitig",
        "intraday",
    ),
    (
        rf"an einem (?:einzigen )?(?:Tag|Handelstag)|binnen eines Tages|innerhalb eines Tages|"
        rf"one-day|single-day|one day|single day|in a single session|on the day|"
        rf"am (?P<wd>{WEEKDAY_RE})|on (?P<wd2>{WEEKDAY_RE})|(?P<today>heute|today|am heutigen)|"
        rf"(?P<yesterday>gestern|yesterday|am Vortag)|schloss|schlossen|closed|Schlusskurs|"
        rf"zum Handelsschluss|at the close|bei Handelsschluss|Tagesgewinn|Tagesplus|Tagesverlust|"
        rf"Tagesminus|daily",
        "one_day",
    ),
]
CLOSE_MARKERS = (
    r"schloss|schlossen|geschlossen|Schlusskurs|zum Handelsschluss|bei Handelsschluss|"
    r"zum Schluss|closed|close|at the close|closing"
)

# records, superlatives and streaks: lexicon_records.py

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

# a sentence about a price target or a stake holds no claim about a move
TARGET = (
    r"Kursziel|Kursziele|Kursziels|Zielkurs|Preisziel|price target|target price|"
    r"price objective|Beteiligung|stake in"
)
COREF = r"des Unternehmens|das Unternehmen|des Konzerns|der Konzern|die Firma|the company|the group|its shares|the firm|the stock|die Aktie|the shares"


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

        self.hedges = [
            (re.compile(rf"{_W}(?:{p})\s+(?:um\s+|by\s+)?$"), kind) for p, kind in HEDGES
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
        self.token = re.compile(r"[\wÄÖÜäöüß]+")
        self.separable = [
            (None, _fast(rf"{_W}(?:{b}){_E}"), d) for _a, b, d in self._separable_pairs()
        ]
        self.metrics = [(_fast(rf"{_W}(?:{p}){_E}", re.IGNORECASE), m) for p, m in METRICS]
        # one pattern per horizon kind: each keeps a tight first-character filter (a single
        # alternation of all kinds scans about four times slower)
        self.horizons = [(_fast(rf"{_W}(?:{p}){_E}", re.IGNORECASE), h) for p, h in HORIZONS]
        # all separable-verb heads in one scan; the group name says which pair matched
        self.separable_heads = _fast(
            "|".join(
                rf"(?P<s{i}>{_W}(?:{a}){_E})"
                for i, (a, _b, _d) in enumerate(self._separable_pairs())
            )
        )
        self.close = _fast(rf"{_W}(?:{CLOSE_MARKERS}){_E}")
        self.non_claim = _fast(rf"{_W}(?:{NON_CLAIM}){_E}")
        self.not_non_claim = _fast(rf"{_W}(?:{NOT_NON_CLAIM}){_E}")
        self.target = _fast(rf"{_W}(?:{TARGET}){_E}", re.IGNORECASE)
        self.coref = _fast(rf"{_W}(?:{COREF}){_E}", re.IGNORECASE)
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
