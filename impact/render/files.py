"""Report files: figures and a self-contained HTML report (images embedded) plus Markdown.

Writes are atomic, and a report folder keeps ``.impact-report.json``: each file impact wrote
there with the SHA-256 of what it wrote. A file not on that list, or one whose content no longer
has that hash (edited since, e.g. a user's notes in report.md), is never overwritten unless
``force`` is set. (A list of names, the older form of the marker, is read as names without
hashes.)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Sequence
from pathlib import Path

from impact.errors import ForeignFileError, InputError, UserEditedFileError
from impact.fileio import atomic_write_bytes
from impact.render.figures import article_figures, figure_bytes
from impact.verdicts.model import ArticleCheck

__all__ = ["ReportFolder", "write_plots", "write_report"]

MARKER = ".impact-report.json"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ReportFolder:
    """An output folder that knows which of its files impact wrote, and what it wrote."""

    def __init__(self, root: Path, force: bool = False) -> None:
        self.root = Path(root)
        self.force = force
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"output {self.root} exists and is not a folder")
        self.root.mkdir(parents=True, exist_ok=True)
        marker = self.root / MARKER
        try:
            found = json.loads(marker.read_text()) if marker.exists() else {}
        except (OSError, ValueError):
            found = {}
        if isinstance(found, list):  # the older marker: names only
            found = dict.fromkeys(map(str, found))
        self.owned: dict[str, str | None] = found if isinstance(found, dict) else {}

    def _check(self, name: str, target: Path) -> None:
        """ForeignFileError (not ours) or UserEditedFileError (ours, edited) unless forced."""
        if self.force or not target.exists():
            return
        if name not in self.owned:
            raise ForeignFileError(target)
        digest = self.owned[name]
        if digest is not None:
            try:
                now = _sha256(target.read_bytes())
            except OSError:
                return
            if now != digest:
                raise UserEditedFileError(target)

    def write(self, name: str, data: bytes) -> Path:
        target = (self.root / name).resolve()
        if self.root.resolve() not in target.parents:
            raise InputError(f"output name {name!r} would leave {self.root}")
        self._check(name, target)
        atomic_write_bytes(target, data)
        self.owned[name] = _sha256(data)
        atomic_write_bytes(
            self.root / MARKER, json.dumps(dict(sorted(self.owned.items())), indent=1).encode()
        )
        return target

    def check_free(self, names: Sequence[str]) -> None:
        """Fail before writing anything if one of the names would overwrite a file impact did
        not write, or one edited since impact wrote it."""
        for name in names:
            self._check(name, self.root / name)


def write_plots(
    article_checks: Sequence[ArticleCheck], out: Path, fmt: str = "png", force: bool = False
) -> list[Path]:
    """One figure per price claim plus an overview per article."""
    if fmt not in {"png", "svg"}:
        raise InputError(f"figure format {fmt!r}: expected png or svg")
    folder = ReportFolder(out, force)
    figures = [(name, fig) for ac in article_checks for name, fig in article_figures(ac)]
    folder.check_free([f"{name}.{fmt}" for name, _ in figures])
    return [folder.write(f"{name}.{fmt}", figure_bytes(fig, fmt)) for name, fig in figures]


def _verdict_tables(ac: ArticleCheck) -> tuple[str, list[str]]:
    """An article's heading and verdict table, as HTML and as Markdown lines."""
    p = ac.extracted.published
    html_parts = [
        f"<h2>{html.escape(ac.path)}</h2><p>language {ac.extracted.language}; "
        f"published {html.escape(p.label())} ({html.escape(p.how)})</p>",
        "<table><tr><th>#</th><th>claim</th><th>listing</th><th>verdict</th><th>realized</th>"
        "<th>basis / session</th><th>explanation</th></tr>",
    ]
    md = [
        f"## {ac.path}",
        "",
        f"Language {ac.extracted.language}; published {p.label()} ({p.how}).",
        "",
        "| # | claim | listing | verdict | realized | basis / session | explanation |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in ac.checks:
        realized = "" if c.realized is None else f"{c.realized:+.2f}"
        basis = f"{c.basis or ''} {c.session or ''}".strip()
        html_parts.append(
            f"<tr><td>{c.claim.id}</td><td>{html.escape(c.claim.text)}</td><td>"
            f"{html.escape(c.claim.ticker or '—')}</td><td class='{c.verdict}'>{c.verdict}</td>"
            f"<td>{realized}</td><td>{html.escape(basis)}</td><td>{html.escape(c.explanation)}</td></tr>"
        )
        md.append(
            f"| {c.claim.id} | {c.claim.text} | {c.claim.ticker or '—'} | **{c.verdict}** | "
            f"{realized} | {basis} | {c.explanation.replace('|', '/')} |"
        )
    if not ac.checks:
        html_parts.append(
            "<tr><td colspan='7'>no claims about a market or company figure</td></tr>"
        )
        md.append("| — | no claims about a market or company figure | | | | | |")
    return "".join(html_parts) + "</table>", [*md, ""]


def write_report(article_checks: Sequence[ArticleCheck], out: Path, force: bool = False) -> Path:
    """``report.html`` (self-contained: the figures are embedded) and ``report.md`` with
    ``figures/*.png``: per article the verdict table, the explanations and the figures."""
    folder = ReportFolder(out, force)
    per_article = [(ac, article_figures(ac)) for ac in article_checks]
    names = ["report.html", "report.md"] + [
        f"figures/{n}.png" for _, figs in per_article for n, _ in figs
    ]
    folder.check_free(names)
    html_parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>impact report</title>",
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;} table{border-collapse:"
        "collapse;font-size:13px} td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}"
        " .correct{color:#1a9850} .mostly_correct{color:#66a61e} .misleading{color:#d95f02}"
        " .false{color:#d73027;font-weight:bold} img{max-width:100%}</style></head><body>",
        "<h1>impact: claims checked against the market</h1>",
    ]
    md = ["# impact: claims checked against the market", ""]
    for ac, figs in per_article:
        html_table, md_table = _verdict_tables(ac)
        html_parts.append(html_table)
        md += md_table
        for name, fig in figs:
            data = figure_bytes(fig, "png")
            folder.write(f"figures/{name}.png", data)
            html_parts.append(
                f"<p><img alt='{html.escape(name)}' src='data:image/png;base64,"
                f"{base64.b64encode(data).decode()}'></p>"
            )
            md += [f"![{name}](figures/{name}.png)", ""]
    html_parts.append("</body></html>")
    folder.write("report.md", "\n".join(md).encode("utf-8"))
    return folder.write("report.html", "\n".join(html_parts).encode("utf-8"))
