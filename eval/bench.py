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

import torch
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.data import load_gold  # noqa: E402
from attrib.pipeline import Attributor  # noqa: E402
from attrib.schema import Article  # noqa: E402


def matmul_gflops(dtype: torch.dtype, n: int = 1024, seconds: float = 1.5) -> float:
    a, b = torch.randn(n, n, dtype=dtype), torch.randn(n, n, dtype=dtype)
    torch.mm(a, b)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        torch.mm(a, b)
        count += 1
    return 2 * n ** 3 * count / (time.perf_counter() - start) / 1e9


@torch.inference_mode()
def time_encoder(attributor: Attributor, articles: list[Article]) -> float:
    """Seconds for the bare encoder over the pipeline's own padded windows (tokenisation excluded)."""
    toks, windows, jobs = attributor.prepare(articles)
    batches = [(ids, mask) for _, ids, mask, _ in attributor.batches(toks, windows, jobs)]
    start = time.perf_counter()
    for ids, mask in batches:
        attributor.model.encoder(input_ids=ids, attention_mask=mask)
    return time.perf_counter() - start


def time_pipeline(attributor: Attributor, articles: list[Article]) -> float:
    start = time.perf_counter()
    for _ in attributor.predict(articles):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeats", type=int, default=2, help="Best of N alternating runs.")
    ap.add_argument("--limit", type=int, default=None, help="Only the first N dev articles.")
    args = ap.parse_args()
    console = Console()
    articles = load_gold(Path(args.shared) / "polnear" / "dev")
    articles = articles[: args.limit] if args.limit else articles
    attributor = Attributor.from_pretrained(args.model)
    toks, windows, jobs = attributor.prepare(articles)
    n_tokens = sum(len(j.ids) for j in jobs)
    time_pipeline(attributor, articles[:4])  # warm-up: first calls allocate
    enc, pipe = [], []
    for _ in range(args.repeats):
        enc.append(time_encoder(attributor, articles))
        pipe.append(time_pipeline(attributor, articles))
    enc_s, pipe_s = min(enc), min(pipe)
    result = {
        "articles": len(articles),
        "window_tokens": n_tokens,
        "threads": torch.get_num_threads(),
        "batch_size": attributor.batch_size,
        "encoder_fp32": {"seconds": round(enc_s, 3), "articles_per_s": round(len(articles) / enc_s, 2),
                         "tokens_per_s": round(n_tokens / enc_s)},
        "pipeline": {"seconds": round(pipe_s, 3), "articles_per_s": round(len(articles) / pipe_s, 2),
                     "tokens_per_s": round(n_tokens / pipe_s)},
        "pipeline_over_encoder": round(enc_s / pipe_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "matmul_gflops": {"fp32": round(matmul_gflops(torch.float32), 1), "bf16": round(matmul_gflops(torch.bfloat16), 1)},
    }
    table = Table(title=f"attrib bench — PolNeAR dev, {len(articles)} articles, {n_tokens} window tokens")
    for col in ("what", "seconds", "articles/s", "tokens/s"):
        table.add_column(col, justify="right")
    for name in ("encoder_fp32", "pipeline"):
        r = result[name]
        table.add_row(name, f"{r['seconds']:.2f}", f"{r['articles_per_s']:.2f}", f"{r['tokens_per_s']}")
    console.print(table)
    console.print(f"pipeline / bare encoder throughput: {result['pipeline_over_encoder']:.3f}; "
                  f"peak RSS {result['peak_rss_mb']} MB; matmul fp32 {result['matmul_gflops']['fp32']} GFLOP/s, "
                  f"bf16 {result['matmul_gflops']['bf16']} GFLOP/s")
    console.print(f"results → {save('bench', {'provenance': provenance(), 'model': str(args.model or 'default'), **result})}")


if __name__ == "__main__":
    main()
