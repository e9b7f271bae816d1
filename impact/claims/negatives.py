"""Numbers that are not market-price claims, and why (a typed reason), in German and English.

``non_price_reason`` reads one number in its sentence (word lists: lexicon_negatives.py, compiled in negative_cues.py). The
first rule that holds wins:

1. *Head noun*: the noun the number quantifies, right after it (past its unit, scale and
   currency, a bracketed apposition, "of/in/an" and an article, or one adjective): "$3 trillion
   market value", "a 7.7 per cent weighting", "26 Milliarden Dollar an Börsenwert", "161 days",
   "48 of the 50 index members", "eight points away". A bare count or year in a record or
   streak ("a 10-month low", "since 2009", "three consecutive sessions") -> None; a bare year
   otherwise -> "year".
2. *Subject*: the nearest quantified noun or price word before the number in its clause
   ("Revenue rose 45%", "Marktanteil von rund 52 Prozent"); a fundamentals noun -> its reason.
   Not a subject while another is found further back: a price word as a complement ("price
   target for the shares"), a noun in an adverbial with no verb of its own ("Die Aktie ist nach
   dem Gewinnsprung um 6 Prozent gestiegen"); never: a noun after "since/seit" or right after
   "from/vom" ("seit dem Börsengang", "from their HK$17 IPO price"), "Gewinn(e) von N Prozent".
3. *Scaled money* (million and up) with no per-share noun -> never a share or index price.
4. *Growth of a company figure*: a year-on-year cue next to the number, its subject no price word.
5. *Frame*: a modal or forward word before the number in its clause (not "than expected", not
   across "after/but/and"), a German modal ending the clause after it ("fallen könnte"), or a
   forward horizon ("within the next 12 months") in the clause -> forecast / hypothetical.
6. *Third-party trade* ("bought ... worth of shares"), *contribution* ("pulled QQQ down by"),
   *distance* ("80 Punkte von seinem Rekord entfernt").
7. A price word is the subject -> None. A clause with no subject (elliptical: "down 6.9% from
   ...", a bracketed apposition) takes the subject before it: that of the sentence's first
   clause when it has a finite verb of its own ("Alibaba, the ... stock, jumped 19 per cent"),
   else the nearest one; a number opening its sentence takes the subject after its verb
   ("Um zehn Prozent stieg der Umsatz").

None means the number may be a price claim: the extractor decides the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from impact.claims import lexicon_negatives as L
from impact.claims import negative_cues as C
from impact.claims.negative_cues import Cue, NegativeScan, negative_scan
from impact.claims.sentences import WINDOW, clause_bounds
from impact.errors import InputError

__all__ = ["NegativeScan", "NonPriceReason", "negative_scan", "non_price_reason"]

# fmt: off
NonPriceReason = Literal[
    "market_cap", "price_target", "forecast", "hypothetical", "revenue", "profit", "payout",
    "stake", "market_share", "volume", "flow", "tariff", "rate", "index_weight", "contribution",
    "offering", "deal", "fundamental", "growth", "count", "duration", "year", "definition",
    "difference", "amount",
]
# fmt: on

_SUBJECTS = (C.NOUN, C.PRICE_WORD)
_HEAD_ROLES = (C.NOUN, C.HEAD, C.PRICE_WORD, C.PER_SHARE_WORD, C.SCALED, C.STREAK_WORD)
_MODAL_WINDOW = 12  # tokens: a modal further back governs another verb
_HEAD_STEPS = 7  # tokens walked after the number looking for its head noun
_SCALED_FROM = 1e6
_HARD_GAP = re.compile(r"[,;:!?]|\.\s|\s[–—-]\s|\s[–—]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_GAIN_LINK = frozenset("von in höhe rund etwa fast knapp gut mehr als über unter um ca".split())
_FIGURES = frozenset(("revenue", "profit", "payout", "fundamental", "volume", "flow"))


@dataclass(frozen=True, slots=True)
class _Number:
    """The number being judged: its span, its clause and what its unit words say."""

    start: int
    end: int
    lo: int
    hi: int
    unit: str | None
    money: bool
    scale: float

    @property
    def bare(self) -> bool:
        return self.unit is None and not self.money

    @property
    def scaled(self) -> bool:
        return self.money and self.scale >= _SCALED_FROM


def non_price_reason(
    sentence: str,
    start: int,
    end: int,
    clause: tuple[int, int],
    unit: str | None,
    currency: str | None,
    scale: float = 1.0,
    scan: NegativeScan | None = None,
) -> NonPriceReason | None:
    """Why the number at [start, end) of ``sentence`` is not a market-price claim, or None when
    it may be one (rules in the module docstring). ``clause``: its clause, as
    sentences.clause_bounds gives it; ``unit``, ``currency``, ``scale``: as numbers.find_numbers
    gives them (None, None, 1.0 for a bare numeral or a number word: the words after it are
    read). ``scan``: negative_scan(sentence), to share one scan among a sentence's numbers."""
    if not 0 <= start < end <= len(sentence) or not 0 <= clause[0] <= start <= end <= clause[1]:
        raise InputError(
            f"number span {start}..{end} and clause {clause[0]}..{clause[1]} do not fit a "
            f"sentence of {len(sentence)} characters: expected clause start <= start < end <= "
            "clause end <= sentence length"
        )
    scan = scan if scan is not None else negative_scan(sentence)
    num = _read_number(scan, start, end, clause, unit, currency, scale)
    head = _head(scan, num)
    if num.bare:
        reason = _bare_reason(scan, num, head)
        if reason != "":
            return reason  # type: ignore[return-value]
    else:
        reason = _head_reason(scan, head, num)
        if reason is not None:
            return reason  # type: ignore[return-value]
    return _clause_reason(scan, num, head)  # type: ignore[return-value]


_MARK_WORD = re.compile(
    r"[ -](?:mark|level|threshold|barrier|milestone|Marke|Schwelle|Grenze|Hürde|Linie)$"
)


def _read_number(scan: NegativeScan, start, end, clause, unit, currency, scale) -> _Number:
    """The caller's unit, currency and scale; for a number given without them (a number word,
    a bare numeral), the words written right after it ("drei Billionen US-Dollar", "neun
    Prozent")."""
    money = unit == "money" or currency is not None
    mark = _MARK_WORD.search(scan.sentence, start, end)
    if mark:  # "the 20% threshold": the mark word is the number's head noun
        end = mark.start()
    if unit is None and not money:
        j = scan.token_after(end)
        for k in range(j, min(j + 3, len(scan.tokens))):
            key, text = scan.keys[k], scan.tokens[k][2]
            if key in L.SCALES and L.CASE_SENSITIVE.get(key, text) == text:
                scale = max(scale, L.SCALES[key])
            elif key in L.CURRENCIES:
                money = True
            elif key in L.UNITS:
                unit = "percent"
            else:
                break
        if scan.sentence[end : end + 2].lstrip().startswith("%"):
            unit = "percent"
    return _Number(start, end, clause[0], clause[1], unit, money, scale)


def _head(scan: NegativeScan, num: _Number) -> Cue | None:
    """The cue right after the number that it quantifies (rule 1), or None."""
    s, j, pos = scan.sentence, scan.token_after(num.end), num.end
    prep = ""  # the preposition passed: "of" lets one adjective follow, "in" does not
    adjective = False
    for _step in range(_HEAD_STEPS):
        if j >= len(scan.tokens):
            return None
        t0, t1, text = scan.tokens[j]
        if "(" in s[pos:t0]:  # an apposition: "HK$8 billion (US$1 billion) share sale"
            close = s.find(")", pos, pos + 60)
            if close < 0:
                return None
            j, pos = scan.token_after(close + 1), close + 1
            continue
        if _HARD_GAP.search(s, pos, t0):
            return None
        cue = scan.cue_at.get(j)
        if cue is not None and cue.role in (*_HEAD_ROLES, C.RECORD_WORD):
            return cue
        key = scan.keys[j]
        if key in L.SCALES or key in L.CURRENCIES or key in L.UNITS:
            pass
        elif prep in ("of", "des", "der") and (text[0].isupper() or text[0].isdigit()):
            pass  # a name: "60% of S&P 500 companies"
        elif text[0].isdigit():
            if not prep:
                return None  # another number: "bis 2027 rund 5.000 Stellen"
        elif key in L.PREPOSITIONS and not prep:
            prep = key
        elif key in L.ARTICLES:
            if not prep:
                return None  # "mit 5 Prozent die Erwartungen": an object, not a head
        elif (
            cue is None
            and not adjective
            and key not in L.STOPS
            and prep in ("", "of", "des", "der")
        ):
            adjective = True
        else:
            return None
        pos, j = t1, j + 1
    return None


def _bare_reason(scan: NegativeScan, num: _Number, head: Cue | None) -> str | None:
    """Counts, durations and years (rule 1 for a number with no unit); "" when undecided."""
    record = _record_frame(scan, num, head)
    if record is not None:
        return None if record == "record" else record
    if head is not None:
        if head.role in (C.HEAD, C.NOUN):
            return head.reason
        if head.role == C.PRICE_WORD and scan.keys[head.last - 1] in L.COUNTABLE_PRICE:
            return "stake" if _trade(scan, num) else "count"
    if _YEAR.fullmatch(scan.sentence, num.start, num.end):
        return "year"
    counted = [c for c in scan.cues_between(num.lo, num.start) if c.reason == "count"]
    if counted:  # "Von den 40 Dax-Werten schlossen 32 im Minus"
        return "count"
    if _distance(scan, num):
        return "difference"
    return ""


def _record_frame(scan: NegativeScan, num: _Number, head: Cue | None) -> str | None:
    """For a bare count or year: "record" when it belongs to a record or streak ("a 10-month
    low", "three consecutive sessions", "biggest drop since 2009"); a flow record ("the biggest
    inflow since 1993") gives that noun's reason."""
    if head is not None and head.role in (C.STREAK_WORD, C.RECORD_WORD):
        return "record"
    if head is not None and head.reason == "duration" and head.last < len(scan.tokens):
        nxt = scan.cue_at.get(head.last)
        if scan.keys[head.last] in L.RECORD_NOUNS or (
            nxt is not None and nxt.role == C.STREAK_WORD
        ):
            return "record"
    before = scan.cues_between(num.lo, num.start)
    for i in range(len(before) - 1, -1, -1):
        if before[i].role == C.RECORD_WORD:
            at = scan.token_after(num.start)
            anchor = next((k for k in range(before[i].last, at) if scan.keys[k] in L.ANCHORS), at)
            nouns = [c for c in before[i + 1 :] if c.role == C.NOUN and c.first < anchor]
            return nouns[0].reason if nouns else "record"
    return None


def _head_reason(scan: NegativeScan, head: Cue | None, num: _Number) -> str | None:
    """The reason a head noun gives a number with a unit (percent, money, points)."""
    if _distance(scan, num):
        return "difference"
    if head is None:
        return None
    if head.role == C.NOUN:
        return head.reason
    if head.role == C.SCALED and num.scaled:
        return head.reason
    if head.role == C.HEAD and head.reason in ("definition", "count"):
        return head.reason
    return None


def _distance(scan: NegativeScan, num: _Number) -> bool:
    """Points between two stated levels: "eight points away from", "80 Punkte ... entfernt"."""
    if num.unit not in (None, "points"):
        return False
    j = scan.token_after(num.end)
    for k in range(j, min(j + 6, len(scan.tokens))):
        if scan.tokens[k][0] >= num.hi:
            return False
        if scan.keys[k] in ("entfernt", "away"):
            return True
    return False


def _subject(scan: NegativeScan, lo: int, num: _Number) -> Cue | None:
    """The nearest quantified noun or price word before the number in [lo, number), skipping
    complements and time anchors (rule 2)."""
    complement: Cue | None = None
    for cue in reversed(scan.cues_between(lo, num.start)):
        if cue.role not in _SUBJECTS:
            continue
        marker = _marker(scan, cue)
        if marker in L.ANCHOR_MARKERS or C.word_before(scan, cue) in L.START_MARKERS:
            continue  # "seit dem Börsengang", "from their HK$17 IPO price"
        if cue.role == C.PRICE_WORD and marker in L.COMPLEMENT_MARKERS:
            complement = complement or cue  # "price target for the shares": look further back
            continue
        if marker in L.ADVERBIAL_MARKERS and _adverbial(scan, cue, num):
            complement = complement or cue  # "Die Aktie ist nach dem Gewinnsprung um 6 Prozent"
            continue
        if cue.reason == "profit" and _is_gain(scan, cue, num):
            return Cue(cue.first, cue.last, cue.start, cue.end, C.PRICE_WORD, None)
        return cue
    return complement


def _marker(scan: NegativeScan, cue: Cue) -> str:
    """The word that introduces a cue: past a determiner and one more word that is no marker
    ("for the shares", "to Chinese stocks", "for Apple shares" -> "for"); a genitive "der/des"
    after a noun ("Gewichtung der Aktie" -> "der")."""
    k = cue.first - 1
    for _ in range(2):
        if k < 0:
            return ""
        key = scan.keys[k]
        if key in ("der", "des") and k > 0 and _is_noun(scan, k - 1):
            return key
        if key in L.DETERMINERS:
            k -= 1
            if k < 0:
                return ""
            key = scan.keys[k]
        if key in L.COMPLEMENT_MARKERS or key in L.ANCHOR_MARKERS or key in L.ADVERBIAL_MARKERS:
            return key
        if k in scan.cue_at or scan.tokens[k][2][0].isdigit():
            return key
        k -= 1
    return scan.keys[k] if k >= 0 else ""


def _adverbial(scan: NegativeScan, cue: Cue, num: _Number) -> bool:
    """Whether a noun after "nach/after/amid ..." only sets the scene for the number ("nach dem
    Gewinnsprung um 6 Prozent"): not when a verb of its own follows it ("after profit surged 78
    per cent") or the number is its own ("with volume 120 percent above normal", "nach einem
    Umsatzplus von 9 Prozent")."""
    between = scan.keys[cue.last : scan.token_after(num.start)]
    if any(k in L.FINITE_VERBS for k in between):
        return False
    return not all(k in L.NOUN_LINKS for k in between)


def _is_noun(scan: NegativeScan, k: int) -> bool:
    text = scan.tokens[k][2]
    return text[0].isupper() and scan.keys[k] not in L.FUNCTION_CAPS


def _is_gain(scan: NegativeScan, cue: Cue, num: _Number) -> bool:
    """ "ein Gewinn von 0,3 Prozent", "Gewinne in Höhe von 1,2 Prozent": a price gain."""
    if scan.keys[cue.first] not in ("gewinn", "gewinne") or num.unit not in ("percent", "points"):
        return False
    between = scan.keys[cue.last : scan.token_after(num.start)]
    return bool(between) and all(k in _GAIN_LINK for k in between)


def _clause_reason(scan: NegativeScan, num: _Number, head: Cue | None) -> str | None:
    """Rules 2 to 7 of the module docstring."""
    subject = _subject(scan, num.lo, num)
    if subject is not None and subject.role == C.NOUN:
        if not (num.unit == "points" and subject.reason == "profit"):  # index "Gewinne"
            return subject.reason
    if num.scaled and not (head is not None and head.role == C.PER_SHARE_WORD):
        return _scaled_reason(scan, num)
    reason = _growth(scan, num, subject) or _frame(scan, num)
    if reason is not None:
        return reason
    if _trade(scan, num):
        return "stake"
    if _contribution(scan, num):
        return "contribution"
    if subject is not None or num.unit == "points" or not _elliptical(scan, num.lo, num.start):
        return None
    earlier = _earlier_subject(scan, num)
    if earlier is not None:
        return earlier.reason if earlier.role == C.NOUN else None
    return _inverted_subject(scan, num)


def _scaled_reason(scan: NegativeScan, num: _Number) -> str:
    """What a scaled sum is: a trade's stake, else the nearest noun naming a sum, else "amount"."""
    if _trade(scan, num):
        return "stake"
    best: tuple[int, str] | None = None
    for cue in scan.cues_between(max(0, num.start - WINDOW), num.end + WINDOW):
        if cue.role in (C.NOUN, C.SCALED) and cue.reason:
            d = num.start - cue.end if cue.end <= num.start else cue.start - num.end
            if best is None or d < best[0]:
                best = (d, cue.reason)
    return best[1] if best else "amount"


def _growth(scan: NegativeScan, num: _Number, subject: Cue | None) -> str | None:
    """A year-on-year move of a company figure (rule 4): the cue in the number's clause with no
    break or other number between them, and no price word as the subject."""
    if subject is not None and subject.role == C.PRICE_WORD:
        return None
    at, after = scan.token_after(num.start), scan.token_after(num.end)
    for cue in scan.cues_between(num.lo, num.hi):
        if cue.role != C.YOY_WORD:
            continue
        a, b = (cue.last, at) if cue.first < at else (after, cue.first)
        if not any(_blocks(scan, k) for k in range(a, b)):
            near = scan.cues_between(max(0, num.start - WINDOW), num.end + WINDOW)
            nouns = [c for c in near if c.role == C.NOUN and c.reason in _FIGURES]
            return nouns[0].reason if nouns else "growth"
    return None


def _blocks(scan: NegativeScan, k: int) -> bool:
    cue = scan.cue_at.get(k)
    return scan.tokens[k][2][0].isdigit() or (cue is not None and cue.role == C.BREAK_WORD)


def _frame(scan: NegativeScan, num: _Number) -> str | None:
    """A modal before the number in its clause, not across a break; a German modal closing the
    clause after it; a forward horizon anywhere in the clause (rule 5)."""
    at = scan.token_after(num.start)
    for cue in reversed(scan.cues_between(num.lo, num.start)):
        if cue.first < at - _MODAL_WINDOW or cue.role == C.BREAK_WORD:
            break
        if cue.role in (C.MODAL_H, C.MODAL_F, C.DEFINE_WORD):
            return cue.reason
    j = scan.token_after(num.end)
    if j < len(scan.tokens) and scan.keys[j] in L.PARTICIPLES_AFTER:
        if not _HARD_GAP.search(scan.sentence, num.end, scan.tokens[j][0]):
            return "forecast"  # "the 5% expected by analysts"
    for k in range(j, min(j + 3, len(scan.tokens))):  # "um 5 Prozent fallen könnte"
        cue = scan.cue_at.get(k)
        if scan.tokens[k][0] >= num.hi or (cue is not None and cue.role == C.BREAK_WORD):
            break
        if scan.keys[k] in L.MODALS_DE_FINAL and cue is not None:
            return cue.reason
        if not scan.tokens[k][2].islower():
            break
    if any(c.role == C.FORWARD_WORD for c in scan.cues_between(num.lo, num.hi)):
        near = scan.cues_between(max(0, num.start - WINDOW), num.end + WINDOW)
        targets = (c for c in near if c.role == C.NOUN and c.reason == "price_target")
        return "price_target" if any(targets) else "forecast"
    return None


def _trade(scan: NegativeScan, num: _Number) -> bool:
    """A third party's trade in the shares: "bought ... worth of shares", "erwarb ... Aktien"."""
    if num.unit is not None and not num.money:
        return False
    if not any(c.role == C.TRADE_WORD for c in scan.cues_between(num.lo, num.start)):
        return False
    a, b = scan.token_after(num.lo), scan.token_after(num.hi)
    after = scan.token_after(num.end)  # "US$2 billion (S$2.7 billion) of shares"
    return any(k in L.TRADE_OBJECTS for k in (*scan.keys[a:b], *scan.keys[after : after + 8]))


def _contribution(scan: NegativeScan, num: _Number) -> bool:
    """One holding's part of an index move: "pulled QQQ down by 0.21%", "kostete den Dax 40
    Punkte", "accounted for 40 points"."""
    at = scan.token_after(num.start)
    for cue in scan.cues_between(num.lo, num.start):
        if cue.role != C.CONTRIB:
            continue
        if any(_index_like(t[2]) for t in scan.tokens[cue.last : at]):
            return True
        if at - cue.last <= 2 and num.unit == "points":
            return True
    return False


def _index_like(word: str) -> bool:
    return word.lower() in L.INDEX_OBJECTS or (2 <= len(word) <= 5 and word.isupper())


def _elliptical(scan: NegativeScan, lo: int, pos: int) -> bool:
    """A clause with no name or noun before the number ("down 6.9% from ...")."""
    for _, _, text in scan.tokens[scan.token_after(lo) : scan.token_after(pos)]:
        if text[0].isupper() and text.lower() not in L.FUNCTION_CAPS:
            return False
    return True


def _earlier_subject(scan: NegativeScan, num: _Number) -> Cue | None:
    """The subject of an elliptical clause (rule 7)."""
    a, b = scan.token_after(num.lo), scan.token_after(num.start)
    if any(k in L.FINITE_VERBS for k in scan.keys[a:b]):
        first = min(clause_bounds(scan.sentence, 0, 0)[1], num.lo)
        return _subject(scan, 0, _Number(first, first, 0, first, num.unit, False, 1.0))
    return _subject(scan, max(0, num.lo - WINDOW), num)


def _inverted_subject(scan: NegativeScan, num: _Number) -> str | None:
    """A number opening its sentence, then its verb, then its subject ("Um zehn Prozent stieg
    der Umsatz"): the quantified noun within three words after the verb."""
    if num.lo > 0 or any(c.role in _SUBJECTS for c in scan.cues_between(0, num.start)):
        return None
    k = scan.token_after(num.end)
    while k < len(scan.tokens) and (
        scan.keys[k] in L.SCALES or scan.keys[k] in L.CURRENCIES or scan.keys[k] in L.UNITS
    ):
        k += 1
    if k >= len(scan.tokens) or scan.keys[k] not in L.FINITE_VERBS:
        return None
    for j in range(k + 1, min(k + 4, len(scan.tokens))):
        cue = scan.cue_at.get(j)
        if cue is not None and cue.role in _SUBJECTS:
            return cue.reason if cue.role == C.NOUN else None
    return None
