"""The claim checker: verdicts on hand-built articles, the seed acceptance cases, and the CLI's bad rows."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from attrib.check import Claim, check_claim, check_claims, match_words, normalise, read_claims
from attrib.cli import app
from attrib.schema import Article, Attribution

from .conftest import needs_shared, write_jsonl

TEXT = ('"We will sign the agreement in January," Fatemeh Mohajerani told Sputnik. '
        'Former minister Ataollah Mohajerani wrote in Etemad that Russia could abandon Iran. '
        'The deal is the largest in a decade.')


def _article() -> Article:
    def span(s: str) -> list[list[int]]:
        i = TEXT.index(s)
        return [[i, i + len(s)]]

    atts = [
        Attribution(content=span('"We will sign the agreement in January,"'), cue=span("told"),
                    source=span("Fatemeh Mohajerani"), speaker="Fatemeh Mohajerani", outlet="Sputnik",
                    outlet_span=span("Sputnik"), kind="direct", stance="favor"),
        Attribution(content=span("Russia could abandon Iran"), cue=span("wrote"), source=span("Former minister Ataollah Mohajerani"),
                    speaker="Ataollah Mohajerani", outlet="Etemad", outlet_span=span("Etemad"), kind="indirect",
                    stance="against"),
    ]
    return Article(id="a1", text=TEXT, attributions=atts, targets=["the agreement"])


def _verdict(text: str, **claimed) -> str:
    return check_claim(Claim("a1", text, **claimed), _article()).verdict


def test_verbatim_quotes_with_other_punctuation_and_quote_marks_are_supported():
    assert _verdict("“We will sign the agreement in January”", speaker="Fatemeh Mohajerani", outlet="Sputnik") == "supported"
    assert _verdict("we will sign ... in January", speaker="Mohajerani") == "supported"  # ellipsis, surname only


def test_wrong_speaker_outlet_stance():
    assert _verdict("We will sign the agreement in January", speaker="Ataollah Mohajerani") == "wrong-speaker"
    assert _verdict("We will sign the agreement in January", outlet="Tass") == "wrong-outlet"
    assert _verdict("We will sign the agreement in January", stance="against") == "wrong-stance"
    assert _verdict("Russia could abandon Iran", speaker="Ataollah Mohajerani", outlet="Etemad daily") == "supported"


def test_paraphrase_negation_and_unrelated_statements():
    assert _verdict("Mohajerani said Iran would sign the agreement with Russia in January") == "paraphrase-only"
    assert _verdict("We will not sign the agreement in January") == "not-found"
    assert _verdict("Russia will sign a trade agreement with Iran in the summer") == "not-found"
    v = check_claim(Claim("a1", "The deal is the largest in a decade"), _article())
    assert v.verdict == "not-found" and "own voice" in v.reason


def test_unknown_article_is_not_found():
    (v,) = check_claims([Claim("nope", "anything")], [_article()])
    assert v.verdict == "not-found" and "nope" in v.reason


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Iran", "Russia", "sign", "deal", "the", "not", "«", "…", "'s", "-", "2025"]),
                min_size=1, max_size=12))
def test_matching_never_crashes_and_a_text_matches_itself(words):
    text = " ".join(words)
    verbatim, paraphrase, sim = match_words(text, text)
    if [t for t in normalise(text) if t != "…"]:
        assert verbatim and sim == 1.0
    assert 0.0 <= sim <= 1.0


def test_seed_claims_supported_then_swapped_speaker_and_outlet():
    """The issue's acceptance cases, checked against the seed article's gold attributions."""
    from attrib.data import load_gold

    seed = load_gold(needs_shared("seed", "seed-article.jsonl"))[0]
    claims = [Claim(seed.id, seed.span_text(a.content), speaker=a.speaker, outlet=a.outlet) for a in seed.attributions]
    assert all(v.verdict == "supported" for v in check_claims(claims, [seed]))
    swap = {"Fatemeh Mohajerani": "Ataollah Mohajerani", "Ataollah Mohajerani": "Fatemeh Mohajerani"}
    swapped = [Claim(c.article, c.text, speaker=swap[c.speaker]) for c in claims if c.speaker in swap]
    assert len(swapped) >= 2 and all(v.verdict == "wrong-speaker" for v in check_claims(swapped, [seed]))
    tass = [Claim(c.article, c.text, speaker=c.speaker, outlet="Tass") for c in claims if c.outlet == "Sputnik"]
    assert tass and all(v.verdict == "wrong-outlet" for v in check_claims(tass, [seed]))


def test_cli_check_names_bad_rows_and_still_checks_the_rest(tmp_path):
    art = write_jsonl(tmp_path / "a.jsonl", [_article().to_dict()])
    claims = tmp_path / "claims.jsonl"
    claims.write_text(json.dumps({"article": "a1", "text": "Russia could abandon Iran", "speaker": "Ataollah Mohajerani"})
                      + "\nnot json\n" + json.dumps({"article": "a1"}) + "\n"
                      + json.dumps({"article": "a1", "text": "x", "mood": "?"}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(art), "--claims", str(claims), "--use-input-attributions",
                                   "--format", "jsonl", "-o", str(tmp_path / "v.jsonl")])
    assert res.exit_code == 1, res.output
    assert "claims.jsonl:2" in res.output and "claims.jsonl:3" in res.output and "mood" in res.output
    (verdict,) = [json.loads(line) for line in (tmp_path / "v.jsonl").read_text().splitlines()]
    assert verdict["verdict"] == "supported" and verdict["evidence"]["speaker"] == "Ataollah Mohajerani"


def test_claims_from_csv(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("article,text,speaker\na1,Russia could abandon Iran,Fatemeh Mohajerani\n", encoding="utf-8")
    claims, problems = read_claims(path)
    assert not problems and check_claims(claims, [_article()])[0].verdict == "wrong-speaker"
