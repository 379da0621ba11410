"""The command line: each command parses its arguments, calls the domain, renders the result."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from krmscan import answers, questionnaire, render, scoring
from krmscan.errors import InterruptedByUser, KrmscanError, UsageError
from krmscan.messages import messages_for

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
    ),
]


class Format(str, Enum):
    """Output formats of `score`."""

    table = "table"
    json = "json"


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
        Path | None, typer.Argument(help="Questionnaire YAML (default: the shipped one).")
    ] = None,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Check a questionnaire: every problem at once, as FILE:LINE:COL: path: message."""
    loaded = questionnaire.load(path or questionnaire_path)
    render.console().print(render.validation_summary(loaded.questionnaire, str(loaded.path)))


@app.command()
@reports_errors
def take(  # noqa: PLR0917 - typer passes options positionally
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
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Take the scan; piped input uses plain mode (one line per prompt)."""
    from krmscan import prompts
    from krmscan import take as taking

    if resume and restart:
        raise UsageError("--resume and --restart exclude each other; pass one of them")
    loaded = questionnaire.load(questionnaire_path)
    taking.check_output(output, force=force)
    messages = messages_for(loaded.questionnaire.language)
    console = render.console()
    interactive = sys.stdin.isatty()
    prompter: prompts.PlainPrompter | prompts.QuestionaryPrompter
    if plain or not interactive or render.ascii_only():
        prompter = prompts.PlainPrompter(loaded.questionnaire, messages, console, sys.stdin)
    else:
        prompter = prompts.QuestionaryPrompter(loaded.questionnaire, messages, console)
    command = ["krmscan", "take"]
    if questionnaire_path is not None:
        command += ["-q", str(questionnaire_path)]
    if plain:
        command.append("--plain")
    mode = taking.Resume.CONTINUE if resume else taking.Resume.ASK
    try:
        taken = taking.take(
            loaded,
            prompter,
            output,
            force=force,
            resume=taking.Resume.RESTART if restart else mode,
            anonymous=anonymous,
            interactive=interactive,
            command=command,
        )
    except KeyboardInterrupt:
        raise InterruptedByUser(messages.interrupted) from None
    result = scoring.score(loaded.questionnaire, taken.file.answers)
    console.print()
    console.print(render.result_table(loaded.questionnaire, result, messages))
    console.print(messages.saved.format(path=taken.path), markup=False)


@app.command()
@reports_errors
def score(
    file: Annotated[Path, typer.Argument(help="An answers file written by `krmscan take`.")],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table or json.")
    ] = Format.table,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Score one answers file: felt ambition against measured maturity, per component."""
    loaded = questionnaire.load(questionnaire_path)
    answered = answers.load(file, loaded)
    for warning in answered.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    result = scoring.score(loaded.questionnaire, answered.file.answers)
    if output_format is Format.json:
        sys.stdout.write(json.dumps(scoring.as_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        messages = messages_for(loaded.questionnaire.language)
        render.console().print(render.result_table(loaded.questionnaire, result, messages))


def main() -> None:
    """Console-script entry point."""
    app()
