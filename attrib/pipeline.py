"""Attributor: text in, attribution records out (windows, batching, merging, decoding)."""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union, overload

import numpy as np
import torch

from .data.features import TokenizedArticle, Window, wrap_special_tokens, make_windows, tokenize_articles
from .calibration import apply_platt
from .decode import (best_links, build_attributions, mask_far, merge_windows, paragraph_starts, tags_to_spans, viterbi_many,
                     without_fragments, without_speakers_as_content)
from .schema import Article, Attribution
from .modeling.modeling_attrib import SpanLinker
from .modeling.modeling_outlet import OutletClassifier
from .modeling.modeling_speaker import SpeakerRanker
from .outlets import assign_outlets, detect_outlets
from .speaker_naming import apply_naming
from .speaker_ranking import rank_speakers
from .questions import asker_not_answerer
from .relay import inner_speakers
from .signed_quotes import with_signed_sources
from .content_edges import (with_continued_quotes, with_interrupted_openings, with_roles_in_sources, with_trimmed_edges,
                            with_whole_names_in_sources, with_coordinated_sources)
from .addressee import addressee_out_of_content, channel_out_of_content, channel_out_of_source, speaker_not_addressee
from .datelines import without_datelines
from .precision import autocast, fuse_dense_gelu, quantize_encoder
from .precision import resolve as resolve_precision
from .speakers import first_person_authors, prominent_entity, resolve_speakers
from .stance import STANCE_SUBDIR, StanceClassifier
from .furniture import reading_text
from .transcripts import with_transcript_turns

AUTO_TARGET = "auto"
OUTLET_SUBDIR = "outlet"
SPEAKER_SUBDIR = "speaker"

DEFAULT_MODEL_NAME = "attrib-minilm-l6"
PICKLE_SUFFIXES = {".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt"}


class ModelLoadError(RuntimeError):
    """A model directory that is missing, incomplete, corrupt, or holds pickled weights."""


@dataclass(frozen=True)
class ArticleFailure:
    """An article the pipeline failed on (see `Attributor.predict_safely`): its id and the error."""

    article_id: str
    error: Exception

    @property
    def message(self) -> str:
        return f"failed ({type(self.error).__name__}: {str(self.error)[:200]})"

    def __str__(self) -> str:
        return f"{self.article_id}: {self.message}"


def default_model_dir() -> Path:
    """$ATTRIB_MODEL, else the shipped default model in the repository's models/ folder."""
    env = os.environ.get("ATTRIB_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models" / DEFAULT_MODEL_NAME


def check_model_dir(path: Union[str, Path]) -> Path:
    path = Path(path)
    if not path.is_dir():
        raise ModelLoadError(f"{path}: model directory not found")
    pickles = sorted(p.name for p in path.iterdir() if p.suffix in PICKLE_SUFFIXES)
    if pickles:
        raise ModelLoadError(f"{path}: refusing pickled weights ({', '.join(pickles)}); only safetensors are loaded")
    for needed in ("config.json", "model.safetensors"):
        if not (path / needed).is_file():
            raise ModelLoadError(f"{path}: missing {needed}")
    return path


def _load_part(folder: Path, what: str, load: Callable[[Path], object]):
    """An optional part of a model folder (stance/, outlet/): None when absent, a clear error when broken."""
    if not folder.is_dir():
        return None
    folder = check_model_dir(folder)
    try:
        return load(folder)
    except Exception as err:  # transformers raises many types for a corrupt folder
        raise ModelLoadError(f"{folder}: cannot load {what} ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None


@contextmanager
def quiet_weight_loading() -> Iterator[None]:
    """Hide transformers' per-file "Loading weights" bars: one model folder loads four of them,
    which buried `attrib run`'s own progress and summary; a caller's own setting comes back after."""
    from transformers.utils import logging as hf_logging

    was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_on:
            hf_logging.enable_progress_bar()


@dataclass
class _Job:
    article: int
    window: int
    ids: list[int]
    prefix: int


# Batch widths are rounded up to a multiple of this: oneDNN keeps kernels and buffers per bf16 matmul
# shape, so every new width cost memory for good (an archive run grew past 2 GB); eight widths do not.
PAD_MULTIPLE = 32


def padded_width(width: int, cap: int) -> int:
    """`width` rounded up to a multiple of `PAD_MULTIPLE`, but never past `cap` (the longest window)."""
    return min(max(cap, width), -(-width // PAD_MULTIPLE) * PAD_MULTIPLE)


class Attributor:
    """Finds attributions in articles with a trained `AttribModel`.

    >>> attributor = Attributor.from_pretrained()          # the shipped default
    >>> article = attributor("Putin said the talks went well.")
    >>> [article.span_text(a.source) for a in article.attributions]
    """

    def __init__(self, model, tokenizer, batch_size: int = 16, threads: Optional[int] = None,
                 stance: Optional[StanceClassifier] = None, outlet=None, speaker=None,
                 precision: str = "fp32") -> None:
        self.precision = resolve_precision(precision)
        if self.precision == "int8":
            # A quantised copy: a stance branch sharing the fp32 layers keeps them.
            model.encoder = quantize_encoder(model.encoder)
        elif self.precision == "bf16":
            # bf16 weights, not only autocast: autocast re-casts every fp32 weight on every call, which
            # cost the stance branch's many small batches a third of their time (500 -> 686 passages/s,
            # same PolNeAR-dev stance macro-F1). Heads stay fp32; autocast still guards mixed inputs.
            model.encoder.to(torch.bfloat16)
            if stance is not None:
                stance.model.to(torch.bfloat16)
        if self.precision != "int8":
            # The stance branch's shared lower layers are the attribution model's own modules: fused once.
            fuse_dense_gelu(model.encoder)
            if stance is not None:
                fuse_dense_gelu(stance.model.encoder)
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.stance = stance
        self.outlet = outlet.eval() if outlet is not None else None
        self.speaker = speaker.eval() if speaker is not None else None
        self.batch_size = batch_size
        if threads:
            torch.set_num_threads(threads)
        cfg = model.config
        self.max_tokens = cfg.max_window_tokens
        self.stride = cfg.window_stride
        self.max_link_distance = cfg.max_link_distance
        self.transitions = np.array(cfg.tag_transitions, dtype=np.float64) if cfg.tag_transitions else None
        self.transition_weight = cfg.transition_weight
        self.outside_bias = getattr(cfg, "outside_bias", 0.0)

    @classmethod
    def from_pretrained(cls, path: Optional[Union[str, Path]] = None, batch_size: int = 16,
                        threads: Optional[int] = None, precision: str = "auto") -> "Attributor":
        path = check_model_dir(path or default_model_dir())
        with quiet_weight_loading():
            return cls._load(path, batch_size, threads, precision)

    @classmethod
    def _load(cls, path: Path, batch_size: int, threads: Optional[int], precision: str) -> "Attributor":
        from transformers import AutoTokenizer

        from .modeling.modeling_attrib import AttribModel

        try:
            model = AttribModel.from_pretrained(path, use_safetensors=True, dtype=torch.float32)
            tokenizer = AutoTokenizer.from_pretrained(path)
        except Exception as err:  # transformers raises many types for a corrupt folder
            raise ModelLoadError(f"{path}: cannot load model ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None
        stance = _load_part(path / STANCE_SUBDIR, "stance branch", lambda d: StanceClassifier.from_pretrained(
            d, attrib_model=model, tokenizer=tokenizer))
        outlet = _load_part(path / OUTLET_SUBDIR, "outlet classifier", lambda d: OutletClassifier.from_pretrained(
            d, use_safetensors=True, dtype=torch.float32))
        speaker = _load_part(path / SPEAKER_SUBDIR, "speaker ranker", lambda d: SpeakerRanker.from_pretrained(
            d, use_safetensors=True, dtype=torch.float32))
        return cls(model, tokenizer, batch_size=batch_size, threads=threads or os.cpu_count(), stance=stance,
                   outlet=outlet, speaker=speaker, precision=precision)

    @overload
    def __call__(self, inputs: Union[str, Article]) -> Article: ...
    @overload
    def __call__(self, inputs: list) -> list[Article]: ...

    def __call__(self, inputs, targets: Optional[Sequence[str]] = None):
        """Attribute a string, an `Article`, or a list of either (`targets`: see `predict`)."""
        if isinstance(inputs, (str, Article)):
            return next(self.predict([inputs], targets=targets))
        return list(self.predict(inputs, targets=targets))

    def predict(self, inputs: Iterable[Union[str, Article]], chunk_size: int = 64,
                on_article: Optional[Callable[[Article, int], None]] = None,
                targets: Optional[Sequence[str]] = None) -> Iterator[Article]:
        """Yield one predicted `Article` per input, in input order (gold attributions are dropped).

        Stance is judged toward `targets` when given (each attribution then carries `stances`
        for every target and `stance` for the first; `["auto"]` picks each article's most
        prominent name and writes it to the article's `targets`), else toward the article's
        own `targets`; with neither, stance stays null.
        """
        chunk: list[Article] = []
        for i, item in enumerate(inputs):
            art = item if isinstance(item, Article) else Article(id=f"text-{i}", text=item)
            chunk.append(art)
            if len(chunk) == chunk_size:
                yield from self._predict_chunk(chunk, on_article, targets)
                chunk = []
        if chunk:
            yield from self._predict_chunk(chunk, on_article, targets)

    def predict_safely(self, inputs: Iterable[Union[str, Article]], chunk_size: int = 64,
                       on_article: Optional[Callable[[Article, int], None]] = None,
                       targets: Optional[Sequence[str]] = None) -> Iterator[Union[Article, ArticleFailure]]:
        """As `predict`, but an article the pipeline fails on yields an `ArticleFailure` in its place instead
        of ending the run: a chunk that raises is done again one article at a time, so the others go on
        (a batch of an archive is not lost to one odd article)."""
        articles = [item if isinstance(item, Article) else Article(id=f"text-{i}", text=item)
                    for i, item in enumerate(inputs)]
        for start in range(0, len(articles), chunk_size):
            chunk = articles[start:start + chunk_size]
            try:
                # Callbacks run only once a whole chunk is done, so a retried chunk reports no article twice.
                yield from list(self._predict_chunk(chunk, on_article, targets))
            except Exception:
                for art in chunk:
                    try:
                        yield from list(self._predict_chunk([art], on_article, targets))
                    except Exception as error:
                        yield ArticleFailure(art.id, error)

    def _encode_jobs(self, toks: list[TokenizedArticle]) -> tuple[list[list[Window]], list[_Job]]:
        windows, jobs = [], []
        for a, tok in enumerate(toks):
            wins = make_windows(len(tok), self.max_tokens, self.stride) if len(tok) else []
            windows.append(wins)
            for w, win in enumerate(wins):
                ids, prefix = wrap_special_tokens(self.tokenizer, tok.ids[win.start:win.end])
                jobs.append(_Job(a, w, ids, prefix))
        return windows, jobs

    def batches(self, toks: list[TokenizedArticle], windows: list[list[Window]], jobs: list[_Job]
                ) -> Iterator[tuple[list[_Job], torch.Tensor, torch.Tensor, torch.Tensor]]:
        """Padded (jobs, input_ids, attention_mask, shape_ids), longest windows first (dynamic padding)."""
        order = sorted(range(len(jobs)), key=lambda j: -len(jobs[j].ids))
        pad = self.tokenizer.pad_token_id or 0
        longest = max((len(job.ids) for job in jobs), default=0)
        for b in range(0, len(order), self.batch_size):
            batch = [jobs[j] for j in order[b:b + self.batch_size]]
            width = padded_width(max(len(job.ids) for job in batch), longest)
            ids = torch.full((len(batch), width), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            shapes = torch.zeros((len(batch), width), dtype=torch.long)
            for r, job in enumerate(batch):
                win = windows[job.article][job.window]
                ids[r, :len(job.ids)] = torch.tensor(job.ids)
                mask[r, :len(job.ids)] = 1
                shapes[r, job.prefix: job.prefix + win.end - win.start] = torch.tensor(toks[job.article].shapes[win.start:win.end])
            yield batch, ids, mask, shapes

    def prepare(self, articles: list[Article]) -> tuple[list[TokenizedArticle], list[list[Window]], list[_Job]]:
        """Tokenise each article once and cut it into windows."""
        toks = tokenize_articles([a.text for a in articles], self.tokenizer)
        windows, jobs = self._encode_jobs(toks)
        return toks, windows, jobs

    @torch.inference_mode()
    def _run_windows(self, toks: list[TokenizedArticle], windows: list[list[Window]], jobs: list[_Job]
                     ) -> dict[tuple[int, int], tuple[torch.Tensor, torch.Tensor]]:
        """Encoder + tagger over every window; returns each window's article-token rows."""
        results = {}
        for batch, ids, mask, shapes in self.batches(toks, windows, jobs):
            with autocast(self.precision):
                states = self.model.token_states(ids, mask, shapes)
                tags = self.model.tagger(states).float().softmax(-1)
            states = states.float()
            for r, job in enumerate(batch):
                win = windows[job.article][job.window]
                sl = slice(job.prefix, job.prefix + win.end - win.start)
                results[(job.article, job.window)] = (states[r, sl], tags[r, sl])
        return results

    @torch.inference_mode()
    def encode(self, articles: list[Article]) -> Iterator[tuple[TokenizedArticle, Optional[torch.Tensor], Optional[torch.Tensor]]]:
        """Per article: its tokens, merged token states [T, H] and tag probabilities [T, tags] (None if empty)."""
        toks, windows, jobs = self.prepare(articles)
        results = self._run_windows(toks, windows, jobs)
        for a, tok in enumerate(toks):
            wins = windows[a]
            if not wins:
                yield tok, None, None
                continue
            breaks = paragraph_starts(articles[a].text, tok) if len(wins) > 1 else None
            # Popped, so a chunk never holds its window states and its merged states whole at once.
            parts = [results.pop((a, w)) for w in range(len(wins))]
            states = merge_windows(wins, [p[0] for p in parts], len(tok), breaks)
            probs = merge_windows(wins, [p[1] for p in parts], len(tok), breaks)
            yield tok, states, probs

    @torch.inference_mode()
    def _predict_chunk(self, chunk: list[Article], on_article, targets: Optional[Sequence[str]] = None
                       ) -> Iterator[Article]:
        outs, sizes = [], []
        encoded = list(self.encode(chunk))
        paths = self.tag_paths([probs for _, _, probs in encoded])
        for i, (art, path) in enumerate(zip(chunk, paths)):
            (tok, states, probs), encoded[i] = encoded[i], None  # each article's states go once it is done
            atts, mentions, csum = [], [], None
            plain = replace(art, text=reading_text(art.text))
            if states is not None:
                # One prefix sum of the token states serves every span mean: linkers, outlets, speakers.
                csum = SpanLinker.prefix_sums(states.float()[None])
                atts = self._decode(plain.text, tok, states, probs, path, csum)
                if self.outlet is not None and atts:
                    mentions = detect_outlets(self.outlet, replace(plain, attributions=atts), tok, states, csum=csum[0])
            out = resolve_speakers(replace(plain, attributions=atts))
            if self.speaker is not None and atts:
                out = rank_speakers(self.speaker, out, tok, states, csum[0])
            out = apply_naming(first_person_authors(out))
            if self.outlet is not None:
                out = assign_outlets(out, mentions)
            outs.append(out)
            sizes.append(len(tok))
        if self.stance is not None:
            outs = self._stances(outs, targets)
        outs = [replace(out, text=art.text) for out, art in zip(outs, chunk)]
        for out, size in zip(outs, sizes):
            if on_article:
                on_article(out, size)
            yield out

    def _stances(self, articles: list[Article], targets: Optional[Sequence[str]]) -> list[Article]:
        """Stance for a whole chunk at once: one length-sorted batching over all its attributions."""
        if targets is not None and list(targets) == [AUTO_TARGET]:
            articles = [replace(a, targets=[p] if (p := prominent_entity(a)) else []) for a in articles]
            targets = None
        with autocast(self.precision):
            return self.stance.assign_many(articles, targets)

    def tag_paths(self, probs: Sequence[Optional[torch.Tensor]]) -> list[Optional[np.ndarray]]:
        """Each article's tag ids (None where it has no tokens): Viterbi under the transition
        priors, run over all the articles at once, else the most probable tag per token."""
        log_probs = []
        for p in probs:
            if p is not None:
                lp = np.log(p.numpy().astype(np.float64) + 1e-9)
                lp[:, 0] -= self.outside_bias
                log_probs.append(lp)
        if self.transitions is not None:
            found = iter(viterbi_many(log_probs, self.transitions, self.transition_weight))
        else:
            found = iter(lp.argmax(-1) for lp in log_probs)
        return [None if p is None else next(found) for p in probs]

    def _decode(self, text: str, tok: TokenizedArticle, states: torch.Tensor, probs: torch.Tensor,
                tags: Optional[np.ndarray] = None, csum: Optional[torch.Tensor] = None):
        if tags is None:
            tags = self.tag_paths([probs])[0]
        spans = tags_to_spans(tags, paragraph_starts(text, tok))
        if not len(spans["content"]):
            return self._calibrated(with_transcript_turns(text, []))
        conf = probs.max(-1).values.numpy()
        content_conf = np.array([conf[s:e + 1].mean() for s, e in spans["content"]])
        h = states[None].float()
        csum = SpanLinker.prefix_sums(h) if csum is None else csum
        content = torch.from_numpy(spans["content"])[None]
        links = []
        for linker, role in ((self.model.cue_linker, "cue"), (self.model.source_linker, "source")):
            cand = torch.from_numpy(spans[role])[None].reshape(1, -1, 2)
            logits = mask_far(linker(h, content, cand, csum), content, cand, self.max_link_distance)
            links.append(best_links(logits[0]))
        atts = build_attributions(text, tok, spans, content_conf, links[0], links[1])
        atts = inner_speakers(text, without_datelines(text, atts))
        atts = asker_not_answerer(text, addressee_out_of_content(text, speaker_not_addressee(text, atts)))
        atts = without_fragments(text, channel_out_of_source(text, channel_out_of_content(text, atts)))
        atts = without_speakers_as_content(with_trimmed_edges(text, with_interrupted_openings(text, atts)))
        atts = with_coordinated_sources(text, with_whole_names_in_sources(text, with_roles_in_sources(text, atts)))
        atts = with_continued_quotes(text, with_signed_sources(text, atts))
        return self._calibrated(with_transcript_turns(text, atts))

    def _calibrated(self, atts: list[Attribution]) -> list[Attribution]:
        """Confidences through the model's Platt scaling, when it has one."""
        calibration = getattr(self.model.config, "confidence_calibration", None)
        if calibration:
            atts = [replace(a, confidence=apply_platt(a.confidence, calibration)) for a in atts]
        return atts
