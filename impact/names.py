"""Company and index names as news writes them: aliases derived by rule, and the cues that tell a
company name from the ordinary word it also is.

Derived aliases (:func:`derive_aliases`): the source name with a trailing legal form or holding word
dropped, one step at a time ("Alibaba Group Holding Limited" -> "Alibaba Group Holding" ->
"Alibaba Group" -> "Alibaba"); a leading "The" and a share-class note ("(Class A)") are dropped
too, and a trailing first name goes to the front ("Lilly (Eli)" -> "Eli Lilly"). A one-word name
also gets its other capitalisation: all capitals for a capitalised word of three letters or more
("Axa" -> "AXA"), capitalised for an all-capitals word of four or more ("FANUC" -> "Fanuc").
A derived alias shorter than three characters is not kept ("NN Group" stays "NN Group").

A mention may carry a German or English ending, which belongs to its span: genitive -s
("Volkswagens"), possessive 's / ’s, a hyphenated compound ("Siemens-Aktie", "VW-Papiere").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

__all__ = [
    "APPOSITION",
    "COMPANY_COMPOUNDS",
    "COMPANY_FOLLOWERS",
    "Matcher",
    "Mention",
    "NameTable",
    "Rejected",
    "company_cue",
    "derive_aliases",
    "mention_end",
]

# Trailing words dropped one at a time; longest first so "Holdings Limited" goes before "Limited".
_LEGAL = [
    "& Co. KGaA",
    "Aktiengesellschaft",
    "Incorporated",
    "Corporation",
    "Holdings",
    "Holding",
    "Limited",
    "Company",
    "S.p.A.",
    "Group",
    "Corp.",
    "Inc.",
    "Ltd.",
    "N.V.",
    "S.A.",
    "K.K.",
    "& Co.",
    "& Co",
    "Co.,",
    "Co.",
    "GmbH",
    "KGaA",
    "p.l.c.",
    "Corp",
    "Inc",
    "Ltd",
    "PLC",
    "plc",
    "SpA",
    "ASA",
    "Oyj",
    "REIT",
    "(publ)",
    "AG",
    "SE",
    "NV",
    "SA",
    "AB",
    "Co",
]
_TRAILING = re.compile(r"(?:[\s,]+(?:" + "|".join(re.escape(w) for w in _LEGAL) + r"))\s*,?\s*$")
_CLASS_NOTE = re.compile(r"\s*\((?:Class [A-Z]|The|[a-z ]+)\)\s*$")
_PREFIX_NOTE = re.compile(r"^(.+?)\s*\((The|[A-Z][a-z]+)\)\s*$")
_CLASS_WORDS = re.compile(r"\s+Class [A-Z]\s*$")
_LEADING_THE = re.compile(r"^The\s+")
MIN_DERIVED = 3


def derive_aliases(name: str) -> tuple[str, ...]:
    """Shorter forms of a source name by the rules in the module docstring (the name excluded)."""
    out: list[str] = []
    start = _PREFIX_NOTE.sub(r"\2 \1", name.strip())  # "Lilly (Eli)" -> "Eli Lilly"
    current = _CLASS_WORDS.sub("", _CLASS_NOTE.sub("", start))
    seen = {name.strip()}

    def keep(value: str) -> None:
        value = value.strip().rstrip(",").strip()
        if len(value) >= MIN_DERIVED and value not in seen:
            seen.add(value)
            out.append(value)

    keep(start)
    keep(current)
    while True:
        without_the = _LEADING_THE.sub("", current)
        if without_the != current:
            keep(without_the)
        shorter = _TRAILING.sub("", current)
        if shorter == current or not shorter.strip():
            break
        current = shorter.strip().rstrip(",").strip()
        keep(current)
        keep(_LEADING_THE.sub("", current))
    for word in [w for w in (name.strip(),) if " " not in w and w.isalpha()]:
        if word.istitle() and len(word) >= 3:
            keep(word.upper())  # "Axa" -> "AXA"
        elif word.isupper() and len(word) >= 4:
            keep(word.capitalize())  # "FANUC" -> "Fanuc", "BASF" -> "Basf"
    return tuple(out)


# Words that, joined by a hyphen or written right after a name, make it a company: "Shell-Aktie",
# "Next shares". Lower case; a compound counts when its second part starts with one of them.
COMPANY_COMPOUNDS = (
    "aktie",
    "papier",
    "titel",
    "konzern",
    "chef",
    "vorstand",
    "aktionär",
    "kurs",
    "börsenwert",
    "gruppe",
    "tochter",
    "mutter",
    "zentrale",
    "sprecher",
    "manager",
    "mitarbeiter",
    "umsatz",
    "gewinn",
    "quartal",
    "bilanz",
    "dividende",
    "führung",
    "ceo",
    "werk",
    "shares",
    "stock",
)
COMPANY_FOLLOWERS = frozenset(
    {
        "shares",
        "stock",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "plc",
        "PLC",
        "AG",
        "SE",
        "Aktie",
        "Aktien",
        "Papiere",
        "CEO",
        "Chef",
        "Chefin",
        "Konzern",
    }
)
# A noun right before the name that says what it is: "des Autobauers Volkswagen", "retailer Next".
APPOSITION = re.compile(
    r"(?:(?:Aktien?|Papiere|Anteile|shares|stock)\s+(?:von|der|des|of|in)|"
    r"\w*(?:konzerns?|herstellers?|bauers?|händlers?|versicherers?|riesen?|unternehmens?|"
    r"gruppe|firma|anbieters?|betreibers?|kette|zulieferers?)|Aktien?|Papiere|company|giant|"
    r"maker|retailer|insurer|group|firm|lender|chipmaker|airline|carrier|operator|"
    r"conglomerate|miner|supplier|grocer|major)\s+$",
    re.IGNORECASE,
)
_COMPOUND = re.compile(r"-[A-Za-zÄÖÜäöüß]+")
# an exchange's name used as the exchange: a ticker prefix or a venue compound
_VENUE_USE = re.compile(
    r"\s*:\s*[A-Z0-9]|-(?:Handel|Börse|Markt|listed|notiert|gelistet|traded|Parkett)|"
    # a member of the index, not the index: "des Dax-Schwergewichts", "der Dax-Konzern"
    r"-(?:Schwergewicht|Konzern|Wert|Werte|Titel|Mitglied|Unternehmen|Neuling|Aufsteiger|"
    r"Absteiger|Firma|Primus|Liebling|Spitzenreiter|Schlusslicht|Chipkonzern|Autobauer|"
    r"Versicherer|Chemiekonzern|Softwarekonzern)"
)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch in "_&"


def mention_end(text: str, end: int) -> int | None:
    """Where a mention whose alias ends at ``end`` ends, with its ending ('s, s, -Compound);
    None when the alias runs on into a longer word ("Nextera" is no "Next")."""
    n = len(text)
    if end >= n:
        return end
    c = text[end]
    if c in "'’" and text[end + 1 : end + 2] == "s" and (end + 2 >= n or not _word(text[end + 2])):
        return end + 2
    if c == "s" and (end + 1 >= n or not _word(text[end + 1])):
        return end + 1
    if c == "-":
        m = _COMPOUND.match(text, end)
        if m and (m.end() >= n or not _word(text[m.end()])):
            return m.end()
    return None if _word(c) else end


# ---- finding mentions ------------------------------------------------------------------------

MentionHow = Literal[
    "alias",
    "ticker",
    "compound",
    "company_word",
    "apposition",
    "market_verb",
    "index_named",
    "named_elsewhere",
    "preferred",
]
_HOW_TEXT = {
    "alias": "the name is unambiguous",
    "ticker": "a ticker with its exchange",
    "compound": "a company compound",
    "company_word": "a company word after it",
    "apposition": "what it is, written before it",
    "market_verb": "a market verb right after it",
    "index_named": "an index it belongs to, named in the sentence",
    "named_elsewhere": "the text names this company unambiguously elsewhere",
    "preferred": "no cue decides; the registry's preference",
}
MARKET_VERBS = frozenset(
    "rose fell gained lost jumped slumped dropped climbed slid surged tumbled rallied sank soared "
    "plunged reported posted stieg stiegen fiel fielen verlor verloren gewann gewannen legte "
    "legten sank sanken kletterte kletterten rutschte rutschten sackte sackten brach brachen "
    "meldete schloss schlossen notierte notierten büßte büßten gab gaben".split()
)
ARTICLES = frozenset(
    "the a an this that its der die das den dem des ein eine einer eines einem im am vom zum zur "
    "beim ins".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([\w.]+)")
# a name coordinated with another before their verb: "Allianz und Siemens gaben … ab"
_COORDINATED = re.compile(r"[ \t]+(?:und|and|sowie)[ \t]+(?:[A-ZÄÖÜ][\w.&-]*[ \t]+){1,3}(\w+)")
_PREV_WORD = re.compile(r"([\w]+)[ \t]+$")
_TICKER_AFTER = re.compile(r"\s*\((?:[A-Za-z]+\s*:\s*)?[A-Z0-9][A-Z0-9.\-]{0,9}\)")


class Mention(NamedTuple):
    """A name found in a text: its span (ending included), the entity, and how it was decided.
    (A named tuple: an article makes dozens, and a tuple is built in C.)"""

    start: int
    end: int
    entity: str
    alias: str
    how: MentionHow
    cue: str = ""
    others: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        text = _HOW_TEXT[self.how] + (f": {self.cue!r}" if self.cue else "")
        if self.others:
            text += f" (the name also fits {', '.join(self.others)})"
        return text


@dataclass(frozen=True, slots=True)
class Rejected:
    """A name that matched but was read as an ordinary word (or a prefix), and why."""

    start: int
    end: int
    alias: str
    candidates: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class NameTable:
    """What the matcher knows: alias -> entities (preferred first) and the curated word lists."""

    aliases: dict[str, tuple[str, ...]]
    ordinary: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    memberships: dict[str, frozenset[str]] = field(default_factory=dict)
    indices: frozenset[str] = frozenset()


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough bounds of the sentence around [start, end): at most 300 characters either side."""
    lo = max(
        text.rfind(". ", max(0, start - 300), start), text.rfind("\n", max(0, start - 300), start)
    )
    lo = lo + 1 if lo >= 0 else max(0, start - 300)
    ends = [i for i in (text.find(". ", end, end + 300), text.find("\n", end, end + 300)) if i >= 0]
    return lo, min(ends) if ends else min(len(text), end + 300)


# words of a company's report: a sentence that names an ordinary-word company with one of them
# speaks of the company ("Die Allianz hat im zweiten Quartal ein operatives Ergebnis ... erzielt")
CORPORATE_WORDS = re.compile(
    r"(?<!\w)(?:Quartal|Quartals|Geschäftsjahr|operative[ns]? Ergebnis|Nettogewinn|Umsatz|"
    r"Jahresprognose|Gewinnprognose|Gewinnwarnung|Dividende|Aktionäre|Hauptversammlung|"
    r"Vorstandschef|Konzernchef|Finanzchef|Quartalszahlen|Bilanz|quarterly|fiscal|revenue|"
    r"net income|operating profit|earnings|guidance|dividend|shareholders|chief executive|"
    r"CEO|CFO|outlook|Ausblick)(?!\w)"
)


def company_cue(text: str, start: int, alias_end: int, end: int) -> tuple[MentionHow, str] | None:
    """A cue next to the name that it is a company: "-Aktie", "shares", "Autobauer X", "(VOW3)"."""
    tail = text[alias_end:end]
    if tail.startswith("-") and tail[1:].lower().startswith(COMPANY_COMPOUNDS):
        return "compound", text[start:end]
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1) in COMPANY_FOLLOWERS:
        return "company_word", after.group(1)
    paren = _TICKER_AFTER.match(text, end)
    if paren:
        return "company_word", paren.group(0).strip()
    before = APPOSITION.search(text, max(0, start - 40), start)
    if before:
        return "apposition", before.group(0).strip()
    prev = _PREV_WORD.search(text, max(0, start - 20), start)
    if (
        after
        and after.group(1) in MARKET_VERBS
        and not (prev and prev.group(1).lower() in ARTICLES)
    ):
        return "market_verb", after.group(1)
    coordinated = _COORDINATED.match(text, end)
    if coordinated and coordinated.group(1) in MARKET_VERBS:
        return "market_verb", coordinated.group(1)
    return None


class Matcher:
    """Every alias at once with an Aho-Corasick automaton; then word boundaries, endings, and cues
    for names that are ordinary words or fit several entities.

    Preference, stated: an ordinary word (``NameTable.ordinary``) is read as the word unless a
    company cue is next to it, an index it belongs to is named in the sentence, or the text names
    the company unambiguously elsewhere. A name several entities carry goes to the one named
    unambiguously elsewhere, else to one whose index is named in the sentence, else to the first
    (the registry's preference). A prefix (``NameTable.prefixes``) in a compound that is not a
    company compound ("Meta-Analyse") is the prefix. An index word right before an index's name
    ("Leitindex Nikkei 225") is that index.
    """

    def __init__(self, table: NameTable) -> None:
        import ahocorasick

        self.table = table
        self._plain = {
            a: c[0]
            for a, c in table.aliases.items()
            if len(c) == 1 and a not in table.ordinary and a not in table.prefixes
        }
        self._automaton = ahocorasick.Automaton()
        for alias in table.aliases:
            self._automaton.add_word(alias, alias)
        if table.aliases:
            self._automaton.make_automaton()

    def _spans(self, text: str) -> list[tuple[int, int, int, str]]:
        """Leftmost-longest matches that sit on word boundaries: (start, end, alias_end, alias)."""
        if not self.table.aliases:
            return []
        found = []
        for last, alias in self._automaton.iter(text):
            start, alias_end = last - len(alias) + 1, last + 1
            if start > 0 and _word(text[start - 1]):
                continue
            end = mention_end(text, alias_end)
            if end is not None:
                found.append((start, -len(alias), end, alias_end, alias))
        found.sort()
        out, cursor = [], 0
        for start, _, end, alias_end, alias in found:
            if start >= cursor:
                out.append((start, end, alias_end, alias))
                cursor = end
        return out

    def find(self, text: str) -> tuple[list[Mention], list[Rejected]]:
        """Mentions in text order, and the matches read as ordinary words."""
        table, plain = self.table, self._plain
        spans = self._spans(text)
        if all(alias in plain for _, _, _, alias in spans):  # the common case: nothing to decide
            found = [Mention(s, e, plain[a], a, "alias") for s, e, _, a in spans]
            return self._venues(text, self._appositions(text, found)), []
        clear = {plain[a] for _, _, _, a in spans if a in plain}
        index_spans = [
            (s, plain[a]) for s, _, _, a in spans if a in plain and plain[a] in table.indices
        ]
        mentions: list[Mention] = []
        rejected: list[Rejected] = []
        for start, end, alias_end, alias in spans:
            if alias in plain:  # one entity, not an ordinary word, not a prefix
                mentions.append(Mention(start, end, plain[alias], alias, "alias"))
                continue
            found = self._decide(text, start, end, alias_end, alias, clear, index_spans)
            (mentions if isinstance(found, Mention) else rejected).append(found)
        return self._venues(text, self._appositions(text, mentions)), rejected

    def _venues(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """An index named like its exchange, used as the exchange, is no mention of the index:
        a ticker prefix ("NASDAQ: BIDU"), a venue compound ("im NASDAQ-Handel", "Nasdaq-listed");
        nor is a member compound ("das Dax-Schwergewicht")."""
        indices = self.table.indices
        return [
            m
            for m in mentions
            if not (m.entity in indices and _VENUE_USE.match(text, m.start + len(m.alias)))
        ]

    def _appositions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """An index word right before an index's name is that index: "Leitindex Nikkei 225"."""
        indices = self.table.indices
        if len(mentions) < 2:
            return mentions
        return [
            m
            for m, nxt in zip(mentions, [*mentions[1:], None], strict=True)
            if not (
                nxt is not None
                and m.entity in indices
                and nxt.entity in indices
                and not text[m.end : nxt.start].strip()
            )
        ]

    def _decide(self, text, start, end, alias_end, alias, clear, index_spans):
        table = self.table
        candidates = table.aliases[alias]
        tail = text[alias_end:end]
        if (
            alias in table.prefixes
            and tail.startswith("-")
            and not tail[1:].lower().startswith(COMPANY_COMPOUNDS)
        ):
            return Rejected(
                start, end, alias, candidates, f"'{alias}' as a prefix: {text[start:end]!r}"
            )
        named = [c for c in candidates if c in clear]
        lo, hi = _sentence(text, start, end)
        in_index = [
            c
            for c in candidates
            if any(lo <= s < hi and idx in table.memberships.get(c, ()) for s, idx in index_spans)
        ]
        cue = company_cue(text, start, alias_end, end) if alias in table.ordinary else None
        if alias in table.ordinary and cue is None and not named and not in_index:
            report = CORPORATE_WORDS.search(text, lo, hi)
            cue = ("company_word", report.group(0)) if report else None
        if alias in table.ordinary and cue is None and not named and not in_index:
            return Rejected(
                start, end, alias, candidates, f"'{alias}' is also an ordinary word; no company cue"
            )
        if len(candidates) == 1:
            entity, how = candidates[0], "alias"
        elif named:
            entity, how = named[0], "named_elsewhere"
        elif in_index:
            entity, how = in_index[0], "index_named"
        else:
            entity, how = candidates[0], "preferred"
        others = tuple(c for c in candidates if c != entity)
        if cue is not None and how == "alias":
            how, cue_text = cue
            return Mention(start, end, entity, alias, how, cue_text, others)
        if alias in table.ordinary and how == "alias":
            how = "named_elsewhere" if named else "index_named"
        return Mention(start, end, entity, alias, how, "", others)
