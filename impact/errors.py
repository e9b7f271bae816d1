"""One exception tree for the whole tool.

Every subclass also inherits the matching builtin, so callers may catch either. Messages name what
was received, what was expected and, where there is one, the next step. The CLI prints the message
as one line on stderr and exits with code 2.
"""

from __future__ import annotations

__all__ = [
    "ActionsUnknownError",
    "CacheError",
    "ClaimParseError",
    "DataUnavailable",
    "ForeignFileError",
    "ImpactError",
    "InputError",
    "InsufficientDataError",
    "InvalidTickerError",
    "NotASessionError",
    "PriceDataError",
    "UnknownListingError",
    "UserEditedFileError",
]


class ImpactError(Exception):
    """Base class of every error the tool raises on purpose."""


class InputError(ImpactError, ValueError):
    """A file, option or argument given by the user cannot be used."""


class InvalidTickerError(ImpactError, ValueError):
    """A ticker that is not a syntactically valid Yahoo symbol."""


class UnknownListingError(ImpactError, LookupError):
    """A ticker or entity the registry or calendars do not know."""


class NotASessionError(ImpactError, ValueError):
    """A date that is not a trading session of the exchange it was used with."""


class PriceDataError(ImpactError, RuntimeError):
    """Price data was found but is malformed (bad rows, missing columns)."""


class ForeignFileError(InputError):
    """An output file exists that impact did not write; it is not overwritten unless forced."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(f"refusing to overwrite {path}: impact did not write it")


class UserEditedFileError(ForeignFileError):
    """An output file impact wrote has been edited since; it is not overwritten unless forced."""

    def __init__(self, path: object) -> None:
        self.path = path
        InputError.__init__(
            self, f"refusing to overwrite {path}: it was edited after impact wrote it"
        )


class DataUnavailable(ImpactError, LookupError):
    """No source in the resolution chain could supply prices for a ticker and range."""

    def __init__(self, ticker: str, start: object, end: object, reason: str) -> None:
        self.ticker, self.start, self.end, self.reason = ticker, start, end, reason
        super().__init__(f"no prices for {ticker} {_d(start)}..{_d(end)}: {reason}")


class ActionsUnknownError(ImpactError, LookupError):
    """No source covers a ticker's splits or dividends over the span asked about."""


class CacheError(ImpactError, OSError):
    """The on-disk cache could not be read or written."""


class ClaimParseError(ImpactError, ValueError):
    """A claim record could not be built from the text."""


class InsufficientDataError(ImpactError, ValueError):
    """Too few sessions for a measurement or an estimation window."""


def _d(value: object) -> str:
    text = str(value) if value is not None else "?"
    return text[:10]
