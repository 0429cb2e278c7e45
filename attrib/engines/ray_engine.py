"""`attrib run --engine ray`: Ray Data reads the inputs, a pool of actors holding the model maps batches.

Each input file becomes rows (one per article, or one per unreadable item) tagged with
its position, so results come back in input order however the actors interleave. An
article that fails inside an actor becomes a problem naming it; the others go on. Only
this module imports Ray: the default in-process engine never does.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence, Union

from ..io import InputProblem, expand_paths, parse_file
from ..schema import Article, article_from_dict


def _problem(p: InputProblem) -> str:
    return json.dumps({"path": p.path, "line": p.line, "message": p.message})


def _file_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One input file (its bytes, read by Ray Data) -> rows of parsed articles or problems, in file order."""
    out = []
    for n, item in enumerate(parse_file(row["path"], row["bytes"])):
        base = {"file": int(row["file_index"]), "item": n}
        if isinstance(item, InputProblem):
            out.append({**base, "article": "", "problem": _problem(item)})
        else:
            out.append({**base, "article": json.dumps(item.to_dict(), ensure_ascii=False), "problem": ""})
    return out


class AttributorActor:
    """Holds one model; turns a batch of article rows into record rows."""

    def __init__(self, model: Optional[str], precision: str, threads: int, targets: Optional[Sequence[str]]) -> None:
        from ..pipeline import Attributor

        self.attributor = Attributor.from_pretrained(model, threads=threads, precision=precision)
        self.targets = list(targets) if targets else None

    def _predict(self, articles: list[Article]) -> list[Union[Article, Exception]]:
        from ..pipeline import ArticleFailure

        # One bad article must not sink the batch (`predict_safely` retries a failing chunk one by one).
        return [item.error if isinstance(item, ArticleFailure) else item
                for item in self.attributor.predict_safely(articles, targets=self.targets)]

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        parsed = [article_from_dict(json.loads(a)) if a else None for a in batch["article"]]
        done = iter(self._predict([a for a in parsed if a is not None]))
        records, problems = [], []
        for art, problem in zip(parsed, batch["problem"]):
            res = next(done) if art is not None else None
            if isinstance(res, Exception):
                records.append("")
                problems.append(_problem(InputProblem(art.id, None, f"failed in a Ray actor ({type(res).__name__}: {str(res)[:200]})")))
            else:
                records.append(json.dumps(res.to_dict(), ensure_ascii=False) if res is not None else "")
                problems.append(str(problem))
        return {"file": batch["file"], "item": batch["item"], "record": records, "problem": problems}


def run_ray(paths: Sequence[Union[str, Path]], model: Optional[Union[str, Path]] = None, address: Optional[str] = None,
            actors: int = 1, batch_size: int = 64, precision: str = "auto", threads: Optional[int] = None,
            targets: Optional[Sequence[str]] = None) -> Iterator[Union[Article, InputProblem]]:
    """Attribute every article under `paths` on a Ray cluster (a local one if `address` is None), in input order."""
    import ray

    names = [str(p) for p in expand_paths(paths) if str(p) != "-"]
    files = [str(Path(n).resolve()) for n in names]
    if not files:
        return
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 **({} if address else {"num_cpus": os.cpu_count()}))
    cpus = float(ray.cluster_resources().get("CPU", 1))
    threads = threads or max(1, int(cpus) // max(1, actors))
    # Actors reserve all but one CPU, so Ray Data's read and parse tasks can always be scheduled
    # (actors holding every CPU would wait forever for rows nobody can read); torch still uses `threads`.
    reserved = max(0.5, min(float(threads), (cpus - 1) / max(1, actors)))
    index = {f: i for i, f in enumerate(files)}
    ds = ray.data.read_binary_files(files, include_paths=True)
    # Problems name the file as the user wrote it, not Ray's resolved path.
    ds = ds.map(lambda r: {"bytes": r["bytes"], "file_index": index["/" + r["path"].lstrip("/")],
                           "path": names[index["/" + r["path"].lstrip("/")]]})
    ds = ds.flat_map(_file_rows)
    ds = ds.map_batches(AttributorActor, fn_constructor_args=(str(model) if model else None, precision, threads, targets),
                        batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=reserved,
                        batch_format="numpy")
    seen: set[str] = set()
    for r in sorted(ds.iter_rows(), key=lambda r: (int(r["file"]), int(r["item"]))):
        if r["problem"]:
            p = json.loads(str(r["problem"]))
            yield InputProblem(p["path"], p["line"], p["message"])
        elif r["record"]:
            art = article_from_dict(json.loads(str(r["record"])))
            if art.id in seen:
                yield InputProblem(names[int(r["file"])], None, f"duplicate id {art.id!r}")
                continue
            seen.add(art.id)
            yield art
