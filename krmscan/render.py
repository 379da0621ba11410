"""Every table and panel krmscan prints; the rest of the code returns data."""

from __future__ import annotations

import errno
import io
import math
import os
import shutil
import sys
import textwrap
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

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
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text as RichText

from krmscan.answers import OtherAnswer, choice_id
from krmscan.numbers import judged, number, score, signed, to_go, trimmed
from krmscan.questionnaire import AmbitionQuestion, Statement, TextQuestion
from krmscan.text import has_control, printable

if TYPE_CHECKING:  # for types only: `score` imports neither flow nor scoring for them
    from krmscan.answers import AnswerValue
    from krmscan.flow import Group as StepGroup
    from krmscan.flow import Intro, Step
    from krmscan.messages import Messages
    from krmscan.questionnaire import Level, Questionnaire
    from krmscan.scoring import Result, Score

if TYPE_CHECKING:  # aggregate (and statistics) load only for many files
    from krmscan.aggregate import (
        Ambition,
        ComponentSummary,
        Frequency,
        Kind,
        OrganisationSummary,
        Overall,
        Results,
    )
    from krmscan.collect import Collected, Skipped
    from krmscan.compare import Change, Comparisons, Previous, Quality, Segments


class Text(RichText):
    """Rich's text, with control characters shown (`printable`) instead of silently dropped.

    Rich removes BEL, backspace, VT, FF and CR from every text it is given; krmscan shows them
    as pictures (U+2407 for BEL), as it shows ESC, so that every screen shows what is there.
    """

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(printable(text, lines=True), *args, **kwargs)

    def append(self, text: RichText | str, style: str | Style | None = None) -> Text:
        """Add ``text`` (its control characters shown) with an optional style."""
        super().append(printable(text, lines=True) if isinstance(text, str) else text, style)
        return self


class SafeConsole(Console):
    """A rich console that never lets data drive the terminal.

    Every text it prints passes through `printable`: an ESC, BEL or bidirectional override
    from an answers file, a questionnaire or a file name is shown, never obeyed. Rich's own
    styles (control segments) are left alone.
    """

    def render_str(self, text: str, **options: Any) -> RichText:
        """A printed string as text, its control characters shown rather than dropped."""
        return super().render_str(printable(text, lines=True), **options)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """Rich's segments, their texts made printable."""
        for segment in super().render(renderable, options):
            if segment.control or not has_control(segment.text.replace("\n", "")):
                yield segment
            else:
                yield Segment(printable(segment.text, lines=True), segment.style)

    def on_broken_pipe(self) -> None:
        """Let the closed pipe reach the command, which ends quietly (rich would exit 1)."""
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def console(*, stderr: bool = False) -> Console:
    """A console on stdout (or stderr) that honours NO_COLOR and the terminal's width.

    Rich takes a dumb terminal to be 80 columns wide; its real width (or ``COLUMNS``) is used.
    """
    size = shutil.get_terminal_size() if os.environ.get("TERM") == "dumb" else None
    return SafeConsole(
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


def note(text: str) -> Text:
    """A footnote or hint line."""
    return Text(text, style="italic")


def result_table(questionnaire: Questionnaire, result: Result, messages: Messages) -> FittedTable:
    """A row per component and an overall row: score, measured level number, gap, points to go.

    The felt ambition is the same on every row, so the title states it once; levels are
    numbers (the legend names them), so the table fits 60 columns without cutting a word.
    """
    ambition = questionnaire.level(result.overall.ambition_level)
    title = messages.result_title_ambition.format(ambition=level_title(ambition, messages))
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
            score(given.score_pct, questionnaire.bands, messages),
            str(given.level),
            signed(given.gap, messages, 0),
            to_go(given.points_to_ambition, messages),
        )
        for name, given in _scored(result, messages)
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


def result_legend(questionnaire: Questionnaire, messages: Messages) -> KeptTogether:
    """The level numbers of the result table with their names."""
    return KeptTogether(levels_legend(questionnaire, messages), style="dim")


class KeptTogether:
    """Text wrapped between words, where a no-break space keeps its two words on one line.

    Rich breaks a line at a no-break space too; `textwrap` does not.
    """

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The wrapped lines, the no-break spaces shown as spaces."""
        width = max(10, options.max_width)
        for line in textwrap.wrap(self.text, width, break_on_hyphens=False) or [""]:
            yield Text(line.replace(NO_BREAK, " "), style=self.style)


NO_BREAK = "\u00a0"


def result_explained(messages: Messages) -> Text:
    """What the result table's columns mean, in words."""
    return Text(messages.result_explained, style="dim")


def result_sentences(result: Result, messages: Messages) -> Group:
    """One plain sentence per component (and overall): where it stands against the ambition."""
    lines = []
    for name, given in _scored(result, messages):
        template = messages.result_on
        if given.gap < 0:
            template = messages.result_behind
        elif given.gap > 0:
            template = messages.result_above
        sentence = template.format(
            name=name,
            level=given.level,
            ambition=given.ambition_level,
            points=to_go(given.points_to_ambition, messages),
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
        if self.compact and self.title:
            yield KeptTogether(self.title)
        table = Table(
            title=Text(self.title.replace(NO_BREAK, " "))
            if self.title and not self.compact
            else None,
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

    def _stacked(self) -> Iterator[RenderableType]:
        yield KeptTogether(self.title, style="bold")
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


def labelled(question: str, answer: str) -> str:
    """``question: answer``, without a second mark after a question's own ``?`` or ``:``."""
    question = question.rstrip()
    return f"{question} {answer}" if question.endswith(("?", ":")) else f"{question}: {answer}"


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
        for block in self.blocks(options.max_width):
            yield from block

    def blocks(self, width: int) -> list[list[RenderableType]]:
        """What must stay together on a page: a section's title with its first row, a row.

        Every row of a section has the same columns, so the rows drawn one by one line up.
        """
        blocks: list[list[RenderableType]] = []
        if self.titled:
            blocks.append([Text(self.messages.review_title, style="bold")])
        for index, (title, rows) in enumerate(self.sections):
            parts = self._section(title or "", rows, width)
            first = [Text(""), *parts[:2]] if self.titled or index else parts[:2]
            blocks += [first, *([part] for part in parts[2:])]
        return blocks

    @staticmethod
    def _section(title: str, rows: list[tuple[int, str, str]], width: int) -> list[RenderableType]:
        """The section's title, then each row on its own."""
        number_width = max((len(str(number)) for number, _, _ in rows), default=1)
        answers = [answer for _, _, answer in rows]
        longest_word = max((_longest_word(answer) for answer in answers), default=1)
        answer_width = min(
            max((cell_len(answer) for answer in answers), default=1),
            max(longest_word, width * 2 // 5),
        )
        question_width = width - number_width - answer_width - 2 * 2
        parts: list[RenderableType] = [Text(title, style="bold")]
        for position, question, answer in rows:  # typed answers are text, never rich markup
            if question_width < REVIEW_MIN_QUESTION:
                parts.append(
                    Text(f"{position}. {shorten(question)}\n{' ' * (number_width + 2)}{answer}")
                )
                continue
            table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
            table.add_column(justify="right", width=number_width)
            table.add_column(width=question_width)
            table.add_column(width=answer_width)
            table.add_row(
                Text(str(position)), Text(shorten(question, max(question_width, 30))), Text(answer)
            )
            parts.append(table)
        return parts


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
    """One organisation's results: scores, against the ambition, priorities, frequencies.

    Of a small group whose figures are withheld (`aggregate.size_only`) only its n, and why.
    """
    parts: list[RenderableType] = [
        Text(
            messages.org_heading.format(
                name=printable(summary.name), respondents=messages.respondents(summary.n)
            ),
            style="bold",
        )
    ]
    overall, ambition = summary.overall, summary.ambition
    if overall is None or ambition is None:
        parts.append(
            Text(messages.small_group_withheld.format(min_group=min_group), style="yellow")
        )
        return Group(*parts)
    if len(summary.spellings) > 1:
        others = ", ".join(printable(name) for name in summary.spellings[1:])
        parts.append(note(messages.org_spellings.format(names=others)))
    if summary.small:
        parts.append(Text(messages.small_group.format(min_group=min_group), style="yellow"))
    parts += [
        Text(""),
        _scores_table(questionnaire, summary, overall, messages),
        KeptTogether(levels_legend(questionnaire, messages), style="italic"),
        Text(""),
        _against_table(questionnaire, summary, messages),
        Text(ambition_start(overall, ambition, messages)),
        Text(ambition_line(ambition, messages)),
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
                Text(f"  - {printable(text)}" + (f" ({count})" if count > 1 else ""))
                for text, count in counted[:_MAX_OTHER_TEXTS]
            )
            if len(counted) > _MAX_OTHER_TEXTS:
                more = len(counted) - _MAX_OTHER_TEXTS
                parts.append(note(messages.more_other_texts.format(n=more)))
    return Group(*parts)


_MAX_OTHER_TEXTS = 15


def pct(value: float | None, messages: Messages) -> str:
    """A percentage as the tables show it; ``-`` for none (withheld or not computable)."""
    return "-" if value is None else number(value, messages)


def share(value: float | None, messages: Messages) -> str:
    """A share (0..1) as a whole percentage; ``-`` for none (withheld)."""
    return "-" if value is None else f"{number(100 * value, messages, 0)} %"


def agreement(component: ComponentSummary, messages: Messages) -> tuple[str, str]:
    """The rwg value and its verdict, as words."""
    if component.rwg is None:
        return "-", messages.too_few_for_rwg
    view = messages.shared_view if component.shared_view else messages.no_shared_view
    from krmscan.aggregate import SHARED_VIEW

    return judged(component.rwg, (SHARED_VIEW,), messages, 2), view


def joined(items: Sequence[str], messages: Messages) -> str:
    """``a, b and c`` in the catalogue's language."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {messages.and_word} {items[-1]}"


def _scores_table(
    questionnaire: Questionnaire,
    summary: OrganisationSummary,
    overall: Overall,
    messages: Messages,
) -> FittedTable:
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
            score(c.mean_pct, questionnaire.bands, messages),
            pct(c.median_pct, messages),
            pct(c.sd_pct, messages),
            "-"
            if c.min_pct is None or c.max_pct is None
            else f"{number(c.min_pct, messages)}\u2013{number(c.max_pct, messages)}",
            str(c.level),
        )
        for c in summary.components
    ]
    mean = score(overall.mean_pct, questionnaire.bands, messages)
    rows.append((messages.overall, mean, "", "", "", str(overall.level)))
    return FittedTable(
        messages.scores_title,
        headings,
        rows,
        right_aligned={1, 2, 3, 4, 5},
        section_before=len(rows) - 1,
    )


def _against_table(
    questionnaire: Questionnaire, summary: OrganisationSummary, messages: Messages
) -> FittedTable:
    """Per component: respondents per level, the points to the ambition, agreement.

    The points to the ambition are the one comparison with it (`ComponentSummary.behind`);
    the share below their own ambition is a separate figure, about persons.
    """
    levels = [level.level for level in questionnaire.levels]
    headings = (
        messages.col_component,
        messages.col_level_counts.format(levels=slashed(levels)),
        messages.col_to_ambition,
        messages.col_below,
        messages.col_rwg,
        messages.col_view,
    )
    rows = [
        (
            c.name,
            slashed(c.level_distribution.values()) or "-",
            to_go(c.points_to_ambition, messages),
            share(c.below_ambition, messages),
            *agreement(c, messages),
        )
        for c in summary.components
    ]
    styles = [
        "red" if c.behind else ("yellow" if c.shared_view is False else "")
        for c in summary.components
    ]
    return FittedTable(
        messages.against_title, headings, rows, right_aligned={1, 2, 3, 4}, row_styles=styles
    )


def levels_legend(questionnaire: Questionnaire, messages: Messages) -> str:
    """The level numbers with their names, each kept together on one line."""
    names = ", ".join(level_title(level, messages) for level in questionnaire.levels)
    return messages.levels_legend.format(levels=names)


def level_title(level: Level, messages: Messages) -> str:
    """A level's number and name, joined by no-break spaces (for `KeptTogether`)."""
    return messages.level_title.format(level=level.level, name=level.name).replace(" ", NO_BREAK)


def ambition_start(overall: Overall, ambition: Ambition, messages: Messages) -> str:
    """Where the ambition starts: the one edge every component's mean is compared with."""
    edge = overall.ambition_pct
    return messages.ambition_starts.format(
        pct=trimmed(edge, messages),
        level=math.ceil(ambition.median),
    )


def ambition_line(ambition: Ambition, messages: Messages) -> str:
    """The felt ambition of an organisation in one sentence."""
    return messages.ambition_line.format(
        median=trimmed(ambition.median, messages),
        mode=joined([str(level) for level in ambition.mode], messages),
        levels=slashed(ambition.distribution),
        distribution=slashed(ambition.distribution.values()),
    )


def slashed(numbers: Iterable[int]) -> str:
    """``1/2/3/4``: level numbers, or the counts per level, in the levels' order."""
    return "/".join(str(number) for number in numbers)


def _priorities(summary: OrganisationSummary, messages: Messages) -> Group:
    """Per component, ranked as the report ranks them, its advice and weakest statements."""
    from krmscan.aggregate import ranking

    lines: list[RenderableType] = [Text(messages.priorities_title, style="bold")]
    for kind, component in ranking(summary.components, withheld=summary.withheld):
        lines.append(Text(f"{component.name} \u2013 {advice(kind, messages)}", style="italic"))
        lines.append(
            Numbered([f"{p.text} ({number(p.pct, messages)}\u00a0%)" for p in component.priorities])
        )
    return Group(*lines)


def advice(kind: Kind, messages: Messages) -> str:
    """The advice for a component in words: act, talk first or keep."""
    return {
        "act": messages.rep_kind_act,
        "talk": messages.rep_kind_talk,
        "keep": messages.rep_kind_keep,
    }[kind.value]


class Numbered:
    """A numbered list whose items wrap between words under their own first word."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = list(items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Each item as ``  1. text``, continued lines indented under the text."""
        indent = 2 + len(f"{len(self.items)}. ")
        width = max(20, options.max_width - indent)
        for position, item in enumerate(self.items, start=1):
            lines = textwrap.wrap(item, width) or [""]
            yield Text(f"  {f'{position}.':<{indent - 3}} {lines[0]}")
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
    rows = [(o.text, str(o.count), share(o.share, messages)) for o in frequency.options]
    return CountList(
        frequency.text, (messages.col_option, messages.col_count, messages.col_share), rows
    )


OVERVIEW_FROM = 20
"""From this many organisations `score` shows one line each (``--detail``: every table).

Twenty lines, a title, a legend and a heading fill a 24-line screen."""


def organisation_views(
    results: Results,
    messages: Messages,
    figures: Sequence[Comparisons] = (),
    *,
    detail: bool = False,
) -> Group:
    """Every organisation's results, each followed by its comparisons; many as one line each.

    From `OVERVIEW_FROM` organisations on, without ``detail``: the `overview`. A small group
    whose figures are withheld gets no comparisons: they would show its mean.
    """
    if len(results.summaries) >= OVERVIEW_FROM and not detail:
        return overview(results, messages, figures)
    views: list[RenderableType] = []
    for index, summary in enumerate(results.summaries):
        if index:
            views.append(Rule(style="dim"))
        views.append(
            organisation_view(results.questionnaire, summary, messages, min_group=results.min_group)
        )
        if index < len(figures) and summary.overall is not None:
            views += [Text(""), comparison_view(figures[index], messages)]
    return Group(*views)


def overview(results: Results, messages: Messages, figures: Sequence[Comparisons] = ()) -> Group:
    """One line per organisation: its name, n, mean score % per component, overall level.

    Components are numbered in the heading (a legend names them) and the means are whole
    percentages (the tables of ``--detail`` have decimals), so five components fit 60 columns
    whatever their names. With comparisons: a mean clearly higher or lower than in the previous
    round is marked + or -, the benchmark's medians are the last row, and a note points to
    ``--detail`` for the rest.
    A small group whose figures are withheld shows ``-`` for them.
    """
    components = results.questionnaire.components
    legend = Packed([f"{number} = {c.name}" for number, c in enumerate(components, start=1)])
    headings = (
        messages.col_organisation,
        messages.col_n,
        *(str(number) for number in range(1, len(components) + 1)),
        messages.col_level,
    )
    ids = [c.id for c in components]
    marks = [_change_marks(f, ids) for f in figures]
    rows = [
        (
            printable(summary.name),
            str(summary.n),
            *(
                (
                    number(c.mean_pct, messages, 0)
                    + (marks[index][position] if index < len(marks) else "")
                    for position, c in enumerate(summary.components)
                )
                if summary.overall is not None
                else ["-"] * len(components)
            ),
            "-" if summary.overall is None else str(summary.overall.level),
        )
        for index, summary in enumerate(results.summaries)
    ]
    title = messages.overview_title.format(n=len(rows))
    notes: list[RenderableType] = []
    section = None
    if figures:
        from krmscan.compare import benchmark_reason

        found = figures[0].benchmark
        if found.available:
            section = len(rows)
            medians = (number(float(c.median), messages, 0) for c in found.components)
            rows.append((messages.overview_benchmark_row, "", *medians, ""))
        else:
            notes.append(note(benchmark_reason(found, messages)))
        if any(f.previous is not None for f in figures):
            compared = sum(bool(f.previous and f.previous.components) for f in figures)
            notes.append(
                note(messages.overview_changes.format(n=compared, total=len(results.summaries)))
            )
        parts = [
            part
            for part, shown in (
                (messages.detail_benchmark, found.available),
                (messages.detail_previous, any(f.previous is not None for f in figures)),
                (messages.detail_segments, any(f.segments is not None for f in figures)),
            )
            if shown
        ]
        if parts:
            notes.append(note(messages.overview_detail.format(parts=joined(parts, messages))))
    table = FittedTable(
        "", headings, rows, right_aligned=set(range(1, len(headings))), section_before=section
    )
    return Group(Text(title, style="bold"), legend, table, *notes)


def _change_marks(figures: Comparisons, components: Sequence[str]) -> list[str]:
    """Per component (by id) "+" or "-" for a clear change since the previous round."""
    if figures.previous is None:
        return [""] * len(components)
    sign = {1: "+", -1: "-", 0: " "}
    marks = {c.id: sign[c.change.direction] for c in figures.previous.components}
    return [marks.get(component, " ") for component in components]


class Packed:
    """Items separated by commas, as many on a line as fit, never one broken across lines."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = list(items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Lines of items, in italics (a legend)."""
        line = ""
        for index, item in enumerate(self.items):
            piece = item + ("," if index + 1 < len(self.items) else "")
            if line and cell_len(line) + 1 + cell_len(piece) > options.max_width:
                yield Text(line, style="italic")
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
        yield Text(line, style="italic")


def collection_notes(
    collection: Collected, messages: Messages, *, other_version_hint: str | None = None
) -> Iterator[str]:
    """What the analyst should know about the files (skipped, duplicates, warnings).

    Files of another version of the questionnaire that do not fit are summed up in one line
    per version, ending in ``other_version_hint`` (default: choose the questionnaire with -q).
    In the questionnaire's language; file names and reasons with control characters shown.
    """
    versions: dict[str, list[Skipped]] = {}
    for skipped in collection.skipped:
        if skipped.version is not None:
            versions.setdefault(skipped.version, []).append(skipped)
            continue
        yield messages.note_skipped.format(
            file=printable(skipped.file), reason=printable(skipped.reason)
        )
    for version, files in versions.items():
        yield messages.note_other_version_skipped.format(
            n=len(files),
            version=printable(version),
            file=printable(files[0].file),
            reason=printable(files[0].reason),
            hint=other_version_hint or messages.hint_other_version,
        )
    for respondent in collection.duplicates:
        for copy in respondent.copies:
            yield messages.note_duplicate.format(
                copy=printable(copy), file=printable(respondent.file)
            )
    if collection.progress_files:
        yield messages.note_progress_files.format(n=len(collection.progress_files))
    warnings = [w for respondent in collection.respondents for w in respondent.warnings]
    for warning in warnings[:_MAX_WARNINGS]:
        yield messages.note_warning.format(warning=printable(warning))
    if len(warnings) > _MAX_WARNINGS:
        yield messages.note_more_warnings.format(n=len(warnings) - _MAX_WARNINGS)
    copies = sum(len(respondent.copies) for respondent in collection.respondents)
    found = len(collection.respondents) + copies + len(collection.skipped)
    yield (
        messages.note_collected.format(
            respondents=messages.respondents(len(collection.respondents)),
            files=messages.files(found),
        )
        + (messages.note_duplicates_counted.format(n=copies) if copies else "")
        + (
            messages.note_skipped_count.format(n=len(collection.skipped))
            if collection.skipped
            else ""
        )
    )


_MAX_WARNINGS = 10


def small_group_notes(results: Results, messages: Messages) -> Iterator[str]:
    """A warning per organisation below the minimum group, in the questionnaire's language."""
    withheld = not results.include_small
    for summary in results.summaries:
        if summary.small:
            yield messages.note_small_group.format(
                name=printable(summary.name), n=summary.n, min_group=results.min_group
            ) + (messages.note_small_group_withheld if withheld else "")


def as_text(renderable: RenderableType, *, width: int = 100) -> str:
    """A renderable as plain text (no colour), for writing to a file."""
    console = SafeConsole(
        file=io.StringIO(), width=width, color_system=None, highlight=False, force_terminal=False
    )
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


# issue 12: comparisons and the quality of the measurement


def comparison_view(figures: Comparisons, messages: Messages) -> Group:
    """An organisation's benchmark, change since the previous round and segments."""
    parts: list[RenderableType] = [_benchmark_table(figures, messages)]
    if figures.previous is not None:
        min_group = figures.benchmark.min_group
        parts += [Text(""), _previous_table(figures.previous, min_group, messages)]
    if figures.segments is not None:
        parts += [Text(""), _segments_table(figures.segments, messages)]
    return Group(*parts)


def _benchmark_table(figures: Comparisons, messages: Messages) -> RenderableType:
    from krmscan.compare import benchmark_reason

    found = figures.benchmark
    if not found.available:
        return note(benchmark_reason(found, messages))
    rows = []
    for component, sample in zip(found.components, figures.samples, strict=True):
        rows.append(
            (
                component.name,
                number(float(sample.mean), messages),
                number(float(component.median), messages),
                f"{number(float(component.q1), messages)}\u2013"
                f"{number(float(component.q3), messages)}",
                component.position(sample.mean).words(messages),
            )
        )
    headings = (
        messages.col_component,
        messages.col_own,
        messages.col_benchmark_median,
        messages.col_benchmark_middle,
        messages.col_position,
    )
    title = messages.benchmark_title.format(count=found.organisations, min_group=found.min_group)
    return FittedTable(title, headings, rows, right_aligned={1, 2, 3})


def interval_text(change: Change, messages: Messages) -> str:
    """A change's 95 % interval, ``+1.2 tot +11.0`` (unbreakable); ``-`` without one."""
    if change.low is None or change.high is None:
        return "-"
    text = messages.change_interval.format(
        low=signed(change.low, messages), high=signed(change.high, messages)
    )
    return text.replace(" ", "\u00a0")  # one piece: a table never breaks it


def _previous_table(found: Previous, min_group: int, messages: Messages) -> RenderableType:
    from krmscan.compare import left_out_texts, previous_reason, verdict

    reason = previous_reason(found, min_group, messages)
    if reason is not None:
        return note(reason)
    rows = [
        (
            c.name,
            number(c.earlier.mean_pct, messages),
            number(c.current.mean_pct, messages),
            signed(c.change.difference, messages),
            interval_text(c.change, messages),
            verdict(c.change, messages),
        )
        for c in found.components
    ]
    styles = [{1: "green", -1: "red", 0: ""}[c.change.direction] for c in found.components]
    headings = (
        messages.col_component,
        messages.col_earlier,
        messages.col_now,
        messages.col_change,
        messages.col_interval,
        messages.col_verdict,
    )
    first = found.components[0] if found.components else None
    title = messages.previous_title.format(
        earlier=first.earlier.n if first else 0, now=first.current.n if first else 0
    )
    table = FittedTable(title, headings, rows, right_aligned={1, 2, 3, 4}, row_styles=styles)
    parts: list[RenderableType] = [table, Text(""), _rounds_table(found, messages)]
    left_out = left_out_texts(found.common, messages)
    if left_out:
        parts.append(note(messages.previous_left_out.format(items="; ".join(left_out))))
    return Group(*parts)


def _rounds_table(found: Previous, messages: Messages) -> FittedTable:
    """Per component both rounds' n, level and agreement (rwg)."""

    def rwg(value: float | None) -> str:
        return "-" if value is None else number(value, messages, 2)

    rows = [
        (
            c.name,
            str(c.earlier.n),
            str(c.current.n),
            str(c.earlier.level),
            str(c.current.level),
            rwg(c.earlier.rwg),
            rwg(c.current.rwg),
        )
        for c in found.components
    ]
    headings = (
        messages.col_component,
        messages.col_n_earlier,
        messages.col_n_now,
        messages.col_level_earlier,
        messages.col_level_now,
        messages.col_rwg_earlier,
        messages.col_rwg_now,
    )
    return FittedTable(
        messages.previous_figures_title, headings, rows, right_aligned=set(range(1, 7))
    )


def _segments_table(found: Segments, messages: Messages) -> RenderableType:
    title = messages.segments_title.format(question=found.text)
    reason = found.reason(messages)
    if reason is not None:
        return Group(Text(title, style="bold"), note(reason))
    headings = [messages.col_component, *(f"{s.text} (n={s.n})" for s in found.segments)]
    directions = [
        [
            0 if (c := s.components[index].against_rest) is None else c.direction
            for s in found.segments
        ]
        for index in range(len(found.segments[0].components))
    ]
    marked = any(any(row) for row in directions)
    marks = {1: " +", -1: " -", 0: "  " if marked else ""}
    rows = [
        (
            component.name,
            *(
                number(s.components[index].mean_pct, messages) + marks[direction]
                for s, direction in zip(found.segments, directions[index], strict=True)
            ),
        )
        for index, component in enumerate(found.segments[0].components)
    ]
    parts: list[RenderableType] = [
        FittedTable(title, headings, rows, right_aligned=set(range(1, len(headings))))
    ]
    if marked:
        parts.append(note(messages.segments_legend))
    if found.merged:
        parts.append(
            note(
                messages.segments_merged.format(
                    min_group=found.min_group, options=", ".join(found.merged_texts)
                )
            )
        )
    return Group(*parts)


def quality_view(found: Sequence[Quality], messages: Messages) -> FittedTable:
    """Cronbach's alpha per component, flagged below the threshold."""
    from krmscan.compare import ALPHA_FLAG

    rows = [
        (
            q.name,
            str(q.n),
            "-" if q.alpha is None else judged(q.alpha, (ALPHA_FLAG,), messages, 2),
            messages.alpha_flag if q.flagged else "",
        )
        for q in found
    ]
    headings = (messages.col_component, messages.col_respondents, messages.col_alpha, "")
    styles = ["yellow" if q.flagged else "" for q in found]
    return FittedTable(
        messages.quality_title, headings, rows, right_aligned={1, 2}, row_styles=styles
    )


def with_quality(views: RenderableType, found: Sequence[Quality], messages: Messages) -> Group:
    """The organisations' views followed by the quality of the measurement."""
    return Group(
        views, Text(""), quality_view(found, messages), note(messages.quality_small_groups)
    )
