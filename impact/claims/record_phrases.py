"""Record phrases in a sentence: what a record ranks (``record_of``), its direction, its window
(record_windows.py) and the words' cues (patterns in lexicon_records.py).

- ``move`` / ``week_move`` (``month_move``, ``quarter_move``, ``year_move``: "its best month
  since July 2022", "das schwächste Quartal seit 2008"): a superlative with a move noun ("the
  biggest one-day drop", "der beste Börsentag", "its most challenging session"; with
  "weekly"/"Woche": weekly moves), or with
  no noun right before its window ("the most since August 25"); "the intraday record for a
  single-day gain"; a negated comparative ("so stark waren sie seit März 2020 nicht mehr
  gestiegen", "hadn't risen this much since");
- ``level``: a superlative with a level noun, or "highest"/"lowest" alone ("lowest close",
  "höchster Stand", "its highest since"), and record level words ("record low", "Allzeithoch",
  "a 10-month low", "52-week high", "Jahreshoch", "a new closing low for 2022", "so tief wie seit
  2016 nicht mehr", "so tief stand er seit Januar nicht mehr", "closed at a record 6,173.07", "closed at
  6,090.27, a record"); a
  level word after "since its", "from its", "dieser", "im Vergleich zum"
  refers to an earlier record and claims none;
- ``threshold``: "erstmals", "for the first time" with a mark in the clause ("über die
  100-Dollar-Marke", "below $100"): the mark is the magnitude;
- ``window_extreme``: a level word with a window and its number ("Bei 4.210 Punkten lag das
  Jahreshoch", "its low of 2021: 2,950.4"): the number is the magnitude;
- ``streak``: "four consecutive days of losses", "for a second straight day", "zum dritten Mal in
  Folge" (n); ``record_streak`` when record words precede it in the clause; ``week_streak`` /
  ``month_streak`` for weeks and months ("the fifth straight weekly gain", "den vierten
  Monatsgewinn in Folge"). "Snapping" a streak makes it end the session before.

A superlative with a noun and a level word without a window of its own need a window phrase,
after at most a few words of the same clause; record words ("record", "Rekordhoch", "new high")
imply all time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from impact.claims.lexicon import LEXICON
from impact.claims.lexicon_records import (
    COMPARATIVES,
    DOWN_VERBS,
    LEVEL_NOUNS,
    MOVE_NOUNS,
    PERIOD_MODIFIERS,
    PERIOD_RECORDS,
    RECORDS,
    STREAK_NOUNS,
    SUPERLATIVES,
    UP_VERBS,
    count_of,
    open_gates,
)
from impact.claims.model import Published
from impact.claims.numbers import parse_numeral
from impact.claims.record_windows import Window, last_seen, relative, window_after
from impact.claims.sentences import clause_bounds
from impact.claims.values import RecordOf

__all__ = ["RecordPhrase", "find_records"]

_LEVEL_SUPER = {"highest", "lowest", "höchste", "tiefste", "niedrigste"}
_LENGTH_SUPER = {"longest", "längste"}
_DOWN_WORDS = {
    "losses", "loss", "declines", "decline", "falls", "fall", "drop", "drops", "decreases",
    "decrease", "slide", "skid", "selloff", "sell-off", "retreat", "losing", "verlusttag",
    "tagesverlust", "tagesminus", "verlust",
    "kursverlust", "verluste", "minus", "rückgang", "rückgänge",
}  # fmt: skip
_UP_WORDS = {
    "gains", "gain", "advances", "advance", "rises", "rise", "increases", "increase", "rally",
    "winning", "win", "gewinntag", "tagesgewinn", "tagesplus", "gewinn", "kursgewinn", "gewinne",
    "plus",
    "anstieg", "anstiege",
}  # fmt: skip
_BELOW = {"unter", "unterhalb", "below", "under"}
_MOVE_SO = {"stark", "kräftig", "deutlich", "viel", "heftig", "steil"}
_GERMAN_ENDING = re.compile(r"(?:es|en|e|s|n)$")
_NEW = re.compile(r"neue\w*\s+$")
_LOW = re.compile(r"low|tief", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class RecordPhrase:
    """A record phrase of a sentence: span, kind, direction, window and the words' cues. It
    answers ``start()``, ``end()`` and ``group()`` like the match it replaces."""

    lo: int
    hi: int
    text: str
    of: RecordOf
    direction: str | None  # None: the qualified move's
    window: Window | None
    closing: bool = False  # the words say close
    intraday: bool = False  # the words say intraday
    count: int | None = None  # streaks
    mark: float | None = None  # the crossing's mark, the extreme's level
    mark_precision: int = 0
    mark_span: tuple[int, int] | None = None
    shift: bool = False  # about the session before the qualified claim's
    current: bool = False  # "the current record": the window ends before publication
    verb_lo: int | None = None  # a crossing's span starts at its verb; the record's words after

    @property
    def mask(self) -> tuple[int, int]:
        """The record's own words (not the verb and day it qualifies), which no number may read
        as its horizon."""
        return (self.lo if self.verb_lo is None else self.verb_lo), self.hi

    def start(self) -> int:
        return self.lo

    def end(self) -> int:
        return self.hi

    def group(self, _index: int = 0) -> str:
        return self.text


def _phrase(lo: int, hi: int, text: str, of: RecordOf, direction: str | None, window, **kw):
    return RecordPhrase(lo, hi, text[lo:hi], of, direction, window, **kw)


def _lookup(table: dict, word: str | None) -> tuple[bool, object]:
    """(found, value) of a noun as written, in another case, or without a German ending."""
    if not word:
        return False, None
    for key in (word, word.lower(), word.capitalize(), _GERMAN_ENDING.sub("", word)):
        if key in table:
            return True, table[key]
    return False, None


def _longest(m: re.Match[str], text: str, pe: dt.date | None) -> RecordPhrase | None:
    """ "its longest winning streak since 2021", "die längste Verlustserie seit 2019": the run
    of closes that ends at the session is longer than any other in the window."""
    found, direction = _lookup(STREAK_NOUNS, m["noun"])
    window = window_after(text, m.end(), pe, gap=True) if found else None
    if window is None:
        return None
    if direction is None:  # "fell for a fifth day, its longest streak", "der sechste
        # Gewinntag in Folge und damit die längste Serie": the sentence's move before it
        direction = _verb_direction(text, 0, m.start()) or _noun_direction(text[: m.start()])
    return _phrase(m.start(), window.end, text, "longest_streak", direction, window)


def _separable_direction(text: str, lo: int, hi: int) -> str | None:
    """The direction of a separable verb in text[lo:hi] whose particle follows it ("gaben …
    den dritten Tag in Folge nach"), if any."""
    for head in LEXICON.separable_heads.finditer(text, lo, hi):
        for particle, direction in LEXICON.separable_by_head.get(head.group(0).lower(), ()):
            if particle.search(text, head.end(), hi):
                return direction
    return None


def _noun_direction(text: str) -> str | None:
    """The direction of the last move noun of ``text`` ("Gewinntag", "losses"), if any."""
    found = None
    for token in LEXICON.token.finditer(text):
        word = token.group(0).lower()
        found = "down" if word in _DOWN_WORDS else "up" if word in _UP_WORDS else found
    return found


def _superlative(m: re.Match[str], text: str, pe: dt.date | None) -> RecordPhrase | None:
    sup = m["sup"].lower()
    sup = sup if sup in SUPERLATIVES else sup[:-1]
    if sup in _LENGTH_SUPER:
        return _longest(m, text, pe)
    mods, noun = (m["mods"] or "").lower(), m["noun"]
    (is_move, move), (is_level, level) = _lookup(MOVE_NOUNS, noun), _lookup(LEVEL_NOUNS, noun)
    kind, noun_direction = move if is_move else (None, level)  # type: ignore[misc]
    period = next((p for w, p in PERIOD_MODIFIERS.items() if w in mods), kind)
    if noun and not (is_move or is_level):
        return None
    level_kind = is_level or (not noun and sup in _LEVEL_SUPER)
    of: RecordOf = "level" if level_kind else PERIOD_RECORDS.get(period, "move")  # type: ignore[assignment]
    direction = noun_direction or SUPERLATIVES.get(sup)
    if direction is None and not noun:  # "Monday's decline was its steepest since April 19"
        direction = _noun_direction(text[: m.start()]) or _verb_direction(text, 0, m.start())
    window = window_after(text, m.end(), pe, gap=bool(noun))
    if window is None and m["pre"]:  # "der bis dahin höchste Schlusswert"
        window = Window(all_time=True, end=m.end())
    if window is None:
        return None
    closing = "closing" in mods or (noun or "").lower() in {"close", "schlusskurs", "schlusswert"}
    return _phrase(m.start(), window.end, text, of, direction, window, closing=closing,
                   intraday="intraday" in mods)  # fmt: skip


def _level_default(m: re.Match[str], text: str, pe: dt.date | None) -> Window | None:
    """The window a level word implies by itself ("10-month low", "Jahreshoch", "Rekordhoch")."""
    g, end = m.groupdict(), m.end()
    n, unit = g.get("n") or g.get("dn"), g.get("unit") or g.get("du")
    if n and unit:
        rel = relative(None, n, unit)
        return None if rel is None else Window(relative=rel, end=end)
    words = ((g.get("marks") or "") + (g.get("dpre") or "")).lower()
    if "52" in words:
        return Window(relative=(51.5, "week"), end=end)
    if "mehr" in words or "multi" in words:
        return Window(relative=(1.5, "year"), end=end)
    if words.startswith("jahres") or any(w in words for w in ("year-to-date", "annual", "yearly")):
        return None if pe is None else Window(dt.date(pe.year - 1, 12, 31), end=end)
    new_plain = g.get("dplain") and _NEW.search(text, max(0, m.start() - 12), m.start())
    if any(w in words for w in ("record", "all", "fresh", "new", "rekord")) or new_plain:
        return Window(all_time=True, end=end)
    return Window(all_time=True, end=end) if g.get("dnew") or g.get("dclose") else None


def _level_word(m: re.Match[str], text: str, pe: dt.date | None, lang: str) -> RecordPhrase | None:
    g = m.groupdict()
    word = g.get("lvl") or g.get("dlvl") or g.get("dplain") or g.get("dnoun") or g.get("dbare")
    word = (word or "rekord").lower()
    window = window_after(text, m.end(), pe, gap=True) or _level_default(m, text, pe)
    if window is None:
        return None
    qualifier = ((g.get("closing") or "") + (g.get("closing2") or "")).lower()
    down = any(w in word for w in ("low", "trough", "bottom", "tief"))
    phrase = _phrase(
        m.start(), window.end, text, "level", "down" if down else "up", window,
        closing="clos" in word or "clos" in qualifier or bool(g.get("dclose")),
        intraday="intraday" in qualifier,
        shift=bool(RECORDS.from_a.search(text, max(0, m.start() - 12), m.start())),
    )  # fmt: skip
    phrase = _with_extreme(phrase, m, text, lang)
    back = RECORDS.back_reference.search(text, max(0, m.start() - 40), m.start())
    return None if back and phrase.of != "window_extreme" else phrase


def _with_extreme(phrase: RecordPhrase, m: re.Match[str], text: str, lang: str) -> RecordPhrase:
    """A windowed level word stated with its number is the window's extreme."""
    if phrase.window is None or phrase.window.all_time:
        return phrase
    after = RECORDS.number_after.match(text, phrase.hi)
    before = RECORDS.number_before.search(text, max(0, m.start() - 60), m.start())
    number = RECORDS.numeral.match(text, after.end()) if after else None
    if number is None and before is not None:
        number = RECORDS.numeral.match(text, before.start("num"))
    parsed = parse_numeral(number.group(0), lang) if number else None  # type: ignore[arg-type]
    if number is None or parsed is None:
        return phrase
    lo, hi = min(phrase.lo, number.start()), max(phrase.hi, number.end())
    return replace(
        phrase, lo=lo, hi=hi, text=text[lo:hi], of="window_extreme", mark=parsed[0],
        mark_precision=parsed[1], mark_span=(number.start(), number.end()),
        intraday=not phrase.closing,
    )  # fmt: skip


def _threshold(m: re.Match[str], text: str, pe: dt.date | None, lang: str) -> RecordPhrase | None:
    """A first crossing: the nearest mark of the clause; the span starts at the verb it
    qualifies when only adverbials stand between ("schloss am Freitag zum ersten Mal")."""
    window = window_after(text, m.end(), pe, gap=False) or Window(all_time=True, end=m.end())
    lo, hi = clause_bounds(text, m.start(), window.end)
    marks = list(RECORDS.mark.finditer(text, max(lo, m.start() - 80), min(hi, window.end + 80)))
    if not marks:
        return None
    mark = min(marks, key=lambda x: min(abs(x.start() - m.start()), abs(x.start() - window.end)))
    key = "mnum" if mark["mnum"] else "mnum2"
    parsed = parse_numeral(mark[key], lang)  # type: ignore[arg-type]
    if parsed is None:
        return None
    verbs = list(RECORDS.crossing_verb.finditer(text, max(lo, m.start() - 30), m.start()))
    start = m.start()
    if verbs and not _DIGIT.search(text, verbs[-1].end(), m.start()):
        start = verbs[-1].start()
    down = (mark["mdir"] or "").lower() in _BELOW
    return _phrase(
        start, window.end, text, "threshold", "down" if down else "up", window,
        verb_lo=m.start() if start < m.start() else None,
        closing=bool(RECORDS.close.search(text, lo, hi)),
        intraday=bool(RECORDS.intraday.search(text, lo, hi)),
        mark=parsed[0], mark_precision=parsed[1], mark_span=(mark.start(key), mark.end(key)),
    )  # fmt: skip


def _verb_direction(text: str, lo: int, hi: int) -> str | None:
    """The direction of the last direction word in text[lo:hi] ("fell for a third straight
    month"), if any."""
    found = None
    for token in LEXICON.token.finditer(text, lo, hi):
        found = LEXICON.direction_words.get(token.group(0).lower(), found)
    return found if found in {"up", "down"} else None


def _streak(m: re.Match[str], text: str) -> RecordPhrase | None:
    g = m.groupdict()
    count = count_of(next(v for k, v in g.items() if v and k[0] in "no" and k[1:].isdigit()))
    if count is None or count < 2:
        return None
    noun = next((v for k, v in g.items() if v and k.startswith("noun")), "").lower()
    noun = noun.split()[0] if noun else noun  # "losing streak": losing
    direction = "down" if noun in _DOWN_WORDS else "up" if noun in _UP_WORDS else None
    lo, hi = clause_bounds(text, m.start(), m.end())
    direction = direction or _verb_direction(text, lo, m.start())
    direction = direction or _separable_direction(text, lo, hi)
    snapped = bool(RECORDS.snap.search(text, max(lo, m.start() - 40), m.start()))
    unit = RECORDS.period_unit.search(m.group(0))
    if unit is not None:  # weeks or months
        of: RecordOf = (
            "week_streak" if unit.group(0).lower() in {"week", "woche"} else "month_streak"
        )
        return _phrase(m.start(), m.end(), text, of, direction, None, count=count, shift=snapped)
    record = RECORDS.record_word.search(text, max(lo, m.start() - 80), m.start())
    if record is None:
        return _phrase(m.start(), m.end(), text, "streak", direction, None, count=count,
                       shift=snapped)  # fmt: skip
    low = _LOW.search(text, record.start(), m.start())
    window = Window(all_time=True, end=m.end())
    return _phrase(record.start(), m.end(), text, "record_streak", "down" if low else "up",
                   window, count=count, shift=snapped)  # fmt: skip


_CLOSED = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:geschlossen|geschlossen hatten|schlossen|closed)\b")


def _as_since(m: re.Match[str], text: str, pe: dt.date | None) -> RecordPhrase | None:
    so = (m["so"] or m["been"] or m["neg"] or m["last"] or m["never"] or "").lower()
    comparative = (m["cmp"] or m["cmpl"] or "").lower()
    so = "hoch" if so == "hoh" else COMPARATIVES.get(comparative, so)
    last = bool(m["last"] or m["cmpl"])  # "so tief wie zuletzt …", "Niedriger … zuletzt …"
    if (m["seen"] or "").lower() == "last seen" or last:
        window = last_seen(text, m.end(), pe)  # "last seen in March 2009": after it
    else:
        window = window_after(text, m.end(), pe, gap=False)
    if window is None:
        return None
    end, verb = window.end, (m["verb"] or "").lower()
    negated = bool(m["neg"] or m["cmp"])
    if negated:  # "so stark ... seit März 2020 nicht mehr (gestiegen)", "nicht erlitten"
        tail = RECORDS.not_since.match(text, end)
        if tail is None:
            return None
        end, verb = tail.end(), (tail["nverb"] or "").lower()
    moved = "up" if verb in UP_VERBS else "down" if verb in DOWN_VERBS else None
    noun = None  # the move noun of "einen so kräftigen Tagesgewinn ... zuletzt", "a gain not
    # seen", "einen so starken Kursrückgang hatte es seit … nicht mehr gegeben"
    if last or m["seen"] or (negated and moved is None):
        inside = last or negated
        words = text[m.start() : m.end()].split() if inside else text[: m.start()].split()[-2:]
        found = [MOVE_NOUNS.get(w.strip(",;").lower()) or MOVE_NOUNS.get(w) for w in words]
        noun = next((n for n in found if n is not None and n[0] == "move"), None)
        moved = moved or (noun[1] if noun else None)
    if m["verb"] or so in _MOVE_SO or noun is not None:
        return _phrase(m.start(), end, text, "move", moved, window)
    direction = "up" if so in {"hoch", "high", "teuer"} else "down" if so else None
    closed = last and _CLOSED.match(text, end) is not None  # "… zuletzt Ende Mai
    return _phrase(m.start(), end, text, "level", direction, window, closing=closed)  # geschlossen"


def _record_for(m: re.Match[str], text: str) -> RecordPhrase:
    direction = MOVE_NOUNS.get(m["rnoun"].lower(), ("move", "down"))[1]
    return _phrase(
        m.start(), m.end(), text, "move", direction, Window(all_time=True, end=m.end()),
        closing="clos" in (m["rbasis"] or "").lower(), current=bool(m["current"]),
    )  # fmt: skip


def _record_level(m: re.Match[str], text: str, closing: bool = False) -> RecordPhrase:
    """ "closed at a record 6,173.07": an all-time high level, the number after it its level;
    "closed at 6,090.27 on Friday, a record": the number before it, on its close."""
    lo, hi = m.start("rword"), m.end("rword")
    return _phrase(lo, hi, text, "level", "up", Window(all_time=True, end=hi), closing=closing)


def find_records(text: str, published: Published, lang: str) -> list[RecordPhrase]:
    """Every record phrase of a sentence, in order; of overlapping ones the longest (the first
    found on ties: a streak over the "record high" it counts)."""
    gates = open_gates(text.lower())
    if not gates:
        return []
    pe = published.end

    def run(name: str) -> list[re.Match[str]]:
        if name not in gates:
            return []
        return list(getattr(RECORDS, name).finditer(text))

    found: list[RecordPhrase | None] = []
    found += [_record_for(m, text) for m in run("record_for")]
    found += [_streak(m, text) for m in run("streak")]
    found += [_threshold(m, text, pe, lang) for m in run("threshold")]
    found += [_superlative(m, text, pe) for m in run("superlative")]
    found += [_level_word(m, text, pe, lang) for m in run("level_en") + run("level_de")]
    found += [_as_since(m, text, pe) for m in run("as_since")]
    found += [_record_level(m, text) for m in run("record_level")]
    found += [_record_level(m, text, closing=True) for m in run("record_after")]
    kept: list[RecordPhrase] = []
    for phrase in found:
        if phrase is None:
            continue
        clash = [k for k in kept if k.lo < phrase.hi and phrase.lo < k.hi]
        if all(phrase.hi - phrase.lo > k.hi - k.lo for k in clash):
            kept = [k for k in kept if k not in clash] + [phrase]
    return sorted(kept, key=lambda p: p.lo)
