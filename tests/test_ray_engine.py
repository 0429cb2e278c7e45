"""`attrib run --engine ray` on a local Ray instance: same records as the local engine, bad inputs named."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from attrib.cli import app

ray = pytest.importorskip("ray", reason="Ray is installed with the test extras (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_matches_local_engine(local_ray, trained_tiny, brat_dir, tmp_path):
    from attrib.data import load_gold

    inputs = tmp_path / "in"
    inputs.mkdir()
    gold = load_gold(brat_dir)
    (inputs / "a.jsonl").write_text("".join(json.dumps(a.to_dict()) + "\n" for a in gold), encoding="utf-8")
    (inputs / "b.txt").write_text(gold[0].text, encoding="utf-8")
    (inputs / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    (inputs / "c.jsonl").write_text('{"id": "x", "text": "Hi.", "mood": 1}\n[1, 2]\n', encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["run", str(inputs), "--model", str(trained_tiny), "-o", str(tmp_path / "local.jsonl")])
    on_ray = runner.invoke(app, ["run", str(inputs), "--model", str(trained_tiny), "-o", str(tmp_path / "ray.jsonl"),
                                 "--engine", "ray", "--actors", "1"])
    assert local.exit_code == on_ray.exit_code == 1, on_ray.output  # the bad inputs fail, the rest are written
    for name in ("bad.txt", "c.jsonl:1", "c.jsonl:2"):
        assert name in on_ray.output and name in local.output
    local_rows = (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()
    ray_rows = (tmp_path / "ray.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(local_rows) == len(gold) + 1
    assert ray_rows == local_rows  # identical records, in input order


def test_local_engine_never_imports_ray():
    import subprocess
    import sys

    code = ("import sys, attrib.cli, attrib.pipeline; "
            "assert 'ray' not in sys.modules, 'ray imported by the local engine'")
    subprocess.run([sys.executable, "-c", code], check=True)
