"""A self-contained HTML page of one article with its attributions highlighted.

The text is cut at every span boundary; each piece is one <span> whose `data-roles`
lists the attribution roles covering it ("3:content 5:source"), so a browser test (or a
reader's script) can rebuild every highlighted span from the page. Colours follow the
speaker; hovering or focusing a piece shows a card with speaker, outlet, stance and
confidence. No scripts, fonts or images are fetched: the page opens offline.
"""
from __future__ import annotations

import hashlib
import html
from typing import Optional

from .schema import Article, Attribution

ROLES = ("content", "cue", "source", "outlet_span")
# The role drawn when pieces of several attributions overlap: the narrowest wins.
ROLE_PRIORITY = {"outlet_span": 0, "source": 1, "cue": 2, "content": 3}

CSS = """
body { font: 17px/1.65 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; background: #fcfcfa; }
header h1 { font-size: 1.5rem; line-height: 1.3; margin-bottom: .2rem; }
header p { color: #666; margin-top: 0; font: 14px/1.4 system-ui, sans-serif; }
.legend { font: 13px/1.8 system-ui, sans-serif; color: #444; border-bottom: 1px solid #ddd; padding-bottom: .6rem; }
.legend span { margin-right: 1rem; }
.article { white-space: pre-wrap; }
.seg { position: relative; border-radius: 2px; }
.content { background: hsla(var(--hue), 80%, 70%, .30); }
.cue { font-style: italic; text-decoration: underline dotted hsl(var(--hue), 60%, 35%); }
.source { font-weight: bold; color: hsl(var(--hue), 65%, 30%); border-bottom: 2px solid hsl(var(--hue), 65%, 45%); }
.outlet_span { outline: 2px solid hsl(var(--hue), 60%, 40%); outline-offset: 1px; font-variant: small-caps; }
.seg[data-card]:hover::after, .seg[data-card]:focus::after {
  content: attr(data-card); white-space: pre; position: absolute; left: 0; top: 1.6em; z-index: 10;
  font: 13px/1.5 system-ui, sans-serif; font-weight: normal; font-style: normal; font-variant: normal;
  background: #fff; color: #222; border: 1px solid #bbb; border-radius: 6px; padding: .5rem .7rem;
  box-shadow: 0 4px 14px rgba(0,0,0,.15); }
.summary { font: 14px/1.5 system-ui, sans-serif; margin-top: 2rem; border-top: 1px solid #ddd; }
.summary td, .summary th { padding: .2rem .6rem; text-align: left; vertical-align: top; }
"""


def speaker_hue(name: Optional[str]) -> int:
    """A stable hue per speaker (grey-blue for unnamed sources)."""
    if not name:
        return 210
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:6], 16) % 360


def _card(index: int, att: Attribution, article: Article) -> str:
    lines = [f"attribution {index}" + (f" ({att.kind})" if att.kind else ""),
             f"speaker: {att.speaker or '— (' + (article.span_text(att.source) or 'no source') + ')'}",
             f"outlet: {att.outlet or '—'}"]
    if att.stances:
        lines += [f"stance toward {t}: {s or '—'}" for t, s in att.stances.items()]
    elif article.targets:
        lines.append(f"stance toward {article.targets[0]}: {att.stance or '—'}"
                     + (f" ({att.stance_confidence:.2f})" if att.stance_confidence is not None else ""))
    if att.confidence is not None:
        lines.append(f"confidence: {att.confidence:.2f}")
    return "\n".join(lines)


def _segments(article: Article) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """(start, end, [(attribution index, role), …]) for every piece between span boundaries."""
    n = len(article.text)
    cover: list[tuple[int, int, int, str]] = []
    for i, att in enumerate(article.attributions):
        for role in ROLES:
            for s, e in getattr(att, role):
                if 0 <= s < e <= n:
                    cover.append((s, e, i, role))
    cuts = sorted({0, n, *(s for s, _, _, _ in cover), *(e for _, e, _, _ in cover)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        roles = [(i, role) for s, e, i, role in cover if s <= start and end <= e]
        out.append((start, end, sorted(roles, key=lambda r: (ROLE_PRIORITY[r[1]], r[0]))))
    return out


def render_html(article: Article, title: Optional[str] = None) -> str:
    """The page for one article (predicted or gold attributions) as a string."""
    atts = article.attributions
    pieces = []
    for start, end, roles in _segments(article):
        chunk = html.escape(article.text[start:end])
        if not roles:
            pieces.append(chunk)
            continue
        top_index, top_role = roles[0]
        att = atts[top_index]
        data_roles = " ".join(f"{i}:{r}" for i, r in roles)
        classes = " ".join(dict.fromkeys(["seg", top_role] + [r for _, r in roles]))
        pieces.append(
            f'<span class="{classes}" tabindex="0" style="--hue: {speaker_hue(att.speaker)}" '
            f'data-roles="{data_roles}" data-card="{html.escape(_card(top_index, att, article), quote=True)}">{chunk}</span>')
    speakers = sorted({a.speaker or "(unnamed)" for a in atts})
    legend = "".join(f'<span style="color: hsl({speaker_hue(None if s == "(unnamed)" else s)}, 65%, 35%)">■ {html.escape(s)}</span>'
                     for s in speakers)
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape(a.speaker or '—')}</td><td>{html.escape(a.outlet or '—')}</td>"
        f"<td>{html.escape(a.stance or '—')}</td><td>{html.escape(article.span_text(a.content)[:140])}</td></tr>"
        for i, a in enumerate(atts))
    heading = html.escape(title or article.title or article.id)
    meta = f"{len(atts)} attributions" + (f" · stance toward {html.escape(article.targets[0])}" if article.targets else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title><style>{CSS}</style></head>
<body><header><h1>{heading}</h1><p>{meta} · content highlighted, <i>cue</i> dotted, <b>source</b> bold,
outlet boxed; hover or tab to a highlight for its card</p></header>
<div class="legend">{legend}</div>
<div class="article" id="article" data-article-id="{html.escape(article.id, quote=True)}">{''.join(pieces)}</div>
<table class="summary"><thead><tr><th>#</th><th>speaker</th><th>outlet</th><th>stance</th><th>content</th></tr></thead>
<tbody>{rows}</tbody></table>
</body></html>
"""
