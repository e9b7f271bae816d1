"""Reading articles as they come: web pages, feeds, corpora and folders, each with the
publication time its source gives (the sample files in tests/data/sources are written for the
tests, with made-up text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REPO

from impact.sources import ColumnMap, SourcedArticle, SourceProblem, iter_sources, read_piece
from impact.sources.corpora import split_corpus
from impact.sources.feeds import fragment_text
from impact.sources.html import read_html
from impact.sources.model import source_published

DATA = REPO / "tests" / "data" / "sources"


def one(path: Path | str) -> SourcedArticle | SourceProblem:
    (item,) = list(iter_sources([str(path)]))
    return item


def test_page_text_title_url_and_publication_time_from_json_ld():
    page = one(DATA / "alibaba_evening.html")
    assert isinstance(page, SourcedArticle)
    assert page.source == "html"
    assert page.text.startswith("Alibaba's shares rose 6.3 percent in Hong Kong")
    assert "The Hang Seng Index gained 3.7 percent" in page.text
    for boilerplate in ("cookies", "Most read", "Copyright", "Subscribe", "Sample Writer"):
        assert boilerplate not in page.text
    assert page.title == "Alibaba shares jump on AI partnership"  # a headline, not in the text
    assert "jump on AI partnership" not in page.text
    assert page.url == "https://markets.example.com/asia/2025/02/14/alibaba-shares-jump"
    p = page.published
    assert (p.start, p.end, p.time) == (dt.date(2025, 2, 14),) * 2 + ("2025-02-14T17:30:00+08:00",)
    assert p.confidence == "high" and "JSON-LD datePublished" in p.how  # not the modified time


@pytest.mark.parametrize(
    ("name", "time", "where"),
    [
        ("meta_only.html", "2025-02-14T10:15:00+01:00", "<meta article:published_time>"),
        ("time_element.html", "2025-02-14T16:45:00+08:00", "<time datetime>"),
    ],
)
def test_page_publication_time_from_meta_and_time_elements(name, time, where):
    page = one(DATA / name)
    assert page.published.time == time and where in page.published.how


def _page(head: str) -> bytes:
    body = "The Hang Seng Index gained 3.7 percent as technology stocks rallied. " * 3
    return (
        f"<!DOCTYPE html><html><head><title>Markets close higher</title>{head}</head>"
        f"<body><article><h1>Markets close higher</h1><p>{body}</p></article></body></html>"
    ).encode()


def test_page_dates_without_zone_from_the_url_or_absent():
    naive = read_html(_page('<meta name="publish-date" content="2025-02-14 10:00:00">'), "a")
    assert naive.published.time is None and "no time zone: the day only" in naive.published.how
    utc = read_html(
        _page('<meta property="article:published_time" content="2025-02-14T08:30Z">'), "b"
    )
    assert utc.published.time == "2025-02-14T08:30:00+00:00"
    canonical = '<link rel="canonical" href="https://x.example.com/m/2025/02/13/story.html">'
    by_url = read_html(_page(canonical), "c")
    assert by_url.published.start == dt.date(2025, 2, 13)
    assert by_url.published.confidence == "medium" and "htmldate" in by_url.published.how
    assert read_html(_page(""), "d").published is None  # found in the text later


def test_pages_that_are_not_articles():
    assert one(DATA / "no_text.html").kind == "no_text"
    assert read_html(b"   \n", "e").kind == "empty"
    assert read_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "f").kind == "binary"


def test_rss_entries_keep_their_time_zone_and_ids():
    items = list(iter_sources([str(DATA / "markets.rss")]))
    assert [type(i).__name__ for i in items] == ["SourcedArticle"] * 2 + ["SourceProblem"]
    first, second, gallery = items
    assert first.path.endswith("markets.rss#1") and first.id == "example-asia-0001"
    assert first.published.time == "2025-02-14T17:30:00+08:00"
    assert first.text == (
        "Alibaba's shares rose 6.3 percent in Hong Kong, as investors welcomed a new artificial "
        "intelligence partnership.\nThe Hang Seng Index gained 3.7 percent."
    )
    assert second.id == second.url == "https://markets.example.com/asia/2025/02/14/hang-seng-open"
    assert second.published.time == "2025-02-14T09:00:00+08:00"
    assert gallery.kind == "no_text"


def test_atom_entries_published_or_updated():
    first, second = iter_sources([str(DATA / "markets.atom")])
    assert first.published.time == "2025-02-14T10:15:00+01:00"
    assert "feed entry published" in first.published.how
    assert first.url == "https://markets.example.com/europa/alibaba-aktie"
    assert second.url is None and second.id == "urn:example:markets:europe:0002"
    assert "feed entry updated" in second.published.how


def test_fragment_text_one_line_per_block():
    html = "<p>One <b>bold</b> line.</p><ul><li>two</li><li>three</li></ul><script>x()</script>"
    assert fragment_text(html) == "One bold line.\ntwo\nthree"


ROWS = [
    {"id": "a1", "text": "Die Alibaba-Aktie stieg um 6,3 Prozent.", "published": "2025-02-14T17:30:00+08:00"},
    {"text": "The Hang Seng Index gained 3.7 percent.", "title": "Hang Seng up", "url": "https://x.example.com/1"},
    {"id": "a3", "text": "   "},
    {"id": "a4", "text": "Shares fell 2 percent.", "published": "last week"},
    {"id": "a5", "text": "\x00\x01 binary"},
]  # fmt: skip


def _jsonl(path: Path) -> Path:
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in ROWS]
    lines.insert(2, b'{"id": "broken", "text": "cut')  # row 3: not JSON
    lines.append(b'{"id": "a7", "text": "Bytes \xff\xfe are not UTF-8"}')  # row 7
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_corpus_rows_and_their_problems(tmp_path):
    items = list(iter_sources([str(_jsonl(tmp_path / "c.jsonl"))]))
    kinds = [i.kind if isinstance(i, SourceProblem) else "ok" for i in items]
    assert kinds == ["ok", "ok", "bad_row", "empty", "bad_date", "binary", "undecodable"]
    first, second = items[:2]
    assert first.id == "a1" and first.published.time == "2025-02-14T17:30:00+08:00"
    assert "corpus column 'published'" in first.published.how
    assert second.id == second.path == f"{tmp_path / 'c.jsonl'}#2"
    assert (second.title, second.url, second.published) == (
        "Hang Seng up",
        "https://x.example.com/1",
        None,
    )
    assert items[4].path.endswith("#5")  # rows are numbered by line


def test_csv_corpus_with_renamed_columns_and_multiline_text(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        'body,when,headline\n"First line.\nSecond line, with a comma.",2025-02-14,Head one\n'
        ",2025-02-15,Empty\nThird article text.,,\n",
        "utf-8",
    )
    cols = ColumnMap.parse("text=body,published=when,title=headline")
    items = list(iter_sources([str(path)], cols))
    assert items[0].text == "First line.\nSecond line, with a comma."
    assert items[0].published.start == dt.date(2025, 2, 14) and items[0].title == "Head one"
    assert items[1].kind == "empty" and items[1].path.endswith("#2")
    assert items[2].text == "Third article text." and items[2].published is None
    missing = list(iter_sources([str(path)]))  # default columns: no 'text' column
    assert [i.kind for i in missing] == ["bad_file"]


def test_parquet_corpus_with_timestamp_column(tmp_path):
    path = tmp_path / "c.parquet"
    stamps = [dt.datetime(2025, 2, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))), None]
    table = pa.table(
        {
            "text": ["Die Alibaba-Aktie stieg um 6,3 Prozent.", "Shares fell 2 percent."],
            "published": pa.array(stamps, pa.timestamp("us", tz="+01:00")),
            "id": ["p1", "p2"],
        }
    )
    pq.write_table(table, path)
    first, second = iter_sources([str(path)])
    assert first.id == "p1" and first.published.time == "2025-02-14T09:30:00+01:00"
    assert second.published is None and second.source == "parquet"


def test_columns_spec_errors():
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        ColumnMap.parse("body")
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        ColumnMap.parse("content=body")


def _texts(items):
    return [(i.path, i.kind if isinstance(i, SourceProblem) else i.text) for i in items]


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_pieces_read_the_same_rows_as_the_whole_file(tmp_path, kind):
    rows = [{"id": f"r{n}", "text": f"Article {n}.\nIts second line."} for n in range(23)]
    path = tmp_path / f"c.{kind}"
    if kind == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    elif kind == "csv":
        import csv

        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, ["id", "text"])
            writer.writeheader()
            writer.writerows(rows)
    else:
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=4)
    pieces = list(split_corpus(str(path), kind, 5))
    assert len(pieces) == (5 if kind != "parquet" else 3)  # parquet: whole groups of 4 rows
    cols = ColumnMap()
    parts = [item for piece in pieces for item in read_piece(piece, cols)]
    assert _texts(parts) == _texts(iter_sources([str(path)]))
    assert [i.id for i in parts] == [r["id"] for r in rows]


def test_mixed_folder_in_path_order_with_broken_files(tmp_path):
    (tmp_path / "b_page.html").write_bytes((DATA / "meta_only.html").read_bytes())
    (tmp_path / "a_note.txt").write_text("Die Alibaba-Aktie stieg um 6,3 Prozent.", "utf-8")
    (tmp_path / "c_feed.rss").write_bytes((DATA / "markets.rss").read_bytes())
    (tmp_path / "sub").mkdir()
    _jsonl(tmp_path / "sub" / "d.jsonl")
    (tmp_path / "e_empty.txt").write_bytes(b"")
    (tmp_path / "f_image.txt").write_bytes(b"\x89PNG\x00\x00\x00\x01")
    (tmp_path / ".hidden.txt").write_text("not read", "utf-8")
    (tmp_path / "README.md").write_text("not an article", "utf-8")
    (tmp_path / "notes.docx").write_bytes(b"not a known kind")
    items = list(iter_sources([str(tmp_path)]))
    names = [Path(i.path.split("#")[0]).name for i in items]
    assert (
        names
        == ["a_note.txt", "b_page.html"]
        + ["c_feed.rss"] * 3
        + ["e_empty.txt"]
        + ["f_image.txt"]
        + ["d.jsonl"] * 7
    )
    assert [i.kind for i in items if isinstance(i, SourceProblem)] == [
        "no_text", "empty", "binary", "bad_row", "empty", "bad_date", "binary", "undecodable",
    ]  # fmt: skip


def test_unknown_suffix_is_sniffed_and_missing_input_is_a_problem(tmp_path):
    feed = tmp_path / "download"
    feed.write_bytes((DATA / "markets.atom").read_bytes())
    assert [i.source for i in iter_sources([str(feed)])] == ["feed", "feed"]
    (missing,) = iter_sources([str(tmp_path / "nope.html")])
    assert missing.kind == "not_found"
    (offline,) = iter_sources(["https://markets.example.com/a"], offline=True)
    assert offline.kind == "offline"


def test_source_published_values():
    assert source_published("2025-02-14T07:30:00Z", "x").time == "2025-02-14T07:30:00+00:00"
    rfc = source_published("Fri, 14 Feb 2025 07:30:00 +0100", "x")
    assert rfc.time == "2025-02-14T07:30:00+01:00"
    day = source_published(dt.date(2025, 2, 14), "x")
    assert (day.start, day.time, day.confidence) == (dt.date(2025, 2, 14), None, "high")
    assert source_published("2025-13-01", "x") is None
    assert source_published("1850-01-01", "x") is None


def test_url_is_fetched_when_online(monkeypatch):
    import types

    import trafilatura

    page = (DATA / "alibaba_evening.html").read_bytes()
    asked = []

    def fetch(url, decode=False):
        asked.append(url)
        return types.SimpleNamespace(data=page, status=200)

    monkeypatch.setattr(trafilatura, "fetch_response", fetch)
    url = "https://markets.example.com/asia/2025/02/14/alibaba-shares-jump"
    (item,) = iter_sources([url])
    assert asked == [url] and item.path == item.id == url and item.source == "html"
    assert item.published.time == "2025-02-14T17:30:00+08:00"
    monkeypatch.setattr(trafilatura, "fetch_response", lambda url, decode=False: None)
    (failed,) = iter_sources([url])
    assert failed.kind == "unreadable"
