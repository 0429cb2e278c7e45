"""The scorer against values computed by hand."""
from __future__ import annotations

import json
import math
import random

import pytest
from typer.testing import CliRunner

from attrib.cli import app
from attrib.metrics import evaluate, outlet_keys, same_outlet, speaker_matches
from attrib.schema import Article, Attribution

from .conftest import needs_shared, write_jsonl

#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345
TEXT = "Ann said red blue green. Bob told Tass that one two three four. It rained."


def att(content, source=(), cue=(), **kw) -> Attribution:
    return Attribution(content=[tuple(c) for c in content], source=[tuple(s) for s in source],
                       cue=[tuple(c) for c in cue], **kw)


def art(atts, aid="t") -> Article:
    return Article(id=aid, text=TEXT, attributions=atts)


ANN = dict(content=[(9, 23)], source=[(0, 3)], cue=[(4, 8)])          # "red blue green"
BOB = dict(content=[(43, 62)], source=[(25, 28)], cue=[(29, 33)])     # "one two three four"


def test_perfect_and_partial_spans():
    gold = [art([att(**ANN, kind="indirect"), att(**BOB, kind="indirect")])]
    # pred 1: "red blue" (2 of 3 tokens), right source; pred 2: "three four" + wrong source "Tass"
    pred = [art([att([(9, 17)], [(0, 3)], [(4, 8)], kind="indirect"),
                 att([(51, 62)], [(34, 38)], [(29, 33)], kind="direct")])]
    m = evaluate(gold, pred, bootstrap=0).metrics
    assert m["content_exact_f1"] == 0.0
    # overlap P: each pred fully inside gold -> (1 + 1) / 2; R: (2/3 + 2/4) / 2
    assert m["content_overlap_p"] == pytest.approx(1.0)
    assert m["content_overlap_r"] == pytest.approx((2 / 3 + 2 / 4) / 2)
    assert m["source_exact_p"] == pytest.approx(0.5) and m["cue_exact_f1"] == pytest.approx(1.0)
    # end to end: pair 1 Jaccard 2/3 and right source; pair 2 Jaccard 1/2 but wrong source
    assert m["attribution_p"] == pytest.approx(0.5) and m["attribution_r"] == pytest.approx(0.5)
    assert m["kind_acc"] == pytest.approx(0.5)


def test_discontinuous_content_exact_and_edge_punctuation():
    gold = [art([att([(9, 13), (18, 23)], [(0, 3)])])]          # "red" + "green"
    same = [art([att([(9, 12), (18, 24)], [(0, 3)])])]          # "red" + "green." (edge space/period)
    other = [art([att([(9, 23)], [(0, 3)])])]                   # "red blue green" (not discontinuous)
    assert evaluate(gold, same, bootstrap=0).metrics["content_exact_f1"] == 1.0
    m = evaluate(gold, other, bootstrap=0).metrics
    assert m["content_exact_f1"] == 0.0
    assert m["content_overlap_r"] == pytest.approx(1.0) and m["content_overlap_p"] == pytest.approx(2 / 3)


def test_every_dash_is_edge_punctuation():
    for dash in ("―", "—"):
        text = f"They said it was fine {dash} Beck said."
        content = (text.index("it was fine"), text.index("it was fine") + len("it was fine"))
        end = text.index(dash) + 1
        gold = [Article(id="d", text=text, attributions=[att([content])])]
        pred = [Article(id="d", text=text, attributions=[att([(content[0], end)])])]  # "it was fine ―"
        assert evaluate(gold, pred, bootstrap=0).metrics["content_exact_f1"] == 1.0, dash


def test_empty_sources_are_right_when_both_empty():
    gold = [art([att([(9, 23)])])]
    assert evaluate(gold, [art([att([(9, 23)])])], bootstrap=0).metrics["attribution_f1"] == 1.0
    assert evaluate(gold, [art([att([(9, 23)], [(0, 3)])])], bootstrap=0).metrics["attribution_f1"] == 0.0
    # no gold sources at all: source exact is undefined on recall, zero on precision
    m = evaluate(gold, [art([att([(9, 23)], [(0, 3)])])], bootstrap=0).metrics
    assert math.isnan(m["source_exact_r"]) and m["source_exact_p"] == 0.0


def test_outlets_with_aliases():
    assert same_outlet("YJC", "Young Journalists Club (YJC)")
    assert same_outlet("Etemad", "Etemad daily")
    assert same_outlet("the Washington Post", "Washington Post")
    assert not same_outlet("Tass", "Sputnik")
    assert "yjc" in outlet_keys("Iran's Young Journalists Club")
    gold = [art([att(**ANN, speaker="Ann", outlet=None), att(**BOB, speaker="Bob Smith", outlet="Young Journalists Club (YJC)")])]
    pred = [art([att(**ANN, speaker="Ann", outlet="Tass"), att(**BOB, speaker="Smith", outlet="YJC")])]
    m = evaluate(gold, pred, bootstrap=0).metrics
    assert m["outlet_p"] == pytest.approx(0.5) and m["outlet_r"] == pytest.approx(1.0)
    assert m["outlet_f1"] == pytest.approx(2 / 3)
    assert m["speaker_strict_acc"] == pytest.approx(0.5) and m["speaker_lenient_acc"] == pytest.approx(1.0)


def test_speaker_matching():
    assert speaker_matches("Fatemeh Mohajerani", "fatemeh  mohajerani", lenient=False)
    assert speaker_matches(None, None, lenient=False)
    assert not speaker_matches("Fatemeh Mohajerani", "Ataollah Mohajerani", lenient=False)
    assert speaker_matches("Kazem Jalali", "Jalali", lenient=True)
    assert not speaker_matches("Kazem Jalali", None, lenient=True)


def test_stance_macro_f1_and_f_avg():
    spans = [(9, 12), (13, 17), (18, 23), (43, 46), (47, 50), (51, 56)]
    gold_labels = ["favor", "favor", "against", "against", "neutral", "neutral"]
    pred_labels = ["favor", "against", "against", "against", "neutral", "favor"]
    gold = [art([att([s], stance=g) for s, g in zip(spans, gold_labels)])]
    pred = [art([att([s], stance=p) for s, p in zip(spans, pred_labels)])]
    m = evaluate(gold, pred, bootstrap=0).metrics
    f_favor = 2 * 0.5 * 0.5 / 1.0            # P 1/2, R 1/2
    f_against = 2 * (2 / 3) * 1.0 / (2 / 3 + 1)  # P 2/3, R 1
    f_neutral = 2 * 1.0 * 0.5 / 1.5          # P 1, R 1/2
    assert m["stance_macro_f1"] == pytest.approx((f_favor + f_against + f_neutral) / 3)
    assert m["stance_f_avg"] == pytest.approx((f_favor + f_against) / 2)


def test_pairing_is_one_to_one():
    gold = [art([att([(9, 23)])])]
    pred = [art([att([(9, 23)]), att([(9, 17)])])]
    m = evaluate(gold, pred, bootstrap=0).metrics
    assert m["content_exact_p"] == 0.5 and m["content_exact_r"] == 1.0


def test_bootstrap_interval_brackets_value():
    gold, pred = [], []
    rng = random.Random(0)
    for i in range(30):
        gold.append(art([att(**ANN), att(**BOB)], aid=f"d{i}"))
        pred.append(art([att(**ANN)] + ([att(**BOB)] if rng.random() < 0.5 else []), aid=f"d{i}"))
    rep = evaluate(gold, pred, bootstrap=300)
    lo, hi = rep.ci["content_exact_r"]
    assert lo <= rep.metrics["content_exact_r"] <= hi and hi - lo > 0.01


def test_cli_eval_seed_self_and_half(tmp_path):
    seed = needs_shared("seed", "seed-article.jsonl")
    runner = CliRunner()
    res = runner.invoke(app, ["eval", str(seed), str(seed), "--as-json", "--bootstrap", "0"])
    assert res.exit_code == 0, res.output
    metrics = json.loads(res.output)["metrics"]
    for k in ("content_exact_f1", "attribution_f1", "speaker_strict_acc", "outlet_f1", "stance_macro_f1", "kind_acc"):
        assert metrics[k] == 1.0, k
    row = json.loads(seed.read_text(encoding="utf-8"))
    half = dict(row, attributions=row["attributions"][::2])
    pred = write_jsonl(tmp_path / "half.jsonl", [half])
    res = runner.invoke(app, ["eval", str(seed), str(pred), "--as-json", "--bootstrap", "0", "--errors", "2"])
    m = json.loads(res.output.split("\n─")[0].rsplit("\n}", 1)[0] + "\n}")["metrics"]
    assert m["content_exact_r"] == pytest.approx(6 / 11) and m["content_exact_p"] == 1.0


def test_a_leading_complementiser_scores_the_same_either_way():
    # PolNeAR keeps "that" in indirect content, ANNOTATION.md leaves it out: both are exact.
    with_that = dict(content=[(39, 62)], source=[(25, 28)], cue=[(29, 33)])  # "that one two three four"
    for gold_c, pred_c in ((with_that, BOB), (BOB, with_that)):
        m = evaluate([art([att(**gold_c)])], [art([att(**pred_c)])], bootstrap=0).metrics
        assert m["content_exact_f1"] == 1.0 and m["content_overlap_f1"] == 1.0
    # a different first word is still a miss
    shifted = dict(content=[(48, 62)], source=[(25, 28)], cue=[(29, 33)])  # "two three four"
    m = evaluate([art([att(**BOB)])], [art([att(**shifted)])], bootstrap=0).metrics
    assert m["content_exact_f1"] == 0.0
