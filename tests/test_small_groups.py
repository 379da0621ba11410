"""A group below --min-group shows only its n, in any format, unless --include-small-groups.

"Alleen" has one respondent, whose every score is 13/14 = 92.857 %: its mean is that
person's score. "Klein" has two: one answered Eens everywhere (ambition 4), the other Oneens
everywhere (ambition 1) and typed a text for "Anders, namelijk"; each knows the other's
answers from the mean and their own. So no mean, level, ambition or anything else of them
is shown: only n, that it is withheld and how to show it. "Groot" (5 respondents) is shown in
full, for contrast; the quality of the measurement counts only Groot, since with Groot's rows
exported, the quality over everyone can be solved for the one person of Alleen.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.console import Console

from krmscan import aggregate, answers, collect, render
from krmscan.answers import OtherAnswer
from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.respondents import Respondent, answers_of
from tests.support import run_krmscan

SECRET = "Alleen ik weet dit"
"""The text one person of Klein typed for "Anders, namelijk"."""
ALLEEN = [
    Respondent(
        "alleen/a.json",
        "Alleen",
        4,
        ("EEEEEEN",) * 5,  # type: ignore[arg-type]
        ["al_veel_aan_doen"],
        ["doel_onderscheiden"],
        "Cees Alleen",
        "cees@alleen.nl",
    )
]
SCORE = 100 * 13 / 14
"""Alleen's one person's score of every component, and overall."""
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
SMALL = {"Alleen": 1, "Klein": 2}
WITHHELD = DUTCH.small_group_withheld.format(min_group=5)


def only_n(name: str) -> dict[str, Any]:
    """A small group's organisation in the JSON: its n, that it is withheld, and why."""
    return {
        "name": name,
        "n": SMALL[name],
        "small_group": True,
        "respondents_withheld": True,
        "withheld_reason": WITHHELD,
        "spellings": [name],
        "components": [],
        "ranking": [],
        "overall": None,
        "ambition": None,
        "frequencies": {},
        "statements": {},
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    root = tmp_path_factory.mktemp("small") / "answers"
    start = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    for number, respondent in enumerate(ALLEEN + KLEIN + GROOT):
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


def test_json_shows_only_the_n_of_a_small_group(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    score(folder, out, "-f", "json", "--benchmark", str(folder))
    text = out.read_text("utf-8")
    data = json.loads(text)
    for name in SMALL:  # no benchmark either: it holds the organisation's own mean
        assert organisation_json(data, name) == only_n(name)
    assert {row["organisation"] for row in data["respondents"]} == {"Groot"}
    assert str(SCORE)[:6] not in text and SECRET not in text
    groot = organisation_json(data, "Groot")
    assert all(shown(value) for value in groot["components"][0].values())
    assert shown(groot["frequencies"]) and shown(groot["statements"]) and groot["benchmark"]
    # asked for: everything, Alleen's one person's score as its mean
    score(folder, out, "-f", "json", "--include-small-groups")
    everything = json.loads(out.read_text("utf-8"))
    alleen = organisation_json(everything, "Alleen")
    assert alleen["components"][0]["mean_pct"] == pytest.approx(SCORE)
    assert alleen["withheld_reason"] is None
    assert SECRET in out.read_text("utf-8")
    assert {c["n"] for c in everything["quality"]["components"]} == {8}


def test_the_quality_over_the_run_counts_no_small_group(folder: Path, tmp_path: Path) -> None:
    """Groot's rows and the quality over Groot and Alleen's one person give that person away
    (its answers are the one solution): the quality is Groot's alone, as if Groot were all."""
    whole, groot = tmp_path / "whole.json", tmp_path / "groot.json"
    score(folder, whole, "-f", "json")
    score(folder / "groot", groot, "-f", "json")
    quality = json.loads(whole.read_text("utf-8"))["quality"]
    assert {c["n"] for c in quality["components"]} == {5}
    assert quality == json.loads(groot.read_text("utf-8"))["quality"]


def test_xlsx_has_one_row_with_the_n_of_a_small_group(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    score(folder, out, "-f", "xlsx")
    book = load_workbook(out)
    sheet = book["organisations"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    for name, n in SMALL.items():
        (row,) = [row for row in rows if row["organisation"] == name]
        assert {key: value for key, value in row.items() if value not in (None, "")} == {
            "organisation": name,
            "n": n,
            "small_group": True,
            "withheld_reason": WITHHELD,
        }
    groot = next(row for row in rows if row["organisation"] == "Groot")
    assert groot["mean_pct"] is not None and groot["priority_1"] and not groot["withheld_reason"]
    for title in ("respondents", "statements", "frequencies"):
        column = [cell.value for cell in book[title][1]].index("organisation")
        names = {row[column].value for row in book[title].iter_rows(2)}
        assert names == {"Groot"}, title
    n = [cell.value for cell in book["quality"][1]].index("n")
    assert {row[n].value for row in book["quality"].iter_rows(2)} == {5}
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert SECRET not in cells
    assert not [c for c in cells if isinstance(c, float) and abs(c - SCORE) < 0.01]


def test_csv_has_no_row_of_a_small_group(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    score(folder, out, "-f", "csv")
    text = out.read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))[1:]
    assert {row["organisation"] for row in rows} == {"Groot"}
    assert SECRET not in text and "92,9" not in text and "92,857" not in text


def sections(table: str) -> dict[str, str]:
    """The table per organisation (split at the rules between them), spaces collapsed."""
    found = {}
    for part in re.split(r"\n─+\n", table):
        name = part.strip().split(":")[0]
        found[name] = " ".join(part.split())
    return found


def test_table_of_a_small_group_shows_its_n_and_why(folder: Path) -> None:
    done = run_krmscan(
        "score", folder, "--benchmark", folder, env={"COLUMNS": "120", "NO_COLOR": "1"}
    )
    assert done.returncode == 0, done.stderr
    found = sections(done.stdout.split(DUTCH.quality_title[:20])[0])
    assert found["Alleen"] == f"Alleen: 1 respondent {' '.join(WITHHELD.split())}"
    assert found["Klein"] == f"Klein: 2 respondenten {' '.join(WITHHELD.split())}"
    assert DUTCH.scores_title in found["Groot"] and DUTCH.priorities_title in found["Groot"]
    assert "92,9" not in done.stdout and SECRET not in done.stdout
    assert "'Alleen' heeft 1 respondent(en)" in done.stderr
    assert DUTCH.note_small_group_withheld in done.stderr
    assert " ".join(DUTCH.quality_small_groups.split()) in " ".join(done.stdout.split())
    asked = run_krmscan("score", folder, "--include-small-groups", env={"COLUMNS": "120"})
    alleen = sections(asked.stdout)["Alleen"]
    assert " ".join(DUTCH.small_group.format(min_group=5).split()) in alleen
    assert "92,9" in alleen and WITHHELD[:20] not in asked.stdout


def test_overview_shows_dashes_for_a_small_group(
    folder: Path, shipped: LoadedQuestionnaire
) -> None:
    """The one line per organisation (from 20 organisations on) shows a small group's n only."""
    found = collect.collect([folder], shipped).respondents
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(render.overview(aggregate.results(shipped.questionnaire, found), DUTCH))
    assert isinstance(console.file, io.StringIO)
    lines = {
        words[0]: words[1:]
        for words in map(str.split, console.file.getvalue().splitlines())
        if words
    }
    assert lines["Alleen"] == ["1", "-", "-", "-", "-", "-", "-"]
    assert lines["Klein"] == ["2", "-", "-", "-", "-", "-", "-"]
    assert lines["Groot"][0] == "5" and "-" not in lines["Groot"]


def test_size_only_and_withhold_small_are_pure_rules(
    folder: Path, shipped: LoadedQuestionnaire
) -> None:
    found = collect.collect([folder], shipped).respondents
    q = shipped.questionnaire
    results = aggregate.results(q, found)
    full = aggregate.results(q, found, include_small=True)
    assert [s.name for s in results.summaries] == ["Alleen", "Groot", "Klein"]
    assert results.summaries[1] == full.summaries[1]  # at least --min-group: left as it is
    assert [s for s, _ in results.organisations] == full.summaries  # the report's, in full
    for shown_n, whole in zip(results.summaries[::2], full.summaries[::2], strict=True):
        assert aggregate.size_only(whole) == shown_n
        assert (shown_n.n, shown_n.components, shown_n.overall, shown_n.ambition) == (
            whole.n,
            [],
            None,
            None,
        )
        assert aggregate.size_only(shown_n) == shown_n
    assert aggregate.size_only(full.summaries[1]) is full.summaries[1]
    # the report's small group (--include-small-groups) keeps its means, nothing of a person
    klein = aggregate.withhold_small(full.summaries[2])
    assert klein.withheld and klein.overall == full.summaries[2].overall
    assert [c.mean_pct for c in klein.components] == [50.0] * 5
    assert {(c.min_pct, c.sd_pct, c.rwg) for c in klein.components} == {(None, None, None)}
    assert aggregate.withhold_small(klein) == klein
    assert [
        len(r) for r in (results.counted_respondents(found), full.counted_respondents(found))
    ] == [5, 8]


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
