"""attrib: who said what in news, through which outlet, with what stance."""
from .io import iter_articles, read_jsonl, write_jsonl
from .schema import Article, Attribution, SchemaError

__all__ = ["Article", "Attribution", "SchemaError", "iter_articles", "read_jsonl", "write_jsonl"]
__version__ = "0.1.0"
