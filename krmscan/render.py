"""Every table and panel krmscan prints; the rest of the code returns data."""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from krmscan.answers import OtherAnswer, choice_id
from krmscan.questionnaire import AmbitionQuestion, Statement, TextQuestion

if TYPE_CHECKING:  # for types only: `score` imports neither flow nor scoring for them
    from krmscan.answers import AnswerValue
    from krmscan.flow import Group as StepGroup
    from krmscan.flow import Intro, Step
    from krmscan.messages import Messages
    from krmscan.questionnaire import Level, Questionnaire
    from krmscan.scoring import Result, Score

if TYPE_CHECKING:  # aggregate (and statistics) load only for many files
    from krmscan.aggregate import ComponentSummary, Frequency, OrganisationSummary, Results
    from krmscan.collect import Collected


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
        title=Text(intro.title) if intro.title else None,
        title_align="left",
        expand=True,
        box=_panel_box(),
    )


def level_panel(level: Level, messages: Messages) -> Panel:
    """One corporation type with its full description (shown before the ambition question)."""
    title = messages.level_title.format(level=level.level, name=level.name)
    return Panel(
        Text(level.description or ""), title=Text(title), title_align="left", box=_panel_box()
    )


def note(text: str) -> Text:
    """A footnote or hint line."""
    return Text(text, style="italic")


def number(value: float, messages: Messages, digits: int = 1) -> str:
    """A number for the terminal in the questionnaire's language (``57,1`` in Dutch)."""
    return f"{value:.{digits}f}".replace(".", messages.decimal_mark)


def result_table(questionnaire: Questionnaire, result: Result, messages: Messages) -> FittedTable:
    """A row per component and an overall row: score, measured level number, gap, points to go.

    The felt ambition is the same on every row, so the title states it once; levels are
    numbers (the legend names them), so the table fits 60 columns without cutting a word.
    """
    ambition = questionnaire.level(result.overall.ambition_level)
    title = messages.result_title_ambition.format(
        ambition=messages.level_title.format(level=ambition.level, name=ambition.name)
    )
    headings = (
        messages.col_component,
        messages.col_score,
        messages.col_level_short,
        messages.col_gap,
        messages.col_points,
    )
    rows = [
        (
            name,
            number(score.score_pct, messages),
            str(score.level),
            f"{score.gap:+d}" if score.gap else "0",
            number(score.points_to_ambition, messages),
        )
        for name, score in _scored(result, messages)
    ]
    gaps = [*(c.gap for c in result.components), result.overall.gap]
    styles = ["red" if gap < 0 else ("green" if gap > 0 else "") for gap in gaps]
    return FittedTable(
        title,
        headings,
        rows,
        right_aligned={1, 2, 3, 4},
        row_styles=styles,
        section_before=len(rows) - 1,
        compact=True,
    )


def _scored(result: Result, messages: Messages) -> list[tuple[str, Score]]:
    return [
        *((component.name, component) for component in result.components),
        (messages.overall, result.overall),
    ]


def result_legend(questionnaire: Questionnaire, messages: Messages) -> Text:
    """The level numbers of the result table with their names."""
    return Text(levels_legend(questionnaire, messages), style="dim")


def result_explained(messages: Messages) -> Text:
    """What the result table's columns mean, in words."""
    return Text(messages.result_explained, style="dim")


def result_sentences(result: Result, messages: Messages) -> Group:
    """One plain sentence per component (and overall): where it stands against the ambition."""
    lines = []
    for name, score in _scored(result, messages):
        template = messages.result_on
        if score.gap < 0:
            template = messages.result_behind
        elif score.gap > 0:
            template = messages.result_above
        sentence = template.format(
            name=name,
            level=score.level,
            ambition=score.ambition_level,
            points=number(score.points_to_ambition, messages),
        )
        lines.append(Text(sentence))
    return Group(*lines)


def personal_result(questionnaire: Questionnaire, result: Result, messages: Messages) -> Group:
    """A respondent's whole result: the table, what it means, and a sentence per component."""
    return Group(
        result_table(questionnaire, result, messages),
        Text(""),
        result_legend(questionnaire, messages),
        result_explained(messages),
        Text(""),
        result_sentences(result, messages),
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
        compact: bool = False,
    ) -> None:
        self.compact = compact
        """The title on a line of its own, no blank lines above the heading and below the rows."""
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
        lengths = [[cell_len(cell) for cell in column] for column in columns]
        most = [max(column) for column in lengths]
        overhead = _PADDING * (len(columns) - 1) + 2
        widths = _spread(least, most, options.max_width - overhead, lengths)
        if widths is None:
            yield from self._stacked()
            return
        # Cells are Text, never markup: names from the questionnaire print as written, and
        # rich skips parsing markup and emoji codes (and importing their tables) for each cell.
        if self.compact:
            yield Text(self.title)
        table = Table(
            title=None if self.compact else Text(self.title),
            title_justify="left",
            box=ASCII_SIMPLE_HEAD if ascii_only() else box.SIMPLE_HEAD,
            pad_edge=False,
            show_edge=not self.compact,
        )
        for index, (heading, width) in enumerate(zip(self.headings, widths, strict=True)):
            justify: JustifyMethod = "right" if index in self.right_aligned else "left"
            table.add_column(Text(heading), justify=justify, width=width, overflow="fold")
        for index, (row, style) in enumerate(zip(self.rows, self.row_styles, strict=True)):
            table.add_row(
                *map(Text, row), style=style or None, end_section=index + 1 == self.section_before
            )
        yield table

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
        statements.add_row(Text(component.name), Text(str(len(component.statements))))
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
        *,
        titled: bool = True,
    ) -> None:
        self.sections = sections
        self.messages = messages
        self.titled = titled

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Render each section's table (or its rows as lines when the width is too small)."""
        width = options.max_width
        if self.titled:
            yield Text(self.messages.review_title, style="bold")
        for number, (title, rows) in enumerate(self.sections):
            if self.titled or number:
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
            title=Text(title),
            title_justify="left",
            title_style="bold",
        )
        table.add_column(justify="right", width=number_width)
        table.add_column(width=question_width)
        table.add_column(width=answer_width)
        for number, question, answer in rows:  # typed answers are text, never rich markup
            table.add_row(
                Text(str(number)), Text(shorten(question, max(question_width, 30))), Text(answer)
            )
        yield table


REVIEW_MIN_QUESTION = 20
"""Below this many columns for the questions the overview lists its rows as lines."""
# issue 4: organisation results


def organisation_view(
    questionnaire: Questionnaire,
    summary: OrganisationSummary,
    messages: Messages,
    *,
    min_group: int,
) -> Group:
    """One organisation's results: scores, against the ambition, priorities, frequencies."""
    parts: list[RenderableType] = [
        Text(messages.org_heading.format(name=summary.name, n=summary.n), style="bold")
    ]
    if len(summary.spellings) > 1:
        parts.append(note(messages.org_spellings.format(names=", ".join(summary.spellings[1:]))))
    if summary.small:
        parts.append(Text(messages.small_group.format(min_group=min_group), style="yellow"))
    parts += [
        Text(""),
        _scores_table(summary, messages),
        note(levels_legend(questionnaire, messages)),
        Text(""),
        _against_table(summary, messages),
        Text(ambition_line(summary, messages)),
        Text(""),
        _priorities(summary, messages),
        Text(""),
        Text(messages.frequencies_title, style="bold"),
    ]
    for frequency in summary.frequencies:
        parts.append(_frequency_list(frequency, messages))
        if frequency.other_texts:
            parts.append(note(messages.other_texts.format(option=frequency.other_option)))
            counted = frequency.other_counts()
            parts.extend(
                Text(f"  - {text}" + (f" ({count})" if count > 1 else ""))
                for text, count in counted[:_MAX_OTHER_TEXTS]
            )
            if len(counted) > _MAX_OTHER_TEXTS:
                more = len(counted) - _MAX_OTHER_TEXTS
                parts.append(note(messages.more_other_texts.format(n=more)))
    return Group(*parts)


_MAX_OTHER_TEXTS = 15


def pct(value: float) -> str:
    """A percentage as the tables show it."""
    return f"{value:.1f}"


def share(value: float) -> str:
    """A share (0..1) as a whole percentage."""
    return f"{100 * value:.0f} %"


def signed(value: float) -> str:
    """A gap with its sign, whole numbers without decimals."""
    if value == 0:
        return "0"
    return f"{value:+.0f}" if float(value).is_integer() else f"{value:+.1f}"


def level_number(value: float) -> str:
    """A (median) level: 3, or 2.5 between two levels."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def agreement(component: ComponentSummary, messages: Messages) -> tuple[str, str]:
    """The rwg value and its verdict, as words."""
    if component.rwg is None:
        return "-", messages.too_few_for_rwg
    view = messages.shared_view if component.shared_view else messages.no_shared_view
    return f"{component.rwg:.2f}", view


def joined(items: Sequence[str], messages: Messages) -> str:
    """``a, b and c`` in the catalogue's language."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {messages.and_word} {items[-1]}"


def _scores_table(summary: OrganisationSummary, messages: Messages) -> FittedTable:
    headings = (
        messages.col_component,
        messages.col_mean,
        messages.col_median,
        messages.col_sd,
        messages.col_range,
        messages.col_level,
    )
    rows = [
        (
            c.name,
            pct(c.mean_pct),
            pct(c.median_pct),
            "-" if c.sd_pct is None else pct(c.sd_pct),
            f"{pct(c.min_pct)}\u2013{pct(c.max_pct)}",
            str(c.level),
        )
        for c in summary.components
    ]
    overall = summary.overall
    rows.append((messages.overall, pct(overall.mean_pct), "", "", "", str(overall.level)))
    return FittedTable(
        messages.scores_title,
        headings,
        rows,
        right_aligned={1, 2, 3, 4, 5},
        section_before=len(rows) - 1,
    )


def _against_table(summary: OrganisationSummary, messages: Messages) -> FittedTable:
    headings = (
        messages.col_component,
        messages.col_level_counts.format(levels=slashed(summary.ambition.distribution)),
        messages.col_ambition_gap,
        messages.col_below,
        messages.col_rwg,
        messages.col_view,
    )
    rows = [
        (
            c.name,
            slashed(c.level_distribution.values()),
            signed(c.ambition_gap),
            share(c.below_ambition),
            *agreement(c, messages),
        )
        for c in summary.components
    ]
    styles = ["yellow" if c.shared_view is False else "" for c in summary.components]
    return FittedTable(
        messages.against_title, headings, rows, right_aligned={1, 2, 3, 4}, row_styles=styles
    )


def levels_legend(questionnaire: Questionnaire, messages: Messages) -> str:
    """The level numbers with their names."""
    names = ", ".join(
        messages.level_title.format(level=level.level, name=level.name)
        for level in questionnaire.levels
    )
    return messages.levels_legend.format(levels=names)


def ambition_line(summary: OrganisationSummary, messages: Messages) -> str:
    """The felt ambition of an organisation in one sentence."""
    ambition = summary.ambition
    return messages.ambition_line.format(
        median=level_number(ambition.median),
        mode=joined([str(level) for level in ambition.mode], messages),
        levels=slashed(ambition.distribution),
        distribution=slashed(ambition.distribution.values()),
    )


def slashed(numbers: Iterable[int]) -> str:
    """``1/2/3/4``: level numbers, or the counts per level, in the levels' order."""
    return "/".join(str(number) for number in numbers)


def _priorities(summary: OrganisationSummary, messages: Messages) -> Group:
    """Per component its weakest statements, numbered, with their score."""
    lines: list[RenderableType] = [Text(messages.priorities_title, style="bold")]
    for component in summary.components:
        lines.append(Text(component.name, style="italic"))
        lines.append(Numbered([f"{p.text} ({pct(p.pct)}\u00a0%)" for p in component.priorities]))
    return Group(*lines)


class Numbered:
    """A numbered list whose items wrap between words under their own first word."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = list(items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Each item as ``  1. text``, continued lines indented under the text."""
        indent = 2 + len(f"{len(self.items)}. ")
        width = max(20, options.max_width - indent)
        for number, item in enumerate(self.items, start=1):
            lines = textwrap.wrap(item, width) or [""]
            yield Text(f"  {f'{number}.':<{indent - 3}} {lines[0]}")
            yield from (Text(" " * indent + line) for line in lines[1:])


class CountList:
    """Labelled counts in aligned columns: lighter than a table for a long list of options.

    Labels wrap between words within the width left by the number columns.
    """

    def __init__(self, title: str, headings: Sequence[str], rows: Sequence[Sequence[str]]):
        self.title = title
        self.headings = list(headings)
        self.rows = [list(row) for row in rows]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The title, a heading line and a line (or more) per row."""
        numbers = [
            max(cell_len(self.headings[i]), *(cell_len(row[i]) for row in self.rows))
            for i in range(1, len(self.headings))
        ]
        room = options.max_width - 2 - sum(width + 3 for width in numbers)
        longest = max(cell_len(self.headings[0]), *(cell_len(row[0]) for row in self.rows))
        label = max(12, min(longest, room))
        yield Text(self.title, style="bold")
        yield Text(self._line(self.headings, label, numbers), style="bold")
        for row in self.rows:
            wrapped = textwrap.wrap(row[0], label) or [""]
            yield Text(self._line([wrapped[0], *row[1:]], label, numbers))
            yield from (Text(f"  {more}") for more in wrapped[1:])

    @staticmethod
    def _line(cells: Sequence[str], label: int, numbers: Sequence[int]) -> str:
        padded = cells[0] + " " * (label - cell_len(cells[0]))
        rest = "".join(
            " " * (3 + width - cell_len(cell)) + cell
            for cell, width in zip(cells[1:], numbers, strict=True)
        )
        return f"  {padded}{rest}"


def _frequency_list(frequency: Frequency, messages: Messages) -> CountList:
    rows = [(o.text, str(o.count), share(o.share)) for o in frequency.options]
    return CountList(
        frequency.text, (messages.col_option, messages.col_count, messages.col_share), rows
    )


def organisation_views(results: Results, messages: Messages) -> Group:
    """Every organisation's results, one after another."""
    views: list[RenderableType] = []
    for index, summary in enumerate(results.summaries):
        if index:
            views.append(Rule(style="dim"))
        views.append(
            organisation_view(results.questionnaire, summary, messages, min_group=results.min_group)
        )
    return Group(*views)


def collection_notes(collection: Collected) -> Iterator[str]:
    """What the analyst should know about the files: skipped, duplicates, warnings (English)."""
    for skipped in collection.skipped:
        yield f"skipped {skipped.file}: {skipped.reason}"
    for respondent in collection.duplicates:
        for copy in respondent.copies:
            yield f"duplicate: {copy} has the same content as {respondent.file}; counted once"
    if collection.progress_files:
        count = len(collection.progress_files)
        yield f"note: {count} progress file(s) of unfinished scans (*.partial) left out"
    warnings = [w for respondent in collection.respondents for w in respondent.warnings]
    for warning in warnings[:_MAX_WARNINGS]:
        yield f"warning: {warning}"
    if len(warnings) > _MAX_WARNINGS:
        yield f"warning: ... and {len(warnings) - _MAX_WARNINGS} more files like these"
    copies = sum(len(respondent.copies) for respondent in collection.respondents)
    found = len(collection.respondents) + copies + len(collection.skipped)
    yield (
        f"{len(collection.respondents)} respondents from {found} files"
        + (f", {copies} duplicate(s) counted once" if copies else "")
        + (f", {len(collection.skipped)} skipped" if collection.skipped else "")
    )


_MAX_WARNINGS = 10


def small_group_notes(results: Results, *, exports: bool = True) -> Iterator[str]:
    """A warning per organisation below the minimum group (English, for the analyst)."""
    withheld = exports and not results.include_small
    for summary in results.summaries:
        if summary.small:
            rows = (
                "; its per-respondent rows are left out of exports (--include-small-groups)"
                if withheld
                else ""
            )
            yield (
                f"warning: '{summary.name}' has {summary.n} respondent(s), fewer than "
                f"--min-group {results.min_group}: its results can identify people{rows}"
            )


def as_text(renderable: RenderableType, *, width: int = 100) -> str:
    """A renderable as plain text (no colour), for writing to a file."""
    console = Console(
        file=io.StringIO(), width=width, color_system=None, highlight=False, force_terminal=False
    )
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()
