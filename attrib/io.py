"""Readers (.jsonl, .txt, folders, stdin) and writers (JSONL, CSV), with atomic writes.

Readers never raise on a bad record: they yield an `InputProblem` naming the file and
line, and go on, so a batch survives one broken article. `strict=True` raises instead.
"""
from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from .schema import Article, SchemaError, article_from_dict

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}


@dataclass
class InputProblem:
    """One input that could not be read: where it is and what is wrong."""

    path: str
    line: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class InputError(Exception):
    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


Item = Union[Article, InputProblem]


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 (byte {err.start}); re-encode the file as UTF-8") from None


def _jsonl_items(text: str, path: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputProblem(path, lineno, f"invalid JSON ({err.msg} at column {err.colno})")
            continue
        try:
            yield article_from_dict(value)
        except SchemaError as err:
            yield InputProblem(path, lineno, str(err))


HTML_HINT = re.compile(r"<\s*(?:html|body|p|div|article|br|span|h[1-6])\b[^>]*>", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "br", "article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote"}


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML page, a newline per block element; scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


# Character references of scraped copy ("&quot;We will win,&quot;", "&#8220;"): escaped quotes hide them from the model.
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")


def looks_like_html(text: str) -> bool:
    return len(HTML_HINT.findall(text[:20000])) >= 2


def html_to_text(text: str) -> str:
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    return parser.text()


def _text_item(text: str, path: str, article_id: str) -> Item:
    if not text.strip():
        return InputProblem(path, None, "empty file")
    if looks_like_html(text):
        # Markup pasted as text: attribute the visible words, and say so in the record.
        plain = html_to_text(text)
        if not plain.strip():
            return InputProblem(path, None, "HTML with no visible text")
        return Article(id=article_id, text=plain, meta={"converted_from": "html"})
    if len(HTML_ENTITY.findall(text[:20000])) >= 2:
        return Article(id=article_id, text=html.unescape(text), meta={"converted_from": "html-entities"})
    return Article(id=article_id, text=text)


def expand_paths(paths: Iterable[Union[str, Path]]) -> Iterator[Union[str, Path]]:
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        p = Path(p)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield child
        else:
            yield p


def read_path(path: Union[str, Path], stdin: Optional[IO[bytes]] = None) -> Iterator[Item]:
    """Yield the articles (or problems) of one file; `-` reads stdin (JSONL if it starts with `{`)."""
    name = str(path)
    try:
        data = (stdin or sys.stdin.buffer).read() if name == "-" else Path(path).read_bytes()
    except OSError as err:
        yield InputProblem(name, None, err.strerror or str(err))
        return
    yield from parse_file(name, data)


def parse_file(name: str, data: bytes) -> Iterator[Item]:
    """The articles (or problems) in one file's bytes: JSONL by suffix (or a leading `{` on stdin), else text."""
    try:
        text = _decode(data, name)
    except ValueError as err:
        yield InputProblem(name, None, str(err))
        return
    is_jsonl = (Path(name).suffix.lower() in JSONL_SUFFIXES) or (name == "-" and text.lstrip().startswith("{"))
    if is_jsonl:
        if not text.strip():
            yield InputProblem(name, None, "empty file")
            return
        yield from _jsonl_items(text, name)
    else:
        yield _text_item(text, name, "stdin" if name == "-" else Path(name).stem)


def iter_articles(paths: Iterable[Union[str, Path]], strict: bool = False) -> Iterator[Item]:
    """Articles from files, folders and `-`, in order; duplicate ids become problems."""
    seen: set[str] = set()
    for path in expand_paths(paths):
        for item in read_path(path):
            if isinstance(item, Article):
                if item.id in seen:
                    item = InputProblem(str(path), None, f"duplicate id {item.id!r}")
                else:
                    seen.add(item.id)
            if strict and isinstance(item, InputProblem):
                raise InputError(item)
            yield item


def read_jsonl(path: Union[str, Path], strict: bool = True) -> list[Article]:
    """All articles of one JSONL file (raises `InputError` on the first problem unless strict=False)."""
    return [a for a in iter_articles([path], strict=strict) if isinstance(a, Article)]


@contextmanager
def atomic_open(path: Union[str, Path], mode: str = "w") -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename: a crash never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def dump_jsonl_line(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False) + "\n"


def write_jsonl(articles: Iterable[Article], path: Union[str, Path]) -> int:
    """Write articles as attrib JSONL atomically (`-` writes to stdout); returns the count."""
    n = 0
    if str(path) == "-":
        for art in articles:
            sys.stdout.write(dump_jsonl_line(art))
            n += 1
        return n
    with atomic_open(path) as fh:
        for art in articles:
            fh.write(dump_jsonl_line(art))
            n += 1
    return n


CSV_COLUMNS = [
    "article_id", "index", "kind", "content", "cue", "source", "speaker", "outlet",
    "stance", "confidence", "content_spans", "cue_spans", "source_spans",
]


def csv_rows(articles: Iterable[Article]) -> Iterator[list[str]]:
    for art in articles:
        for i, att in enumerate(art.attributions):
            yield [
                art.id, str(i), att.kind or "", art.span_text(att.content), art.span_text(att.cue),
                art.span_text(att.source), att.speaker or "", att.outlet or "", att.stance or "",
                "" if att.confidence is None else f"{att.confidence:.3f}",
                json.dumps(att.content), json.dumps(att.cue), json.dumps(att.source),
            ]


def write_csv(articles: Iterable[Article], path: Union[str, Path]) -> None:
    """One row per attribution, with the span texts beside their offsets."""
    def _write(fh: IO[str]) -> None:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_rows(articles))

    if str(path) == "-":
        buf = io.StringIO()
        _write(buf)
        sys.stdout.write(buf.getvalue())
    else:
        with atomic_open(path) as fh:
            _write(fh)
