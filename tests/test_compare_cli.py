"""`krmscan score` with --benchmark, --previous and --by, run as a process on real files."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from krmscan import answers, questionnaire
from krmscan.answers import AnswerValue, Choice, OtherAnswer
from krmscan.questionnaire import LoadedQuestionnaire, MultipleChoiceQuestion
from tests.support import run_krmscan, sample_answers

START = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def indexes(points: int, size: int = 7) -> list[int]:
    """Scale positions of ``size`` statements worth ``points``: Eens (2) first, then Neutraal."""
    found = [2] * (points // 2) + [1] * (points % 2)
    return found + [0] * (size - len(found))


def write(
    loaded: LoadedQuestionnaire,
    folder: Path,
    organisation: str,
    strategie: Sequence[int],
    *,
    choices: Sequence[str] = (),
) -> None:
    """One answers file per entry of ``strategie`` (its points); the rest answered Neutraal."""
    q = loaded.questionnaire
    folder.mkdir(parents=True, exist_ok=True)
    first = len(q.components[0].statements)
    for number, points in enumerate(strategie):
        statement_points = indexes(points, first) + [1] * (len(q.statements) - first)
        given: dict[str, AnswerValue] = sample_answers(
            q, organisation=organisation, statement_points=statement_points
        )
        given["naam"] = f"Medewerker {number}"  # every file different: none a duplicate
        if choices:
            given["krm_is"] = [choices[number]]
        built = answers.build(loaded, given, START, START + timedelta(minutes=10))
        name = f"{organisation.strip().replace(' ', '-').lower()}-{number}.json"
        answers.save(folder / name, built)


def score_json(*args: str | Path) -> dict[str, Any]:
    done = run_krmscan("score", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_the_previous_round_matched_by_name(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    write(shipped, tmp_path / "nu", "Woonstede", [10, 12, 14, 12, 12])
    write(shipped, tmp_path / "nu", "De Key", [7] * 5)
    write(shipped, tmp_path / "toen", " woonstede ", [4, 6, 8, 6, 6])
    data = score_json(tmp_path / "nu", "--previous", tmp_path / "toen")
    key, woonstede = data["organisations"]
    assert key["previous"]["found"] is False
    assert key["previous"]["reason"] == "Geen antwoorden van deze organisatie in de vorige ronde."
    previous = woonstede["previous"]
    assert previous["name"] == "woonstede"
    strategie = previous["components"][0]
    # by hand: 6 points of 14 better, variances 2 and 2 (points^2), df 8, t(0.975, 8) 2.306004
    f = 100 / 14
    margin = 2.306004135204166 * math.sqrt(2 / 5 + 2 / 5) * f
    assert strategie["change"] == pytest.approx(6 * f)
    assert strategie["interval"] == pytest.approx([6 * f - margin, 6 * f + margin])
    assert strategie["verdict"] == "beter"
    assert strategie["earlier"]["n"] == strategie["current"]["n"] == 5
    assert strategie["earlier"]["level"] == 2
    assert strategie["current"]["level"] == 4
    assert {c["verdict"] for c in previous["components"][1:]} == {"geen duidelijke verandering"}
    assert previous["left_out"] == {"components": [], "statements": []}
    table = run_krmscan("score", tmp_path / "nu", "--previous", tmp_path / "toen")
    assert table.returncode == 0, table.stderr
    assert "Sinds de vorige scan (toen 5 respondenten, nu 5)" in table.stdout
    interval = f"{6 * f - margin:+.1f}\u00a0tot\u00a0{6 * f + margin:+.1f}"
    assert interval.replace(".", ",") in table.stdout  # a decimal comma in a Dutch scan
    # both rounds' n, level and agreement per component, as in the JSON
    rounds = table.stdout[table.stdout.index("Toen en nu per onderdeel") :]
    earlier, current = strategie["earlier"], strategie["current"]
    rwg = [f"{r['rwg']:.2f}".replace(".", ",") for r in (earlier, current)]
    cells = [5, 5, 2, 4, *rwg]
    assert ["Strategie", *map(str, cells)] in [line.split() for line in rounds.splitlines()]


def test_a_statement_dropped_between_rounds(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    document = yaml.safe_load(shipped.path.read_text(encoding="utf-8"))
    strategie = document["components"][0]
    dropped = strategie["statements"].pop(0)["id"]
    document["version"] = "vorige"
    earlier_path = tmp_path / "vorige.yaml"
    earlier_path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    earlier = questionnaire.load(earlier_path)
    write(shipped, tmp_path / "nu", "Woonstede", [2] * 5)  # Eens on the dropped statement only
    write(earlier, tmp_path / "toen", "Woonstede", [0] * 5)
    data = score_json(
        tmp_path / "nu",
        "--previous",
        tmp_path / "toen",
        "--previous-questionnaire",
        earlier_path,
    )
    previous = data["organisations"][0]["previous"]
    assert previous["left_out"] == {"components": [], "statements": [dropped]}
    first = previous["components"][0]
    assert first["statements"] == 6
    assert first["current"]["mean_pct"] == 0  # over the six statements both rounds have
    assert first["verdict"] == "geen duidelijke verandering"
    # without --previous-questionnaire the earlier files do not fit the current questionnaire
    done = run_krmscan("score", tmp_path / "nu", "--previous", tmp_path / "toen")
    assert done.returncode == 1
    assert "--previous: geen enkel antwoordbestand kon worden gescoord" in done.stderr
    assert "Traceback" not in done.stderr
    # one line for the five files of the other version, with what to do
    skipped = [line for line in done.stderr.splitlines() if "overgeslagen" in line]
    assert len(skipped) == 2, done.stderr  # the summary and the count
    assert skipped[0].startswith("--previous: overgeslagen: 5 bestand(en) ingevuld met een ")
    assert "versie 'vorige'" in skipped[0]
    assert "geef met --previous-questionnaire de vragenlijst" in skipped[0]
    assert skipped[1] == "--previous: 0 respondenten uit 5 bestanden, 5 overgeslagen"


def test_small_segments_never_appear_on_their_own(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    choices = ["over_nadenken"] * 7 + ["al_veel_aan_doen"] * 3 + ["goed_beheersen"] * 2
    write(shipped, tmp_path, "Woonstede", [14] * 7 + [2] * 5, choices=choices)
    data = score_json(tmp_path, "--by", "krm_is")
    found = data["organisations"][0]["segments"]
    assert [(s["option"], s["n"]) for s in found["segments"]] == [("over_nadenken", 7), (None, 5)]
    assert found["merged_options"] == [
        "al_veel_aan_doen",
        "goed_beheersen",
        "onhaalbaar_doel",
        "niet_nastreven",
    ]
    higher = found["segments"][0]["components"][0]["against_rest"]
    assert higher["verdict"] == "beter"
    assert json.dumps(found).count('"n": 3') == 0
    table = run_krmscan("score", tmp_path, "--by", "krm_is")
    assert table.returncode == 0, table.stderr
    assert "overig (n=5)" in table.stdout
    assert "(n=3)" not in table.stdout
    assert "(n=2)" not in table.stdout
    assert "+ / -: duidelijk hoger / lager dan de rest van de organisatie." in table.stdout


def test_the_segment_legend_only_with_a_mark(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    """Two segments with the same answers: no + or - in the table, so no legend for them."""
    choices = ["over_nadenken"] * 5 + ["al_veel_aan_doen"] * 5
    write(shipped, tmp_path, "Woonstede", [7, 9] * 5, choices=choices)
    table = run_krmscan("score", tmp_path, "--by", "krm_is")
    assert table.returncode == 0, table.stderr
    segments = table.stdout.split("Naar 'KlantRelatieManagement")[1].split("Niet apart")[0]
    heading = next(line for line in segments.splitlines() if "Onderdeel" in line)
    row = next(line for line in segments.splitlines() if "Klantmanagement" in line)
    assert row.split() == ["Klantmanagement", "50,0", "50,0"]
    assert row.rstrip().endswith("50,0") and len(row.rstrip()) == len(heading.rstrip())
    assert "duidelijk hoger" not in table.stdout


def test_by_needs_a_choice_question(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    write(shipped, tmp_path, "Woonstede", [7] * 2)
    for wrong in ("organisatie", "afdeling"):
        done = run_krmscan("score", tmp_path, "--by", wrong)
        assert done.returncode == 2
        assert f"--by: '{wrong}' is not a choice question" in done.stderr
        assert "choose one of: krm_is, krm_doelen, krm_initiatief, krm_barrieres" in done.stderr
        assert "Traceback" not in done.stderr
    done = run_krmscan("score", tmp_path, "--previous-questionnaire", shipped.path)
    assert done.returncode == 2
    assert "give --previous PATH" in done.stderr


def test_benchmark_from_another_folder(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    write(shipped, tmp_path / "klant", "Woonstede", [12] * 5)
    for number, points in enumerate([2, 4, 6, 8, 10]):
        write(shipped, tmp_path / "archief" / str(number), f"Archief {number}", [points] * 5)
    alone = run_krmscan("score", tmp_path / "klant")
    assert alone.returncode == 0, alone.stderr
    assert "Geen benchmark: 1 organisatie(s) met minstens 5 respondenten" in alone.stdout
    assert "Kwaliteit van de meting" in alone.stdout
    data = score_json(tmp_path / "klant", "--benchmark", tmp_path / "archief")
    benchmark = data["organisations"][0]["benchmark"]
    assert benchmark["organisations"] == 5
    strategie = benchmark["components"][0]
    assert strategie["median_pct"] == pytest.approx(600 / 14)
    assert strategie["q1_pct"] == pytest.approx(400 / 14)
    assert strategie["q3_pct"] == pytest.approx(800 / 14)
    assert strategie["position_text"] == "bij de hoogste 25 %"
    assert "Archief" not in json.dumps(data)
    table = run_krmscan("score", tmp_path / "klant", "--benchmark", tmp_path / "archief")
    assert "Benchmark: 5 organisaties met minstens 5 respondenten" in table.stdout
    assert "Archief" not in table.stdout + table.stderr
    assert data["quality"]["components"][0]["n"] == 5


def test_the_output_never_replaces_a_file_of_the_previous_round(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    write(shipped, tmp_path / "nu", "Woonstede", [10] * 5)
    write(shipped, tmp_path / "toen", "Woonstede", [4] * 5)
    earlier = sorted((tmp_path / "toen").rglob("*.json"))[0]
    before = earlier.read_bytes()
    done = run_krmscan(
        "score", tmp_path / "nu", "--previous", tmp_path / "toen", "-f", "json", "-o", earlier
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert earlier.read_bytes() == before


def solvable(rows: Sequence[Sequence[float]], size: int) -> list[int]:
    """The respondents whose own score follows from sums over these groups (0/1 rows)."""
    system = np.array(rows, dtype=float).reshape(-1, size)
    rank = np.linalg.matrix_rank(system)
    return [
        i
        for i in range(size)
        if np.linalg.matrix_rank(np.vstack([system, np.eye(size)[i]])) == rank
    ]


def test_overlapping_segments_do_not_give_a_person_away(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """10 respondents, 9 barriers each ticked by 5: the segments' means and the organisation's
    would be 10 independent equations in the 10 scores."""
    q = shipped.questionnaire
    barriers = next(x for x in q.questions if x.id == "krm_barrieres")
    assert isinstance(barriers, MultipleChoiceQuestion)
    options = barriers.options
    random = np.random.default_rng(5)
    while True:
        ticked = np.zeros((10, len(options)), dtype=int)
        for j in range(len(options)):
            ticked[random.choice(10, 5, replace=False), j] = 1
        if ticked.sum(axis=1).all() and len(solvable([*ticked.T, [1] * 10], 10)) == 10:
            break
    first = len(q.components[0].statements)
    for i in range(10):
        given = sample_answers(
            q, statement_points=indexes(i, first) + [1] * (len(q.statements) - first)
        )
        given["naam"] = f"Medewerker {i}"
        chosen: list[Choice] = [
            OtherAnswer(id=o.id, text="iets") if o.other else o.id
            for o, tick in zip(options, ticked[i], strict=True)
            if tick
        ]
        given["krm_barrieres"] = chosen
        built = answers.build(shipped, given, START, START + timedelta(minutes=10))
        answers.save(tmp_path / f"r{i}.json", built)
    data = score_json(tmp_path, "--by", "krm_barrieres")
    found = data["organisations"][0]["segments"]
    ids = [o.id for o in options]
    rows = [[1] * 10]
    for segment in found["segments"]:
        if segment["option"] is None:
            rows.append([int(not any(t)) for t in ticked])
        else:
            rows.append(list(ticked[:, ids.index(segment["option"])]))
    assert solvable(rows, 10) == []
    assert found["reason"].startswith("Niet naar segment uitgesplitst")
    table = run_krmscan("score", tmp_path, "--by", "krm_barrieres")
    assert table.returncode == 0, table.stderr
    assert "segmenten elkaar overlappen" in " ".join(table.stdout.split())


def test_the_overview_of_many_organisations_keeps_the_comparisons(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """From 20 organisations on one line each: the changes marked, the benchmark's medians."""
    write(shipped, tmp_path / "nu", "Org 00", [10, 12, 14, 12, 12])
    write(shipped, tmp_path / "toen", "Org 00", [4, 6, 8, 6, 6])
    for number in range(1, 20):
        write(shipped, tmp_path / "nu", f"Org {number:02}", [7] * 5)
        write(shipped, tmp_path / "toen", f"Org {number:02}", [7] * 5)
    done = run_krmscan(
        "score", tmp_path / "nu", "--previous", tmp_path / "toen", env={"COLUMNS": "80"}
    )
    assert done.returncode == 0, done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    assert lines[0][:2] == ["20", "organisaties:"]
    assert ["Org", "00", "5", "86+", "50", "50", "50", "50"] in [line[:8] for line in lines]
    assert ["Org", "01", "5", "50", "50", "50", "50", "50"] in [line[:8] for line in lines]
    assert ["Benchmark", "(mediaan)", "50", "50", "50", "50", "50"] in lines
    text = " ".join(done.stdout.split())
    assert "+ / -: duidelijk hoger / lager dan in de vorige scan (20 van de 20" in text
    detail = "--detail toont per organisatie de benchmark (mediaan, middelste helft, positie)"
    assert f"{detail} en de vorige ronde." in text  # no segments without --by
