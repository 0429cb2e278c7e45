"""Readable rich tables for evaluation reports and predictions."""
from __future__ import annotations

import math
from typing import Iterable

from rich.console import Console
from rich.table import Table

from .metrics import Miss, Report
from .schema import Article
from .text import context


def _fmt(v: float) -> str:
    return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.3f}"


def report_table(report: Report, title: str = "attrib eval") -> Table:
    table = Table(title=title)
    for col in ("metric", "P", "R", "F1 / value", "95% CI"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    m, ci = report.metrics, report.ci
    for prefix in ("content_exact", "content_overlap", "source_exact", "source_overlap", "cue_exact",
                   "cue_overlap", "attribution", "outlet"):
        f1 = f"{prefix}_f1"
        lo, hi = ci.get(f1, (float("nan"), float("nan")))
        table.add_row(prefix.replace("_", " "), _fmt(m[f"{prefix}_p"]), _fmt(m[f"{prefix}_r"]), _fmt(m[f1]),
                      f"{_fmt(lo)}–{_fmt(hi)}")
    for key in ("speaker_strict_acc", "speaker_lenient_acc", "stance_macro_f1", "stance_f_avg", "kind_acc"):
        lo, hi = ci.get(key, (float("nan"), float("nan")))
        table.add_row(key.replace("_", " "), "", "", _fmt(m[key]), f"{_fmt(lo)}–{_fmt(hi)}")
    # Calibration: expected calibration error of the confidences (0 = perfectly calibrated).
    for key in ("attribution_ece", "stance_ece"):
        if not math.isnan(m.get(key, float("nan"))):
            table.add_row(key.replace("_ece", " confidence ECE").replace("_", " "), "", "", _fmt(m[key]), "")
    c = report.counts
    table.caption = (f"{c['articles']} articles, {c['gold_n']} gold / {c['pred_n']} predicted attributions, "
                     f"{c['paired']} paired")
    return table


def breakdown_table(rows: dict[str, dict[str, float]], title: str) -> Table:
    keys = ["content_exact_f1", "content_overlap_f1", "source_exact_f1", "cue_exact_f1", "attribution_f1"]
    table = Table(title=title)
    table.add_column(title.split()[-1])
    for k in keys:
        table.add_column(k.replace("_f1", "").replace("_", " "), justify="right")
    for name, m in rows.items():
        table.add_row(name, *[_fmt(m[k]) for k in keys])
    return table


def print_report(report: Report, console: Console, breakdown: bool = True) -> None:
    console.print(report_table(report))
    if breakdown:
        console.print(breakdown_table(report.by_kind, "F1 by kind"))
        console.print(breakdown_table(report.by_publisher, "F1 by publisher"))
    if report.missing_predictions:
        console.print(f"[yellow]{len(report.missing_predictions)} gold article(s) have no prediction "
                      f"(scored as empty): {', '.join(report.missing_predictions[:5])}…[/]")
    if report.extra_predictions:
        console.print(f"[yellow]{len(report.extra_predictions)} predicted article(s) are not in gold (ignored)[/]")


def print_misses(misses: Iterable[tuple[Article, Miss]], console: Console) -> None:
    for art, miss in misses:
        console.rule(f"{miss.article_id} — {miss.reason} (content Jaccard {miss.jaccard:.2f})")
        console.print(f"[bold]gold content[/]: {context(art.text, miss.gold.content, 60)}", highlight=False)
        console.print(f"[bold]gold source[/]: {art.span_text(miss.gold.source) or '—'}", highlight=False)
        if miss.pred is not None:
            console.print(f"[bold]predicted[/]: {art.span_text(miss.pred.content)[:200]}", highlight=False)
            console.print(f"[bold]predicted source[/]: {art.span_text(miss.pred.source) or '—'}", highlight=False)


def predictions_table(articles: Iterable[Article], max_chars: int = 160) -> Table:
    """One row per attribution; columns that are empty everywhere (e.g. no outlets yet) are left out."""
    articles = list(articles)
    rows = []
    for art in articles:
        for att in art.attributions:
            content = art.span_text(att.content)
            if len(content) > max_chars:
                content = content[: max_chars - 1] + "…"
            rows.append({
                "article": art.id, "kind": att.kind or "", "source": art.span_text(att.source),
                "cue": art.span_text(att.cue), "content": content, "speaker": att.speaker or "",
                "outlet": att.outlet or "", "stance": att.stance or "",
                "conf": "" if att.confidence is None else f"{att.confidence:.2f}",
            })
    columns = [c for c in ("article", "kind", "source", "cue", "content", "speaker", "outlet", "stance", "conf")
               if any(r[c] for r in rows) and not (c == "article" and len(articles) == 1)]
    title = f"{len(rows)} attributions" + (f" in {articles[0].id}" if len(articles) == 1 else "")
    table = Table(title=title, show_lines=True)
    for col in columns:
        table.add_column(col, overflow="fold", ratio=4 if col == "content" else 1, no_wrap=col in ("conf", "kind"))
    for r in rows:
        table.add_row(*[r[c] for c in columns])
    return table


VERDICT_STYLE = {"supported": "green", "not-found": "red", "paraphrase-only": "yellow"}


def verdicts_table(verdicts: Iterable, max_chars: int = 90) -> Table:
    """One row per checked claim: verdict, the claim, and the article's own words with their attribution."""
    table = Table(title="claims checked", show_lines=True)
    for col in ("claim", "verdict", "conf", "article says", "speaker / outlet / stance", "why"):
        table.add_column(col, justify="right" if col == "conf" else "left")
    for v in verdicts:
        ev = v.evidence or {}
        words = ev.get("content_text") or ""
        words = words if len(words) <= max_chars else words[: max_chars - 1] + "…"
        who = " / ".join(str(ev.get(k) or "—") for k in ("speaker", "outlet", "stance")) if ev else ""
        style = VERDICT_STYLE.get(v.verdict, "magenta")
        table.add_row(v.claim.text[:max_chars], f"[{style}]{v.verdict}[/]", f"{v.confidence:.2f}", words, who, v.reason)
    return table


def sourcing_tables(report) -> list[Table]:
    """The sourcing report as rich tables: counts, outlets, flagged articles."""
    counts = Table(title=f"sourcing — {report.articles} article(s), {report.attributions} attributions")
    counts.add_column("what")
    counts.add_column("count", justify="right")
    counts.add_column("share", justify="right")
    total = max(1, report.attributions)
    for label, counter in (("source", report.by_source), ("kind", report.by_kind)):
        for key, n in counter.most_common():
            counts.add_row(f"{label}: {key}", str(n), f"{n / total:.0%}")
    counts.add_row("single-source articles", str(len(report.single_source)), "")
    counts.add_row("articles with no attribution", str(len(report.no_attribution)), "")
    counts.add_row("claim-like sentences attributed to no one (best-effort)",
                   str(sum(len(v) for v in report.unattributed_claims.values())), "")
    outlets = Table(title="outlets relied on")
    outlets.add_column("outlet")
    outlets.add_column("attributions", justify="right")
    for name, n in report.outlets.most_common(15):
        outlets.add_row(name, str(n))
    return [counts, outlets]
