"""The command line: each command parses its arguments, calls the domain, renders the result.

Start-up time is the price of every command, so this module imports only typer: each command
imports the domain modules it needs (questionary only in `take`, rich only where it prints).
Annotations are evaluated when the functions are defined (no ``from __future__ import
annotations``): typer would otherwise ``eval`` every parameter's annotation on each run.
"""

import contextlib
import functools
import gc
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from krmscan.errors import BadDataError, KrmscanError, UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from krmscan import aggregate, collect, questionnaire

app = typer.Typer(
    help="Medewerkerscan KRM: take the scan, score answers, validate the questionnaire.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")
_debug = False

QuestionnaireOption = Annotated[
    Path | None,
    typer.Option(
        "--questionnaire",
        "-q",
        help="Questionnaire YAML to use instead of the one shipped with krmscan.",
        dir_okay=False,
        readable=False,  # krmscan reports an unreadable file itself (exit 1, bad data)
    ),
]


class Format(str, Enum):
    """Output formats of `score`."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class SchemaKind(str, Enum):
    """The files `schema` describes."""

    questionnaire = "questionnaire"
    answers = "answers"


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a `KrmscanError` as one message on stderr and exit with its code (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KrmscanError as error:
            if _debug:
                raise
            with contextlib.suppress(OSError):  # e.g. the terminal is gone (SIGHUP)
                sys.stderr.write(error.message.rstrip("\n") + "\n")
            raise typer.Exit(int(error.exit_code)) from None

    return wrapper


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """Medewerkerscan KRM in the terminal."""
    global _debug  # noqa: PLW0603 - the one switch of the error wrapper
    _debug = debug


@app.command()
@reports_errors
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(help="Questionnaire YAML (default: the shipped one).", readable=False),
    ] = None,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Check a questionnaire: every problem at once, as FILE:LINE:COL: path: message."""
    from krmscan import questionnaire, render

    loaded = questionnaire.load(path or questionnaire_path)
    render.console().print(render.validation_summary(loaded.questionnaire, str(loaded.path)))


@app.command()
@reports_errors
def take(  # noqa: PLR0917 - typer passes options positionally
    context: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Answers file to write (default: a new file here)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing answers file.")
    ] = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="Line mode: numbered options, one typed line per prompt."),
    ] = False,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue the saved progress of -o FILE without asking."),
    ] = False,
    restart: Annotated[
        bool,
        typer.Option("--restart", help="Drop the saved progress of -o FILE and start over."),
    ] = False,
    anonymous: Annotated[
        bool,
        typer.Option("--anonymous", help="Leave out the personal questions (name, e-mail)."),
    ] = False,
    organisation: Annotated[
        str | None,
        typer.Option(
            "--organisation",
            envvar="KRMSCAN_ORGANISATION",
            help="Fix the organisation (the question marked group): not asked, stored as given.",
        ),
    ] = None,
    preset: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="QUESTION_ID=VALUE",
            help="Fix a question's answer (an option's id, number or text; several: a,b).",
        ),
    ] = None,
    kiosk: Annotated[
        Path | None,
        typer.Option(
            "--kiosk",
            metavar="DIR",
            help="One respondent after another; each scan a new file in DIR.",
        ),
    ] = None,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Take the scan; piped input uses plain mode (one line per prompt)."""
    from krmscan import questionnaire, screens
    from krmscan import take as taking
    from krmscan.messages import messages_for

    if resume and restart:
        raise UsageError("--resume and --restart exclude each other; pass one of them")
    if kiosk is not None:
        _check_kiosk(kiosk, output=output, plain=plain, resume=resume or restart)
    loaded = questionnaire.load(questionnaire_path)
    taking.check_output(output, force=force)
    messages = messages_for(loaded.questionnaire.language)
    fixed = {}
    if preset or organisation is not None:
        from krmscan import presets

        fixed = presets.parse(loaded.questionnaire, preset or [], organisation, messages)
    if not plain and kiosk is None:
        screens.first_screen(loaded.questionnaire, messages)  # before the prompt libraries

    from krmscan import respondent

    command = [_program(context), "take"]
    if questionnaire_path is not None:
        command += ["-q", str(questionnaire_path)]
    if plain:
        command.append("--plain")
    if organisation is not None:
        command += ["--organisation", organisation]
    for item in preset or []:
        command += ["--answer", item]
    mode = taking.Resume.CONTINUE if resume else taking.Resume.ASK
    respondent.run(
        respondent.Setup(
            loaded,
            output,
            force=force,
            plain=plain,
            resume=taking.Resume.RESTART if restart else mode,
            anonymous=anonymous,
            command=command,
            presets=fixed,
            kiosk=kiosk,
        )
    )


def _check_kiosk(folder: Path, *, output: Path | None, plain: bool, resume: bool) -> None:
    """A kiosk writes a new file per respondent into an existing folder, with arrow keys."""
    if output is not None or resume:
        raise UsageError("--kiosk names each answers file itself; leave out -o/--resume/--restart")
    if plain:
        raise UsageError("--kiosk uses the arrow-key screens; leave out --plain")
    if not folder.is_dir():
        raise UsageError(f"--kiosk {folder}: no such folder; create it first")


def _program(context: typer.Context) -> str:
    """The program as it was started (``.venv/bin/krmscan``), for a command to type again."""
    typed = sys.argv[0] if sys.argv else ""
    name = context.find_root().info_name or "krmscan"
    return typed if typed and Path(typed).name == name else name


Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Answers files, or folders searched (with subfolders) for *.json.",
        show_default=False,
        metavar="FILE|DIR",
        readable=False,  # krmscan reports an unreadable file itself (exit 1, bad data)
    ),
]
OrganisationOption = Annotated[
    str | None,
    typer.Option("--organisation", help="Only this organisation (case and spaces ignored)."),
]
MinGroupOption = Annotated[
    int,
    typer.Option(
        "--min-group",
        min=1,
        help="Warn that smaller organisations' results can identify people.",
    ),
]
IncludePersonalOption = Annotated[
    bool,
    typer.Option("--include-personal", help="Include names and e-mail addresses."),
]


@app.command()
@reports_errors
def score(
    paths: Paths,
    *,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table, json, csv or xlsx.")
    ] = Format.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically), not the screen."),
    ] = None,
    organisation: OrganisationOption = None,
    min_group: MinGroupOption = 5,
    include_personal: IncludePersonalOption = False,
    include_small: Annotated[
        bool,
        typer.Option(
            "--include-small-groups",
            help="Export the rows of respondents of organisations below --min-group.",
        ),
    ] = False,
    decimal_comma: Annotated[
        bool, typer.Option("--decimal-comma", help="CSV numbers with a decimal comma.")
    ] = False,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Score answers files: one file as a personal table, many as organisation results."""
    from krmscan import questionnaire

    loaded = questionnaire.load(questionnaire_path)
    one = len(paths) == 1 and not paths[0].is_dir()
    if one and output_format in (Format.table, Format.json) and organisation is None:
        _score_one(loaded, paths[0], output_format, output)
        return
    if output_format is Format.xlsx and output is None:
        raise UsageError("--format xlsx writes a binary file: give it with -o FILE.xlsx")
    from krmscan import export, render
    from krmscan.messages import messages_for

    collection, results = _organisation_results(
        loaded,
        paths,
        organisation=organisation,
        min_group=min_group,
        include_personal=include_personal,
        include_small=include_small,
    )
    if output_format is Format.table:
        views = render.organisation_views(results, messages_for(loaded.questionnaire.language))
        _emit_rendered(views, output)
    else:
        if output_format is Format.json:
            data = export.json_bytes(export.as_json(results, collection))
        elif output_format is Format.csv:
            data = export.to_csv(results, decimal_comma=decimal_comma)
        else:
            data = export.to_xlsx(results, collection)
        _emit(data, output)
    if collection.skipped:
        raise typer.Exit(1)


def _score_one(
    loaded: "questionnaire.LoadedQuestionnaire",
    file: Path,
    output_format: Format,
    output: Path | None,
) -> None:
    """One answers file: the personal result table or its JSON."""
    from krmscan import answers, scoring

    answered = answers.load(file, loaded)
    for warning in answered.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    result = scoring.score(loaded.questionnaire, answered.file.answers)
    if output_format is Format.json:
        import json

        _emit(json.dumps(scoring.as_dict(result), ensure_ascii=False, indent=2) + "\n", output)
    else:
        from krmscan import render
        from krmscan.messages import messages_for

        messages = messages_for(loaded.questionnaire.language)
        _emit_rendered(render.personal_result(loaded.questionnaire, result, messages), output)


def _organisation_results(
    loaded: "questionnaire.LoadedQuestionnaire",
    paths: list[Path],
    *,
    organisation: str | None,
    min_group: int,
    include_personal: bool,
    include_small: bool,
    exports: bool = True,
) -> "tuple[collect.Collected, aggregate.Results]":
    """Load every answers file under ``paths``, tell what was left out, and aggregate."""
    from krmscan import aggregate, collect, render

    collection = collect.collect(paths, loaded)
    for line in render.collection_notes(collection):
        sys.stderr.write(line + "\n")
    if not collection.respondents:
        raise BadDataError("no answers files could be scored; see the reasons above")
    results = aggregate.results(
        loaded.questionnaire,
        collection.respondents,
        organisation=organisation,
        min_group=min_group,
        include_personal=include_personal,
        include_small=include_small,
    )
    for line in render.small_group_notes(results, exports=exports):
        sys.stderr.write(line + "\n")
    return collection, results


def _emit(data: str | bytes, output: Path | None) -> None:
    """Write ``data`` to ``output`` atomically (mode 0600), or to standard output.

    Text goes out in the terminal's encoding, bytes (UTF-8 exports) as they are.
    """
    if output is None:
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from krmscan import export

    export.write(output, data.encode("utf-8") if isinstance(data, str) else data)


def _emit_rendered(renderable: "RenderableType", output: Path | None) -> None:
    """Print a rich renderable, or write it as plain text to ``output``."""
    from krmscan import render

    if output is None:
        render.console().print(renderable)
        return
    _emit(render.as_text(renderable), output)


@app.command()
@reports_errors
def report(
    paths: Paths,
    *,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write, e.g. rapport.html.")
    ],
    organisation: OrganisationOption = None,
    min_group: MinGroupOption = 5,
    include_personal: IncludePersonalOption = False,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Write the organisation results as one self-contained HTML report with charts."""
    from krmscan import export, questionnaire
    from krmscan import report as reporting

    loaded = questionnaire.load(questionnaire_path)
    collection, results = _organisation_results(
        loaded,
        paths,
        organisation=organisation,
        min_group=min_group,
        include_personal=include_personal,
        include_small=False,
        exports=False,
    )
    export.write(output, reporting.html(results, collection).encode("utf-8"))
    sys.stderr.write(f"report written to {output}\n")
    if collection.skipped:
        raise typer.Exit(1)


@app.command()
@reports_errors
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="questionnaire or answers.")],
) -> None:
    """Print the JSON Schema of questionnaire.yaml or of an answers file, for editors."""
    from krmscan import schemas

    sys.stdout.write(schemas.as_text(kind.value) + "\n")


def main() -> None:
    """Console-script entry point, tuned for start-up (see benchmarks/startup.py).

    - krmscan instruments nothing, so pydantic's search of every installed package for plugins
      is switched off, unless the environment says otherwise.
    - Start-up creates tens of thousands of long-lived objects (modules, classes, validators)
      and hardly any garbage cycles; with the collector's default threshold of 700 new objects
      it runs dozens of collections over them. A threshold of 50,000 keeps collecting, rarely.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.set_threshold(50_000)
    app()
