from __future__ import annotations

from typer.testing import CliRunner

from attrib.cli import app
from attrib.data import load_gold
from attrib.data.brat import export_compartment, import_compartment
from attrib.io import read_jsonl
from attrib.schema import Article

from .conftest import needs_shared


def _import(path) -> list[Article]:
    return load_gold(path)


def test_fixture_import_handles_every_brat_feature(brat_dir):
    arts = {a.id: a for a in _import(brat_dir)}
    assert sorted(arts) == ["art-one", "art-two"]
    one = arts["art-one"]
    # annotator aaaa (first in sorted order) has 3 attributions; bbbb's shorter file is ignored
    assert one.meta["annotator"] == "aaaa" and len(one.attributions) == 3
    quote, aide, critics = one.attributions
    # discontinuous content: a quote broken by "the senator said"
    assert [one.text[s:e] for s, e in quote.content] == ["“We will win,”", "“and soon.”"]
    assert one.span_text(quote.source) == "the senator" and quote.kind == "direct"
    assert one.span_text(aide.content) == "the bill was dead" and aide.kind == "indirect"
    # Attribution-no-source; its span text ran onto the next line of the .ann file
    assert one.span_text(critics.content) == "taxes rise" and critics.source == []
    assert one.span_text(critics.cue) == "argued"
    # Discuss and Discard spans are not attributions
    assert all("Polls" not in one.span_text(a.content) for a in one.attributions)
    assert one.title == "Senator vows win" and one.meta["publisher"] == "nyt" and one.meta["date"] == "2016-09-01"
    assert one.targets == ["Hillary Clinton", "Donald Trump"]  # most-mentioned candidate first
    assert arts["art-two"].targets == ["Donald Trump"]


def test_brat_round_trip(brat_dir, tmp_path):
    arts = _import(brat_dir)
    export_compartment(arts, tmp_path / "out")
    again = {a.id: a for a in _import(tmp_path / "out")}
    for art in arts:
        got = again[art.id]
        assert got.text == art.text
        assert [(a.content, a.cue, a.source) for a in got.attributions] == [(a.content, a.cue, a.source) for a in art.attributions]


def test_cli_import_and_self_eval(brat_dir, tmp_path):
    out = tmp_path / "fx.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["data", "import-brat", str(brat_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 articles, 4 attributions" in result.output
    assert len(read_jsonl(out)) == 2


def test_polnear_counts():
    """Issue 2's acceptance figures on the real corpus."""
    dev = _import(needs_shared("polnear", "dev"))
    assert len(dev) == 84 and sum(len(a.attributions) for a in dev) == 2192
    assert len(list(import_compartment(needs_shared("polnear", "train")))) == 840


def test_datasets_export(brat_dir):
    import json

    from attrib.data.features import articles_to_record_dataset

    arts = _import(brat_dir)
    ds = articles_to_record_dataset(arts)
    assert ds.num_rows == 2 and set(ds.column_names) >= {"id", "text", "publisher", "record"}
    row = ds[0]
    assert row["publisher"] == "nyt"
    assert len(json.loads(row["record"])["attributions"]) == 3
