"""The arrow-key interface's screens: each step on a cleared screen under one header line.

The header names the questionnaire (shortened to fit), where the respondent is and how far
(``vraag 11 van 43`` and a bar). Texts longer than the screen are shown a page at a time:
Enter goes on, Page Up or Backspace goes back a page, so nothing scrolls away unread. Rich
draws, prompt_toolkit (imported only when a key is awaited) reads the keys.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Collection, Sequence

from rich.console import Console, Group

from krmscan import render
from krmscan.messages import Messages
from krmscan.questionnaire import Questionnaire
from krmscan.render import Text
from krmscan.text import printable

BAR = 10
"""Cells of the progress bar in the header."""

CLEAR_SCROLLBACK = "\x1b[3J"
"""Erases the terminal's scrollback (xterm and most terminals), so nobody can scroll back."""


def header(
    title: str, section: str, counter: str, fraction: float, width: int, *, ascii: bool
) -> Text:
    """One line: the title (shortened at a word), the section, the count and a bar."""
    filled = round(BAR * fraction)
    full, empty = ("#", "-") if ascii else ("\u2501", "\u2500")
    right = f"{counter}  {full * filled}{empty * (BAR - filled)}" if counter else ""
    room = width - len(right) - 2
    left = section
    if len(section) + 3 + MIN_TITLE <= room:
        left = f"{shorten(title, room - len(section) - 3)} \u00b7 {section}" if section else ""
        left = left or shorten(title, room)
    left = shorten(left, room) if left else ""
    line = Text(left, style="bold")
    line.append(" " * max(1, width - len(left) - len(right)))
    line.append(right, style="dim")
    return line


MIN_TITLE = 12
"""Columns below which the header leaves the title out and shows the section only."""


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word with ``...`` to at most ``width`` characters."""
    return textwrap.shorten(text, max(width, 5), placeholder=" ...")


def pages(lines: Sequence[str], height: int) -> list[list[str]]:
    """``lines`` in pages of ``height`` lines (at least one line each, never an empty page)."""
    height = max(1, height)
    return [list(lines[start : start + height]) for start in range(0, len(lines), height)] or [[]]


def lines_of(console: Console, renderable: object) -> list[str]:
    """``renderable`` as it prints at the console's width, line by line (styles as ANSI)."""
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().rstrip("\n").split("\n")


_drawn: list[Screen] = []
"""The welcome already on the terminal (`first_screen`), for the prompter to wait on."""


def first_screen(
    questionnaire: Questionnaire,
    messages: Messages,
    *,
    fixed: Collection[str] = (),
    anonymous: bool = False,
) -> None:
    """Draw the welcome at once on an arrow-key terminal, before the prompt libraries load.

    The prompter's welcome then only waits for its key (see `Screen.read`'s ``drawn``).
    """
    if not sys.stdin.isatty() or render.ascii_only():
        return
    console = render.console()
    screen = Screen(console, questionnaire.title, messages)
    shown = welcome(questionnaire, messages, fixed=fixed, anonymous=anonymous)
    page = pages(lines_of(console, shown), screen.height)[0]
    screen.show(page)
    console.file.flush()
    _drawn.append(screen)


def already_drawn() -> bool:
    """Whether `first_screen` drew the welcome (once: the next welcome is drawn anew)."""
    return bool(_drawn) and _drawn.pop() is not None


class Screen:
    """Clears the terminal and draws the header line for each step."""

    def __init__(self, console: Console, title: str, messages: Messages) -> None:
        self.console = console
        self.title = title
        self.messages = messages

    def start(self, section: str = "", counter: str = "", fraction: float = 0.0) -> None:
        """A cleared screen with the header line."""
        self.console.clear()
        width = self.console.width
        line = header(self.title, section, counter, fraction, width, ascii=render.ascii_only())
        self.console.print(line, no_wrap=True, overflow="crop")

    def read(
        self,
        lines: Sequence[str],
        section: str = "",
        counter: str = "",
        fraction: float = 0.0,
        *,
        last: str | None = None,
        prepare: Callable[[], None] | None = None,
        wait_last: bool = True,
        drawn: bool = False,
    ) -> None:
        """Show ``lines`` a screenful at a time, each page until Enter (a page back too).

        ``last`` is the last page's key hint (default: Enter = verder); ``prepare`` runs
        once the first page is on the screen, while the respondent reads it. Without
        ``wait_last`` the last page stays on the screen without a key to press.
        """
        self.read_pages(
            pages(lines, self.height), section, counter, fraction,
            last=last, prepare=prepare, wait_last=wait_last, drawn=drawn,
        )  # fmt: skip

    def show(
        self, page: Sequence[str], section: str = "", counter: str = "", fraction: float = 0.0
    ) -> None:
        """A cleared screen with the header and ``page``."""
        self.start(section, counter, fraction)
        for line in page:
            self.console.print(Text.from_ansi(line), no_wrap=True, overflow="crop")

    @property
    def height(self) -> int:
        """Lines of text a page holds under the header and above the key hint."""
        return max(3, self.console.height - 3)

    def read_pages(
        self,
        paged: Sequence[Sequence[str]],
        section: str = "",
        counter: str = "",
        fraction: float = 0.0,
        *,
        last: str | None = None,
        prepare: Callable[[], None] | None = None,
        wait_last: bool = True,
        drawn: bool = False,
    ) -> None:
        """`read` with the pages given (``drawn``: the first is on the screen already)."""
        index = 0
        while index < len(paged):
            if drawn:
                drawn = False  # the first page is on the screen already
            else:
                self.show(paged[index], section, counter, fraction)
            if index == len(paged) - 1 and not wait_last:
                return
            self.console.print()
            hint = self.messages.page_next
            if index == len(paged) - 1 and last is not None:
                hint = last
            if len(paged) > 1:
                hint = self.messages.page_of.format(n=index + 1, count=len(paged)) + "  " + hint
            if index:
                hint += self.messages.page_back
            if prepare is not None:
                prepare()
                prepare = None
            if wait_key(hint, back=index > 0) == "back":
                index -= 1
            else:
                index += 1


def wait_key(hint: str, *, back: bool = False) -> str:
    """Show ``hint`` on one line and wait for Enter (``"next"``) or a page back (``"back"``)."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.layout import Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    keys = KeyBindings()

    @keys.add(Keys.Enter, eager=True)
    @keys.add(" ", eager=True)
    @keys.add(Keys.PageDown, eager=True)
    def _next(event: KeyPressEvent) -> None:
        event.app.exit(result="next")

    if back:

        @keys.add(Keys.PageUp, eager=True)
        @keys.add(Keys.Backspace, eager=True)
        @keys.add(Keys.BackTab, eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.exit(result="back")

    @keys.add(Keys.ControlC, eager=True)
    @keys.add(Keys.SIGINT, eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    control = FormattedTextControl(FormattedText([("fg:ansibrightblack", hint)]))
    application: Application[str] = Application(
        layout=Layout(Window(control, height=1)),
        key_bindings=keys,
        erase_when_done=True,
    )
    return application.run()


SECONDS_PER_QUESTION = 20
"""A calm respondent's pace, for the duration the welcome screen names."""


def minutes(questions: int) -> int:
    """Roughly how long ``questions`` take: minutes rounded up to five (at least five)."""
    needed = -(-questions * SECONDS_PER_QUESTION // 60)
    return max(5, -(-needed // 5) * 5)


def welcome(
    questionnaire: Questionnaire,
    messages: Messages,
    *,
    fixed: Collection[str] = (),
    anonymous: bool = False,
) -> Group:
    """The first screen: what the scan is for, how long, saving, who sees what.

    It counts and names only what is asked: neither the ``fixed`` (preset) questions nor,
    when ``anonymous``, the personal ones.
    """
    from krmscan import flow

    asked = {step.id for step in flow.asked(questionnaire, anonymous=anonymous, fixed=fixed)}
    count = len(asked)
    paragraphs = [
        messages.welcome_purpose,
        messages.welcome_duration.format(count=count, minutes=minutes(count)),
        messages.welcome_saving,
    ]
    personal = [q.text.rstrip(":") for q in questionnaire.questions if q.personal and q.id in asked]
    privacy = messages.welcome_privacy
    if anonymous:
        privacy = f"{messages.welcome_anonymous} {privacy}"
    elif personal:
        listed = render.joined(personal, messages)
        privacy = f"{messages.welcome_personal.format(questions=listed)} {privacy}"
    parts: list[Text] = []
    for paragraph in [*paragraphs, privacy]:
        parts += [Text(paragraph), Text("")]
    if questionnaire.introduction:
        parts.append(Text(printable(questionnaire.introduction, lines=True), style="italic"))
    return Group(*parts)
