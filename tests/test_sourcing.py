"""The sourcing report on a hand-built article: source classes, outlets, flags."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from attrib.cli import app
from attrib.schema import Article, Attribution
from attrib.sourcing import source_class, sourcing_report

TEXT = ("Jalali told Tass that the talks went well. Sources said the deal was near. "
        "Reports suggested a delay. The deal is the largest in the history of both countries by far. "
        "It rained.")


def _span(s: str) -> list[list[int]]:
    i = TEXT.index(s)
    return [[i, i + len(s)]]


def _article() -> Article:
    atts = [
        Attribution(content=_span("the talks went well"), cue=_span("told"), source=_span("Jalali"), speaker="Kazem Jalali",
                    outlet="Tass", kind="indirect"),
        Attribution(content=_span("the deal was near"), cue=_span("said"), source=_span("Sources"), kind="indirect",
                    source_type="vague"),
        Attribution(content=_span("a delay"), cue=_span("suggested"), source=_span("Reports"), kind="indirect",
                    source_type="vague"),
    ]
    return Article(id="a1", text=TEXT, attributions=atts)


def test_source_classes_outlets_and_flags():
    art = _article()
    assert [source_class(art, a) for a in art.attributions] == ["named", "anonymous", "vague"]
    report = sourcing_report([art, Article(id="empty", text="Nothing is said here at all today.")])
    assert report.by_source == {"named": 1, "anonymous": 1, "vague": 1}
    assert report.outlets == {"Tass": 1}
    assert report.single_source == ["a1"]  # one named speaker
    assert report.no_attribution == ["empty"]
    flagged = report.unattributed_claims["a1"]
    assert flagged == ["The deal is the largest in the history of both countries by far."]  # "It rained." is too short


def test_cli_sourcing_writes_json(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(_article().to_dict()) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["sourcing", str(path), "--use-input-attributions", "--json", str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["by_source"]["anonymous"] == 1 and "best-effort" in data["note"]
