"""Organisation results as data: JSON, CSV (Excel with Dutch settings) and xlsx.

Answers of questions marked personal (name, e-mail) appear only with ``include_personal``;
of an organisation below the minimum group only its n unless ``include_small`` (its summary
is already `aggregate.size_only`'s: no rows of its respondents, no figures, nor comparisons).

Every format is written as it is produced, so memory does not grow with the output: JSON as
chunks of compact text (one organisation or respondent per line, encoded by the standard
library's C encoder), xlsx with XlsxWriter's constant-memory workbook (number formats set as
the rows are written). XlsxWriter is imported only to write xlsx.

Every value that came from a file passes `cell` on its way into CSV or xlsx: control characters
are shown, never written raw.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from krmscan.aggregate import PRIORITIES, OrganisationSummary, Results, ranking
from krmscan.collect import Collected, Respondent
from krmscan.compare import Comparisons, ComponentChange, Quality, verdict
from krmscan.errors import BadDataError
from krmscan.files import os_problem, write_private_with
from krmscan.messages import Messages, messages_for
from krmscan.meter import Track, untracked
from krmscan.questionnaire import (
    AmbitionQuestion,
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from krmscan.scoring import Scorer, as_dict
from krmscan.text import json_escaped, printable

_encode_string = json.encoder.encode_basestring


def encode_string(text: str) -> str:
    """A string as JSON text, non-ASCII kept, every control character escaped (see `_dumps`)."""
    return json_escaped(_encode_string(text))


Cell = str | int | float | bool | datetime | None

SHEET_RESPONDENTS = "respondents"
SHEET_ORGANISATIONS = "organisations"
SHEET_STATEMENTS = "statements"
SHEET_FREQUENCIES = "frequencies"
SHEET_SKIPPED = "skipped"
SHEET_QUALITY = "quality"
OVERALL_ID = "overall"
"""``component_id`` of an organisation's overall row."""


def cell(value: Cell) -> Cell:
    """A value as it goes into a CSV or xlsx cell: text with its control characters shown."""
    return printable(value) if isinstance(value, str) else value


# JSON.


def json_chunks(
    results: Results,
    collection: Collected,
    *,
    track: Track = untracked,
    extras: Sequence[dict[str, object]] = (),
    more: dict[str, object] | None = None,
) -> Iterator[str]:
    """The JSON document in pieces, each organisation and respondent compact on its own line.

    ``{"organisations": [...], "respondents": [...], "skipped": [...], "duplicates": [...]}``;
    ``extras`` adds keys to each organisation in turn (not to one whose figures are withheld:
    its comparisons would show its mean) and ``more`` keys at the end (the comparisons and
    the quality of the measurement).
    """
    scores = ScoreCache(results.questionnaire)
    messages = messages_for(results.questionnaire.language)
    yield '{"organisations": ['
    for index, summary in enumerate(results.summaries):
        data = _organisation_json(summary, withheld_reason(summary, results.min_group, messages))
        if index < len(extras) and summary.overall is not None:
            data |= extras[index]
        yield ("\n" if index == 0 else ",\n") + _dumps(data)
    yield '\n],\n"respondents": ['
    shown = results.shown_respondents()
    names = {summary.name: encode_string(summary.name) for summary in results.summaries}
    for index, (summary, respondent) in enumerate(track(shown, len(shown), "exporting")):
        yield ("\n" if index == 0 else ",\n") + _respondent_json(
            results, scores, names[summary.name], respondent
        )
    yield "\n],\n"
    skipped = [{"file": s.file, "reason": s.reason} for s in collection.skipped]
    duplicates = [{"file": r.file, "copies": list(r.copies)} for r in collection.duplicates]
    yield f'"skipped": {_dumps(skipped)},\n"duplicates": {_dumps(duplicates)}'
    for key, value in (more or {}).items():
        yield f",\n{_dumps(key)}: {_dumps(value)}"
    yield "\n}\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _dumps(data: object) -> str:
    """Compact JSON, non-ASCII kept: the standard library's C encoder (no indent).

    `json` escapes C0 controls itself; DEL, C1 controls and bidirectional overrides are
    escaped too (`text.json_escaped`), so printing the JSON never drives a terminal while
    the data stays exact.
    """
    return json_escaped(_ENCODER.encode(data))


def withheld_reason(summary: OrganisationSummary, min_group: int, messages: Messages) -> str | None:
    """Why an organisation shows only its n (`aggregate.size_only`), or None."""
    if summary.overall is not None:
        return None
    return messages.small_group_withheld.format(min_group=min_group)


def _organisation_json(summary: OrganisationSummary, reason: str | None) -> dict[str, object]:
    head: dict[str, object] = {
        "name": summary.name,
        "n": summary.n,
        "small_group": summary.small,
        "respondents_withheld": summary.withheld,
        "withheld_reason": reason,
        "spellings": list(summary.spellings),
    }
    overall, ambition = summary.overall, summary.ambition
    if overall is None or ambition is None:
        empty: dict[str, object] = {
            "components": [],
            "ranking": [],
            "overall": None,
            "ambition": None,
        }
        return head | empty | {"frequencies": {}, "statements": {}}
    components = [asdict(component) for component in summary.components]
    ranked = ranking(summary.components, withheld=summary.withheld)
    advice = {found.id: kind.value for kind, found in ranked}
    for component, found in zip(components, summary.components, strict=True):
        component["level_distribution"] = _keyed(found.level_distribution)
        component["behind"] = found.behind
        component["shared_view"] = found.shared_view
        component["advice"] = advice[found.id]
    return head | {
        "components": components,
        "ranking": [found.id for _, found in ranked],
        "overall": asdict(overall) | {"behind": overall.behind},
        "ambition": asdict(ambition) | {"distribution": _keyed(ambition.distribution)},
        "frequencies": {f.id: _without_id(asdict(f)) for f in summary.frequencies},
        "statements": {s.id: _without_id(asdict(s)) for s in summary.statements},
    }


def _without_id(data: dict[str, object]) -> dict[str, object]:
    data.pop("id")
    return data


def _keyed(counts: dict[int, int]) -> dict[str, int]:
    return {str(level): count for level, count in counts.items()}


def _respondent_json(
    results: Results, scores: ScoreCache, organisation: str, respondent: Respondent
) -> str:
    """One respondent's line: file, organisation (already encoded), copies, dates, anonymous.

    Then the scores as in the one-file JSON, and ``personal`` when asked.
    """
    copies = _dumps(list(respondent.copies)) if respondent.copies else "[]"
    line = (
        f'{{"file": {encode_string(respondent.file)}, "organisation": {organisation}, '
        f'"copies": {copies}, "started_at": "{respondent.started_at.isoformat()}", '
        f'"completed_at": "{respondent.completed_at.isoformat()}", '
        f'"anonymous": {"true" if respondent.anonymous else "false"}, '
        f"{scores.json(respondent.points, respondent.ambition)}"
    )
    if results.include_personal:
        line += f', "personal": {_dumps(_personal(results.questionnaire, respondent))}'
    return line + "}"


class ScoreCache:
    """A respondent's scores as JSON text and as cells, made once per distinct score.

    A component's score depends only on its points and the felt ambition, the overall score
    on the points weighted by the components' sizes and the ambition: a few hundred distinct
    values however many respondents.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.scorer = Scorer(questionnaire)
        top = max(point.weight for point in questionnaire.scale)
        sizes = [top * len(component.statements) for component in questionnaire.components]
        common = math.lcm(*sizes)
        self.multipliers = [common // size for size in sizes]
        self.components: dict[tuple[int, int, int], tuple[str, list[Cell]]] = {}
        self.overall: dict[tuple[int, int], tuple[str, list[Cell]]] = {}

    def _parts(
        self, points: tuple[int, ...], ambition: int
    ) -> tuple[list[tuple[str, list[Cell]]], tuple[str, list[Cell]]]:
        keys = [(index, p, ambition) for index, p in enumerate(points)]
        whole = (sum(p * m for p, m in zip(points, self.multipliers, strict=True)), ambition)
        components = [self.components.get(key) for key in keys]
        overall = self.overall.get(whole)
        if overall is None or None in components:
            result = self.scorer.result(list(points), ambition)
            data = as_dict(result)
            shown = data["components"]
            assert isinstance(shown, list)
            for key, score, found in zip(keys, shown, result.components, strict=True):
                self.components[key] = (_dumps(score), [found.score_pct, found.level])
            self.overall[whole] = (
                _dumps(data["overall"]),
                [result.overall.score_pct, result.overall.level],
            )
            components = [self.components[key] for key in keys]
            overall = self.overall[whole]
        return [c for c in components if c is not None], overall

    def json(self, points: tuple[int, ...], ambition: int) -> str:
        """``"components": [...], "overall": {...}`` as in the one-file JSON."""
        components, overall = self._parts(points, ambition)
        listed = ", ".join(text for text, _ in components)
        return f'"components": [{listed}], "overall": {overall[0]}'

    def cells(self, points: tuple[int, ...], ambition: int) -> list[Cell]:
        """Per component its ``score_pct`` and ``level``, then the overall ones."""
        components, overall = self._parts(points, ambition)
        return [*itertools.chain.from_iterable(cells for _, cells in components), *overall[1]]


def _personal(questionnaire: Questionnaire, respondent: Respondent) -> dict[str, object]:
    return {
        q.id: respondent.texts.get(q.id, "")
        for q in questionnaire.questions
        if q.personal and isinstance(q, TextQuestion)
    } | {
        q.id: list(respondent.choices.get(q.id, ()))
        for q in questionnaire.questions
        if q.personal and not isinstance(q, TextQuestion)
    }


# One row per respondent.


@dataclass(frozen=True)
class Column:
    """A column of an export: its id (the header), its label and codes (the codebook)."""

    id: str
    label: str
    values: str = ""
    """What the codes mean, e.g. ``0 = Oneens, 1 = Neutraal, 2 = Eens``."""
    number_format: str | None = None
    """The Excel number format of its cells."""


def respondent_columns(results: Results) -> list[Column]:
    """The file, the organisation, the dates, every answer, weight and score, as columns.

    A multiple-choice question also gets a 0/1 column per option (``QUESTION.OPTION``), a
    statement also its weight (``STATEMENT_weight``).
    """
    questionnaire = results.questionnaire
    messages = messages_for(questionnaire.language)
    group = questionnaire.group_question
    yes_no = messages.code_yes_no
    columns = [
        Column("respondent", messages.code_respondent),
        Column("file", messages.code_file),
        Column("organisation", group.text if group else messages.code_organisation),
        Column("copies", messages.code_copies),
        Column("started_at", messages.code_started),
        Column("completed_at", messages.code_completed),
        Column("anonymous", messages.code_anonymous, yes_no),
    ]
    for question in _shown_questions(results):
        if isinstance(question, TextQuestion):
            columns.append(Column(question.id, question.text))
            continue
        if isinstance(question, AmbitionQuestion):
            levels = _codes((o.id, questionnaire.level(o.level).name) for o in question.options)
            columns.append(Column(question.id, question.text, levels))
            columns.append(Column("ambition_level", question.text, _level_codes(questionnaire)))
            continue
        options = _codes((option.id, option.text) for option in question.options)
        columns.append(Column(question.id, question.text, options))
        if isinstance(question, MultipleChoiceQuestion):
            columns += [
                Column(f"{question.id}.{o.id}", f"{question.text}: {o.text}", yes_no)
                for o in question.options
            ]
        other = next((option for option in question.options if option.other), None)
        if other is not None:
            columns.append(Column(f"{question.id}_other", f"{question.text}: {other.text}"))
    scale_ids = _codes((point.id, point.label) for point in questionnaire.scale)
    weights = _codes((str(point.weight), point.label) for point in questionnaire.scale)
    columns += [Column(s.id, s.text, scale_ids) for s in questionnaire.statements]
    columns += [
        Column(f"{s.id}_weight", f"{s.text} ({messages.code_weight})", weights)
        for s in questionnaire.statements
    ]
    levels = _level_codes(questionnaire)
    for component in questionnaire.components:
        columns += [
            Column(f"{component.id}_pct", f"{component.name}: {messages.code_score}", "", "0.0"),
            Column(f"{component.id}_level", f"{component.name}: {messages.col_level}", levels),
        ]
    columns += [
        Column("overall_pct", f"{messages.overall}: {messages.code_score}", "", "0.0"),
        Column("overall_level", f"{messages.overall}: {messages.col_level}", levels),
    ]
    return columns


def _codes(pairs: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"{code} = {text}" for code, text in pairs)


def _level_codes(questionnaire: Questionnaire) -> str:
    return _codes((str(level.level), level.name) for level in questionnaire.levels)


def _shown_questions(
    results: Results,
) -> list[TextQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | AmbitionQuestion]:
    """The questions with columns: not the organisation, personal ones only when asked."""
    return [
        question
        for question in results.questionnaire.questions
        if not question.group and (results.include_personal or not question.personal)
    ]


def respondent_rows(results: Results, *, track: Track = untracked) -> Iterator[list[Cell]]:
    """The rows under `respondent_columns`, typed (numbers stay numbers, dates datetimes)."""
    questionnaire = results.questionnaire
    scores = ScoreCache(questionnaire)
    scale = [point.id for point in questionnaire.scale]
    weights = [point.weight for point in questionnaire.scale]
    fill = [_answer_cells(question) for question in _shown_questions(results)]
    shown = results.shown_respondents()
    for number, (summary, respondent) in enumerate(track(shown, len(shown), "exporting"), 1):
        row: list[Cell] = [
            number,
            respondent.file,
            summary.name,
            " | ".join(respondent.copies),
            respondent.started_at,
            respondent.completed_at,
            int(respondent.anonymous),
        ]
        for answer_cells in fill:
            answer_cells(respondent, row)
        codes = respondent.codes
        row += [scale[code - 1] for code in codes]
        row += [weights[code - 1] for code in codes]
        row += scores.cells(respondent.points, respondent.ambition)
        yield [cell(value) for value in row]


def _answer_cells(
    question: TextQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | AmbitionQuestion,
) -> Callable[[Respondent, list[Cell]], None]:
    """A function that adds one question's cells to a respondent's row."""
    qid = question.id
    if isinstance(question, TextQuestion):
        return lambda respondent, row: row.append(respondent.texts.get(qid, ""))
    if isinstance(question, AmbitionQuestion):

        def ambition(respondent: Respondent, row: list[Cell]) -> None:
            row += ["|".join(respondent.choices.get(qid, ())), respondent.ambition]

        return ambition
    option_ids = [option.id for option in question.options]
    ticks = isinstance(question, MultipleChoiceQuestion)
    other = any(option.other for option in question.options)

    def choice(respondent: Respondent, row: list[Cell]) -> None:
        chosen = respondent.choices.get(qid, ())
        row.append("|".join(chosen))
        if ticks:
            row += [int(option in chosen) for option in option_ids]
        if other:
            row.append(respondent.others.get(qid, ""))

    return choice


def to_csv(
    results: Results,
    stream: IO[str],
    *,
    decimal_comma: bool | None = None,
    track: Track = untracked,
    comparisons: Sequence[Comparisons] | None = None,
) -> None:
    """One row per respondent under a row of ids and a row of texts, ``;``-separated.

    Written to ``stream`` (UTF-8 with a BOM, as Excel needs it). The decimal comma is the
    default for a Dutch questionnaire (``decimal_comma=None``). With ``comparisons`` (in the
    order of ``results.summaries``) each row ends in its organisation's `csv_comparison_columns`.
    """
    if decimal_comma is None:
        decimal_comma = messages_for(results.questionnaire.language).decimal_mark == ","
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    more = [] if comparisons is None else csv_comparison_columns(results)
    columns = respondent_columns(results) + more
    writer.writerow([column.id for column in columns])
    writer.writerow([_csv_cell(column.label, decimal_comma=False) for column in columns])
    extra = _csv_comparison_cells(results, comparisons or ())
    blank: list[Cell] = [None] * len(more)
    shown = results.shown_respondents()
    for (summary, _), row in zip(shown, respondent_rows(results, track=track), strict=True):
        cells = row + extra.get(id(summary), blank)
        writer.writerow([_csv_cell(value, decimal_comma=decimal_comma) for value in cells])


CSV_COMPARISON = {
    "benchmark_median_pct": 1,
    "benchmark_position": 3,
    "previous_n": 5,
    "previous_pct": 6,
    "previous_level": 7,
    "previous_rwg": 8,
    "change": 9,
    "change_low": 10,
    "change_high": 11,
    "change_verdict": 12,
}
"""The CSV's comparison columns per component: their place in `comparison_columns`."""


def csv_comparison_columns(results: Results) -> list[Column]:
    """Per component ``ID_benchmark_median_pct`` .. ``ID_change_verdict`` (`CSV_COMPARISON`).

    The organisation's figures, the same on each of its respondents' rows.
    """
    shared = comparison_columns(results)
    return [
        Column(
            f"{component.id}_{name}",
            f"{component.name}: {shared[index].label}",
            shared[index].values,
            shared[index].number_format,
        )
        for component in results.questionnaire.components
        for name, index in CSV_COMPARISON.items()
    ]


def _csv_comparison_cells(
    results: Results, comparisons: Sequence[Comparisons]
) -> dict[int, list[Cell]]:
    """Per organisation summary (by ``id``) its cells under `csv_comparison_columns`."""
    messages = messages_for(results.questionnaire.language)
    found: dict[int, list[Cell]] = {}
    for summary, figures in zip(results.summaries, comparisons, strict=False):
        cells = comparison_cells(summary, figures, messages)
        empty: list[Cell] = [None] * COMPARISON_CELLS
        found[id(summary)] = [
            cells.get(c.id, empty)[index]
            for c in summary.components
            for index in CSV_COMPARISON.values()
        ]
    return found


def _csv_cell(value: Cell, *, decimal_comma: bool) -> str:
    value = cell(value)
    if value is None:
        return ""
    if isinstance(value, float):
        text = format(value, ".10g")
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # typed text, never a formula Excel would run
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text that Excel would take for a formula (CSV injection); only answers hold text."""


# The other sheets.


def organisation_columns(results: Results) -> list[Column]:
    """Columns of the organisations sheet: a row per component and an overall row.

    A count per level the questionnaire declares, and a column per priority (`PRIORITIES`).
    """
    m = messages_for(results.questionnaire.language)
    return [
        Column("organisation", m.code_organisation),
        Column("n", m.code_n),
        Column("small_group", m.code_small_group),
        Column("withheld_reason", m.code_withheld_reason),
        Column("component_id", m.code_component_id, f"{OVERALL_ID} = {m.overall}"),
        Column("component", m.col_component),
        Column("mean_pct", m.col_mean, "", "0.0"),
        Column("median_pct", m.col_median, "", "0.0"),
        Column("sd_pct", m.col_sd, "", "0.0"),
        Column("min_pct", m.code_min, "", "0.0"),
        Column("max_pct", m.code_max, "", "0.0"),
        Column("level", m.col_level_of_mean, _level_codes(results.questionnaire)),
        Column("level_name", m.col_level_of_mean),
        *(
            Column(f"level_{level.level}", f"{m.code_level_count} {level.level}: {level.name}")
            for level in results.questionnaire.levels
        ),
        Column("ambition_median", m.code_ambition_median, "", "0.0"),
        Column("ambition_mode", m.code_ambition_mode),
        Column("ambition_pct", m.code_ambition_pct, "", "0.0"),
        Column("points_to_ambition", m.col_to_ambition, "", "0.0"),
        Column("behind", m.code_behind),
        Column("ambition_gap", m.col_ambition_gap, "", "0.0"),
        Column("below_ambition", m.col_below, "", "0%"),
        Column("rwg", m.col_rwg, "", "0.00"),
        Column("shared_view", m.col_view),
        *(
            Column(f"priority_{number}", f"{m.priorities_title} ({number})")
            for number in range(1, PRIORITIES + 1)
        ),
        *comparison_columns(results),
    ]


def comparison_columns(results: Results) -> list[Column]:
    """The benchmark's and the previous round's columns of a component row.

    Always there, so the sheet's layout does not depend on the options; see
    `comparison_cells` for when they are filled.
    """
    m = messages_for(results.questionnaire.language)
    levels = _level_codes(results.questionnaire)
    return [
        Column("benchmark_q1_pct", m.code_benchmark_q1, "", "0.0"),
        Column("benchmark_median_pct", m.code_benchmark_median, "", "0.0"),
        Column("benchmark_q3_pct", m.code_benchmark_q3, "", "0.0"),
        Column("benchmark_position", m.code_benchmark_position),
        Column("previous_statements", m.code_previous_statements),
        Column("previous_n", m.code_previous_n),
        Column("previous_mean_pct", m.code_previous_mean, "", "0.0"),
        Column("previous_level", m.code_previous_level, levels),
        Column("previous_rwg", m.code_previous_rwg, "", "0.00"),
        Column("change", m.code_change, "", "0.0"),
        Column("change_low", m.code_change_low, "", "0.0"),
        Column("change_high", m.code_change_high, "", "0.0"),
        Column("change_verdict", m.code_change_verdict),
    ]


BENCHMARK_CELLS, PREVIOUS_CELLS = 4, 9
"""The benchmark's and the previous round's number of `comparison_columns`."""
COMPARISON_CELLS = BENCHMARK_CELLS + PREVIOUS_CELLS


def comparison_cells(
    summary: OrganisationSummary, figures: Comparisons | None, messages: Messages
) -> dict[str, list[Cell]]:
    """Per component id, the cells under `comparison_columns` for one organisation.

    The benchmark's quartiles and the organisation's position when the benchmark holds enough
    organisations; the previous round's figures (over the statements both rounds share), the
    change, its interval and the verdict when that round was asked and compared. Empty cells
    otherwise, and all of them empty for an organisation below the minimum group.
    """
    if figures is None or summary.small:
        return {}
    benchmark: dict[str, list[Cell]] = {
        component.id: [
            float(component.q1),
            float(component.median),
            float(component.q3),
            component.position(sample.mean).words(messages),
        ]
        for component, sample in zip(figures.benchmark.components, figures.samples, strict=False)
    }
    changes = figures.previous.components if figures.previous is not None else []
    previous = {change.id: _previous_cells(change, messages) for change in changes}
    return {
        c.id: benchmark.get(c.id, [None] * BENCHMARK_CELLS)
        + previous.get(c.id, [None] * PREVIOUS_CELLS)
        for c in summary.components
    }


def _previous_cells(found: ComponentChange, messages: Messages) -> list[Cell]:
    earlier, change = found.earlier, found.change
    return [
        found.statements,
        earlier.n,
        earlier.mean_pct,
        earlier.level,
        earlier.rwg,
        change.difference,
        change.low,
        change.high,
        verdict(change, messages),
    ]


def organisation_header(results: Results) -> list[str]:
    """The ids of `organisation_columns`."""
    return [column.id for column in organisation_columns(results)]


def organisation_rows(
    results: Results, comparisons: Sequence[Comparisons] = ()
) -> Iterator[list[Cell]]:
    """The rows under `organisation_header`: each component, then the organisation overall.

    ``comparisons`` are the organisations' comparisons in the order of ``results.summaries``
    (`comparison_cells`); the overall row has none (the benchmark and the previous round
    compare components). An organisation whose figures are withheld has one row: its n and
    why (`withheld_reason`).
    """
    levels = [level.level for level in results.questionnaire.levels]
    messages = messages_for(results.questionnaire.language)
    overall_name = messages.overall
    none: list[Cell] = [None] * COMPARISON_CELLS
    width = len(organisation_columns(results))
    for index, summary in enumerate(results.summaries):
        o, ambition = summary.overall, summary.ambition
        if o is None or ambition is None:
            reason = withheld_reason(summary, results.min_group, messages)
            head: list[Cell] = [summary.name, summary.n, summary.small, reason]
            yield head + [None] * (width - len(head))
            continue
        figures = comparisons[index] if index < len(comparisons) else None
        compared = comparison_cells(summary, figures, messages)
        head = [summary.name, summary.n, summary.small, None]
        felt: list[Cell] = [ambition.median, ", ".join(str(level) for level in ambition.mode)]
        for c in summary.components:
            priorities: list[Cell] = [p.text for p in c.priorities]
            yield [
                *head,
                c.id,
                c.name,
                c.mean_pct,
                c.median_pct,
                c.sd_pct,
                c.min_pct,
                c.max_pct,
                c.level,
                c.level_name,
                *(c.level_distribution.get(level) for level in levels),
                *felt,
                c.ambition_pct,
                c.points_to_ambition,
                c.behind,
                c.ambition_gap,
                c.below_ambition,
                c.rwg,
                c.shared_view,
                *(priorities + [None] * (PRIORITIES - len(priorities))),
                *compared.get(c.id, none),
            ]
        yield [
            *head,
            OVERALL_ID,
            overall_name,
            o.mean_pct,
            *[None] * 4,
            o.level,
            o.level_name,
            *[None] * len(levels),
            *felt,
            o.ambition_pct,
            o.points_to_ambition,
            o.behind,
            o.level - ambition.median,
            *[None] * (3 + PRIORITIES + COMPARISON_CELLS),
        ]


def statement_columns(results: Results) -> list[Column]:
    """Columns of the statements sheet: a count per scale point, the mean and its %."""
    m = messages_for(results.questionnaire.language)
    scale = results.questionnaire.scale
    return [
        Column("organisation", m.code_organisation),
        Column("n", m.code_n),
        Column("component_id", m.code_component_id),
        Column("statement_id", m.code_statement_id),
        Column("statement", m.code_statement),
        *(Column(point.id, f"{m.col_count}: {point.label}") for point in scale),
        Column("mean_weight", m.code_weight, _codes((str(p.weight), p.label) for p in scale)),
        Column("pct", m.code_score, "", "0.0"),
    ]


def statement_rows(results: Results) -> Iterator[list[Cell]]:
    """The rows under `statement_columns`: per organisation, every statement.

    None of a small group whose figures are withheld (`aggregate.withhold_small`).
    """
    for summary in results.summaries:
        for statement in summary.statements:
            yield [
                summary.name,
                summary.n,
                statement.component_id,
                statement.id,
                statement.text,
                *statement.counts.values(),
                statement.mean,
                statement.pct,
            ]


def frequency_columns(results: Results) -> list[Column]:
    """Columns of the frequencies sheet: a row per option, then one per "other" text."""
    m = messages_for(results.questionnaire.language)
    return [
        Column("organisation", m.code_organisation),
        Column("question_id", m.code_question_id),
        Column("question", m.code_question),
        Column("option_id", m.code_option_id),
        Column("option", m.col_option),
        Column("count", m.col_count),
        Column("share", m.col_share, "", "0%"),
        Column("other_text", m.code_other_text),
    ]


def frequency_rows(results: Results) -> Iterator[list[Cell]]:
    """The rows under `frequency_columns`."""
    for summary in results.summaries:
        for frequency in summary.frequencies:
            for option in frequency.options:
                yield [
                    summary.name,
                    frequency.id,
                    frequency.text,
                    option.id,
                    option.text,
                    option.count,
                    option.share,
                    None,
                ]
            for text in frequency.other_texts:
                yield [summary.name, frequency.id, frequency.text, None, None, None, None, text]


Sheet = tuple[str, list[Column], Iterator[list[Cell]]]


def sheets(
    results: Results,
    collection: Collected,
    *,
    track: Track = untracked,
    comparisons: Sequence[Comparisons] = (),
    quality: Sequence[Quality] = (),
) -> list[Sheet]:
    """The workbook's sheets in order: title, columns, rows (cells as `cell` makes them).

    respondents, organisations (with ``comparisons``, see `organisation_rows`), statements,
    frequencies, the codebook (every column of the respondents sheet: id, text, codes),
    the ``quality`` of the measurement if given, and skipped files if any.
    """
    messages = messages_for(results.questionnaire.language)
    respondents = respondent_columns(results)
    codebook = [
        Column("column", messages.code_column),
        Column("text", messages.code_text),
        Column("values", messages.code_values),
    ]
    found: list[Sheet] = [
        (SHEET_RESPONDENTS, respondents, respondent_rows(results, track=track)),
        (
            SHEET_ORGANISATIONS,
            organisation_columns(results),
            _cells(organisation_rows(results, comparisons)),
        ),
        (SHEET_STATEMENTS, statement_columns(results), _cells(statement_rows(results))),
        (SHEET_FREQUENCIES, frequency_columns(results), _cells(frequency_rows(results))),
        (
            messages.codebook_sheet,
            codebook,
            _cells(iter([c.id, c.label, c.values or None] for c in respondents)),
        ),
    ]
    if quality:
        found.append((SHEET_QUALITY, quality_columns(messages), _cells(quality_rows(quality))))
    if collection.skipped:
        skipped = [[s.file, s.reason] for s in collection.skipped]
        found.append(
            (
                SHEET_SKIPPED,
                [Column("file", messages.code_file), Column("reason", messages.code_reason)],
                _cells(iter(skipped)),
            )
        )
    return found


def quality_columns(m: Messages) -> list[Column]:
    """Columns of the quality sheet: per statement its component's alpha and its item-rest r."""
    return [
        Column("component_id", m.code_component_id),
        Column("component", m.col_component),
        Column("n", m.code_n),
        Column("alpha", m.code_alpha, "", "0.00"),
        Column("alpha_flag", m.code_alpha_flag),
        Column("statement_id", m.code_statement_id),
        Column("statement", m.code_statement),
        Column("item_rest", m.code_item_rest, "", "0.00"),
    ]


def quality_rows(quality: Sequence[Quality]) -> Iterator[list[Cell]]:
    """A row per statement, so an author can sort and filter for the one that does not fit."""
    for component in quality:
        flag = None if component.alpha is None else int(component.flagged)
        for item in component.item_rest:
            yield [
                component.id,
                component.name,
                component.n,
                component.alpha,
                flag,
                item.id,
                item.text,
                item.r,
            ]


def _cells(rows: Iterator[Sequence[Cell]]) -> Iterator[list[Cell]]:
    return ([cell(value) for value in row] for row in rows)


def to_xlsx(
    results: Results,
    collection: Collected,
    stream: IO[bytes],
    *,
    track: Track = untracked,
    comparisons: Sequence[Comparisons] = (),
    quality: Sequence[Quality] = (),
) -> None:
    """Write the workbook of `sheets` (with ``comparisons``) to ``stream``, row by row.

    XlsxWriter in its constant-memory mode: each row goes to disk as it is written, with its
    number formats, so memory does not grow with the respondents. (It writes in half the time
    of openpyxl's write-only mode, measured: README, "Speed".) Each sheet has a bold, frozen
    header row of column ids, widths fitted to its first rows, and number formats
    (percentages ``0.0``, shares ``0%``, rwg ``0.00``, dates).
    """
    import xlsxwriter

    with tempfile.TemporaryDirectory(prefix="krmscan-xlsx-") as folder:
        workbook = xlsxwriter.Workbook(
            stream, {"constant_memory": True, "tmpdir": folder, "in_memory": False}
        )
        styles = {
            name: workbook.add_format({"num_format": name})
            for name in {"0.0", "0%", "0.00", DATE_FORMAT}
        }
        bold = workbook.add_format({"bold": True})
        for title, columns, rows in sheets(
            results, collection, track=track, comparisons=comparisons, quality=quality
        ):
            sheet = workbook.add_worksheet(title)
            _fill(sheet, columns, rows, styles, bold)
        workbook.close()


WIDTH_SAMPLE = 200
"""Rows read ahead to fit the column widths (a constant-memory sheet is written once)."""
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _fill(
    sheet: Any, columns: list[Column], rows: Iterator[list[Cell]], styles: dict[str, Any], bold: Any
) -> None:
    """Widths fitted to the first rows, a bold frozen header, then every row as it comes.

    Text is always written as text (never a formula), a date in the respondent's own clock
    time (Excel has no time zones).
    """
    sample = list(itertools.islice(rows, WIDTH_SAMPLE))
    for index, width in enumerate(_widths(columns, sample)):
        sheet.set_column(index, index, width + 2)
    sheet.freeze_panes(1, 0)
    for index, column in enumerate(columns):
        sheet.write_string(0, index, column.id, bold)
    formats = [styles.get(column.number_format or "") for column in columns]
    dates = styles[DATE_FORMAT]
    write_string, write_number = sheet.write_string, sheet.write_number
    for number, row in enumerate(itertools.chain(sample, rows), start=1):
        for index, value in enumerate(row):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                write_string(number, index, value)
            elif kind is bool:
                sheet.write_boolean(number, index, value)
            elif isinstance(value, datetime):
                sheet.write_datetime(number, index, value.replace(tzinfo=None), dates)
            else:
                write_number(number, index, value, formats[index])


def _widths(columns: list[Column], sample: list[list[Cell]]) -> list[int]:
    """Each column as wide as its id or its longest text in ``sample`` (at most 60)."""
    widths = [len(column.id) for column in columns]
    for row in sample:
        for index, value in enumerate(row):
            if isinstance(value, str):
                widths[index] = max(widths[index], min(len(value), 60))
            elif isinstance(value, datetime):
                widths[index] = max(widths[index], len(DATE_FORMAT))
    return widths


def write(path: Path, data: bytes, messages: Messages) -> None:
    """Write an export atomically, readable by its owner only (it describes people)."""
    write_with(path, lambda stream: stream.write(data), messages)


def write_with(path: Path, produce: Callable[[IO[bytes]], object], messages: Messages) -> None:
    """Write what ``produce`` writes to its stream, atomically and readable by its owner only."""
    try:
        write_private_with(path, produce)
    except OSError as error:
        problem = os_problem(error, messages)
        raise BadDataError(messages.output_not_written.format(path=path, problem=problem)) from None


def write_text_chunks(stream: IO[bytes], chunks: Iterable[str]) -> None:
    """Encode text chunks as UTF-8 into ``stream`` as they come, a megabyte at a time."""
    buffered: list[str] = []
    size = 0
    for chunk in chunks:
        buffered.append(chunk)
        size += len(chunk)
        if size > CHUNK:
            stream.write("".join(buffered).encode("utf-8"))
            buffered, size = [], 0
    stream.write("".join(buffered).encode("utf-8"))


CHUNK = 1 << 20
"""Characters gathered before they are encoded and written."""
