"""The command line: each command parses its arguments, calls the domain, renders the result.

Start-up time is the price of every command, so this module imports only typer: each command
imports the domain modules it needs (questionary only in `take`, rich only where it prints).
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from krmscan.errors import InterruptedByUser, KrmscanError

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
def take(
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
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Take the scan; piped input uses plain mode (one line per prompt)."""
    from krmscan import prompts, questionnaire, render, scoring
    from krmscan import take as taking
    from krmscan.messages import messages_for

    loaded = questionnaire.load(questionnaire_path)
    taking.check_output(output, force=force)
    messages = messages_for(loaded.questionnaire.language)
    console = render.console()
    prompter: prompts.PlainPrompter | prompts.QuestionaryPrompter
    if plain or not sys.stdin.isatty():
        prompter = prompts.PlainPrompter(loaded.questionnaire, messages, console, sys.stdin)
    else:
        prompts.pause_garbage_collection()
        prompter = prompts.QuestionaryPrompter(loaded.questionnaire, messages, console)
    try:
        taken = taking.take(loaded, prompter, output, force=force)
    except KeyboardInterrupt:
        raise InterruptedByUser(messages.interrupted) from None
    result = scoring.score(loaded.questionnaire, taken.file.answers)
    console.print()
    console.print(render.result_table(loaded.questionnaire, result, messages))
    console.print(messages.saved.format(path=taken.path), markup=False)


@app.command()
@reports_errors
def score(
    file: Annotated[
        Path, typer.Argument(help="An answers file written by `krmscan take`.", readable=False)
    ],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table or json.")
    ] = Format.table,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Score one answers file: felt ambition against measured maturity, per component."""
    from krmscan import answers, questionnaire, scoring

    loaded = questionnaire.load(questionnaire_path)
    answered = answers.load(file, loaded)
    for warning in answered.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    result = scoring.score(loaded.questionnaire, answered.file.answers)
    if output_format is Format.json:
        import json

        sys.stdout.write(json.dumps(scoring.as_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        from krmscan import render
        from krmscan.messages import messages_for

        messages = messages_for(loaded.questionnaire.language)
        render.console().print(render.result_table(loaded.questionnaire, result, messages))


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
