"""Many articles: one per-article function, run in this process or in worker processes.

:func:`check_item` turns one article (or the problem that stopped it) into an
:class:`ArticleOutcome`: its flat claim rows (:data:`ROW_COLUMNS`) or its problem, never an
exception. :func:`run_check` runs it over a stream of articles, in order, with bounded memory:
in this process, or on ``workers`` processes that each load the registry, the reported figures
and a price book once (:class:`BatchOptions` is what they are built from) and get chunks of
articles, a fixed number of chunks in flight. Results come back in input order and equal the
serial run's: every article is checked by the same function on the same data. The price cache
on disk is shared safely: each write is an atomic replace (impact.prices.cache).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from impact.claims.values import Published
from impact.config import Settings
from impact.prices.model import PriceSeries
from impact.sources.model import ColumnMap, SourcedArticle, SourceProblem
from impact.verdicts.window import PriceBook

__all__ = [
    "ROW_COLUMNS",
    "ArticleOutcome",
    "BatchOptions",
    "BatchSummary",
    "BoundedPriceBook",
    "FileMemo",
    "check_item",
    "make_checker",
    "run_check",
]

# one row per claim: the article's fields, then the claim's (ClaimCheck.to_dict, flattened).
# article_path is unique in a run (FILE, FILE#n for a feed entry or corpus row)
ARTICLE_COLUMNS = (
    "article_id",
    "article_path",
    "article_url",
    "article_title",
    "source",
    "published",
    "published_time",
    "published_how",
    "published_confidence",
    "language",
)
CLAIM_COLUMNS = (
    "claim_id",
    "sentence",
    "span_start",
    "span_end",
    "text",
    "kind",
    "entity",
    "ticker",
    "metric",
    "direction",
    "magnitude",
    "unit",
    "currency",
    "scale",
    "hedge",
    "horizon",
    "start",
    "end",
    "verdict",
    "realized",
    "basis",
    "session",
    "nominal_session",
    "market_move",
    "explanation",
    "evidence",
)
ROW_COLUMNS = ARTICLE_COLUMNS + CLAIM_COLUMNS


@dataclass(frozen=True)
class BatchOptions:
    """What every worker builds its checker from, and how articles are read and checked."""

    settings: Settings = field(default_factory=Settings.from_env)
    registry: Path | None = None  # the user's registry TOML, added to the bundled one
    lang: str | None = None
    published: str | Published | None = None  # one publication date for every article
    columns: ColumnMap = field(default_factory=ColumnMap)
    book_size: int = 4096  # price series a worker keeps in memory (least recently used go)


@dataclass(frozen=True)
class ArticleOutcome:
    """One article's result: its claim rows, or the problem (kind, line) that stopped it."""

    index: int  # the article's place in the run, from 0
    path: str
    rows: tuple[dict[str, Any], ...] = ()
    problem: tuple[str, str] | None = None

    @property
    def verdicts(self) -> list[str]:
        return [r["verdict"] for r in self.rows]


class FileMemo:
    """Price files read once per process: a file's frame is kept under its path, size and
    modification time (a changed file is read again), the ``size`` files used last."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._frames: dict[tuple[str, int, int], pd.DataFrame] = {}

    def read(self, path: Path) -> pd.DataFrame:
        from impact.prices.model import read_price_csv

        stat = Path(path).stat()
        key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
        frame = self._frames.pop(key, None)
        if frame is None:
            frame = read_price_csv(path)
        self._frames[key] = frame  # most recent last
        while len(self._frames) > self.size:
            del self._frames[next(iter(self._frames))]
        return frame


class BoundedPriceBook(PriceBook):
    """A price book for long runs: each price file is read once (:class:`FileMemo`), and the
    ``size`` series asked for last are kept, so memory stays bounded over a run of any length.
    The series are the ones ``load_prices`` gives, range by range, as in PriceBook; a range
    with no prices is kept as its reason, and raised as a new DataUnavailable each time."""

    def __init__(self, settings: Settings, yahoo: object = None, size: int = 4096) -> None:
        super().__init__(settings, yahoo)
        self.size = size
        self.files = FileMemo()

    def _load(self, ticker: str, lo: dt.date, hi: dt.date) -> PriceSeries:
        from impact.errors import DataUnavailable
        from impact.prices import load_prices

        key = (ticker, lo, hi)
        found = self._loaded.pop(key, None)
        if found is None:
            try:
                found = load_prices(
                    ticker, lo.isoformat(), hi.isoformat(), self.settings, self.yahoo,  # type: ignore[arg-type]
                    read=self.files.read,
                )  # fmt: skip
            except DataUnavailable as exc:
                found = exc.with_traceback(None)
        self._loaded[key] = found  # most recent last
        while len(self._loaded) > self.size:
            del self._loaded[next(iter(self._loaded))]
        if isinstance(found, DataUnavailable):
            # a new exception each time: one raised again would keep every traceback (and the
            # frames, claims and series in them) it was raised through
            raise DataUnavailable(found.ticker, found.start, found.end, found.reason)
        return found


def make_checker(options: BatchOptions):
    """The checker a run (or a worker) uses: registry, reported figures, bounded price book."""
    from impact.registry import Registry, default_registry
    from impact.verdicts import Checker

    registry = Registry.load(options.registry) if options.registry else default_registry()
    checker = Checker(options.settings, registry)
    checker.book = BoundedPriceBook(options.settings, checker.yahoo, options.book_size)
    return checker


def _article_fields(item: SourcedArticle, extracted: Any) -> dict[str, Any]:
    p = extracted.published
    return {
        "article_id": item.id or item.path,
        "article_path": item.path,
        "article_url": item.url,
        "article_title": item.title,
        "source": item.source,
        "published": p.label() if p.start else None,
        "published_time": p.time,
        "published_how": p.how,
        "published_confidence": p.confidence,
        "language": extracted.language,
    }


def _claim_fields(check: Any) -> dict[str, Any]:
    from impact.render.text import to_jsonable

    d = check.to_dict()
    span = d.pop("span")
    d["span_start"], d["span_end"] = span
    d["claim_id"] = d.pop("id")
    d["evidence"] = json.dumps(to_jsonable(d["evidence"]), ensure_ascii=False, sort_keys=True)
    return {k: to_jsonable(d.get(k)) for k in CLAIM_COLUMNS}


def check_item(
    index: int, item: SourcedArticle | SourceProblem, checker: Any, options: BatchOptions
) -> ArticleOutcome:
    """One article's claim rows, or its problem; a failure while checking is its problem too."""
    from impact.claims import extract_article
    from impact.errors import ImpactError

    if isinstance(item, SourceProblem):
        return ArticleOutcome(index, item.path, problem=(item.kind, item.message))
    published = options.published or item.published
    try:
        extracted = extract_article(
            item.text, published, options.lang, checker.registry, title=item.title
        )
        result = checker.check_article(item.path, extracted)
    except ImpactError as exc:
        return ArticleOutcome(index, item.path, problem=("check_error", str(exc)))
    except Exception as exc:  # a bug on one article must not stop a run of thousands
        line = f"{type(exc).__name__}: {exc}"
        return ArticleOutcome(index, item.path, problem=("internal_error", line))
    head = _article_fields(item, extracted)
    rows = tuple({**head, **_claim_fields(c)} for c in result.checks)
    return ArticleOutcome(index, item.path, rows)


@dataclass
class BatchSummary:
    """Counts over a run: articles, claims, verdicts, articles without claims, problems by
    kind, and the first ``keep`` problems as (path, kind, line)."""

    articles: int = 0
    claims: int = 0
    without_claims: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    first_problems: list[tuple[str, str, str]] = field(default_factory=list)
    keep: int = 20

    def add(self, outcome: ArticleOutcome) -> None:
        self.articles += 1
        if outcome.problem is not None:
            kind, line = outcome.problem
            self.problems[kind] += 1
            if len(self.first_problems) < self.keep:
                self.first_problems.append((outcome.path, kind, line))
            return
        self.claims += len(outcome.rows)
        self.without_claims += not outcome.rows
        self.verdicts.update(outcome.verdicts)

    def merge(self, other: BatchSummary) -> None:
        """Add another summary's counts (a partition's)."""
        self.articles += other.articles
        self.claims += other.claims
        self.without_claims += other.without_claims
        self.verdicts.update(other.verdicts)
        self.problems.update(other.problems)
        room = self.keep - len(self.first_problems)
        self.first_problems.extend(other.first_problems[: max(room, 0)])

    @property
    def failed(self) -> int:
        return sum(self.problems.values())


def _serial(items: Iterable[Any], options: BatchOptions) -> Iterator[ArticleOutcome]:
    checker = make_checker(options)
    for index, item in enumerate(items):
        yield check_item(index, item, checker, options)


_WORKER: dict[str, Any] = {}  # in a worker process: its options and checker


def _init_worker(options: BatchOptions) -> None:
    _WORKER["options"] = options
    _WORKER["checker"] = make_checker(options)


def _check_chunk(chunk: list[tuple[int, Any]]) -> list[ArticleOutcome]:
    options, checker = _WORKER["options"], _WORKER["checker"]
    return [check_item(index, item, checker, options) for index, item in chunk]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for pair in enumerate(items):
        chunk.append(pair)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(
    items: Iterable[Any], options: BatchOptions, workers: int, chunk: int
) -> Iterator[ArticleOutcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    pool = ProcessPoolExecutor(workers, context, _init_worker, (options,))
    try:
        pending: deque[Any] = deque()
        for part in _chunks(items, chunk):
            pending.append(pool.submit(_check_chunk, part))
            if len(pending) >= 3 * workers:  # bounded: at most this many chunks in flight
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_check(
    items: Iterable[SourcedArticle | SourceProblem],
    options: BatchOptions | None = None,
    workers: int = 1,
    chunk: int = 16,
    on_outcome: Callable[[ArticleOutcome], None] | None = None,
) -> Iterator[ArticleOutcome]:
    """Every article's outcome, in input order (``workers`` > 1: on that many processes, each
    sent ``chunk`` articles at a time). ``on_outcome`` sees each one as it is yielded."""
    options = options or BatchOptions()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    stream = _serial(items, options) if workers == 1 else _parallel(items, options, workers, chunk)
    for outcome in stream:
        if on_outcome is not None:
            on_outcome(outcome)
        yield outcome
