"""The Dask run on a LocalCluster gives the serial run's rows, partition by partition."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import REPO, SEEDS

from impact.batch import BatchOptions, BatchSummary, run_check
from impact.batch_dask import partitions, read_parts, run_check_dask
from impact.errors import ForeignFileError, InputError
from impact.sources import iter_sources

DATA = REPO / "tests" / "data" / "sources"


def _corpus(path):
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    stamps = ["2025-02-14T17:30:00+08:00", "2025-02-14", None, "2025-02-13T09:00:00+08:00"]
    lines = [
        json.dumps({"id": f"c{n}", "text": texts[n % 5], "published": stamps[n % 4]})
        for n in range(10)
    ]
    lines[6] = '{"id": "c6", "text": '  # broken
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_partitions_split_corpora_and_group_files(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl")
    parts = partitions([str(corpus), str(SEEDS)], partition_rows=4)
    sizes = [[p.rows or 1 for p in part] for part in parts]
    assert sizes == [[4], [4], [2, 1, 1], [1, 1, 1]]  # 10 rows, then 5 files
    with pytest.raises(InputError, match="standard input"):
        partitions(["-"])


def test_local_cluster_rows_equal_the_serial_rows(tmp_path, offline_settings):
    options = BatchOptions(settings=offline_settings)
    inputs = [str(_corpus(tmp_path / "c.jsonl")), str(DATA), str(SEEDS)]
    serial_summary = BatchSummary()
    serial = list(run_check(iter_sources(inputs), options, on_outcome=serial_summary.add))
    out = tmp_path / "parts"
    seen: list[int] = []
    summary = run_check_dask(
        inputs, out, options, "local", workers=2, partition_rows=4, on_plan=seen.append
    )
    assert seen == [len(list(out.glob("part-*.parquet")))] and seen[0] == 6
    rows = read_parts(out)
    expected = pd.DataFrame([r for o in serial for r in o.rows])
    assert len(rows) == len(expected) > 0
    for column in expected.columns:
        a, b = rows[column].tolist(), expected[column].tolist()
        assert [None if pd.isna(x) else x for x in a] == [None if pd.isna(x) else x for x in b]
    assert (summary.articles, summary.claims, summary.without_claims) == (
        serial_summary.articles,
        serial_summary.claims,
        serial_summary.without_claims,
    )
    assert summary.verdicts == serial_summary.verdicts
    assert summary.problems == serial_summary.problems == {"bad_row": 1, "no_text": 2}
    assert summary.first_problems == serial_summary.first_problems  # in input order


def test_output_folder_refuses_foreign_files(tmp_path, offline_settings):
    out = tmp_path / "parts"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(ForeignFileError):
        run_check_dask([str(SEEDS)], out, BatchOptions(settings=offline_settings))
