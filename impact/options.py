"""Option values of the command line, parsed and checked: each bad one is a one-line
InputError naming the option. Imports are lazy, as in the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from impact.config import Settings
from impact.errors import InputError

if TYPE_CHECKING:
    from impact.claims.values import Published
    from impact.registry import Registry

__all__ = [
    "check_lang",
    "load_registry",
    "parse_estimation",
    "parse_fail_on",
    "parse_published",
    "parse_window",
    "settings_for",
]


def settings_for(offline: bool = False, data_dir: Path | None = None) -> Settings:
    """Settings from the environment and the --offline and --data-dir flags."""
    if data_dir is not None and not data_dir.is_dir():
        raise InputError(f"--data-dir {data_dir} is not a folder")
    return Settings.from_env(offline=offline or None, data_dir=data_dir)


def parse_published(value: str | None) -> Published | None:
    """The --published option as a publication date (None: found in each article)."""
    from impact.claims import parse_date_option

    if value is None:
        return None
    try:
        return parse_date_option(value)
    except InputError as exc:
        raise InputError(f"--published: {exc}") from None


def check_lang(lang: str | None) -> None:
    """--lang: None, de or en."""
    if lang not in (None, "de", "en"):
        raise InputError(f"--lang {lang!r}: expected de or en")


def load_registry(path: Path | None) -> Registry:
    """Ours, or ours with the user's registry TOML added."""
    from impact.registry import Registry, default_registry

    if path is None:
        return default_registry()
    if not path.is_file():
        raise InputError(f"--registry {path}: no such file")
    return Registry.load(path)


def parse_window(text: str, option: str) -> tuple[int, int]:
    """An event window like ``-1,1``."""
    try:
        lo, hi = (int(x) for x in text.replace(" ", "").split(","))
    except ValueError:
        raise InputError(f"{option} {text!r}: expected two integers like -1,1") from None
    return lo, hi


def parse_estimation(sessions: int) -> tuple[int, int]:
    """--estimation N: the estimation window [-N, -11] in sessions; N >= 14."""
    if sessions < 14:
        raise InputError(f"--estimation {sessions}: the window [-N, -11] needs N >= 14")
    return -sessions, -11


def parse_fail_on(verdicts: list[str] | None) -> list[str]:
    """--fail-on: each one a verdict name (none given: an empty list)."""
    from impact.verdicts import VERDICTS

    bad = [v for v in verdicts or [] if v not in VERDICTS]
    if bad:
        raise InputError(f"--fail-on {bad[0]!r}: expected one of {', '.join(VERDICTS)}")
    return list(verdicts or [])
