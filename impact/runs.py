"""Runs over many inputs: each bad input fails alone, the others go on, and the summary says which.

An input (an article file, stdin, an event row) that cannot be read or run adds one
:class:`Problem` (where, and a one-line reason) to the run's :class:`RunLog`; an article whose
reading stopped early (``ExtractedArticle.stopped``) is done but partial, and said so too. Exit
code: 0 when every input ran in full, 1 when some failed or stopped early, 2 when none could run.
Output of large runs is streamed: :class:`JsonArray` writes each article's record as soon as it
is ready, exactly as the JSON array of all of them would print.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from impact.articles import CERTAIN_ENCODINGS, Article
from impact.errors import ImpactError

__all__ = ["JsonArray", "Problem", "RunLog", "each_article", "guarded", "one_line"]

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
