"""The end of a run over many articles: verdicts by count, articles without claims, problems by
kind, and one line per article that could not be checked (the first ones)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["render_batch_summary", "summary_dict"]


def summary_dict(summary: Any, seconds: float) -> dict[str, Any]:
    """The counts of a BatchSummary as plain values, with the throughput."""
    return {
        "articles": summary.articles,
        "checked": summary.articles - summary.failed,
        "with_claims": summary.articles - summary.failed - summary.without_claims,
        "without_claims": summary.without_claims,
        "claims": summary.claims,
        "verdicts": dict(summary.verdicts.most_common()),
        "problems": dict(summary.problems.most_common()),
        "seconds": round(seconds, 3),
        "articles_per_second": round(summary.articles / seconds, 1) if seconds > 0 else None,
    }


def render_batch_summary(summary: Any, console: Console, seconds: float) -> None:
    """Tables of the run's counts, then a line per problem kept (and how many more there were)."""
    d = summary_dict(summary, seconds)
    table = Table(title="run summary", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("count", justify="right")
    rate = f" ({d['articles_per_second']:,} per second)" if d["articles_per_second"] else ""
    table.add_row("articles read", f"{d['articles']:,}{rate}")
    table.add_row("checked, with claims", f"{d['with_claims']:,}")
    table.add_row("checked, without claims", f"{d['without_claims']:,}")
    table.add_row("not checked (problems)", f"{summary.failed:,}")
    table.add_row("claims", f"{d['claims']:,}")
    table.add_section()
    for verdict, n in d["verdicts"].items():
        table.add_row(f"verdict {verdict}", f"{n:,}")
    if d["problems"]:
        table.add_section()
        for kind, n in d["problems"].items():
            table.add_row(f"problem {kind}", f"{n:,}")
    console.print(table)
    for path, kind, line in summary.first_problems:
        console.print(f"{kind}: {path}: {line}", markup=False, highlight=False)
    more = summary.failed - len(summary.first_problems)
    if more > 0:
        console.print(f"... and {more:,} more articles with problems", highlight=False)
