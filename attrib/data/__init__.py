"""Importers for external corpora and the training features built from them."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from ..schema import Article


def load_gold(path: Union[str, Path], limit: Optional[int] = None) -> list[Article]:
    """Gold articles from attrib JSONL or a brat compartment folder (DIR/text, DIR/attributions)."""
    path = Path(path)
    if path.is_dir():
        from .brat import import_compartment

        arts = [a for a in import_compartment(path) if isinstance(a, Article)]
    else:
        from ..io import read_jsonl

        arts = read_jsonl(path)
    return arts[:limit] if limit else arts


def load_labelled_gold(path: Union[str, Path], label_dirs: Optional[list[Union[str, Path]]] = None,
                       limit: Optional[int] = None) -> list[Article]:
    """Gold articles with the team's label files (every *.jsonl in each folder) applied."""
    arts = load_gold(path, limit)
    files = [f for d in (label_dirs or []) for f in sorted(Path(d).glob("*.jsonl"))]
    if not files:
        return arts
    from .labels import apply_labels, read_labels

    return apply_labels(arts, read_labels(files))
