"""Many events from a file larger than memory: chunk by chunk, or chunks on Dask.

Every statistic of significance.py is a function of sums over events: the means and standard
deviations of CAR_i, AR_i0, SCAR_i and SAR_i0 (kept as count, mean and sum of squared
deviations, merged by Chan et al.'s formula), the sums of SAR, SCAR, Var(CAR_i) and of the AR
by day, the counts of positive CAR_i and AR_i0, and the estimation-residual summaries (sums by
day of residuals, of standardized residuals, of ranks, and the positive residuals). A chunk of
events is fitted by fit_batch, reduced to these (:class:`EventSums`), and the chunks' sums are
added; the tests are then computed from the total as significance.py computes them from all
events at once. Each event's own row (CAR, its t and p, BHAR) goes to a file as the chunk is
done. An event that cannot be studied (no prices, too few sessions, a bad row) is skipped and
counted, with its reason.

The events file is CSV with ``ticker,event[,market]`` columns, split into runs of rows at byte
offsets (impact.sources.corpora) so that a worker reads its own run.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from impact import calendars
from impact.errors import ImpactError, InputError
from impact.eventstudy.engine import fit_batch
from impact.eventstudy.many import events_frame
from impact.eventstudy.significance import (
    mean_pair_correlation,
    summarize,
    tests_frame,
    with_pvalues,
)
from impact.eventstudy.spec import StudySpec
from impact.eventstudy.study import prepare_event, span_days
from impact.sources.corpora import Piece, split_corpus

__all__ = [
    "EVENT_COLUMNS",
    "EventSums",
    "StreamedStudy",
    "event_pieces",
    "study_piece",
    "study_stream",
]

EVENT_COLUMNS = ("row", "ticker", "market", "day0", "CAR", "sd_CAR", "t", "p", "BHAR")
EVENT_FLOATS = frozenset({"CAR", "sd_CAR", "t", "p", "BHAR"})
EVENT_INTS = frozenset({"row"})
_STAT_NAMES = ("car", "ar0", "scar", "sar0")


@dataclass
class EventSums:
    """What the tests need from a set of events (module doc); ``add`` merges another set."""

    n: int = 0
    moments: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # n, mean, M2
    sums: dict[str, Any] = field(default_factory=dict)
    dims: tuple[int, int, int] | None = None  # L1, L2, dof
    skipped: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, other: EventSums) -> None:
        if other.dims is not None:
            if self.dims not in (None, other.dims):
                raise InputError("events with different window lengths cannot be pooled")
            self.dims = other.dims
            for name, (n_b, mean_b, m2_b) in other.moments.items():
                n_a, mean_a, m2_a = self.moments.get(name, (0, 0.0, 0.0))
                n = n_a + n_b
                delta = mean_b - mean_a
                self.moments[name] = (
                    n,
                    mean_a + delta * n_b / n,
                    m2_a + m2_b + delta * delta * n_a * n_b / n,
                )
            for key, value in other.sums.items():
                self.sums[key] = self.sums[key] + value if key in self.sums else value
        self.n += other.n
        self.skipped += other.skipped
        self.reasons.extend(other.reasons[: max(0, 20 - len(self.reasons))])


def _moments(x: np.ndarray) -> tuple[int, float, float]:
    mean = float(x.sum() / x.size)
    d = x - mean
    return x.size, mean, float(np.vecdot(d, d))


def _sums_of(res: Any, day0: int) -> EventSums:
    """One fitted chunk reduced to its sums."""
    sumsq = None if res.model == "market_adjusted" else res.sigma2 * res.dof
    summary = summarize(res.resid_est, res.ar, sumsq, True, res.model != "market_adjusted")
    ar0, sar0 = res.ar[:, day0], res.sar[:, day0]
    values = {"car": res.car, "ar0": ar0, "scar": res.scar, "sar0": sar0}
    sums = {
        "sar": float(res.sar.sum()),
        "scar": float(res.scar.sum()),
        "sar0": float(sar0.sum()),
        "var_car": float(res.var_car.sum()),
        "ar_by_day": res.ar.sum(axis=0),
        "car_pos": int(np.count_nonzero(res.car > 0)),
        "ar0_pos": int(np.count_nonzero(ar0 > 0)),
        "rank_sums": summary.rank_sums,
        "resid_sums": summary.resid_sums,
        "z_sums": summary.z_sums,
        "positive": summary.positive,
    }
    moments = {k: _moments(v) for k, v in values.items()}
    return EventSums(res.ar.shape[0], moments, sums, (res.L1, res.L2, res.dof))


def tests_from_sums(s: EventSums, day0: int) -> list:
    """significance.py's tests, in its order, from the pooled sums."""
    n, (L1, L2, d) = s.n, s.dims  # type: ignore[misc]
    mean = {k: m[1] for k, m in s.moments.items()}
    sd = {k: math.sqrt(m[2] / (n - 1)) if n > 1 else math.nan for k, m in s.moments.items()}
    rows: list[tuple[str, str, float, int | None, str]] = []

    def add(name: str, scope: str, stat: float, dof: int | None, variant: str) -> None:
        rows.append((name, scope, float(stat), dof, variant))

    caar, aar0 = mean["car"], mean["ar0"]
    with np.errstate(divide="ignore", invalid="ignore"):
        if n > 1:
            add(
                "cross_sectional_t",
                "window",
                _div(math.sqrt(n) * caar, sd["car"]),
                n - 1,
                "CAR_i, Brown-Warner",
            )
            add("cross_sectional_t", "day0", _div(math.sqrt(n) * aar0, sd["ar0"]), n - 1, "AR_i0")
        e = s.sums["resid_sums"] / n
        s_hat = float(np.sqrt(np.vecdot(e - e.mean(), e - e.mean()) / (e.size - 1)))
        add(
            "time_series_t",
            "window",
            _div(caar, math.sqrt(L2) * s_hat),
            L1 - 1,
            "crude dependence adjustment",
        )
        add("time_series_t", "day0", _div(aar0, s_hat), L1 - 1, "crude dependence adjustment")
        if d > 2:
            kappa = d / (d - 2)
            add(
                "patell_z",
                "window",
                s.sums["sar"] / math.sqrt(n * L2 * kappa),
                None,
                "CSAR_i = sum of SAR (ETS, eventstudy2)",
            )
            add(
                "patell_z_scar",
                "window",
                s.sums["scar"] / math.sqrt(n * kappa),
                None,
                "SCAR_i with full covariance",
            )
            add("patell_z", "day0", s.sums["sar0"] / math.sqrt(n * kappa), None, "SAR_i0")
            add("j2", "window", math.sqrt(n * (d - 2) / d) * s.sums["scar"] / n, None, "mean SCAR")
        add(
            "j1",
            "window",
            _div(caar, math.sqrt(s.sums["var_car"] / n**2)),
            None,
            "CAAR / sqrt(mean Var(CAR)/N)",
        )
        if n > 1:
            r_bar = mean_pair_correlation(s.sums["z_sums"], n)
            kp = np.sqrt(np.float64(1 - r_bar) / (1 + (n - 1) * r_bar))
            for scope, key in (("window", "scar"), ("day0", "sar0")):
                bmp = _div(mean[key], sd[key] / math.sqrt(n))
                add("bmp_t", scope, bmp, n - 1, "SCAR_i" if scope == "window" else "SAR_i0")
                add(
                    "kp_bmp_t",
                    scope,
                    bmp * kp,
                    n - 1,
                    f"BMP x sqrt((1-r)/(1+(N-1)r)), r = {r_bar:.4g}",
                )
        p_hat = s.sums["positive"] / (n * L1)
        signs = []
        if 0 < p_hat < 1:
            for scope, key in (("window", "car_pos"), ("day0", "ar0_pos")):
                z = (s.sums[key] - n * p_hat) / math.sqrt(n * p_hat * (1 - p_hat))
                signs.append(("generalized_sign", scope, z, None, f"Cowan 1992, p = {p_hat:.4f}"))
        rank_sums = s.sums["rank_sums"]
        k_bar = (L1 + L2 + 1) / 2
        dev = rank_sums / n - k_bar
        s_k = np.sqrt(np.vecdot(dev, dev) / dev.size)
        evt = rank_sums[L1:]
        add("corrado_rank", "day0", (float(evt[day0]) / n - k_bar) / s_k, None, "Corrado 1989")
        tw = math.sqrt(L2) * (float(evt.sum()) / (n * L2) - k_bar) / s_k
        add("corrado_rank", "window", tw, None, "Cowan 1992 multi-day")
        rows.extend(signs)
    return with_pvalues(rows)  # fmt: skip


def _div(a: float, b: float) -> float:
    """a / b as numpy divides (inf or nan for a zero b), not an exception."""
    return float(np.float64(a) / np.float64(b))


def event_pieces(path: Path, chunk: int) -> list[Piece]:
    """The events file as runs of about ``chunk`` rows (one pass over the file)."""
    try:
        return list(split_corpus(str(path), "csv", chunk))
    except (OSError, csv.Error) as exc:
        raise InputError(f"events file {path}: cannot be read ({exc})") from None


def _event_rows(
    piece: Piece, default_market: str
) -> Iterator[tuple[int, str, str, str] | tuple[int, str]]:
    """(row, ticker, event, market), or (row, reason) for a row that is not an event."""
    from impact.prices import validate_ticker
    from impact.sources.corpora import LineTracker, csv_header

    header, start = csv_header(piece.path)
    if "ticker" not in header or "event" not in header:
        raise InputError(f"events file {piece.path}: needs the columns ticker and event")
    with open(piece.path, "rb") as handle:
        handle.seek(max(piece.offset, start))
        for k, values in enumerate(csv.reader(LineTracker(handle))):
            if piece.rows is not None and k >= piece.rows:
                return
            row = dict(zip(header, values, strict=False))
            n = piece.first_row + k + 1  # as in the file, the header being row 1
            if not row.get("ticker", "").strip() or not row.get("event", "").strip():
                yield n, "needs ticker and event"
                continue
            try:
                ticker = validate_ticker(row["ticker"].strip())
            except ImpactError as exc:
                yield n, str(exc)
                continue
            yield n, ticker, row["event"].strip(), (row.get("market") or default_market).strip()


def _prepare(spec: StudySpec, ticker: str, event: str, market: str, read: Callable):
    from impact.eventstudy.study import day_zero
    from impact.prices import load_prices

    approx, _ = day_zero(calendars.mic_for_ticker(ticker), event)
    before, after = span_days(spec.estimation, spec.window)

    def load(symbol: str, extra: int):
        lo = (approx - pd.Timedelta(days=before + extra)).date().isoformat()
        hi = (approx + pd.Timedelta(days=after + extra)).date().isoformat()
        return load_prices(symbol, lo, hi, spec.settings, read=read)

    benches = [] if spec.model == "constant_mean" else [load(m, 10) for m in market.split("+")]
    return prepare_event(load(ticker, 0), benches, event, spec.window, spec.estimation)


def study_piece(piece: Piece, spec: StudySpec, memo: Any = None) -> tuple[EventSums, pd.DataFrame]:
    """One run of events: their pooled sums and their own rows (EVENT_COLUMNS)."""
    from impact.batch import FileMemo

    read = (memo or FileMemo()).read
    prepared, rows, skipped = [], [], EventSums()
    for parsed in _event_rows(piece, spec.default_market):
        if len(parsed) == 2:
            skipped.skipped += 1
            skipped.reasons.append(f"row {parsed[0]}: {parsed[1]}")
            continue
        n, ticker, event, market = parsed  # type: ignore[misc]
        try:
            prepared.append(_prepare(spec, ticker, event, market, read))
            rows.append(n)
        except ImpactError as exc:
            skipped.skipped += 1
            skipped.reasons.append(f"row {n} ({ticker} {event}): {exc}")
    if not prepared:
        return skipped, pd.DataFrame(columns=list(EVENT_COLUMNS))
    has_f = spec.model != "constant_mean"
    res = fit_batch(
        np.stack([d.r_est for d in prepared]),
        np.stack([d.r_evt for d in prepared]),
        np.stack([d.f_est for d in prepared]) if has_f else None,
        np.stack([d.f_evt for d in prepared]) if has_f else None,
        spec.model,
    )
    sums = _sums_of(res, _day0(spec.window))
    sums.add(skipped)
    events = events_frame(prepared, res)
    events.insert(0, "row", rows)
    return sums, events


def _day0(window: tuple[int, int]) -> int:
    rel = np.arange(window[0], window[1] + 1)
    return int(np.flatnonzero(rel == 0)[0]) if 0 in rel else 0


@dataclass(frozen=True, eq=False)
class StreamedStudy:
    """AAR, CAAR and the tests over every event of a file, and how many were skipped and why."""

    model: str
    window: tuple[int, int]
    estimation: tuple[int, int]
    events: int
    skipped: int
    reasons: tuple[str, ...]
    aar: pd.Series
    caar: float
    tests: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "window": list(self.window),
            "estimation": list(self.estimation),
            "events": self.events,
            "skipped": self.skipped,
            "skipped_reasons": list(self.reasons),
            "caar": self.caar,
            "aar": {int(k): float(v) for k, v in self.aar.items()},
            "tests": [
                {"test": t, "scope": s, **row}
                for (t, s), row in self.tests.to_dict("index").items()
            ],
        }

    def summary(self) -> str:
        lines = [
            f"{self.events:,} events ({self.skipped:,} skipped), {self.model} model, "
            f"window {self.window}, estimation {self.estimation}",
            "AAR: " + ", ".join(f"{k:+d}: {v:+.6f}" for k, v in self.aar.items()),
            f"CAAR = {self.caar:+.6f}",
            self.tests.to_string(float_format=lambda x: f"{x:.4f}"),
        ]
        return "\n".join(lines + [f"skipped {r}" for r in self.reasons])


def finish(total: EventSums, spec: StudySpec) -> StreamedStudy:
    """The study's result from the pooled sums of all chunks."""
    if total.n == 0:
        raise InputError(f"no event could be studied ({total.skipped} skipped)")
    rel = np.arange(spec.window[0], spec.window[1] + 1)
    tests = tests_frame(tests_from_sums(total, _day0(spec.window)))
    aar = pd.Series(total.sums["ar_by_day"] / total.n, index=rel)
    caar = total.moments["car"][1]
    return StreamedStudy(
        spec.model, spec.window, spec.estimation, total.n, total.skipped,
        tuple(total.reasons), aar, caar, tests,
    )  # fmt: skip


def study_stream(
    path: Path,
    spec: StudySpec,
    chunk: int = 5000,
    on_events: Callable[[pd.DataFrame], None] | None = None,
) -> StreamedStudy:
    """Every event of a CSV file, ``chunk`` rows at a time in this process; ``on_events`` gets
    each chunk's event rows (to write them), in file order."""
    from impact.batch import FileMemo

    memo, total = FileMemo(), EventSums()
    for piece in event_pieces(path, chunk):
        sums, events = study_piece(piece, spec, memo)
        total.add(sums)
        if on_events is not None and len(events):
            on_events(events)
    return finish(total, replace(spec))


_MEMO: dict[str, Any] = {}  # in a Dask worker process: one price-file memo


def _dask_piece(job: tuple[int, Piece], spec: StudySpec, out_dir: str | None) -> EventSums:
    from impact.batch import FileMemo

    number, piece = job
    memo = _MEMO.setdefault("files", FileMemo())
    sums, events = study_piece(piece, spec, memo)
    if out_dir is not None:
        from impact.render.rows import write_parquet_rows

        path = Path(out_dir) / f"part-{number:05d}.parquet"
        write_parquet_rows(path, events.to_dict("records"), EVENT_COLUMNS, EVENT_FLOATS, EVENT_INTS)
    return sums


def study_dask(
    path: Path,
    spec: StudySpec,
    chunk: int = 5000,
    scheduler: str = "local",
    workers: int | None = None,
    out_dir: Path | None = None,
) -> StreamedStudy:
    """As :func:`study_stream`, the chunks mapped over a ``dask.bag`` on ``scheduler`` (``local``
    or an address); each chunk's event rows go to ``out_dir/part-NNNNN.parquet``."""
    import dask.bag as db

    from impact.batch_dask import dask_client, prepare_parts_dir

    jobs = list(enumerate(event_pieces(path, chunk)))
    if out_dir is not None:
        prepare_parts_dir(Path(out_dir), force=False)
    total = EventSums()
    if not jobs:
        return finish(total, spec)
    where = None if out_dir is None else str(Path(out_dir).resolve())
    bag = db.from_sequence(jobs, npartitions=len(jobs)).map(_dask_piece, spec=spec, out_dir=where)
    client, cluster = dask_client(scheduler, workers)
    try:
        for sums in client.compute(bag).result():
            total.add(sums)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return finish(total, spec)


def study_events(
    path: Path, spec: StudySpec, chunk: int = 5000, out: Path | None = None, dask: str | None = None
) -> StreamedStudy:
    """`impact study --events` in chunks: in this process (event rows to ``out``, a .jsonl, .csv
    or .parquet file) or on Dask (``out``: a folder of Parquet parts)."""
    if chunk < 1:
        raise InputError(f"chunk size {chunk}: expected 1 or more")
    if not Path(path).is_file():
        raise InputError(f"events file {path}: no such file")
    if dask:
        if out is not None and out.suffix:
            raise InputError(f"output {out}: with Dask, give a folder for the Parquet parts")
        return study_dask(path, spec, chunk, dask, None, out)
    if out is None:
        return study_stream(path, spec, chunk)
    from impact.render.rows import RowWriter

    with RowWriter(out, EVENT_COLUMNS, False, 2048, EVENT_FLOATS, EVENT_INTS) as writer:
        return study_stream(path, spec, chunk, lambda e: writer.write(e.to_dict("records")))
