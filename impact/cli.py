"""The command line: parse options, call one library function, render. Errors: one line, exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.progress import Progress

from impact.cli_options import (
    ChunkOption,
    ColumnsOption,
    DaskOption,
    EventsOutOption,
    OutOption,
    PartitionOption,
    WorkersOption,
    parse_columns,
)
from impact.config import Settings
from impact.errors import ForeignFileError, ImpactError, InputError
from impact.prices import load_prices, resolve_dates, validate_ticker
from impact.prices.fixtures import import_fixtures
from impact.registry import Registry, default_registry
from impact.render import text as report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check what the news says about markets against what the markets did.",
    pretty_exceptions_enable=False,
)
fixtures_app = typer.Typer(no_args_is_help=True, help="Manage the bundled real price fixtures.")
app.add_typer(fixtures_app, name="fixtures")

OfflineFlag = Annotated[
    bool, typer.Option("--offline", help="Never touch the network (also IMPACT_OFFLINE=1).")
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Folder of your own <TICKER>.csv files (also IMPACT_DATA_DIR)."
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
StartOption = Annotated[str | None, typer.Option("--start", help="First date, YYYY-MM-DD.")]
EndOption = Annotated[str | None, typer.Option("--end", help="Last date, YYYY-MM-DD (inclusive).")]

stdout = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _settings(offline: bool = False, data_dir: Path | None = None) -> Settings:
    if data_dir is not None and not data_dir.is_dir():
        raise InputError(f"--data-dir {data_dir} is not a folder")
    return Settings.from_env(offline=offline or None, data_dir=data_dir)


@app.command()
def prices(
    ticker: Annotated[str, typer.Argument(help="Yahoo symbol, e.g. 9988.HK, BABA, ^HSI.")],
    start: StartOption = None,
    end: EndOption = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    json_: JsonFlag = False,
    csv_: CsvFlag = False,
) -> None:
    """OHLCV and the close-to-close return of every session, with the price basis and source."""
    settings = _settings(offline, data_dir)
    lo, hi = resolve_dates(start, end)
    # one extra fortnight before the range, so the first session has its previous close
    series = load_prices(validate_ticker(ticker), lo - pd.Timedelta(days=14), hi, settings)
    returns = series.returns()
    series = series.between(lo, hi)
    if series.prices.empty:
        raise InputError(f"no sessions for {ticker} between {lo.date()} and {hi.date()}")
    rows = report.price_rows(series, returns)
    if json_:
        meta = {
            "ticker": series.ticker,
            "mic": series.mic,
            "currency": series.currency,
            "basis": series.basis,
            "source": series.source,
            "origin": series.origin,
            "notes": list(series.notes),
            "sessions": rows,
        }
        typer.echo(report.dumps_json(meta))
    elif csv_:
        typer.echo(report.render_csv(rows), nl=False)
    else:
        report.render_prices_table(series, rows, stdout)


PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD (or YYYY-MM, or ISO timestamp)."),
]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Article files, folders, or - for stdin.")
]
LangOption = Annotated[str | None, typer.Option("--lang", help="de or en (default: detected).")]


def _published(value: str | None):
    """The --published option as a publication date (None: found in each article)."""
    from impact.claims import parse_date_option

    if value is None:
        return None
    try:
        return parse_date_option(value)
    except InputError as exc:
        raise InputError(f"--published: {exc}") from None


def _check_lang(lang: str | None) -> None:
    if lang not in (None, "de", "en"):
        raise InputError(f"--lang {lang!r}: expected de or en")


RegistryOption = Annotated[
    Path | None,
    typer.Option(
        "--registry", help="Your registry TOML (entities, listings, cues), added to ours."
    ),
]


def _registry(path: Path | None) -> Registry:
    if path is None:
        return default_registry()
    if not path.is_file():
        raise InputError(f"--registry {path}: no such file")
    return Registry.load(path)


def _warn_encoding(article: object) -> None:
    encoding = getattr(article, "encoding", "utf-8")
    if encoding != "utf-8":
        typer.echo(f"warning: {getattr(article, 'path', '?')}: read as {encoding}", err=True)


def _readable(inputs: list[str], problems: list[str], offline: bool = False, columns=None):
    """The articles that could be read (text, web pages, feeds, corpora: impact.sources); each
    one that could not adds a line to ``problems``."""
    from impact.sources import SourceProblem, iter_sources

    for item in iter_sources(inputs, columns, offline):
        if isinstance(item, SourceProblem):
            problems.append(f"{item.path}: {item.message}")
            continue
        _warn_encoding(item)
        yield item


def _report_problems(problems: list[str]) -> None:
    for line in problems:
        typer.echo(f"error: {line}", err=True)
    if problems:
        raise typer.Exit(2)


@app.command()
def claims(
    inputs: InputsArgument,
    published: PublishedOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
    json_: JsonFlag = False,
) -> None:
    """Extract every claim about a market or company figure, with its fields and source span."""
    from impact.claims import extract_article

    _check_lang(lang)
    pub = _published(published)
    reg = _registry(registry)
    problems: list[str] = []
    out = []
    for item in _readable(inputs, problems):
        extracted = extract_article(item.text, pub or item.published, lang, reg, item.title)
        if json_:
            out.append(report.claims_json(item.path, extracted))
        else:
            report.render_claims_table(item.path, extracted, stdout)
    if json_:
        typer.echo(report.dumps_json(out))
    _report_problems(problems)


@app.command()
def check(
    inputs: InputsArgument,
    published: PublishedOption = None,
    lang: LangOption = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    json_: JsonFlag = False,
    csv_: CsvFlag = False,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", help="Exit 1 if any claim gets this verdict (repeatable)."),
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option("--report", help="Write report.html (self-contained) and report.md here."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files impact did not write.")
    ] = False,
    registry: RegistryOption = None,
    out: OutOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    columns: ColumnsOption = None,
    partition_rows: PartitionOption = 1000,
) -> None:
    """Test every claim against the market data and reported figures, with the evidence.
    Articles: text files, web pages, RSS/Atom feeds, JSONL/CSV/Parquet corpora, folders, URLs."""
    from impact.verdicts import VERDICTS, Checker, check_articles

    bad = [v for v in fail_on or [] if v not in VERDICTS]
    if bad:
        raise InputError(f"--fail-on {bad[0]!r}: expected one of {', '.join(VERDICTS)}")
    _check_lang(lang)
    pub = _published(published)
    cols = parse_columns(columns)
    if out is not None or workers != 1 or dask is not None:
        from impact.batch import BatchOptions
        from impact.cli_batch import check_batch

        _registry(registry)  # a bad --registry fails here, before any worker starts
        settings = _settings(offline, data_dir)
        options = BatchOptions(settings, registry, lang, pub, cols)
        args = (inputs, out, options, workers, dask, partition_rows, force, fail_on, stdout)
        raise typer.Exit(check_batch(*args))
    reg = _registry(registry)
    checker = Checker(_settings(offline, data_dir), reg)
    problems: list[str] = []
    results = []
    for item in _readable(inputs, problems, checker.settings.offline, cols):
        published_at = pub or item.published
        (result,) = check_articles([item], published=published_at, lang=lang, checker=checker)
        results.append(result)
        if not (json_ or csv_):
            report.render_check_table(result, stdout)
    if json_:
        typer.echo(report.dumps_json([r.to_dict() for r in results]))
    elif csv_:
        typer.echo(report.render_csv(report.check_rows(results), report.CSV_COLUMNS), nl=False)
    if report_dir is not None:
        from impact.render.files import write_report

        path = write_report(results, report_dir, force)
        typer.echo(f"report: {path}", err=True)
    _report_problems(problems)
    hits = [v for r in results for v in r.verdicts() if v in (fail_on or [])]
    if hits:
        typer.echo(
            f"--fail-on: {len(hits)} claim(s) with verdict {', '.join(sorted(set(hits)))}", err=True
        )
        raise typer.Exit(1)


@app.command()
def plot(
    inputs: InputsArgument,
    out: Annotated[Path, typer.Option("--out", help="Folder for the figures.")] = Path("figures"),
    fmt: Annotated[str, typer.Option("--format", help="png or svg.")] = "png",
    published: PublishedOption = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files impact did not write.")
    ] = False,
    registry: RegistryOption = None,
) -> None:
    """One figure per price claim (price path, benchmark, other listing, claimed vs realized) and
    an overview per article."""
    from impact.render.files import write_plots
    from impact.verdicts import Checker, check_articles

    if fmt not in {"png", "svg"}:
        raise InputError(f"--format {fmt!r}: expected png or svg")
    pub = _published(published)
    checker = Checker(_settings(offline, data_dir), _registry(registry))
    problems: list[str] = []
    results = check_articles(_readable(inputs, problems), published=pub, checker=checker)
    for path in write_plots(results, out, fmt, force):
        typer.echo(str(path))
    _report_problems(problems)


@app.command("eval")
def eval_(
    corpus: Annotated[
        Path, typer.Argument(help="Annotated corpus folder (passages.jsonl, truth.jsonl).")
    ],
    json_: JsonFlag = False,
    misses: Annotated[
        bool,
        typer.Option("--misses", help="List every missed claim, wrong field and wrong verdict."),
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Evaluate only the de or en passages.")
    ] = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    floor: Annotated[
        Path | None,
        typer.Option(
            "--floor",
            help='JSON of minimum scores, e.g. {"en": {"recall": 0.3}}; exit 1 below any '
            "(false_alarms is a maximum).",
        ),
    ] = None,
) -> None:
    """Accuracy on an annotated corpus: claim recall, precision, field accuracy, verdict
    agreement, false alarms and the truth x verdict confusion, per language and overall."""
    from impact.evaluation import check_floors, evaluate_corpus, load_floors
    from impact.evaluation.render import render_findings, render_report

    _check_lang(lang)
    floors = load_floors(floor) if floor is not None else {}
    result = evaluate_corpus(corpus, settings=_settings(offline, data_dir), lang=lang)
    if json_:
        typer.echo(report.dumps_json(result.to_dict()))
    else:
        render_report(result, stdout)
        if misses:
            render_findings(result, stdout)
    failed = check_floors(result, floors)
    for line in failed:
        typer.echo(f"floor: {line}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def listings(
    name: Annotated[
        str,
        typer.Argument(
            help="A company or index name, a ticker, or a phrase ('Alibaba in Hongkong')."
        ),
    ],
    registry: RegistryOption = None,
    offline: OfflineFlag = False,
    json_: JsonFlag = False,
) -> None:
    """How a name resolves: entity, listing, exchange, currency, benchmark, why, and the others.
    A name the registry does not know is looked up on Yahoo (cached), unless offline."""
    from impact.errors import UnknownListingError
    from impact.lookup import resolve_name

    settings = _settings(offline)
    result = resolve_name(_registry(registry), name, settings.offline, settings.cache_dir)
    if result.choice is None:
        raise UnknownListingError(result.summary())
    if json_:
        typer.echo(report.dumps_json(result.to_dict()))
    else:
        stdout.print(result.summary(), markup=False, highlight=False)


def _window(text: str, option: str) -> tuple[int, int]:
    try:
        lo, hi = (int(x) for x in text.replace(" ", "").split(","))
    except ValueError:
        raise InputError(f"{option} {text!r}: expected two integers like -1,1") from None
    return lo, hi


@app.command()
def study(
    ticker: Annotated[str | None, typer.Argument(help="Yahoo symbol of the security.")] = None,
    event: Annotated[
        str | None,
        typer.Option("--event", help="Date or timestamp with zone, e.g. 2025-02-13T10:00+04:00."),
    ] = None,
    events: Annotated[
        Path | None, typer.Option("--events", help="CSV with columns ticker,event,market.")
    ] = None,
    market: Annotated[
        str, typer.Option("--market", help="Benchmark ticker; several as A,B for --model factor.")
    ] = "^GSPC",
    model: Annotated[
        str, typer.Option("--model", help="market, market_adjusted, constant_mean or factor.")
    ] = "market",
    window: Annotated[
        str, typer.Option("--window", help="Event window in sessions, e.g. -1,1.")
    ] = "-1,1",
    estimation: Annotated[
        int, typer.Option("--estimation", help="Estimation window [-N, -11] in sessions.")
    ] = 250,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    json_: JsonFlag = False,
    chunk: ChunkOption = None,
    out: EventsOutOption = None,
    dask: DaskOption = None,
) -> None:
    """Event study: abnormal returns, CAR with corrected variance, t-statistics; or AAR/CAAR and
    the standard tests (Patell, BMP, Kolari-Pynnönen, Corrado, sign) over many events, in chunks
    for files larger than memory (--chunk, --out, --dask)."""
    from impact.eventstudy import run_event_studies, run_event_study

    settings = _settings(offline, data_dir)
    win = _window(window, "--window")
    if estimation < 14:
        raise InputError(f"--estimation {estimation}: the window [-N, -11] needs N >= 14")
    est = (-estimation, -11)
    if events is not None and (chunk or out or dask):
        from impact.eventstudy.streaming import StudySpec, study_events

        spec = StudySpec(model, win, est, settings, market)
        result = study_events(events, spec, chunk or 5000, out, dask)
    elif events is not None:
        specs = _read_events(events, market)
        result = run_event_studies(specs, model, win, est, settings)
    else:
        if ticker is None or event is None:
            raise InputError("give TICKER and --event WHEN, or --events FILE.csv")
        factors = market.split(",") if model == "factor" else market
        result = run_event_study(validate_ticker(ticker), event, factors, model, win, est, settings)
    if json_:
        typer.echo(report.dumps_json(result.to_dict()))
    else:
        stdout.print(result.summary(), markup=False, highlight=False)


def _read_events(path: Path, default_market: str) -> list[tuple[str, str, str]]:
    import csv

    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--events {path}: cannot be read ({exc})") from None
    specs = []
    for n, row in enumerate(rows, start=2):
        if not row.get("ticker") or not row.get("event"):
            raise InputError(f"--events {path}: row {n} needs ticker and event")
        specs.append(
            (
                validate_ticker(row["ticker"].strip()),
                row["event"].strip(),
                (row.get("market") or default_market).strip(),
            )
        )
    if not specs:
        raise InputError(f"--events {path}: no events")
    return specs


@app.command()
def fetch(
    tickers: Annotated[list[str], typer.Argument(help="One or more Yahoo symbols.")],
    start: StartOption = None,
    end: EndOption = None,
) -> None:
    """Download daily prices from Yahoo into the on-disk cache (only the missing ranges)."""
    settings = _settings()
    if settings.offline:
        raise InputError("fetch needs the network, but IMPACT_OFFLINE is set")
    symbols = [validate_ticker(t) for t in tickers]
    lo, hi = resolve_dates(start, end)
    from impact.prices.sources import _Chain
    from impact.prices.yahoo import YahooSource

    chain = _Chain(settings, YahooSource(timeout=settings.network_timeout))
    failures: list[str] = []
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("fetching", total=len(symbols))
        for symbol in symbols:
            progress.update(task, description=f"fetching {symbol}")
            try:
                series = chain.fetch_into_cache(symbol, lo, hi)
                progress.console.print(
                    f"{symbol}: {len(series.between(lo, hi).prices)} sessions cached"
                )
            except ImpactError as exc:
                failures.append(str(exc))
            progress.advance(task)
    if failures:
        raise InputError("; ".join(failures))


@fixtures_app.command("import")
def fixtures_import(
    source: Annotated[
        Path, typer.Argument(help="Folder of price CSVs (e.g. ../shared/market-data).")
    ],
    dest: Annotated[Path, typer.Option("--dest", help="Fixtures folder to rebuild.")] = Path(
        "fixtures"
    ),
    fundamentals: Annotated[
        Path | None, typer.Option("--fundamentals", help="Folder of reported figures.")
    ] = None,
) -> None:
    """Rebuild fixtures/ from real price files, value strings unchanged, with their provenance."""
    written = import_fixtures(source, dest, fundamentals)
    typer.echo(f"wrote {len(written)} files to {dest}")


def main() -> None:
    """Console entry point: ImpactError -> one line on stderr and exit code 2, never a traceback."""
    try:
        code = app(standalone_mode=False)  # click returns the exit code of typer.Exit here
        if isinstance(code, int) and code:
            sys.exit(code)
    except ForeignFileError as exc:
        typer.echo(f"error: {exc} (use --force)", err=True)
        sys.exit(2)
    except ImpactError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click usage errors and anything unexpected: still one line
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # click usage error
            typer.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(2)
        typer.echo(f"error: unexpected {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
