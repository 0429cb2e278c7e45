"""attrib: who said what in news, through which outlet, with what stance.

`import attrib` stays light (no torch); `attrib.Attributor` loads the model stack on first use.
"""
from typing import Any

from .io import iter_articles, read_jsonl, write_jsonl
from .schema import Article, Attribution, SchemaError

__all__ = ["Article", "Attribution", "Attributor", "SchemaError", "evaluate", "iter_articles", "read_jsonl", "write_jsonl"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "Attributor":
        from .pipeline import Attributor

        return Attributor
    if name == "evaluate":
        from .metrics import evaluate

        return evaluate
    raise AttributeError(f"module 'attrib' has no attribute {name!r}")
