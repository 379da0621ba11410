"""What a board's report says, as data: no charts, no HTML, no I/O.

Per organisation: the cover's facts (fieldwork period, respondents, participation), the
components ranked by one documented rule, the answers per statement, and what a small group's
report must leave out. The ranking rule is `aggregate.ranking`, the one `krmscan score`
lists its priorities by.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from krmscan.aggregate import (
    ComponentSummary,
    Kind,
    OrganisationSummary,
    Results,
    organisation_key,
    ranking,
    withhold_small,
)
from krmscan.collect import Respondent
from krmscan.compare import (
    BenchmarkComponent,
    Comparisons,
    ComponentChange,
    Previous,
    Segments,
    benchmark_reason,
    left_out_texts,
    previous_reason,
)
from krmscan.errors import BadDataError
from krmscan.files import os_problem
from krmscan.messages import Messages
from krmscan.questionnaire import Level, Questionnaire
from krmscan.text import printable

TOP_FINDINGS = 3
"""Findings the management summary spells out."""


@dataclass(frozen=True)
class StatementAnswers:
    """One statement's answers in one organisation."""

    id: str
    text: str
    counts: tuple[int, ...]
    """Respondents per scale point, in the scale's order."""
    pct: float
    """The mean answer weight as a percentage of the highest weight."""

    @property
    def shares(self) -> tuple[float, ...]:
        """The counts as shares (0..1) of the respondents."""
        total = sum(self.counts)
        return tuple(count / total for count in self.counts)


@dataclass(frozen=True)
class Finding:
    """A component in the ranking, with the level descriptions that say what it means."""

    kind: Kind
    component: ComponentSummary
    level: Level
    next_level: Level | None
    """The level above the measured one; None at the top."""


@dataclass(frozen=True)
class OrganisationReport:
    """Everything one organisation's part of the report shows."""

    summary: OrganisationSummary
    withheld: bool
    """A small group: nothing that shows one person's answers (`withhold_small`)."""
    findings: list[Finding]
    """Every component, ranked by the module's rule."""
    statements: dict[str, list[StatementAnswers]]
    """Component id -> its statements, weakest first; empty when withheld."""
    period: tuple[date, date] | None
    """First and last day an answers file was completed."""
    invited: int | None
    duplicates: list[tuple[str, tuple[str, ...]]]
    """Files of this organisation found more than once: (file, copies), names only."""

    @property
    def participation(self) -> float | None:
        """Respondents as a share of those invited."""
        return None if not self.invited else self.summary.n / self.invited

    @property
    def top(self) -> list[Finding]:
        """The findings the summary spells out: act and talk first, at most `TOP_FINDINGS`."""
        return [f for f in self.findings if f.kind is not Kind.KEEP][:TOP_FINDINGS]

    def of_kind(self, kind: Kind) -> list[Finding]:
        """The findings of one kind, in rank order."""
        return [finding for finding in self.findings if finding.kind is kind]


def ranked(
    questionnaire: Questionnaire, components: Sequence[ComponentSummary], *, withheld: bool
) -> list[Finding]:
    """The components in the order of the module's rule (`aggregate.ranking`)."""
    levels = [level.level for level in questionnaire.levels]
    findings = []
    for kind, component in ranking(components, withheld=withheld):
        above = [level for level in levels if level > component.level]
        findings.append(
            Finding(
                kind=kind,
                component=component,
                level=questionnaire.level(component.level),
                next_level=questionnaire.level(min(above)) if above else None,
            )
        )
    return findings


def statement_answers(
    questionnaire: Questionnaire, members: Sequence[Respondent]
) -> dict[str, list[StatementAnswers]]:
    """Per component, each statement's answers per scale point, weakest first.

    Specific to the report (the exports count per organisation themselves).
    """
    weights = [point.weight for point in questionnaire.scale]
    top = max(weights)
    points = len(weights)
    found: dict[str, list[StatementAnswers]] = {}
    position = 0
    for component in questionnaire.components:
        rows = []
        for statement in component.statements:
            counts = [0] * points
            for member in members:
                counts[member.codes[position] - 1] += 1
            position += 1
            total = sum(w * c for w, c in zip(weights, counts, strict=True))
            pct = 100 * total / (top * len(members)) if top else 0.0
            rows.append(StatementAnswers(statement.id, statement.text, tuple(counts), pct))
        rows.sort(key=lambda row: row.pct)  # stable: ties keep questionnaire order
        found[component.id] = rows
    return found


def organisation_reports(
    results: Results,
    *,
    include_small: bool,
    invited: dict[str, int] | None = None,
    given: Sequence[str] = (),
) -> list[OrganisationReport]:
    """The organisations to report on; small groups only with ``include_small``.

    A small group's report shows only what `withhold_small` leaves. ``invited`` maps
    organisation names (compared as `organisation_key`) to the number of employees invited;
    ``given`` are the files and folders named by the user (`file_name`).
    """
    questionnaire = results.questionnaire
    wanted = {organisation_key(name): n for name, n in (invited or {}).items()}
    reports = []
    for found, members in results.organisations:
        if found.small and not include_small:
            continue
        summary = withhold_small(found)
        completed = [m.completed_at.date() for m in members if m.completed_at is not None]
        reports.append(
            OrganisationReport(
                summary=summary,
                withheld=summary.withheld,
                findings=ranked(questionnaire, summary.components, withheld=summary.withheld),
                statements={} if summary.withheld else statement_answers(questionnaire, members),
                period=(min(completed), max(completed)) if completed else None,
                invited=wanted.get(organisation_key(summary.name)),
                duplicates=[
                    (file_name(m.file, given), tuple(file_name(c, given) for c in m.copies))
                    for m in members
                    if m.copies
                ],
            )
        )
    return reports


def file_name(path: str, given: Sequence[str]) -> str:
    """A file as a board's report names it: ``org000/r0001.json``, never absolute.

    Relative to the folder of ``given`` it was found in (with several given, starting with
    that folder's own name, so two folders' files stay apart); a file given as such by its
    name. Never a consultant's folder above what was given.
    """
    file = os.path.normpath(path)
    for name in given:
        folder = os.path.normpath(name)
        if file == folder:
            break
        if folder == os.curdir or file.startswith(folder + os.sep):
            return os.path.relpath(file, Path(folder).parent if len(given) > 1 else folder)
    return Path(path).name


def read_invited(path: Path, m: Messages) -> dict[str, int]:
    """Organisation -> employees invited, from a CSV of two columns (a header row allowed).

    Comma or semicolon separated. Raises `BadDataError` naming the file and line.
    """
    try:
        text = path.read_text("utf-8-sig")
    except OSError as error:
        problem = os_problem(error, m)
        raise BadDataError(m.rep_invited_unreadable.format(path=path, problem=problem)) from None
    except UnicodeDecodeError as error:
        byte = f"{error.object[error.start]:02X}"
        raise BadDataError(m.rep_invited_not_utf8.format(path=path, byte=byte)) from None
    delimiter = ";" if text.count(";") > text.count(",") else ","
    found: dict[str, int] = {}
    for line, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < 2 or not cells[0]:
            raise BadDataError(m.rep_invited_columns.format(path=path, line=line))
        try:
            number = int(cells[1])
        except ValueError:
            if line == 1:  # a header row
                continue
            raise BadDataError(
                m.rep_invited_not_number.format(path=path, line=line, value=printable(cells[1]))
            ) from None
        if number < 1:
            raise BadDataError(m.rep_invited_below_one.format(path=path, line=line))
        found[cells[0]] = number
    if not found:
        raise BadDataError(m.rep_invited_none.format(path=path))
    return found


def check_invited(reports: Sequence[OrganisationReport], source: str, m: Messages) -> None:
    """Raise `BadDataError` when an organisation has more respondents than were invited."""
    for report in reports:
        if report.invited is not None and report.invited < report.summary.n:
            raise BadDataError(
                m.rep_invited_too_few.format(
                    source=source,
                    name=printable(report.summary.name),
                    n=report.summary.n,
                    invited=report.invited,
                )
            )


# issue 12: the comparisons a board's report and the consultant's overview show.


@dataclass(frozen=True)
class BenchmarkView:
    """One component against the benchmark: the band and the position in words."""

    band: BenchmarkComponent
    position: str


@dataclass(frozen=True)
class Compared:
    """An organisation's comparisons as its report shows them."""

    benchmark: dict[str, BenchmarkView]
    """Component id -> its benchmark; empty when there is none."""
    benchmark_reason: str | None
    """Why there is no benchmark; None when there is one."""
    previous: Previous | None
    """None: no previous round given."""
    previous_reason: str | None
    changes: dict[str, ComponentChange]
    clear: list[ComponentChange]
    """The clear changes, the largest first."""
    left_out: list[str]
    """Components and statements not in both rounds, in words; empty when not compared."""
    segments: Segments | None


def compared(found: Comparisons, messages: Messages) -> Compared:
    """What the report shows of one organisation's comparisons (see `krmscan.compare`)."""
    bench = found.benchmark
    views = {
        band.id: BenchmarkView(band, band.position(sample.mean).words(messages))
        for band, sample in zip(bench.components, found.samples, strict=False)
    }
    previous = found.previous
    changes = {} if previous is None else {c.id: c for c in previous.components}
    clear = sorted(
        (c for c in changes.values() if c.change.direction),
        key=lambda c: -abs(c.change.difference),
    )
    reason = None if previous is None else previous_reason(previous, bench.min_group, messages)
    left_out = (
        [] if previous is None or reason is not None else left_out_texts(previous.common, messages)
    )
    return Compared(
        benchmark=views,
        benchmark_reason=None if bench.available else benchmark_reason(bench, messages),
        previous=previous,
        previous_reason=reason,
        changes=changes,
        clear=clear,
        left_out=left_out,
        segments=found.segments,
    )


@dataclass(frozen=True)
class OverviewRow:
    """One organisation in the consultant's overview."""

    name: str
    n: int
    invited: int | None
    small: bool
    """Below ``min_group``: no figures shown, only that it is small."""
    components: list[ComponentSummary]
    """Empty for a small organisation."""

    @property
    def participation(self) -> float | None:
        """Respondents as a share of those invited."""
        return None if not self.invited else self.n / self.invited


def overview_rows(results: Results, invited: dict[str, int] | None) -> list[OverviewRow]:
    """Every organisation of the run, in the results' order; small ones without figures."""
    wanted = {organisation_key(name): n for name, n in (invited or {}).items()}
    return [
        OverviewRow(
            name=summary.name,
            n=summary.n,
            invited=wanted.get(organisation_key(summary.name)),
            small=summary.small,
            components=[] if summary.small else list(summary.components),
        )
        for summary, _ in results.organisations
    ]
