"""Who a number is about: the entity, whether it can be tested, the segment.

The article is read as a discourse: the headline and every sentence update the company and the
index it is about (the first listed one named in a sentence). For a number, in this order:

1. a company named before it in its clause (a company before a venue: "Apple verlor an der
   Nasdaq"); else any entity named before it in the clause (an index named as a venue, "an der
   Nasdaq", does not count);
2. the first entity named after it in its clause ("a 3.1% rise for the Dax");
3. the last listed entity named earlier in the sentence;
4. an unknown company ("BYD-Aktien"): none, said so;
5. a coreference in the sentence: a company word ("the stock", "die Papiere", "der Konzern",
   "it") takes the company of the discourse, an index word ("the benchmark", "der Leitindex")
   its index;
6. a market as the subject ("Hong Kong piled on 2%", "die Wall Street"): its main index;
7. a price figure with no name (an elliptical sentence): the discourse's entity of the kind the
   unit implies (points: the index; money: the company; else the last named);
8. an entity named later in the sentence;
9. at the start of an article, the entity of the next sentence that names one;
10. nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from impact.claims.lexicon import ASSET_WORDS as _ASSET_WORDS
from impact.claims.lexicon import LEXICON, MARKET_SUBJECTS
from impact.claims.values import EntityHow, Metric, Testable, TestableWhy
from impact.listing_choice import ListingChoice
from impact.registry import Entity, Registry

__all__ = [
    "Discourse",
    "EntityFound",
    "Mention",
    "choose_listing",
    "find_entity",
    "find_segment",
    "testability",
    "traded_mentions",
]

Mention = tuple[int, int, Entity]  # (start, end, entity) of a name in the sentence

# "BYD-Aktien", "Aktien von Foo", "Foo shares": a company the registry does not know
_NOT_A_NAME = (
    r"(?!(?:The|Its|Their|This|These|Those|That|A|An|Our|Her|His|Die|Der|Das|Den|Dem|Des|Diese|"
    r"Dieser|Deren|Seine|Ihre|Eine|Ein|Hong|Hongkong|Hongkonger|US|U\.S|Chinese|China|"
    r"European|Tech|Technologie|Internet|Bank|Class|New|Wall|Asian|Asia|A|C|ADR|ADS|"
    # places and kinds that stand before "stock"/"shares" ("The Hong Kong stock", "U.K. shares")
    r"Kong|York|Street|Shanghai|Shenzhen|Frankfurt|London|Paris|Tokyo|Europe|America|American|"
    r"German|British|French|Swiss|Dutch|Japanese|Korean|Indian|Taiwanese|Mainland|Global|"
    r"Growth|Value|Blue|Small|Big|Megacap|Chip|Bank|Energy|Retail|Auto)\b)"
)
_UNKNOWN_COMPANY = re.compile(
    rf"(?<![\w-]){_NOT_A_NAME}[A-ZÄÖÜ][\w&.]*-(?:Aktie|Aktien|Papiere|Titel|Kurs)\b|"
    rf"(?:Aktien|Papiere) (?:von|der) {_NOT_A_NAME}[A-ZÄÖÜ][\w&]+|"
    rf"(?<![\w-]){_NOT_A_NAME}[A-Z][\w&]*(?:'s)? (?:shares|stock)\b"
)
# a commodity, currency or bond as the subject that opens a clause ("Brent crude fell nearly 10%",
# "Der Euro fiel auf 1,05 Dollar", ", while gold rose 1%"): the figure is no company's
_LEADS = r"(?:the|der|die|das|auch|zudem|dagegen|meanwhile|while|as|and|und|während|wobei)"
_OTHER_ASSET = re.compile(rf"(?:{_LEADS}\s+)*(?P<asset>{_ASSET_WORDS})", re.IGNORECASE)
# ... or after a conjunction before the number, for a span wider than a clause (a record's sentence:
# "as Brent crude briefly topped $139 a barrel, its highest since 2008")
_ASSET_AFTER = re.compile(
    rf"(?<!\w)(?:as|while|whereas|während|wobei|da)\s+(?:the\s+|der\s+|die\s+)?"
    rf"(?P<asset>{_ASSET_WORDS})",
    re.IGNORECASE,
)
# an index named as the venue of a trade ("an der Nasdaq", "on the Nasdaq", "Nasdaq-listed")
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:an|auf|on|at|in)\s+(?:der|the|die|dem)?\s*(?:[\w-]+\s+){0,2})$"
)
_VENUE_AFTER = re.compile(r"^-?(?:listed|notiert|gelistet)")
# the stocks of an index, or a move in it, as the subject: the index ("stocks in the Russell
# 2000", "die Werte im SDax", "outpacing the 16% advance in the S&P 500")
_STOCKS_IN = re.compile(
    r"(?<![\w-])(?:stocks|shares|companies|Werte|Nebenwerte|Titel|Aktien|gain|gains|advance|"
    r"rise|rally|drop|fall|decline|loss|losses|slide|jump|surge|Plus|Minus|Anstieg|Rückgang|"
    r"Gewinn|Verlust)\s+(?:in|im|of)\s+(?:the\s+|dem\s+)?$"
)
_REGIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?<!\w)(?:Greater China|Großchina|China|Chinas|chinesische\w*|Festlandchina|"
            r"Chinese)(?!\w)"
        ),
        "Greater China",
    ),
    (re.compile(r"(?<!\w)(?:Europa|Europe|europäische\w*|European)(?!\w)"), "Europe"),
    (re.compile(r"(?<!\w)(?:Japan|japanische\w*|Japanese)(?!\w)"), "Japan"),
    (re.compile(r"(?<!\w)(?:Amerika|Americas|Nordamerika|Nord- und Südamerika)(?!\w)"), "Americas"),
]


@dataclass(frozen=True, slots=True)
class EntityFound:
    """The entity a number is about (None if none), how it was found, and the words that said so
    (the coreference, the market or the unknown company, as written)."""

    entity: Entity | None
    how: EntityHow
    cue: str | None = None


@dataclass
class Discourse:
    """The company and the index an article is about so far, and where they came from."""

    registry: Registry
    company: Entity | None = None
    index: Entity | None = None
    last: Entity | None = None
    from_headline: bool = False
    ahead: list[list[Entity]] = field(default_factory=list)  # entities of the coming sentences
    ahead_text: list[str] = field(default_factory=list)  # the coming sentences
    said: list[str] = field(default_factory=list)  # the headline and the sentences read so far
    listed: dict[str, ListingChoice] = field(
        default_factory=dict
    )  # a line the text named, by entity
    listed_at: dict[str, int] = field(default_factory=dict)  # sentences heard when it was named
    n_heard: int = 0  # sentences heard so far (``said`` keeps the last six)
    ambiguous: set[str] = field(default_factory=set)  # a sentence named two of its lines

    def heard(self, text: str) -> None:
        """A sentence (or the headline) was read: it may name a listing later claims use."""
        self.said.append(text)
        self.n_heard += 1
        if len(self.said) > 6:
            del self.said[0]

    def named_line(self, name: str, choice: ListingChoice) -> None:
        """The text named the line of entity ``name`` in the sentence being read; a sentence
        that names two lines of it ("Class A ... while Class C ...") leaves neither for later."""
        earlier = self.listed.get(name)
        same_sentence = self.listed_at.get(name) == self.n_heard
        if same_sentence and earlier is not None and earlier.listing != choice.listing:
            self.ambiguous.add(name)
        elif not same_sentence:
            self.ambiguous.discard(name)
        self.listed[name] = choice
        self.listed_at[name] = self.n_heard

    def line_for_later(self, name: str) -> ListingChoice | None:
        """The line the text last named for ``name``, if it named only one."""
        return None if name in self.ambiguous else self.listed.get(name)

    def tell(
        self, named: list[Entity], headline: bool = False, traded: list[Entity] | None = None
    ) -> None:
        """A sentence (or the headline) named these entities, in text order; ``traded``: those
        named with a share word ("die Aktie des Google-Konzerns", "Apple shares"), which win over
        a name used as a modifier ("ein Apple-Manager")."""
        if not named:
            return
        listed = (
            [e for e in (traded or named) if e.listed] or [e for e in named if e.listed] or named
        )
        companies = [e for e in listed if e.kind == "company"]
        indices = [e for e in listed if e.kind == "index"]
        if companies:
            self.company = companies[0]
        if indices:
            self.index = indices[0]
        self.last = listed[0]
        self.from_headline = headline

    def salient(self, kind: str | None) -> Entity | None:
        """The entity of the discourse of that kind ("company", "index"; None: the last one)."""
        if kind == "company":
            return self.company
        if kind == "index":
            return self.index
        return self.last

    def next_named(self) -> Entity | None:
        """The first entity the coming sentences name (for an article that opens with a figure)."""
        for named in self.ahead:
            listed = [e for e in named if e.listed] or named
            if listed:
                return listed[0]
        return None


def _is_venue(sentence: str, mention: Mention) -> bool:
    start, end, entity = mention
    if entity.kind != "index":
        return False
    before = sentence[max(0, start - 40) : start]
    if _STOCKS_IN.search(before):  # "Small-company stocks in the Russell 2000 surged 5.8%"
        return False
    return bool(_VENUE_BEFORE.search(before) or _VENUE_AFTER.match(sentence[end : end + 10]))


def _carried(found: Entity | None, discourse: Discourse, how: EntityHow) -> EntityFound:
    if found is None:
        return EntityFound(None, "none")
    return EntityFound(found, "headline" if discourse.from_headline else how)


# what joins a move's size to the company it is about, when the company follows it
_MOVE_OF = re.compile(
    r"\S+(?:\s+(?:per\s?cent|percent|Prozent|%))?(?:\s+\w+)?\s+(?:surge|jump|rise|gain|rally|"
    r"advance|climb|fall|drop|decline|slide|slump|plunge|loss|Kurssprung|Plus|Minus|Anstieg|"
    r"Rückgang|Kursverlust|Kursgewinn)s?\s+(?:in|for|at|of|bei|von|der|des)\s+"
    r"(?:shares\s+(?:in|of)\s+|the\s+|Aktien\s+(?:von\s+)?)?$"
)


def _named(pos: int, clause: tuple[int, int], sentence: str, mentions: list[Mention]):
    """Rules 1-3: a name in the clause or earlier in the sentence."""
    lo, hi = clause
    inside = [m for m in mentions if lo <= m[0] < hi and not _is_venue(sentence, m)]
    for m in inside:  # "a five percent jump in Tencent", "ein Kurssprung von 6 Prozent bei JD"
        if m[0] > pos and _MOVE_OF.match(sentence[pos : m[0]]):
            return m[2]
    before = [m for m in inside if m[0] < pos]
    companies = [m for m in before if m[2].kind == "company"]
    if companies:
        return companies[-1][2]
    if before:
        return before[-1][2]
    after = [m for m in inside if m[0] > pos]
    if after:
        return after[0][2]
    sentence_before = [m for m in mentions if m[0] < pos and not _is_venue(sentence, m)]
    if sentence_before:
        listed = [m for m in sentence_before if m[2].listed]
        return (listed[-1] if listed else sentence_before[-1])[2]
    return None


def _coreference(sentence: str, discourse: Discourse) -> EntityFound | None:
    """Rule 5: a word that refers back to the company or the index of the discourse."""
    index_word = LEXICON.coref_index.search(sentence)
    company_word = LEXICON.coref_company.search(sentence)
    words = [
        (w.start(), w, kind) for w, kind in ((index_word, "index"), (company_word, "company")) if w
    ]
    for _, word, kind in sorted(words, key=lambda x: x[0]):
        entity = discourse.salient(kind)
        if entity is not None:
            return EntityFound(entity, "coref", word.group(0))
    return None


def _market(sentence: str, clause: tuple[int, int], registry: Registry) -> EntityFound | None:
    """Rule 6: a market named as the subject of the clause: its main index."""
    m = LEXICON.market_subject.search(sentence, clause[0], clause[1])
    if m is None:
        return None
    entity = registry.entity_for_ticker(MARKET_SUBJECTS[m.group(0)])
    return EntityFound(entity, "market", m.group(0)) if entity is not None else None


def _other_asset(
    pos: int, clause: tuple[int, int], sentence: str, mentions: list[Mention]
) -> str | None:
    """The commodity, currency or bond that opens the number's clause, or follows a conjunction
    in it ("as Brent crude briefly topped"), with no name between it and the number, or None."""
    lo = clause[0]
    while lo < pos and not sentence[lo].isalnum():
        lo += 1
    m = _OTHER_ASSET.match(sentence, lo, pos)
    if m is None:
        m = next(reversed(list(_ASSET_AFTER.finditer(sentence, lo, pos))), None)
    if m is None or any(a < pos and b > m.start() for a, b, _ in mentions):
        return None
    return m.group("asset")


def find_entity(
    pos: int,
    clause: tuple[int, int],
    sentence: str,
    mentions: list[Mention],
    discourse: Discourse,
    unit: str | None,
    price_like: bool,
) -> EntityFound:
    """The entity of the number at ``pos`` (rules in the module docstring). ``price_like``: the
    number reads as a price figure (a move or level unit, a price metric named)."""
    asset = _other_asset(pos, clause, sentence, mentions)
    if asset is not None:
        return EntityFound(None, "other_asset", asset)
    named = _named(pos, clause, sentence, mentions)
    if named is not None:
        return EntityFound(named, "clause" if clause[0] <= pos < clause[1] else "sentence")
    unknown = _UNKNOWN_COMPANY.search(sentence, *clause)
    if unknown and unknown.start() < pos:
        return EntityFound(None, "unknown_company", unknown.group(0))
    found = _coreference(sentence, discourse) or _market(sentence, clause, discourse.registry)
    if found is not None:
        return found
    if price_like:
        kind = "index" if unit == "points" else ("company" if unit == "money" else None)
        carried = discourse.salient(kind) or discourse.last
        if carried is not None:
            return _carried(carried, discourse, "carried")
    later = [m for m in mentions if m[0] > pos and not _is_venue(sentence, m)]
    if later:
        return EntityFound(later[0][2], "sentence")
    if price_like and discourse.last is None:
        ahead = discourse.next_named()
        if ahead is not None:
            return EntityFound(ahead, "next_sentence")
    return EntityFound(None, "none")


def testability(
    metric: Metric, entity: Entity | None, unit: str | None
) -> tuple[Testable, TestableWhy]:
    """("market" | "reported" | "none", why): what the claim can be tested against."""
    reported = metric in {"revenue", "share_of_revenue", "profit"}
    if entity is not None and not entity.listed and not reported:
        return "none", "unlisted"
    if metric in {"shipments", "market_share", "other"}:
        return "none", "no_data_metric"
    if reported:
        return "reported", "reported"
    if entity is None:
        return "none", "no_entity"
    if not entity.listed:
        return "none", "unlisted"
    if metric == "market_value" and unit == "money":
        return "none", "market_value"
    return "market", "price"


# a word that names a business line when it stands right before the revenue noun
_BUSINESS_LINE = re.compile(
    r"(?<![\w'’])(?P<line>[A-Za-z][\w]*)[ -](?:revenue|revenues|sales|Umsatz|Umsätze|"
    r"Erlöse|Umsatzerlöse)(?!\w)"
)
_NOT_A_LINE = {
    "total", "net", "quarterly", "annual", "its", "their", "the", "group", "company", "konzern",
    "gesamt", "quartals", "jahres", "organic", "organischer", "first", "second", "third",
    "fourth", "fiscal", "record", "higher", "lower", "overall", "global", "weltweit", "der",
    "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "sein", "seinen", "ihr",
    "ihren", "and", "und", "of", "von", "in", "im", "to", "a", "an", "whose", "same",
    "reported", "posted", "generated", "booked", "recorded", "expected", "estimated", "with",
    "mit", "on", "auf", "for", "für", "strong", "weak", "stronger", "weaker", "meldete",
    "erzielte", "verbuchte", "steigerte", "senkte", "hohe", "hohen", "starke", "starken",
}  # fmt: skip


# a share word right next to a name: the stock of that company is meant
_SHARE_BEFORE = re.compile(
    r"(?:Aktie|Aktien|Papiere?|Titel|Anteilsscheine|shares|stock)\s+(?:des|der|von|of)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_SHARE_AFTER = re.compile(
    r"(?:-Aktie|-Aktien|-Papiere?|-Titel|['’]s?\s+(?:shares|stock)|\s+(?:shares|stock|Aktie|"
    r"Aktien))(?!\w)"
)


_SHARE_WORDS = ("Aktie", "Papier", "Titel", "Anteilsschein", "share", "stock")


def traded_mentions(sentence: str, mentions: list[Mention]) -> list[Entity]:
    """The entities of the sentence named with a share word (Discourse.tell)."""
    if not any(w in sentence for w in _SHARE_WORDS):
        return []
    return [
        e
        for a, b, e in mentions
        if _SHARE_AFTER.match(sentence, b) or _SHARE_BEFORE.search(sentence, max(0, a - 60), a)
    ]


def find_segment(sentence: str, previous_segment: str | None) -> str | None:
    """The region a reported figure is for ("China", "Europa"), a business line named before the
    revenue ("services revenue", "iPhone revenue", "Cloud-Umsatz"), else the previous claim's."""
    for rx, name in _REGIONS:
        if rx.search(sentence):
            return name
    line = _BUSINESS_LINE.search(sentence)
    if line and line.group("line").lower() not in _NOT_A_LINE:
        word = line.group("line")
        return word.capitalize() if word.islower() else word
    return previous_segment


def choose_listing(
    entity: Entity,
    contexts: tuple[str, ...],
    currency: str | None,
    discourse: Discourse,
    bare_dollar: bool = False,
    shared: bool = False,
) -> ListingChoice:
    """The listing of a claim about ``entity``: a cue in the words just before it or in its
    clause ("while Class C shares climbed"), else in its sentence; else, for a company with
    several lines, the line that trades in the currency the figure is stated in ("HK$98") unless
    it is a bare "$"/"Dollar" and the article named a line before ("HKEX: 9888 ... a day low of
    $88.10": Hong Kong dollars); else the line the article last named for it, or a cue in the
    sentences before it or the headline ("Hong Kong shares of Alibaba ... The stock jumped
    16%"), the latest of the two winning; else a cue in the next sentence; else the registry
    default."""
    registry = discourse.registry
    choice = registry.resolve_listing(entity, contexts[0])  # the words leading to the figure
    for context in contexts[1:]:  # its clause, its sentence, ...
        if choice.how not in {"default", "only_listing"}:
            break
        found = registry.resolve_listing(entity, context)
        if not (shared and found.how == "venue_not_listed"):  # "ASML-Aktien verteuerten sich in
            choice = found  # Amsterdam ..., SAP-Titel schossen ...": another company's venue
    if choice.how == "named_in_text":
        discourse.named_line(entity.name, choice)
    if choice.how != "default" or len(entity.listings) < 2:
        return choice
    if bare_dollar and (line := discourse.line_for_later(entity.name)) is not None:
        return line
    by_currency = [x for x in entity.listings if currency and x.currency == currency]
    if len(by_currency) == 1:
        return replace(
            choice, listing=by_currency[0], how="named_in_text", cue=f"a price in {currency}"
        )
    first_kept = discourse.n_heard - len(discourse.said)  # the sentences after the naming one
    since = discourse.listed_at.get(entity.name, -1) + 1 - first_kept
    for earlier in reversed(discourse.said[max(0, since) :]):
        found = registry.resolve_listing(entity, earlier)
        if found.how == "named_in_text":
            return found  # a venue named later than the line ("beim Handel in Hongkong")
    if (line := discourse.line_for_later(entity.name)) is not None:
        return line
    for later in discourse.ahead_text[:1]:  # "Die Baidu-Aktien fielen um 8,8 Prozent. Baidu ...
        found = registry.resolve_listing(entity, later)  # war der größte Verlierer im Hang Seng"
        if found.how == "named_in_text":
            return found
    return choice
