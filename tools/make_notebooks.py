"""Write the three notebooks (without outputs). Run: python tools/make_notebooks.py"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parents[1] / "notebooks"

SETUP = """import os
os.environ.setdefault("IMPACT_OFFLINE", "1")  # run on the bundled fixtures, no network
from pathlib import Path
import matplotlib
matplotlib.use("Agg")
%matplotlib inline
ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()"""

NOTEBOOKS = {
    "01_seed_claims.ipynb": [
        new_markdown_cell(
            "# 1. The seed articles: claims and verdicts\n\nFive German articles on the "
            "Apple–Alibaba AI deal (February 2025). We extract every claim about a market or "
            "company figure, test each against the real prices in `fixtures/`, and look at "
            "the evidence."
        ),
        new_code_cell(SETUP),
        new_code_cell(
            "import impact\nfrom impact.articles import iter_articles\n\n"
            "checked = impact.check_articles(iter_articles([str(ROOT / 'seeds')]))\n"
            "articles = {Path(a.path).name: a for a in checked}\n"
            "for name, a in articles.items():\n"
            "    p = a.extracted.published\n"
            "    print(name, a.extracted.language, p.label(), '-', p.how)"
        ),
        new_markdown_cell("## The claims as structured records"),
        new_code_cell(
            "import pandas as pd\nrows = [c.claim.to_dict() for a in articles.values() for c in a.checks]\n"
            "pd.DataFrame(rows)[['id', 'text', 'entity', 'ticker', 'metric', 'direction', "
            "'magnitude', 'hedge', 'horizon', 'start', 'end', 'testable']]"
        ),
        new_markdown_cell("## Verdicts, with what they rest on"),
        new_code_cell(
            "for name, article in articles.items():\n    for check in article.checks:\n"
            "        print(f'{name[:3]} #{check.claim.id} [{check.verdict}] {check.explanation}')"
        ),
        new_markdown_cell(
            "The one-day move of seed 000: every basis and session tried, and the market beside it."
        ),
        new_code_cell(
            "move = articles['000_a0ff3f3814484de0.txt'].checks[0]\n"
            "pd.DataFrame(move.evidence.to_dict()['tried'])"
        ),
        new_code_cell("move.evidence.market, move.evidence.event_study"),
        new_markdown_cell("## Figures"),
        new_code_cell(
            "from impact.render.figures import article_figures\n"
            "figs = article_figures(articles['000_a0ff3f3814484de0.txt'])\n"
            "figs[0][1]"
        ),
        new_code_cell(
            "figs = article_figures(articles['003_d56926607ae1ee34.txt'])\n[f for _, f in figs][-1]"
        ),
    ],
    "02_event_study.ipynb": [
        new_markdown_cell(
            "# 2. The Apple–Alibaba event study\n\nTwo news times: the report of the deal "
            "(2025-02-11, taken as midday New York time) and Joe Tsai's confirmation in Dubai "
            "(2025-02-13, 10:00 Dubai time). Each is mapped to each exchange's own sessions."
        ),
        new_code_cell(SETUP),
        new_code_cell(
            "from impact.eventstudy import run_event_study, run_event_studies, day_zero\n"
            "for news in ['2025-02-11T12:00-05:00', '2025-02-13T10:00+04:00']:\n"
            "    for mic in ['XHKG', 'XNYS']:\n        print(news, mic, *day_zero(mic, news))"
        ),
        new_code_cell(
            "hk = run_event_study('9988.HK', '2025-02-13T10:00+04:00', '^HSI', window=(-5, 5))\n"
            "print(hk.summary())"
        ),
        new_code_cell("print(hk.ols.summary())"),
        new_code_cell("from impact.render.figures import plot_event_study\nplot_event_study(hk)"),
        new_code_cell(
            "baba = run_event_study('BABA', '2025-02-13T10:00+04:00', '^GSPC', window=(-5, 5))\n"
            "aapl = run_event_study('AAPL', '2025-02-11T12:00-05:00', '^GSPC', window=(-5, 5))\n"
            "kweb = run_event_study('BABA', '2025-02-13T10:00+04:00', 'KWEB', window=(-5, 5))\n"
            "baba, aapl, kweb"
        ),
        new_code_cell("plot_event_study(baba)"),
        new_markdown_cell("## Many events: AAR, CAAR and the standard tests"),
        new_code_cell(
            "events = [(t, e, m) for t, m in [('9988.HK', '^HSI'), ('BABA', '^GSPC'), ('AAPL', '^GSPC')]\n"
            "          for e in ['2025-02-11T12:00-05:00', '2025-02-13T10:00+04:00']]\n"
            "multi = run_event_studies(events, window=(-1, 1))\nmulti.events"
        ),
        new_code_cell("multi.tests"),
    ],
    "03_your_own_article.ipynb": [
        new_markdown_cell(
            "# 3. Check your own article\n\nPaste a text, give its publication date (or let "
            "impact find one), and optionally point it at your own price files."
        ),
        new_code_cell(SETUP),
        new_code_cell(
            "text = '''Hong Kong-listed shares of Alibaba jumped as much as 9.1% on Thursday, "
            "their biggest one-day gain since 2022, after Joe Tsai confirmed the Apple deal. "
            "Apple's shares rose 2% on Thursday in New York.'''"
        ),
        new_code_cell(
            "import impact\n"
            "article = impact.extract_article(text, published='2025-02-14')\n"
            "[c.describe() for c in article.claims]"
        ),
        new_markdown_cell(
            "Your own prices: a folder of `<TICKER>.csv` files with the columns "
            "`Date,Open,High,Low,Close[,Adj Close,Volume]` comes first in the resolution "
            "chain. Here we copy two fixture files into a temporary folder to show it."
        ),
        new_code_cell(
            "import shutil, tempfile\nmine = Path(tempfile.mkdtemp())\n"
            "for t in ['9988.HK', 'AAPL']:\n    shutil.copy(ROOT / 'fixtures' / f'{t}.csv', mine / f'{t}.csv')\n"
            "checker = impact.Checker(impact.Settings.from_env(data_dir=mine))\n"
            "(result,) = impact.check_articles([text], published='2025-02-14', checker=checker)\n"
            "for c in result.checks:\n"
            "    print(c.claim.ticker, c.verdict.value, c.evidence.to_dict().get('source'), '|', c.explanation)"
        ),
        new_code_cell("from impact.render.figures import plot_article\nplot_article(result)"),
        new_markdown_cell(
            "The same from the command line:\n\n```bash\nimpact check my_article.txt "
            "--published 2025-02-14 --data-dir my_prices/ --report out/\n```"
        ),
    ],
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(
            cells=cells,
            metadata={
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
            },
        )
        nbformat.write(nb, HERE / name)


if __name__ == "__main__":
    main()
