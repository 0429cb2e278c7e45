"""`make bench`: speed of `attrib run` against the bare encoder on the same tokens, same process.

Measures, on PolNeAR dev: articles/s and tokens/s of the whole pipeline (tokenise,
windows, encoder, heads, decoding, records) and of the bare encoder's forward pass over
exactly the same padded windows; the ratio is the pipeline's overhead. Also the
machine's own matmul rate (fp32, bf16) and the peak resident memory, all in this run.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path
from typing import Optional

import torch
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine_speed, provenance, save  # noqa: E402

from attrib.data import load_gold  # noqa: E402
from attrib.metrics import evaluate  # noqa: E402
from attrib.pipeline import Attributor, check_model_dir, default_model_dir  # noqa: E402
from attrib.precision import resolve as resolve_precision  # noqa: E402
from attrib.schema import Article  # noqa: E402


def bare_encoder(model: Optional[str]) -> torch.nn.Module:
    """The encoder as Hugging Face loads it, fp32, none of the pipeline's fused blocks: the yardstick."""
    from attrib.modeling.modeling_attrib import AttribModel

    path = check_model_dir(model or default_model_dir())
    return AttribModel.from_pretrained(path, use_safetensors=True, dtype=torch.float32).encoder.eval()


@torch.inference_mode()
def time_encoder(encoder: torch.nn.Module, attributor: Attributor, articles: list[Article]) -> float:
    """Seconds for `encoder` over the pipeline's own padded windows (tokenisation excluded)."""
    toks, windows, jobs = attributor.prepare(articles)
    batches = [(ids, mask) for _, ids, mask, _ in attributor.batches(toks, windows, jobs)]
    start = time.perf_counter()
    for ids, mask in batches:
        encoder(input_ids=ids, attention_mask=mask)
    return time.perf_counter() - start


def run_pipeline(attributor: Attributor, articles: list[Article]) -> tuple[float, list[Article]]:
    start = time.perf_counter()
    preds = list(attributor.predict(articles))
    return time.perf_counter() - start, preds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeats", type=int, default=2, help="Best of N alternating runs.")
    ap.add_argument("--limit", type=int, default=None, help="Only the first N dev articles.")
    ap.add_argument("--precisions", default="fp32,bf16,int8", help="Pipeline precisions to time and score.")
    args = ap.parse_args()
    console = Console()
    articles = load_gold(Path(args.shared) / "polnear" / "dev")
    articles = articles[: args.limit] if args.limit else articles
    baseline = Attributor.from_pretrained(args.model, precision="fp32")
    encoder = bare_encoder(args.model)
    toks, windows, jobs = baseline.prepare(articles)
    n_tokens = sum(len(j.ids) for j in jobs)
    precisions = args.precisions.split(",")
    attributors = {p: baseline if p == "fp32" else Attributor.from_pretrained(args.model, precision=p) for p in precisions}
    default = resolve_precision("auto")
    # Where the time goes: the default precision without the stance branch (every attribution × target).
    core = Attributor.from_pretrained(args.model, precision=default)
    core.stance = None
    attributors[f"{default} without stance"] = core
    precisions = list(attributors)
    for att in attributors.values():
        run_pipeline(att, articles[:4])  # warm-up: first calls allocate
    enc: list[float] = []
    pipe: dict[str, list[float]] = {p: [] for p in precisions}
    preds: dict[str, list[Article]] = {}
    for _ in range(args.repeats):  # alternate, so drifts in machine load hit every setting alike
        enc.append(time_encoder(encoder, baseline, articles))
        for p, att in attributors.items():
            seconds, preds[p] = run_pipeline(att, articles)
            pipe[p].append(seconds)
    enc_s = min(enc)
    result = {
        "articles": len(articles),
        "window_tokens": n_tokens,
        "threads": torch.get_num_threads(),
        "batch_size": baseline.batch_size,
        "default_precision": default,
        "encoder_fp32": {"seconds": round(enc_s, 3), "articles_per_s": round(len(articles) / enc_s, 2),
                         "tokens_per_s": round(n_tokens / enc_s), "seconds_each_repeat": [round(x, 3) for x in enc]},
        "pipelines": {},
    }
    for p in precisions:
        seconds = min(pipe[p])
        metrics = evaluate(articles, preds[p], bootstrap=0).metrics
        result["pipelines"][p] = {
            "seconds": round(seconds, 3), "articles_per_s": round(len(articles) / seconds, 2),
            "tokens_per_s": round(n_tokens / seconds), "over_bare_fp32_encoder": round(enc_s / seconds, 3),
            # Each repeat's own ratio (encoder and pipeline timed back to back): the spread on a noisy machine.
            "ratio_each_repeat": [round(e / x, 3) for e, x in zip(enc, pipe[p])],
            "seconds_each_repeat": [round(x, 3) for x in pipe[p]],
            "attribution_f1": round(metrics["attribution_f1"], 4), "content_exact_f1": round(metrics["content_exact_f1"], 4),
        }
    if "fp32" in result["pipelines"]:
        ref = result["pipelines"]["fp32"]["attribution_f1"]
        for r in result["pipelines"].values():
            r["f1_points_vs_fp32"] = round(100 * (r["attribution_f1"] - ref), 2)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    result["matmul_gflops"] = machine_speed()
    table = Table(title=f"attrib bench — PolNeAR dev, {len(articles)} articles, {n_tokens} window tokens, "
                        f"{result['threads']} threads")
    for col in ("what", "seconds", "articles/s", "tokens/s", "× bare fp32 encoder", "attribution F1", "Δ pts vs fp32"):
        table.add_column(col, justify="right")
    e = result["encoder_fp32"]
    table.add_row("bare encoder fp32", f"{e['seconds']:.2f}", f"{e['articles_per_s']:.2f}", f"{e['tokens_per_s']}", "1.000", "", "")
    for p, r in result["pipelines"].items():
        name = f"attrib run {p}" + (" (default)" if p == default else "")
        table.add_row(name, f"{r['seconds']:.2f}", f"{r['articles_per_s']:.2f}", f"{r['tokens_per_s']}",
                      f"{r['over_bare_fp32_encoder']:.3f}", f"{r['attribution_f1']:.4f}", f"{r.get('f1_points_vs_fp32', 0):+.2f}")
    console.print(table)
    console.print(f"peak RSS {result['peak_rss_mb']} MB (all precisions loaded in one process); matmul fp32 "
                  f"{result['matmul_gflops']['fp32']} GFLOP/s, bf16 {result['matmul_gflops']['bf16']} GFLOP/s")
    console.print(f"results → {save('bench', {'provenance': provenance(), 'model': str(args.model or 'default'), **result})}")


if __name__ == "__main__":
    main()
