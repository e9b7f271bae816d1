"""Figures have the expected content, files are written, notebooks execute."""

from __future__ import annotations

import os

import matplotlib
import pytest
from conftest import FIXTURES, REPO, SEEDS

matplotlib.use("Agg")

from impact.claims import extract_article
from impact.config import Settings
from impact.errors import InputError
from impact.eventstudy import run_event_study
from impact.render.figures import article_figures, plot_article, plot_event_study
from impact.render.files import write_plots, write_report
from impact.verdicts import Checker


@pytest.fixture(scope="module")
def checked():
    checker = Checker(
        Settings(cache_dir=FIXTURES / "no-cache", fixtures_dir=FIXTURES, offline=True)
    )
    path = next(SEEDS.glob("000_*.txt"))
    return checker, checker.check_article(path.name, extract_article(path.read_text("utf-8")))


def test_claim_figure_content(checked):
    _, article = checked
    (name, fig), (_, overview) = article_figures(article)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(label.startswith("9988.HK close") for label in labels)
    assert any("^HSI" in label for label in labels) and any("BABA" in label for label in labels)
    assert any(label.startswith("claimed +9.1%") for label in labels)
    assert any(label.startswith("realized +9.23%") for label in labels)
    assert "misleading" in ax.get_title() and ax.get_ylabel().endswith("close = 100")
    assert any(t.get_text().startswith("realized") for t in ax.texts)
    assert name.endswith("claim0")
    assert len(overview.axes[0].get_yticklabels()) == 2


def test_event_study_figure_content():
    s = Settings(fixtures_dir=FIXTURES, offline=True)
    res = run_event_study("9988.HK", "2025-02-13T10:00+04:00", "^HSI", window=(-5, 5), settings=s)
    ax = plot_event_study(res).axes[0]
    assert len(ax.patches) == 11  # AR bars
    assert ax.lines[0].get_ydata()[-1] == pytest.approx(100 * res.car)
    assert "day 0 = 2025-02-13" in ax.get_title() and ax.get_ylabel() == "abnormal return, %"
    assert len(ax.collections) == 1  # the CAR band


def test_article_overview_colours(checked):
    _, article = checked
    ax = plot_article(article).axes[0]
    assert [t.get_text() for t in ax.texts] == ["misleading", "false"]


def test_files_written_and_foreign_files_kept(checked, tmp_path):
    _, article = checked
    paths = write_plots([article], tmp_path / "figs", "svg")
    assert [p.suffix for p in paths] == [".svg", ".svg"] and all(
        p.stat().st_size > 1000 for p in paths
    )
    out = tmp_path / "report"
    out.mkdir()
    (out / "report.html").write_text("mine")
    with pytest.raises(InputError, match="refusing to overwrite"):
        write_report([article], out)
    assert (out / "report.html").read_text() == "mine"
    write_report([article], out, force=True)
    html = (out / "report.html").read_text()
    assert "data:image/png;base64," in html and "misleading" in html
    write_report([article], out)  # its own files: rewritten without --force
    assert (out / "report.md").read_text().count("![") == 2


NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")  # committed clean
    os.environ["IMPACT_OFFLINE"] = "1"
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
