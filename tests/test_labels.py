from __future__ import annotations

import json
from dataclasses import replace

from typer.testing import CliRunner

from attrib.cli import app
from attrib.data import load_gold
from attrib.data.labels import apply_labels, check_labels
from attrib.io import write_jsonl


def _gold(brat_dir):
    return load_gold(brat_dir)


def test_apply_and_check_labels(brat_dir, tmp_path):
    gold = _gold(brat_dir)
    one = next(a for a in gold if a.id == "art-one")
    quote = one.attributions[0]
    good = {"article_id": "art-one", "content": [list(p) for p in quote.content], "speaker": "Jane Senator",
            "source_type": "named", "outlet": None, "outlet_span": [], "stance": "favor", "target": "Hillary Clinton"}
    wrong_offsets = dict(good, content=[[0, 5]])
    wrong_target = dict(good, content=[list(p) for p in one.attributions[1].content], target="Donald Trump")
    bad_type = dict(good, content=[list(p) for p in one.attributions[2].content], source_type="someone")
    problems = check_labels(gold, [good, wrong_offsets, wrong_target, bad_type])
    assert len(problems) == 3
    assert "no gold attribution" in problems[0] and "first target" in problems[1] and "source_type" in problems[2]
    labelled = {a.id: a for a in apply_labels(gold, [good])}["art-one"]
    att = labelled.attributions[0]
    assert att.speaker == "Jane Senator" and att.stance == "favor" and {"speaker", "outlet", "stance"} <= att.labelled
    assert "speaker" not in labelled.attributions[1].labelled  # unlabelled rows stay unlabelled

    gold_path = tmp_path / "gold.jsonl"
    write_jsonl(gold, gold_path)
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps(good) + "\n" + json.dumps(wrong_offsets) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["data", "apply-labels", str(gold_path), str(labels), "-o", str(tmp_path / "out.jsonl")])
    assert res.exit_code == 1 and "labels.jsonl:2: no gold attribution" in res.output
    res = CliRunner().invoke(app, ["data", "show", str(gold_path), "--id", "art-one"])
    assert res.exit_code == 0 and "[0] content=[[0, 14], [33, 44]]" in res.output


def test_rows_keyed_by_source_tell_apart_attributions_sharing_their_content(brat_dir):
    gold = _gold(brat_dir)
    one = next(a for a in gold if a.id == "art-one")
    first = one.attributions[0]
    other_source = [(first.content[0][0], first.content[0][0] + 3)]
    twin = replace(first, source=other_source)
    art = replace(one, attributions=[first, twin])

    def row(att, speaker):
        return {"article_id": "art-one", "content": [list(p) for p in att.content], "source": [list(p) for p in att.source],
                "speaker": speaker, "source_type": "named", "outlet": None, "outlet_span": [], "stance": None, "target": None}

    rows = [row(first, "Jane Senator"), row(twin, "John Voter")]
    assert check_labels([art], rows) == []
    got = apply_labels([art], rows)[0].attributions
    assert [a.speaker for a in got] == ["Jane Senator", "John Voter"]
    # Without `source`, one row labels both; a second such row is a duplicate.
    plain = [{k: v for k, v in r.items() if k != "source"} for r in rows]
    assert any("labelled twice" in p for p in check_labels([art], plain))
    assert [a.speaker for a in apply_labels([art], plain[:1])[0].attributions] == ["Jane Senator"] * 2
