"""Records, superlatives, streaks and first crossings in both languages: word lists and patterns,
as data. Extend by editing these tables; records.py reads them.

A record phrase is a *head* (a superlative with its noun, a record level word, "erstmals", a
streak) and, after it, a *window* phrase ("since March 2022", "seit dem 5. Januar", "in almost
five years", "of 2023", "seit dem Börsengang Ende 2019", "ever"; patterns, events and seasons in
lexicon_record_windows.py). Every pattern is a fixed-word alternation (no nested quantifiers),
compiled once (RecordLexicon).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from impact.claims.lexicon_record_windows import COUNT_WORDS as _NUMBERS
from impact.claims.lexicon_record_windows import (
    EVENT_DAY_RE,
    EVENTS,
    PERIOD_RE,
    SEASONS,
    WINDOW_RE,
    count_of,
    month_of,
)
from impact.claims.lexicon_record_windows import NUM_RE as _NUM
from impact.claims.lexicon_record_windows import ORD_RE as _ORD
from impact.claims.lexicon_record_windows import alternation as _alt
from impact.fastre import WORD_END as _E
from impact.fastre import WORD_START as _W

__all__ = [
    "CLOSE_WORDS",
    "COMPARATIVES",
    "DOWN_VERBS",
    "EVENTS",
    "GATES",
    "INTRADAY_WORDS",
    "LEVEL_NOUNS",
    "MOVE_NOUNS",
    "PERIOD_MODIFIERS",
    "PERIOD_RECORDS",
    "RECORDS",
    "RECORD_RE",
    "SEASONS",
    "STREAK_NOUNS",
    "SUPERLATIVES",
    "UP_VERBS",
    "RecordLexicon",
    "count_of",
    "month_of",
    "open_gates",
]

# superlatives: word -> direction ("up", "down"; None: from the noun or the move it qualifies);
# German ones take the endings -n, -m, -r, -s
SUPERLATIVES_EN: dict[str, str | None] = {
    "biggest": None, "largest": None, "greatest": None, "sharpest": None, "steepest": None,
    "strongest": None, "heaviest": "down", "deepest": "down", "worst": "down", "weakest": "down",
    "best": "up", "highest": "up", "lowest": "down", "most": None, "longest": None,
    "most challenging": "down", "most difficult": "down", "most painful": "down",
}  # fmt: skip
SUPERLATIVES_DE: dict[str, str | None] = {
    "größte": None, "grösste": None, "stärkste": None, "kräftigste": None, "deutlichste": None,
    "heftigste": None, "steilste": None, "massivste": None, "höchste": "up", "tiefste": "down",
    "niedrigste": "down", "beste": "up", "schlechteste": "down", "schwerste": "down",
    "längste": None, "herbste": "down",
    "schwächste": "down",
}  # fmt: skip
SUPERLATIVES = {**SUPERLATIVES_EN, **SUPERLATIVES_DE}
# nouns a superlative ranks: noun -> (record kind, direction); "move" one session, "week" a week
MOVE_NOUNS: dict[str, tuple[str, str | None]] = {
    **{w: ("move", "up") for w in (
        "gain gains rise rises jump rally advance increase surge climb rebound bounce leap spike "
        "upswing Anstieg Kursanstieg Tagesgewinn Tagesplus Kurssprung Tagessprung Sprung Zuwachs Plus "
        "Kursplus Kursgewinn Erholung Rally Kursrally Aufschlag Kursfeuerwerk").split()},
    **{w: ("move", "down") for w in (
        "drop drops fall falls decline declines loss losses slide plunge selloff sell-off slump "
        "tumble retreat dip decrease rout crash downturn Rückgang Kursrückgang Verlust Rückschlag "
        "Kursverlust Tagesverlust Minus Tagesminus Einbruch Kurseinbruch Absturz Kurssturz "
        "Kursrutsch Rutsch Abschlag Ausverkauf").split()},
    **{w: ("move", None) for w in (
        "move day session performance showing trading day Tag Handelstag Börsentag Sitzung "
        "Handelssitzung Tagesbewegung Kursbewegung Performance").split()},
    **{w: ("week", None) for w in ("week Woche Börsenwoche Handelswoche").split()},
    **{w: ("week", "up") for w in ("Wochengewinn Wochenplus").split()},
    **{w: ("week", "down") for w in ("Wochenverlust Wochenminus").split()},
    **{w: ("month", None) for w in ("month Monat Börsenmonat Handelsmonat").split()},
    **{w: ("month", "up") for w in ("Monatsgewinn Monatsplus").split()},
    **{w: ("month", "down") for w in ("Monatsverlust Monatsminus").split()},
    **{w: ("quarter", None) for w in ("quarter Quartal").split()},
    **{w: ("quarter", "up") for w in ("Quartalsplus",)},
    **{w: ("quarter", "down") for w in ("Quartalsminus",)},
    **{w: ("year", None) for w in ("year Jahr Börsenjahr").split()},
    **{w: ("year", "up") for w in ("Jahresplus",)},
    **{w: ("year", "down") for w in ("Jahresminus",)},
}  # fmt: skip
# a move noun's period: the record it makes (one session unless named here)
PERIOD_RECORDS = {"week": "week_move", "month": "month_move", "quarter": "quarter_move",
                  "year": "year_move"}  # fmt: skip
MOVE_NOUNS["trading day"] = ("move", None)
# runs a superlative ranks by length ("its longest winning streak since 2021", "die längste
# Verlustserie seit 2019"): noun -> direction (None: the clause's verb says)
STREAK_NOUNS: dict[str, str | None] = {
    **{w: "up" for w in (
        "winning streak", "win streak", "winning run", "run of gains", "rally streak",
        "Gewinnserie", "Erfolgsserie", "Siegesserie", "Gewinnsträhne")},
    **{w: "down" for w in (
        "losing streak", "losing run", "run of losses", "Verlustserie", "Negativserie",
        "Talfahrt", "Pechsträhne")},
    **{w: None for w in ("streak", "run", "Serie", "Strähne")},
}  # fmt: skip
# level nouns after a superlative ("lowest close", "höchster Stand"): noun -> direction
LEVEL_NOUNS: dict[str, str | None] = {
    **{w: None for w in (
        "level levels close closing level finish reading value price Stand Niveau Schlusskurs "
        "Schlusswert Schlussstand Kurs Kursniveau Wert Indexstand").split()},
    **{w: "up" for w in "high peak Hoch Höchststand".split()},
    **{w: "down" for w in "low trough bottom Tief Tiefstand Tiefststand".split()},
}  # fmt: skip
LEVEL_NOUNS["closing level"] = None
# words between a superlative and its noun: "one-day", "weekly" (then a week), "closing"
_MODIFIERS = (
    r"one-day|single-day|one day|single day|one-session|single-session|daily|intraday|"
    r"closing|trading|percentage|percent|weekly|one-week|monthly|quarterly|annual|yearly|"
    r"prozentualen|prozentuale"
)
PERIOD_MODIFIERS = {
    "weekly": "week",
    "one-week": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annual": "year",
    "yearly": "year",
}
CLOSE_WORDS = (
    r"closed|closes|close|closing|settled|Schluss|Schlusskurs|Schlusswert|Schlussstand|schloss|"
    r"schlossen|geschlossen|Handelsschluss|Schluss-Rekord|Schlussrekord|Rekordschluss"
)
INTRADAY_WORDS = (
    r"intraday|during the day|throughout the day|at one point|in morning trading|in early trading|"
    r"in early trade|as much as|as high as|as low as|in der Spitze|zeitweise|zwischenzeitlich|"
    r"im frühen Handel|im Handelsverlauf|im Tagesverlauf|nach Handelsbeginn|kurzzeitig|"
    r"im Laufe des Tages|bis auf|bis zu"
)
_SUPER_DE = rf"(?:{_alt(SUPERLATIVES_DE)})[nmrs]?"
_SUPER_EN = _alt(SUPERLATIVES_EN)
_GERMAN_ENDING = r"(?:es|en|e|s|n)?"

# the superlative head: "den größten Tagesverlust", "its best single-day performance", "highest"
RECORD_RE = (
    rf"(?P<pre>bis dahin\s+|bisher\s+)?(?P<sup>{_SUPER_EN}|{_SUPER_DE})"
    rf"(?P<mods>(?:[\s-]+(?:{_MODIFIERS}))*)"
    rf"(?:\s+(?P<noun>{_alt([*MOVE_NOUNS, *LEVEL_NOUNS, *STREAK_NOUNS])}){_GERMAN_ENDING})?"
)
# record level words: "record low", "all-time high", "a 10-month low", "52-week high", "new high"
_EN_MARK = (
    r"record|all-time|all time|fresh|new|multi-year|multiyear|year-to-date|annual|yearly|"
    rf"(?P<n>{_NUM})[- ](?P<unit>month|year|week|day|session)|52-week"
)
_EN_LEVEL = (
    rf"(?:(?P<marks>(?:(?:{_EN_MARK})[\s-]+){{1,3}})(?P<closing>closing\s+|intraday\s+)?|"
    r"(?P<closing2>closing|intraday)\s+)"
    r"(?P<lvl>highs?|lows?|troughs?|peaks?|bottoms?|closes?|closing highs?|closing lows?)"
)
_DE_PREFIX = (
    rf"(?P<dn>\d{{1,3}}|{_alt(w.capitalize() for w in _NUMBERS)}|{_alt(_NUMBERS)})-?"
    r"(?P<du>Monats|monats|Jahres|jahres|Wochen|wochen|Tages|tages)-?|"
    r"Rekord|Allzeit|Jahres|Mehrjahres|Mehr-Jahres-|52-Wochen-"
)
_DE_LEVEL = (
    rf"(?P<dpre>{_DE_PREFIX})(?P<dlvl>hoch|tief|Hoch|Tief|höchststand|tiefststand|stand|niveau|"
    r"(?<!Jahres)(?<!jahres)schluss|kurs)s?|(?P<dplain>Höchststand|Tiefststand|Tiefstand)(?:e?s)?|"
    r"(?P<dnew>(?:neue[nmrs]?|weitere[nmrs]?|frische[nmrs]?)\s+)"
    r"(?P<dnoun>Hoch|Tief|Rekord)(?:e?s)?|"
    r"(?P<dart>(?:ein|einem|einen)\s+)(?P<dbare>Hoch|Tief)(?:e?s)?|"
    r"(?P<dclose>Schluss-Rekord|Schlussrekord|Rekordschluss|Rekord zum Schlusskurs)"
)
# "record" as the adjective of a closing level: "closed at a record 6,173.07", "ended the day at
# a new record $150.20" (the level is the number after it). Without a closing verb ("rose 2% at a
# record $193.97") the number is read as the level only: it may be an intraday print
_RECORD_LEVEL = (
    r"(?<![\w-])(?:closed|closes|close|closing|ended|ends|finished|finishes|settled|settles)\s+"
    r"(?:[\w.]+\s+){0,2}?at\s+(?:a|an)\s+(?:new\s+|fresh\s+)?"
    r"(?P<rword>record)(?=\s+(?:US\$|HK\$|\$|€)?\d)"
)
# "record" as an appositive after a closing level: "closed at 6,090.27 on Friday, a record",
# "schloss bei 20.426 Punkten, ein neuer Rekord" (the level before it, on its close)
_RECORD_AFTER = (
    r"(?<![\w-])(?:closed|closes|ended|ends|finished|finishes|settled|settles|schloss|"
    r"schlossen|beendete|beendeten)\s+(?:[^.;:!?]|\.(?=\d)){0,80}?\d(?:[^.;:!?,]|[.,](?=\d)){0,40}?"
    r",\s+(?P<rword>(?:a|an|ein|einen)\s+(?:new\s+|fresh\s+|neuer\s+|neuen\s+)?"
    r"(?:record|Rekord))(?=\s*(?:[.;:!?]|$))"
)
_THRESHOLD = (
    r"(?P<first>erstmals|zum ersten Mal|for the first time|the first time|first time|"
    r"(?:its|their|the) first (?:close|finish) (?P<fdir>above|below|under|over))"
)
_STREAK_EN = (
    rf"(?P<n1>{_NUM})\s+(?:consecutive|straight|successive)\s+(?:trading\s+)?"
    r"(?P<u1>days|sessions)(?:\s+of\s+(?:\w+\s+)?(?P<noun1>losses|gains|declines|advances|"
    r"falls|rises|gains))?|"
    rf"(?:for\s+)?(?:a|an|the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o2>{_ORD})[\s-](?:consecutive|straight|successive)"
    r"[\s-](?:trading\s+)?(?P<u2>day|session)(?:\s+of\s+(?:\w+\s+)?(?P<noun2>losses|gains|"
    r"declines|advances|falls|rises))?|"
    rf"(?:a|an|the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o9>{_ORD})[\s-](?:consecutive|straight|successive)\s+"
    r"(?:daily\s+|one-day\s+)?(?P<noun9>losses|loss|gains|gain|declines|decline|advances|advance|drop|rise)|"
    rf"(?P<n3>{_NUM})-(?:day|session)\s+(?P<noun3>losing|winning)\s+streak|"
    rf"(?P<n4>{_NUM})\s+(?:days|sessions)\s+in\s+a\s+row|"
    rf"(?P<noun10>losing|winning)\s+streak\s+to\s+(?P<n10>{_NUM})\s+(?:trading\s+)?(?:days|sessions)|"
    rf"(?:a|an|the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o5>{_ORD})\s+(?:day|session)\s+in\s+a\s+row|"
    # "its fifth loss in a row", "the iPhone maker's fourth in a row" (the noun left out)
    rf"(?:the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o22>{_ORD})\s+(?:(?P<noun22>gain|loss|decline|"
    r"drop|advance|rise|fall|win|increase|retreat|rally)s?\s+)?in\s+a\s+row|"
    # "extending a three-session slide", "snapping a five-day winning streak"
    r"(?<=\s)(?:a|an|its|their)\s+"
    rf"(?P<n23>{_NUM})-(?:session|day|trading-day)\s+(?P<noun23>slide|skid|losing\s+streak|"
    r"winning\s+streak|decline|selloff|sell-off|rally|advance|losing\s+run|winning\s+run)"
    r"(?!\s+(?:of|von)\b)"
)
# streaks of weeks and months: "the fifth straight weekly gain", "rose for a third straight
# week", "three consecutive months of losses", "den vierten Monatsgewinn in Folge", "die dritte
# Woche in Folge", "vier Monate in Folge"
_PERIOD_NOUNS_EN = (
    r"gains|gain|losses|loss|declines|decline|advances|advance|drops|drop|rises|rise|falls|fall|"
    r"increases|increase|decreases|decrease|rally|slide"
)
_STREAK_PERIOD = (
    rf"(?:a|an|the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o13>{_ORD})[\s-](?:consecutive|straight|successive)[\s-]"
    rf"(?:weekly|monthly)\s+(?P<noun13>{_PERIOD_NOUNS_EN})|"
    rf"(?:a|an|the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o14>{_ORD})[\s-](?:consecutive|straight|successive)[\s-]"
    rf"(?:week|month)(?:\s+of\s+(?P<noun14>{_PERIOD_NOUNS_EN}))?|"
    rf"(?P<n15>{_NUM})\s+(?:consecutive|straight|successive)\s+(?:weeks|months)"
    rf"(?:\s+of\s+(?:\w+\s+)?(?P<noun15>{_PERIOD_NOUNS_EN}))?|"
    rf"(?P<n16>{_NUM})\s+(?:weeks|months)\s+in\s+a\s+row|"
    rf"(?:a|an|the|its|their|[\w.&-]+(?:'s|’s))\s+(?P<o17>{_ORD})\s+(?:week|month)\s+in\s+a\s+row|"
    rf"(?P<o18>{_ORD})\s+(?:Wochen|Monats)(?P<noun18>gewinn|verlust|plus|minus|anstieg|rückgang)"
    r"e?s?\s+(?:in\s+Folge|hintereinander|nacheinander|in\s+Serie)|"
    rf"(?P<n19>{_NUM})\s+(?:Wochen|Monats)(?P<noun19>gewinne|verluste|anstiege|rückgänge)n?\s+"
    r"(?:in\s+Folge|hintereinander|nacheinander|in\s+Serie)|"
    rf"(?:die|der|den|zum|in\s+der|im)\s+(?P<o20>{_ORD})[nm]?\s+(?:Woche|Monat)e?s?\s+"
    r"(?:in\s+Folge|hintereinander|nacheinander)|"
    rf"(?P<n21>{_NUM})\s+(?:Wochen|Monate|Monaten)\s+(?:in\s+Folge|hintereinander|nacheinander)"
)
_STREAK_DE = (
    rf"zum\s+(?P<o6>{_ORD})\s+Mal\s+(?:in\s+Folge|hintereinander|nacheinander|in\s+Serie)|"
    rf"(?P<n11>{_NUM})[- ]?tägige[nrs]?\s+(?P<noun11>Verlust|Gewinn|Kursgewinn|Kursverlust)serie|"
    r"(?P<noun12>Verlust|Gewinn|Kursgewinn|Kursverlust)serie\s+(?:\w+\s+){0,3}?(?:auf|von)\s+"
    rf"(?P<n12>{_NUM})\s+(?:Handels|Börsen)?(?:tage|Tage|Tagen|Sitzungen)|"
    rf"(?P<n7>{_NUM})\s+(?:Handels|Börsen)?(?:tage|Tage|Tagen|Sitzungen)\s+"
    r"(?:in\s+Folge|hintereinander|nacheinander|in\s+Serie)|"
    rf"(?:den|am|der|die|zum)\s+(?P<o8>{_ORD})\s+(?P<noun8>Handelstag|Börsentag|Tag|Verlusttag|"
    r"Gewinntag|Tagesverlust|Tagesgewinn|Tagesminus|Tagesplus|Sitzung)e?s?\s+"
    r"(?:in\s+Folge|hintereinander|nacheinander|in\s+Serie)"
)
# "so tief wie seit 2016 nicht mehr", "a level not seen since 2009", "last seen in 2009"; the
# negated comparative "so stark waren sie seit März 2020 nicht mehr gestiegen", "hadn't risen
# this much since" (a move; its verb gives the direction)
_SO = r"hoch|hoh(?=e)|tief|niedrig|teuer|billig|günstig|stark|kräftig|deutlich|viel|schwach|heftig|steil"
_UP_VERBS = (
    "risen rallied gained jumped climbed surged advanced soared rebounded gestiegen geklettert "
    "gesprungen zugelegt gewonnen"
)
_DOWN_VERBS = (
    "fallen dropped lost declined slumped tumbled plunged sunk sank slid gefallen gesunken "
    "verloren eingebrochen abgerutscht abgesackt nachgegeben"
)
UP_VERBS, DOWN_VERBS = set(_UP_VERBS.split()), set(_DOWN_VERBS.split())
_NOT = r"(?:has|had|have)(?:n't|n’t|\s+not)"
# German comparatives of a negated record, as the "so" word they stand for
COMPARATIVES = {
    "größer": "stark", "grösser": "stark", "stärker": "stark", "kräftiger": "stark",
    "heftiger": "stark", "schwerer": "stark", "deutlicher": "stark", "höher": "hoch",
    "tiefer": "tief", "niedriger": "tief",
}  # fmt: skip
_AS_SINCE = (
    # "so tief wie zuletzt im März 2020", "einen so kräftigen Tagesgewinn ... zuletzt im November
    # 2020": the last time was then, so the record runs after it
    rf"so\s+(?P<last>{_SO})(?:e[nmrs]?)?\s+(?:wie\s+|(?:[\w-]+\s+){{1,5}}?)(?=zuletzt\s)|"
    rf"so\s+(?P<so>{_SO})\s+wie\s+|"
    rf"so\s+(?P<neg>{_SO})(?:e[nmrs]?)?\s+(?:[\w-]+\s+){{1,4}}?"
    r"(?=seit\s|im\s+(?:gesamten\s+)?(?:bisherigen\s+)?Jahresverlauf)|"
    # "so teuer war sie nie zuvor", "so hoch wie noch nie": all time
    rf"so\s+(?P<never>{_SO})(?:e[nmrs]?)?\s+(?:[\w-]+\s+){{1,4}}?(?=(?:noch\s+)?nie\s+zuvor|noch\s+nie)|"
    # "Einen größeren Tagesverlust hatte das Papier seit 2000 nicht erlitten"
    rf"(?P<cmp>{_alt(COMPARATIVES)})e[nmrs]?\s+(?:[\w-]+\s+){{1,6}}?(?=seit\s)|"
    # "Niedriger hatte das Papier zuletzt im April 2021 geschlossen", "Einen heftigeren
    # Tagesverlust hatte der Leitindex zuletzt Mitte Dezember erlitten"
    rf"(?P<cmpl>{_alt(COMPARATIVES)})(?:e[nmrs]?)?\s+(?:[\w-]+\s+){{1,5}}?(?=zuletzt\s)|"
    r"(?P<seen>not seen|unseen|last seen)(?=\s+(?:since|in)\s)|"
    rf"{_NOT}\s+been\s+(?:this|so)\s+(?P<been>high|low)(?=\s+since\s)|"
    rf"{_NOT}\s+"
    rf"(?P<verb>{_alt([*UP_VERBS, *DOWN_VERBS])})\s+(?:this|that|so)\s+"
    r"(?:much|sharply|steeply|far|hard)(?:\s+in\s+(?:a|one)\s+(?:single\s+)?(?:day|session))?"
    r"(?=\s+since\s)"
)
# what ends a negated comparative after its window: "seit März 2020 nicht mehr (gestiegen)"
NOT_SINCE = r"\s+(?:[\w-]+\s+){0,2}?nicht(?:\s+mehr)?(?:\s+(?P<nverb>[\w-]+))?"
# "the intraday record for a single-day gain"
_RECORD_FOR = (
    r"(?P<current>current\s+)?(?P<rbasis>closing\s+|intraday\s+)?record\s+for\s+a\s+"
    r"(?:one-day|single-day|one day|single day|daily)\s+(?P<rnoun>drop|fall|decline|loss|gain|"
    r"rise|jump|advance)"
)
# cheap first tests (lower-case substrings): a pattern runs only on a sentence holding one of its
# stems, and a sentence holding none of them holds no record
GATES: dict[str, tuple[str, ...]] = {
    "superlative": (
        "größt", "grösst", "stärkst", "kräftigst", "deutlichst", "heftigst", "steilst",
        "massivst", "höchst", "tiefst", "niedrigst", "beste", "schlechtest", "schwerst",
        "schwächst", "biggest", "largest", "greatest", "sharpest", "steepest", "strongest",
        "heaviest", "deepest", "worst", "weakest", "best", "highest", "lowest", "most ", "herbst",
        "längst", "longest",
    ),
    "level_en": ("high", "low", "trough", "peak", "bottom", "close"),
    "level_de": ("hoch", "tief", "rekord", "höchststand"),
    "threshold": ("erstmals", "ersten mal", "first time", "first close", "first finish"),
    "streak": (
        "consecutive", "straight", "successive", "in a row", "in folge", "hintereinander",
        "nacheinander", "slide", "skid", "selloff", "sell-off", "-day rally", "-session rally",
        "-day advance", "-session advance", "-day decline", "-session decline",
        "in serie", "streak", "serie",
    ),
    "as_since": (
        "so hoch", "so hoh", "so tief", "so niedrig", "so teuer", "so billig", "so günstig", "so stark",
        "so kräftig", "so deutlich", "so viel",
        "so schwach", "so heftig", "so steil", "not seen", "last seen", "unseen", "hasn't",
        "größer", "grösser", "stärker", "kräftiger", "heftiger", "schwerer", "deutlicher",
        "höher", "tiefer", "niedriger",
        "hadn't", "haven't", "hasn’t", "hadn’t", "haven’t", "has not", "had not", "have not",
    ),
    "record_for": ("record for",),
    "record_level": ("record ",),
    "record_after": (
        ", a record", ", a new record", ", a fresh record", ", ein rekord", ", ein neuer rekord",
        ", einen neuen rekord", ", einen rekord",
    ),
}  # fmt: skip
ANY_GATE = tuple(sorted({stem for stems in GATES.values() for stem in stems}))


@functools.cache
def _gate_automaton() -> Any:
    """One Aho-Corasick automaton over every stem, each mapped to the gates it opens."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    owners: dict[str, set[str]] = {}
    for name, stems in GATES.items():
        for stem in stems:
            owners.setdefault(stem, set()).add(name)
    for stem, names in owners.items():
        automaton.add_word(stem, frozenset(names))
    automaton.make_automaton()
    return automaton


def open_gates(lower: str) -> set[str]:
    """The gates whose stems occur in a lower-case sentence (one pass)."""
    found: set[str] = set()
    for _, names in _gate_automaton().iter(lower):
        found |= names
    return found


# the mark a first crossing passes: "über die 100-US-Dollar-Marke", "below $100", "unter 15000"
MARK_RE = (
    r"(?P<mdir>über|oberhalb|unter|unterhalb|above|below|under|over|beyond|past|through)\s+"
    r"(?:(?:die|der|den|the)\s+)?(?:(?:Marke|Schwelle|mark|level|threshold)\s+(?:von|of)\s+)?"
    r"(?:US\$|HK\$|\$|€)?\s?(?P<mnum>\d[\d.,]*\d|\d)|"
    r"(?P<mverb>überschritt\w*|übersprang|durchbrach|knackte|crossed|topped|broke through|"
    r"surpassed|breached)\s+(?:\S+\s+){0,4}?(?:die|der|den|the)\s+(?P<mnum2>\d[\d.,]*\d|\d)"
)
SNAP_RE = (
    r"snap|snapping|snapped|ending|ended|end|breaking|broke|break|halting|halted|beendete|"
    r"beendet|stoppte"
)


# ---- context around a head -----------------------------------------------------------------
# a level word after these refers to an earlier record ("since reaching its annual peak",
# "from its March 4 record close", "im Vergleich zum Rekordhoch", "dieser Rekord"), or a level
# near one ("just shy of its record close", "within 1% of its all-time high", "nahe ihrem
# Rekordhoch"): no claim
BACK_REFERENCE = (
    r"(?<![\w-])(?:(?:dies|bisherig|alt|vorherig|früher)\w*|previous|prior|old|"
    r"Vergleich\s+zu[mr]?|compared\s+(?:with|to)|vom|beim|(?:since|seit|from|von|off|below|above|"
    r"unter|über|reaching|erreichte[n]?)\s+(?:its|the|their|dem|den|seinem|ihrem)|"
    r"(?:shy\s+of|short\s+of|near|nearer|close\s+to|closer\s+to|within\s+\S+\s+of|nahe|"
    r"in\s+der\s+Nähe|unweit)\s+(?:a|an|einem|its|the|their|seinem|ihrem|seines|ihres|des|dem))"
    r"\s+(?:[\w.]+\s+){0,2}$"
)
# the verb a first crossing qualifies ("schloss am Freitag zum ersten Mal"): its span starts there
CROSSING_VERBS = (
    r"(?<![\w-])(?:schloss|schlossen|closed|ended|endete|settled|notierte|notierten|stand|lag|"
    r"traded|finished)(?![\w-])"
)
# words right before a record that say whose price it is: "to close at a record high", "the
# stock's steepest drop", "die Aktie schloss auf einem Rekordhoch"
PRICE_OWNER = (
    r"(?<![\w-])(?:(?:stock|shares|share price|index)(?:'s|’s|'|’)\s+|"
    r"(?:close|closed|closing|finish|finished|settle|settled|schloss|schlossen)\s+"
    r"(?:at|on|auf|bei)\s+(?:a|an|the|its|their|einem|einen|dem|den|ein)\s+"
    r"(?:(?:new|fresh|neue[mnrs]?)\s+)?)$"
)
# what an economic series' record or streak is about, and what a price's is: the nearer one
# before the record words owns it ("the purchasing managers' index rose to 52.6, the highest
# since 2012", "manufacturing contracted for a fifth straight month", "raised its benchmark rate
# by half a point, the biggest increase since 2000")
ECONOMY_OR_PRICE = (
    r"(?<![\w-])(?:(?P<economy>Einkaufsmanagerindex\w*|purchasing managers['’]? index|PMI|"
    r"manufacturing|Industrie|industry|factory|factories|Konjunktur\w*|economy|Wirtschaft|"
    r"inflation|Inflation\w*|Teuerung|consumer prices|Verbraucherpreise|prices|Preise|"
    r"(?:benchmark|interest|policy|key) rates?|Leitzins\w*|Zins\w*|Fed|Federal Reserve|"
    r"central bank|Notenbank|EZB|ECB|unemployment|jobless\w*|Arbeitslos\w*|payrolls|jobs|"
    r"GDP|BIP|Bruttoinlandsprodukt|retail sales|Einzelhandel\w*|exports|Exporte|imports|"
    r"Importe|orders|Aufträge|Auftragseingang|sentiment|confidence|Geschäftsklima|ifo|"
    r"housing starts|yields?|Renditen?)|"
    r"(?P<price>Aktien?|Papiere?|Titel|Kurs\w*|Index|Leitindex|shares|stocks?|index|gauge|"
    r"benchmark))(?![\w-])"
)
FROM_A = r"(?:from|von)\s+(?:a|an|einem)\s+$"  # "from a 15-month low": the session before
WHEN = r"^\W*(?:when|als|wo)\b"  # "since May 2, 2019, when it lost 12%"
# a window extreme's number: "Jahreshoch von/bei 5.767", "low of 2021: 2,950.4"; or before it,
# "Bei 4.210 Punkten lag das Jahreshoch"
NUMBER_AFTER = (
    r"(?:\s+(?:des|der|von|of)\s+[\w&-]+(?:\s+\d+)?)?"
    r"(?:\s+(?:liegt|lag|steht|stand|beträgt|betrug|is|was|stands|stood)(?:\s+(?:bei|at))?|"
    r"\s*(?::|von|of|bei|at|=))\s*(?:US\$|HK\$|\$|€)?\s?(?=\d)"
)
NUMBER_BEFORE = r"(?:bei|at|mit)\s+(?P<num>\d[\d.,]*)\s*(?:\w+\s+){0,5}$"
NUMERAL = r"(?<![\w.,])\d+(?:[.,]\d+)*"


class RecordLexicon:
    """The compiled patterns of this module."""

    def __init__(self) -> None:
        self.superlative = re.compile(rf"{_W}(?:{RECORD_RE}){_E}", re.IGNORECASE)
        self.level_en = re.compile(rf"{_W}(?:{_EN_LEVEL}){_E}", re.IGNORECASE)
        self.level_de = re.compile(rf"{_W}(?:{_DE_LEVEL}){_E}")
        self.threshold = re.compile(rf"{_W}{_THRESHOLD}{_E}", re.IGNORECASE)
        self.streak = re.compile(
            rf"{_W}(?:{_STREAK_PERIOD}|{_STREAK_EN}|{_STREAK_DE}){_E}", re.IGNORECASE
        )
        self.period_unit = re.compile(r"week|woche|month|monat", re.IGNORECASE)
        self.as_since = re.compile(rf"{_W}(?:{_AS_SINCE})", re.IGNORECASE)
        self.record_for = re.compile(rf"{_W}(?:{_RECORD_FOR}){_E}", re.IGNORECASE)
        self.record_level = re.compile(_RECORD_LEVEL, re.IGNORECASE)
        self.record_after = re.compile(_RECORD_AFTER, re.IGNORECASE)
        self.window = re.compile(rf"(?:{WINDOW_RE}){_E}", re.IGNORECASE)
        self.period = re.compile(rf"(?:{PERIOD_RE}){_E}", re.IGNORECASE)
        self.event_day = re.compile(rf"{_W}(?:{EVENT_DAY_RE}){_E}", re.IGNORECASE)
        self.mark = re.compile(rf"{_W}(?:{MARK_RE})", re.IGNORECASE)
        self.snap = re.compile(rf"{_W}(?:{SNAP_RE}){_E}", re.IGNORECASE)
        self.close = re.compile(rf"{_W}(?:{CLOSE_WORDS}){_E}", re.IGNORECASE)
        self.intraday = re.compile(rf"{_W}(?:{INTRADAY_WORDS}){_E}", re.IGNORECASE)
        self.record_word = re.compile(
            rf"{_W}(?:record|Rekord\w*|all-time|Allzeit\w*){_E}", re.IGNORECASE
        )
        # a gap between a head and its window may not cross a clause or another figure
        self.back_reference = re.compile(BACK_REFERENCE, re.IGNORECASE)
        self.crossing_verb = re.compile(CROSSING_VERBS, re.IGNORECASE)
        self.from_a = re.compile(FROM_A, re.IGNORECASE)
        self.not_since = re.compile(NOT_SINCE, re.IGNORECASE)
        self.price_owner = re.compile(PRICE_OWNER, re.IGNORECASE)
        self.economy_or_price = re.compile(ECONOMY_OR_PRICE)
        self.when = re.compile(WHEN, re.IGNORECASE)
        self.number_after = re.compile(NUMBER_AFTER, re.IGNORECASE)
        self.number_before = re.compile(NUMBER_BEFORE, re.IGNORECASE)
        self.numeral = re.compile(NUMERAL)
        self.gap_stop = re.compile(
            rf"{_W}(?:and|und|but|aber|while|während|nachdem|after|before|bevor|when|which|that|"
            rf"target|Kursziel|estimate|forecast|Prognose){_E}",
            re.IGNORECASE,
        )


RECORDS = RecordLexicon()
