from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from attrib.cli import app
from attrib.io import InputError, InputProblem, iter_articles, read_jsonl, write_jsonl
from attrib.schema import Article, Attribution, SchemaError, article_from_dict
from attrib.text import trim_span

from .conftest import write_jsonl as write_rows

TEXT = "Putin said the talks went well. “It was good,” he added."
GOOD = {"id": "a1", "text": TEXT, "attributions": [{"content": [[11, 30]], "cue": [[6, 10]], "source": [[0, 5]], "kind": "indirect"}]}


def _err(d: dict) -> str:
    with pytest.raises(SchemaError) as e:
        article_from_dict(d)
    return str(e.value)


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["attributions"][0].update(content=[[11, 999]]), "attributions[0].content[0]: offset outside the text"),
    (lambda d: d["attributions"][0].update(cue=[[10, 6]]), "attributions[0].cue[0]: end before start"),
    (lambda d: d["attributions"][0].update(stance="positive"), "attributions[0].stance: unknown value 'positive'"),
    (lambda d: d["attributions"][0].update(kind="quoted"), "attributions[0].kind: unknown value 'quoted'"),
    (lambda d: d["attributions"][0].update(colour="red"), "attributions[0]: unknown field(s): colour"),
    (lambda d: d.update(extra=1), "unknown field(s): extra"),
    (lambda d: d.pop("text"), "text: missing or not a string"),
    (lambda d: d["attributions"][0].update(content=[]), "attributions[0].content: must hold at least one span"),
    (lambda d: d["attributions"][0].update(confidence=1.5), "attributions[0].confidence"),
])
def test_validation_names_field_and_problem(mutate, expected):
    d = json.loads(json.dumps(GOOD))
    mutate(d)
    assert expected in _err(d)


def test_round_trip_keeps_unlabelled_layers_absent(tmp_path):
    art = article_from_dict(GOOD)
    assert art.attributions[0].labelled == frozenset()
    out = art.to_dict()
    assert "speaker" not in out["attributions"][0] and "stance" not in out["attributions"][0]
    d = json.loads(json.dumps(GOOD))
    d["attributions"][0].update(speaker=None, outlet="Tass", outlet_span=[], stance="neutral")
    again = article_from_dict(article_from_dict(d).to_dict())
    assert again.attributions[0].speaker is None and again.attributions[0].outlet == "Tass"
    assert "speaker" in again.attributions[0].labelled


def test_bad_line_is_reported_and_rest_processed(tmp_path):
    path = tmp_path / "mixed.jsonl"
    bad = dict(GOOD, id="a2", attributions=[{"content": [[5, 2]]}])
    path.write_text(json.dumps(GOOD) + "\n{not json\n" + json.dumps(bad) + "\n" + json.dumps(dict(GOOD, id="a3")) + "\n"
                    + json.dumps(GOOD) + "\n" + "[1, 2]\n", encoding="utf-8")
    items = list(iter_articles([path]))
    good = [i.id for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert good == ["a1", "a3"]
    assert [(p.line, p.message.split(" (")[0].split(":")[0]) for p in problems] == [
        (2, "invalid JSON"), (3, "attributions[0].content[0]"), (None, "duplicate id 'a1'"), (6, "expected a JSON object, got list")]
    with pytest.raises(InputError, match="mixed.jsonl:2: invalid JSON"):
        list(iter_articles([path], strict=True))
    result = CliRunner().invoke(app, ["data", "validate", str(path)])
    assert result.exit_code == 1
    assert "mixed.jsonl:2: invalid JSON" in result.output and "4 line(s) failed" in result.output


def test_text_files_folders_and_bad_encodings(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 said".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    items = list(iter_articles([tmp_path]))
    ok = {i.id: i.text for i in items if isinstance(i, Article)}
    bad = {p.path.rsplit("/", 1)[-1]: p.message for p in items if isinstance(p, InputProblem)}
    assert ok == {"good": TEXT}
    assert bad["empty.txt"] == "empty file"
    assert "not valid UTF-8" in bad["latin.txt"]
    assert "binary" in bad["binary.txt"]


def test_html_character_references_in_a_text_file_are_read_as_their_characters(tmp_path):
    (tmp_path / "scraped.txt").write_text("&quot;We will win,&quot; he said. &ldquo;Yes&rdquo; &amp; no.", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("AT&T said R&D; costs rose.", encoding="utf-8")  # one stray, not markup
    items = {i.id: i for i in iter_articles([tmp_path])}
    assert items["scraped"].text == '"We will win," he said. “Yes” & no.'
    assert items["scraped"].meta["converted_from"] == "html-entities"
    assert items["plain"].text == "AT&T said R&D; costs rose." and "converted_from" not in items["plain"].meta


def test_write_is_atomic_and_reads_back(tmp_path):
    path = tmp_path / "out.jsonl"
    arts = [article_from_dict(GOOD)]
    write_jsonl(arts, path)
    assert read_jsonl(path)[0].attributions[0].content == [(11, 30)]

    def exploding():
        yield arts[0]
        raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        write_jsonl(exploding(), path)
    assert read_jsonl(path)[0].id == "a1"  # the old file is intact
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary left behind


@given(st.text(min_size=1, max_size=40), st.data())
def test_valid_spans_round_trip_and_trim_stays_inside(text, data):
    n = len(text)
    start = data.draw(st.integers(0, n - 1))
    end = data.draw(st.integers(start + 1, n))
    d = {"id": "x", "text": text, "attributions": [{"content": [[start, end]]}]}
    art = article_from_dict(json.loads(json.dumps(article_from_dict(d).to_dict())))
    assert art.attributions[0].content == [(start, end)]
    for s, e in trim_span(text, [(start, end)]):
        assert start <= s < e <= end


@given(st.integers(-5, 50), st.integers(-5, 50))
def test_out_of_range_offsets_always_rejected(start, end):
    text = "0123456789"
    d = {"id": "x", "text": text, "attributions": [{"content": [[start, end]]}]}
    if 0 <= start < end <= len(text):
        assert article_from_dict(d).attributions[0].content == [(start, end)]
    else:
        with pytest.raises(SchemaError):
            article_from_dict(d)


def test_csv_writer_has_span_texts(tmp_path):
    from attrib.io import write_csv

    path = tmp_path / "out.csv"
    write_csv([article_from_dict(GOOD)], path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("article_id,index,kind,content")
    assert "Putin" in lines[1] and "the talks went well" in lines[1]


def test_stdin_jsonl(tmp_path):
    result = CliRunner().invoke(app, ["data", "validate", "-"], input=json.dumps(GOOD) + "\n")
    assert result.exit_code == 0, result.output
    assert "1 valid article(s), 1 attributions" in result.output


def test_unique_fixture_rows(tmp_path):
    path = write_rows(tmp_path / "two.jsonl", [GOOD, dict(GOOD, id="b")])
    assert [a.id for a in read_jsonl(path)] == ["a1", "b"]
    assert Attribution(content=[(0, 1)]).to_dict()["speaker"] is None


def test_import_attrib_is_light_and_exposes_the_api():
    import subprocess
    import sys

    code = ("import sys, attrib; assert 'torch' not in sys.modules; "
            "from attrib.pipeline import Attributor; assert attrib.Attributor is Attributor; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["a.txt", "a.jsonl", "-"]),
       st.one_of(st.binary(max_size=400),
                 st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                 st.lists(st.sampled_from(['{"id": "a", "text": "Hi."}', "[1]", "{", '{"id": 1}', "<p>x</p><div>y</div>",
                                           '{"id": "b", "text": "ab", "attributions": [{"content": [[0, 9]]}]}', "",
                                           "\x00\x01", '{"id": "c", "text": "x", "zzz": 1}']),
                          max_size=6).map(lambda rows: "\n".join(rows).encode("utf-8"))))
def test_fuzzed_files_never_crash_the_reader(name, data):
    """Whatever bytes arrive, the reader yields articles or named problems, never an exception."""
    from attrib.io import InputProblem, parse_file

    items = list(parse_file(name, data))
    assert items
    for item in items:
        assert isinstance(item, (Article, InputProblem))
        if isinstance(item, InputProblem):
            assert item.path == name and item.message
        else:
            assert item.text.strip()
