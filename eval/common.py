"""What every eval script records beside its numbers: command, commit, date, machine."""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def provenance() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "unknown"

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": f"{platform.machine()} {cpu}, {os.cpu_count()} cores",
        "python": platform.python_version(),
    }


def save(name: str, payload: dict) -> Path:
    """Write eval/results/NAME-DATE-COMMIT.json (and return the path); a second run of the same commit
    goes to NAME-DATE-COMMIT-2.json and so on, since on a noisy machine every speed run counts."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    prov = payload["provenance"]
    stem = f"{name}-{prov['date'][:10]}-{prov['commit']}"
    path, n = RESULTS / f"{stem}.json", 1
    while path.exists():
        n += 1
        path = RESULTS / f"{stem}-{n}.json"
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def machine_speed(n: int = 1024, seconds: float = 1.5) -> dict[str, float]:
    """The machine's own matmul rate (GFLOP/s, fp32 and bf16, torch's threads) at the time of a run:
    the same 2-core machine has measured from 146 to 343 GFLOP/s fp32 across sessions, so timings are
    read beside it."""
    import time

    import torch

    def rate(dtype: torch.dtype) -> float:
        a, b = torch.randn(n, n, dtype=dtype), torch.randn(n, n, dtype=dtype)
        torch.mm(a, b)
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            torch.mm(a, b)
            count += 1
        return round(2 * n ** 3 * count / (time.perf_counter() - start) / 1e9, 1)

    return {"fp32": rate(torch.float32), "bf16": rate(torch.bfloat16)}
