"""Stage 0: reading articles. Files, folders and stdin; every text decoded and normalised once.

Decoding: UTF-16 or UTF-32 when the file starts with its byte order mark; else UTF-8 (a BOM is
dropped); text that is not UTF-8 is read as cp1252 and said so; any other file with NUL bytes is
binary and refused. Line ends are normalised to ``\\n``: claim spans index the
normalised text. A folder contributes its ``*.txt`` and ``*.md`` files, sorted by name.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CERTAIN_ENCODINGS", "Article", "InputProblem", "decode_text", "iter_articles"]

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
MAX_BYTES = 20_000_000  # per file, and for stdin
CERTAIN_ENCODINGS = {"utf-8", "utf-16", "utf-32"}  # any other was a guess, and is said so


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text, where it came from, and its headline when the source gives one."""

    path: str
    text: str
    encoding: str = "utf-8"
    title: str | None = None


@dataclass(frozen=True, slots=True)
class InputProblem:
    path: str
    message: str


# byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def _unicode_with_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 text that starts with its byte order mark, decoded (None: no such mark);
    ValueError when the bytes after the mark are not that encoding."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError:
                raise ValueError(
                    f"starts with a {name} byte order mark but is not {name}"
                ) from None
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) or ValueError with a one-line reason."""
    if not data.strip():
        raise ValueError("empty file")
    found = _unicode_with_bom(data)
    if found is not None:
        text, encoding = found
        if not text.strip():
            raise ValueError("empty file")
        if "\x00" in text[:65536]:
            raise ValueError("binary file (NUL characters), not text")
    elif b"\x00" in data[:65536]:
        raise ValueError("binary file (NUL bytes), not text")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252 (not valid UTF-8)"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _read(path: Path) -> Article | InputProblem:
    try:
        if path.stat().st_size > MAX_BYTES:
            return InputProblem(str(path), f"larger than {MAX_BYTES // 1_000_000} MB")
        text, encoding = decode_text(path.read_bytes())
    except ValueError as exc:
        return InputProblem(str(path), str(exc))
    except OSError as exc:
        return InputProblem(str(path), exc.strerror or str(exc))
    return Article(str(path), text, encoding)


def iter_articles(inputs: Sequence[str]) -> Iterator[Article | InputProblem]:
    """Each input (file, folder or ``-`` for stdin) as an Article, or the problem that stopped it."""
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)  # the same limit as for files
            if len(data) > MAX_BYTES:
                yield InputProblem("-", f"larger than {MAX_BYTES // 1_000_000} MB")
                continue
            try:
                text, encoding = decode_text(data)
                yield Article("-", text, encoding)
            except ValueError as exc:
                yield InputProblem("-", str(exc))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES
                and p.name.lower() != "readme.md"
            )
            if not files:
                yield InputProblem(item, "folder holds no .txt or .md articles")
            for file in files:
                yield _read(file)
        elif path.exists():
            yield _read(path)
        else:
            yield InputProblem(item, "no such file or folder")
