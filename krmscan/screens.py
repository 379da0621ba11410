"""The arrow-key interface's screens: each step on a cleared screen under one header line.

The header names the questionnaire (shortened to fit), where the respondent is and how far
(``vraag 11 van 43`` and a bar). Texts longer than the screen are shown a page at a time:
Enter goes on, Page Up or Backspace goes back a page, so nothing scrolls away unread. Rich
draws, prompt_toolkit (imported only when a key is awaited) reads the keys.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable, Collection, Sequence

from rich.console import Console, Group

from krmscan import render
from krmscan.messages import Messages
from krmscan.questionnaire import Questionnaire
from krmscan.render import Text
from krmscan.text import printable, wrapped

BAR = 10
"""Cells of the progress bar in the header."""

CLEAR_SCROLLBACK = "\x1b[3J"
"""Erases the terminal's scrollback (xterm and most terminals), so nobody can scroll back."""


def header(
    title: str, section: str, counter: str, fraction: float, width: int, *, ascii: bool
) -> Text:
    """One line: the title, the section, the count and a bar, at any width.

    The count always shows; the title keeps at least its first word. When both do not fit
    beside the section, the bar goes first, then the title and the section are shortened at
    a word (the section keeps its last word: its place, ``3/7``).
    """
    filled = round(BAR * fraction)
    full, empty = ("#", "-") if ascii else ("\u2501", "\u2500")
    mark, between = ("...", " - ") if ascii else ("\u2026", " \u00b7 ")
    rights = [f"{counter}  {full * filled}{empty * (BAR - filled)}", counter] if counter else [""]
    for right in rights:
        room = width - len(right) - 2
        left = _title_and_section(title, section, room, (mark, between))
        if left is not None:
            break
    if left is None:
        left = _title_and_section(title, section, room, (mark, between), squeeze=True) or ""
    line = Text(left, style="bold")
    line.append(" " * max(1, width - len(left) - len(right)))
    line.append(right, style="dim")
    return line


def _title_and_section(
    title: str, section: str, room: int, marks: tuple[str, str], *, squeeze: bool = False
) -> str | None:
    """``title · section`` in ``room`` columns, the title shortened at a word; None if not.

    ``marks``: what ends a shortened text and what stands between the two. With ``squeeze``
    the section is shortened too (keeping its last word), and the shortest title is its
    first word.
    """
    mark, between = marks
    words = title.split()
    if not words or not section:
        alone = title or section
        if len(alone) <= room:
            return alone
        return squeezed(alone, room, mark) if squeeze else None
    count = len(words)
    candidates = [" ".join(words[:n]) + ("" if n == count else mark) for n in range(count, 0, -1)]
    for candidate in candidates:
        if len(candidate) + len(between) + len(section) <= room:
            return f"{candidate}{between}{section}"
    if not squeeze:
        return None
    shortest = candidates[-1]
    rest = room - len(shortest) - len(between)
    if rest < MIN_SECTION:
        return squeezed(shortest, room, mark)
    return f"{shortest}{between}{squeezed(section, rest, mark)}"


MIN_SECTION = 8
"""Columns below which the header names only the title (shortened), not the section."""


def squeezed(text: str, width: int, mark: str) -> str:
    """``text`` shortened at a word to ``width``, its last word kept where it fits."""
    if len(text) <= width:
        return text
    words = text.split()
    for n in range(len(words) - 2, 0, -1):
        kept = f"{' '.join(words[:n])}{mark} {words[-1]}"
        if len(kept) <= width:
            return kept
    return text[: max(0, width - len(mark))] + mark


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word with ``...`` to at most ``width`` characters."""
    return textwrap.shorten(text, max(width, 5), placeholder=" ...")


def pages(lines: Sequence[str], height: int, later: int | None = None) -> list[list[str]]:
    """``lines`` in pages of ``height`` lines (at least one line each, never an empty page).

    ``later`` is the height of the pages after the first (default: the same). No page holds
    only decoration (a box's border, blank lines): the page before gives up its last lines.
    """
    return paged_blocks([[line] for line in lines], height, later)


def paged_blocks(
    blocks: Sequence[Sequence[str]], height: int, later: int | None = None
) -> list[list[str]]:
    """``blocks`` of lines in pages as `pages`, a block never split.

    A block longer than a page is split into pages of its own. No page holds only
    decoration: where the next page would, this one ends earlier.
    """
    height = max(1, height)
    later = max(1, later or height)
    units: list[list[str]] = []
    for block in blocks:
        if len(block) <= min(height, later):
            units.append(list(block))
        else:
            step = min(height, later)
            units += [list(block[start : start + step]) for start in range(0, len(block), step)]
    paged: list[list[str]] = []
    start = 0
    while start < len(units):
        end = _fill(units, start, later if paged else height)
        while end - start > 1 and _decoration(units[end : _fill(units, end, later)]):
            end -= 1  # the next page would hold only decoration: it takes this unit too
        paged.append([line for unit in units[start:end] for line in unit])
        start = end
    return paged or [[]]


def _fill(units: Sequence[Sequence[str]], start: int, height: int) -> int:
    """Where a page that starts at ``units[start]`` ends."""
    end, size = start, 0
    while end < len(units) and size + len(units[end]) <= height:
        size += len(units[end])
        end += 1
    return max(end, min(start + 1, len(units)))


def _decoration(units: Sequence[Sequence[str]]) -> bool:
    """Whether ``units`` hold lines, and none of them a letter or a digit."""
    lines = [line for unit in units for line in unit]
    return bool(lines) and not any(
        char.isalnum() for line in lines for char in Text.from_ansi(line).plain
    )


def lines_of(console: Console, renderable: object, *, soft_wrap: bool = False) -> list[str]:
    """``renderable`` as it prints at the console's width, line by line (styles as ANSI).

    With ``soft_wrap`` its lines are not wrapped (the terminal does, as it likes).
    """
    with console.capture() as capture:
        console.print(renderable, soft_wrap=soft_wrap)
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
    page = pages(lines_of(console, shown), *screen.heights())[0]
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
            pages(lines, *self.heights(last or "")), section, counter, fraction,
            last=last, prepare=prepare, wait_last=wait_last, drawn=drawn,
        )  # fmt: skip

    def show(
        self, page: Sequence[str], section: str = "", counter: str = "", fraction: float = 0.0
    ) -> None:
        """A cleared screen with the header and ``page``."""
        self.start(section, counter, fraction)
        for line in page:
            self.console.print(Text.from_ansi(line), no_wrap=True, overflow="crop")

    def heights(self, hint: str = "") -> tuple[int, int]:
        """Lines of text the first page and a later one hold (a later hint says Backspace).

        Under the header and above a blank line and the key hint, as wrapped at the width;
        ``hint`` is the last page's own key hint, if any.
        """
        messages = self.messages
        last = max(
            messages.page_next, messages.page_to_question, messages.welcome_start, hint, key=len
        )
        first = f"{messages.page_of.format(n=99, count=99)}  {last}"
        room = self.console.height - 2
        width = self.console.width
        later = room - len(wrapped(first + messages.page_back, width))
        return max(3, room - len(wrapped(first, width))), max(3, later)

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
            if wait_key(hint, back=index > 0, width=self.console.width) == "back":
                index -= 1
            else:
                index += 1


def wait_key(hint: str, *, back: bool = False, width: int | None = None) -> str:
    """Show ``hint`` (wrapped at words) and wait for Enter (``"next"``) or a page back.

    Returns ``"next"`` or ``"back"``; ``width`` is the terminal's (asked when not given).
    """
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

    lines = wrapped(hint, width or shutil.get_terminal_size().columns)
    control = FormattedTextControl(FormattedText([("fg:ansibrightblack", "\n".join(lines))]))
    application: Application[str] = Application(
        layout=Layout(Window(control, height=len(lines))),
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
