"""`make bench-ray`: the Ray engine against the local engine on PolNeAR dev, same machine, same settings.

Times `attrib run`'s local engine warm (model loaded, second pass) and cold (loading the
model included, as the Ray actor must), and `--engine ray` (one actor with all cores; Ray's
own start-up timed apart), warm local and Ray alternating `--repeats` times (best of each),
and counts how many output records are identical. Both engines
also run a single article: Ray's time on it, less the local engine's, is its fixed cost (a
fresh actor process, its imports, the model); what remains of the difference on the whole
set is its cost per article. Writes eval/results/ray-DATE-COMMIT.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine_speed, provenance, save  # noqa: E402

from attrib.data import load_gold  # noqa: E402
from attrib.pipeline import Attributor  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=None)
    ap.add_argument("--precision", default="auto")
    ap.add_argument("--copies", type=int, default=1, help="Run on N copies of dev (new ids) to see start-up amortised.")
    ap.add_argument("--repeats", type=int, default=1, help="Alternating local and Ray runs; the best of each is compared.")
    args = ap.parse_args()
    import os

    import ray

    from attrib.engines.ray_engine import run_ray

    console = Console()
    from dataclasses import replace

    dev = load_gold(Path(args.shared) / "polnear" / "dev")
    gold = [replace(a, id=f"{a.id}#{k}") if k else a for k in range(args.copies) for a in dev]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.jsonl"
        path.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in gold), encoding="utf-8")
        # Cold: what `attrib run` pays end to end (loading the model included), as the Ray actor does.
        start = time.perf_counter()
        attributor = Attributor.from_pretrained(args.model, precision=args.precision)
        cold = [json.dumps(a.to_dict()) for a in attributor.predict(gold)]
        cold_s = time.perf_counter() - start
        del cold
        start = time.perf_counter()
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
        init_s = time.perf_counter() - start
        local_runs, ray_runs = [], []
        # Alternating runs, best of each: this machine's speed drifts by a third within minutes, so one run
        # of each engine measured the drift as much as the engine.
        for _ in range(args.repeats):
            start = time.perf_counter()
            local = [json.dumps(a.to_dict()) for a in attributor.predict(gold)]
            local_runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            remote = [json.dumps(a.to_dict()) for a in run_ray([path], model=args.model, precision=args.precision)]
            ray_runs.append(time.perf_counter() - start)
        local_s, ray_s = min(local_runs), min(ray_runs)
        # One article on each engine: what Ray costs whatever the input (a fresh actor process, its imports,
        # the model), so the rest of the difference is what it costs per article.
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(gold[0].to_dict()) + "\n", encoding="utf-8")
        start = time.perf_counter()
        list(attributor.predict(gold[:1]))
        local_one_s = time.perf_counter() - start
        start = time.perf_counter()
        list(run_ray([one], model=args.model, precision=args.precision))
        ray_one_s = time.perf_counter() - start
        ray.shutdown()
    same = sum(a == b for a, b in zip(local, remote))
    result = {
        "articles": len(gold), "copies_of_dev": args.copies, "precision": args.precision,
        "local": {"seconds": round(local_s, 2), "articles_per_s": round(len(gold) / local_s, 2)},
        "ray": {"seconds": round(ray_s, 2), "articles_per_s": round(len(gold) / ray_s, 2), "ray_init_seconds": round(init_s, 2),
                "actors": 1},
        "local_cold": {"seconds": round(cold_s, 2), "articles_per_s": round(len(gold) / cold_s, 2)},
        "ray_overhead": round(ray_s / local_s - 1, 3),
        "repeats": {"local_seconds": [round(x, 2) for x in local_runs], "ray_seconds": [round(x, 2) for x in ray_runs],
                    "overhead_each": [round(r / lo - 1, 3) for lo, r in zip(local_runs, ray_runs)]},
        "one_article": {"local_seconds": round(local_one_s, 2), "ray_seconds": round(ray_one_s, 2)},
        "ray_fixed_seconds": round(ray_one_s - local_one_s, 2),
        "ray_overhead_per_article": round((ray_s - ray_one_s) / (local_s - local_one_s) - 1, 3),
        "ray_overhead_vs_cold_local": round(ray_s / cold_s - 1, 3),
        "identical_records": same, "matmul_gflops": machine_speed(), "records": len(local), "ray_records": len(remote),
    }
    console.print(result)
    console.print(f"results → {save('ray', {'provenance': provenance(), 'model': str(args.model or 'default'), **result})}")


if __name__ == "__main__":
    main()
