"""Loading the annotated corpus: ``passages.jsonl`` (texts and claims) and ``truth.jsonl`` (one
ground-truth class per claim). Field meanings are those of the corpus README."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from impact.errors import InputError

__all__ = ["Annotation", "CorpusError", "Passage", "data_tickers", "load_corpus"]

TRUTH_CLASSES = ("supported", "not_supported", "ambiguous", "cannot_say", "not_a_price_claim")


class CorpusError(InputError):
    """The corpus folder or one of its files is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotated claim with its ground-truth class (``truth``) and the reason (``why``)."""

    pid: str
    cid: str
    quote: str
    entity: str | None
    ticker: str | None
    alt_tickers: tuple[str, ...]
    kind: str
    direction: str | None
    magnitude: float | None
    hedge: str | None
    horizon: str
    horizon_start: str | None
    horizon_end: str | None
    is_price_claim: bool
    truth: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["alt_tickers"] = list(self.alt_tickers)
        return data


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    lang: str
    text: str
    published: str
    title: str | None  # None when the corpus says "[not in excerpt]"
    annotations: tuple[Annotation, ...]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise CorpusError(f"corpus file {path} is missing")
    rows = []
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise CorpusError(f"{path}:{n}: expected a JSON object per line")
                rows.append(row)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: cannot be read ({exc})") from None
    return rows


def _annotation(pid: str, raw: Mapping[str, Any], truth: Mapping[str, Any]) -> Annotation:
    magnitude = raw.get("magnitude")
    return Annotation(
        pid=pid,
        cid=str(raw["cid"]),
        quote=str(raw["quote"]),
        entity=raw.get("entity"),
        ticker=raw.get("ticker"),
        alt_tickers=tuple(raw.get("alt_tickers") or ()),
        kind=str(raw.get("kind") or "other"),
        direction=raw.get("direction"),
        magnitude=None if magnitude is None else float(magnitude),
        hedge=raw.get("hedge"),
        horizon=str(raw.get("horizon") or "none"),
        horizon_start=raw.get("horizon_start"),
        horizon_end=raw.get("horizon_end"),
        is_price_claim=bool(raw["is_price_claim"]),
        truth=str(truth["truth"]),
        why=str(truth.get("why") or ""),
    )


def load_corpus(corpus_dir: Path, lang: str | None = None) -> tuple[Passage, ...]:
    """The passages (of one language when ``lang`` is given), each with its annotated claims."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    passages = _read_jsonl(corpus_dir / "passages.jsonl")
    truths = {(t.get("pid"), t.get("cid")): t for t in _read_jsonl(corpus_dir / "truth.jsonl")}
    out = []
    for row in passages:
        try:
            pid, claims = str(row["id"]), row["claims"]
            annotations = tuple(_annotation(pid, c, truths[(pid, c["cid"])]) for c in claims)
            title = (row.get("source") or {}).get("title")
            passage = Passage(
                id=pid,
                lang=str(row["lang"]),
                text=str(row["text"]),
                published=str(row["published"]),
                title=None if not title or title == "[not in excerpt]" else str(title),
                annotations=annotations,
            )
        except KeyError as exc:
            raise CorpusError(
                f"passage {row.get('id', '?')}: missing field or truth {exc}"
            ) from None
        bad = [a.cid for a in annotations if a.truth not in TRUTH_CLASSES]
        if bad:
            raise CorpusError(f"passage {pid}: unknown truth class for {', '.join(bad)}")
        if lang is None or passage.lang == lang:
            out.append(passage)
    if not out:
        raise CorpusError(f"corpus {corpus_dir}: no passages" + (f" in {lang}" if lang else ""))
    return tuple(out)


def data_tickers(folder: Path) -> frozenset[str]:
    """The tickers with a price file ``<TICKER>.csv`` in the folder (empty if there is none)."""
    folder = Path(folder)
    if not folder.is_dir():
        return frozenset()
    return frozenset(p.stem for p in folder.glob("*.csv") if not p.stem.startswith("."))
