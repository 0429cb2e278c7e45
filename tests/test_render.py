"""`attrib render`: the page opens in headless Chromium and its highlights are exactly the predicted spans."""
from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrib.cli import app
from attrib.pipeline import Attributor
from attrib.render import render_html
from attrib.schema import Article

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "samples" / "harbour-deal.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Segments(HTMLParser):
    """Collects (data-roles, text) of every highlighted piece inside #article."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[tuple[str, str]] = []
        self.cards: list[str] = []
        self._roles: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and "data-roles" in attrs:
            self._roles = attrs["data-roles"]
            self.pieces.append((self._roles, ""))
            self.cards.append(attrs.get("data-card", ""))

    def handle_endtag(self, tag):
        if tag == "span":
            self._roles = None

    def handle_data(self, data):
        if self._roles is not None:
            roles, text = self.pieces[-1]
            self.pieces[-1] = (roles, text + data)


def _spans_on_page(page_html: str) -> tuple[dict[tuple[int, str], str], list[str]]:
    parser = _Segments()
    parser.feed(page_html)
    rebuilt: dict[tuple[int, str], str] = {}
    for roles, text in parser.pieces:
        for item in roles.split():
            i, role = item.split(":")
            rebuilt[(int(i), role)] = rebuilt.get((int(i), role), "") + text
    return rebuilt, parser.cards


def _expected(article: Article) -> dict[tuple[int, str], str]:
    out = {}
    for i, att in enumerate(article.attributions):
        for role in ("content", "cue", "source", "outlet_span"):
            if getattr(att, role):
                out[(i, role)] = "".join(article.text[s:e] for s, e in getattr(att, role))
    return out


@pytest.fixture(scope="module")
def predicted() -> Article:
    text = SAMPLE.read_text(encoding="utf-8")
    return Attributor.from_pretrained()(Article(id="harbour-deal", text=text, targets=["the harbour deal"]))


def test_page_holds_every_predicted_span(predicted):
    rebuilt, cards = _spans_on_page(render_html(predicted))
    assert predicted.attributions and rebuilt == _expected(predicted)
    assert all(c.startswith("attribution ") for c in cards)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)")
def test_rendered_page_in_headless_chromium(predicted, tmp_path):
    page = tmp_path / "page.html"
    res = CliRunner().invoke(app, ["render", str(SAMPLE), "-o", str(page), "--target", "the harbour deal"])
    assert res.exit_code == 0, res.output
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="article"' in dom.stdout  # the browser parsed and serialised the page
    rebuilt, _ = _spans_on_page(dom.stdout)
    # The CLI ran the same model on the same text: the browser's DOM shows exactly its spans.
    expected = _expected(Article(id="harbour-deal", text=predicted.text,
                                 attributions=Attributor.from_pretrained()(predicted.text).attributions))
    assert rebuilt == expected
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=1000,1400",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000  # a blank page compresses to a few hundred bytes


def test_render_names_bad_inputs_and_goes_on(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\xff\xfe")
    res = CliRunner().invoke(app, ["render", str(good.parent), "-o", str(tmp_path / "pages")])
    assert res.exit_code == 1 and "bad.txt" in res.output
    assert (tmp_path / "pages" / "good.html").is_file()
