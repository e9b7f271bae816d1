"""Stage 0: reading articles. Files, folders and stdin; every text decoded and normalised once.

Decoding: UTF-8 (a BOM is dropped); text that is not UTF-8 is read as cp1252 and said so; a file
with NUL bytes is binary and refused. Line ends are normalised to ``\\n``: claim spans index the
normalised text. A folder contributes its ``*.txt`` and ``*.md`` files, sorted by name.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Article", "InputProblem", "decode_text", "iter_articles"]

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
MAX_BYTES = 20_000_000


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


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) or ValueError with a one-line reason."""
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:65536]:
        raise ValueError("binary file (NUL bytes), not text")
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
            try:
                text, encoding = decode_text(sys.stdin.buffer.read())
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
