"""CSV and xlsx exports, re-read with the csv module and openpyxl."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from krmscan.aggregate import Results
from krmscan.questionnaire import LoadedQuestionnaire
from tests.respondents import PERSONAL, write_all
from tests.support import run_krmscan


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    root = tmp_path_factory.mktemp("answers")
    write_all(shipped, root)
    return root


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows under the two header rows (ids, then texts), keyed by id."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["respondent"] == "Volgnummer van de respondent"  # the row of texts
    return rows[1:]


def test_csv_one_row_per_respondent_for_excel(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "respondents.csv"
    done = run_krmscan("score", folder, "--format", "csv", "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    rows = read_csv(out)
    # Woonstede only: De Key (2) and Eigen Haard (1) are below --min-group 5.
    assert [Path(row["file"]).name for row in rows] == [
        "r1.json",
        "r2.json",
        "r4.json",
        "r5.json",
        "r3.json",
    ]
    first = rows[0]
    assert first["organisation"] == "Woonstede"
    assert first["krm_doelen"] == "doel_trouwe_huurders_belonen|doel_anders"
    assert first["krm_doelen_other"] == "Minder klachten"
    assert first["gevoelsmatige_ambitie"] == "partner_in_wonen"
    assert first["ambition_level"] == "4"
    assert first["strategie_huurders_centraal"] == "eens"
    assert first["strategie_pct"] == "100"
    assert first["klantmanagement_pct"] == "92,85714286"  # 13 / 14, a Dutch questionnaire
    assert first["klantmanagement_level"] == "4"
    assert "naam" not in first
    assert "email" not in first
    assert not [p for p in PERSONAL if p in out.read_text("utf-8-sig")]


def test_csv_decimal_comma_personal_and_small_groups_when_asked(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.csv"
    done = run_krmscan(
        "score",
        folder,
        "--format",
        "csv",
        "--decimal-comma",
        "--include-personal",
        "--include-small-groups",
        "-o",
        out,
    )
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    assert len(rows) == 8
    by_name = {row["naam"]: row for row in rows}
    assert by_name["Anna Geheim"]["email"] == "anna.geheim@woonstede.nl"
    assert by_name["Anna Geheim"]["klantmanagement_pct"] == "92,85714286"
    assert by_name["Hans Verstopt"]["organisation"] == "Eigen Haard"


def test_xlsx_sheets_headers_formats_frozen(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.xlsx"
    done = run_krmscan("score", folder, "--format", "xlsx", "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    book = load_workbook(out)
    assert book.sheetnames == [
        "respondents",
        "organisations",
        "statements",
        "frequencies",
        "codeboek",
        "quality",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])

    respondents = book["respondents"]
    header = [cell.value for cell in respondents[1]]
    assert respondents.max_row == 1 + 5  # Woonstede only
    assert "naam" not in header
    assert "email" not in header
    pct = header.index("strategie_pct") + 1
    assert respondents.cell(row=2, column=pct).value == 100
    assert respondents.cell(row=2, column=pct).number_format == "0.0"

    organisations = book["organisations"]
    columns = [cell.value for cell in organisations[1]]
    rows = [
        dict(zip(columns, (c.value for c in row), strict=True))
        for row in organisations.iter_rows(min_row=2)
    ]
    assert len(rows) == 5 + 1 + 2  # Woonstede's components and overall, a row per small group
    strategie = next(
        r for r in rows if r["organisation"] == "Woonstede" and r["component_id"] == "strategie"
    )
    assert strategie["mean_pct"] == pytest.approx(4100 / 70)
    assert strategie["rwg"] == pytest.approx(0.0)
    assert strategie["shared_view"] is False
    assert strategie["below_ambition"] == pytest.approx(0.2)
    assert strategie["level_1"] == 1
    assert strategie["level_4"] == 2
    row = 2 + rows.index(strategie)  # small groups' rows hold no rwg or share (withheld)
    rwg_column = columns.index("rwg") + 1
    assert organisations.cell(row=row, column=rwg_column).number_format == "0.00"
    share_column = columns.index("below_ambition") + 1
    assert organisations.cell(row=row, column=share_column).number_format == "0%"
    (alone,) = [r for r in rows if r["organisation"] == "Eigen Haard"]  # its n only
    assert (alone["n"], alone["component_id"], alone["mean_pct"]) == (1, None, None)

    frequencies = book["frequencies"]
    columns = [cell.value for cell in frequencies[1]]
    found = [
        dict(zip(columns, (c.value for c in row), strict=True))
        for row in frequencies.iter_rows(min_row=2)
    ]
    over = next(
        r for r in found if r["organisation"] == "Woonstede" and r["option_id"] == "over_nadenken"
    )
    assert (over["count"], over["share"]) == (3, 0.6)
    texts = [r["other_text"] for r in found if r["organisation"] == "Woonstede" and r["other_text"]]
    assert texts == ["minder  klachten", "Minder klachten"]

    everything = [
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
    ]
    assert not [p for p in PERSONAL if p in everything]


def test_xlsx_lists_skipped_files(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", "utf-8")
    out = tmp_path / "results.xlsx"
    done = run_krmscan("score", folder, bad, "--format", "xlsx", "-o", out)
    assert done.returncode == 1
    book = load_workbook(out)
    assert book.sheetnames[-1] == "skipped"
    assert book["skipped"].cell(row=2, column=1).value == str(bad)


def test_typed_text_never_becomes_a_formula(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    written = write_all(shipped, tmp_path / "in")
    data = json.loads(written[0].read_text("utf-8"))
    data["answers"]["krm_doelen"][1]["text"] = '=HYPERLINK("http://x","klik")'
    written[0].write_text(json.dumps(data), "utf-8")
    out = tmp_path / "r.csv"
    run_krmscan("score", tmp_path / "in", "--format", "csv", "-o", out)
    first = read_csv(out)[0]
    assert first["krm_doelen_other"] == '\'=HYPERLINK("http://x","klik")'
    book_path = tmp_path / "r.xlsx"
    run_krmscan("score", tmp_path / "in", "--format", "xlsx", "-o", book_path)
    sheet = load_workbook(book_path)["respondents"]
    column = [cell.value for cell in sheet[1]].index("krm_doelen_other") + 1
    cell = sheet.cell(row=2, column=column)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","klik")'


def test_organisation_columns_follow_the_questionnaires_levels(
    folder: Path, shipped: LoadedQuestionnaire
) -> None:
    """A level count per declared level (not a fixed four), and one column per priority."""
    from krmscan import aggregate, export

    results = five_level_results(folder, shipped)
    header = export.organisation_header(results)
    counts = [column for column in header if column.removeprefix("level_").isdigit()]
    assert counts == ["level_1", "level_2", "level_3", "level_4", "level_5"]
    assert [c for c in header if c.startswith("priority_")] == [
        f"priority_{n}" for n in range(1, aggregate.PRIORITIES + 1)
    ]
    rows = list(export.organisation_rows(results))
    assert rows
    assert all(len(row) == len(header) for row in rows)
    components = [row for row in rows if row[header.index("component_id")] != "overall"]
    small = header.index("small_group")
    assert {row[header.index("level_5")] for row in components if not row[small]} == {0}
    assert {row[header.index("level_5")] for row in components if row[small]} == {None}


def test_level_counts_in_the_terminal_name_the_questionnaires_levels(
    folder: Path, shipped: LoadedQuestionnaire
) -> None:
    from rich.console import Console

    from krmscan import render
    from krmscan.messages import DUTCH

    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(render.organisation_views(five_level_results(folder, shipped), DUTCH))
    assert isinstance(console.file, io.StringIO)
    shown = console.file.getvalue()
    assert "Per niveau 1/2/3/4/5" in shown
    assert "respondenten per niveau 1/2/3/4/5: " in shown
    assert "1/2/3/4:" not in shown


def five_level_results(folder: Path, shipped: LoadedQuestionnaire) -> Results:
    """The fixture's organisation results under a questionnaire with a fifth level."""
    from krmscan import aggregate, collect

    questionnaire = shipped.questionnaire
    fifth = questionnaire.levels[-1].model_copy(update={"level": 5, "name": "Vijfde"})
    five_levels = questionnaire.model_copy(update={"levels": [*questionnaire.levels, fifth]})
    return aggregate.results(five_levels, collect.collect([folder], shipped).respondents)
