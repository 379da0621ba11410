"""`krmscan score` over many files: organisation results checked against hand computations.

The fixture set is `tests/respondents.py`: Woonstede (5), De Key (2), Eigen Haard (1).
Codes for rwg: Oneens 1, Neutraal 2, Eens 3; weights for scores: Oneens 0, Neutraal 1, Eens 2;
a component has 7 statements, so 14 points = 100 %. E = (3^2 - 1) / 12 = 2/3.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.respondents import PERSONAL, write_all
from tests.support import run_krmscan


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """The eight answers files, in subfolders."""
    root = tmp_path_factory.mktemp("answers")
    write_all(shipped, root)
    return root


@pytest.fixture(scope="module")
def results(folder: Path) -> dict[str, Any]:
    """`krmscan score FOLDER --format json`, run once as a real process."""
    done = run_krmscan("score", folder, "--format", "json")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.fixture(scope="module")
def everything(folder: Path) -> dict[str, Any]:
    """The same with ``--include-small-groups``: the small groups' figures too."""
    done = run_krmscan("score", folder, "--format", "json", "--include-small-groups")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def organisation(results: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(o for o in results["organisations"] if o["name"] == name)
    return found


def component(org: dict[str, Any], component_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in org["components"] if c["id"] == component_id)
    return found


def test_grouping_ignores_case_and_spaces_and_shows_the_most_common_spelling(
    results: dict[str, Any],
) -> None:
    # "Woonstede" x3, " woonstede " and "WOONSTEDE" are one organisation; names sorted.
    # Spellings: most common first, ties in the order found (woonstede/sub/ after r4.json).
    assert [(o["name"], o["n"]) for o in results["organisations"]] == [
        ("De Key", 2),
        ("Eigen Haard", 1),
        ("Woonstede", 5),
    ]
    assert organisation(results, "Woonstede")["spellings"] == [
        "Woonstede",
        "WOONSTEDE",
        "woonstede",
    ]


def test_strategie_of_woonstede_by_hand(results: dict[str, Any]) -> None:
    strategie = component(organisation(results, "Woonstede"), "strategie")
    # Points: EEEEEEE 14, EEEENNN 8+3 = 11, EENNNOO 4+3 = 7, NNNNNNN 7, OOOOOOE 2.
    # Mean: 100 x 41 / (14 x 5) = 58.571... %, level 3 ([50, 75)); median 7 -> 50 %.
    assert strategie["mean_pct"] == pytest.approx(4100 / 70)
    assert strategie["median_pct"] == pytest.approx(50.0)
    assert strategie["min_pct"] == pytest.approx(100 * 2 / 14)
    assert strategie["max_pct"] == pytest.approx(100.0)
    # sd: mean 8.2 points; squared deviations 33.64 + 7.84 + 1.44 + 1.44 + 38.44 = 82.8;
    # / (5 - 1) = 20.7; sd = sqrt(20.7) x 100 / 14 = 32.498 %.
    assert strategie["sd_pct"] == pytest.approx(20.7**0.5 * 100 / 14)
    assert strategie["level"] == 3
    # Levels: 100 % -> 4, 78.6 % -> 4, 50 % -> 3, 50 % -> 3, 14.3 % -> 1.
    assert strategie["level_distribution"] == {"1": 1, "2": 0, "3": 2, "4": 2}
    assert "mean_level" not in strategie  # the mean of levels contradicted the words
    # Ambitions 4, 3, 3, 2, 4: median 3; gap = level of the mean 3 - 3 = 0.
    assert strategie["ambition_gap"] == 0
    # The ambition starts at level 3's lower edge, 50 %: the mean 58.6 % is not behind.
    assert (strategie["ambition_pct"], strategie["points_to_ambition"]) == (50.0, 0.0)
    assert strategie["behind"] is False
    # Below own ambition: only r5 (level 1 < ambition 4): 1 / 5.
    assert strategie["below_ambition"] == pytest.approx(0.2)
    # rwg: codes per statement (r1..r5) and sample variances:
    #   s1 3,3,3,2,1 -> (32 - 12^2/5) / 4 = 0.8    s2 the same -> 0.8
    #   s3 3,3,2,2,1 -> (27 - 11^2/5) / 4 = 0.7    s4 the same -> 0.7
    #   s5 3,2,2,2,1 -> (22 - 10^2/5) / 4 = 0.5
    #   s6 3,2,1,2,1 -> (19 -  9^2/5) / 4 = 0.7    s7 3,2,1,2,3 -> (27 - 11^2/5) / 4 = 0.7
    # mean 4.9 / 7 = 0.7 > E = 2/3: clamped to E, so rwg = 7 x 0 / (7 x 0 + 1) = 0.
    assert strategie["rwg"] == pytest.approx(0.0)
    assert strategie["shared_view"] is False
    # Mean weights: s1 7/5, s2 7/5, s3 6/5, s4 6/5, s5 5/5, s6 4/5, s7 6/5: weakest s6, s5,
    # then s3 (first of the ties at 6/5).
    assert [(p["id"], p["mean"], p["pct"]) for p in strategie["priorities"]] == [
        ("strategie_management_tijd_huurders", pytest.approx(0.8), pytest.approx(40.0)),
        ("strategie_ruimte_voor_huurderswensen", pytest.approx(1.0), pytest.approx(50.0)),
        ("strategie_klanttevredenheid_hoofddoel", pytest.approx(1.2), pytest.approx(60.0)),
    ]


def test_klantmanagement_of_woonstede_by_hand(results: dict[str, Any]) -> None:
    klant = component(organisation(results, "Woonstede"), "klantmanagement")
    # Points: EEEEEEN 13, EEEEENN 12, EEEENNN 11, EEEEEEE 14, EEENNNN 10: sum 60.
    assert klant["mean_pct"] == pytest.approx(6000 / 70)  # 85.7 %, level 4
    assert klant["level"] == 4
    assert klant["median_pct"] == pytest.approx(1200 / 14)
    # sd: mean 12; squared deviations 1 + 0 + 1 + 4 + 4 = 10; / 4 = 2.5 -> x 100/14.
    assert klant["sd_pct"] == pytest.approx(2.5**0.5 * 100 / 14)
    assert klant["level_distribution"] == {"1": 0, "2": 0, "3": 1, "4": 4}
    # Gap: level 4 - median ambition 3 = +1; below: r5 (level 3 < ambition 4) -> 1 / 5.
    assert klant["ambition_gap"] == 1
    assert klant["below_ambition"] == pytest.approx(0.2)
    # rwg: k1..k3 all Eens -> variance 0;
    #   k4 3,3,3,3,2 -> (40 - 14^2/5) / 4 = 0.2   k5 3,3,2,3,2 -> (35 - 13^2/5) / 4 = 0.3
    #   k6 3,2,2,3,2 -> (30 - 12^2/5) / 4 = 0.3   k7 2,2,2,3,2 -> (25 - 11^2/5) / 4 = 0.2
    # s2 = 1.0 / 7; s2 / E = (1/7) / (2/3) = 3/14;
    # rwg = 7 (11/14) / (7 (11/14) + 3/14) = 77 / 80 = 0.9625: a shared view.
    assert klant["rwg"] == pytest.approx(77 / 80)
    assert klant["shared_view"] is True
    # Mean weights k4 9/5, k5 8/5, k6 7/5, k7 6/5: weakest k7, k6, k5.
    assert [p["id"] for p in klant["priorities"]] == [
        "klant_affiniteit_informatiesystemen",
        "klant_prestaties_klantgerichtheid",
        "klant_informatie_gedeeld",
    ]


def test_uniform_answers_agree_fully(results: dict[str, Any]) -> None:
    # Everyone Neutraal on Kanaalmanagement: 7 points each, 50 %, sd 0, every variance 0,
    # so rwg = 7 x 1 / (7 x 1 + 0) = 1.
    kanaal = component(organisation(results, "Woonstede"), "kanaalmanagement")
    assert (kanaal["mean_pct"], kanaal["sd_pct"], kanaal["rwg"]) == (50.0, 0.0, 1.0)


def test_ambition_and_overall_of_woonstede(results: dict[str, Any]) -> None:
    woonstede = organisation(results, "Woonstede")
    # Ambitions 4, 3, 3, 2, 4: one at 2, two at 3, two at 4; median 3; modes 3 and 4.
    assert woonstede["ambition"] == {
        "distribution": {"1": 0, "2": 1, "3": 2, "4": 2},
        "median": 3,
        "mode": [3, 4],
    }
    # Overall: points 41 + 60 + 3 x 35 = 206 of 5 x 70 = 350 -> 58.857 %, level 3.
    assert woonstede["overall"]["mean_pct"] == pytest.approx(20600 / 350)
    assert woonstede["overall"]["level"] == 3
    assert woonstede["small_group"] is False


def test_two_opposite_respondents(everything: dict[str, Any]) -> None:
    dekey = organisation(everything, "De Key")
    strategie = component(dekey, "strategie")
    # 14 and 0 points: mean 50 % (exactly the lower edge of level 3), sd sqrt(98) x 100/14.
    assert strategie["mean_pct"] == 50.0
    assert strategie["level"] == 3
    assert strategie["sd_pct"] == pytest.approx(98**0.5 * 100 / 14)
    # Every statement 3 and 1: variance (9 + 1 - 4^2/2) / 1 = 2 > E: clamped, rwg 0.
    assert strategie["rwg"] == pytest.approx(0.0)
    # Ambitions 4 and 1: median 2.5, both modes; gap 3 - 2.5 = 0.5; nobody below their own.
    assert dekey["ambition"] == {
        "distribution": {"1": 1, "2": 0, "3": 0, "4": 1},
        "median": 2.5,
        "mode": [1, 4],
    }
    assert strategie["ambition_gap"] == 0.5
    assert strategie["below_ambition"] == 0
    assert dekey["small_group"] is True


def test_one_respondent_has_no_spread_and_no_agreement(everything: dict[str, Any]) -> None:
    alone = organisation(everything, "Eigen Haard")
    for found in alone["components"]:
        # EEENNNN: 6 + 4 = 10 points = 71.4 %, level 3.
        assert found["mean_pct"] == pytest.approx(1000 / 14)
        assert (found["sd_pct"], found["rwg"], found["shared_view"]) == (None, None, None)


def test_frequencies_by_hand(results: dict[str, Any]) -> None:
    frequencies = organisation(results, "Woonstede")["frequencies"]
    # krm_is: over_nadenken r1, r2, r5 = 3/5; al_veel_aan_doen r2, r3 = 2/5;
    # goed_beheersen r4 = 1/5.
    krm_is = {o["id"]: (o["count"], o["share"]) for o in frequencies["krm_is"]["options"]}
    assert krm_is == {
        "over_nadenken": (3, 0.6),
        "al_veel_aan_doen": (2, 0.4),
        "goed_beheersen": (1, 0.2),
        "onhaalbaar_doel": (0, 0.0),
        "niet_nastreven": (0, 0.0),
    }
    doelen = frequencies["krm_doelen"]
    counts = {o["id"]: o["count"] for o in doelen["options"] if o["count"]}
    # trouwe huurders r1, r3, r5; wooncarriere r4, r5; anders r1, r2.
    assert counts == {
        "doel_trouwe_huurders_belonen": 3,
        "doel_wooncarriere": 2,
        "doel_anders": 2,
    }
    # The texts typed for "Anders, namelijk", sorted, not in respondent order.
    assert doelen["other_texts"] == ["minder  klachten", "Minder klachten"]
    assert doelen["other_option"] == "Anders, namelijk"
    # Questions marked personal have no frequencies; text questions have none either.
    assert set(frequencies) == {"krm_is", "krm_doelen", "krm_initiatief", "krm_barrieres"}


def test_respondents_have_their_personal_results_but_no_personal_data(
    results: dict[str, Any], folder: Path
) -> None:
    # Only Woonstede's rows: the other two organisations are below --min-group 5.
    rows = results["respondents"]
    assert len(rows) == 5
    assert {row["organisation"] for row in rows} == {"Woonstede"}
    first = next(row for row in rows if row["file"].endswith("r1.json"))
    assert set(first) == {
        "file",
        "organisation",
        "copies",
        "started_at",
        "completed_at",
        "anonymous",
        "components",
        "overall",
    }
    assert first["components"][0]["score_pct"] == 100.0
    assert first["overall"]["ambition_level"] == 4
    assert [o["respondents_withheld"] for o in results["organisations"]] == [True, True, False]
    text = json.dumps(results, ensure_ascii=False)
    assert not [personal for personal in PERSONAL if personal in text]


def test_include_personal_and_small_groups(folder: Path) -> None:
    done = run_krmscan(
        "score", folder, "--format", "json", "--include-personal", "--include-small-groups"
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["respondents"]) == 8
    named = {row["personal"]["naam"] for row in data["respondents"]}
    assert "Hans Verstopt" in named
    assert {row["personal"]["email"] for row in data["respondents"]} >= {"fien.stil@dekey.nl"}


def test_table_shows_every_organisation_with_warnings_and_flags(folder: Path) -> None:
    done = run_krmscan("score", folder, env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for heading in ("De Key: 2 respondenten", "Eigen Haard: 1 respondent\n", "Woonstede: 5"):
        assert heading in out
    assert "geen gedeeld beeld" in out
    withheld = DUTCH.small_group_withheld.format(min_group=5)[:40]
    assert out.count(withheld) == 2  # their n only: see tests/test_small_groups.py
    assert "Prioriteiten" in out
    assert "minder klachten (2)" in out
    assert "Ook geschreven als: WOONSTEDE, woonstede" in out
    # In the questionnaire's language, like everything else the user reads.
    assert "'De Key' heeft 2 respondent(en), minder dan --min-group 5" in done.stderr
    assert not [personal for personal in PERSONAL if personal in out]


def test_organisation_filter(folder: Path) -> None:
    done = run_krmscan("score", folder, "--format", "json", "--organisation", "  WOONSTEDE")
    assert done.returncode == 0, done.stderr
    assert [o["name"] for o in json.loads(done.stdout)["organisations"]] == ["Woonstede"]
    missing = run_krmscan("score", folder, "--organisation", "Ymere")
    assert missing.returncode == 1
    assert "geen antwoorden van organisatie 'Ymere'" in missing.stderr
    assert "'De Key', 'Eigen Haard', 'Woonstede'" in missing.stderr


def test_min_group_is_an_option(folder: Path) -> None:
    done = run_krmscan("score", folder, "--format", "json", "--min-group", "2")
    data = json.loads(done.stdout)
    assert [o["small_group"] for o in data["organisations"]] == [False, True, False]
    assert len(data["respondents"]) == 7


def test_bad_files_are_listed_the_rest_scored_exit_1(
    folder: Path, tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    shutil.copytree(folder, tmp_path / "in")
    (tmp_path / "in" / "broken.json").write_text('{"format": "krmscan-answers",', "utf-8")
    (tmp_path / "in" / "empty.json").write_bytes(b"")
    done = run_krmscan("score", tmp_path / "in", "--format", "json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert sum(o["n"] for o in data["organisations"]) == 8
    reasons = {Path(s["file"]).name: s["reason"] for s in data["skipped"]}
    assert set(reasons) == {"broken.json", "empty.json"}
    assert "geen geldige JSON" in reasons["broken.json"]
    assert "het bestand is leeg" in reasons["empty.json"]
    assert (
        f"overgeslagen {tmp_path / 'in' / 'broken.json'}: regel 1, kolom 29: geen geldige JSON"
        in done.stderr
    )
    assert "8 respondenten uit 10 bestanden, 2 overgeslagen" in done.stderr
    # The same folder scored against an English questionnaire: every word about files English.
    english = tmp_path / "english.yaml"
    text = shipped.path.read_text("utf-8")
    english.write_text(text.replace("language: nl", "language: en"), "utf-8")
    (tmp_path / "in" / "nothing").mkdir()
    done = run_krmscan("score", tmp_path / "in", tmp_path / "in" / "nothing", "-q", english)
    assert done.returncode == 1
    assert (
        f"skipped {tmp_path / 'in' / 'broken.json'}: line 1, column 29: not valid JSON"
        in done.stderr
    )
    assert f"skipped {tmp_path / 'in' / 'empty.json'}: the file is empty" in done.stderr
    assert f"skipped {tmp_path / 'in' / 'nothing'}: this folder holds no answers files" in (
        done.stderr
    )
    assert "answered with another version of the questionnaire" in done.stderr
    for dutch in ("overgeslagen", "geen geldige JSON", "het bestand", "waarschuwing", "regel"):
        assert dutch not in done.stderr


def test_an_identical_copy_is_counted_once_and_flagged(folder: Path, tmp_path: Path) -> None:
    shutil.copytree(folder, tmp_path / "in")
    original = tmp_path / "in" / "woonstede" / "r2.json"
    copy = tmp_path / "in" / "zz-copy-of-r2.json"
    shutil.copy(original, copy)
    done = run_krmscan("score", tmp_path / "in", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert organisation(data, "Woonstede")["n"] == 5
    assert data["duplicates"] == [{"file": str(original), "copies": [str(copy)]}]
    flagged = next(r for r in data["respondents"] if r["file"] == str(original))
    assert flagged["copies"] == [str(copy)]
    assert f"dubbel: {copy} heeft dezelfde inhoud als {original}; één keer geteld" in done.stderr
    # The same file named twice (a folder and a file in it) is one file, not a duplicate.
    again = run_krmscan("score", tmp_path / "in", original, "--format", "json")
    assert json.loads(again.stdout)["duplicates"] == data["duplicates"]


def test_empty_folder_is_an_error_naming_it(folder: Path, tmp_path: Path) -> None:
    empty = tmp_path / "nothing here"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an answers file", "utf-8")
    alone = run_krmscan("score", empty)
    assert alone.returncode == 1
    assert f"{empty}: deze map bevat geen antwoordbestanden" in alone.stderr.replace(
        "overgeslagen ", ""
    )
    with_others = run_krmscan("score", folder, empty, "--format", "json")
    assert with_others.returncode == 1
    assert sum(o["n"] for o in json.loads(with_others.stdout)["organisations"]) == 8


def test_progress_files_are_left_out(folder: Path, tmp_path: Path) -> None:
    shutil.copytree(folder, tmp_path / "in")
    (tmp_path / "in" / "r9.json.partial").write_text("{half", "utf-8")
    done = run_krmscan("score", tmp_path / "in", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["skipped"] == []
    assert "1 voortgangsbestand(en) van niet afgeronde scans (*.partial) niet meegeteld" in (
        done.stderr
    )


def test_one_file_keeps_the_personal_result(folder: Path) -> None:
    done = run_krmscan("score", folder / "woonstede" / "r1.json", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"components", "overall"}
    assert data["components"][0]["score_pct"] == 100.0
    table = run_krmscan("score", folder / "woonstede" / "r1.json")
    assert "Resultaat tegenover de gevoelsmatige ambitie" in table.stdout
    assert "Score per onderdeel" not in table.stdout


def test_output_file_is_written_atomically_and_private(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = run_krmscan("score", folder, "--format", "json", "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert out.stat().st_mode & 0o777 == 0o600
    assert json.loads(out.read_text("utf-8"))["organisations"][2]["name"] == "Woonstede"
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]  # no temporary left
    table = tmp_path / "results.txt"
    run_krmscan("score", folder, "-o", table)
    assert "Woonstede: 5 respondenten" in table.read_text("utf-8")


def test_xlsx_needs_an_output_file(folder: Path) -> None:
    done = run_krmscan("score", folder, "--format", "xlsx")
    assert done.returncode == 2
    assert "-o FILE.xlsx" in done.stderr


HEAVY = ("matplotlib", "openpyxl", "numpy", "pandas")


@pytest.mark.parametrize(
    ("target", "not_loaded"),
    [
        ("woonstede/r1.json", (*HEAVY, "krmscan.collect", "krmscan.aggregate", "statistics")),
        (".", HEAVY),
    ],
    ids=["one file", "a folder"],
)
def test_score_loads_no_charting_or_excel_library(
    folder: Path, target: str, not_loaded: tuple[str, ...]
) -> None:
    # Start-up time matters: the heavy libraries belong to `report` and `--format xlsx` only.
    script = (
        "import sys\n"
        "from krmscan.cli import app\n"
        f"sys.argv = ['krmscan', 'score', {str(folder / target)!r}]\n"
        "try:\n"
        "    app()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {not_loaded!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_organisations_are_listed_in_natural_order(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """Numbers in names by value (2 before 10), the same order in the terminal, JSON and report."""
    from tests.test_compare_cli import write

    for number in range(1, 22):
        write(shipped, tmp_path, f"Corporatie {number}", [7])
    expected = [f"Corporatie {number}" for number in range(1, 22)]
    data = json.loads(run_krmscan("score", tmp_path, "--format", "json").stdout)
    assert [o["name"] for o in data["organisations"]] == expected
    table = run_krmscan("score", tmp_path, env={"COLUMNS": "80"})
    assert table.returncode == 0, table.stderr
    shown = [line.split()[:2] for line in table.stdout.splitlines() if "Corporatie" in line]
    assert [" ".join(words) for words in shown] == expected
    out = tmp_path / "overzicht.html"
    done = run_krmscan("report", tmp_path, "--overview", "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = re.findall(
        r'<tr class="(?:organisation|small)">\s*<th>(.*?)</th>', out.read_text("utf-8")
    )
    assert rows == expected


def test_names_that_look_the_same_are_one_organisation(tmp_path: Path) -> None:
    valid = Path(__file__).resolve().parent / "bad_inputs" / "answers" / "valid.json"
    spellings = [
        "Woonstéde",
        "Woonste\u0301de",
        "Woonstéde\u200b",
        "\uff37\uff4f\uff4f\uff4e\uff53\uff54éde",
    ]
    for number, spelling in enumerate(spellings):
        data = json.loads(valid.read_text("utf-8"))
        data["answers"]["organisatie"] = spelling
        data["answers"]["naam"] = f"Persoon {number}"
        text = json.dumps(data, ensure_ascii=False)
        (tmp_path / f"r{number}.json").write_text(text, "utf-8")
    done = run_krmscan("score", tmp_path, "--format", "json", "--min-group", "1")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)["organisations"]
    assert [(o["name"], o["n"]) for o in found] == [("Woonstéde", 4)]


def test_a_copy_with_the_choices_in_another_order_is_a_duplicate(tmp_path: Path) -> None:
    valid = Path(__file__).resolve().parent / "bad_inputs" / "answers" / "valid.json"
    data = json.loads(valid.read_text("utf-8"))
    (tmp_path / "a.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    data["answers"]["krm_is"].reverse()
    data["answers"]["krm_doelen"].reverse()
    (tmp_path / "b.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    done = run_krmscan("score", tmp_path, "--format", "json", "--min-group", "1")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["duplicates"] == [
        {"file": str(tmp_path / "a.json"), "copies": [str(tmp_path / "b.json")]}
    ]
