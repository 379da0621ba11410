"""The benchmark and the previous round in the xlsx organisations sheet, re-read with openpyxl."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from krmscan import export, questionnaire
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import run_krmscan
from tests.test_compare_cli import score_json, write

BENCHMARK = ["benchmark_q1_pct", "benchmark_median_pct", "benchmark_q3_pct", "benchmark_position"]
PREVIOUS = [
    "previous_statements",
    "previous_n",
    "previous_mean_pct",
    "previous_level",
    "previous_rwg",
    "change",
    "change_low",
    "change_high",
    "change_verdict",
]


def organisations_sheet(*args: str | Path, out: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """``score --format xlsx`` as a process; its organisations sheet by organisation, component."""
    done = run_krmscan("score", *args, "--format", "xlsx", "-o", out)
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(out)["organisations"].values)
    header = [str(value) for value in rows[0]]
    found = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    return {(str(row["organisation"]), str(row["component_id"])): row for row in found}


def test_the_organisations_sheet_holds_the_benchmark_and_the_previous_round(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    now, then = tmp_path / "nu", tmp_path / "toen"
    write(shipped, now, "Woonstede", [10, 12, 14, 12, 12])
    for number, points in enumerate([2, 4, 6, 8, 10]):
        write(shipped, now, f"Corporatie {number}", [points] * 5)
    write(shipped, now, "Klein", [14, 0])  # below the minimum group of 5
    write(shipped, then, " woonstede ", [4, 6, 8, 6, 6])
    write(shipped, then, "Klein", [0, 0])
    write(shipped, then, "Corporatie 0", [0, 1, 2, 3, 4])  # then less of one mind than now
    args = (now, "--previous", then)
    sheet = organisations_sheet(*args, out=tmp_path / "r.xlsx")
    strategie = sheet["Woonstede", "strategie"]
    # by hand: the six organisations' means 2..12 of 14 points; Excel's QUARTILE.INC
    f = 100 / 14
    assert strategie["benchmark_q1_pct"] == pytest.approx(4.5 * f)
    assert strategie["benchmark_median_pct"] == pytest.approx(7 * f)
    assert strategie["benchmark_q3_pct"] == pytest.approx(9.5 * f)
    assert strategie["benchmark_position"] == "bij de hoogste 25 %"
    margin = 2.306004135204166 * math.sqrt(2 / 5 + 2 / 5) * f  # t(0.975, 8), as in test_compare_cli
    assert strategie["previous_statements"] == 7
    assert strategie["previous_n"] == 5
    assert strategie["previous_mean_pct"] == pytest.approx(6 * f)
    assert strategie["previous_level"] == 2
    assert strategie["change"] == pytest.approx(6 * f)
    assert strategie["change_low"] == pytest.approx(6 * f - margin)
    assert strategie["change_high"] == pytest.approx(6 * f + margin)
    assert strategie["change_verdict"] == "beter"

    # percentages as 0.0, rwg as 0.00, as the sheet's other columns
    book = load_workbook(tmp_path / "r.xlsx")["organisations"]
    header = [c.value for c in book[1]]
    cells = next(r for r in book.iter_rows(min_row=2) if r[0].value == "Woonstede")
    formats = {k: cells[header.index(k)].number_format for k in ("change_low", "previous_rwg")}
    assert formats == {"change_low": "0.0", "previous_rwg": "0.00"}

    assert_as_compare_gives(sheet, score_json(*args))
    others = shipped.questionnaire.components[1:]
    verdicts = {sheet["Woonstede", c.id]["change_verdict"] for c in others}
    assert verdicts == {"geen duidelijke verandering"}
    spread = sheet["Corporatie 0", "strategie"]
    assert spread["previous_rwg"] < spread["rwg"] == 1
    # the overall rows compare nothing; the small organisation's rows show nothing compared
    for (name, component), row in sheet.items():
        if component == export.OVERALL_ID or name == "Klein":
            assert all(row[key] is None for key in BENCHMARK + PREVIOUS), (name, component)


def assert_as_compare_gives(
    sheet: dict[tuple[str, str], dict[str, Any]], data: dict[str, Any]
) -> None:
    """Every filled cell is compare's figure, as the JSON of the same data gives it."""
    for organisation in data["organisations"]:
        name = organisation["name"]
        if organisation["small_group"]:  # its n only: no comparisons, in JSON nor in the sheet
            assert "benchmark" not in organisation and organisation["components"] == []
            continue
        benchmark = {c["id"]: c for c in organisation["benchmark"]["components"]}
        previous = {c["id"]: c for c in organisation["previous"]["components"]}
        for component in organisation["components"]:
            row = sheet[name, component["id"]]
            shown = benchmark[component["id"]]
            assert [row[key] for key in BENCHMARK] == [
                pytest.approx(shown["q1_pct"]),
                pytest.approx(shown["median_pct"]),
                pytest.approx(shown["q3_pct"]),
                shown["position_text"],
            ]
            change = previous.get(component["id"])
            if change is None:  # no previous round of this organisation
                assert all(row[key] is None for key in PREVIOUS), name
                continue
            low, high = change["interval"] or [None, None]
            earlier = change["earlier"]
            assert [row[key] for key in PREVIOUS] == [
                change["statements"],
                earlier["n"],
                pytest.approx(earlier["mean_pct"]),
                earlier["level"],
                None if earlier["rwg"] is None else pytest.approx(earlier["rwg"]),
                pytest.approx(change["change"]),
                None if low is None else pytest.approx(low),
                None if high is None else pytest.approx(high),
                change["verdict"],
            ]


def test_no_comparison_no_figures(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    """Without --previous, and with fewer than 5 organisations: the columns, empty."""
    write(shipped, tmp_path / "nu", "Woonstede", [10, 12, 14, 12, 12])
    write(shipped, tmp_path / "nu", "De Key", [7] * 5)
    sheet = organisations_sheet(tmp_path / "nu", out=tmp_path / "r.xlsx")
    assert {name for name, _ in sheet} == {"Woonstede", "De Key"}
    for row in sheet.values():
        assert all(row[key] is None for key in BENCHMARK + PREVIOUS)


def test_a_dropped_statement_the_change_over_the_shared_ones(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """The previous round's questionnaire had a statement fewer: six statements compared."""
    document = yaml.safe_load(shipped.path.read_text(encoding="utf-8"))
    document["components"][0]["statements"].pop(0)
    document["version"] = "vorige"
    earlier_path = tmp_path / "vorige.yaml"
    earlier_path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    write(shipped, tmp_path / "nu", "Woonstede", [2] * 5)  # Eens on the dropped statement only
    write(questionnaire.load(earlier_path), tmp_path / "toen", "Woonstede", [0] * 5)
    args = (tmp_path / "nu", "--previous", tmp_path / "toen")
    sheet = organisations_sheet(
        *args, "--previous-questionnaire", earlier_path, out=tmp_path / "r.xlsx"
    )
    strategie = sheet["Woonstede", "strategie"]
    assert strategie["mean_pct"] == pytest.approx(200 / 14)  # over all seven statements now
    assert strategie["previous_statements"] == 6
    assert strategie["previous_mean_pct"] == 0
    assert strategie["change"] == 0  # over the six both rounds have: Oneens then and now
    assert strategie["change_verdict"] == "geen duidelijke verandering"


def test_the_csv_ends_each_row_with_its_organisations_comparisons(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """Per component the benchmark's median and position and the previous round (n, mean, level,
    rwg, change and its interval), as the JSON gives them; empty for an organisation below the
    minimum group."""
    now, then = tmp_path / "nu", tmp_path / "toen"
    write(shipped, now, "Woonstede", [10, 12, 14, 12, 12])
    for number, points in enumerate([2, 4, 6, 8, 10]):
        write(shipped, now, f"Corporatie {number}", [points] * 5)
    write(shipped, now, "Klein", [14, 0])
    write(shipped, then, "Woonstede", [4, 6, 8, 6, 6])
    write(shipped, then, "Klein", [0, 0])
    args = (now, "--previous", then, "--include-small-groups")
    done = run_krmscan("score", *args, "--format", "csv", "--decimal-point")
    assert done.returncode == 0, done.stderr
    ids, labels, *rows = csv.reader(io.StringIO(done.stdout.removeprefix("\ufeff")), delimiter=";")
    found = [dict(zip(ids, row, strict=True)) for row in rows]
    components = [c.id for c in shipped.questionnaire.components]
    names = [*export.CSV_COMPARISON]
    assert ids[-len(names) * len(components) :] == [f"{c}_{n}" for c in components for n in names]
    assert labels[ids.index("strategie_change_verdict")] == (
        "Strategie: Verandering sinds de vorige ronde"
    )
    data = {o["name"]: o for o in score_json(*args)["organisations"]}
    for row in found:
        organisation = data[row["organisation"]]
        for component in components:
            cells = [row[f"{component}_{n}"] for n in names]
            if organisation["small_group"]:
                assert cells == [""] * len(names)
                continue
            shown = next(c for c in organisation["benchmark"]["components"] if c["id"] == component)
            change = next(
                (c for c in organisation["previous"]["components"] if c["id"] == component), None
            )
            expected = [pytest.approx(shown["median_pct"]), shown["position_text"]]
            if change is None:
                expected += [""] * 8
            else:
                earlier = change["earlier"]
                expected += [
                    str(earlier["n"]),
                    pytest.approx(earlier["mean_pct"]),
                    str(earlier["level"]),
                    pytest.approx(earlier["rwg"]),
                    pytest.approx(change["change"]),
                    *(pytest.approx(end) for end in change["interval"]),
                    change["verdict"],
                ]
            numbers = {0, 3, 5, 6, 7, 8} if change is not None else {0}
            assert [float(c) if i in numbers else c for i, c in enumerate(cells)] == expected
    woonstede = next(row for row in found if row["organisation"] == "Woonstede")
    assert woonstede["strategie_change_verdict"] == "beter"
    assert woonstede["strategie_benchmark_position"] == "bij de hoogste 25 %"


def test_the_quality_sheet_holds_alpha_and_every_item_rest_correlation(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """A row per statement with its component's alpha and its own item-rest r, as in the JSON."""
    now = tmp_path / "nu"
    write(shipped, now, "Woonstede", [10, 12, 14, 12, 2])
    write(shipped, now, "De Key", [7, 3, 9, 11, 0])
    out = tmp_path / "r.xlsx"
    done = run_krmscan("score", now, "--format", "xlsx", "-o", out)
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(out)["quality"].values)
    header = [str(value) for value in rows[0]]
    found = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    expected = score_json(now)["quality"]["components"]
    assert (
        len(found)
        == sum(len(c["item_rest"]) for c in expected)
        == len(shipped.questionnaire.statements)
    )
    by_statement = {row["statement_id"]: row for row in found}
    for component in expected:
        for item in component["item_rest"]:
            row = by_statement[item["id"]]
            assert row["component_id"] == component["id"]
            assert row["n"] == component["n"] == 10
            if component["alpha"] is None:
                assert row["alpha"] is None
            else:
                assert row["alpha"] == pytest.approx(component["alpha"])
                assert row["alpha_flag"] == int(component["flagged"])
            assert row["item_rest"] == (None if item["r"] is None else pytest.approx(item["r"]))
