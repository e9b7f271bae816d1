"""Running the tool over the corpus and turning the pairs into scores and findings."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from impact.config import Settings
from impact.errors import ImpactError
from impact.evaluation.corpus import Annotation, Passage, data_tickers, load_corpus
from impact.evaluation.fields import (
    HEDGES,
    UNSCORABLE_HEDGES,
    expected_hedges,
    is_price_claim,
    judge_fields,
    listing_right,
    tool_base_session,
    tool_class,
    tool_end_session,
)
from impact.evaluation.matching import claim_span, match_passage, overlap
from impact.evaluation.report import EvalReport
from impact.evaluation.scoring import AnnotationRow, ClaimRow, Finding, score

__all__ = ["CheckFn", "default_check", "evaluate_corpus"]

CheckFn = Callable[[str, str, str | None], list[dict[str, Any]]]


def default_check(settings: Settings | None = None) -> CheckFn:
    """Today's library: extract the claims, check them, return the claim dicts of ``--json``."""
    from impact.articles import Article
    from impact.verdicts import Checker, check_articles

    checker = Checker(settings or Settings.from_env())

    def check(text: str, published: str, title: str | None) -> list[dict[str, Any]]:
        source = Article("<corpus>", text, title=title)
        (article,) = check_articles([source], published=published, checker=checker)
        return article.to_dict()["claims"]

    return check


def evaluate_corpus(
    corpus_dir: Path,
    *,
    settings: Settings | None = None,
    check: CheckFn | None = None,
    lang: str | None = None,
    market_data: Path | None = None,
) -> EvalReport:
    """Run ``check`` on every passage (of ``lang`` if given) and score it against the truth.

    ``market_data`` is the folder whose price files decide whether a listing could be tested
    (default: ``market-data`` next to the corpus, else the settings' fixtures). A passage whose
    check raises an ImpactError counts as one without tool claims and is named in ``problems``.
    """
    corpus_dir = Path(corpus_dir)
    passages = load_corpus(corpus_dir, lang)
    settings = settings or Settings.from_env()
    folder = market_data or corpus_dir.parent / "market-data"
    data = data_tickers(folder) or data_tickers(settings.fixtures_dir)
    check = check or default_check(settings)
    rows: list[AnnotationRow] = []
    claim_rows: list[ClaimRow] = []
    findings: list[Finding] = []
    problems: list[str] = []
    for passage in passages:
        try:
            claims = [dict(c) for c in check(passage.text, passage.published, passage.title)]
        except ImpactError as exc:
            problems.append(f"{passage.id}: {exc}")
            claims = []
        a_rows, c_rows = _pair(passage, claims, data)
        rows += a_rows
        claim_rows += c_rows
        findings += _findings(passage, a_rows, c_rows)
    langs = sorted({p.lang for p in passages})
    scopes = {
        scope: score(
            [r for r in rows if scope == "all" or r.lang == scope],
            [c for c in claim_rows if scope == "all" or c.lang == scope],
            sum(scope == "all" or p.lang == scope for p in passages),
        )
        for scope in [*langs, "all"]
    }
    return EvalReport(
        corpus=str(corpus_dir),
        scopes=scopes,
        findings=tuple(findings),
        unscorable_hedges=_unscorable_hedges(passages),
        problems=tuple(problems),
        texts={p.id: p.text for p in passages},
    )


def _pair(
    passage: Passage, claims: Sequence[dict[str, Any]], data: frozenset[str]
) -> tuple[list[AnnotationRow], list[ClaimRow]]:
    """The annotation rows (with their paired claim and field judgements) and the claim rows."""
    anns = passage.annotations
    spans, matched = match_passage(
        passage.text, anns, claims, lambda c, a: listing_right(c, a, data)
    )
    rows = []
    for i, a in enumerate(anns):
        claim = claims[matched[i]] if i in matched else None
        fields = judge_fields(claim, a, data) if claim is not None else {}
        rows.append(AnnotationRow(passage.lang, a, spans[i], claim, fields))
    by_claim = {j: anns[i] for i, j in matched.items()}
    claim_rows = [
        ClaimRow(passage.id, passage.lang, c, by_claim.get(j)) for j, c in enumerate(claims)
    ]
    return rows, claim_rows


def _said(claim: Mapping[str, Any]) -> str:
    return (
        f"#{claim.get('id')} {claim.get('text')!r} {claim.get('ticker') or '-'} "
        f"{claim.get('kind')} {claim.get('direction')} {claim.get('magnitude')}"
        f"{'' if (claim.get('scale') or 1) == 1 else ' x' + format(claim.get('scale'), 'g')} "
        f"{claim.get('hedge')} {claim.get('horizon')} -> {claim.get('verdict')}"
    )


def _field_values(field: str, a: Annotation, claim: Mapping[str, Any]) -> tuple[Any, Any]:
    """What the annotation and the tool say for a field, for the findings."""
    if field == "listing":
        return [a.ticker, *a.alt_tickers], claim.get("ticker")
    if field == "hedge":
        return f"{a.hedge} = {'/'.join(expected_hedges(a.hedge) or ('?',))}", claim.get("hedge")
    if field == "end_session":
        return a.horizon_end, tool_end_session(claim)
    if field == "base_session":
        return a.horizon_start, tool_base_session(claim)
    return getattr(a, field), claim.get(field)


def _findings(
    passage: Passage, rows: Sequence[AnnotationRow], claim_rows: Sequence[ClaimRow]
) -> list[Finding]:
    """Missed price claims, wrong fields, wrong verdicts and false alarms of one passage in the
    order of its annotations, then its tool market claims that match no annotation."""
    pid, lang = passage.id, passage.lang
    out = []
    for r in rows:
        a, claim = r.annotation, r.claim
        if claim is None:
            if a.is_price_claim:
                out.append(_missed(passage, r, claim_rows))
            continue
        if not a.is_price_claim:
            if is_price_claim(claim):
                out.append(Finding(pid, lang, "false_alarm", f"tool: {_said(claim)}", a, claim))
            continue
        for name, right in r.fields.items():
            if right is False:
                said, tool = _field_values(name, a, claim)
                out.append(
                    Finding(pid, lang, "field", f"{name}: annotated {said}, tool {tool}", a, claim)
                )
        got = tool_class(claim.get("verdict"))
        if a.truth != "ambiguous" and got != a.truth:
            detail = f"truth {a.truth} ({a.why}); tool {claim.get('verdict')}: {claim.get('explanation')}"
            out.append(Finding(pid, lang, "verdict", detail, a, claim))
    for c in claim_rows:
        if c.annotation is None and is_price_claim(c.claim):
            out.append(
                Finding(pid, lang, "extra", f"no annotated claim: {_said(c.claim)}", None, c.claim)
            )
    return out


def _missed(passage: Passage, row: AnnotationRow, claim_rows: Sequence[ClaimRow]) -> Finding:
    """A missed price claim, with the tool claim that overlaps its quote most (if any)."""
    a = row.annotation
    near = sorted(
        ((overlap(row.span, claim_span(c.claim)), n) for n, c in enumerate(claim_rows)),
        reverse=True,
    )
    if row.span is None:
        detail = "quote not found in the text"
        claim = None
    elif not near or near[0][0] == 0:
        detail = "no tool claim overlaps the quote"
        claim = None
    else:
        best = claim_rows[near[0][1]]
        claim = best.claim
        taken = f", paired with {best.annotation.cid}" if best.annotation else ""
        detail = f"overlapping tool claim {_said(claim)}{taken}"
    return Finding(passage.id, passage.lang, "missed", detail, a, claim)


def _unscorable_hedges(passages: Sequence[Passage]) -> dict[str, str]:
    """Every hedge wording of the corpus the hedge score leaves out, with the reason."""
    out = {}
    for a in (a for p in passages for a in p.annotations if a.hedge):
        wording = a.hedge.strip().lower()
        if wording not in HEDGES:
            out[a.hedge] = UNSCORABLE_HEDGES.get(wording, "not in the hedge table")
    return out
