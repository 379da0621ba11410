"""Every table and panel krmscan prints; the rest of the code returns data."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Collection, Iterator, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from krmscan.answers import AnswerValue, OtherAnswer, choice_id
from krmscan.flow import Group as StepGroup
from krmscan.flow import Intro, Step
from krmscan.messages import Messages
from krmscan.questionnaire import AmbitionQuestion, Level, Questionnaire, Statement, TextQuestion
from krmscan.scoring import Result


def console(*, stderr: bool = False) -> Console:
    """A console on stdout (or stderr) that honours NO_COLOR and the terminal's width.

    Rich takes a dumb terminal to be 80 columns wide; its real width (or ``COLUMNS``) is used.
    """
    size = shutil.get_terminal_size() if os.environ.get("TERM") == "dumb" else None
    return Console(
        stderr=stderr,
        highlight=False,
        file=sys.stderr if stderr else sys.stdout,
        width=size.columns if size else None,
        height=size.lines if size else None,
    )


def ascii_only() -> bool:
    """Whether boxes must be drawn in ASCII: ``TERM=dumb`` or an output encoding not UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    return os.environ.get("TERM") == "dumb" or not encoding.startswith("utf")


ASCII_SIMPLE_HEAD = box.Box(
    "    \n    \n -- \n    \n    \n    \n    \n    \n",
    ascii=True,
)
"""`rich.box.SIMPLE_HEAD` with an ASCII rule under the heading."""


def _panel_box() -> box.Box:
    return box.ASCII if ascii_only() else box.ROUNDED


def intro_panel(intro: Intro) -> Panel:
    """A section's, component's or part's introduction."""
    return Panel(
        Text(intro.text or ""),
        title=intro.title,
        title_align="left",
        expand=True,
        box=_panel_box(),
    )


def level_panel(level: Level, messages: Messages) -> Panel:
    """One corporation type with its full description (shown before the ambition question)."""
    title = messages.level_title.format(level=level.level, name=level.name)
    return Panel(Text(level.description or ""), title=title, title_align="left", box=_panel_box())


def note(text: str) -> Text:
    """A footnote or hint line."""
    return Text(text, style="italic")


def result_table(questionnaire: Questionnaire, result: Result, messages: Messages) -> FittedTable:
    """A row per component and an overall row: score, measured level, gap, verdict, points to go.

    The felt ambition is the same on every row, so the title states it once: the table then
    fits 80 columns without cutting a level name.
    """
    ambition = questionnaire.level(result.overall.ambition_level)
    title = messages.result_title_ambition.format(
        ambition=messages.level_title.format(level=ambition.level, name=ambition.name)
    )
    headings = (
        messages.col_component,
        messages.col_score,
        messages.col_level,
        messages.col_gap,
        messages.col_verdict,
        messages.col_points,
    )
    rows = [
        (
            name,
            f"{score.score_pct:.1f}",
            score.level_name,
            f"{score.gap:+d}" if score.gap else "0",
            messages.verdict(score.gap),
            f"{score.points_to_ambition:.1f}",
        )
        for name, score in [
            *((component.name, component) for component in result.components),
            (messages.overall, result.overall),
        ]
    ]
    gaps = [*(c.gap for c in result.components), result.overall.gap]
    styles = ["red" if gap < 0 else ("green" if gap > 0 else "") for gap in gaps]
    return FittedTable(
        title,
        headings,
        rows,
        right_aligned={1, 3, 5},
        row_styles=styles,
        section_before=len(rows) - 1,
    )


class FittedTable:
    """A table whose cells wrap only between words, never cut; stacked when columns won't fit.

    Rich shrinks the widest columns first and then cuts words with an ellipsis. This gives each
    column at least its longest word and spreads the rest of the width by need. When even the
    longest words do not fit side by side, every row becomes a block of ``heading: value`` lines.
    """

    def __init__(
        self,
        title: str,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        right_aligned: Collection[int] = (),
        row_styles: Sequence[str] = (),
        section_before: int | None = None,
    ) -> None:
        self.title = title
        self.headings = list(headings)
        self.rows = [list(row) for row in rows]
        self.right_aligned = set(right_aligned)
        self.row_styles = list(row_styles) or [""] * len(rows)
        self.section_before = section_before

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Render as a table that fits ``options.max_width``, or as stacked blocks."""
        columns = list(zip(self.headings, *self.rows, strict=True))
        least = [max(_longest_word(cell) for cell in column) for column in columns]
        most = [max(least[i], *map(cell_len, self.rows_of(i))) for i in range(len(columns))]
        overhead = _PADDING * (len(columns) - 1) + 2
        lengths = [[cell_len(cell) for cell in self.rows_of(i)] for i in range(len(columns))]
        widths = _spread(least, most, options.max_width - overhead, lengths)
        if widths is None:
            yield from self._stacked()
            return
        table = Table(
            title=self.title,
            title_justify="left",
            box=ASCII_SIMPLE_HEAD if ascii_only() else box.SIMPLE_HEAD,
            pad_edge=False,
        )
        for index, (heading, width) in enumerate(zip(self.headings, widths, strict=True)):
            justify: JustifyMethod = "right" if index in self.right_aligned else "left"
            table.add_column(heading, justify=justify, width=width, overflow="fold")
        for index, (row, style) in enumerate(zip(self.rows, self.row_styles, strict=True)):
            table.add_row(*row, style=style or None, end_section=index + 1 == self.section_before)
        yield table

    def rows_of(self, index: int) -> list[str]:
        """The cells of one column (without its heading, which may wrap)."""
        return [row[index] for row in self.rows]

    def _stacked(self) -> Iterator[Text]:
        yield Text(self.title, style="bold")
        for row, style in zip(self.rows, self.row_styles, strict=True):
            yield Text("")
            for heading, cell in zip(self.headings, row, strict=True):
                yield Text(f"{heading}: {cell}", style=style)


_PADDING = 3
"""Columns of SIMPLE_HEAD: one space of padding on each side plus the blank separator."""


def _spread(
    least: list[int], most: list[int], available: int, wrapped: Sequence[Sequence[int]] = ()
) -> list[int] | None:
    """Column widths from ``least`` towards ``most`` within ``available``; None if too narrow.

    Spare width goes first to the column that unwraps the most cells per character it costs,
    then, once no column can be unwrapped whole, one character at a time to the widest need.
    """
    widths = list(least)
    spare = available - sum(widths)
    if spare < 0:
        return None
    while spare > 0:
        wanting = [i for i, width in enumerate(widths) if width < most[i]]
        if not wanting:
            break
        affordable = [i for i in wanting if most[i] - widths[i] <= spare]
        if affordable:

            def gain(i: int) -> float:
                cells = wrapped[i] if wrapped else [most[i]]
                return sum(length > widths[i] for length in cells) / (most[i] - widths[i])

            chosen = max(affordable, key=gain)
            spare -= most[chosen] - widths[chosen]
            widths[chosen] = most[chosen]
        else:
            chosen = max(wanting, key=lambda i: most[i] - widths[i])
            widths[chosen] += 1
            spare -= 1
    return widths


def _longest_word(text: str) -> int:
    """The width below which a column would have to break a word."""
    return max((cell_len(word) for word in text.split()), default=0)


def validation_summary(questionnaire: Questionnaire, path: str) -> Group:
    """What `krmscan validate` prints for a valid questionnaire."""
    questions = len(questionnaire.questions)
    statements = Table(show_header=True, box=None, padding=(0, 2, 0, 0))
    statements.add_column("component")
    statements.add_column("statements", justify="right")
    for component in questionnaire.components:
        statements.add_row(component.name, str(len(component.statements)))
    headline = Text(
        f"{path}: valid. {len(questionnaire.sections)} sections, {questions} questions, "
        f"{len(questionnaire.components)} components, "
        f"{len(questionnaire.statements)} statements."
    )
    return Group(headline, statements)


# The overview before saving (issue 3).

SHORT_QUESTION = 70
"""Questions and statements longer than this are shortened in the overview, at a word."""


def shorten(text: str, width: int = SHORT_QUESTION) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    return textwrap.shorten(text, width, placeholder=" ...")


def answer_text(
    questionnaire: Questionnaire, step: Step, value: AnswerValue | None, messages: Messages
) -> str:
    """An answer in words: option texts, the text typed, the scale label or the level name."""
    item = step.item
    if value is None or value == "":
        return messages.empty_answer
    if isinstance(item, Statement):
        labels = {point.id: point.label for point in questionnaire.scale}
        return labels.get(str(value), str(value))
    if isinstance(item, TextQuestion):
        return str(value)
    if isinstance(item, AmbitionQuestion):
        levels = {o.id: questionnaire.level(o.level).name for o in item.options}
        return levels.get(str(value), str(value))
    texts = {option.id: option.text for option in item.options}
    chosen = value if isinstance(value, list) else [value]
    words = []
    for choice in chosen:
        text = texts.get(choice_id(choice), choice_id(choice))
        words.append(f"{text}: {choice.text}" if isinstance(choice, OtherAnswer) else text)
    return "; ".join(words)


def review_lines(
    questionnaire: Questionnaire, groups: Sequence[StepGroup], messages: Messages
) -> Iterator[tuple[str | None, list[tuple[int, str, str]]]]:
    """Per section: its title and rows of (number, question, answer in words)."""
    for group in groups:
        rows = [
            (
                step.number,
                step.item.text.rstrip(":"),
                answer_text(questionnaire, step, value, messages),
            )
            for step, value in group.rows
        ]
        yield group.title or messages.review_general, rows


def review_table(
    questionnaire: Questionnaire, groups: Sequence[StepGroup], messages: Messages
) -> ReviewTable:
    """The overview: number, question and answer per row, a heading row per section."""
    return ReviewTable(list(review_lines(questionnaire, groups, messages)), messages)


class ReviewTable:
    """The overview: a borderless table per section that fits the width.

    Each section gets the columns its answers need (statements' answers are one word), and its
    questions are shortened at a word to the rest of the line (at least 30 characters, then
    they wrap). Answers are never shortened and no word is cut; too narrow for a table, every
    row becomes two lines.
    """

    def __init__(
        self,
        sections: Sequence[tuple[str | None, list[tuple[int, str, str]]]],
        messages: Messages,
    ) -> None:
        self.sections = sections
        self.messages = messages

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Render each section's table (or its rows as lines when the width is too small)."""
        width = options.max_width
        yield Text(self.messages.review_title, style="bold")
        for title, rows in self.sections:
            yield Text("")
            yield from self._section(title or "", rows, width)

    @staticmethod
    def _section(
        title: str, rows: list[tuple[int, str, str]], width: int
    ) -> Iterator[Table | Text]:
        number_width = max((len(str(number)) for number, _, _ in rows), default=1)
        answers = [answer for _, _, answer in rows]
        longest_word = max((_longest_word(answer) for answer in answers), default=1)
        answer_width = min(
            max((cell_len(answer) for answer in answers), default=1),
            max(longest_word, width * 2 // 5),
        )
        question_width = width - number_width - answer_width - 2 * 2
        if question_width < REVIEW_MIN_QUESTION:
            yield Text(title, style="bold")
            for number, question, answer in rows:
                yield Text(f"{number}. {shorten(question)}")
                yield Text(f"{' ' * (number_width + 2)}{answer}")
            return
        table = Table(
            box=None,
            show_header=False,
            padding=(0, 1),
            pad_edge=False,
            title=title,
            title_justify="left",
            title_style="bold",
        )
        table.add_column(justify="right", width=number_width)
        table.add_column(width=question_width)
        table.add_column(width=answer_width)
        for number, question, answer in rows:
            table.add_row(str(number), shorten(question, max(question_width, 30)), answer)
        yield table


REVIEW_MIN_QUESTION = 20
"""Below this many columns for the questions the overview lists its rows as lines."""
