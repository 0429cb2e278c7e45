"""The stance branch on a tiny encoder: it learns, saves only its own layers, reloads, and fills records."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from safetensors import safe_open
from transformers import AutoTokenizer

from attrib.data.stance import StanceExample, load_basil, load_newsmtsc, mark_spans, mark_target
from attrib.metrics import stance_metrics
from attrib.pipeline import Attributor
from attrib.schema import Article, article_from_dict
from attrib.stance import StanceClassifier
from attrib.train_stance import train_stance

from .conftest import model_with_part, needs_shared, write_jsonl

LABELS = ("favor", "against", "neutral")


def _examples(tokenizer) -> list[StanceExample]:
    """Three vocabulary words decide the label; the rest of the passage is shared filler."""
    words = sorted(w for w in tokenizer.get_vocab() if w.isalpha() and len(w) > 5)[:12]
    cue = dict(zip(LABELS, words[:3]))
    filler = words[3:]
    out = []
    for i in range(30):
        label = LABELS[i % 3]
        text = f"{filler[i % 9]} {cue[label]} «{filler[(i + 1) % 9]}» {filler[(i + 4) % 9]}"
        out.append(StanceExample(filler[(i + 1) % 9], text, label, f"g{i}"))
    return out


@pytest.fixture(scope="session")
def stance_branch(trained_tiny, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("stance")
    examples = _examples(AutoTokenizer.from_pretrained(trained_tiny))
    train_stance(examples, examples, trained_tiny, out, shared_layers=1, learning_rate=3e-3, batch_size=10,
                 max_steps=60, eval_steps=30, patience=5, progress=False)
    return out


def test_branch_learns_and_saves_only_its_own_layers(stance_branch, trained_tiny):
    from attrib.modeling.modeling_attrib import AttribModel

    with safe_open(str(stance_branch / "model.safetensors"), "pt") as fh:
        keys = set(fh.keys())
    assert not any(k.startswith(("encoder.embeddings.", "encoder.encoder.layer.0.")) for k in keys), keys
    assert any(k.startswith("encoder.encoder.layer.1.") for k in keys) and "classifier.weight" in keys
    attrib_model = AttribModel.from_pretrained(trained_tiny)
    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=attrib_model)
    examples = _examples(clf.tokenizer)
    preds = [label for label, _ in clf.predict(examples)]
    m = stance_metrics([e.label for e in examples], preds)
    assert m["stance_macro_f1"] >= 0.9, m  # untrained, it sits near 1/3
    # the shared layer is the attribution model's own module, not a copy
    assert clf.model.encoder.encoder.layer[0] is attrib_model.encoder.encoder.layer[0]
    again = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    assert torch.allclose(clf.probabilities(examples), again.probabilities(examples), atol=1e-6)


def test_branch_without_its_attribution_model_is_refused(stance_branch):
    with pytest.raises(ValueError, match="attrib_model"):
        StanceClassifier.from_pretrained(stance_branch)


def test_pipeline_fills_stance_toward_targets(stance_branch, trained_tiny, tmp_path, brat_dir):
    from attrib.data import load_gold

    model_dir = model_with_part(trained_tiny, stance_branch, "stance", tmp_path / "model")
    attributor = Attributor.from_pretrained(model_dir)
    assert attributor.stance is not None
    gold = load_gold(brat_dir)
    art = next(a for a in gold if a.attributions)
    plain = attributor(Article(id=art.id, text=art.text))
    assert plain.attributions and all(a.stance is None for a in plain.attributions)  # no target, no stance
    one = attributor(Article(id=art.id, text=art.text, targets=["Clinton"]))
    assert all(a.stance in LABELS and 0 < a.stance_confidence <= 1 and a.stances is None for a in one.attributions)
    two = attributor(Article(id=art.id, text=art.text), targets=["Clinton", "Trump"])
    for att in two.attributions:
        assert set(att.stances) == {"Clinton", "Trump"} and att.stance == att.stances["Clinton"]
    # records round-trip through the schema with the new fields
    again = article_from_dict(two.to_dict())
    assert again.attributions[0].stances == two.attributions[0].stances
    auto = attributor(Article(id=art.id, text=art.text), targets=["auto"])
    assert len(auto.targets) == 1 and auto.targets[0] in art.text


def test_mark_target_wraps_every_name_word():
    assert mark_target("Clinton said Hillary Clinton won.", "Hillary Clinton") == "«Clinton» said «Hillary Clinton» won."
    assert mark_spans("abcdef", [(0, 2), (1, 3), (4, 5)]) == "«abc»d«e»f"
    # a concept target marks its content words too, not only names
    assert (mark_target("The strategic partnership deepened, Russia said of it.", "Iran–Russia strategic partnership")
            == "The «strategic» «partnership» deepened, «Russia» said of it.")


def test_newsmtsc_loader_maps_polarity():
    path = needs_shared("newsmtsc", "devtest_rw.jsonl")
    examples = load_newsmtsc(path)
    assert len(examples) > 1000 and {e.label for e in examples} == set(LABELS)
    assert all("«" in e.text for e in examples)


def test_basil_loader_pairs_each_span_with_its_own_sentence(tmp_path):
    """BASIL's "p1" is the body's second sentence (paragraphs flattened); the headline is "title"."""
    import json

    article = {"title": "Senate vote looms on the budget",
               "body-paragraphs": [["Smith opened the debate on Monday.", "Jones called the budget “a disgrace.”"],
                                   ["Smith praised Jones for his candour."]]}
    spans = [{"id": "p1", "start": 6, "end": 12, "txt": "called", "quote": "yes", "polarity": "neg", "target": "Smith"},
             {"id": "p2", "start": 6, "end": 13, "txt": "praised", "quote": "yes", "polarity": "pos", "target": "Jones"},
             {"id": "title", "start": 0, "end": 6, "txt": "Senate", "quote": "yes", "polarity": "neg", "target": "Senate"},
             {"id": "p9", "start": 0, "end": 1, "txt": "x", "quote": "yes", "polarity": "neg", "target": "Smith"}]
    for folder, name, data in (("articles", "e1_1.json", article), ("annotations", "e1_1_ann.json",
                                                                    {"phrase-level-annotations": spans})):
        (tmp_path / folder / "2016").mkdir(parents=True)
        (tmp_path / folder / "2016" / name).write_text(json.dumps(data), encoding="utf-8")
    examples = load_basil(tmp_path)
    assert [e.label for e in examples] == ["against", "favor", "against"]  # p9 lies past the body: skipped
    assert examples[0].text.startswith("Jones called the budget")
    assert examples[1].text == "Smith praised «Jones» for his candour."
    assert examples[2].text.startswith("«Senate» vote looms")
    assert {e.group for e in examples} == {"e1"}
    # As one text (eval/basil_speakers.py): each span id's sentence starts where its offsets count from.
    from attrib.data.basil import iter_basil

    (basil,) = iter_basil(tmp_path)
    text, starts = basil.text()
    assert [text[starts[s["id"]] + s["start"]:starts[s["id"]] + s["end"]] for s in spans[:3]] == ["called", "praised",
                                                                                                   "Senate"]
    assert "p9" not in starts and text.endswith("candour.")


def test_cli_train_stance_rejects_missing_data(tmp_path):
    from typer.testing import CliRunner

    from attrib.cli import app

    empty = write_jsonl(tmp_path / "none.jsonl", [])
    res = CliRunner().invoke(app, ["train-stance", "-o", str(tmp_path / "o"), "--newsmtsc", "", "--basil", "",
                                   "--gold", str(empty), "--dev", str(empty)])
    assert res.exit_code != 0


def test_export_bundles_the_branch_in_half_precision(stance_branch, trained_tiny, tmp_path):
    from attrib.train import export_half

    out = tmp_path / "shipped"
    export_half(trained_tiny, out, stance=stance_branch)
    with safe_open(str(out / "stance" / "model.safetensors"), "pt") as fh:
        dtypes = {fh.get_tensor(k).dtype for k in fh.keys()}
        assert not any(k.startswith("encoder.embeddings.") for k in fh.keys())
    assert dtypes == {torch.float16}
    attributor = Attributor.from_pretrained(out)  # loads the half copy back as fp32, branch tied to its parent
    assert attributor.stance is not None
    art = attributor(Article(id="x", text="“We will win,” the senator said.", targets=["the senator"]))
    assert all(a.stance in LABELS for a in art.attributions)


def test_a_broken_stance_folder_is_named(trained_tiny, tmp_path):
    from attrib.pipeline import ModelLoadError

    model_dir = tmp_path / "model"
    shutil.copytree(trained_tiny, model_dir)
    (model_dir / "stance").mkdir()
    (model_dir / "stance" / "config.json").write_text("{not json", encoding="utf-8")
    (model_dir / "stance" / "model.safetensors").write_bytes(b"garbage")
    with pytest.raises(ModelLoadError, match="stance"):
        Attributor.from_pretrained(model_dir)


def test_cli_train_stance_refuses_an_article_in_both_train_and_dev(tmp_path):
    from typer.testing import CliRunner

    from attrib.cli import app

    art = {"id": "a1", "text": "Clinton said it was fine.", "targets": ["Clinton"],
           "attributions": [{"content": [[13, 24]], "source": [[0, 7]], "stance": "favor"}]}
    gold = write_jsonl(tmp_path / "g.jsonl", [art])
    res = CliRunner().invoke(app, ["train-stance", "-o", str(tmp_path / "o"), "--newsmtsc", "", "--basil", "",
                                   "--gold", str(gold), "--dev", str(gold)])
    assert res.exit_code == 2 and "both training and dev" in res.output


def test_unmentioned_name_targets_skip_the_model(stance_branch, trained_tiny):
    from attrib.modeling.modeling_attrib import AttribModel
    from attrib.stance import is_name_target

    assert is_name_target("Donald Trump") and is_name_target("Russia")
    assert not is_name_target("Iran–Russia strategic partnership") and not is_name_target("easing of filtering")
    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    examples = _examples(clf.tokenizer)
    unmarked = [StanceExample("Donald Trump", e.text.replace("«", "").replace("»", ""), e.label, e.group)
                for e in examples]
    concept = [StanceExample("the trade deal", e.text, e.label, e.group) for e in unmarked]
    before = clf.predict(unmarked)
    assert any(label != "neutral" for label, _ in before)  # the model itself is not always neutral
    clf.model.config.unmentioned_name_neutral = 0.86
    assert clf.predict(unmarked) == [("neutral", 0.86)] * len(unmarked)
    assert clf.predict(concept) != [("neutral", 0.86)] * len(concept)  # concepts still go through the model
    own = [StanceExample(e.target, e.text, e.label, e.group, speaker="Donald Trump") for e in unmarked]
    assert clf.predict(own) != [("neutral", 0.86)] * len(own)  # the target never names themselves
    marked = clf.predict(examples)  # a marked mention means the model runs
    assert [p for p, _ in marked] != ["neutral"] * len(examples)


def test_passage_neutral_bias_shifts_passages_not_sentences(stance_branch, trained_tiny):
    from attrib.modeling.modeling_attrib import AttribModel

    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    examples = _examples(clf.tokenizer)  # their targets are lowercase words: concepts
    plain = clf.predict(examples)
    clf.passage_neutral_bias = clf.concept_neutral_bias = 50.0
    assert clf.predict(examples) == plain  # sentences (NewsMTSC-style) are scored as the model says
    shifted = clf.predict(examples, passages=True)
    assert all(label != "neutral" for label, _ in shifted)
    clf.passage_neutral_bias = clf.concept_neutral_bias = -50.0
    assert all(label == "neutral" for label, _ in clf.predict(examples, passages=True))


def test_concept_targets_take_their_own_neutral_bias(stance_branch, trained_tiny, tmp_path):
    from dataclasses import replace

    from attrib.modeling.modeling_attrib import AttribModel

    attrib_model = AttribModel.from_pretrained(trained_tiny)
    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=attrib_model)
    assert clf.concept_neutral_bias == clf.passage_neutral_bias  # unset: the passage bias
    concepts = _examples(clf.tokenizer)
    names = [replace(e, target="Donald Trump") for e in concepts]
    clf.passage_neutral_bias, clf.concept_neutral_bias = 50.0, -50.0
    both = clf.predict(names + concepts, passages=True)
    assert all(label != "neutral" for label, _ in both[:len(names)])
    assert all(label == "neutral" for label, _ in both[len(names):])
    # The setting travels in the branch's config.json.
    shutil.copytree(stance_branch, tmp_path / "stance")
    cfg = json.loads((tmp_path / "stance" / "config.json").read_text())
    (tmp_path / "stance" / "config.json").write_text(json.dumps({**cfg, "concept_neutral_bias": -50.0}))
    loaded = StanceClassifier.from_pretrained(tmp_path / "stance", attrib_model=attrib_model)
    assert loaded.concept_neutral_bias == -50.0 and loaded.passage_neutral_bias == clf.model.config.passage_neutral_bias
    assert all(label == "neutral" for label, _ in loaded.predict(concepts, passages=True))


def test_a_target_speaking_for_themselves_is_never_against(stance_branch, trained_tiny):
    from dataclasses import replace

    from attrib.modeling.modeling_attrib import AttribModel
    from attrib.stance import speaks_for_target

    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    examples = [replace(e, target="Donald Trump") for e in _examples(clf.tokenizer)]
    against = [e for e, (label, _) in zip(examples, clf.predict(examples)) if label == "against"]
    assert against  # the model calls some of them against
    for speaker in ("Donald J. Trump", "Trump campaign", "Ivanka Trump"):
        own = [replace(e, speaker=speaker) for e in against]
        assert all(speaks_for_target(e) for e in own)
        got = clf.predict(own)
        assert all(label != "against" for label, _ in got)
        assert all(0.0 < p <= 1.0 for _, p in got)
    other = [replace(e, speaker="Hillary Clinton") for e in against]
    assert not any(speaks_for_target(e) for e in other) and clf.predict(other) == clf.predict(against)
    concept = replace(against[0], target="the trade deal", speaker="Trade deal negotiators")
    assert not speaks_for_target(concept)  # only for a person or organisation named as target


def test_stance_tuning_derives_the_shortcut_share_and_the_smallest_good_bias():
    from attrib.stance_tuning import sweep_passage_bias, unmentioned_neutral_share

    named = [StanceExample("Donald Trump", "He said « Trump » lied.", "against", "a"),
             StanceExample("Donald Trump", "The weather was fine.", "neutral", "b"),
             StanceExample("Donald Trump", "Taxes will rise.", "neutral", "c"),
             StanceExample("Donald Trump", "Rivals cheered.", "favor", "d")]
    assert unmentioned_neutral_share(named) == 2 / 3  # only passages that never name the target count
    with pytest.raises(ValueError):
        unmentioned_neutral_share(named[:1])

    class Scores:  # favor / against / neutral logits: the polar passages lose to neutral by 1.0
        labels = ["favor", "against", "neutral"]

        def logits(self, examples):
            return torch.tensor([[0.0, 1.0, 2.0] if e.label == "against" else [1.0, 0.0, 2.0] for e in examples])

    dev = [StanceExample("Donald Trump", "« Trump » lied.", "against", "a"),
           StanceExample("Donald Trump", "« Trump » won.", "favor", "b"),
           StanceExample("Donald Trump", "It rained.", "neutral", "c")]
    sweep = sweep_passage_bias(Scores(), dev, biases=(0.0, 0.5, 1.5, 3.0))
    f1 = [m["stance_macro_f1"] for _, m in sweep.rows]
    assert f1[0] == f1[1] < f1[2] == f1[3] == 1.0  # all neutral until the bias outweighs the 1.0 gap
    assert sweep.chosen == 1.5  # the smallest bias that reaches the best macro-F1


def test_padding_batches_to_few_shapes_changes_no_logit(stance_branch, trained_tiny):
    from attrib.modeling.modeling_attrib import AttribModel

    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    examples = _examples(clf.tokenizer)[:5]  # an odd batch: three rows are repeats, cut off again
    shapes = []
    clf.model.register_forward_pre_hook(lambda _, args, kwargs: shapes.append(tuple(kwargs["input_ids"].shape)),
                                        with_kwargs=True)
    together = clf.logits(examples)
    assert shapes and all(rows % 8 == 0 and width % 8 == 0 for rows, width in shapes)
    alone = torch.cat([clf.logits([e]) for e in examples])
    assert together.shape == (len(examples), len(clf.labels))
    assert torch.allclose(together, alone, atol=1e-4)


def test_batch_widths_come_in_a_few_steps():
    from attrib.pipeline import PAD_MULTIPLE, padded_width

    assert padded_width(1, 256) == PAD_MULTIPLE and padded_width(PAD_MULTIPLE + 1, 256) == 2 * PAD_MULTIPLE
    assert padded_width(250, 256) == 256 and padded_width(250, 254) == 254  # never past the longest window
    assert len({padded_width(w, 256) for w in range(1, 257)}) == 256 // PAD_MULTIPLE


def test_tune_stance_names_a_missing_concept_dev_file(tmp_path):
    from typer.testing import CliRunner

    from attrib.cli import app

    missing = tmp_path / "no-such-tune.jsonl"
    res = CliRunner().invoke(app, ["tune-stance", "--stance", str(tmp_path), "--concept-dev", str(missing)])
    assert res.exit_code == 2 and "no-such-tune.jsonl" in res.output and "not found" in res.output


def test_team_passages_load_marked_and_grouped_by_target(tmp_path):
    from attrib.data.stance import is_passage_file, load_stance_passages

    rows = [{"target": "Baltic rail link", "passage": "The rail link will cost billions, critics said.",
             "label": "against", "speaker": None},
            {"target": "Baltic rail link", "passage": "Minister Ana Vold called the Baltic rail link “overdue”.",
             "label": "favor", "speaker": "Ana Vold"}]
    path = write_jsonl(tmp_path / "p.jsonl", rows)
    examples = load_stance_passages(path)
    assert [e.label for e in examples] == ["against", "favor"]
    assert "«rail» «link»" in examples[0].text and "«Baltic rail link»" in examples[1].text
    assert {e.group for e in examples} == {"passage:Baltic rail link"}
    assert [e.speaker for e in examples] == [None, "Ana Vold"]
    assert is_passage_file(path) and not is_passage_file(write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": "x"}]))
    bad = write_jsonl(tmp_path / "bad.jsonl", rows[:1] + [dict(rows[1], label="positive")])
    with pytest.raises(ValueError, match=r"bad\.jsonl:2:"):
        load_stance_passages(bad)


def test_cli_train_stance_reads_passages_and_keeps_a_target_on_one_side(tmp_path):
    from typer.testing import CliRunner

    from attrib.cli import app

    row = {"target": "Baltic rail link", "passage": "The rail link is overdue, Ana Vold said.", "label": "favor"}
    passages = write_jsonl(tmp_path / "p.jsonl", [row])
    res = CliRunner().invoke(app, ["train-stance", "-o", str(tmp_path / "o"), "--newsmtsc", "", "--basil", "",
                                   "--passages", str(passages), "--dev", str(passages)])
    assert res.exit_code == 2 and "both training and dev" in res.output
    broken = write_jsonl(tmp_path / "broken.jsonl", [dict(row, label="maybe")])
    res = CliRunner().invoke(app, ["train-stance", "-o", str(tmp_path / "o"), "--newsmtsc", "", "--basil", "",
                                   "--passages", str(broken), "--dev", str(passages)])
    assert res.exit_code == 2 and "broken.jsonl:1:" in res.output
    res = CliRunner().invoke(app, ["train-stance", "-o", str(tmp_path / "o"), "--newsmtsc", "", "--basil", "",
                                   "--passages", str(passages), "--dev", str(broken)])
    assert res.exit_code == 2 and "broken.jsonl:1:" in res.output  # a bad dev file too, not a traceback


def test_training_continues_from_a_shipped_half_precision_branch(stance_branch, trained_tiny, tmp_path):
    from attrib.train import export_half

    shipped = tmp_path / "shipped"
    export_half(trained_tiny, shipped, stance=stance_branch)
    examples = _examples(AutoTokenizer.from_pretrained(trained_tiny))
    metrics = train_stance(examples, examples, trained_tiny, tmp_path / "continued", shared_layers=1, batch_size=10,
                           max_steps=3, eval_steps=3, progress=False, init_from=shipped / "stance")
    assert metrics["eval_macro_f1"] >= 0.0
    with safe_open(str(tmp_path / "continued" / "model.safetensors"), "pt") as fh:
        assert {fh.get_tensor(k).dtype for k in fh.keys()} == {torch.float32}


def test_tune_stance_takes_a_passages_file_as_concept_dev(stance_branch, trained_tiny, tmp_path):
    from typer.testing import CliRunner

    from attrib.cli import app

    text = "Clinton said it was fine. Trump said Clinton was wrong. Pence said it was late."
    art = {"id": "a1", "text": text, "targets": ["Clinton"],
           "attributions": [{"content": [[13, 24]], "source": [[0, 7]], "stance": "favor"},
                            {"content": [[37, 54]], "source": [[26, 31]], "stance": "against"},
                            {"content": [[67, 78]], "source": [[56, 61]], "stance": "neutral"}]}
    assert text[67:78] == "it was late"
    gold = write_jsonl(tmp_path / "g.jsonl", [art])
    passages = write_jsonl(tmp_path / "p.jsonl", [
        {"target": "Baltic rail link", "passage": f"The rail link is {word}, Ana Vold said.", "label": label}
        for word, label in (("overdue", "favor"), ("a waste", "against"), ("due in May", "neutral"))])
    res = CliRunner().invoke(app, ["tune-stance", "--stance", str(stance_branch), "--model", str(trained_tiny),
                                   "--train", str(gold), "--labels", "", "--dev", str(gold), "--dev-labels", "",
                                   "--concept-dev", str(passages), "--no-write"])
    assert res.exit_code == 0, res.output
    # The sweep ran over the passages (the setting is printed), not the "no concept-dev passages" note.
    assert "'concept_neutral_bias':" in res.output and "no concept-dev passages" not in res.output
    assert "'passage_temperature':" in res.output  # fitted on dev's scored passages, whatever their number


def test_a_branch_of_its_own_starts_from_the_base_encoder_and_runs_without_sharing(trained_tiny, tiny_bert, tmp_path):
    from transformers import AutoModel

    from attrib.modeling.modeling_attrib import AttribModel

    examples = _examples(AutoTokenizer.from_pretrained(trained_tiny))
    out = tmp_path / "own"
    # No training step: the saved branch is its initialisation, which must be the base encoder's weights.
    train_stance(examples, examples, trained_tiny, out, shared_layers=0, max_steps=0, progress=False,
                 encoder_init=tiny_bert)
    base = AutoModel.from_pretrained(tiny_bert).state_dict()
    attrib_encoder = AttribModel.from_pretrained(trained_tiny).encoder.state_dict()
    with safe_open(str(out / "model.safetensors"), "pt") as fh:
        saved = {k.removeprefix("encoder."): fh.get_tensor(k) for k in fh.keys() if k.startswith("encoder.")}
    assert set(saved) == set(base)  # embeddings and every layer are the branch's own
    assert all(torch.equal(saved[k], base[k]) for k in base)
    assert not all(torch.equal(saved[k], attrib_encoder[k]) for k in base)  # not the attribution model's copy
    clf = StanceClassifier.from_pretrained(out)  # nothing shared: no attribution model needed
    assert len(clf.predict(examples)) == len(examples)
    with pytest.raises(ValueError, match="shared_layers=0"):
        train_stance(examples, examples, trained_tiny, tmp_path / "x", shared_layers=1, max_steps=0, progress=False,
                     encoder_init=tiny_bert)


def test_cli_train_stance_refuses_encoder_init_with_shared_layers(tmp_path, tiny_bert):
    from typer.testing import CliRunner

    from attrib.cli import app

    res = CliRunner().invoke(app, ["train-stance", "-o", str(tmp_path / "o"), "--newsmtsc", "", "--basil", "",
                                   "--passages", "data/stance/concept-passages-train.jsonl",
                                   "--dev", "data/stance/concept-passages-dev.jsonl", "--encoder-init", str(tiny_bert)])
    assert res.exit_code == 2 and "--shared-layers 0" in res.output


def test_temperature_fit_recovers_a_known_overconfidence_and_lowers_ece():
    from attrib.stance_tuning import BiasSweep, best_temperature, fit_temperature

    labels = ["favor", "against", "neutral"]
    gen = torch.Generator().manual_seed(0)
    logits = torch.randn(3000, 3, generator=gen) * 6  # sharp logits …
    gold_idx = torch.multinomial((logits / 3.0).softmax(-1), 1, generator=gen).squeeze(1)  # … labels drawn at T=3
    gold = [labels[int(i)] for i in gold_idx]
    assert 2.5 < best_temperature(logits, gold, labels) < 3.5
    fit = fit_temperature(BiasSweep([], 0.0, logits, gold), labels)
    assert fit.ece_before > 0.1 and fit.ece_after < 0.03 and fit.ece_held_out < 0.04
    # the neutral bias shifts the logits before scaling: with it, the same data fit another temperature
    assert best_temperature(logits, gold, labels, bias=3.0) != best_temperature(logits, gold, labels)


def test_passage_temperature_changes_confidences_of_passages_only(stance_branch, trained_tiny):
    from attrib.modeling.modeling_attrib import AttribModel

    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    examples = _examples(clf.tokenizer)[:9]
    sentences, passages = clf.predict(examples), clf.predict(examples, passages=True)
    clf.passage_temperature = 4.0
    assert clf.predict(examples) == sentences  # lone sentences keep temperature 1
    hot = clf.predict(examples, passages=True)
    assert [label for label, _ in hot] == [label for label, _ in passages]  # labels never move
    assert all(p_hot < p for (_, p_hot), (_, p) in zip(hot, passages) if p > 0.34)


def test_a_rival_target_speaking_is_never_for_the_target(stance_branch, trained_tiny):
    from dataclasses import replace

    from attrib.modeling.modeling_attrib import AttribModel
    from attrib.stance import speaks_for_rival

    clf = StanceClassifier.from_pretrained(stance_branch, attrib_model=AttribModel.from_pretrained(trained_tiny))
    examples = [replace(e, target="Donald Trump", rivals=("Hillary Clinton",)) for e in _examples(clf.tokenizer)]
    favor = [e for e, (label, _) in zip(examples, clf.predict(examples)) if label == "favor"]
    assert favor  # the model calls some of them favor
    rival = [replace(e, speaker="Clinton campaign") for e in favor]
    assert all(speaks_for_rival(e) for e in rival)
    assert all(label != "favor" and 0.0 < p <= 1.0 for label, p in clf.predict(rival))
    # Someone else, or the target, or a speaker of no article with rivals, keeps the model's call.
    for e in ([replace(x, speaker="Bernie Sanders") for x in favor] + [replace(x, speaker="Donald Trump") for x in favor]
              + [replace(x, speaker="Clinton campaign", rivals=()) for x in favor]):
        assert not speaks_for_rival(e)
