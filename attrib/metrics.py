"""The scorer: one implementation for `attrib eval`, training's compute_metrics and eval/.

Every article is reduced to additive counts (`article_counts`); metrics are ratios of the
summed counts (`metrics_from_counts`), so corpus totals, breakdowns and bootstrap
resamples all use the same arithmetic.

Definitions (ANNOTATION.md, Citron/PARC 3.0 conventions):
- Pairing: gold and predicted attributions are paired one-to-one, greedily by the
  Jaccard overlap of their content word tokens (ties: more shared tokens), overlap > 0.
- Content is scored without a leading complementiser "that" (ANNOTATION.md leaves it
  out, PolNeAR keeps it): either convention scores the same.
- exact (content, cue, source): a pair whose spans are equal after trimming edge
  punctuation and spaces. P = matches / predictions with that span, R = / gold with it.
- overlap: per pair, shared tokens / predicted tokens (summed, divided by the number of
  predictions with that span) for P; shared / gold tokens (over gold) for R.
- end-to-end: a pair with content Jaccard >= 0.5 and the right source (both empty, or
  sharing a token, or the same labelled canonical speaker). P over predictions, R over gold.
- speaker accuracy over pairs whose gold speaker is labelled: strict = same normalised
  name (null == null); lenient also accepts the same surname or one name inside the other.
- outlet P/R/F1 over non-null outlets, in articles whose gold labels outlets; a pair is
  right when the names are aliases (YJC = Young Journalists Club (YJC), Etemad = Etemad daily).
- stance macro-F1 over favor/against/neutral and F_avg = mean F1 of favor and against,
  over pairs whose gold stance is a label; kind accuracy over pairs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np

from .schema import STANCES, Article, Attribution, Span
from .text import drop_complementiser, normalise_name, token_set, trim_span

ROLES = ("content", "cue", "source")
E2E_JACCARD = 0.5
GENERIC_OUTLET_WORDS = {
    "the", "daily", "newspaper", "news", "agency", "magazine", "channel", "tv", "radio",
    "network", "newspapers", "online", "website", "state", "run",
}


@dataclass
class Pair:
    gold: int
    pred: int
    jaccard: float
    shared: int


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def scored_span(text: str, att: Attribution, role: str) -> Span:
    """The span the scorer compares: content without a leading complementiser "that"."""
    span = getattr(att, role)
    return drop_complementiser(text, span) if role == "content" else span


def pair_attributions(text: str, gold: list[Attribution], pred: list[Attribution]) -> list[Pair]:
    """One-to-one pairs of gold and predicted attributions by content-token overlap."""
    g_tok = [token_set(text, scored_span(text, a, "content")) for a in gold]
    p_tok = [token_set(text, scored_span(text, a, "content")) for a in pred]
    cands = []
    for gi, gt in enumerate(g_tok):
        for pi, pt in enumerate(p_tok):
            shared = len(gt & pt)
            if shared:
                cands.append((-_jaccard(gt, pt), -shared, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg_j, neg_s, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append(Pair(gi, pi, -neg_j, -neg_s))
    return pairs


def outlet_keys(name: Optional[str]) -> set[str]:
    """Normalised forms an outlet may be called by: full name, acronym, name without generic words."""
    if not name:
        return set()
    keys = set()
    paren = re.findall(r"\(([^)]*)\)", name)
    # "Iran's Young Journalists Club" is the Young Journalists Club: drop a possessive owner.
    bare = re.sub(r"^\s*\S+['’]s\s+", "", re.sub(r"\([^)]*\)", " ", name))
    for part in [name, bare, *paren]:
        norm = normalise_name(part)
        if norm:
            keys.add(norm)
        words = [w for w in norm.split() if w not in GENERIC_OUTLET_WORDS]
        if words:
            keys.add(" ".join(words))
    caps = [w for w in re.findall(r"[A-Za-z][\w&.-]*", bare) if w[0].isupper()]
    if len(caps) >= 2:
        keys.add("".join(w[0] for w in caps).casefold())
    return keys


def same_outlet(a: Optional[str], b: Optional[str]) -> bool:
    return bool(outlet_keys(a) & outlet_keys(b))


def speaker_matches(gold: Optional[str], pred: Optional[str], lenient: bool) -> bool:
    g, p = normalise_name(gold), normalise_name(pred)
    if g == p:
        return True
    if not lenient or not g or not p:
        return False
    if g.split()[-1] == p.split()[-1]:
        return True
    return f" {g} " in f" {p} " or f" {p} " in f" {g} "


def _source_right(text: str, g: Attribution, p: Attribution) -> bool:
    if not g.source and not p.source:
        return True
    if "speaker" in g.labelled and g.speaker and p.speaker and speaker_matches(g.speaker, p.speaker, lenient=False):
        return True
    return bool(token_set(text, g.source) & token_set(text, p.source))


def article_counts(gold: Article, pred: Optional[Article]) -> Counter:
    """Additive counts for one article (pred None = nothing predicted)."""
    text = gold.text
    g_atts = gold.attributions
    p_atts = pred.attributions if pred is not None else []
    pairs = pair_attributions(text, g_atts, p_atts)
    c: Counter = Counter()
    c["articles"] += 1
    c["gold_n"] += len(g_atts)
    c["pred_n"] += len(p_atts)
    c["paired"] += len(pairs)
    for role in ROLES:
        c[f"{role}_gold_n"] += sum(1 for a in g_atts if token_set(text, getattr(a, role)))
        c[f"{role}_pred_n"] += sum(1 for a in p_atts if token_set(text, getattr(a, role)))
    outlets_labelled = any("outlet" in a.labelled for a in g_atts)
    if outlets_labelled:
        c["outlet_gold_n"] += sum(1 for a in g_atts if a.outlet)
        c["outlet_pred_n"] += sum(1 for a in p_atts if a.outlet)
    paired_preds = {pair.pred for pair in pairs}
    for i, p in enumerate(p_atts):
        if i not in paired_preds and p.confidence is not None:
            calibration_counts(c, "attribution", p.confidence, False)
    for pair in pairs:
        g, p = g_atts[pair.gold], p_atts[pair.pred]
        for role in ROLES:
            gs, ps = scored_span(text, g, role), scored_span(text, p, role)
            gt, pt = token_set(text, gs), token_set(text, ps)
            if not gt or not pt:
                continue
            shared = len(gt & pt)
            c[f"{role}_ov_p"] += shared / len(pt)
            c[f"{role}_ov_r"] += shared / len(gt)
            if trim_span(text, gs) == trim_span(text, ps):
                c[f"{role}_exact"] += 1
        right = pair.jaccard >= E2E_JACCARD and _source_right(text, g, p)
        c["e2e_tp"] += right
        if p.confidence is not None:
            calibration_counts(c, "attribution", p.confidence, right)
        if "speaker" in g.labelled:
            c["speaker_n"] += 1
            c["speaker_strict"] += speaker_matches(g.speaker, p.speaker, lenient=False)
            c["speaker_lenient"] += speaker_matches(g.speaker, p.speaker, lenient=True)
        if outlets_labelled and g.outlet and p.outlet and same_outlet(g.outlet, p.outlet):
            c["outlet_tp"] += 1
        if "stance" in g.labelled and g.stance:
            c[f"stance_{g.stance}_{p.stance or 'none'}"] += 1
            if p.stance_confidence is not None:
                calibration_counts(c, "stance", p.stance_confidence, g.stance == p.stance)
        if g.kind:
            c["kind_n"] += 1
            c["kind_ok"] += g.kind == p.kind
    return c


def _div(a: float, b: float) -> float:
    return a / b if b else float("nan")


def _f1(p: float, r: float) -> float:
    if np.isnan(p) or np.isnan(r):
        return float("nan")
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(prefix: str, tp: float, pred_n: float, gold_n: float, out: dict[str, float], tp_r: Optional[float] = None) -> None:
    p, r = _div(tp, pred_n), _div(tp if tp_r is None else tp_r, gold_n)
    out[f"{prefix}_p"], out[f"{prefix}_r"], out[f"{prefix}_f1"] = p, r, _f1(p, r)


def metrics_from_counts(c: Counter) -> dict[str, float]:
    """Every metric of ANNOTATION.md from summed counts (nan where undefined)."""
    m: dict[str, float] = {}
    for role in ROLES:
        gn, pn = c[f"{role}_gold_n"], c[f"{role}_pred_n"]
        _prf(f"{role}_exact", c[f"{role}_exact"], pn, gn, m)
        _prf(f"{role}_overlap", c[f"{role}_ov_p"], pn, gn, m, tp_r=c[f"{role}_ov_r"])
    _prf("attribution", c["e2e_tp"], c["pred_n"], c["gold_n"], m)
    m["speaker_strict_acc"] = _div(c["speaker_strict"], c["speaker_n"])
    m["speaker_lenient_acc"] = _div(c["speaker_lenient"], c["speaker_n"])
    _prf("outlet", c["outlet_tp"], c["outlet_pred_n"], c["outlet_gold_n"], m)
    _stance_metrics(c, m)
    for what in ("attribution", "stance"):
        m[f"{what}_ece"] = ece_from_counts(c, what)
    m["kind_acc"] = _div(c["kind_ok"], c["kind_n"])
    return m


CALIBRATION_BINS = 10


def attribution_outcomes(gold: Article, pred: Article) -> list[tuple[float, bool]]:
    """(confidence, right) of every predicted attribution with a confidence: right = the end-to-end criterion."""
    text = gold.text
    right = {pair.pred for pair in pair_attributions(text, gold.attributions, pred.attributions)
             if pair.jaccard >= E2E_JACCARD and _source_right(text, gold.attributions[pair.gold], pred.attributions[pair.pred])}
    return [(p.confidence, i in right) for i, p in enumerate(pred.attributions) if p.confidence is not None]


def calibration_counts(c: Counter, what: str, confidence: float, correct: bool) -> None:
    b = min(int(confidence * CALIBRATION_BINS), CALIBRATION_BINS - 1)
    c[f"cal_{what}_{b}_n"] += 1
    c[f"cal_{what}_{b}_conf"] += confidence
    c[f"cal_{what}_{b}_ok"] += correct


def ece_from_counts(c: Counter, what: str) -> float:
    """ECE over 10 equal-width confidence bins: mean |accuracy - confidence|, weighted by bin size (nan if none)."""
    total = sum(c[f"cal_{what}_{b}_n"] for b in range(CALIBRATION_BINS))
    if not total:
        return float("nan")
    return float(sum(abs(c[f"cal_{what}_{b}_ok"] - c[f"cal_{what}_{b}_conf"])
                     for b in range(CALIBRATION_BINS)) / total)


def stance_metrics(gold: Iterable[str], pred: Iterable[Optional[str]]) -> dict[str, float]:
    """Stance macro-F1, F_avg and accuracy of parallel label lists (the scorer `attrib eval` uses)."""
    c: Counter = Counter(f"stance_{g}_{p or 'none'}" for g, p in zip(gold, pred))
    m: dict[str, float] = {}
    _stance_metrics(c, m)
    return m


def _stance_metrics(c: Counter, m: dict[str, float]) -> None:
    stance_n = sum(v for k, v in c.items() if k.startswith("stance_"))
    if stance_n:
        f1s = {}
        for lab in STANCES:
            tp = c[f"stance_{lab}_{lab}"]
            pred_lab = sum(v for k, v in c.items() if k.startswith("stance_") and k.endswith(f"_{lab}"))
            gold_lab = sum(v for k, v in c.items() if k.startswith(f"stance_{lab}_"))
            f1s[lab] = _f1(_div(tp, pred_lab) if pred_lab else 0.0, _div(tp, gold_lab) if gold_lab else 0.0)
        m["stance_macro_f1"] = float(np.mean([f1s[k] for k in STANCES]))
        m["stance_f_avg"] = float(np.mean([f1s["favor"], f1s["against"]]))
        m["stance_acc"] = sum(c[f"stance_{k}_{k}"] for k in STANCES) / stance_n
    else:
        m["stance_macro_f1"] = m["stance_f_avg"] = m["stance_acc"] = float("nan")



@dataclass
class Report:
    metrics: dict[str, float]
    ci: dict[str, tuple[float, float]]
    counts: Counter
    by_kind: dict[str, dict[str, float]]
    by_publisher: dict[str, dict[str, float]]
    missing_predictions: list[str]
    extra_predictions: list[str]

    def to_dict(self) -> dict:
        clean = lambda v: None if isinstance(v, float) and np.isnan(v) else v  # noqa: E731
        return {
            "metrics": {k: clean(v) for k, v in self.metrics.items()},
            "ci95": {k: [clean(lo), clean(hi)] for k, (lo, hi) in self.ci.items()},
            "counts": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in sorted(self.counts.items())},
            "by_kind": {k: {m: clean(v) for m, v in d.items()} for k, d in self.by_kind.items()},
            "by_publisher": {k: {m: clean(v) for m, v in d.items()} for k, d in self.by_publisher.items()},
            "missing_predictions": self.missing_predictions,
            "extra_predictions": self.extra_predictions,
        }


def bootstrap_ci(per_article: list[Counter], n: int = 1000, seed: int = 0, alpha: float = 0.05) -> dict[str, tuple[float, float]]:
    """Percentile confidence intervals from resampling whole articles with replacement."""
    if not per_article or n <= 0:
        return {}
    keys = sorted({k for c in per_article for k in c})
    matrix = np.array([[c.get(k, 0) for k in keys] for c in per_article], dtype=float)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(per_article), [1 / len(per_article)] * len(per_article), size=n)
    sums = weights @ matrix
    samples: dict[str, list[float]] = {}
    for row in sums:
        for k, v in metrics_from_counts(Counter(dict(zip(keys, row)))).items():
            samples.setdefault(k, []).append(v)
    out = {}
    for k, vals in samples.items():
        arr = np.array(vals)
        arr = arr[~np.isnan(arr)]
        if arr.size:
            out[k] = (float(np.quantile(arr, alpha / 2)), float(np.quantile(arr, 1 - alpha / 2)))
    return out


def _filter_kind(article: Article, kind: str) -> Article:
    return Article(id=article.id, text=article.text, title=article.title, targets=article.targets,
                   meta=article.meta, attributions=[a for a in article.attributions if a.kind == kind])


def evaluate(gold: Iterable[Article], pred: Iterable[Article], bootstrap: int = 1000, seed: int = 0) -> Report:
    """Score predictions against gold, matched by article id."""
    gold = list(gold)
    pred_by_id = {a.id: a for a in pred}
    gold_ids = {a.id for a in gold}
    per_article = []
    by_pub: dict[str, Counter] = {}
    kind_counts: dict[str, Counter] = {}
    for art in gold:
        p = pred_by_id.get(art.id)
        if p is not None and p.text != art.text:
            raise ValueError(f"article {art.id!r}: predicted text differs from gold text, offsets cannot be compared")
        c = article_counts(art, p)
        per_article.append(c)
        by_pub.setdefault(str(art.meta.get("publisher", "unknown")), Counter()).update(c)
        for kind in ("direct", "indirect", "mixed"):
            kc = article_counts(_filter_kind(art, kind), _filter_kind(p, kind) if p is not None else None)
            kind_counts.setdefault(kind, Counter()).update(kc)
    total: Counter = Counter()
    for c in per_article:
        total.update(c)
    return Report(
        metrics=metrics_from_counts(total),
        ci=bootstrap_ci(per_article, n=bootstrap, seed=seed),
        counts=total,
        by_kind={k: metrics_from_counts(c) for k, c in kind_counts.items() if c["gold_n"] or c["pred_n"]},
        by_publisher={k: metrics_from_counts(c) for k, c in sorted(by_pub.items())},
        missing_predictions=sorted(gold_ids - set(pred_by_id)),
        extra_predictions=sorted(set(pred_by_id) - gold_ids),
    )


@dataclass
class Miss:
    article_id: str
    gold: Attribution
    pred: Optional[Attribution]
    jaccard: float
    reason: str


def worst_misses(gold: Iterable[Article], pred: Iterable[Article], n: int = 10) -> list[tuple[Article, Miss]]:
    """Gold attributions missed or got wrong end-to-end, worst (lowest overlap) first."""
    pred_by_id = {a.id: a for a in pred}
    out = []
    for art in gold:
        p = pred_by_id.get(art.id)
        p_atts = p.attributions if p else []
        paired = {pr.gold: pr for pr in pair_attributions(art.text, art.attributions, p_atts)}
        for gi, g in enumerate(art.attributions):
            pr = paired.get(gi)
            if pr is None:
                out.append((art, Miss(art.id, g, None, 0.0, "not found")))
            elif pr.jaccard < E2E_JACCARD:
                out.append((art, Miss(art.id, g, p_atts[pr.pred], pr.jaccard, "content overlap below 0.5")))
            elif not _source_right(art.text, g, p_atts[pr.pred]):
                out.append((art, Miss(art.id, g, p_atts[pr.pred], pr.jaccard, "wrong source")))
    out.sort(key=lambda t: (t[1].jaccard, t[1].article_id))
    return out[:n]
