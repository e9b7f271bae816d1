"""The command line: parse options, call one library function, render. Errors: one line; exit
code 1 when some inputs failed (each named in the summary), 2 when nothing could run. Imports are
lazy: ``--help`` loads neither pandas nor pyarrow, each command what its stage needs."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from impact.cli_options import (
    ChunkOption,
    ColumnsOption,
    CorpusArgument,
    CsvFlag,
    DaskOption,
    DataDirOption,
    EndOption,
    EstimationOption,
    EvalLangOption,
    EventOption,
    EventsFileOption,
    EventsOutOption,
    FailOnOption,
    FixtureDestOption,
    FixtureSourceArgument,
    FloorOption,
    ForceFlag,
    FundamentalsOption,
    InputsArgument,
    JsonFlag,
    LangOption,
    MarketOption,
    MissesFlag,
    ModelOption,
    NameArgument,
    OfflineFlag,
    OutOption,
    PartitionOption,
    PublishedOption,
    RegistryOption,
    ReportOption,
    StartOption,
    WindowOption,
    WorkersOption,
    parse_columns,
)
from impact.errors import ForeignFileError, ImpactError, InputError
from impact.options import (
    check_lang,
    load_registry,
    parse_estimation,
    parse_fail_on,
    parse_published,
    parse_window,
    settings_for,
)
from impact.runs import (
    JsonArray,
    RunLog,
    check_inputs,
    each_article,
    extract_each,
    guarded,
    one_line,
)

if TYPE_CHECKING:
    from rich.console import Console

# rich_markup_mode=None: plain help text, so --help does not load rich's renderer either
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check what the news says about markets against what the markets did.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
fixtures_app = typer.Typer(
    no_args_is_help=True, help="Manage the bundled real price fixtures.", rich_markup_mode=None
)
app.add_typer(fixtures_app, name="fixtures")


@functools.cache
def _stdout() -> Console:
    from rich.console import Console

    return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _report():
    from impact.render import text

    return text


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
    from impact.prices import sessions_between

    report = _report()
    series, returns = sessions_between(ticker, start, end, settings_for(offline, data_dir))
    rows = report.price_rows(series, returns)
    if json_:
        typer.echo(report.dumps_json(report.prices_json(series, rows)))
    elif csv_:
        typer.echo(report.render_csv(rows), nl=False)
    else:
        report.render_prices_table(series, rows, _stdout())


def _warn(line: str) -> None:
    typer.echo(f"warning: {line}", err=True)


def _finish(log: RunLog) -> None:
    """The run's summary on stderr; exit 1 when some inputs failed, 2 when none could run."""
    for line in log.summary():
        typer.echo(line, err=True)
    if log.exit_code():
        raise typer.Exit(log.exit_code())


def _stream_json(plain: Callable[[Any], Any] = lambda item: item) -> JsonArray:
    """A JSON array on stdout, each item (made ``plain`` first) written as soon as it is added."""

    def write(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    jsonable = _report().to_jsonable
    return JsonArray(write, lambda item: jsonable(plain(item)))


class _CheckPrinter:
    """Each article's check printed as soon as it is done: its CSV rows under the one header
    (printed first), or its table."""

    def __init__(self, csv_: bool) -> None:
        self.report, self.csv = _report(), csv_
        if csv_:
            typer.echo(self.report.render_csv([], self.report.CSV_COLUMNS), nl=False)

    def add(self, result: Any) -> None:
        if not self.csv:
            self.report.render_check_table(result, _stdout())
            return
        text = self.report.render_csv(self.report.check_rows([result]), self.report.CSV_COLUMNS)
        typer.echo(text.partition("\n")[2], nl=False)

    def close(self) -> None:
        pass


@app.command()
def claims(
    inputs: InputsArgument,
    published: PublishedOption = None,
    lang: LangOption = None,
    registry: RegistryOption = None,
    json_: JsonFlag = False,
) -> None:
    """Extract every claim about a market or company figure, with its fields and source span."""
    check_lang(lang)
    pub = parse_published(published)
    reg = load_registry(registry)
    log = RunLog()
    out = _stream_json() if json_ else None
    for item, extracted in extract_each(inputs, log, _warn, pub, lang, reg):
        if out is not None:
            out.add(_report().claims_json(item.path, extracted))
        else:
            _report().render_claims_table(item.path, extracted, _stdout())
    if out is not None:
        out.close()
    _finish(log)


@app.command()
def check(
    inputs: InputsArgument,
    published: PublishedOption = None,
    lang: LangOption = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    json_: JsonFlag = False,
    csv_: CsvFlag = False,
    fail_on: FailOnOption = None,
    report_dir: ReportOption = None,
    force: ForceFlag = False,
    registry: RegistryOption = None,
    out: OutOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    columns: ColumnsOption = None,
    partition_rows: PartitionOption = 1000,
) -> None:
    """Test every claim against the market data and reported figures, with the evidence.
    Articles: text files, web pages, RSS/Atom feeds, JSONL/CSV/Parquet corpora, folders, URLs."""
    from impact.verdicts import Checker

    fail_on = parse_fail_on(fail_on)
    check_lang(lang)
    pub = parse_published(published)
    cols = parse_columns(columns)
    if out is not None or workers != 1 or dask is not None:
        from impact.batch import BatchOptions
        from impact.cli_batch import check_batch

        load_registry(registry)  # a bad --registry fails here, before any worker starts
        settings = settings_for(offline, data_dir)
        options = BatchOptions(settings, registry, lang, pub, cols)
        args = (inputs, out, options, workers, dask, partition_rows, force, fail_on, _stdout())
        raise typer.Exit(check_batch(*args))
    reg = load_registry(registry)
    if report_dir is not None:  # a file that would not be overwritten: said before the run
        from impact.render.files import ReportFolder

        ReportFolder(report_dir, force).check_free(["report.html", "report.md"])
    checker = Checker(settings_for(offline, data_dir), reg)
    log = RunLog()
    sink = _stream_json(lambda result: result.to_dict()) if json_ else _CheckPrinter(csv_)
    run = check_inputs(
        inputs, checker, log, _warn, sink, published=pub, lang=lang, columns=cols,
        fail_on=fail_on, report_dir=report_dir, force=force,
    )  # fmt: skip
    if run.report is not None:
        typer.echo(f"report: {run.report}", err=True)
    if run.hits:
        named = ", ".join(sorted(set(run.hits)))
        typer.echo(f"--fail-on: {len(run.hits)} claim(s) with verdict {named}", err=True)
    _finish(log)
    if run.hits:
        raise typer.Exit(1)


@app.command()
def plot(
    inputs: InputsArgument,
    out: Annotated[Path, typer.Option("--out", help="Folder for the figures.")] = Path("figures"),
    fmt: Annotated[str, typer.Option("--format", help="png or svg.")] = "png",
    published: PublishedOption = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    force: ForceFlag = False,
    registry: RegistryOption = None,
) -> None:
    """One figure per price claim (price path, benchmark, other listing, claimed vs realized) and
    an overview per article."""
    from impact.render.files import write_plots
    from impact.verdicts import Checker, check_articles

    if fmt not in {"png", "svg"}:
        raise InputError(f"--format {fmt!r}: expected png or svg")
    pub = parse_published(published)
    checker = Checker(settings_for(offline, data_dir), load_registry(registry))
    log = RunLog()

    def run(article):
        return check_articles([article], published=pub, checker=checker)[0]

    results = [r for _, r in guarded(each_article(inputs, log, _warn), run, log)]
    for path in write_plots(results, out, fmt, force):
        typer.echo(str(path))
    _finish(log)


@app.command("eval")
def eval_(
    corpus: CorpusArgument,
    json_: JsonFlag = False,
    misses: MissesFlag = False,
    lang: EvalLangOption = None,
    offline: OfflineFlag = False,
    data_dir: DataDirOption = None,
    floor: FloorOption = None,
) -> None:
    """Accuracy on an annotated corpus: claim recall, precision, field accuracy, verdict
    agreement, false alarms and the truth x verdict confusion, per language and overall."""
    from impact.evaluation import check_floors, evaluate_corpus, load_floors
    from impact.evaluation.render import render_findings, render_report

    check_lang(lang)
    floors = load_floors(floor) if floor is not None else {}
    result = evaluate_corpus(corpus, settings=settings_for(offline, data_dir), lang=lang)
    if json_:
        typer.echo(_report().dumps_json(result.to_dict()))
    else:
        render_report(result, _stdout())
        if misses:
            render_findings(result, _stdout())
    failed = check_floors(result, floors)
    for line in failed:
        typer.echo(f"floor: {line}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def listings(
    name: NameArgument,
    registry: RegistryOption = None,
    offline: OfflineFlag = False,
    json_: JsonFlag = False,
) -> None:
    """How a name resolves: entity, listing, exchange, currency, benchmark, why, and the others.
    A name the registry does not know is looked up on Yahoo (cached), unless offline."""
    from impact.errors import UnknownListingError
    from impact.lookup import resolve_name

    settings = settings_for(offline)
    result = resolve_name(load_registry(registry), name, settings.offline, settings.cache_dir)
    if result.choice is None:
        raise UnknownListingError(result.summary())
    if json_:
        typer.echo(_report().dumps_json(result.to_dict()))
    else:
        _stdout().print(result.summary(), markup=False, highlight=False)


@app.command()
def study(
    ticker: Annotated[str | None, typer.Argument(help="Yahoo symbol of the security.")] = None,
    event: EventOption = None,
    events: EventsFileOption = None,
    market: MarketOption = "^GSPC",
    model: ModelOption = "market",
    window: WindowOption = "-1,1",
    estimation: EstimationOption = 250,
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
    from impact.eventstudy.runs import study_chunked, study_file, study_one
    from impact.eventstudy.spec import StudySpec

    settings = settings_for(offline, data_dir)
    win, est = parse_window(window, "--window"), parse_estimation(estimation)
    spec = StudySpec(model, win, est, settings, market)
    log = RunLog(noun="events")
    if events is not None and (chunk or out or dask):
        result = study_chunked(events, spec, log, chunk, out, dask)
    elif events is not None:
        result = study_file(events, spec, log)
        if result is None:  # every row failed: each one said, exit 2
            _finish(log)
    else:
        result = study_one(ticker, event, spec)
    if json_:
        typer.echo(_report().dumps_json(result.to_dict()))
    else:
        _stdout().print(result.summary(), markup=False, highlight=False)
    _finish(log)


@app.command()
def fetch(
    tickers: Annotated[list[str], typer.Argument(help="One or more Yahoo symbols.")],
    start: StartOption = None,
    end: EndOption = None,
) -> None:
    """Download daily prices from Yahoo into the on-disk cache (only the missing ranges)."""
    from rich.console import Console
    from rich.progress import Progress

    from impact.prices import cache_fetcher, resolve_dates, validate_ticker

    settings = settings_for()
    if settings.offline:
        raise InputError("fetch needs the network, but IMPACT_OFFLINE is set")
    symbols = [validate_ticker(t) for t in tickers]
    lo, hi = resolve_dates(start, end)
    fetch_one = cache_fetcher(settings)
    log = RunLog(noun="tickers")
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("fetching", total=len(symbols))
        for symbol, series in guarded(symbols, lambda s: fetch_one(s, lo, hi), log):
            progress.console.print(
                f"{symbol}: {len(series.between(lo, hi).prices)} sessions cached"
            )
            progress.advance(task)
    _finish(log)  # each ticker that failed on its line; exit 1 (some) or 2 (all)


@fixtures_app.command("import")
def fixtures_import(
    source: FixtureSourceArgument,
    dest: FixtureDestOption = Path("fixtures"),
    fundamentals: FundamentalsOption = None,
) -> None:
    """Rebuild fixtures/ from real price files, value strings unchanged, with their provenance."""
    from impact.prices.fixtures import import_fixtures

    written = import_fixtures(source, dest, fundamentals)
    typer.echo(f"wrote {len(written)} files to {dest}")


def main() -> None:
    """Console entry point: an ImpactError that stops the whole run -> one line on stderr and
    exit code 2, never a traceback (an input that fails alone: its line in the run's summary)."""
    try:
        code = app(standalone_mode=False)  # click returns the exit code of typer.Exit here
        if isinstance(code, int) and code:
            sys.exit(code)
    except ForeignFileError as exc:
        typer.echo(f"error: {one_line(exc)} (use --force)", err=True)
        sys.exit(2)
    except ImpactError as exc:
        typer.echo(f"error: {one_line(exc)}", err=True)
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
        typer.echo(f"error: unexpected {type(exc).__name__}: {one_line(exc)}", err=True)
        sys.exit(2)
