"""Sourcing report: how an article (or a batch) sources its statements.

Counts attributions by kind and by the kind of source — named, anonymous ("sources said",
"officials who spoke on condition of anonymity"), vague ("reports suggested", "some
commentators"), unresolved (a pronoun or description with no name found), none — lists
the outlets relied on, flags single-source stories, and points at sentences that look like
claims but are attributed to no one. That last flag is best-effort (a few surface cues:
numbers, superlatives, predictions, causes) and says so in the report.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from .text import sentence_bounds
from .schema import Article, Attribution
from .speakers import source_type

ANONYMOUS = re.compile(
    r"\b(?:sources?|officials?|aides?|insiders?|people|persons?|diplomats?|advisers?|staffers?|"
    r"anonymity|unnamed|anonymous|familiar with|not authori[sz]ed)\b", re.IGNORECASE)
CLAIM_CUES = re.compile(
    r"\d|%|\b(?:percent|million|billion|most|least|largest|biggest|highest|lowest|first|only|never|always|"
    r"will|would|could|may|might|expected|likely|because|caused|led to|due to|more than|less than|fewer than)\b|"
    r"\b\w+est\b", re.IGNORECASE)
MIN_CLAIM_WORDS = 8


def source_class(article: Article, att: Attribution) -> str:
    """named / anonymous / vague / unresolved / none for one attribution."""
    if not att.source:
        return "none"
    surface = article.span_text(att.source, sep=" ")
    kind = att.source_type or source_type(surface)
    if att.speaker:
        return "named"
    if kind in ("vague", "description") and ANONYMOUS.search(surface):
        return "anonymous"
    if kind == "vague":
        return "vague"
    return "unresolved"


def unattributed_claims(article: Article) -> list[tuple[int, int]]:
    """Sentences with claim cues that no attribution's content, cue or source touches (best-effort)."""
    covered = [p for att in article.attributions for f in (att.content, att.cue, att.source) for p in f]
    out = []
    for start, end in sentence_bounds(article.text):
        sentence = article.text[start:end].strip()
        if (len(sentence.split()) < MIN_CLAIM_WORDS or sentence.endswith("?")
                or any(s < end and start < e for s, e in covered)):
            continue
        if CLAIM_CUES.search(sentence):
            out.append((start, end))
    return out


@dataclass
class SourcingReport:
    articles: int = 0
    attributions: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_source: Counter = field(default_factory=Counter)
    outlets: Counter = field(default_factory=Counter)
    speakers: Counter = field(default_factory=Counter)
    single_source: list[str] = field(default_factory=list)
    no_attribution: list[str] = field(default_factory=list)
    unattributed_claims: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "attributions": self.attributions,
            "by_kind": dict(self.by_kind), "by_source": dict(self.by_source),
            "outlets": dict(self.outlets.most_common()), "top_speakers": dict(self.speakers.most_common(20)),
            "single_source_articles": self.single_source, "articles_without_attributions": self.no_attribution,
            "unattributed_claim_sentences": self.unattributed_claims,
            "note": "unattributed_claim_sentences is a best-effort flag from surface cues, not a judgement",
        }


def sourcing_report(articles: Iterable[Article]) -> SourcingReport:
    report = SourcingReport()
    for art in articles:
        report.articles += 1
        report.attributions += len(art.attributions)
        if not art.attributions:
            report.no_attribution.append(art.id)
        for att in art.attributions:
            report.by_kind[att.kind or "unknown"] += 1
            report.by_source[source_class(art, att)] += 1
            if att.outlet:
                report.outlets[att.outlet] += 1
            if att.speaker:
                report.speakers[att.speaker] += 1
        named = {att.speaker for att in art.attributions if att.speaker}
        if art.attributions and len(named) <= 1:
            report.single_source.append(art.id)
        claims = unattributed_claims(art)
        if claims:
            report.unattributed_claims[art.id] = [art.text[s:e].strip() for s, e in claims]
    return report
