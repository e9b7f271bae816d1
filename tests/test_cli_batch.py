"""`impact check` on web pages, feeds and corpora, and over many articles with --out."""

from __future__ import annotations

import io
import json

import pandas as pd
from conftest import REPO, run_cli
from rich.console import Console

from impact.batch import ROW_COLUMNS, ArticleOutcome
from impact.cli_batch import _Progress

DATA = REPO / "tests" / "data" / "sources"


def test_check_takes_a_web_page_with_its_publication_time():
    result = run_cli("check", str(DATA / "alibaba_morning.html"), "--json")
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert article["published"] == "2025-02-14"
    assert "2025-02-14T09:00:00+08:00" in article["published_how"]
    assert [c["session"] for c in article["claims"]] == ["2025-02-13", "2025-02-13"]


def test_check_takes_a_feed_and_a_corpus(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        'body,date\n"Alibaba\'s shares rose 6.3 percent in Hong Kong.",2025-02-14T17:30:00+08:00\n'
    )
    result = run_cli("check", str(DATA / "markets.rss"), str(corpus), "--columns",
                     "text=body,published=date", "--json")  # fmt: skip
    assert result.returncode == 1  # the rss's third entry has no text
    assert "markets.rss#3: the feed entry has no text" in result.stderr
    articles = json.loads(result.stdout)
    assert [a["path"].split("/")[-1] for a in articles] == [
        "markets.rss#1",
        "markets.rss#2",
        "c.csv#1",
    ]
    assert [c["verdict"] for c in articles[2]["claims"]] == ["correct"]


def test_claims_reads_a_page_with_its_headline():
    result = run_cli("claims", str(DATA / "meta_only.html"), "--json")
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert "article:published_time" in article["published_how"]


def test_out_writes_rows_and_a_summary_and_goes_on_past_broken_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_bytes((DATA / "alibaba_evening.html").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00\x00\x01")
    (folder / "gallery.html").write_bytes((DATA / "no_text.html").read_bytes())
    (folder / "rows.jsonl").write_bytes(b'{"text": "\xff\xfe not UTF-8"}\n{"text": "Die ')
    (folder / "z.txt").write_text("Die Alibaba-Aktie stieg um 6,3 Prozent.", "utf-8")
    out = tmp_path / "rows.parquet"
    result = run_cli("check", str(folder), "--out", str(out))
    assert result.returncode == 1, result.stderr
    for kind, name in [("empty", "empty.txt"), ("binary", "image.txt"),
                       ("no_text", "gallery.html"), ("undecodable", "rows.jsonl#1"),
                       ("bad_row", "rows.jsonl#2")]:  # fmt: skip
        assert f"{kind}: {folder / name}:" in result.stdout
    assert "not checked (problems)" in result.stdout and "verdict correct" in result.stdout
    rows = pd.read_parquet(out)
    assert list(rows.columns) == list(ROW_COLUMNS)
    assert rows["article_path"].str.endswith(("page.html", "z.txt")).all()
    assert rows["ticker"].tolist()[:2] == ["9988.HK", "^HSI"]


def test_out_with_workers_and_fail_on(tmp_path):
    out = tmp_path / "rows.csv"
    result = run_cli("check", "seeds/", "--out", str(out), "--workers", "2", "--fail-on", "false")
    assert result.returncode == 1
    assert "--fail-on: 2 claim(s) with verdict false" in result.stderr
    assert pd.read_csv(out)["verdict"].value_counts()["false"] == 2


def test_batch_options_errors():
    result = run_cli("check", "seeds/", "--workers", "2")
    assert result.returncode == 2 and "give --out FILE" in result.stderr
    result = run_cli("check", "seeds/", "--out", "rows.txt")
    assert result.returncode == 2 and "expected a .jsonl, .csv or .parquet" in result.stderr
    result = run_cli("check", "seeds/", "--columns", "body")
    assert result.returncode == 2 and "FIELD=COLUMN" in result.stderr
    assert result.stderr.count("\n") == 1


def test_progress_shows_on_a_terminal_only():
    quiet = _Progress(Console(file=io.StringIO()))
    assert quiet.bar is None
    buffer = io.StringIO()
    shown = _Progress(Console(file=buffer, force_terminal=True, width=120))
    with shown:
        for n in range(30):
            shown.add(ArticleOutcome(n, f"a{n}", ({"verdict": "correct"},)))
    assert shown.summary.articles == 30 and shown.summary.claims == 30
    assert "checking articles" in buffer.getvalue()


def test_a_page_on_standard_input():
    page = (DATA / "alibaba_evening.html").read_text("utf-8")
    result = run_cli("check", "-", "--json", stdin=page)
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert article["path"] == "-" and "2025-02-14T17:30:00+08:00" in article["published_how"]
