"""Claim checking: "did X really say this, and where?" against an article's attributions.

A claim names an article, the quoted or paraphrased words, and optionally the claimed
speaker, outlet and stance. The checker finds the attribution whose content best matches
the words, then compares the rest:

- the words match *verbatim* when, after normalising case, punctuation, quote marks and
  ellipses, every fragment of the claim appears in order in the content, or nearly so
  (ordered coverage of the claim's tokens ≥ 0.85: a changed article or tense);
- they match as a *paraphrase* when the claim's content words are mostly (≥ 0.6, in
  order) found in the content and no negation differs; fewer shared words is a different
  statement, however many words happen to overlap;
- the verdict is the first failing check among speaker, outlet, stance, wording
  (`wrong-speaker`, `wrong-outlet`, `wrong-stance`, `paraphrase-only`), else `supported`;
  no matching attribution is `not-found`.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from .io import InputProblem
from .metrics import same_outlet
from .schema import STANCES, Article, Attribution
from .text import normalise_name

VERDICTS = ("supported", "wrong-speaker", "wrong-outlet", "wrong-stance", "paraphrase-only", "not-found")
CLAIM_KEYS = {"id", "article", "text", "speaker", "outlet", "stance", "target"}
VERBATIM_COVERAGE = 0.85
PARAPHRASE_COVERAGE = 0.6
MIN_SHARED_CONTENT_WORDS = 3
GAP = "…"
NEGATIONS = {"not", "no", "never", "nor", "none", "nothing", "neither", "without", "cannot", "n't"}
STOPWORDS = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
    "are", "was", "were", "be", "been", "being", "that", "this", "these", "those", "it", "its", "will", "would",
    "has", "have", "had", "do", "does", "did", "which", "who", "whom", "there", "their", "they", "he", "she",
    "his", "her", "we", "our", "i", "you", "also", "said", "says", "than", "then", "so", "such", "can", "could",
    "may", "might", "should", "into", "about", "over", "after", "before", "up", "out", "if", "all", "any",
}


class ClaimError(ValueError):
    """A claims row that cannot be checked."""


@dataclass(frozen=True)
class Claim:
    article: str
    text: str
    id: Optional[str] = None
    speaker: Optional[str] = None
    outlet: Optional[str] = None
    stance: Optional[str] = None
    target: Optional[str] = None


@dataclass
class Verdict:
    claim: Claim
    verdict: str
    confidence: float
    reason: str
    evidence: Optional[dict[str, Any]] = None
    similarity: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        claim = {k: v for k, v in vars(self.claim).items() if v is not None}
        return {"claim": claim, "verdict": self.verdict, "confidence": round(self.confidence, 4),
                "reason": self.reason, "similarity": round(self.similarity, 4), "evidence": self.evidence}


@dataclass(frozen=True)
class _Match:
    index: int
    verbatim: bool
    similarity: float
    paraphrase: bool = field(default=False)


def normalise(text: str) -> list[str]:
    """Lower-cased word tokens with quote styles, dashes and punctuation folded; ellipses kept as `…`."""
    text = unicodedata.normalize("NFKC", text).replace("...", GAP)
    text = re.sub(r"[‘’ʼ`´]", "'", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)  # editorial insertions: "[the agreement]"
    tokens = re.findall(r"…|[\w]+(?:'[\w]+)*", text.casefold())
    out: list[str] = []
    for tok in tokens:
        if tok.endswith("n't"):
            out += [tok[:-3], "n't"]
        else:
            out.append(tok)
    return out


def _fragments(tokens: list[str]) -> list[list[str]]:
    frags, cur = [], []
    for tok in tokens:
        if tok == GAP:
            if cur:
                frags.append(cur)
            cur = []
        else:
            cur.append(tok)
    if cur:
        frags.append(cur)
    return frags


def _contains_in_order(haystack: list[str], fragments: list[list[str]]) -> bool:
    pos = 0
    for frag in fragments:
        n = len(frag)
        for i in range(pos, len(haystack) - n + 1):
            if haystack[i:i + n] == frag:
                pos = i + n
                break
        else:
            return False
    return True


def _ordered_coverage(claim: list[str], content: list[str]) -> tuple[float, int, int]:
    """Share of claim tokens matched in order, and the matched region [first, last) of `content`."""
    if not claim:
        return 0.0, 0, 0
    blocks = [b for b in SequenceMatcher(None, claim, content, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, 0, 0
    matched = sum(b.size for b in blocks)
    return matched / len(claim), blocks[0].b, blocks[-1].b + blocks[-1].size


def _content_words(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS and t != GAP and len(t) > 1 or t in NEGATIONS]


def match_words(claim_text: str, content_text: str, attribution_words: str = "") -> tuple[bool, bool, float]:
    """(verbatim, paraphrase, similarity) of a claim against one attribution's content.

    `attribution_words` (source, cue, speaker) may appear in a paraphrase ("Jalali said
    …") without being part of what was said, so they are not asked of the content.
    """
    claim, content = normalise(claim_text), normalise(content_text)
    content_plain = [t for t in content if t != GAP]
    frags = _fragments(claim)
    if frags and _contains_in_order(content_plain, frags):
        return True, False, 1.0
    plain = [t for t in claim if t != GAP]
    coverage, lo, hi = _ordered_coverage(plain, content_plain)
    region = content_plain[lo:hi]
    negation_differs = bool(NEGATIONS & set(plain)) != bool(NEGATIONS & set(region))
    if coverage >= VERBATIM_COVERAGE and not negation_differs and len(plain) >= 4:
        return True, False, coverage
    content_words = _content_words(content_plain)
    framing = set(normalise(attribution_words)) - set(content_words)
    claim_words = [w for w in _content_words(plain) if w not in framing]
    c_cov, _, _ = _ordered_coverage(claim_words, content_words)
    shared = round(c_cov * len(claim_words))
    enough = shared >= min(MIN_SHARED_CONTENT_WORDS, len(claim_words))
    if c_cov >= PARAPHRASE_COVERAGE and enough and not negation_differs:
        return False, True, c_cov
    return False, False, max(coverage, c_cov) if not negation_differs else 0.0


def claimed_speaker_matches(claimed: str, actual: Optional[str]) -> bool:
    """Full names must agree; a bare surname agrees with any full name ending in it."""
    c, a = normalise_name(claimed), normalise_name(actual)
    if not a:
        return False
    if c == a:
        return True
    cw, aw = c.split(), a.split()
    if len(cw) == 1 or len(aw) == 1:
        return cw[-1] == aw[-1]
    return False


def _evidence(article: Article, att: Attribution) -> dict[str, Any]:
    return {
        "article": article.id,
        "content": [list(s) for s in att.content],
        "content_text": article.span_text(att.content),
        "source_text": article.span_text(att.source) or None,
        "cue_text": article.span_text(att.cue) or None,
        "speaker": att.speaker,
        "outlet": att.outlet,
        "stance": att.stance,
        "kind": att.kind,
        "confidence": att.confidence,
    }


def check_claim(claim: Claim, article: Article) -> Verdict:
    """Verdict for one claim against an article whose attributions are already filled in."""
    best: Optional[_Match] = None
    for i, att in enumerate(article.attributions):
        framing = " ".join([article.span_text(att.source), article.span_text(att.cue), att.speaker or ""])
        verbatim, paraphrase, sim = match_words(claim.text, article.span_text(att.content), framing)
        rank = (verbatim, paraphrase, sim)
        if (verbatim or paraphrase) and (best is None or rank > (best.verbatim, best.paraphrase, best.similarity)):
            best = _Match(i, verbatim, sim, paraphrase)
    if best is None:
        in_text = _contains_in_order([t for t in normalise(article.text) if t != GAP], _fragments(normalise(claim.text)))
        reason = ("the words are in the article but not attributed to anyone (the article's own voice)" if in_text
                  else "no attribution in the article says this")
        return Verdict(claim, "not-found", 0.9 if not in_text else 0.7, reason)
    att = article.attributions[best.index]
    evidence = _evidence(article, att)
    certainty = best.similarity * (att.confidence if att.confidence is not None else 1.0)
    if claim.speaker and not claimed_speaker_matches(claim.speaker, att.speaker):
        said = att.speaker or (f"an unnamed source ({article.span_text(att.source)!r})" if att.source else "no named source")
        return Verdict(claim, "wrong-speaker", certainty, f"claimed {claim.speaker!r}, the article attributes it to {said}",
                       evidence, best.similarity)
    if claim.outlet and not same_outlet(claim.outlet, att.outlet):
        return Verdict(claim, "wrong-outlet", certainty,
                       f"claimed {claim.outlet!r}, the article gives {att.outlet!r} as the outlet", evidence, best.similarity)
    if claim.stance:
        stance = att.stance
        if claim.target and att.stances and claim.target in att.stances:
            stance = att.stances[claim.target]
        if stance != claim.stance:
            conf = certainty * (att.stance_confidence if att.stance_confidence is not None else 1.0)
            return Verdict(claim, "wrong-stance", conf, f"claimed {claim.stance}, the statement reads {stance}",
                           evidence, best.similarity)
    if not best.verbatim:
        return Verdict(claim, "paraphrase-only", certainty, "the article says this in other words; not a verbatim quote",
                       evidence, best.similarity)
    return Verdict(claim, "supported", certainty, "found with the claimed attribution", evidence, best.similarity)


def claim_from_dict(d: Any) -> Claim:
    if not isinstance(d, dict):
        raise ClaimError(f"expected a JSON object, got {type(d).__name__}")
    unknown = set(d) - CLAIM_KEYS
    if unknown:
        raise ClaimError(f"unknown field(s): {', '.join(sorted(unknown))}")
    for key in ("article", "text"):
        if not isinstance(d.get(key), str) or not d[key].strip():
            raise ClaimError(f"{key}: required, a non-empty string")
    values = {k: (str(v).strip() or None) if v is not None else None for k, v in d.items()}
    if values.get("stance") and values["stance"] not in STANCES:
        raise ClaimError(f"stance: expected one of {', '.join(STANCES)}, got {values['stance']!r}")
    return Claim(**values)


def read_claims(path: Union[str, Path]) -> tuple[list[Claim], list[InputProblem]]:
    """Claims from JSONL (one object a line) or CSV (a header row naming the fields); bad rows become problems."""
    path = Path(path)
    claims: list[Claim] = []
    problems: list[InputProblem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return [], [InputProblem(str(path), None, f"cannot read claims ({type(e).__name__})")]
    if path.suffix.lower() == ".csv":
        rows = enumerate(csv.DictReader(text.splitlines()), start=2)
        items = (((lineno, {k: v for k, v in row.items() if k is not None and v not in (None, "")})) for lineno, row in rows)
    else:
        items = ((lineno, line) for lineno, line in enumerate(text.splitlines(), start=1) if line.strip())
    for lineno, raw in items:
        try:
            claims.append(claim_from_dict(json.loads(raw) if isinstance(raw, str) else raw))
        except json.JSONDecodeError as e:
            problems.append(InputProblem(str(path), lineno, f"invalid JSON ({e.msg})"))
        except ClaimError as e:
            problems.append(InputProblem(str(path), lineno, str(e)))
    if not claims and not problems:
        problems.append(InputProblem(str(path), None, "no claims"))
    return claims, problems


def find_article(ref: str, articles: Sequence[Article]) -> Optional[Article]:
    """An article by id, or by a path whose stem is its id."""
    by_id = {a.id: a for a in articles}
    return by_id.get(ref) or by_id.get(Path(ref).stem)


def check_claims(claims: Iterable[Claim], articles: Sequence[Article]) -> list[Verdict]:
    out = []
    for claim in claims:
        article = find_article(claim.article, articles)
        if article is None:
            out.append(Verdict(claim, "not-found", 1.0, f"article {claim.article!r} is not among the inputs"))
        else:
            out.append(check_claim(claim, article))
    return out
