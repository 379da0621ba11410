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
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from krmscan.errors import BadDataError, ExitCode, KrmscanError, UsageError

if TYPE_CHECKING:
    from typing import IO

    from rich.console import RenderableType

    from krmscan import aggregate, collect, compare, questionnaire
    from krmscan.messages import Messages
    from krmscan.meter import Track
    from krmscan.report import document

app = typer.Typer(
    help="Medewerkerscan KRM: take the scan, score answers, validate the questionnaire.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")
_debug = False
_stdout_closed = False
"""Whether krmscan started with standard output closed (``>&-``): see `_fill_closed_streams`."""

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
    """Print a `KrmscanError` as one message on stderr and exit with its code (no traceback).

    Standard output closed by its reader (``krmscan score DIR | head``) ends the command
    quietly with exit code 141, as a program stopped by SIGPIPE.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KrmscanError as error:
            if _debug:
                raise
            _note(error.message.rstrip("\n"))  # not even when the terminal is gone (SIGHUP)
            raise typer.Exit(int(error.exit_code)) from None
        except Exception as error:
            if _debug or not _broken_pipe(error):
                raise
            _silence_stdout()
            raise typer.Exit(int(ExitCode.BROKEN_PIPE)) from None

    return wrapper


def _broken_pipe(error: BaseException | None) -> bool:
    """Whether ``error`` or an error it came from is a closed pipe (xlsxwriter wraps it)."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, BrokenPipeError):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _silence_stdout() -> None:
    """Point standard output at the null device, so that nothing written later fails."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


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
            help=(
                "Fix a question's or statement's answer (an option's id, number or text; "
                "several: a,b; an 'other' option's text after a colon: a,other:TEXT)."
            ),
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

    loaded = questionnaire.load(questionnaire_path)
    messages = messages_for(loaded.questionnaire.language)
    if resume and restart:
        raise UsageError(messages.resume_restart_both)
    if kiosk is not None:
        _check_kiosk(kiosk, messages, output=output, plain=plain, resume=resume or restart)
    if sys.stdin is None or sys.stdin.closed:
        raise UsageError(messages.stdin_closed)
    taking.check_output(output, loaded, force=force)
    fixed = {}
    if preset or organisation is not None:
        from krmscan import presets

        fixed = presets.parse(loaded.questionnaire, preset or [], organisation, messages)
    if not plain and kiosk is None:
        screens.first_screen(  # before the prompt libraries
            loaded.questionnaire, messages, fixed=fixed, anonymous=anonymous
        )

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


def _check_kiosk(
    folder: Path, messages: "Messages", *, output: Path | None, plain: bool, resume: bool
) -> None:
    """A kiosk writes a new file per respondent into an existing folder, with arrow keys."""
    if output is not None or resume:
        raise UsageError(messages.kiosk_names_files)
    if plain:
        raise UsageError(messages.kiosk_not_plain)
    if not folder.is_dir():
        raise UsageError(messages.kiosk_no_folder.format(folder=folder))


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


# issue 12: comparisons (--benchmark, --previous, --by) and the quality of the measurement

BenchmarkOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--benchmark",
        help="Answers files or folders to compare with (repeat it; default: the data given).",
        metavar="PATH",
        readable=False,
    ),
]
PreviousOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--previous",
        help="Answers files or folders of the previous round (repeat it for several).",
        metavar="PATH",
        readable=False,
    ),
]
PreviousQuestionnaireOption = Annotated[
    Path | None,
    typer.Option(
        "--previous-questionnaire",
        help="The questionnaire the previous round answered (default: the current one).",
        dir_okay=False,
        readable=False,
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", help="Break organisations down by this choice question's answer."),
]


@app.command()
@reports_errors
def score(
    paths: Paths,
    *,
    given_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv or xlsx (default: from the -o file's extension, else table).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file (atomically), not the screen; - = stdout."
        ),
    ] = None,
    organisation: OrganisationOption = None,
    min_group: MinGroupOption = 5,
    include_personal: IncludePersonalOption = False,
    include_small: Annotated[
        bool,
        typer.Option(
            "--include-small-groups",
            help="Show every figure and row of organisations below --min-group "
            "(else only their number of respondents).",
        ),
    ] = False,
    decimal_comma: Annotated[
        bool | None,
        typer.Option(
            "--decimal-comma/--decimal-point",
            help="CSV numbers with a decimal comma or point (default: comma for a Dutch "
            "questionnaire).",
            show_default=False,
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail", help="Every organisation's full tables, however many organisations."
        ),
    ] = False,
    benchmark: BenchmarkOption = None,
    previous: PreviousOption = None,
    previous_questionnaire: PreviousQuestionnaireOption = None,
    by: ByOption = None,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Score answers files: one file as a personal table, many as organisation results."""
    from krmscan import files, questionnaire
    from krmscan.messages import messages_for

    loaded = questionnaire.load(questionnaire_path)  # read only: its language tells the words
    messages = messages_for(loaded.questionnaire.language)
    output_format = given_format or _format_of(output)
    if output_format is Format.xlsx:
        _binary_output(output, "--format xlsx", "FILE.xlsx", messages)
    _check_stdout(output, messages)
    _check_output(output, [*paths, questionnaire_path, previous_questionnaire], messages)
    segment_by = _segment_question(loaded, by, previous, previous_questionnaire)
    comparing = bool(benchmark or previous or by)
    one = len(paths) == 1 and not files.is_folder(paths[0], messages) and not comparing
    if one and output_format in (Format.table, Format.json) and organisation is None:
        _score_one(loaded, paths[0], output_format, output)
        return
    from krmscan import export, render
    from krmscan.meter import meter_for

    track = meter_for(messages)
    collection, results = _organisation_results(
        loaded,
        paths,
        organisation=organisation,
        min_group=min_group,
        include_personal=include_personal,
        include_small=include_small,
        output=output,
        track=track,
    )
    figures, quality, complete = _comparisons(
        loaded,
        paths,
        collection,
        results,
        benchmark,
        previous,
        previous_questionnaire,
        segment_by,
        output=output,
    )
    if output_format is Format.table:
        views = render.organisation_views(results, messages, figures, detail=detail)
        _emit_rendered(render.with_quality(views, quality, messages), output, messages)
    elif output_format is Format.json:
        from krmscan import compare

        chunks = export.json_chunks(
            results,
            collection,
            track=track,
            extras=[found.as_json(messages) for found in figures],
            more={"quality": compare.quality_json(quality, messages)},
        )
        _emit_with(lambda stream: export.write_text_chunks(stream, chunks), output, messages)
    elif output_format is Format.csv:
        _emit_with(
            lambda stream: _csv_into(
                stream, results, decimal_comma=decimal_comma, track=track, comparisons=figures
            ),
            output,
            messages,
        )
    else:
        _emit_with(
            lambda stream: export.to_xlsx(
                results, collection, stream, track=track, comparisons=figures, quality=quality
            ),
            output,
            messages,
        )
    if collection.skipped or not complete:
        raise typer.Exit(1)


def _format_of(output: Path | None) -> Format:
    """The format an ``-o`` file's extension names (``out.xlsx``); the table for any other."""
    suffix = "" if output is None else output.suffix.lower().lstrip(".")
    return next((kind for kind in Format if kind.value == suffix != "table"), Format.table)


def _segment_question(
    loaded: "questionnaire.LoadedQuestionnaire",
    by: str | None,
    previous: list[Path] | None = None,
    previous_questionnaire: Path | None = None,
) -> "compare.SegmentQuestion | None":
    """The choice question ``--by`` names; a usage error naming the choices otherwise.

    Also the usage error of a ``--previous-questionnaire`` without ``--previous``.
    """
    if previous_questionnaire is not None and not previous:
        raise UsageError(
            "--previous-questionnaire reads the --previous round: give --previous PATH"
        )
    if by is None:
        return None
    from krmscan import compare

    choices = compare.segment_choices(loaded.questionnaire)
    found = next((question for question in choices if question.id == by), None)
    if found is None:
        from krmscan.text import printable

        names = ", ".join(question.id for question in choices) or "none"
        raise UsageError(
            f"--by: {printable(repr(by))} is not a choice question of "
            f"{loaded.path}; choose one of: {names}"
        )
    return found


def _comparisons(  # noqa: PLR0917 - one call site, every input named there
    loaded: "questionnaire.LoadedQuestionnaire",
    paths: list[Path],
    collection: "collect.Collected",
    results: "aggregate.Results",
    benchmark: list[Path] | None,
    previous: list[Path] | None,
    previous_questionnaire: Path | None,
    by: "compare.SegmentQuestion | None",
    *,
    output: Path | None,
) -> "tuple[list[compare.Comparisons], list[compare.Quality], bool]":
    """Each organisation's comparisons, the quality, and whether no file was skipped.

    The quality counts only the respondents `aggregate.Results.counted_respondents` allows.
    ``output`` is checked against the files of the other rounds too: it never replaces one.
    """
    from krmscan import compare, questionnaire
    from krmscan.messages import messages_for

    complete = True
    earlier = None
    if previous:
        earlier_loaded = (
            questionnaire.load(previous_questionnaire) if previous_questionnaire else loaded
        )
        earlier_collection = _other_collection("--previous", previous, earlier_loaded, output)
        complete = not earlier_collection.skipped
        earlier = (earlier_loaded.questionnaire, earlier_collection.respondents)
    benchmark_respondents = collection.respondents
    same_questionnaire = previous_questionnaire is None  # points comparable component by component
    if (
        benchmark
        and _same(benchmark, previous or [])
        and earlier is not None
        and same_questionnaire
    ):
        benchmark_respondents = list(earlier[1])
    elif benchmark and not _same(benchmark, paths):
        others = _other_collection("--benchmark", benchmark, loaded, output)
        complete = complete and not others.skipped
        benchmark_respondents = others.respondents
    figures = compare.comparisons(
        loaded.questionnaire,
        [members for _, members in results.organisations],
        min_group=results.min_group,
        messages=messages_for(loaded.questionnaire.language),
        benchmark_respondents=benchmark_respondents,
        earlier=earlier,
        by=by,
    )
    counted = results.counted_respondents(collection.respondents)
    return figures, compare.quality(loaded.questionnaire, counted), complete


def _same(first: list[Path], second: list[Path]) -> bool:
    """Whether two lists of paths name the same files and folders."""
    return sorted(map(os.path.abspath, first)) == sorted(map(os.path.abspath, second))


def _other_collection(
    option: str,
    paths: list[Path],
    loaded: "questionnaire.LoadedQuestionnaire",
    output: Path | None,
) -> "collect.Collected":
    """The answers files of ``--previous`` or ``--benchmark``; its notes on standard error."""
    from krmscan import collect, render
    from krmscan.messages import messages_for

    messages = messages_for(loaded.questionnaire.language)
    _check_output(output, [*paths], messages)
    found = collect.collect(paths, loaded)
    inputs = [*(r.file for r in found.respondents), *found.progress_files]
    _check_output(output, inputs, messages)
    hint = messages.hint_previous_questionnaire if option == "--previous" else None
    for line in render.collection_notes(found, messages, other_version_hint=hint):
        _note(f"{option}: {line}")
    if not found.respondents:
        raise BadDataError(f"{option}: {messages.no_files_scored}")
    return found


def _csv_into(
    stream: "IO[bytes]",
    results: "aggregate.Results",
    *,
    decimal_comma: bool | None,
    track: "Track",
    comparisons: "Sequence[compare.Comparisons]",
) -> None:
    """The CSV export as UTF-8 with a byte order mark, written into ``stream`` as it is made."""
    import io

    from krmscan import export

    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        export.to_csv(
            results, text, decimal_comma=decimal_comma, track=track, comparisons=comparisons
        )
        text.flush()
    finally:
        text.detach()


def _emit_with(
    produce: "Callable[[IO[bytes]], object]", output: Path | None, messages: "Messages"
) -> None:
    """Let ``produce`` write into ``output`` (atomically, mode 0600) or standard output."""
    if _is_stdout(output):
        produce(sys.stdout.buffer)
        sys.stdout.flush()
        return
    from krmscan import export

    assert output is not None  # _is_stdout said so
    export.write_with(output, produce, messages)


def _score_one(
    loaded: "questionnaire.LoadedQuestionnaire",
    file: Path,
    output_format: Format,
    output: Path | None,
) -> None:
    """One answers file: the personal result table or its JSON."""
    from krmscan import answers, scoring
    from krmscan.messages import messages_for

    messages = messages_for(loaded.questionnaire.language)
    answered = answers.load(file, loaded)
    for warning in answered.warnings:
        _note(messages.note_warning.format(warning=warning))
    result = scoring.score(loaded.questionnaire, answered.file.answers)
    if output_format is Format.json:
        from krmscan.text import json_text

        _emit(json_text(scoring.as_dict(result)) + "\n", output, messages)
    else:
        from krmscan import render

        _emit_rendered(
            render.personal_result(loaded.questionnaire, result, messages), output, messages
        )


def _organisation_results(
    loaded: "questionnaire.LoadedQuestionnaire",
    paths: list[Path],
    *,
    organisation: str | None,
    min_group: int,
    include_personal: bool,
    include_small: bool,
    output: Path | None,
    small_group_notes: bool = True,
    track: "Track | None" = None,
) -> "tuple[collect.Collected, aggregate.Results]":
    """Load every answers file under ``paths``, tell what was left out, and aggregate.

    The notes about the files (and, with ``small_group_notes``, about organisations below the
    minimum group) are in the questionnaire's language; ``track`` shows progress.
    """
    from krmscan import aggregate, collect, render
    from krmscan.messages import messages_for
    from krmscan.meter import untracked

    messages = messages_for(loaded.questionnaire.language)
    track = track or untracked
    collection = collect.collect(paths, loaded, track=track)
    inputs = [*(r.file for r in collection.respondents), *collection.progress_files]
    _check_output(output, inputs, messages)
    for line in render.collection_notes(collection, messages):
        _note(line)
    if not collection.respondents:
        raise BadDataError(messages.no_files_scored)
    results = aggregate.results(
        loaded.questionnaire,
        collection.respondents,
        organisation=organisation,
        min_group=min_group,
        include_personal=include_personal,
        include_small=include_small,
        track=track,
    )
    if small_group_notes:
        for line in render.small_group_notes(results, messages):
            _note(line)
    return collection, results


def _emit(data: str | bytes, output: Path | None, messages: "Messages") -> None:
    """Write ``data`` to ``output`` atomically (mode 0600), or to standard output.

    Text goes out in the terminal's encoding, bytes (UTF-8 exports) as they are.
    """
    if _is_stdout(output):
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    assert output is not None  # _is_stdout said so
    from krmscan import export

    export.write(output, data.encode("utf-8") if isinstance(data, str) else data, messages)


def _emit_rendered(renderable: "RenderableType", output: Path | None, messages: "Messages") -> None:
    """Print a rich renderable, or write it as plain text to ``output``."""
    from krmscan import render

    if output is None:
        render.console().print(renderable)
        return
    _emit(render.as_text(renderable), output, messages)


class ReportFormat(str, Enum):
    """File formats of `report --split`."""

    html = "html"
    pdf = "pdf"


STDOUT = Path("-")
"""``-o -``: standard output."""


def _is_stdout(output: Path | None) -> bool:
    return output is None or output == STDOUT


def _check_output(
    output: Path | None, inputs: "Sequence[Path | str | None]", messages: "Messages"
) -> None:
    """Refuse an output that is no regular file or that is one of ``inputs`` (exit 2).

    None and ``-`` (standard output) pass: `_check_stdout` looks at those.
    """
    if _is_stdout(output):
        return
    from krmscan import files

    assert output is not None  # _is_stdout said so
    files.check_output(output, [given for given in inputs if given is not None], messages)


def _check_stdout(output: Path | None, messages: "Messages") -> None:
    """Refuse output to a standard output that was closed at start-up (``>&-``), exit 2."""
    if _stdout_closed and _is_stdout(output):
        raise UsageError(messages.stdout_closed)


def _binary_output(output: Path | None, option: str, example: str, messages: "Messages") -> None:
    """A binary file goes to -o FILE, or to a standard output that is no terminal."""
    if output is None or (output == STDOUT and _stdout_is_terminal()):
        raise UsageError(messages.binary_output.format(option=option, example=example))


def _stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _note(line: str) -> None:
    """A message on standard error, its control characters from data made visible.

    On a terminal its lines are wrapped between words to the terminal's width; an indented
    line (a command to type) and a long path stay whole, to copy them.
    """
    from krmscan.text import message_lines, printable

    text = printable(line, lines=True)
    with contextlib.suppress(OSError, ValueError):  # no size: the lines as they are
        if sys.stderr.isatty():
            columns = os.get_terminal_size(sys.stderr.fileno()).columns
            text = "\n".join(message_lines(text, columns))
    with contextlib.suppress(OSError):
        sys.stderr.write(text + "\n")


@app.command()
@reports_errors
def report(
    paths: Paths,
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write: rapport.html or rapport.pdf (- for stdout).",
            dir_okay=False,
        ),
    ] = None,
    split: Annotated[
        Path | None,
        typer.Option("--split", help="Write one file per organisation into this folder."),
    ] = None,
    file_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format", "-f", help="html or pdf for --split (default pdf) or -o - (default html)."
        ),
    ] = None,
    organisation: OrganisationOption = None,
    min_group: MinGroupOption = 5,
    include_small: Annotated[
        bool,
        typer.Option(
            "--include-small-groups",
            help="Report on organisations below --min-group too (without per-person figures).",
        ),
    ] = False,
    invited: Annotated[
        int | None,
        typer.Option("--invited", min=1, help="Employees invited (one organisation)."),
    ] = None,
    invited_file: Annotated[
        Path | None,
        typer.Option(
            "--invited-file", help="CSV: organisation, employees invited.", readable=False
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="A folder of templates overriding the shipped ones."),
    ] = None,
    overview: Annotated[
        bool,
        typer.Option(
            "--overview", help="The consultant's overview of every organisation, not a board's."
        ),
    ] = False,
    other_texts: Annotated[
        bool,
        typer.Option(
            "--other-texts",
            help="Show what respondents typed for an 'other' option (own words can identify).",
        ),
    ] = False,
    benchmark: BenchmarkOption = None,
    previous: PreviousOption = None,
    previous_questionnaire: PreviousQuestionnaireOption = None,
    by: ByOption = None,
    questionnaire_path: QuestionnaireOption = None,
) -> None:
    """Write the board's report: HTML or PDF, one file or one per organisation (--split).

    With --benchmark, --previous or --by the report compares; --overview writes the
    consultant's overview of every organisation instead.
    """
    from krmscan import report as reporting

    wants_pdf = _wants_pdf(output, file_format)
    problem = reporting.missing(pdf=wants_pdf)
    if problem is not None:
        raise UsageError(problem)
    from krmscan import files, questionnaire
    from krmscan.messages import messages_for
    from krmscan.report import document

    loaded = questionnaire.load(questionnaire_path)  # read only: its language tells the words
    messages = messages_for(loaded.questionnaire.language)
    inputs = [*paths, questionnaire_path, invited_file, previous_questionnaire]
    _check_report_outputs(output, split, inputs, messages)
    if wants_pdf and output == STDOUT:
        _binary_output(output, "--format pdf", "rapport.pdf", messages)
    segment_by = _segment_question(loaded, by, previous, previous_questionnaire)
    if invited is not None and invited_file is not None:
        raise UsageError(messages.rep_invited_both)
    from krmscan.meter import meter_for

    collection, results = _organisation_results(
        loaded,
        paths,
        organisation=organisation,
        min_group=min_group,
        include_personal=False,
        include_small=False,
        output=output,
        small_group_notes=False,  # the report says itself which organisations it leaves out
        track=meter_for(messages),
    )
    job = document.prepare(
        results,
        collection,
        document.Choices(
            output=output,
            split=split,
            file_format=None if file_format is None else document.Format(file_format.value),
            organisation=organisation,
            min_group=min_group,
            include_small=include_small,
            invited=invited,
            invited_file=invited_file,
            template_dir=template,
            overview=overview,
            other_texts=other_texts,
        ),
        note=_note,
    )
    if split is not None and files.is_folder(split):  # a new folder holds nothing to replace
        for planned in job.targets:
            _check_output(planned, [*paths, questionnaire_path, invited_file], messages)
    complete = True
    if overview or benchmark or previous or by:
        figures, quality, complete = _comparisons(
            loaded,
            paths,
            collection,
            job.renderer.results,
            benchmark,
            None if overview else previous,  # the overview shows this round only
            None if overview else previous_questionnaire,
            None if overview else segment_by,
            output=output,
        )
        job.renderer.compare(figures, quality)
    _write_reports(job)
    for written in job.targets if len(job.targets) <= 3 else [split]:
        if not _is_stdout(written):
            _note(messages.rep_written.format(path=written))
    if collection.skipped or not complete:
        raise typer.Exit(1)


def _check_report_outputs(
    output: Path | None,
    split: Path | None,
    inputs: "Sequence[Path | str | None]",
    messages: "Messages",
) -> None:
    """Refuse a report's ``-o`` or ``--split`` that cannot be written (exit 2)."""
    if output is not None:  # none: --split, into a folder
        _check_stdout(output, messages)
    _check_output(output, inputs, messages)
    if split == STDOUT:
        raise UsageError(messages.rep_split_dash)


def _wants_pdf(output: Path | None, file_format: ReportFormat | None) -> bool:
    """Whether the report asked for is a PDF (which needs WeasyPrint)."""
    if output is None:  # --split: PDF unless asked otherwise
        return file_format is not ReportFormat.html
    if output == STDOUT:  # no extension to go by: HTML unless asked otherwise
        return file_format is ReportFormat.pdf
    return output.suffix.lower() == ".pdf"


def _write_reports(job: "document.Job") -> None:
    """Run the job, with a progress bar on stderr when it is a terminal and the job is long."""
    from krmscan.report import document

    long = len(job.targets) > 1 or job.file_format is document.Format.pdf
    if not (long and sys.stderr.isatty()):
        document.run(job)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("report", total=len(job.targets))
        document.run(job, lambda: progress.advance(task))


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
    from krmscan.text import install_ascii_fallback

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.set_threshold(50_000)
    _fill_closed_streams()
    install_ascii_fallback(sys.stdout, sys.stderr)
    app()


def _fill_closed_streams() -> None:
    """Put the null device where standard output or error was closed (``>&-``, ``2>&-``).

    A closed standard error only loses the messages (the exit code stays right); a closed
    standard output is remembered, and a command whose output goes there is refused
    (`_check_output`). Either way no file opened later gets descriptor 1 or 2.
    """
    global _stdout_closed  # noqa: PLW0603 - set once, at start-up
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))  # noqa: SIM115
        _stdout_closed = _stdout_closed or fd == 1
