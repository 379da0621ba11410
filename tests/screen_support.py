"""A real `krmscan take` in a pseudo-terminal, seen through a terminal emulator (pyte).

`Terminal` runs the installed program under pexpect at a given size and feeds everything it
writes into a pyte screen, so a test asserts on what a person sees now (``display``), not on
what was printed once. `Walker` answers the whole scan by looking at the screen: it turns
the pages of introductions (keeping each page as it was shown), answers each question when
its header and text are on the screen, and keeps every settled screen for later checks.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pexpect
import pyte

from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.flow import Step
from krmscan.messages import DUTCH
from krmscan.questionnaire import (
    AmbitionQuestion,
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
    Statement,
    TextQuestion,
)
from tests.support import KRMSCAN

ENTER, BACKTAB, BACKSPACE, LEFT = "\r", "\x1b[Z", "\x7f", "\x1b[D"
BOX = str.maketrans("", "", "╭╮╰╯─│┃━")


def flat(text: str) -> str:
    """``text`` without box lines, every run of whitespace one space."""
    return " ".join(text.translate(BOX).split())


class ScrollbackScreen(pyte.HistoryScreen):  # type: ignore[misc]
    """A screen whose "clear" (``ESC [2J``) pushes what was shown into the scrollback.

    So do VTE terminals (GNOME Terminal and others) and tmux: clearing the screen alone
    hides nothing from a person who scrolls back. Only ``ESC [3J`` empties the scrollback.
    """

    def erase_in_display(self, how: int = 0, *args: object, **kwargs: object) -> None:
        """Keep the erased screen's lines in the history first (for ``2``)."""
        if how == 2:  # the VT100 code for the whole screen
            for y in range(self.lines):
                line = pyte.screens.StaticDefaultDict(self.default_char)
                line.update(self.buffer[y])
                self.history.top.append(line)
        super().erase_in_display(how, *args, **kwargs)


class Terminal:
    """The program in a pseudo-terminal of ``rows`` x ``columns``, drawn on a pyte screen."""

    def __init__(
        self,
        args: Sequence[str | os.PathLike[str]],
        *,
        rows: int = 24,
        columns: int = 80,
        cwd: Path | None = None,
        history: bool = False,
        env: dict[str, str] | None = None,
    ) -> None:
        self.screen = (
            ScrollbackScreen(columns, rows, history=10_000)
            if history
            else pyte.Screen(columns, rows)
        )
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        """Every byte the program wrote: a line the terminal wraps is one line here."""
        environment = {**os.environ, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
        for name in ("NO_COLOR", "COLUMNS", "LINES", "KRMSCAN_ORGANISATION"):
            environment.pop(name, None)
        environment.update(env or {})
        self.child = pexpect.spawn(
            str(KRMSCAN),
            [str(arg) for arg in args],
            env=environment,
            cwd=str(cwd) if cwd else None,
            dimensions=(rows, columns),
            timeout=10,
        )

    def settle(self, quiet: float = 0.12, most: float = 10.0) -> str:
        """Read until the program has been quiet for ``quiet`` seconds; the screen then."""
        end = time.monotonic() + most
        while time.monotonic() < end:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=quiet)
                self.output += chunk
                self.stream.feed(chunk)
            except pexpect.TIMEOUT:
                return self.display
            except pexpect.EOF:
                return self.display
        return self.display

    @property
    def display(self) -> str:
        """The lines on the screen now."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    @property
    def scrollback(self) -> str:
        """The lines scrolled off the top (a HistoryScreen only)."""
        history = getattr(self.screen, "history", None)
        if history is None:
            return ""
        return "\n".join(
            "".join(line[x].data for x in sorted(line)).rstrip() for line in history.top
        )

    def wait_for(self, wanted: Callable[[str], bool] | str, what: str = "") -> str:
        """Settle until ``wanted`` holds for the screen (or fail naming it)."""
        test = wanted if callable(wanted) else (lambda shown: wanted in shown)
        end = time.monotonic() + 15
        while time.monotonic() < end:
            shown = self.settle()
            if test(shown):
                return shown
            if not self.child.isalive():
                shown = self.settle()
                if test(shown):
                    return shown
                break
        raise AssertionError(f"never on the screen: {what or wanted}\n{self.display}")

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        self.child.send(keys)

    def finish(self) -> int:
        """Wait for the program to end (its last output on the screen); its exit status."""
        end = time.monotonic() + 15
        while time.monotonic() < end:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.2))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)


PAGE_HINTS = (DUTCH.page_next, DUTCH.page_to_question)


@dataclass
class Walker:
    """Answers every step of ``steps`` on ``terminal`` as the screen asks for it."""

    terminal: Terminal
    questionnaire: Questionnaire
    answers: dict[str, AnswerValue]
    pages: list[str] = field(default_factory=list)
    """Each introduction page as it was on the screen, in order."""
    screens: list[str] = field(default_factory=list)
    """Every settled screen a question was asked on."""
    intro_pages: dict[str, list[str]] = field(default_factory=dict)
    """Per step id: the pages shown before it."""
    on_screen: Callable[[Step, str], None] | None = None
    """Called with each question's screen before it is answered (checks, extra keys)."""

    def step(self, step: Step) -> None:
        """Turn the step's introduction pages, then answer it."""
        header = f"vraag {step.number} van {step.total}"
        start = _start(step)
        before: list[str] = []
        while True:
            shown = self.terminal.wait_for(
                lambda s: header in s and (start in flat(s) or _paged(s)), f"{header}: {start}"
            )
            if _paged(shown):
                before.append(shown)
                self.terminal.send(ENTER)
                self.terminal.wait_for(lambda s, old=shown: s != old, "the next page")
                continue
            break
        self.pages += before
        self.intro_pages[step.id] = before
        self.screens.append(shown)
        if self.on_screen is not None:
            self.on_screen(step, shown)
        self.terminal.send(keys_for(self.questionnaire, step, self.answers[step.id]))
        value = self.answers[step.id]
        for choice in value if isinstance(value, list) else [value]:
            if isinstance(choice, OtherAnswer):
                self.terminal.wait_for(lambda s: "namelijk:" in s or "Overig:" in s, "other")
                self.terminal.send(choice.text + ENTER)


def _paged(shown: str) -> bool:
    """Whether the screen ends in a page's key hint (wrapped onto two lines at 60 columns)."""
    tail = " ".join([line for line in shown.splitlines() if line.strip()][-2:])
    return any(hint in " ".join(tail.split()) for hint in PAGE_HINTS)


def _start(step: Step) -> str:
    """The first words of a step's question, as the screen shows them."""
    return flat(" ".join(step.item.text.split()[:3]))


def keys_for(questionnaire: Questionnaire, step: Step, value: AnswerValue) -> str:
    """The keys that answer ``step`` with ``value``: digits tick or select, Enter goes on."""
    item = step.item
    if isinstance(item, Statement):
        ids = [point.id for point in questionnaire.scale]
        return f"{ids.index(str(value)) + 1}{ENTER}"
    if isinstance(item, TextQuestion):
        return f"{value}{ENTER}"
    if isinstance(item, AmbitionQuestion | SingleChoiceQuestion):
        ids = [option.id for option in item.options]
        chosen = value.id if isinstance(value, OtherAnswer) else str(value)
        return f"{ids.index(chosen) + 1}{ENTER}"
    assert isinstance(item, MultipleChoiceQuestion)
    ids = [option.id for option in item.options]
    chosen = value if isinstance(value, list) else [value]
    digits = "".join(str(ids.index(c.id if isinstance(c, OtherAnswer) else c) + 1) for c in chosen)
    return digits + ENTER
