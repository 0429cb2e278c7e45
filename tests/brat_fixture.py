"""A small PolNeAR-style brat compartment written by the team, generated at test time.

It exercises every brat feature the importer handles: a discontinuous content (a quote
broken by "the senator said"), a span text running onto the next .ann line, `#` notes,
two annotators for one text, Attribution-no-source, Discuss/Discard spans, metadata.tsv.
"""
from __future__ import annotations

from pathlib import Path

ART_ONE = ("“We will win,” the senator said, “and soon.”\n"
           "Her aide said the bill was dead.\n"
           "Polls were up.\n"
           "Critics argued\nthat taxes rise.\n")
ART_TWO = "The Post has learned that the deal collapsed.\n"
METADATA = (
    "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\ttrump_count\tclinton_count\tcredit\twire\n"
    "fixture\tart-one\t1\taaaa|bbbb\tnyt\t2016-09-01\tA. Writer\tSenator vows win\t2\t5\tNone\tNone\n"
    "fixture\tart-two\t1\taaaa\twash-post\t2016-09-02\tB. Writer\tDeal collapses\t3\t0\tNone\tNone\n")


def _off(text: str, sub: str, start: int = 0) -> tuple[int, int]:
    i = text.index(sub, start)
    return i, i + len(sub)


def write_brat_fixture(root: Path) -> Path:
    """Write ROOT/brat/{text,attributions} and ROOT/metadata.tsv; returns ROOT/brat."""
    a = ART_ONE
    q1, q2 = _off(a, "“We will win,”"), _off(a, "“and soon.”")
    src1, cue1 = _off(a, "the senator"), _off(a, "said")
    src2 = _off(a, "Her aide")
    cue2, c2 = _off(a, "said", src2[1]), _off(a, "the bill was dead")
    c3, src4, cue4, c4 = _off(a, "Polls were up"), _off(a, "Critics"), _off(a, "argued"), _off(a, "taxes rise")
    ann = (
        f"T1\tContent {q1[0]} {q1[1]};{q2[0]} {q2[1]}\t{a[q1[0]:q1[1]]} {a[q2[0]:q2[1]]}\n"
        f"T2\tSource {src1[0]} {src1[1]}\tthe senator\n"
        f"T3\tCue {cue1[0]} {cue1[1]}\tsaid\n"
        f"T4\tAttribution {cue1[0]} {cue1[1]}\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        "#1\tAnnotatorNotes T1\ta quote broken by the cue\n"
        f"T5\tSource {src2[0]} {src2[1]}\tHer aide\n"
        f"T6\tCue {cue2[0]} {cue2[1]}\tsaid\n"
        f"T7\tContent {c2[0]} {c2[1]}\tthe bill was dead\n"
        f"T8\tAttribution {cue2[0]} {cue2[1]}\tsaid\n"
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
        f"T9\tDiscuss {c3[0]} {c3[1]}\tPolls were up\n"
        f"T10\tContent {c4[0]} {c4[1]}\ttaxes\nrise\n"
        f"T11\tCue {cue4[0]} {cue4[1]}\targued\n"
        f"T12\tAttribution-no-source {cue4[0]} {cue4[1]}\targued\n"
        "E3\tAttribution-no-source:T12 Content:T10 Cue:T11\n"
        f"T13\tDiscard {src4[0]} {src4[1]}\tCritics\n"
    )
    b = ART_TWO
    c = _off(b, "the deal collapsed")
    brat = root / "brat"
    (brat / "text").mkdir(parents=True, exist_ok=True)
    (brat / "attributions").mkdir(parents=True, exist_ok=True)
    (brat / "text" / "art-one.txt").write_text(a, encoding="utf-8")
    (brat / "attributions" / "art-one_aaaa.ann").write_text(ann, encoding="utf-8")
    # A second annotator of the same text who found only one attribution: must be ignored.
    (brat / "attributions" / "art-one_bbbb.ann").write_text(ann.split("#1")[0], encoding="utf-8")
    (brat / "text" / "art-two.txt").write_text(b, encoding="utf-8")
    (brat / "attributions" / "art-two_aaaa.ann").write_text(
        f"T1\tSource 0 8\tThe Post\nT2\tCue 9 20\thas learned\nT3\tContent {c[0]} {c[1]}\tthe deal collapsed\n"
        "T4\tAttribution 9 20\thas learned\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    (root / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    return brat
