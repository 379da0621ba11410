"""`krmscan take` at the terminal: the prompter, the welcome, the scan, the result; the kiosk.

`krmscan.take` walks one scan and saves it; this module puts a respondent in front of it: it
picks the interface (arrow keys, or plain lines for ``--plain``, piped input and dumb
terminals), shows the welcome and the personal result, and in a kiosk
(``take --kiosk DIR``) does so for one respondent after another, clearing the screen and the
scrollback between them.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console, Group, RenderableType

from krmscan import prompts, render, scoring, screens
from krmscan import take as taking
from krmscan.answers import AnswerValue
from krmscan.errors import InterruptedByUser, KrmscanError, UsageError
from krmscan.messages import Messages, messages_for
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.render import Text
from krmscan.text import message_lines, printable, wrapped

Prompter = prompts.PlainPrompter | prompts.QuestionaryPrompter


@dataclass
class Setup:
    """How `take` was asked to run (its options, checked)."""

    loaded: LoadedQuestionnaire
    output: Path | None = None
    force: bool = False
    plain: bool = False
    resume: taking.Resume = taking.Resume.ASK
    anonymous: bool = False
    command: Sequence[str] = ("krmscan", "take")
    presets: Mapping[str, AnswerValue] = field(default_factory=dict)
    kiosk: Path | None = None

    @property
    def messages(self) -> Messages:
        """The catalogue of the questionnaire's language."""
        return messages_for(self.loaded.questionnaire.language)


def prompter_for(setup: Setup, console: Console) -> Prompter:
    """Arrow keys on a capable terminal; plain lines otherwise (or with ``--plain``)."""
    questionnaire, messages = setup.loaded.questionnaire, setup.messages
    prompter: Prompter
    if setup.plain or not sys.stdin.isatty() or render.ascii_only():
        prompter = prompts.PlainPrompter(questionnaire, messages, console, sys.stdin)
    else:
        prompts.pause_garbage_collection()
        prompter = prompts.QuestionaryPrompter(questionnaire, messages, console)
    prompter.fixed = _presets_described(setup)
    return prompter


def _presets_described(setup: Setup) -> list[str]:
    from krmscan import presets

    return presets.described(setup.loaded.questionnaire, setup.presets, setup.messages)


def run(setup: Setup) -> None:
    """One respondent: the welcome, the scan, the result (the last screen stays)."""
    console = render.console()
    if setup.kiosk is not None:
        kiosk(setup, console)
        return
    prompter = prompter_for(setup, console)
    try:
        try:
            welcome(prompter, setup)
        except KeyboardInterrupt:
            raise InterruptedByUser(setup.messages.interrupted) from None
        taken = _take(setup, prompter, setup.output)
    except KrmscanError:
        if isinstance(prompter, prompts.QuestionaryPrompter):
            with contextlib.suppress(OSError):  # the message follows on a clean screen
                console.clear()
        raise
    show_result(setup, prompter, taken)


def welcome(prompter: Prompter, setup: Setup) -> None:
    """The welcome screen (plain mode on a terminal prints it; piped input skips it)."""
    fixed, anonymous = set(setup.presets), setup.anonymous
    if isinstance(prompter, prompts.QuestionaryPrompter):
        prompter.welcome(fixed, anonymous=anonymous)
    elif sys.stdin.isatty():
        questionnaire, messages = setup.loaded.questionnaire, setup.messages
        prompter.say(Text(questionnaire.title, style="bold"))
        prompter.say()
        prompter.say(screens.welcome(questionnaire, messages, fixed=fixed, anonymous=anonymous))


def _take(setup: Setup, prompter: Prompter, output: Path | None) -> taking.Taken:
    try:
        return taking.take(
            setup.loaded,
            prompter,
            output,
            force=setup.force,
            resume=setup.resume,
            anonymous=setup.anonymous,
            interactive=sys.stdin.isatty(),
            command=setup.command,
            presets=setup.presets,
            folder=setup.kiosk or Path(),
            kiosk=setup.kiosk is not None,
        )
    except KeyboardInterrupt:
        raise InterruptedByUser(setup.messages.interrupted) from None


def show_result(
    setup: Setup, prompter: Prompter, taken: taking.Taken, *, wait: bool = False
) -> None:
    """The personal result, what it means, where the answers file is and what to do with it."""
    questionnaire, messages = setup.loaded.questionnaire, setup.messages
    result = scoring.score(questionnaire, taken.file.answers)
    table: list[RenderableType] = [
        render.result_table(questionnaire, result, messages),
        Group(Text(""), render.result_legend(questionnaire, messages)),
    ]
    saved = Text(messages.saved.format(path=printable(str(taken.path.resolve()))))
    next_step = Text(messages.result_saved_next)
    if setup.kiosk is not None:  # the consultant collects the file: nothing to do with it
        saved, next_step = Text(messages.kiosk_saved_next), Text("")
    if isinstance(prompter, prompts.QuestionaryPrompter):
        saved.overflow = "fold"  # a long path is broken anywhere rather than cut
        closing: list[RenderableType] = [
            render.result_explained(messages),
            Group(Text(""), render.result_sentences(result, messages)),
            Group(Text(""), saved, next_step),
        ]
        prompter.result([table, closing], wait=wait)
    else:
        console = prompter.console
        prompter.say()
        prompter.say(render.personal_result(questionnaire, result, messages))
        prompter.say()
        width = prompter.console.width
        lines = wrapped(saved.plain, width) if console.is_terminal else [saved.plain]
        for line in lines:  # wrapped at words, a path whole on its line, to copy it
            prompter.say(Text(line), soft_wrap=True)
        if next_step.plain:
            prompter.say(next_step)


def kiosk(setup: Setup, console: Console) -> None:
    """One respondent after another, each scan a new file in the kiosk folder.

    Between respondents the screen and the scrollback are cleared. A respondent who stops
    (Ctrl-C) keeps their progress: the next welcome offers to continue it. Ctrl-C at the
    welcome ends the kiosk.
    """
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError(setup.messages.kiosk_needs_terminal)
    prompter = prompter_for(setup, console)
    while True:
        wipe(console)
        try:
            welcome(prompter, setup)
        except (KeyboardInterrupt, InterruptedByUser):
            wipe(console)
            console.print(Text(setup.messages.kiosk_ended))
            return
        try:
            taken = _take(setup, prompter, None)
        except InterruptedByUser as stopped:
            console.clear()
            for line in message_lines(
                stopped.message, console.width
            ):  # as `cli._note`: paths whole
                console.print(Text(line), soft_wrap=True)
            _pause(setup.messages)
            continue
        show_result(setup, prompter, taken, wait=True)


def wipe(console: Console) -> None:
    """Clear the screen and the terminal's scrollback: nothing of the last respondent stays."""
    console.clear()
    console.file.write(screens.CLEAR_SCROLLBACK)
    console.file.flush()


def _pause(messages: Messages) -> None:
    """Wait for Enter (Ctrl-C too) before the next respondent's welcome."""
    try:
        screens.wait_key(messages.kiosk_next)
    except KeyboardInterrupt:
        return
