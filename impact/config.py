"""Run settings, resolved once from the environment and CLI flags and passed explicitly.

Environment: ``IMPACT_DATA_DIR`` (a folder of the user's own price CSVs), ``IMPACT_CACHE_DIR``
(default: the platform's user cache dir), ``IMPACT_OFFLINE=1`` (never touch the network),
``IMPACT_FIXTURES_DIR`` (override the bundled fixtures).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

__all__ = ["Settings", "bundled_fixtures_dir"]


def bundled_fixtures_dir() -> Path:
    """The real price fixtures: inside the installed package, or ``fixtures/`` of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_fixtures", here.parent / "fixtures"):
        if candidate.is_dir():
            return candidate
    return here / "_fixtures"


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class Settings:
    """Where prices come from and whether the network may be used."""

    data_dir: Path | None = None
    cache_dir: Path = field(default_factory=lambda: Path(platformdirs.user_cache_dir("impact")))
    fixtures_dir: Path = field(default_factory=bundled_fixtures_dir)
    offline: bool = False
    network_timeout: float = 10.0

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``IMPACT_*`` variables; keyword overrides (CLI flags) win when not None."""
        env = os.environ
        settings = cls(
            data_dir=Path(env["IMPACT_DATA_DIR"]) if env.get("IMPACT_DATA_DIR") else None,
            cache_dir=Path(env.get("IMPACT_CACHE_DIR") or platformdirs.user_cache_dir("impact")),
            fixtures_dir=Path(env["IMPACT_FIXTURES_DIR"])
            if env.get("IMPACT_FIXTURES_DIR")
            else bundled_fixtures_dir(),
            offline=_truthy(env.get("IMPACT_OFFLINE")),
        )
        given = {k: v for k, v in overrides.items() if v is not None and v is not False}
        return replace(settings, **given) if given else settings
