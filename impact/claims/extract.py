"""Stage 1: text -> claims. Rules and lexicons, offline and deterministic.

For every sentence: find quantities with a unit (numbers.py), then for each one, within its clause
(the sentence cut at ``,;:`` and dashes, at most ``WINDOW`` characters around the number):
hedge (the words right before it), direction (the nearest direction word, a sign, or a separable
verb), metric (the nearest metric noun), horizon and dates (lexicon.HORIZONS, resolved against the
publication date), entity (the nearest mention; else, for a coreference such as "des Unternehmens"
or a metric noun, the entity of the latest earlier sentence) and listing (registry cues).
Clauses with a forecast, condition or stake marker are not claims. Superlatives ("den größten
Anstieg an einem Tag seit 2022") become record claims attached to the move in the same sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from impact.claims.dates import Published, detect_published, latest_weekday, month_range
from impact.claims.lexicon import (
    LEXICON,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    WEEKDAYS,
    literal_prefixes,
    starts_at_word,
)
from impact.claims.model import Claim
from impact.claims.numbers import NumberMatch, find_numbers
from impact.registry import Entity, Registry, default_registry

__all__ = ["ExtractedArticle", "detect_language", "extract", "extract_article", "split_sentences"]

WINDOW = 240  # characters of context either side of a number that its fields may come from
MAX_SENTENCE = 2000  # longer "sentences" (no punctuation) are cut, keeping extraction linear
_ABBREVIATIONS = {
    "mrd",
    "mio",
    "tsd",
    "bio",
    "ca",
    "bzw",
    "z.b",
    "u.a",
    "nr",
    "dr",
    "prof",
    "inc",
    "corp",
    "co",
    "ltd",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
    "st",
    "mr",
    "mrs",
    "ms",
    "u.s",
    "e.g",
    "i.e",
    "no",
    "abs",
    "vgl",
    "evtl",
    "ggf",
    "inkl",
    "zzgl",
    "rd",
    "gen",
    "bzgl",
    "usw",
    "sog",
    "jr",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"“”»«')\]]*(?=\s)")
_CLAUSE_BREAK = re.compile(r"[;:]\s|,\s|\s[–—-]\s|\(|\)")
_LAST_WORD = re.compile(r"([\w.]+)$")
_DIGIT = re.compile(r"\d")
_WORD_CHARS = re.compile(r"\w+")
# "BYD-Aktien", "Aktien von Foo", "Foo shares": a company the registry does not know
_UNKNOWN_COMPANY = re.compile(
    r"(?<![\w-])[A-ZÄÖÜ][\w&.]*-(?:Aktie|Aktien|Papiere|Titel|Kurs)\b|(?:Aktien|Papiere) (?:von|der) "
    r"[A-ZÄÖÜ][\w&]+|(?<![\w-])[A-Z][\w&]*(?:'s)? (?:shares|stock)\b"
)
_SINCE = re.compile(r"seit|since", re.IGNORECASE)
_URL_HINT = re.compile(r"https?:|www\.|\]\(")
_COMPLEMENTIZER = re.compile(r"\s*(?:dass|daß|ob|that|whether|wonach)\b", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+|\]\([^)\s]*\)")


def _blank(m: re.Match[str]) -> str:
    """URLs keep their length (so spans stay right) but lose their digits and percent signs."""
    return " " * len(m.group(0))


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
    (
        re.compile(r"(?<!\w)(?:Gesamtumsatz\w*|total revenue|total sales|insgesamt|overall)(?!\w)"),
        "Total",
    ),
]


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article's language, publication date and claims."""

    language: str
    published: Published
    claims: tuple[Claim, ...]


def detect_language(text: str) -> str:
    """'de' or 'en', by counting frequent function words of each (German wins ties)."""
    found = Counter(filter(LEXICON.function_words.__contains__, text[:4000].lower().split()))
    de = sum(n for w, n in found.items() if w in LEXICON.german_set)
    en = sum(n for w, n in found.items() if w in LEXICON.english_set)
    return "en" if en > de else "de"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a break after ``.!?`` before whitespace (not after an abbreviation, a
    single letter or an ordinal before a month name) and at every newline."""
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    while True:
        newline = text.find("\n", pos)
        line_end = size if newline < 0 else newline + 1
        start = pos
        for m in _SENTENCE_END.finditer(text, pos, line_end):
            end = m.end()
            following = text[end : end + 12].lstrip()
            if following and following[0].islower():
                continue
            before = text[max(start, m.start() - 40) : m.start()]
            words = before.rsplit(None, 1)
            token = words[-1].lower().rstrip(".") if words else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if (
                before[-1:].isdecimal()  # an ordinal: "13. Februar"
                and following.split(" ")[0].lower().strip(".,") in MONTHS
            ):
                continue
            _push(spans, text, start, end)
            start = end
        _push(spans, text, start, line_end)
        if newline < 0:
            return spans
        pos = line_end


def _push(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _clause(sentence: str, pos: int, end: int) -> tuple[int, int]:
    """The clause of the sentence around [pos, end), bounded to WINDOW characters either side."""
    lo, hi = max(0, pos - WINDOW), min(len(sentence), end + WINDOW)
    left = lo
    for m in _CLAUSE_BREAK.finditer(sentence, lo, pos):
        left = m.end()
    right_m = _CLAUSE_BREAK.search(sentence, end, hi)
    right = right_m.start() if right_m else hi
    return left, right


# A pattern's gate. "word": every match starts at a word start with one of the pattern's
# fragments (a literal prefix's leading word characters, at most _FRAGMENT, lower-cased);
# _OWNERS lists, for each fragment, the patterns it gates. "text": every match starts with one
# of the literal prefixes given. None: no gate. Gates are kept with their pattern (which keeps
# its id from being reused).
_Gate = tuple[str, tuple[str, ...]] | None
_GATES: dict[int, tuple[re.Pattern[str], _Gate]] = {}
_OWNERS: dict[str, list[int]] = {}
_OWNERS_OF_START: dict[str, tuple[int, ...]] = {}  # a word's first _FRAGMENT letters → owners
_FRAGMENT = 4


def _owners_of(start: str) -> tuple[int, ...]:
    """The word-gated patterns one of whose fragments begins a word that begins with ``start``."""
    owners = _OWNERS_OF_START.get(start)
    if owners is None:
        if len(_OWNERS_OF_START) > 50_000:  # a memo, bounded
            _OWNERS_OF_START.clear()
        found = {o for k in range(1, len(start) + 1) for o in _OWNERS.get(start[:k], ())}
        owners = _OWNERS_OF_START[start] = tuple(sorted(found))
    return owners


def _gate(pattern: re.Pattern[str]) -> _Gate:
    key = id(pattern)
    known = _GATES.get(key)
    if known is not None:
        return known[1]
    prefixes = literal_prefixes(pattern.pattern, pattern.flags)
    gate: _Gate = None if prefixes is None else ("text", tuple(prefixes))
    if prefixes is not None and starts_at_word(pattern.pattern, pattern.flags):
        fragments = {_WORD_CHARS.match(p) for p in prefixes}
        if all(fragments):
            words = sorted({f.group(0)[:_FRAGMENT] for f in fragments if f})
            for fragment in words:
                _OWNERS.setdefault(fragment, []).append(key)
            _OWNERS_OF_START.clear()
            gate = ("word", tuple(words))
    _GATES[key] = (pattern, gate)
    return gate


class _Scan:
    """Each pattern's matches over one sentence, found once and reused for every number in it."""

    __slots__ = ("_cache", "_directions", "_lower", "_places", "_places_for", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._places: dict[int, list[int]] | None = None
        self._places_for = 0  # how many gates were known when _places was built
        self._cache: dict[int, list[re.Match[str]]] = {}
        self._directions: list[tuple[int, str]] | None = None

    def directions(self) -> list[tuple[int, str]]:
        """(position, up/down/unchanged) of every direction word ("up to" is a hedge, not a rise)."""
        if self._directions is None:
            words = LEXICON.direction_words
            found = []
            for m in LEXICON.token.finditer(self.text):
                name = words.get(m.group(0).lower())
                if name is None:
                    continue
                if m.group(0).lower() == "up" and self.text.startswith(" to", m.end()):
                    continue
                found.append((m.start(), name))
            self._directions = found
        return self._directions

    def _word_places(self, key: int) -> list[int]:
        """Where a word of the text starts with one of the fragments of pattern ``key``, in
        text order: one pass over the words for every word-gated pattern at once."""
        if self._places is None or self._places_for != len(_GATES):
            places: dict[int, list[int]] = {}
            for m in _WORD_CHARS.finditer(self._lower or ""):
                start = m.start()
                for owner in _owners_of(m.group(0)[:_FRAGMENT]):
                    places.setdefault(owner, []).append(start)
            self._places, self._places_for = places, len(_GATES)
        return self._places.get(key, [])

    def all(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """pattern.finditer(text), found faster where the pattern's gate allows (_gate): a
        "text" gate skips the regex when no literal prefix occurs; a "word" gate tries the
        pattern only where a word starts with one of its fragments (every match starts at one
        of those places), anchored, left to right, as finditer would."""
        key = id(pattern)
        found = self._cache.get(key)
        if found is not None:
            return found
        gate = _gate(pattern)
        if self._lower is None:
            lower = self.text.lower()
            self._lower = lower if len(lower) == len(self.text) else ""  # "İ".lower() is longer
        if gate is None or not self._lower:
            found = list(pattern.finditer(self.text))
        elif gate[0] == "text":
            present = any(map(self._lower.__contains__, gate[1]))
            found = list(pattern.finditer(self.text)) if present else []
        else:
            places = self._word_places(key)
            found = self._anchored(pattern, places) if places else []
        self._cache[key] = found
        return found

    def _anchored(self, pattern: re.Pattern[str], places: list[int]) -> list[re.Match[str]]:
        """The pattern tried at each of ``places`` (ascending), the next try after the end of
        the last match: what finditer finds, as every match starts at one of them."""
        found: list[re.Match[str]] = []
        end = 0
        for at in places:
            m = pattern.match(self.text, at) if at >= end else None
            if m is None:
                continue
            if m.end() == m.start():  # an empty match: let finditer decide what follows
                return list(pattern.finditer(self.text))
            found.append(m)
            end = m.end()
        return found

    def within(self, pattern: re.Pattern[str], lo: int, hi: int) -> list[re.Match[str]]:
        return [m for m in self.all(pattern) if lo <= m.start() and m.end() <= hi]


def _nearest(
    pattern: re.Pattern[str], scan: _Scan, lo: int, hi: int, pos: int
) -> re.Match[str] | None:
    best, best_d = None, None
    for m in scan.within(pattern, lo, hi):
        d = abs(m.start() - pos)
        if best_d is None or d < best_d:
            best, best_d = m, d
    return best


def _direction(sentence: _Scan, lo: int, hi: int, pos: int, sign: int) -> str:
    if sign:
        return "up" if sign > 0 else "down"
    found: list[tuple[int, str]] = [
        (abs(at - pos), name) for at, name in sentence.directions() if lo <= at < hi
    ]
    for m in sentence.within(LEXICON.separable_heads, lo, hi):
        _, particle, name = LEXICON.separable[int(m.lastgroup[1:])]  # type: ignore[index]
        if any(p.start() >= m.end() for p in sentence.within(particle, lo, hi)):
            found.append((abs(m.start() - pos), name))
    return min(found)[1] if found else "none"


def _hedge(sentence: str, pos: int) -> str:
    before = sentence[max(0, pos - 40) : pos]
    for rx, kind in LEXICON.hedges:
        if rx.search(before):
            return kind
    return "exact"


def _metric_noun(sentence: _Scan, lo: int, hi: int, pos: int) -> str | None:
    """The metric named nearest the number in [lo, hi) (share of revenue: right after it)."""
    for rx, metric in LEXICON.metrics[:1]:  # share of revenue follows the number directly
        if any(0 <= m.start() - pos < 40 for m in sentence.all(rx)):
            return metric
    best: tuple[int, str] | None = None
    for rx, metric in LEXICON.metrics[1:]:
        m = _nearest(rx, sentence, lo, hi, pos)
        if m is not None and (best is None or abs(m.start() - pos) < best[0]):
            best = (abs(m.start() - pos), metric)
    return best[1] if best is not None else None


@dataclass
class _HorizonFound:
    kind: str
    match: re.Match[str] | None


def _horizon(
    sentence: _Scan, lo: int, hi: int, masked: list[tuple[int, int]]
) -> list[_HorizonFound]:
    found: dict[str, _HorizonFound] = {}
    for rx, kind in LEXICON.horizons:
        if kind in found:
            continue
        for m in sentence.within(rx, lo, hi):
            if not any(a <= m.start() < b for a, b in masked):
                found[kind] = _HorizonFound(kind, m)
                break
    return list(found.values())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class _Resolver:
    """Turns horizon cues into dates, against the publication date (a range when unsure)."""

    def __init__(self, published: Published) -> None:
        self.p = published

    def ref(self) -> tuple[dt.date | None, dt.date | None]:
        return self.p.start, self.p.end

    def where(self) -> str:
        return f"published {self.p.label()} ({self.p.how})"

    def _since(self, out: dict, start: dt.date, cue: str) -> dict:
        """A move from the last close before ``start`` to publication."""
        out.update(start=_iso(start), end=_iso(self.p.end), end_earliest=_iso(self.p.start))
        return {
            **out,
            "horizon": "since",
            "how": f"{cue}: from the last close before {start} to publication ({self.where()})",
        }

    def resolve(self, cues: list[_HorizonFound], metric: str) -> dict:
        kinds = {c.kind: c for c in cues}
        ps, pe = self.ref()
        out: dict = {
            "start": None,
            "end": None,
            "end_earliest": None,
            "n": None,
            "notes": [],
            "fiscal_quarter": None,
        }
        reported = metric in {"revenue", "share_of_revenue", "profit", "shipments", "market_share"}
        if "quarter" in kinds:
            m = kinds["quarter"].match
            assert m is not None
            gd = m.groupdict()
            q = ORDINALS.get((gd.get("q") or "").lower()) or int((gd.get("q2") or "Q0")[1])
            year = gd.get("qyear") or gd.get("q2year")
            y = int(year) if year else (pe.year if pe else None)
            fiscal = bool(gd.get("fiscal"))
            horizon = "quarter_yoy" if "yoy" in kinds else "quarter"
            if fiscal and reported and not year:
                out["fiscal_quarter"] = q
                return {
                    **out,
                    "horizon": "fiscal_yoy",
                    "how": f"'{m.group(0)}': the latest fiscal Q{q} reported before publication, "
                    f"year on year ({self.where()})",
                }
            if fiscal:
                out["notes"].append("a fiscal quarter: its calendar dates depend on the company")
            if y and q:
                start = dt.date(y, 3 * q - 2, 1)
                end = month_range(y, 3 * q)[1]
                out.update(start=_iso(start), end=_iso(end), end_earliest=_iso(end))
                how = f"'{m.group(0)}': Q{q} {y}" + (" (year from publication)" if not year else "")
            else:
                how = f"'{m.group(0)}': no year and no publication date"
            if "yoy" in kinds:
                how += ", against the same quarter a year earlier"
            return {**out, "horizon": horizon, "how": how}
        if "latest_reported" in kinds or (
            reported and not any(k in kinds for k in ("ytd", "month", "mtd", "since", "week"))
        ):
            cue = kinds.get("latest_reported")
            word = f"'{cue.match.group(0)}'" if cue and cue.match else "no period named"
            horizon = "fiscal_yoy" if reported else "latest_reported"
            out["end"] = _iso(pe)
            return {
                **out,
                "horizon": horizon,
                "how": f"{word}: the latest period reported before publication, year on year "
                f"({self.where()})",
            }
        if "ytd" in kinds:
            m = kinds["ytd"].match
            year_m = re.search(r"\d{4}", m.group(0)) if m else None
            if year_m:
                year = int(year_m.group(0))
            elif pe:
                year = pe.year
            else:
                return {
                    **out,
                    "horizon": "ytd",
                    "how": f"'{m.group(0) if m else ''}': year unknown (no publication date)",
                }
            out.update(start=f"{year}-01-01", end=_iso(pe), end_earliest=_iso(ps))
            return {
                **out,
                "horizon": "ytd",
                "how": f"'{m.group(0) if m else ''}': from the last close of {year - 1} to "
                f"publication ({self.where()})",
            }
        if "mtd" in kinds or "month" in kinds:
            cue = kinds.get("month") or kinds["mtd"]
            m = cue.match
            assert m is not None
            if cue.kind == "month":
                month = MONTHS[m.group("month").strip(".").lower()]
                year = int(m.group("myear")) if m.group("myear") else None
            else:
                month, year = (pe.month if pe else None), None
            if month is None or (year is None and pe is None):
                return {**out, "horizon": "month", "how": f"'{m.group(0)}': year unknown"}
            if year is None:
                year = pe.year if month <= pe.month else pe.year - 1  # type: ignore[union-attr]
            first, last = month_range(year, month)
            if pe and first <= pe <= last:
                end, earliest = pe, max(first, ps or first)
                return {
                    **out,
                    "horizon": "mtd",
                    "start": _iso(first),
                    "end": _iso(end),
                    "end_earliest": _iso(earliest),
                    "how": f"'{m.group(0)}': month to date, from the last close before "
                    f"{first:%Y-%m} ({self.where()})",
                }
            if ps and ps <= last and pe and pe > last:
                earliest = max(first, ps)
                return {
                    **out,
                    "horizon": "mtd",
                    "start": _iso(first),
                    "end": _iso(last),
                    "end_earliest": _iso(earliest),
                    "how": f"'{m.group(0)}': {first:%B %Y}, to date or whole ({self.where()})",
                }
            return {
                **out,
                "horizon": "month",
                "start": _iso(first),
                "end": _iso(last),
                "end_earliest": _iso(last),
                "how": f"'{m.group(0)}': the whole of {first:%B %Y}",
            }
        if "since" in kinds:
            m = kinds["since"].match
            assert m is not None
            gd = m.groupdict()
            text = m.group(0)
            if "letzt" in text or "vergangen" in text or "last year" in text:
                if not pe:
                    return {**out, "horizon": "since", "how": f"'{text}': no publication date"}
                start = dt.date(pe.year - 1, 1, 1)
                out["notes"].append("'since last year' read as since the start of last year")
            else:
                year_t = gd.get("syear") or gd.get("syear2") or gd.get("syear3")
                month_t = (
                    gd.get("smonth") or gd.get("smonth2") or gd.get("smonth3") or gd.get("smonth4")
                )
                day_t = gd.get("sday") or gd.get("sday2")
                year = int(year_t) if year_t else (pe.year if pe else None)
                if (
                    not year_t
                    and month_t
                    and pe
                    and MONTHS.get(month_t.strip(".").lower(), 1) > pe.month
                ):
                    year = pe.year - 1  # "seit Oktober" in February: October of last year
                if year is None:
                    return {**out, "horizon": "since", "how": f"'{text}': year unknown"}
                month = MONTHS.get(month_t.strip(".").lower(), 1) if month_t else 1
                start = dt.date(year, month, int(day_t) if day_t else 1)
                if re.search(r"Mitte|mid", text):
                    start = dt.date(year, 7 if not month_t else month, 1 if not month_t else 15)
                if re.search(r"Ende|late", text) and not month_t:
                    start = dt.date(year, 10, 1)
            return self._since(out, start, f"'{text}'")
        if "trailing" in kinds:
            m = kinds["trailing"].match
            assert m is not None
            gd = m.groupdict()
            word = (gd.get("tn") or gd.get("tn2") or "1").lower()
            count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
            unit = (
                gd.get("tu") or gd.get("tu2") or gd.get("tu3") or gd.get("tu4") or "year"
            ).lower()
            per_unit = (
                30.44
                if unit.startswith(("monat", "month"))
                else (7.0 if unit.startswith(("woch", "week")) else 365.25)
            )
            if not pe:
                return {**out, "horizon": "since", "how": f"'{m.group(0)}': no publication date"}
            start = pe - dt.timedelta(days=round(per_unit * count))
            return self._since(out, start, f"'{m.group(0)}': the trailing {count} {unit}")
        if "week" in kinds:
            m = kinds["week"].match
            assert m is not None
            if not pe:
                return {**out, "horizon": "week", "how": f"'{m.group(0)}': no publication date"}
            anchor = (
                pe - dt.timedelta(days=7) if re.search(r"vergangen|letzt|last", m.group(0)) else pe
            )
            monday = anchor - dt.timedelta(days=anchor.weekday())
            end = min(monday + dt.timedelta(days=6), pe)
            out.update(
                start=_iso(monday),
                end=_iso(end),
                end_earliest=_iso(end if self.p.exact else monday),
            )
            return {
                **out,
                "horizon": "week",
                "how": f"'{m.group(0)}': the week of {monday} ({self.where()})",
            }
        if "n_sessions" in kinds:
            m = kinds["n_sessions"].match
            assert m is not None
            word = (m.group("nd") or m.group("ne") or "").lower()
            n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            out.update(end=_iso(pe), end_earliest=_iso(ps), n=n)
            return {
                **out,
                "horizon": "n_sessions",
                "how": f"'{m.group(0)}': {n} sessions to publication ({self.where()})",
            }
        one_day = kinds.get("one_day")
        horizon = "intraday" if "intraday" in kinds else "one_day"
        if one_day and one_day.match:
            gd = one_day.match.groupdict()
            weekday = gd.get("wd") or gd.get("wd2")
            if weekday and pe:
                wd = WEEKDAYS[weekday.lower()]
                latest = latest_weekday(wd, pe)
                earliest = latest_weekday(wd, ps) if ps else latest
                out.update(start=_iso(earliest), end=_iso(latest), end_earliest=_iso(earliest))
                return {
                    **out,
                    "horizon": horizon,
                    "how": f"'{one_day.match.group(0)}': the latest {weekday} on or before "
                    f"publication ({self.where()})",
                }
            if gd.get("today") and pe:
                out.update(start=_iso(ps), end=_iso(pe), end_earliest=_iso(ps))
                return {
                    **out,
                    "horizon": horizon,
                    "how": f"'{gd['today']}': the publication day ({self.where()})",
                }
            if gd.get("yesterday") and pe:
                a, b = ps - dt.timedelta(days=1), pe - dt.timedelta(days=1)  # type: ignore[operator]
                out.update(start=_iso(a), end=_iso(b), end_earliest=_iso(a))
                return {
                    **out,
                    "horizon": horizon,
                    "how": f"'{gd['yesterday']}': the day before publication ({self.where()})",
                }
        out.update(start=_iso(ps), end=_iso(pe), end_earliest=_iso(ps))
        if pe is None:
            how = "no date in the sentence and no publication date: the session is unknown"
        else:
            how = f"no date in the sentence: the latest session before publication ({self.where()})"
        return {**out, "horizon": horizon, "how": how}


def _segment(sentence: str, previous: Claim | None) -> str | None:
    for rx, name in _REGIONS:
        if name != "Total" and rx.search(sentence):
            return name
    if re.search(r"(?<!\w)(?:dort|there)(?!\w)", sentence) and previous and previous.segment:
        return previous.segment
    return previous.segment if previous and previous.segment else None


def _testable(
    metric: str, entity: Entity | None, unit: str | None, ticker: str | None
) -> tuple[str, str]:
    if (
        entity is not None
        and not entity.listed
        and metric not in {"revenue", "share_of_revenue", "profit"}
    ):
        return "none", f"{entity.name} has no stock-exchange listing"
    if metric in {"shipments", "market_share", "other"}:
        return "none", f"{metric.replace('_', ' ')}: no market or reported data for it"
    if metric in {"revenue", "share_of_revenue", "profit"}:
        return "reported", "a reported company figure"
    if entity is None:
        return "none", "no company or index named"
    if not entity.listed:
        return "none", f"{entity.name} has no stock-exchange listing"
    if metric == "market_value" and unit == "money":
        return "none", "market value in money needs shares outstanding, which no source here has"
    return "market", "a price move or level"


def extract(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> list[Claim]:
    """Every claim in ``text`` (see the module docstring for the rules)."""
    return list(extract_article(text, published, lang, registry).claims)


def extract_article(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> ExtractedArticle:
    """Language, publication date and claims of one article."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    registry = registry or default_registry()
    language = lang or detect_language(text)
    if isinstance(published, Published):
        pub = published
    else:
        pub = detect_published(text, registry, published)
    resolver = _Resolver(pub)
    claims: list[Claim] = []
    last_entity: Entity | None = None
    all_mentions = registry.find_entities(text)
    starts = [m[0] for m in all_mentions]
    for s_start, s_end in split_sentences(text):
        a, b = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        if not _DIGIT.search(text, s_start, s_end):  # no number: only its entities matter
            named = [e for _, y, e in all_mentions[a:b] if y <= s_end]
            last_entity = _carried_entity(named, last_entity)
            continue
        sentence = text[s_start:s_end]
        mentions = [(x - s_start, y - s_start, e) for x, y, e in all_mentions[a:b] if y <= s_end]
        masked_text = _URL.sub(_blank, sentence) if _URL_HINT.search(sentence) else sentence
        numbers = find_numbers(masked_text, language)  # type: ignore[arg-type]
        records = list(LEXICON.record.finditer(sentence)) if _SINCE.search(sentence) else []
        masked = [(r.start(), r.end()) for r in records]
        scan = _Scan(sentence)
        sentence_claims: list[Claim] = []
        prev_end = 0
        for number in numbers:
            claim = _claim_for(
                number,
                sentence,
                s_start,
                mentions,
                last_entity,
                masked,
                resolver,
                registry,
                language,
                len(claims) + len(sentence_claims),
                claims[-1] if claims else None,
                prev_end,
                scan,
            )
            prev_end = number.end
            if claim is not None:
                sentence_claims.append(claim)
        for record in records:
            move = _attach(record, sentence_claims)
            rec = _record_claim(
                record,
                sentence,
                s_start,
                move,
                mentions,
                last_entity,
                registry,
                language,
                len(claims) + len(sentence_claims),
                resolver,
            )
            if rec is not None:
                sentence_claims.append(rec)
        claims.extend(sentence_claims)
        last_entity = _carried_entity([e for _, _, e in mentions], last_entity)
    return ExtractedArticle(language, pub, tuple(claims))


def _carried_entity(named: list[Entity], last: Entity | None) -> Entity | None:
    """The entity later sentences refer back to: the first listed one named, else the first."""
    if not named:
        return last
    return next((e for e in named if e.listed), named[0])


def _entity_for(
    pos: int,
    lo: int,
    hi: int,
    sentence: str,
    mentions: list[tuple[int, int, Entity]],
    last_entity: Entity | None,
    metric_hint: bool,
) -> tuple[Entity | None, str]:
    inside = [m for m in mentions if lo <= m[0] < hi]
    before = [m for m in inside if m[0] < pos]
    companies = [m for m in before if m[2].kind == "company"]
    if companies:  # "Apple verlor an der Nasdaq 1,5 Prozent": the company, not the venue
        return companies[-1][2], "named in the clause"
    if before:
        return before[-1][2], "named in the clause"
    if inside:
        return inside[0][2], "named in the clause"
    sentence_before = [m for m in mentions if m[0] < pos]
    if sentence_before:
        listed = [m for m in sentence_before if m[2].listed]
        return (listed[-1] if listed else sentence_before[-1])[2], "named in the sentence"
    unknown = _UNKNOWN_COMPANY.search(sentence, lo, hi)
    if unknown and unknown.start() < pos:
        return None, f"'{unknown.group(0)}': a company not in the registry"
    coref = LEXICON.coref.search(sentence)
    if last_entity is not None and (coref or metric_hint):
        cue = f"'{coref.group(0)}'" if coref else "no name in the sentence"
        return last_entity, f"{cue}: the company of the previous sentences"
    return None, "no company or index named"


def _claim_for(
    number: NumberMatch,
    sentence: str,
    offset: int,
    mentions: list[tuple[int, int, Entity]],
    last_entity: Entity | None,
    masked: list[tuple[int, int]],
    resolver: _Resolver,
    registry: Registry,
    language: str,
    claim_id: int,
    previous: Claim | None,
    prev_end: int,
    scan: _Scan,
) -> Claim | None:
    lo, hi = _clause(sentence, number.start, number.end)
    clause = sentence[lo:hi]
    if _COMPLEMENTIZER.match(clause) and lo > 0:  # "erwarten, dass ...": the governing clause too
        clause = sentence[_clause(sentence, max(0, lo - 3), max(0, lo - 2))[0] : hi]
    c_lo = hi - len(clause)
    allowed = scan.within(LEXICON.not_non_claim, c_lo, hi)
    for m in scan.within(LEXICON.non_claim, c_lo, hi):
        if not any(a.start() <= m.start() < a.end() for a in allowed):
            return None
    if scan.all(LEXICON.target):
        return None
    wide_lo, wide_hi = max(0, number.start - WINDOW), min(len(sentence), number.end + WINDOW)
    # the metric noun of the clause, else (an elliptical clause) of the sentence around it
    near = _metric_noun(scan, lo, hi, number.start)
    wide = near or _metric_noun(scan, wide_lo, wide_hi, number.start)
    provisional = wide or "other"
    entity, entity_how = _entity_for(
        number.start,
        lo,
        hi,
        sentence,
        mentions,
        last_entity,
        provisional
        in {"share_price", "revenue", "share_of_revenue", "market_value", "profit", "index_level"},
    )
    is_index = entity is not None and entity.kind == "index"
    metric = near or ("index_level" if is_index else None) or wide or "other"
    if metric == "share_price" and entity is not None and entity.kind == "index":
        metric = "index_level"
    assumed_metric = False
    if (
        metric == "other"
        and entity is not None
        and entity.listed
        and (number.unit == "percent" or (number.unit == "money" and number.scale == 1))
    ):
        metric = "index_level" if entity.kind == "index" else "share_price"  # "Xiaomi gained 5%"
        assumed_metric = True
    direction = _direction(scan, lo, hi, number.start, number.sign)
    if direction == "none":  # an elliptical clause ("allein im Februar um 17 Prozent")
        direction = _direction(
            scan,
            max(0, number.start - WINDOW),
            min(len(sentence), number.end + WINDOW),
            number.start,
            0,
        )
    hedge = _hedge(sentence, number.start)
    prep = re.search(
        r"(?<!\w)(auf|to|bei|at|von|from|um|by)\s+(?:\S+\s+)?$",
        sentence[max(0, number.start - 25) : number.start],
    )
    prep_word = prep.group(1) if prep else ""
    if metric == "share_of_revenue" or (metric == "market_share" and number.unit == "percent"):
        kind = "share"
        direction = "none" if not number.sign else direction
    elif number.unit in {"money", "points"} or prep_word in {"auf", "to", "bei", "at"}:
        kind = "level"
    elif direction != "none":
        kind = "move"
    else:
        kind = "other"
    if kind == "other" and entity is None:
        return None
    cues = _horizon(scan, lo, hi, masked)
    if not cues:  # cues earlier in the sentence ("Am Donnerstag, ..., stieg"), not in later clauses
        cues = _horizon(scan, max(prev_end, number.start - WINDOW), number.end, masked)
    if hedge == "up_to" and not any(c.kind == "intraday" for c in cues):
        cues.append(_HorizonFound("intraday", None))
    if any(c.kind == "intraday" for c in cues) and hedge == "exact":
        hedge = "up_to"
    resolved = resolver.resolve(cues, metric)
    closing = bool(scan.within(LEXICON.close, lo, hi))
    choice = registry.resolve_listing(entity, sentence) if entity is not None else None
    listing = choice.listing if choice else None
    testable, why = _testable(metric, entity, number.unit, listing.ticker if listing else None)
    notes = [f"entity: {entity_how}", f"testable: {why}", *resolved["notes"]]
    if assumed_metric:
        notes.append("no metric named: the share price assumed for a listed company")
    if (
        number.unit == "money"
        and number.currency == "USD"
        and re.search(r"(?<![\w-])Dollar", sentence[number.start : number.end])
        and listing
        and listing.currency == "HKD"
    ):
        notes.append("'Dollar' is ambiguous for a Hong Kong listing: USD assumed")
    if kind == "level" and prep_word in {"auf", "to"}:
        notes.append(f"'{prep_word}': the value reached, not the change")
    segment = _segment(sentence, previous) if testable == "reported" else None
    return Claim(
        id=claim_id,
        kind=kind,  # type: ignore[arg-type]
        text=sentence[number.start : number.end],
        span=(offset + number.start, offset + number.end),
        sentence=sentence,
        sentence_span=(offset, offset + len(sentence)),
        language=language,
        entity=entity.name if entity else None,
        ticker=listing.ticker if listing else None,
        listing_reason=choice.reason if choice else "no entity",
        alternatives=choice.alternatives if choice else (),
        metric=metric,  # type: ignore[arg-type]
        direction=direction,  # type: ignore[arg-type]
        magnitude=number.value,
        unit=number.unit,
        currency=number.currency,
        scale=number.scale,
        precision=number.decimals,
        hedge=hedge,  # type: ignore[arg-type]
        horizon=resolved["horizon"],
        start=resolved["start"],
        end=resolved["end"],
        end_earliest=resolved["end_earliest"],
        dates_how=resolved["how"],
        testable=testable,  # type: ignore[arg-type]
        segment=segment,
        n_sessions=resolved["n"],
        fiscal_quarter=resolved["fiscal_quarter"],
        closing=closing,
        notes=tuple(notes),
    )


def _attach(record: re.Match[str], claims: list[Claim]) -> Claim | None:
    moves = [c for c in claims if c.kind == "move"]
    if not moves:
        return None
    return min(moves, key=lambda c: abs(c.span[0] - record.start()))


def _record_claim(
    record: re.Match[str],
    sentence: str,
    offset: int,
    move: Claim | None,
    mentions: list[tuple[int, int, Entity]],
    last_entity: Entity | None,
    registry: Registry,
    language: str,
    claim_id: int,
    resolver: _Resolver,
) -> Claim | None:
    from impact.claims.lexicon import RECORD_DOWN_SUPER, RECORD_DOWN_WORDS, RECORD_LEVEL_NOUNS

    gd = record.groupdict()
    noun = gd["noun"].lower()
    sup = (
        re.sub(r"(n|m|r|s)$", "", gd["sup"].lower())
        if gd["sup"].lower().endswith(("n", "m", "r", "s"))
        and not gd["sup"].lower().endswith("est")
        else gd["sup"].lower()
    )
    down = (
        noun in RECORD_DOWN_WORDS
        or sup in RECORD_DOWN_SUPER
        or gd["sup"].lower() in RECORD_DOWN_SUPER
    )
    basis = (
        "level"
        if noun in RECORD_LEVEL_NOUNS and not (gd.get("oneday") or gd.get("oneday2"))
        else "one_day"
    )
    month = MONTHS.get((gd.get("rmonth") or "").strip(".").lower(), 1)
    year_text = gd.get("ryear") or gd.get("ryear2")
    if year_text:
        since = dt.date(int(year_text), month, 1)
    else:  # "its worst day since December": the latest such month before publication
        pe = resolver.p.end
        if pe is None:
            return None
        since = dt.date(pe.year if month < pe.month else pe.year - 1, month, 1)
    if move is not None:
        entity_name, ticker, reason, alts = (
            move.entity,
            move.ticker,
            move.listing_reason,
            move.alternatives,
        )
        testable = move.testable
        start, end, earliest = move.start, move.end, move.end_earliest
        how = f"the session of the attached move (claim {move.id}): {move.dates_how}"
        direction = move.direction if move.direction != "none" else ("down" if down else "up")
    else:
        entity, _ = _entity_for(
            record.start(), 0, len(sentence), sentence, mentions, last_entity, True
        )
        if entity is None:
            return None
        choice = registry.resolve_listing(entity, sentence)
        entity_name = entity.name
        ticker = choice.listing.ticker if choice.listing else None
        reason, alts = choice.reason, choice.alternatives
        testable = "market" if choice.listing else "none"
        resolved = resolver.resolve([], "share_price")
        start, end, earliest, how = (
            resolved["start"],
            resolved["end"],
            resolved["end_earliest"],
            resolved["how"],
        )
        direction = "down" if down else "up"
    return Claim(
        id=claim_id,
        kind="record",
        text=record.group(0),
        span=(offset + record.start(), offset + record.end()),
        sentence=sentence,
        sentence_span=(offset, offset + len(sentence)),
        language=language,
        entity=entity_name,
        ticker=ticker,
        listing_reason=reason,
        alternatives=alts,
        metric="index_level" if ticker and ticker.startswith("^") else "share_price",
        direction=direction,  # type: ignore[arg-type]
        magnitude=None,
        unit=None,
        currency=None,
        scale=1.0,
        precision=None,
        hedge="exact",
        horizon="record",
        start=start,
        end=end,
        end_earliest=earliest,
        dates_how=how,
        testable=testable,  # type: ignore[arg-type]
        record_since=since.isoformat(),
        record_basis=basis,  # type: ignore[arg-type]
        attached_to=move.id if move else None,
        notes=(
            f"record: the largest one-session {'fall' if direction == 'down' else 'rise'} since "
            f"{since}"
            if basis == "one_day"
            else f"record: the {'lowest' if direction == 'down' else 'highest'} level since {since}",
        ),
    )
