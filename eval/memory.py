"""`make bench-memory`: peak memory of `attrib run` as the input grows (copies of PolNeAR dev).

Each size runs `attrib run` in its own process, watched by a small parent that reads the
child's peak resident memory (getrusage), so every figure is one run's own peak. An archive
run must level off, not grow with the number of articles. Writes eval/results/memory-DATE-COMMIT.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.data import load_gold  # noqa: E402

# The parent of one `attrib run`: prints the child's peak resident set in kB.
WATCH = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=None)
    ap.add_argument("--copies", default="1,5,10", help="Sizes to run, in copies of PolNeAR dev (84 articles each).")
    args = ap.parse_args()
    dev = [replace(a, attributions=[]) for a in load_gold(Path(args.shared) / "polnear" / "dev")]
    attrib = str(Path(sys.executable).with_name("attrib"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (int(c) for c in args.copies.split(",")):
            path = Path(tmp) / f"dev-x{copies}.jsonl"
            path.write_text("".join(json.dumps(replace(a, id=f"{a.id}#{k}").to_dict()) + "\n"
                                    for k in range(copies) for a in dev), encoding="utf-8")
            cmd = [sys.executable, "-c", WATCH, attrib, "run", str(path), "-o", str(Path(tmp) / "out.jsonl")]
            if args.model:
                cmd += ["--model", args.model]
            start = time.perf_counter()
            peak_kb = int(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split()[-1])
            rows.append({"copies_of_dev": copies, "articles": copies * len(dev), "peak_rss_mb": peak_kb // 1024,
                         "seconds": round(time.perf_counter() - start, 1)})
    table = Table(title="peak memory of attrib run")
    for col in ("articles", "peak RSS (MB)", "seconds"):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(str(r["articles"]), str(r["peak_rss_mb"]), str(r["seconds"]))
    Console().print(table)
    Console().print(f"results → {save('memory', {'provenance': provenance(), 'model': str(args.model or 'default'), 'runs': rows})}")


if __name__ == "__main__":
    main()
