"""Exports an analyst can use (issue 11), re-read with csv, openpyxl and json.

And the writers that stream (issue 13) against what the old ones wrote: `tests/data/exports_before`
holds the JSON and xlsx of the hand-made respondents as krmscan wrote them before (``krmscan score
answers --format json|xlsx --include-small-groups`` run in a folder holding ``answers/`` with the
respondents of `tests.respondents` and a ``bad.json`` of ``[]``). Every cell and value they hold
must come out the same, apart from `mean_level`, which is no longer exported.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from krmscan.questionnaire import LoadedQuestionnaire
from tests.respondents import PERSONAL, write_all
from tests.support import REPO, run_krmscan

BEFORE = REPO / "tests" / "data" / "exports_before"
REMOVED = {"mean_level"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """A folder with ``answers/`` (the hand-made respondents and one bad file)."""
    root = tmp_path_factory.mktemp("work")
    write_all(shipped, root / "answers")
    (root / "answers" / "bad.json").write_text("[]", "utf-8")
    return root


def score(workdir: Path, *args: str) -> None:
    done = run_krmscan("score", "answers", "--include-small-groups", *args, cwd=workdir)
    assert done.returncode == 1, done.stderr  # bad.json is skipped
    assert "Traceback" not in done.stderr


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


def test_csv_ids_texts_ticks_weights_dates(workdir: Path, shipped: LoadedQuestionnaire) -> None:
    score(workdir, "--format", "csv", "-o", "r.csv")
    ids, texts, *rows = csv_rows(workdir / "r.csv")
    by_id = [dict(zip(ids, row, strict=True)) for row in rows]
    label = dict(zip(ids, texts, strict=True))
    statement = shipped.questionnaire.statements[0]
    assert label[statement.id] == statement.text
    assert label["krm_is"] == "KlantRelatieManagement (KRM) is:"
    assert (
        label["krm_is.over_nadenken"]
        == "KlantRelatieManagement (KRM) is:: iets waar wij over nadenken"
    )
    assert label[f"{statement.id}_weight"] == f"{statement.text} (gewicht)"
    first = next(row for row in by_id if row["file"].endswith("r1.json"))
    assert first["krm_is"] == "over_nadenken"
    assert (first["krm_is.over_nadenken"], first["krm_is.al_veel_aan_doen"]) == ("1", "0")
    assert first["krm_doelen.doel_anders"] == "1"
    assert first[statement.id] == "eens"
    assert first[f"{statement.id}_weight"] == "2"
    assert first["started_at"] == "2026-11-27T10:00:00+01:00"
    assert first["completed_at"] == "2026-11-27T10:12:00+01:00"
    assert first["anonymous"] == "0"
    assert first["strategie_pct"] == "100"
    assert first["klantmanagement_pct"] == "92,85714286"  # Dutch: the decimal comma
    assert not [p for p in PERSONAL if p in (workdir / "r.csv").read_text("utf-8-sig")]

    score(workdir, "--format", "csv", "--decimal-point", "-o", "p.csv")
    ids, _, *rows = csv_rows(workdir / "p.csv")
    column = ids.index("klantmanagement_pct")
    assert "92.85714286" in [row[column] for row in rows]


def test_anonymous_respondent_is_marked(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    written = write_all(shipped, tmp_path / "answers")
    data = json.loads(written[0].read_text("utf-8"))
    del data["answers"]["naam"], data["answers"]["email"]
    written[0].write_text(json.dumps(data), "utf-8")
    done = run_krmscan("score", "answers", "-f", "csv", "-o", "r.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    ids, _, *rows = csv_rows(tmp_path / "r.csv")
    marks = {Path(row[ids.index("file")]).name: row[ids.index("anonymous")] for row in rows}
    assert marks == {"r1.json": "1", "r2.json": "0", "r3.json": "0", "r4.json": "0", "r5.json": "0"}


def sheet_dicts(book: object, title: str) -> list[dict[str, object]]:
    sheet = book[title]  # type: ignore[index]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]


def test_xlsx_ticks_weights_overall_statements_codebook(
    workdir: Path, shipped: LoadedQuestionnaire
) -> None:
    score(workdir, "--format", "xlsx", "-o", "r.xlsx")
    book = load_workbook(workdir / "r.xlsx")
    assert book.sheetnames == [
        "respondents",
        "organisations",
        "statements",
        "frequencies",
        "codeboek",
        "quality",
        "skipped",
    ]
    statement = shipped.questionnaire.statements[0]
    first = next(r for r in sheet_dicts(book, "respondents") if str(r["file"]).endswith("r1.json"))
    assert (first["krm_is.over_nadenken"], first["krm_is.niet_nastreven"]) == (1, 0)
    assert first[f"{statement.id}_weight"] == 2
    assert first["started_at"] == datetime(2026, 11, 27, 10, 0)  # the respondent's clock
    assert first["anonymous"] == 0

    organisations = sheet_dicts(book, "organisations")
    overall = [r for r in organisations if r["component_id"] == "overall"]
    assert [r["organisation"] for r in overall] == ["De Key", "Eigen Haard", "Woonstede"]
    woonstede = overall[-1]
    assert woonstede["component"] == "Totaal"
    assert woonstede["mean_pct"] == pytest.approx((4100 / 70 + 6000 / 70 + 3 * 50) / 5)
    assert (woonstede["level"], woonstede["ambition_pct"], woonstede["behind"]) == (3, 50, False)
    assert "mean_level" not in organisations[0]
    strategie = next(
        r
        for r in organisations
        if r["organisation"] == "Woonstede" and r["component_id"] == "strategie"
    )
    assert (strategie["ambition_pct"], strategie["points_to_ambition"]) == (50, 0)
    assert strategie["behind"] is False

    counts = next(
        r
        for r in sheet_dicts(book, "statements")
        if r["organisation"] == "Woonstede" and r["statement_id"] == statement.id
    )
    assert (counts["oneens"], counts["neutraal"], counts["eens"]) == (1, 1, 3)
    assert counts["mean_weight"] == pytest.approx(7 / 5)
    assert counts["statement"] == statement.text

    codebook = {r["column"]: r for r in sheet_dicts(book, "codeboek")}
    assert codebook[statement.id]["text"] == statement.text
    assert codebook[statement.id]["values"] == "oneens = Oneens, neutraal = Neutraal, eens = Eens"
    assert codebook[f"{statement.id}_weight"]["values"] == "0 = Oneens, 1 = Neutraal, 2 = Eens"
    assert codebook["krm_is.over_nadenken"]["values"] == "1 = ja, 0 = nee"


def test_json_statements_and_one_comparison(workdir: Path, shipped: LoadedQuestionnaire) -> None:
    score(workdir, "--format", "json", "-o", "r.json")
    text = (workdir / "r.json").read_text("utf-8")
    data = json.loads(text)
    assert "mean_level" not in text
    woonstede = next(o for o in data["organisations"] if o["name"] == "Woonstede")
    statement = shipped.questionnaire.statements[0]
    assert woonstede["statements"][statement.id]["counts"] == {
        "oneens": 1,
        "neutraal": 1,
        "eens": 3,
    }
    assert woonstede["overall"]["behind"] is False
    assert woonstede["components"][0]["behind"] is False
    respondent = next(r for r in data["respondents"] if r["file"].endswith("r1.json"))
    assert respondent["started_at"] == "2026-11-27T10:00:00+01:00"
    assert respondent["anonymous"] is False


def test_control_characters_are_shown_never_written_raw(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    written = write_all(shipped, tmp_path / "answers")
    data = json.loads(written[0].read_text("utf-8"))
    data["answers"]["krm_doelen"][1]["text"] = "minder\x1b[2J klachten\x07"
    written[0].write_text(json.dumps(data), "utf-8")
    done = run_krmscan("score", "answers", "-f", "xlsx", "-o", "r.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first = sheet_dicts(load_workbook(tmp_path / "r.xlsx"), "respondents")[0]
    assert first["krm_doelen_other"] == "minder\u241b[2J klachten\u2407"


def _compare(old: object, new: object, where: str) -> None:
    """Every value of ``old`` is in ``new`` (keys removed on purpose aside)."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            if key not in REMOVED:
                assert key in new, f"{where}.{key} missing"
                _compare(value, new[key], f"{where}.{key}")
    elif isinstance(old, list):
        assert isinstance(new, list), where
        assert len(old) == len(new), where
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            _compare(a, b, f"{where}[{index}]")
    else:
        assert old == new, where


def test_streamed_json_holds_every_value_the_old_writer_wrote(workdir: Path) -> None:
    score(workdir, "--format", "json", "-o", "new.json")
    old = json.loads((BEFORE / "results.json").read_text("utf-8"))
    _compare(old, json.loads((workdir / "new.json").read_text("utf-8")), "$")


def _cells(sheet: object) -> tuple[list[str], list[list[tuple[object, str]]]]:
    rows = list(sheet.iter_rows())  # type: ignore[attr-defined]
    header = [str(cell.value) for cell in rows[0]]
    return header, [[(c.value, c.number_format) for c in row] for row in rows[1:]]


def test_write_only_xlsx_holds_every_cell_the_old_writer_wrote(workdir: Path) -> None:
    score(workdir, "--format", "xlsx", "-o", "new.xlsx")
    old_book = load_workbook(BEFORE / "results.xlsx")
    new_book = load_workbook(workdir / "new.xlsx")
    for title in old_book.sheetnames:
        old_header, old_rows = _cells(old_book[title])
        new_header, new_rows = _cells(new_book[title])
        if title == "organisations":  # the new sheet adds an overall row per organisation
            new_rows = [
                row for row in new_rows if row[new_header.index("component_id")][0] != "overall"
            ]
        assert len(old_rows) == len(new_rows), title
        for name in old_header:
            if name in REMOVED:
                continue
            old_at, new_at = old_header.index(name), new_header.index(name)
            for number, (old_row, new_row) in enumerate(zip(old_rows, new_rows, strict=True)):
                value, number_format = old_row[old_at]
                assert new_row[new_at][0] == value, (title, name, number)
                if value is not None:
                    assert new_row[new_at][1] == number_format, (title, name, number)


def test_control_characters_in_names_are_shown_in_the_table(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    written = write_all(shipped, tmp_path / "answers")
    for path in written[:5]:  # Woonstede's five
        data = json.loads(path.read_text("utf-8"))
        data["answers"]["organisatie"] = "Woon\x1b[31mstede"
        path.write_text(json.dumps(data), "utf-8")
    done = run_krmscan("score", "answers", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "Woon\u241b[31mstede: 5 respondenten" in done.stdout


def test_small_groups_statement_counts_are_withheld(workdir: Path) -> None:
    """One person's counts per statement are that person's answers: left out, as their rows."""
    done = run_krmscan("score", "answers", "-f", "json", "-o", "small.json", cwd=workdir)
    assert done.returncode == 1, done.stderr
    data = json.loads((workdir / "small.json").read_text("utf-8"))
    statements = {o["name"]: o["statements"] for o in data["organisations"]}
    assert statements["De Key"] == {} and statements["Eigen Haard"] == {}
    assert len(statements["Woonstede"]) == 35
    done = run_krmscan("score", "answers", "-f", "xlsx", "-o", "small.xlsx", cwd=workdir)
    rows = sheet_dicts(load_workbook(workdir / "small.xlsx"), "statements")
    assert {row["organisation"] for row in rows} == {"Woonstede"}
