"""Organisation results as data: JSON, CSV (Excel with Dutch settings) and xlsx.

Answers of questions marked personal (name, e-mail) appear only with ``include_personal``;
the per-respondent rows of organisations below the minimum group only with ``include_small``.
openpyxl is imported only to write xlsx.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from krmscan.aggregate import PRIORITIES, OrganisationSummary, Results
from krmscan.collect import Collected, Respondent
from krmscan.errors import BadDataError
from krmscan.files import write_private
from krmscan.questionnaire import (
    AmbitionQuestion,
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)
from krmscan.scoring import Scorer, as_dict
from krmscan.text import json_escaped, printable

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | bool | None

SHEET_RESPONDENTS = "respondents"
SHEET_ORGANISATIONS = "organisations"
SHEET_FREQUENCIES = "frequencies"
SHEET_SKIPPED = "skipped"


def as_json(results: Results, collection: Collected) -> dict[str, object]:
    """``{"organisations": [...], "respondents": [...], "skipped": [...]}``."""
    scorer = Scorer(results.questionnaire)
    return {
        "organisations": [
            _organisation_json(summary, withheld=summary.small and not results.include_small)
            for summary in results.summaries
        ],
        "respondents": [
            _respondent_json(results, scorer, summary, respondent)
            for summary, respondent in results.shown_respondents()
        ],
        "skipped": [{"file": s.file, "reason": s.reason} for s in collection.skipped],
        "duplicates": [{"file": r.file, "copies": list(r.copies)} for r in collection.duplicates],
    }


def _organisation_json(summary: OrganisationSummary, *, withheld: bool) -> dict[str, object]:
    data = asdict(summary)
    components = data.pop("components")
    for component, found in zip(components, summary.components, strict=True):
        component["level_distribution"] = _keyed(component["level_distribution"])
        component["shared_view"] = found.shared_view
    return {
        "name": data.pop("name"),
        "n": data.pop("n"),
        "small_group": data.pop("small"),
        "respondents_withheld": withheld,
        "spellings": data.pop("spellings"),
        "components": components,
        "overall": data.pop("overall"),
        "ambition": {**data["ambition"], "distribution": _keyed(summary.ambition.distribution)},
        "frequencies": {frequency.pop("id"): frequency for frequency in data.pop("frequencies")},
    }


def _keyed(counts: dict[int, int]) -> dict[str, int]:
    return {str(level): count for level, count in counts.items()}


def _respondent_json(
    results: Results, scorer: Scorer, summary: OrganisationSummary, respondent: Respondent
) -> dict[str, object]:
    data: dict[str, object] = {
        "file": respondent.file,
        "organisation": summary.name,
        "copies": list(respondent.copies),
        **as_dict(scorer.result(list(respondent.points), respondent.ambition)),
    }
    if results.include_personal:
        data["personal"] = {
            q.id: respondent.texts.get(q.id, "")
            for q in results.questionnaire.questions
            if q.personal and isinstance(q, TextQuestion)
        } | {
            q.id: list(respondent.choices.get(q.id, ()))
            for q in results.questionnaire.questions
            if q.personal and not isinstance(q, TextQuestion)
        }
    return data


def json_bytes(data: object) -> bytes:
    """Indented UTF-8 JSON with a final newline, every control character escaped."""
    return (json_text(data) + "\n").encode("utf-8")


def json_text(data: object) -> str:
    """Indented JSON that keeps the data exact and yet carries no control character raw.

    `json` escapes C0 controls itself; DEL, C1 controls and bidirectional overrides are
    escaped here too (as a u202e escape), so printing the JSON never drives a terminal.
    """
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2))


# One row per respondent.


def respondent_header(results: Results) -> list[str]:
    """Column names: the file, the organisation, every answer by id, every score."""
    questionnaire = results.questionnaire
    header = ["respondent", "file", "organisation", "copies"]
    for question in questionnaire.questions:
        if question.group or (question.personal and not results.include_personal):
            continue
        header.append(question.id)
        if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion) and any(
            option.other for option in question.options
        ):
            header.append(f"{question.id}_other")
        if isinstance(question, AmbitionQuestion):
            header.append("ambition_level")
    header += [statement.id for statement in questionnaire.statements]
    for component in questionnaire.components:
        header += [f"{component.id}_pct", f"{component.id}_level"]
    header += ["overall_pct", "overall_level"]
    return header


def respondent_rows(results: Results) -> Iterator[list[Cell]]:
    """The rows under `respondent_header`, typed (numbers stay numbers)."""
    questionnaire = results.questionnaire
    scorer = Scorer(questionnaire)
    scale = [point.id for point in questionnaire.scale]
    for number, (summary, respondent) in enumerate(results.shown_respondents(), start=1):
        row: list[Cell] = [number, respondent.file, summary.name, " | ".join(respondent.copies)]
        for question in questionnaire.questions:
            if question.group or (question.personal and not results.include_personal):
                continue
            if isinstance(question, TextQuestion):
                row.append(respondent.texts.get(question.id, ""))
                continue
            row.append("|".join(respondent.choices.get(question.id, ())))
            if isinstance(question, AmbitionQuestion):
                row.append(respondent.ambition)
            elif any(option.other for option in question.options):
                row.append(respondent.others.get(question.id, ""))
        row += [scale[code - 1] for code in respondent.codes]
        result = scorer.result(list(respondent.points), respondent.ambition)
        for component in result.components:
            row += [component.score_pct, component.level]
        row += [result.overall.score_pct, result.overall.level]
        yield row


def to_csv(results: Results, *, decimal_comma: bool = False) -> bytes:
    """One row per respondent, ``;``-separated UTF-8 with a BOM: Excel opens it as a table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(respondent_header(results))
    for row in respondent_rows(results):
        writer.writerow([_csv_cell(cell, decimal_comma=decimal_comma) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def safe_cell(cell: Cell) -> Cell:
    """A cell for a spreadsheet (CSV or xlsx): texts with their control characters replaced.

    openpyxl refuses most C0 characters (`IllegalCharacterError`) and Excel would show or obey
    the rest; a newline in a typed text becomes a visible mark as well.
    """
    return printable(cell) if isinstance(cell, str) else cell


def _csv_cell(cell: Cell, *, decimal_comma: bool) -> str:
    cell = safe_cell(cell)
    if cell is None:
        return ""
    if isinstance(cell, float):
        text = format(cell, ".10g")
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell  # typed text, never a formula Excel would run
    return str(cell)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text that Excel would take for a formula (CSV injection); only answers hold text."""


# Excel.


def organisation_header(results: Results) -> list[str]:
    """Columns of the organisations sheet: a row per organisation and component.

    A count per level the questionnaire declares, and a column per priority (`PRIORITIES`).
    """
    return [
        "organisation",
        "n",
        "small_group",
        "component_id",
        "component",
        "mean_pct",
        "median_pct",
        "sd_pct",
        "min_pct",
        "max_pct",
        "level",
        "level_name",
        "mean_level",
        *(f"level_{level.level}" for level in results.questionnaire.levels),
        "ambition_median",
        "ambition_mode",
        "ambition_gap",
        "below_ambition",
        "rwg",
        "shared_view",
        *(f"priority_{number}" for number in range(1, PRIORITIES + 1)),
    ]


def organisation_rows(results: Results) -> Iterator[list[Cell]]:
    """The rows under `organisation_header`."""
    levels = [level.level for level in results.questionnaire.levels]
    for summary in results.summaries:
        ambition = summary.ambition
        for c in summary.components:
            priorities: list[Cell] = [p.text for p in c.priorities]
            yield [
                summary.name,
                summary.n,
                summary.small,
                c.id,
                c.name,
                c.mean_pct,
                c.median_pct,
                c.sd_pct,
                c.min_pct,
                c.max_pct,
                c.level,
                c.level_name,
                c.mean_level,
                *(c.level_distribution.get(level, 0) for level in levels),
                ambition.median,
                ", ".join(str(level) for level in ambition.mode),
                c.ambition_gap,
                c.below_ambition,
                c.rwg,
                c.shared_view,
                *(priorities + [None] * (PRIORITIES - len(priorities))),
            ]


def frequency_header() -> list[str]:
    """Columns of the frequencies sheet: a row per option, then one per "other" text."""
    return [
        "organisation",
        "question_id",
        "question",
        "option_id",
        "option",
        "count",
        "share",
        "other_text",
    ]


def frequency_rows(results: Results) -> Iterator[list[Cell]]:
    """The rows under `frequency_header`."""
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


def _number_format(column: str) -> str | None:
    """Excel number formats: percentages with one decimal, shares as %, rwg with two."""
    if column.endswith("_pct"):
        return "0.0"
    if column in {"share", "below_ambition"}:
        return "0%"
    if column == "rwg":
        return "0.00"
    if column in {"mean_level", "ambition_median", "ambition_gap"}:
        return "0.0"
    return None


def to_xlsx(results: Results, collection: Collected) -> bytes:
    """A workbook: respondents, organisations, frequencies (and skipped files, if any)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheets: list[tuple[str, list[str], Iterator[list[Cell]]]] = [
        (SHEET_RESPONDENTS, respondent_header(results), respondent_rows(results)),
        (SHEET_ORGANISATIONS, organisation_header(results), organisation_rows(results)),
        (SHEET_FREQUENCIES, frequency_header(), frequency_rows(results)),
    ]
    if collection.skipped:
        skipped: list[list[Cell]] = [[s.file, s.reason] for s in collection.skipped]
        sheets.append((SHEET_SKIPPED, ["file", "reason"], iter(skipped)))
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for title, header, rows in sheets:
        _fill(workbook.create_sheet(title), header, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Worksheet, header: list[str], rows: Iterator[list[Cell]]) -> None:
    """A bold, frozen header row, the rows, number formats and column widths."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append([safe_cell(column) for column in header])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    widths = [len(column) for column in header]
    for given in rows:
        row = [safe_cell(cell) for cell in given]
        sheet.append(row)
        for index, value in enumerate(row):
            if isinstance(value, str):
                widths[index] = max(widths[index], min(len(value), 60))
                if value.startswith("="):  # openpyxl would store it as a formula
                    sheet.cell(row=sheet.max_row, column=index + 1).data_type = "s"
    for index, (column, width) in enumerate(zip(header, widths, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
        number_format = _number_format(column)
        if number_format is not None:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format


def write(path: Path, data: bytes) -> None:
    """Write an export atomically, readable by its owner only (it describes people)."""
    try:
        write_private(path, data)
    except OSError as error:
        raise BadDataError(f"{path}: cannot write: {error.strerror or error}") from None
