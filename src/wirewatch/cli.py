"""The `wirewatch` command: a thin shell over the library API."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from wirewatch import pipeline
from wirewatch.errors import WirewatchError
from wirewatch.knowledge.editing import add_alias, add_entity
from wirewatch.knowledge.kbfile import KnowledgeFileError
from wirewatch.stages.entities import USER_KNOWLEDGE_ENV
from wirewatch.export import CsvTable, ExportFormat, export_to_path, export
from wirewatch.store import Store, open_store

app = typer.Typer(help="Read raw conflict news in many languages; get events, figures, claims and stories.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="The store: a SQLite file (created if missing).")]


@contextlib.contextmanager
def _store(db: Path) -> Iterator[Store]:
    try:
        store = open_store(db)
    except WirewatchError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2) from e
    try:
        yield store
    except WirewatchError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(1) from e
    finally:
        store.close()


@contextlib.contextmanager
def _progress_bars() -> Iterator[pipeline.Progress]:
    bars = Progress(
        TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=False, disable=not err.is_terminal,
    )
    tasks: dict[str, int] = {}

    def report(phase: str, done: int, total: int | None) -> None:
        if phase not in tasks:
            tasks[phase] = bars.add_task(phase, total=total)
        bars.update(tasks[phase], completed=done, total=total)

    with bars:
        yield report


@app.command()
def ingest(
    inputs: Annotated[list[Path], typer.Argument(help="JSON Lines files, .txt/.html files or folders, RSS/Atom feeds.")],
    db: DbOption,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line.")] = False,
) -> None:
    """Read articles into the store and analyse them (re-runs add nothing; interrupted runs resume)."""
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    with _store(db) as store, _progress_bars() as progress:
        summary = pipeline.ingest(inputs, store, progress=progress)
    if not quiet:
        for reject in summary.rejected:
            err.print(f"[yellow]rejected[/] {reject}")
    err.print(
        f"read {summary.read}, new {summary.new}, already stored {summary.known}, "
        f"copies {summary.copies + summary.near_duplicates}, rejected {len(summary.rejected)}, "
        f"analysed {summary.analysed}, stories changed {summary.stories_changed}"
    )


@app.command()
def reanalyse(db: DbOption) -> None:
    """Re-run the stages on stored articles analysed by an older wirewatch."""
    with _store(db) as store, _progress_bars() as progress:
        summary = pipeline.analyse_pending(store, progress=progress)
    err.print(f"analysed {summary.analysed}, stories changed {summary.stories_changed}")


@app.command("export")
def export_command(
    db: DbOption,
    fmt: Annotated[str, typer.Option("--format", help="eval | jsonl | csv | stories")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    table: Annotated[str, typer.Option("--table", help="For csv: articles | entities | events | figures")] = "articles",
) -> None:
    """Write articles (or stories) in the eval shape, as full JSON Lines or as CSV."""
    if fmt not in ExportFormat.__args__:  # type: ignore[attr-defined]
        err.print(f"[red]error:[/] unknown format {fmt!r}; choose eval, jsonl, csv or stories")
        raise typer.Exit(2)
    if table not in CsvTable.__args__:  # type: ignore[attr-defined]
        err.print(f"[red]error:[/] unknown table {table!r}; choose articles, entities, events or figures")
        raise typer.Exit(2)
    with _store(db) as store:
        if output is None:
            count = export(store, fmt, sys.stdout, table=table)  # type: ignore[arg-type]
        else:
            count = export_to_path(store, fmt, output, table=table)  # type: ignore[arg-type]
    err.print(f"wrote {count} records" + (f" to {output}" if output else ""))


@app.command()
def stats(
    db: DbOption,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Articles per language, source and day; duplicates; rejects and why."""
    with _store(db) as store:
        figures = store.stats()
    if as_json:
        out.print_json(json.dumps(figures.__dict__))
        return
    out.print(
        f"articles {figures.articles} (analysed {figures.analysed}), duplicates {figures.duplicates}, "
        f"rejected {figures.rejects}, stories {figures.stories}"
    )
    for title, counts in (
        ("language", figures.by_language),
        ("source", figures.by_source),
        ("day", figures.by_day),
        ("reject reason", figures.reject_reasons),
    ):
        if counts:
            table = Table(title=f"by {title}", title_justify="left")
            table.add_column(title)
            table.add_column("articles" if title != "reject reason" else "count", justify="right")
            for key, value in counts.items():
                table.add_row(str(key), str(value))
            out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Full-text query (SQLite FTS5 syntax).")],
    db: DbOption,
    limit: Annotated[int, typer.Option(help="How many hits.")] = 20,
) -> None:
    """Find articles by words in their headline or body."""
    with _store(db) as store:
        for article_id, snippet in store.search(query, limit):
            out.print(f"[bold]{article_id}[/]  {snippet}", highlight=False)


@app.command("stories")
def stories_command(db: DbOption) -> None:
    """List stories with their size, languages and date span."""
    with _store(db) as store:
        stories = store.stories()
    for story in sorted(stories, key=lambda s: (-len(s.article_ids), s.id)):
        span = " – ".join(dict.fromkeys(d.iso() for d in (story.start, story.end) if d)) or "undated"
        count = len(story.article_ids)
        out.print(
            f"[bold]{story.id}[/]  {count} article{'s' * (count != 1)}  {', '.join(story.languages)}  {span}",
            highlight=False,
        )
        out.print(f"    {story.headline}", highlight=False, markup=False)


kb_app = typer.Typer(help="Extend the knowledge base with your own entities and aliases.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


def _user_knowledge_file(path: Path | None) -> Path:
    if path is not None:
        return path
    env = os.environ.get(USER_KNOWLEDGE_ENV, "").split(os.pathsep)[0]
    if env:
        return Path(env)
    err.print(f"[red]error:[/] give --file, or set {USER_KNOWLEDGE_ENV} to the user knowledge file the stages read")
    raise typer.Exit(2)


KbFileOption = Annotated[
    Path | None,
    typer.Option("--file", help=f"User knowledge file (default: the first file in ${USER_KNOWLEDGE_ENV})."),
]


@kb_app.command("add-entity")
def kb_add_entity(
    name: Annotated[str, typer.Argument(help="Canonical name (English Wikipedia title or usual English form).")],
    entity_type: Annotated[str, typer.Option("--type", help="PER, ORG or LOC")],
    alias: Annotated[list[str], typer.Option("--alias", help="LANG:alias, e.g. da:Sjebekino (repeatable)")] = [],
    lat: Annotated[float | None, typer.Option(help="Latitude, for places")] = None,
    lon: Annotated[float | None, typer.Option(help="Longitude, for places")] = None,
    precision: Annotated[str | None, typer.Option(help="country | region | district | settlement | feature")] = None,
    file: KbFileOption = None,
) -> None:
    """Add an entity; articles analysed from now on link to it."""
    path = _user_knowledge_file(file)
    try:
        aliases = [_lang_alias(a) for a in alias]
        entity_id = add_entity(path, name, entity_type.upper(), aliases, lat, lon, precision)  # type: ignore[arg-type]
    except KnowledgeFileError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(1) from e
    out.print(f"added {entity_id} to {path}")


@kb_app.command("add-alias")
def kb_add_alias(
    entity_id: Annotated[str, typer.Argument(help="Id of a built-in or user entity, e.g. org:russian-volunteer-corps")],
    alias: Annotated[str, typer.Argument(help="LANG:alias, or just the alias for any language")],
    file: KbFileOption = None,
) -> None:
    """Add another name for an entity."""
    path = _user_knowledge_file(file)
    try:
        text, lang = _lang_alias(alias) if ":" in alias.split(" ")[0] else (alias, "*")
        add_alias(path, entity_id, text, lang)
    except KnowledgeFileError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(1) from e
    out.print(f"added alias {text!r} ({lang}) for {entity_id} to {path}")


def _lang_alias(value: str) -> tuple[str, str]:
    lang, sep, text = value.partition(":")
    if not sep or not text.strip():
        raise KnowledgeFileError(f"alias must look like LANG:name (e.g. de:Schebekino), not {value!r}")
    return text.strip(), lang.strip() or "*"


def main() -> None:
    app()


if __name__ == "__main__":
    main()
