"""Runs over many inputs: each bad input fails alone, the others go on, and the summary says which.

An input (an article file, stdin, an event row) that cannot be read or run adds one
:class:`Problem` (where, and a one-line reason) to the run's :class:`RunLog`; an article whose
reading stopped early (``ExtractedArticle.stopped``) is done but partial, and said so too. Exit
code: 0 when every input ran in full, 1 when some failed or stopped early, 2 when none could run.
Output of large runs is streamed: :class:`JsonArray` writes each article's record as soon as it
is ready, exactly as the JSON array of all of them would print. :func:`extract_each` and
:func:`check_inputs` are the runs of `impact claims` and `impact check` over their inputs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from impact.articles import CERTAIN_ENCODINGS, Article
from impact.errors import ImpactError

if TYPE_CHECKING:
    from impact.claims import ExtractedArticle
    from impact.claims.values import Published
    from impact.registry import Registry
    from impact.verdicts import ArticleCheck, Checker

__all__ = [
    "CheckedRun",
    "JsonArray",
    "Problem",
    "RunLog",
    "Sink",
    "check_each",
    "check_inputs",
    "each_article",
    "extract_each",
    "given_published",
    "guarded",
    "one_line",
]

T = TypeVar("T")
Source = TypeVar("Source")


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (whitespace runs joined), at most 300 characters."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"


@dataclass(frozen=True, slots=True)
class Problem:
    """One input that failed (or ran only in part): where, and why, in one line."""

    source: str
    reason: str
    partial: bool = False

    def line(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class RunLog:
    """What a run did: how many inputs ran, and each one that failed or ran in part."""

    noun: str = "articles"
    done: int = 0
    problems: list[Problem] = field(default_factory=list)

    def fail(self, source: str, reason: str) -> None:
        self.problems.append(Problem(source, reason))

    def partial(self, source: str, reason: str) -> None:
        self.problems.append(Problem(source, reason, partial=True))

    @property
    def failed(self) -> int:
        return sum(not p.partial for p in self.problems)

    def exit_code(self) -> int:
        """0: all ran in full; 1: some failed or ran in part; 2: nothing could run."""
        if self.done == 0 and self.problems:
            return 2
        return 1 if self.problems else 0

    def summary(self) -> list[str]:
        """The lines for stderr: one per problem, then the count when there was more than one
        input (nothing when all went well)."""
        if not self.problems:
            return []
        lines = [f"{'warning' if p.partial else 'error'}: {p.line()}" for p in self.problems]
        total = self.done + self.failed
        if total <= 1:
            return lines  # one input: its line says it all
        parts = [f"{self.done} of {total} {self.noun} done"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if len(self.problems) > self.failed:
            parts.append(f"{len(self.problems) - self.failed} only in part")
        return [*lines, "summary: " + ", ".join(parts)]


def each_article(
    inputs: Iterable[str],
    log: RunLog,
    warn: Callable[[str], None],
    offline: bool = False,
    columns: object = None,
) -> Iterator[Article]:
    """The readable articles of the inputs (text files, web pages, feeds, corpora, folders:
    impact.sources); each one that cannot be read goes to ``log``."""
    from impact.sources import SourceProblem, iter_sources

    for item in iter_sources(list(inputs), columns, offline):  # type: ignore[arg-type]
        if isinstance(item, SourceProblem):
            log.fail(item.path, item.message)
            continue
        if item.encoding not in CERTAIN_ENCODINGS:
            warn(f"{item.path}: read as {item.encoding}")
        yield item


def guarded(
    items: Iterable[Source],
    run: Callable[[Source], T],
    log: RunLog,
    name: Callable[[Source], str] = lambda item: str(getattr(item, "path", item)),
) -> Iterator[tuple[Source, T]]:
    """``run(item)`` for each item; one that raises is logged with its one-line reason and the
    others go on (an unexpected exception too: one input's bug must not lose the others)."""
    for item in items:
        try:
            result = run(item)
        except ImpactError as exc:
            log.fail(name(item), one_line(exc))
            continue
        except Exception as exc:
            log.fail(name(item), f"unexpected {type(exc).__name__}: {one_line(exc)}")
            continue
        log.done += 1
        stopped = getattr(getattr(result, "extracted", result), "stopped", None)
        if isinstance(stopped, str):
            log.partial(name(item), stopped)
        yield item, result


class JsonArray:
    """A JSON array written one item at a time, byte for byte as ``json.dumps(items,
    indent=2)`` of the whole list would print it (items made plain by ``jsonable``)."""

    def __init__(self, write: Callable[[str], Any], jsonable: Callable[[Any], Any]) -> None:
        self._write = write
        self._jsonable = jsonable
        self.count = 0

    def add(self, item: Any) -> None:
        text = json.dumps(self._jsonable(item), indent=2, ensure_ascii=False)
        body = "\n".join("  " + line for line in text.split("\n"))
        self._write(("[\n" if self.count == 0 else ",\n") + body)
        self.count += 1

    def close(self) -> None:
        self._write("[]\n" if self.count == 0 else "\n]\n")


class Sink(Protocol):
    """Where a run's results go as each is done (a :class:`JsonArray`, a table printer)."""

    def add(self, item: Any) -> None: ...

    def close(self) -> None: ...


def given_published(article: object) -> Published | None:
    """The publication time a source gave the article (a web page's, a feed entry's), if any."""
    return getattr(article, "published", None)


def extract_each(
    inputs: Iterable[str],
    log: RunLog,
    warn: Callable[[str], None],
    published: Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> Iterator[tuple[Article, ExtractedArticle]]:
    """The claims of each readable article of the inputs, in turn: dated ``published``, else as
    its source dates it, else by its text; each article that fails goes to ``log``."""
    from impact.claims import extract_article

    def run(article: Article) -> ExtractedArticle:
        when = published or given_published(article)
        return extract_article(article.text, when, lang, registry, title=article.title)

    yield from guarded(each_article(inputs, log, warn), run, log)


def check_each(
    inputs: Iterable[str],
    checker: Checker,
    log: RunLog,
    warn: Callable[[str], None],
    published: Published | None = None,
    lang: str | None = None,
    columns: object = None,
) -> Iterator[ArticleCheck]:
    """Each readable article of the inputs extracted and checked, in turn: dated ``published``,
    else as its source dates it, else by its text; each article that fails goes to ``log``."""
    from impact.verdicts import check_articles

    def run(article: Article) -> ArticleCheck:
        when = published or given_published(article)
        (result,) = check_articles([article], published=when, lang=lang, checker=checker)
        return result

    articles = each_article(inputs, log, warn, checker.settings.offline, columns)
    for _, result in guarded(articles, run, log):
        yield result


@dataclass(frozen=True, slots=True)
class CheckedRun:
    """What a check run leaves for its summary: the verdict of each claim that got one of the
    ``fail_on`` verdicts, and the report written (None: none asked for)."""

    hits: tuple[str, ...] = ()
    report: Path | None = None


def check_inputs(
    inputs: Iterable[str],
    checker: Checker,
    log: RunLog,
    warn: Callable[[str], None],
    sink: Sink,
    *,
    published: Published | None = None,
    lang: str | None = None,
    columns: object = None,
    fail_on: Sequence[str] = (),
    report_dir: Path | None = None,
    force: bool = False,
) -> CheckedRun:
    """`impact check` in one process: each article's check goes to ``sink`` as soon as it is
    done; the sink is closed, then report.html and report.md are written to ``report_dir`` (the
    results are kept only for it)."""
    kept: list[ArticleCheck] = []
    hits: list[str] = []
    for result in check_each(inputs, checker, log, warn, published, lang, columns):
        hits += [v for v in result.verdicts() if v in fail_on]
        if report_dir is not None:
            kept.append(result)
        sink.add(result)
    sink.close()
    if report_dir is None:
        return CheckedRun(tuple(hits))
    from impact.render.files import write_report

    return CheckedRun(tuple(hits), write_report(kept, report_dir, force))
