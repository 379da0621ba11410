"""A group below --min-group exports nothing that is one person's answer, in any format.

"Klein" has two respondents: one answered Eens everywhere (ambition 4), the other Oneens
everywhere (ambition 1) and typed a text for "Anders, namelijk". With two people the lowest and
highest score, the median, the standard deviation, the counts per level or per answer, the
mode of the ambition, the weakest statements and the typed texts each give away one person.
Only the means, their levels and the comparison with the (median) ambition remain, unless
``--include-small-groups``. "Groot" (5 respondents) is shown in full, for contrast.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from krmscan import aggregate, answers, collect
from krmscan.answers import OtherAnswer
from krmscan.messages import DUTCH
from krmscan.questionnaire import (
    LoadedQuestionnaire,
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
)
from tests.respondents import Respondent, answers_of
from tests.support import run_krmscan

SECRET = "Alleen ik weet dit"
"""The text one person of Klein typed for "Anders, namelijk"."""
KLEIN = [
    Respondent(
        "klein/a.json",
        "Klein",
        4,
        ("EEEEEEE",) * 5,  # type: ignore[arg-type]
        ["goed_beheersen"],
        ["doel_onderscheiden"],
        "Ans Klein",
        "ans@klein.nl",
    ),
    Respondent(
        "klein/b.json",
        "Klein",
        1,
        ("OOOOOOO",) * 5,  # type: ignore[arg-type]
        ["niet_nastreven"],
        [OtherAnswer(id="doel_anders", text=SECRET)],
        "Bob Klein",
        "bob@klein.nl",
    ),
]
GROOT = [
    Respondent(
        f"groot/{number}.json",
        "Groot",
        3,
        (letters,) * 5,  # type: ignore[arg-type]
        ["over_nadenken"],
        ["doel_wooncarriere"],
        f"Medewerker {number}",
        f"m{number}@groot.nl",
    )
    for number, letters in enumerate(["EEEENNN", "EENNNNO", "NNNNNNN", "EEEEEEO", "ENNNOOO"])
]

KEPT_KEYS = {
    "id",
    "name",
    "mean_pct",
    "level",
    "level_name",
    "ambition_gap",
    "ambition_pct",
    "points_to_ambition",
    "behind",
}
"""What a small group's component keeps: figures over the group, none of one person."""
KEPT_COLUMNS = KEPT_KEYS - {"id", "name"} | {
    "organisation",
    "n",
    "small_group",
    "component_id",
    "component",
    "ambition_median",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    root = tmp_path_factory.mktemp("small") / "answers"
    start = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    for number, respondent in enumerate(KLEIN + GROOT):
        path = root / respondent.file
        path.parent.mkdir(parents=True, exist_ok=True)
        started = start + timedelta(minutes=number)
        given = answers_of(shipped, respondent)
        built = answers.build(shipped, given, started, started + timedelta(minutes=9))
        answers.save(path, built)
    return root


def score(folder: Path, out: Path, *args: str) -> None:
    done = run_krmscan("score", folder, *args, "-o", out)
    assert done.returncode == 0, done.stderr


def organisation_json(data: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(o for o in data["organisations"] if o["name"] == name)
    return found


def shown(value: object) -> bool:
    return value is not None and value not in ([], {})


def test_json_keeps_only_figures_over_the_group(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    score(folder, out, "-f", "json")
    text = out.read_text("utf-8")
    data = json.loads(text)
    klein = organisation_json(data, "Klein")
    assert (klein["small_group"], klein["respondents_withheld"]) == (True, True)
    for component in klein["components"]:
        assert {key for key, value in component.items() if shown(value)} == KEPT_KEYS
        assert component["mean_pct"] == 50.0
    assert klein["ambition"] == {"distribution": {}, "median": 2.5, "mode": []}
    assert (klein["frequencies"], klein["statements"]) == ({}, {})
    assert {row["organisation"] for row in data["respondents"]} == {"Groot"}
    assert SECRET not in text
    groot = organisation_json(data, "Groot")
    assert all(shown(value) for value in groot["components"][0].values())
    assert shown(groot["frequencies"]) and shown(groot["statements"])
    # asked for: everything, the two people's scores as lowest and highest
    score(folder, out, "-f", "json", "--include-small-groups")
    everything = json.loads(out.read_text("utf-8"))
    first = organisation_json(everything, "Klein")["components"][0]
    assert (first["min_pct"], first["max_pct"]) == (0.0, 100.0)
    assert SECRET in out.read_text("utf-8")


def test_xlsx_rows_of_a_small_group_hold_no_persons_figures(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    score(folder, out, "-f", "xlsx")
    book = load_workbook(out)
    sheet = book["organisations"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    klein = [row for row in rows if row["organisation"] == "Klein"]
    assert len(klein) == 6  # five components and the overall row
    for row in klein:
        assert {key for key, value in row.items() if value not in (None, "")} <= KEPT_COLUMNS
    groot = next(row for row in rows if row["organisation"] == "Groot")
    assert groot["min_pct"] is not None and groot["priority_1"]
    for title in ("respondents", "statements", "frequencies"):
        column = [cell.value for cell in book[title][1]].index("organisation")
        names = {row[column].value for row in book[title].iter_rows(2)}
        assert names == {"Groot"}, title
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert SECRET not in cells


def test_csv_has_no_row_of_a_small_group(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    score(folder, out, "-f", "csv")
    text = out.read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))[1:]
    assert {row["organisation"] for row in rows} == {"Groot"}
    assert SECRET not in text


def test_table_of_a_small_group_says_what_it_leaves_out(
    folder: Path, shipped: LoadedQuestionnaire
) -> None:
    done = run_krmscan("score", folder, env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    klein = out[out.index("Klein: 2 respondenten") :]
    assert "Groot: 5 respondenten" in out[: out.index("Klein: 2 respondenten")]
    assert DUTCH.small_group_withheld[:40] in klein
    assert DUTCH.priorities_title not in klein and DUTCH.frequencies_title not in klein
    q = shipped.questionnaire
    starts = [" ".join(s.text.split()[:4]) for s in q.statements]
    options = [
        option.text
        for question in q.questions
        if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion)
        for option in question.options
    ]
    assert [text for text in starts + options if text in klein] == []
    assert SECRET not in out
    assert "0,0\u2013100,0" not in klein  # no lowest-highest
    assert "1/0/0/1" not in klein  # no respondents per level, no ambition per level
    assert DUTCH.ambition_line_withheld.format(median="2,5") in klein
    assert "te weinig respondenten" not in klein  # withheld is not "too few"
    assert "'Klein' heeft 2 respondent(en)" in done.stderr


def test_withhold_small_is_one_pure_rule(folder: Path, shipped: LoadedQuestionnaire) -> None:
    found = collect.collect([folder], shipped).respondents
    q = shipped.questionnaire
    withheld = aggregate.results(q, found).summaries
    full = aggregate.results(q, found, include_small=True).summaries
    assert [s.name for s in withheld] == ["Groot", "Klein"]
    assert withheld[0] == full[0]  # a group of at least --min-group is left as it is
    klein = withheld[1]
    assert klein.withheld and not full[1].withheld
    assert aggregate.withhold_small(full[1]) == klein
    assert aggregate.withhold_small(klein) == klein
    assert aggregate.withhold_small(full[0]) is full[0]
    # what it keeps is exactly what the full summary says of the group
    for kept, whole in zip(klein.components, full[1].components, strict=True):
        assert [getattr(kept, key) for key in KEPT_KEYS] == [
            getattr(whole, key) for key in KEPT_KEYS
        ]
    assert klein.overall == full[1].overall and klein.ambition.median == 2.5


def test_segments_of_a_small_group_never_shown_even_when_asked(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    score(folder, out, "-f", "json", "--by", "krm_is", "--include-small-groups")
    data = json.loads(out.read_text("utf-8"))
    for name in ("Klein", "Groot"):  # Groot: one option of 5, the whole organisation
        segments = organisation_json(data, name)["segments"]["segments"]
        assert all(segment["n"] >= 5 for segment in segments), name
    assert organisation_json(data, "Klein")["segments"]["segments"] == []
