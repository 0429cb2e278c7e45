"""The model end to end on tiny randomly initialised encoders (seconds, no shipped weights needed)."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from attrib.cli import app
from attrib.data import load_gold
from attrib.data.features import TAG_ID, make_windows, tokenize_article
from attrib.decode import merge_windows, paragraph_starts, tags_to_spans
from attrib.metrics import evaluate
from attrib.pipeline import Attributor, ModelLoadError
from attrib.schema import Article
from attrib.train import train

from .conftest import corpus_texts, write_jsonl


def test_training_learns_the_fixture_and_saves_safetensors_only(trained_tiny, brat_dir):
    names = {p.name for p in trained_tiny.iterdir()}
    assert "model.safetensors" in names and "config.json" in names
    assert not any(n.endswith((".bin", ".pt", ".pkl")) for n in names)
    gold = load_gold(brat_dir)
    pred = Attributor.from_pretrained(trained_tiny)(gold)
    m = evaluate(gold, pred, bootstrap=0).metrics
    # a model that learned nothing finds nothing; this one must overfit its 4 training attributions
    assert m["content_overlap_f1"] >= 0.75, m
    assert m["attribution_f1"] >= 0.5, m
    broken = [a for a in pred if a.attributions and a.attributions[0].content[0][0] < 0]
    assert not broken


def test_reload_gives_identical_outputs(trained_tiny):
    from attrib.modeling.modeling_attrib import AttribModel

    a = AttribModel.from_pretrained(trained_tiny).eval()
    b = AttribModel.from_pretrained(trained_tiny).eval()
    ids = torch.tensor([[2, 7, 8, 9, 3]])
    with torch.inference_mode():
        assert torch.equal(a(ids).tag_logits, b(ids).tag_logits)


def test_api_accepts_string_article_and_list(trained_tiny):
    attributor = Attributor.from_pretrained(trained_tiny)
    text = "Her aide said the bill was dead."
    one = attributor(text)
    assert isinstance(one, Article) and one.text == text
    many = attributor([text, Article(id="x", text=text)])
    assert [a.id for a in many] == ["text-0", "x"]
    for att in one.attributions:
        assert all(0 <= s < e <= len(text) for s, e in att.content + att.cue + att.source)
        assert 0.0 <= att.confidence <= 1.0


def test_long_article_windows_do_not_duplicate(trained_tiny):
    """A long article goes through several windows; merged output has no duplicate or overlapping spans."""
    attributor = Attributor.from_pretrained(trained_tiny)
    attributor.max_tokens, attributor.stride = 24, 16
    text = "\n".join(["“We will win,” the senator said, “and soon.” Her aide said the bill was dead."] * 12)
    art = attributor(text)
    spans = sorted(s for a in art.attributions for s in a.content)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert len(art.attributions) >= 6


def test_cli_run_formats_and_resume(trained_tiny, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("Her aide said the bill was dead.", encoding="utf-8")
    (tmp_path / "in" / "two.txt").write_text("“We will win,” the senator said.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    res = runner.invoke(app, ["run", str(tmp_path / "in" / "one.txt"), "-o", str(out), "--model", str(trained_tiny)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(out), "--model", str(trained_tiny), "--resume"])
    assert res.exit_code == 0, res.output
    assert "resuming: 1 article(s)" in res.output
    from attrib.io import read_jsonl

    assert [a.id for a in read_jsonl(out)] == ["one", "two"]
    res = runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "o.csv"), "-f", "csv", "--model", str(trained_tiny)])
    assert res.exit_code == 0 and (tmp_path / "o.csv").read_text(encoding="utf-8").startswith("article_id,")


def test_model_dir_errors(tmp_path, trained_tiny):
    with pytest.raises(ModelLoadError, match="not found"):
        Attributor.from_pretrained(tmp_path / "nope")
    pickled = tmp_path / "pickled"
    pickled.mkdir()
    (pickled / "config.json").write_text("{}")
    (pickled / "pytorch_model.bin").write_bytes(b"\x80\x04")
    with pytest.raises(ModelLoadError, match="refusing pickled weights"):
        Attributor.from_pretrained(pickled)
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    for p in trained_tiny.iterdir():
        if p.is_file():
            (corrupt / p.name).write_bytes(p.read_bytes())
    (corrupt / "model.safetensors").write_bytes(b"garbage")
    with pytest.raises(ModelLoadError, match="cannot load model"):
        Attributor.from_pretrained(corrupt)
    res = CliRunner().invoke(app, ["run", "-", "--model", str(pickled)], input="text")
    assert res.exit_code == 2 and "refusing pickled weights" in res.output


def test_sentencepiece_deberta_trains_and_runs(tmp_path, brat_dir):
    """Any local HF encoder works, including sentencepiece ones (DeBERTa-v2 here)."""
    import sentencepiece as spm
    from transformers import AutoTokenizer, DebertaV2Config, DebertaV2Model

    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(line for t in corpus_texts() for line in t.splitlines() if line.strip()) * 3,
                      encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(tmp_path / "spm"), vocab_size=120,
                                   character_coverage=1.0, pad_id=0, unk_id=1, bos_id=2, eos_id=3, hard_vocab_limit=False,
                                   user_defined_symbols=["[CLS]", "[SEP]", "[MASK]"], minloglevel=2)
    raw = tmp_path / "raw-tokenizer"
    raw.mkdir()
    (raw / "spm.model").write_bytes((tmp_path / "spm.model").read_bytes())
    (raw / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "DebertaV2Tokenizer", "bos_token": "[CLS]", "eos_token": "[SEP]", "cls_token": "[CLS]",
        "sep_token": "[SEP]", "pad_token": "<pad>", "unk_token": "<unk>", "mask_token": "[MASK]"}))
    tok = AutoTokenizer.from_pretrained(raw)  # converted from the sentencepiece model
    assert tok.is_fast and len(tok) > 50
    assert tok.convert_ids_to_tokens(tok("the senator said")["input_ids"])[-2] == "▁said"
    enc = tmp_path / "deberta"
    tok.save_pretrained(enc)
    torch.manual_seed(0)
    cfg = DebertaV2Config(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                          intermediate_size=64, max_position_embeddings=128, pad_token_id=tok.pad_token_id)
    DebertaV2Model(cfg).save_pretrained(enc)
    out = tmp_path / "model"
    train(brat_dir, brat_dir, enc, out, batch_size=2, max_steps=4, eval_steps=2, progress=False)
    text = "“We will win,” the senator said, “and soon.”"
    attributor = Attributor.from_pretrained(out)
    assert attributor.model.config.encoder["model_type"] == "deberta-v2"
    art = attributor(text)
    assert art.text == text
    for att in art.attributions:
        assert all(0 <= s < e <= len(text) for s, e in att.content)


def test_tags_to_spans():
    t = TAG_ID
    tags = np.array([t["O"], t["B-SOURCE"], t["I-SOURCE"], t["B-CUE"], t["B-CONTENT"], t["I-CONTENT"],
                     t["B-CONTENT"], t["I-CUE"], t["O"], t["I-CONTENT"]])
    spans = tags_to_spans(tags)
    assert spans["source"].tolist() == [[1, 2]]
    assert spans["cue"].tolist() == [[3, 3], [7, 7]]  # a stray I- starts a span
    assert spans["content"].tolist() == [[4, 5], [6, 6], [9, 9]]


def test_no_span_runs_across_a_paragraph_break(tiny_bert):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_bert)
    text = 'the first place. McCrummen reports:\n\n"The first time she had seen him"'
    tok = tokenize_article(text, tokenizer)
    breaks = paragraph_starts(text, tok)
    first_after = next(i for i, (s, _) in enumerate(tok.offsets) if s > text.index("\n"))
    assert breaks.tolist() == [i == first_after for i in range(len(tok))]
    t = TAG_ID
    tags = np.array([t["B-CONTENT"]] + [t["I-CONTENT"]] * (len(tok) - 1))
    assert tags_to_spans(tags).get("content").tolist() == [[0, len(tok) - 1]]
    assert tags_to_spans(tags, breaks)["content"].tolist() == [[0, first_after - 1], [first_after, len(tok) - 1]]


def test_a_span_ending_inside_a_word_or_a_hyphenated_one_is_widened_to_it(tiny_bert):
    from transformers import AutoTokenizer

    from attrib.decode import char_span

    text = "No plans for Putin-Zelensky talks, said Caddell."
    tok = tokenize_article(text, AutoTokenizer.from_pretrained(tiny_bert))
    ends = [i for i, (s, e) in enumerate(tok.offsets) if text[s:e] == "-"]
    start, end = char_span(tok, text, 0, ends[0])  # the tagger stopped at the hyphen
    assert text[start:end] == "No plans for Putin-Zelensky"
    first = next(i for i, (s, _) in enumerate(tok.offsets) if s == text.index("Caddell"))
    start, end = char_span(tok, text, first, first)
    assert text[start:end] == "Caddell"


def test_a_source_or_cue_touching_its_partner_wins(tiny_bert):
    from transformers import AutoTokenizer

    from attrib.decode import LinkResult, build_attributions

    tokenizer = AutoTokenizer.from_pretrained(tiny_bert)
    text = "Putin met Xi. Lavrov said the talks went well. Peskov agreed."
    tok = tokenize_article(text, tokenizer)

    def token_span(needle: str) -> list[int]:
        s = text.index(needle)
        idx = [i for i, (a, b) in enumerate(tok.offsets) if a < s + len(needle) and s < b]
        return [idx[0], idx[-1]]

    spans = {"content": np.array([token_span("the talks went well"), token_span("agreed")]),
             "cue": np.array([token_span("said")]),
             "source": np.array([token_span("Putin"), token_span("Lavrov"), token_span("Peskov")])}
    # The linker ties the first content to "said" but to the far source "Putin", and leaves the second
    # content without a cue; "Lavrov" touches "said", and "said" touches neither "agreed" nor anything else.
    cue_links = LinkResult(choice=np.array([0, -1]), prob=np.array([0.9, 0.5]))
    source_links = LinkResult(choice=np.array([0, 2]), prob=np.array([0.6, 0.7]))
    atts = build_attributions(text, tok, spans, np.array([0.9, 0.9]), cue_links, source_links)
    by_content = {text[a.content[0][0]:a.content[0][1]]: a for a in atts}
    first = by_content["the talks went well"]
    assert text[first.source[0][0]:first.source[0][1]] == "Lavrov"
    assert by_content["agreed"].cue == [] and text[slice(*by_content["agreed"].source[0])] == "Peskov"
    text2 = "“We agree,” said Lavrov."
    tok2 = tokenize_article(text2, tokenizer)
    text, tok = text2, tok2
    spans = {"content": np.array([token_span("“We agree,”")]), "cue": np.array([token_span("said")]),
             "source": np.array([token_span("Lavrov")])}
    atts = build_attributions(text, tok, spans, np.array([0.9]), LinkResult(np.array([-1]), np.array([0.4])),
                              LinkResult(np.array([-1]), np.array([0.4])))
    assert text[slice(*atts[0].cue[0])] == "said" and text[slice(*atts[0].source[0])] == "Lavrov"


def test_a_quotation_resumed_after_its_cue_is_one_attribution(tiny_bert):
    from transformers import AutoTokenizer

    from attrib.decode import LinkResult, build_attributions

    tokenizer = AutoTokenizer.from_pretrained(tiny_bert)
    text = ("“It is fair,” said Burman, a tax expert. “It helps everyone.”\n\n"
            "“Taxes will rise.” Analysts expect growth.")
    tok = tokenize_article(text, tokenizer)

    def token_span(needle: str) -> list[int]:
        s = text.index(needle)
        idx = [i for i, (a, b) in enumerate(tok.offsets) if a < s + len(needle) and s < b]
        return [idx[0], idx[-1]]

    spans = {"content": np.array([token_span("“It is fair,”"), token_span("“It helps everyone.”"),
                                  token_span("“Taxes will rise.”")]),
             "cue": np.array([token_span("said")]), "source": np.array([token_span("Burman")])}
    # The linker leaves the resumed quote without a cue, and reaches across a paragraph for the last one.
    cue_links = LinkResult(choice=np.array([0, -1, 0]), prob=np.array([0.9, 0.5, 0.6]))
    source_links = LinkResult(choice=np.array([0, 0, 0]), prob=np.array([0.9, 0.5, 0.6]))
    atts = build_attributions(text, tok, spans, np.array([0.9, 0.9, 0.9]), cue_links, source_links)
    pieces = [[text[s:e] for s, e in a.content] for a in atts]
    assert pieces == [["“It is fair,”", "“It helps everyone.”"], ["“Taxes will rise.”"]]
    assert atts[0].cue and atts[1].cue == []  # a cue in another paragraph is no cue


def test_a_content_piece_without_words_is_no_content(tiny_bert):
    from transformers import AutoTokenizer

    from attrib.decode import LinkResult, build_attributions

    tokenizer = AutoTokenizer.from_pretrained(tiny_bert)
    text = 'WALLACE said it. "\n\n"PENCE: We agree," Pence said.'
    tok = tokenize_article(text, tokenizer)

    def token_span(start: int, end: int) -> list[int]:
        idx = [i for i, (a, b) in enumerate(tok.offsets) if a < end and start < b]
        return [idx[0], idx[-1]]

    quote_mark = text.index('"')  # the stray opening quotation mark of a paragraph
    agree = text.index("We agree")
    spans = {"content": np.array([token_span(quote_mark, quote_mark + 1), token_span(agree, agree + 8)]),
             "cue": np.array([token_span(text.index("said it"), text.index("said it") + 4)]),
             "source": np.array([token_span(0, 7)])}
    # The tagger's stray mark is no attribution; the words are one.
    links = LinkResult(choice=np.array([0, 0]), prob=np.array([0.9, 0.9]))
    atts = build_attributions(text, tok, spans, np.array([0.9, 0.9]), links, links)
    assert [[text[s:e] for s, e in a.content] for a in atts] == [["We agree"]]
    # Nor is a mark alone.
    alone = {k: v[:1] for k, v in spans.items()}
    one = LinkResult(choice=np.array([0]), prob=np.array([0.9]))
    assert build_attributions(text, tok, alone, np.array([0.9]), one, one) == []


def test_indirect_content_leaves_out_the_complementiser():
    from attrib.text import drop_complementiser

    text = "Jalali said that Iran expects a deal. That is wrong, he added, that much is clear."
    said = (text.index("that Iran"), text.index(" a deal") + 7)
    assert text[slice(*drop_complementiser(text, [said])[0])] == "Iran expects a deal"
    pronoun = (text.index("That is"), text.index(" he added") - 1)
    assert drop_complementiser(text, [pronoun]) == [pronoun]  # sentence-initial: a pronoun, kept
    bare = (text.index("that much"), text.index("that much") + 5)
    assert drop_complementiser(text, [bare]) == [bare]  # nothing after it: kept


def test_a_speech_verb_cue_ends_with_the_verb():
    from attrib.text import speech_verb_only

    text = "Jalali also told Sputnik it was fine; Lee said in a statement on Tuesday; Kim pointed to reports."

    def cue(phrase: str) -> list[tuple[int, int]]:
        return [(text.index(phrase), text.index(phrase) + len(phrase))]

    assert [text[slice(*p)] for p in speech_verb_only(text, cue("also told Sputnik"))] == ["also told"]
    assert [text[slice(*p)] for p in speech_verb_only(text, cue("said in a statement on Tuesday"))] == ["said"]
    assert speech_verb_only(text, cue("pointed to")) == cue("pointed to")  # not a plain speech verb: kept
    assert speech_verb_only(text, cue("said")) == cue("said")
    two = cue("also told") + cue("on Tuesday")
    assert speech_verb_only(text, two) == two  # a cue in pieces is left as found


def test_a_source_drops_what_the_tagger_drags_along():
    from attrib.text import trim_source

    def trimmed(source: str) -> str:
        text = f"{source} said it."
        (start, end), = trim_source(text, [(0, len(source))])
        return text[start:end]

    assert trimmed("BRUSSELS - European leaders") == "European leaders"
    assert trimmed("The United Nations Security Council on Friday") == "The United Nations Security Council"
    assert trimmed("Trump, speaking to a veterans group in Virginia") == "Trump"
    assert trimmed("Democratic candidate Hillary Clinton, like Obama") == "Democratic candidate Hillary Clinton"
    assert trimmed("DuVernay powerfully") == "DuVernay" and trimmed("Sanders on") == "Sanders"
    # A preposition whose object the tagger cut off is never the source's, after a common noun too.
    assert trimmed("An Iranian member of parliament on") == "An Iranian member of parliament"
    assert trimmed("results published in Nature on") == "results published in Nature"
    for kept in ("Scott's family", "a report released by the Brookings Institution last year",
                 "Peter T. King of New York, who endorsed Mr. Rubio on Tuesday", "Victor Cha, who served in Asia",
                 "Other prominent Republicans, like Colin Powell", "a poll released last week"):
        assert trimmed(kept) == kept


def test_cue_and_source_come_from_the_contents_sentence():
    from attrib.decode import same_sentence_span

    sent = np.array([0] * 10 + [1] * 10)
    cues = np.array([[2, 2], [14, 14], [16, 16]])
    content = np.array([11, 13])
    assert same_sentence_span(sent, cues, content, 0) == 1  # the far cue in sentence 0 gives way to the nearest
    assert same_sentence_span(sent, cues, content, 2) == 2  # the linker's own choice stands in the same sentence
    assert same_sentence_span(sent, cues, content, -1) == 1  # no link: the nearest cue in the sentence
    assert same_sentence_span(sent, cues[:1], content, -1) == -1  # none in the sentence: still none
    assert same_sentence_span(sent, np.array([[12, 12]]), content, -1) == -1  # inside the anchor does not count


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300), st.integers(4, 64), st.data())
def test_merge_windows_covers_every_token_once(n, max_tokens, data):
    stride = data.draw(st.integers(1, max_tokens))
    wins = make_windows(n, max_tokens, stride)
    assert wins[0].start == 0 and wins[-1].end == n
    per_window = [torch.arange(w.start, w.end) for w in wins]
    assert merge_windows(wins, per_window, n).tolist() == list(range(n))
    breaks = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    assert merge_windows(wins, per_window, n, breaks).tolist() == list(range(n))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab \n.", max_size=40))
def test_paragraph_starts_marks_tokens_after_a_line_break(text):
    from attrib.data.features import TokenizedArticle

    offsets = [(m.start(), m.end()) for m in __import__("re").finditer(r"[ab.]+", text)]
    tok = TokenizedArticle([0] * len(offsets), offsets, [0] * len(offsets))
    expected = [i > 0 and "\n" in text[offsets[i - 1][1]:s + 1] for i, (s, _) in enumerate(offsets)]
    assert paragraph_starts(text, tok).tolist() == expected


def test_windows_hand_over_at_a_paragraph_break_inside_the_overlap():
    from attrib.decode import window_owners

    wins = make_windows(30, 20, 10)  # [0, 20) and [10, 30): halfway is token 15
    assert window_owners(wins, 30).tolist() == [0] * 15 + [1] * 15
    breaks = np.zeros(30, dtype=bool)
    breaks[13] = True  # a paragraph starts at token 13, inside the overlap's middle half
    assert window_owners(wins, 30, breaks).tolist() == [0] * 13 + [1] * 17
    breaks[:] = False
    breaks[11] = True  # too near the second window's edge: halfway stands
    assert window_owners(wins, 30, breaks).tolist() == [0] * 15 + [1] * 15


def test_viterbi_prior_forbids_impossible_transitions():
    from attrib.decode import viterbi

    t = TAG_ID
    rng = np.random.default_rng(0)
    log_probs = np.log(rng.dirichlet(np.ones(len(TAG_ID)), size=30))
    assert viterbi(log_probs, np.zeros((7, 7)), weight=0.0).tolist() == log_probs.argmax(1).tolist()
    hard = np.zeros((7, 7))
    hard[t["O"], [t["I-CONTENT"], t["I-CUE"], t["I-SOURCE"]]] = -1e4  # no I- right after O
    path = viterbi(log_probs, hard)
    assert all(not (a == t["O"] and b in (t["I-CONTENT"], t["I-CUE"], t["I-SOURCE"])) for a, b in zip(path, path[1:]))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=4), st.integers(0, 2**31 - 1))
def test_viterbi_many_finds_each_articles_best_path(lengths, seed):
    """Batched over articles of different lengths, each path is the best one (checked by brute force)."""
    import itertools

    from attrib.decode import viterbi_many

    rng = np.random.default_rng(seed)
    k = 3
    trans = rng.normal(size=(k, k))
    articles = [rng.normal(size=(n, k)) for n in lengths]

    def score(lp, path):
        return sum(lp[i, p] for i, p in enumerate(path)) + sum(trans[a, b] for a, b in zip(path, path[1:]))

    for lp, path in zip(articles, viterbi_many(articles, trans)):
        assert len(path) == len(lp)
        if len(lp):
            best = max(score(lp, c) for c in itertools.product(range(k), repeat=len(lp)))
            assert np.isclose(score(lp, path), best)


def test_run_survives_a_folder_of_bad_inputs(trained_tiny, tmp_path):
    """Good articles are processed, every bad one is named with its reason, exit code 1."""
    import json

    from attrib.io import read_jsonl

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Her aide said the bill was dead.", encoding="utf-8")
    (folder / "html.txt").write_text("<html><body><p>“We will win,” the senator said.</p></body></html>", encoding="utf-8")
    (folder / "long.txt").write_text("Her aide said the bill was dead. " * 6000, encoding="utf-8")  # ~200k chars
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "ok-line", "text": "The senator said no."}) + "\n"
        + "[1, 2]\n"
        + json.dumps({"id": "extra", "text": "x", "colour": "red"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "--model", str(trained_tiny)])
    assert res.exit_code == 1
    for name, reason in (("empty.txt", "empty file"), ("binary.txt", "binary"), ("latin1.txt", "not valid UTF-8"),
                         ("lines.jsonl:2", "expected a JSON object"), ("lines.jsonl:3", "unknown field(s): colour")):
        assert any(name in line and reason in line for line in res.output.splitlines()), (name, res.output)
    ids = [a.id for a in read_jsonl(out)]
    assert sorted(ids) == ["good", "html", "long", "ok-line"]
    assert len(next(a for a in read_jsonl(out) if a.id == "long").text) > 190_000
    html = next(a for a in read_jsonl(out) if a.id == "html")
    assert html.text == "“We will win,” the senator said." and html.meta["converted_from"] == "html"
    assert any("html" in line and "looks like HTML" in line for line in res.output.splitlines())


def test_run_reports_an_article_the_pipeline_fails_on_and_writes_the_others(trained_tiny, tmp_path, monkeypatch):
    import attrib.pipeline as pipeline
    from attrib.io import read_jsonl

    resolve = pipeline.resolve_speakers

    def fails_on_odd(article):
        if "ODD" in article.text:
            raise ValueError("a rule tripped")
        return resolve(article)

    monkeypatch.setattr(pipeline, "resolve_speakers", fails_on_odd)
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, text in (("a", "Her aide said the bill was dead."), ("odd", "ODD said no."), ("z", "The senator said no.")):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "--model", str(trained_tiny)])
    assert res.exit_code == 1
    assert any("odd" in line and "ValueError: a rule tripped" in line for line in res.output.splitlines()), res.output
    assert [a.id for a in read_jsonl(out)] == ["a", "z"]


def test_continued_training_can_keep_the_lower_layers(trained_tiny, brat_dir, tmp_path):
    from safetensors.torch import load_file

    from attrib.train import train

    out = tmp_path / "continued"
    train(brat_dir, brat_dir, None, out, learning_rate=5e-3, batch_size=2, max_steps=6, eval_steps=6,
          progress=False, init_from=trained_tiny, freeze_layers=1)
    before, after = load_file(str(trained_tiny / "model.safetensors")), load_file(str(out / "model.safetensors"))
    lower = [k for k in before if k.startswith(("encoder.embeddings.", "encoder.encoder.layer.0."))]
    upper = [k for k in before if k.startswith("encoder.encoder.layer.1.")]
    assert lower and upper
    assert all(torch.equal(before[k], after[k]) for k in lower)  # a stance branch sharing them stays valid
    assert any(not torch.equal(before[k], after[k]) for k in upper)
    with pytest.raises(ValueError, match="cannot freeze 3 of 2 layers"):
        train(brat_dir, brat_dir, None, tmp_path / "bad", max_steps=1, progress=False, init_from=trained_tiny, freeze_layers=3)


def test_shapes_can_enter_a_middle_layer(trained_tiny, brat_dir, tmp_path):
    from attrib.modeling.modeling_attrib import AttribModel

    text = "Putin said the talks went well. “We agree,” Lavrov told Tass."
    before = Attributor.from_pretrained(trained_tiny, precision="fp32")
    model = AttribModel.from_pretrained(str(trained_tiny))
    model.enable_shape_input(1)
    widened = Attributor(model, before.tokenizer)
    # The new input starts at zero: the model computes exactly what it computed before.
    toks, windows, jobs = before.prepare([Article(id="a", text=text)])
    _, ids, mask, shapes = next(before.batches(toks, windows, jobs))
    with torch.inference_mode():
        assert torch.equal(before.model.token_states(ids, mask, shapes), model.token_states(ids, mask, shapes))
    assert widened(text).to_dict() == before(text).to_dict()
    out = tmp_path / "shapes-mid"
    train(brat_dir, brat_dir, None, out, learning_rate=5e-3, batch_size=2, max_steps=6, eval_steps=6,
          progress=False, init_from=trained_tiny, shape_layer=1)
    reloaded = AttribModel.from_pretrained(str(out))
    assert reloaded.config.shape_layer == 1 and reloaded.shape_input.weight.abs().sum() > 0
    Attributor(reloaded, before.tokenizer, precision="int8")  # swaps in a quantised copy of the encoder
    with torch.inference_mode():
        moved = reloaded.token_states(ids, mask, shapes)
        reloaded.shape_input.weight.zero_()
        assert not torch.equal(moved, reloaded.token_states(ids, mask, shapes))  # shapes reach the layer


def test_training_reads_several_sources_in_order(brat_dir, tmp_path):
    from attrib.data import load_gold
    from attrib.train import read_training_articles

    brat = load_gold(brat_dir)
    extra = write_jsonl(tmp_path / "world.jsonl", [{"id": "w1", "text": "Lavrov told Tass the talks went well.",
                                                   "attributions": []}])
    got = read_training_articles([brat_dir, extra, extra], max_first=1)
    assert [a.id for a in got] == [brat[0].id, "w1", "w1"]  # the first capped, a repeated source read twice
    assert [a.id for a in read_training_articles(brat_dir)] == [a.id for a in brat]


def test_training_continues_from_an_exported_half_precision_model(trained_tiny, brat_dir, tmp_path):
    from attrib.train import export_half

    exported = tmp_path / "exported"
    export_half(trained_tiny, exported)  # fp16 on disk, as the shipped model
    out = tmp_path / "continued"
    train(brat_dir, brat_dir, None, out, learning_rate=5e-3, batch_size=2, max_steps=2, eval_steps=2,
          progress=False, init_from=exported, freeze_layers=1)
    assert (out / "model.safetensors").exists()


def test_a_word_or_two_of_content_with_no_cue_or_source_is_dropped():
    from attrib.decode import without_fragments
    from attrib.schema import Attribution

    text = "Pakistan, India trade warnings. Officials said talks would resume."
    headline = Attribution(content=[(0, 8)])
    longer = Attribution(content=[(10, 30)])  # three words: kept
    said = Attribution(content=[(text.index("talks"), len(text) - 1)], cue=[(text.index("said"), text.index("said") + 4)])
    assert without_fragments(text, [headline, longer, said]) == [longer, said]


def test_a_content_inside_another_attributions_source_is_dropped():
    from attrib.decode import without_speakers_as_content
    from attrib.schema import Attribution

    text = "RIA Novosti quoted Yelena Voronova, a spokeswoman, as saying the work was done."
    name = text.index("Yelena Voronova, a spokeswoman")
    misread = Attribution(content=[(name, name + len("Yelena"))], cue=[(12, 18)], source=[(0, 11)])
    saying = text.index("saying")
    right = Attribution(content=[(text.index("the work"), len(text) - 1)], cue=[(saying, saying + 6)],
                        source=[(name, name + len("Yelena Voronova, a spokeswoman"))])
    assert without_speakers_as_content([misread, right]) == [right]
    assert without_speakers_as_content([right]) == [right]
