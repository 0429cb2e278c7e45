"""PolNeAR's brat standoff <-> attrib records.

A PolNeAR compartment is `text/ID.txt`, `attributions/ID_ANNOTATOR.ann` and a shared
`metadata.tsv` one folder up. `T` lines are spans (`Content 10 20;25 40` when
discontinuous; the quoted text may run onto following lines), `E` lines tie one
attribution's roles together, `#` lines are notes. `Discuss`/`Discard` spans are not
attributions. Where several annotators labelled one text, the first annotator id in
sorted order is taken, so imports are reproducible.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..io import InputProblem, atomic_open
from ..schema import Article, Attribution, Span
from ..text import kind_of

T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
E_LINE = re.compile(r"^(E\d+)\t(.+?)\s*$")
ATTRIBUTION_TYPES = {"Attribution", "Attribution-no-source"}
CANDIDATES = {"trump_count": "Donald Trump", "clinton_count": "Hillary Clinton"}


@dataclass
class BratSpan:
    label: str
    span: Span


def parse_offsets(field: str) -> Span:
    """`10 20;25 40` -> [(10, 20), (25, 40)]."""
    pieces = []
    for piece in field.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return sorted(pieces)


def parse_ann(lines: Iterable[str]) -> tuple[dict[str, BratSpan], list[dict[str, list[str]]]]:
    """Spans by id and events as {role: [span ids]} (the trigger under its event type)."""
    spans: dict[str, BratSpan] = {}
    events: list[dict[str, list[str]]] = []
    for line in lines:
        m = T_LINE.match(line)
        if m:
            spans[m.group(1)] = BratSpan(m.group(2), parse_offsets(m.group(3)))
            continue
        m = E_LINE.match(line)
        if m:
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in m.group(2).split():
                role, _, ref = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)].append(ref)
            events.append(dict(roles))
        # Anything else is a note (#), a relation we do not use, or the continuation of a
        # span text that ran onto the next line.
    return spans, events


def _join(spans: dict[str, BratSpan], refs: list[str]) -> Span:
    out: Span = []
    for ref in refs:
        if ref in spans:
            out.extend(spans[ref].span)
    return sorted(set(out))


def attributions_from_ann(lines: Iterable[str], text: str) -> list[Attribution]:
    spans, events = parse_ann(lines)
    atts = []
    for ev in events:
        if not ATTRIBUTION_TYPES & set(ev):
            continue
        content = _join(spans, ev.get("Content", []))
        if not content:
            continue  # an attribution without content cannot be scored or trained on
        atts.append(Attribution(
            content=content,
            cue=_join(spans, ev.get("Cue", [])),
            source=_join(spans, ev.get("Source", [])),
            kind=kind_of(text, content),
            labelled=frozenset(),
        ))
    atts.sort(key=lambda a: a.content[0])
    return atts


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


def focal_targets(row: dict[str, str]) -> list[str]:
    """The candidates the article mentions, most-mentioned first."""
    counts = []
    for col, name in CANDIDATES.items():
        try:
            n = int(row.get(col) or 0)
        except ValueError:
            n = 0
        if n > 0:
            counts.append((-n, name))
    return [name for _, name in sorted(counts)]


def _find_metadata(compartment: Path, metadata: Optional[Path]) -> Path:
    if metadata is not None:
        return metadata
    for cand in (compartment / "metadata.tsv", compartment.parent / "metadata.tsv"):
        if cand.is_file():
            return cand
    return compartment / "metadata.tsv"


def import_compartment(
    compartment: Union[str, Path], metadata: Optional[Union[str, Path]] = None
) -> Iterator[Union[Article, InputProblem]]:
    """Articles of a brat compartment (`DIR/text`, `DIR/attributions`), sorted by id."""
    root = Path(compartment)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir():
        yield InputProblem(str(root), None, "no text/ folder: expected DIR/text/*.txt and DIR/attributions/*.ann")
        return
    meta = read_metadata(_find_metadata(root, Path(metadata) if metadata else None))
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted(ann_dir.glob("*.ann")) if ann_dir.is_dir() else []:
        anns[ann.stem.rsplit("_", 1)[0]].append(ann)
    for txt in sorted(text_dir.glob("*.txt")):
        doc_id = txt.stem
        try:
            # Bytes, not read_text: universal newlines would shift every offset after a \r\n.
            text = txt.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            yield InputProblem(str(txt), None, f"cannot read: {err}")
            continue
        files = anns.get(doc_id) or ([ann_dir / f"{doc_id}.ann"] if (ann_dir / f"{doc_id}.ann").is_file() else [])
        if not files:
            yield InputProblem(str(txt), None, "no .ann file for this text")
            continue
        chosen = files[0]
        try:
            atts = attributions_from_ann(chosen.read_bytes().decode("utf-8").splitlines(), text)
        except (ValueError, IndexError) as err:
            yield InputProblem(str(chosen), None, f"malformed brat line: {err}")
            continue
        bad = [a for a in atts for s, e in a.content + a.cue + a.source if e > len(text) or e <= s]
        if bad:
            yield InputProblem(str(chosen), None, "span offsets outside the text")
            continue
        row = meta.get(doc_id, {})
        m = {"annotator": chosen.stem.rsplit("_", 1)[-1] if chosen.stem != doc_id else None}
        for key, out in (("publisher", "publisher"), ("publication_date", "date"), ("author", "author")):
            if row.get(key):
                m[out] = row[key]
        yield Article(
            id=doc_id, text=text, title=row.get("title") or None,
            targets=focal_targets(row), meta={k: v for k, v in m.items() if v}, attributions=atts,
        )


def _brat_offsets(span: Span) -> str:
    return ";".join(f"{s} {e}" for s, e in span)


def _brat_text(text: str, span: Span) -> str:
    # brat writes the pieces joined by a space; newlines would break the line format.
    return " ".join(text[s:e] for s, e in span).replace("\n", " ")


def article_to_ann(article: Article) -> str:
    """One article's attributions as brat standoff (T and E lines)."""
    lines: list[str] = []
    t = 0
    for e, att in enumerate(article.attributions, start=1):
        roles = []
        for label, span in (("Source", att.source), ("Cue", att.cue), ("Content", att.content)):
            if span:
                t += 1
                lines.append(f"T{t}\t{label} {_brat_offsets(span)}\t{_brat_text(article.text, span)}")
                roles.append(f"{label}:T{t}")
        trigger_span = att.cue or att.content
        t += 1
        ev_type = "Attribution" if att.source else "Attribution-no-source"
        lines.append(f"T{t}\t{ev_type} {_brat_offsets(trigger_span)}\t{_brat_text(article.text, trigger_span)}")
        lines.append(f"E{e}\t{ev_type}:T{t} " + " ".join(roles))
    return "\n".join(lines) + ("\n" if lines else "")


def export_compartment(articles: Iterable[Article], out_dir: Union[str, Path], annotator: str = "attrib") -> int:
    """Write `OUT/text/ID.txt` and `OUT/attributions/ID_ANNOTATOR.ann` for correction in brat."""
    out = Path(out_dir)
    n = 0
    for art in articles:
        with atomic_open(out / "text" / f"{art.id}.txt") as fh:
            fh.write(art.text)
        with atomic_open(out / "attributions" / f"{art.id}_{annotator}.ann") as fh:
            fh.write(article_to_ann(art))
        n += 1
    return n
