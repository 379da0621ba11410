"""`krmscan score`: through typer's CliRunner and as the installed command."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timezone
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from krmscan import answers, questionnaire
from krmscan.answers import AnswerValue
from krmscan.cli import app
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import REPO, run_krmscan, sample_answers, write_edge

runner = CliRunner()
WHEN = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)
# raw points 3, 4, 7, 10, 11 of 14: levels 1, 2, 3, 3, 4; overall exactly 50 % (level 3)
POINTS = [
    *[2, 1, 0, 0, 0, 0, 0],
    *[2, 2, 0, 0, 0, 0, 0],
    *[2, 2, 2, 1, 0, 0, 0],
    *[2, 2, 2, 2, 2, 0, 0],
    *[2, 2, 2, 2, 2, 1, 0],
]


def write_answers(
    path: Path, loaded: LoadedQuestionnaire, given: dict[str, AnswerValue] | None = None
) -> Path:
    given = given or sample_answers(loaded.questionnaire, statement_points=POINTS)
    answers.save(path, answers.build(loaded, given, WHEN, WHEN))
    return path


@pytest.fixture(scope="module")
def answers_file(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    return write_answers(tmp_path_factory.mktemp("score") / "alice.json", shipped)


def invoke(*args: str | Path, columns: int = 80) -> Any:
    result = runner.invoke(
        app, [str(a) for a in args], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def expected_json(shipped: LoadedQuestionnaire) -> dict[str, object]:
    names = [level.name for level in shipped.questionnaire.levels]
    rows = []
    for component, raw, level in zip(
        shipped.questionnaire.components, (3, 4, 7, 10, 11), (1, 2, 3, 3, 4), strict=True
    ):
        pct = Fraction(100 * raw, 14)
        rows.append(
            {
                "id": component.id,
                "name": component.name,
                "score_pct": float(pct),
                "level": level,
                "level_name": names[level - 1],
                "ambition_level": 3,
                "gap": level - 3,
                "points_to_ambition": float(max(Fraction(0), 50 - pct)),
            }
        )
    overall = {
        "score_pct": 50.0,
        "level": 3,
        "level_name": names[2],
        "ambition_level": 3,
        "gap": 0,
        "points_to_ambition": 0.0,
    }
    return {"components": rows, "overall": overall}


def test_json_through_cli_runner(answers_file: Path, shipped: LoadedQuestionnaire) -> None:
    result = invoke("score", answers_file, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert json.loads(result.stdout) == expected_json(shipped)
    assert "21.428571428571427" in result.stdout  # floats are not rounded


def test_table_through_cli_runner(answers_file: Path, shipped: LoadedQuestionnaire) -> None:
    result = invoke("score", answers_file)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in result.stdout  # NO_COLOR: nothing but text
    assert lines[0].rstrip() == (
        "Resultaat tegenover de gevoelsmatige ambitie: 3. De klantgedreven corporatie"
    )
    rows = {
        line.split()[0]: line.split()
        for line in lines
        if line.split() and line.split()[0] in {"Strategie", "Datamanagement", "Totaal"}
    }
    # name, score (decimal comma: a Dutch questionnaire), level number, gap, points to go
    assert rows["Strategie"] == ["Strategie", "21,4", "1", "-2", "28,6"]
    assert rows["Datamanagement"] == ["Datamanagement", "71,4", "3", "0", "0,0"]
    assert rows["Totaal"] == ["Totaal", "50,0", "3", "0", "0,0"]
    words = result.stdout.split()
    for heading in ("Onderdeel", "Score", "Niveau", "Verschil", "Tot", "ambitie"):
        assert heading in words
    text = " ".join(words)
    assert "Niveaus: 1. De klantvriendelijke corporatie, 2. De klantgerichte" in text
    assert "Operationeel management: niveau 4, boven uw ambitie (3)." in text
    assert "Strategie: niveau 1, onder uw ambitie (3); nog 28,6 punten." in text


def test_score_as_a_process(answers_file: Path, shipped: LoadedQuestionnaire) -> None:
    table = run_krmscan("score", answers_file, env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert table.returncode == 0, table.stderr
    assert re.search(r"Strategie +21,4 +1 +-2 +28,6", table.stdout)
    as_json = run_krmscan("score", answers_file, "-f", "json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == expected_json(shipped)
    broken = run_krmscan("score", answers_file.with_name("missing.json"))
    assert broken.returncode == 1
    assert broken.stderr == (
        f"{answers_file.with_name('missing.json')}: dit bestand bestaat niet; controleer de naam "
        "en de map\n"
    )
    assert broken.stdout == ""


def edit(change: Callable[[dict[str, Any]], object]) -> Callable[[Path, Path], Path]:
    """A file maker: the good answers file with ``change`` applied to its JSON."""

    def make(good: Path, folder: Path) -> Path:
        data = json.loads(good.read_text("utf-8"))
        change(data)
        path = folder / "edited.json"
        path.write_text(json.dumps(data), "utf-8")
        return path

    return make


def raw(content: str) -> Callable[[Path, Path], Path]:
    def make(_good: Path, folder: Path) -> Path:
        path = folder / "raw.json"
        path.write_text(content, "utf-8")
        return path

    return make


def set_answer(key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda data: data["answers"].__setitem__(key, value)


BROKEN = [  # (case, file maker, the message for the shipped (Dutch) questionnaire, in English)
    (
        "missing file",
        lambda _g, folder: folder / "nope.json",
        "{path}: dit bestand bestaat niet; controleer de naam en de map",
        "{path}: no such file; check the name and folder",
    ),
    # A folder is searched for answers files since organisation results (issue 4); an empty
    # one is tested in test_organisations.py::test_empty_folder_is_an_error_naming_it.
    (
        "invalid JSON",
        raw('{"format": "krmscan-answers", '),
        (
            "{path}:1:30: geen geldige JSON (het bestand houdt midden in de JSON op); is het "
            "bestand compleet?"
        ),
        (
            "{path}:1:30: not valid JSON (the file ends in the middle of the JSON); is the file "
            "complete?"
        ),
    ),
    (
        "empty file",
        raw(""),
        "{path}: het bestand is leeg; het is geen antwoordbestand van krmscan",
        "{path}: the file is empty; it is not a krmscan answers file",
    ),
    (
        "not an answers file",
        edit(lambda d: d.__setitem__("format", "something-else")),
        "{path}: format: is niet 'krmscan-answers'; dit is geen antwoordbestand van krmscan",
        "{path}: format: is not 'krmscan-answers'; this is not a krmscan answers file",
    ),
    (
        "another questionnaire id",
        edit(lambda d: d["questionnaire"].__setitem__("id", "andere_scan")),
        "{path}: questionnaire.id: hoort bij een vragenlijst met id 'andere_scan', niet "
        "'medewerkerscan_krm' ({questionnaire}); kies met -q de vragenlijst waar het bij hoort",
        "{path}: questionnaire.id: answers a questionnaire with id 'andere_scan', not "
        "'medewerkerscan_krm' ({questionnaire}); use -q to pick the questionnaire it answers",
    ),
    (
        "unknown question id",
        edit(set_answer("lievelingskleur", "blauw")),
        "{path}: answers.lievelingskleur: onbekende vraag-id; vragenlijst "
        "'medewerkerscan_krm' heeft geen vraag of stelling met deze id",
        "{path}: answers.lievelingskleur: unknown question id; questionnaire "
        "'medewerkerscan_krm' has no question or statement with this id",
    ),
    (
        "unknown option",
        edit(set_answer("krm_initiatief", ["init_directie", "init_kantine"])),
        '{path}: answers.krm_initiatief: onbekende optie-id "init_kantine"; gebruik een van '
        '"init_directie", "init_frontoffice", "init_beleidsafdeling", "init_automatisering", '
        '"init_decentraal", "init_overig"',
        '{path}: answers.krm_initiatief: unknown option id "init_kantine"; use one of '
        '"init_directie", "init_frontoffice", "init_beleidsafdeling", "init_automatisering", '
        '"init_decentraal", "init_overig"',
    ),
    (
        "missing answer",
        edit(lambda d: d["answers"].pop("organisatie")),
        "{path}: answers.organisatie: geen antwoord op 'Organisatie'",
        "{path}: answers.organisatie: missing answer to 'Organisatie'",
    ),
    (
        "missing statement",
        edit(lambda d: d["answers"].pop("data_kwaliteit")),
        "{path}: answers.data_kwaliteit: geen antwoord op de stelling "
        "'Aanwezige data zijn relevant, up-to-date, eenduidig en consistent'",
        "{path}: answers.data_kwaliteit: missing answer to statement "
        "'Aanwezige data zijn relevant, up-to-date, eenduidig en consistent'",
    ),
    (
        "three answers to the max-2 question",
        edit(set_answer("krm_is", ["over_nadenken", "al_veel_aan_doen", "goed_beheersen"])),
        '{path}: answers.krm_is: 3 opties gekozen ("over_nadenken", "al_veel_aan_doen", '
        '"goed_beheersen"); de vraag staat er hoogstens 2 toe, verwijder er 1',
        '{path}: answers.krm_is: 3 options chosen ("over_nadenken", "al_veel_aan_doen", '
        '"goed_beheersen"); the question allows at most 2, so remove 1',
    ),
    (
        "statement off the scale",
        edit(set_answer("strategie_inlevingsvermogen", "helemaal_eens")),
        '{path}: answers.strategie_inlevingsvermogen: "helemaal_eens" staat niet op de schaal; '
        'gebruik een van "oneens", "neutraal", "eens"',
        '{path}: answers.strategie_inlevingsvermogen: "helemaal_eens" is not on the scale; '
        'use one of "oneens", "neutraal", "eens"',
    ),
    (
        "an other option without its text",
        edit(set_answer("krm_doelen", ["doel_anders"])),
        "{path}: answers.krm_doelen: optie 'doel_anders' is een optie \"anders\" en heeft een "
        'tekst nodig: {{"id": "doel_anders", "text": "..."}}',
        "{path}: answers.krm_doelen: option 'doel_anders' is an \"other\" option and needs its "
        'text: {{"id": "doel_anders", "text": "..."}}',
    ),
    (
        "a personal answer that is no text",
        edit(set_answer("naam", ["Alice"])),
        "{path}: answers.naam: verwacht een tekst, niet een lijst (niet getoond: persoonsgegevens)",
        "{path}: answers.naam: expects a text, not a list (not shown: personal data)",
    ),
]


Broken = tuple[str, Callable[[Path, Path], Path], str, str]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_bad_files_name_the_problem_in_the_questionnaires_language(
    answers_file: Path,
    shipped: LoadedQuestionnaire,
    english: LoadedQuestionnaire,
    tmp_path: Path,
    case: Broken,
) -> None:
    """The shipped (Dutch) questionnaire gets Dutch reasons; an English one, English reasons."""
    _name, make, dutch, in_english = case
    path = make(answers_file, tmp_path)
    for loaded, message in ((shipped, dutch), (english, in_english)):
        result = invoke("score", path, "-q", loaded.path)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == message.format(path=path, questionnaire=loaded.path) + "\n"


def test_several_answer_problems_at_once(answers_file: Path, tmp_path: Path) -> None:
    data = json.loads(answers_file.read_text("utf-8"))
    data["answers"]["krm_is"] = ["over_nadenken", "over_nadenken"]
    data["answers"]["gevoelsmatige_ambitie"] = "ambitieus"
    del data["answers"]["strategie_inlevingsvermogen"]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    result = invoke("score", path)
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == [
        "answers.krm_is",
        "answers.gevoelsmatige_ambitie",
        "answers.strategie_inlevingsvermogen",
    ]


def test_same_id_other_sha256_warns_and_scores(
    answers_file: Path, shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    path = edit(lambda d: d["questionnaire"].__setitem__("sha256", "0" * 64))(
        answers_file, tmp_path
    )
    result = invoke("score", path, "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == (
        f"waarschuwing: {path}: ingevuld met een andere versie van de vragenlijst (de sha256 "
        "verschilt); elke id bestaat nog, dus het telt mee\n"
    )
    assert json.loads(result.stdout) == expected_json(shipped)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> LoadedQuestionnaire:
    """The shipped questionnaire declared as English (its texts stay Dutch)."""
    path = tmp_path_factory.mktemp("en") / "english.yaml"
    text = (REPO / "questionnaire.yaml").read_text("utf-8")
    path.write_text(text.replace("language: nl", "language: en"), "utf-8")
    return questionnaire.load(path)


def test_q_selects_another_questionnaire_with_english_headings(
    english: LoadedQuestionnaire, tmp_path: Path
) -> None:
    path = write_answers(tmp_path / "en.json", english)
    result = invoke("score", path, "-q", english.path, columns=120)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # answered to this very file: no sha256 warning
    first = result.stdout.splitlines()[0].rstrip()
    assert (
        first
        == f"{ENGLISH.result_title_ambition.format(ambition='3. De klantgedreven corporatie')}"
    )
    for word in ("Component", "Score", "Level", "Gap", "To", "Overall", "below"):
        assert word in result.stdout.split()
    assert "21.4" in result.stdout  # a decimal point in an English questionnaire
    for word in (DUTCH.col_component, DUTCH.overall, "Verschil", "21,4"):
        assert word not in result.stdout
    # the shipped questionnaire's file is scored against it with a warning only
    shipped_answers = write_answers(tmp_path / "nl.json", questionnaire.load())
    warned = invoke("score", shipped_answers, "--questionnaire", english.path)
    assert warned.exit_code == 0
    assert warned.stderr.startswith(f"warning: {shipped_answers}: answered with another version")


def test_q_with_another_id_refuses_the_file(answers_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    text = (REPO / "questionnaire.yaml").read_text("utf-8")
    other.write_text(text.replace("id: medewerkerscan_krm", "id: andere_scan"), "utf-8")
    result = invoke("score", answers_file, "-q", other)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{answers_file}: questionnaire.id: hoort bij een vragenlijst met id "
        "'medewerkerscan_krm', niet 'andere_scan' "
        f"({other}); kies met -q de vragenlijst waar het bij hoort\n"
    )


def test_q_with_a_broken_questionnaire(answers_file: Path, tmp_path: Path) -> None:
    result = invoke("score", answers_file, "-q", tmp_path / "missing.yaml")
    assert result.exit_code == 1
    assert (
        result.stderr == f"{tmp_path / 'missing.yaml'}: no such file; check the name and folder\n"
    )


def test_unknown_format_is_a_usage_error(answers_file: Path) -> None:
    result = invoke("score", answers_file, "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


@pytest.mark.parametrize("language", ["nl", "en"])
def test_organisation_tables_use_the_questionnaires_decimal_mark(
    language: str,
    shipped: LoadedQuestionnaire,
    english: LoadedQuestionnaire,
    tmp_path: Path,
) -> None:
    """Means, spreads, rwg, the median ambition (2.5) and the changes since a previous round."""
    loaded = shipped if language == "nl" else english
    statements = len(loaded.questionnaire.statements)
    for i in range(6):
        points = [(7 * i + k * (i + 1)) % 3 for k in range(statements)]
        given = sample_answers(loaded.questionnaire, ambition=2 + i % 2, statement_points=points)
        write_answers(tmp_path / f"r{i}.json", loaded, given)
    result = run_krmscan(
        "score", tmp_path, "--previous", tmp_path, "-q", loaded.path, env={"NO_COLOR": "1"}
    )
    assert result.returncode == 0, result.stderr
    point, comma = re.findall(r"\d\.\d", result.stdout), re.findall(r"\d,\d", result.stdout)
    if language == "nl":
        assert point == [] and len(comma) > 50
        assert "mediaan 2,5" in result.stdout and "0,86" in result.stdout  # median, rwg
    else:
        assert comma == [] and len(point) > 50
        assert "median 2.5" in result.stdout and "0.86" in result.stdout


@pytest.mark.parametrize(
    ("value", "digits", "dutch", "english"),
    [
        (62.5, 0, "63", "63"),  # half up, as the report rounds
        (0.855, 2, "0,86", "0.86"),
        (-0.04, 1, "0,0", "0.0"),  # no "-0,0"
        (57.142857, 1, "57,1", "57.1"),
    ],
)
def test_one_number_rule(value: float, digits: int, dutch: str, english: str) -> None:
    from krmscan.numbers import number

    assert number(value, DUTCH, digits) == dutch
    assert number(value, ENGLISH, digits) == english


@pytest.mark.parametrize(
    ("value", "edges", "digits", "shown"),
    [
        (49.952, [50], 1, "49,9"),  # below the edge: never rounded onto it
        (0.597, [0.6], 2, "0,59"),  # an alpha below 0,6 is flagged: it shows below 0,6
        (0.048, [0], 1, "0,1"),  # points still to go: never 0,0
        (50.0, [50], 1, "50,0"),  # on the edge: as `number`
        (49.94, [50], 1, "49,9"),
        (62.46, [50, 75], 1, "62,5"),  # far from every edge: as `number`
    ],
)
def test_a_judged_number_stays_on_its_side_of_the_edge(
    value: float, edges: list[float], digits: int, shown: str
) -> None:
    from krmscan.numbers import judged

    assert judged(value, edges, DUTCH, digits) == shown


def test_a_mean_just_below_a_band_edge_shows_below_it(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """150 respondents, 1049 of 2100 points on Strategie: 49.95 %, level 2, 0.05 points to go."""
    write_edge(shipped, tmp_path)
    result = run_krmscan("score", tmp_path, env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    strategy = [
        line.split() for line in result.stdout.splitlines() if line.startswith(" Strategie")
    ]
    assert strategy[0][:2] == ["Strategie", "49,9"] and strategy[0][-1] == "2"
    assert strategy[1][:3] == ["Strategie", "0/1/149/0", "0,1"]


def test_an_alpha_just_below_the_flag_shows_below_it() -> None:
    """Cronbach's alpha 0.597 is flagged below 0,6: it reads 0,59, not 0,60."""
    import io

    from rich.console import Console

    from krmscan.compare import Quality
    from krmscan.render import quality_view

    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(
        quality_view([Quality("strategie", "Strategie", 40, 7, 0.597, [])], DUTCH)
    )
    row = next(line for line in out.getvalue().splitlines() if "Strategie" in line)
    assert "0,59" in row and DUTCH.alpha_flag in row


def test_priorities_are_ranked_as_the_report_ranks_them(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """Klantmanagement behind (act) comes first, Strategie far above the ambition last."""
    q = shipped.questionnaire
    points = [2] * 7 + [0] * 7 + [1] * (len(q.statements) - 14)
    for i in range(6):
        when = WHEN.replace(minute=i)
        given = sample_answers(q, statement_points=points)
        answers.save(tmp_path / f"r{i}.json", answers.build(shipped, given, when, when))
    ids = [c.id for c in q.components]
    order = [ids[1], *ids[2:], ids[0]]  # act; then keep, the smallest lead first
    table = run_krmscan("score", tmp_path, env={"NO_COLOR": "1"})
    assert table.returncode == 0, table.stderr
    listed = table.stdout.split(DUTCH.priorities_title)[1]
    names = {c.id: c.name for c in q.components}
    advice = {"klantmanagement": DUTCH.rep_kind_act}
    headings = [f"{names[i]} \u2013 {advice.get(i, DUTCH.rep_kind_keep)}" for i in order]
    assert [line for line in listed.splitlines() if line in headings] == headings
    found = json.loads(run_krmscan("score", tmp_path, "-f", "json").stdout)["organisations"][0]
    assert found["ranking"] == order
    assert {c["id"]: c["advice"] for c in found["components"]}["klantmanagement"] == "act"


def test_the_output_files_extension_chooses_the_format(tmp_path: Path) -> None:
    valid = REPO / "tests" / "bad_inputs" / "answers" / "valid.json"
    for name in ("out.json", "out.csv", "out.xlsx", "out.txt"):
        done = run_krmscan("score", valid, valid, "-o", name, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["organisations"]
    assert (tmp_path / "out.csv").read_text("utf-8-sig").startswith("respondent;")
    assert (tmp_path / "out.xlsx").read_bytes().startswith(b"PK")
    assert "Woonstede" in (tmp_path / "out.txt").read_text("utf-8")


@pytest.mark.parametrize("ambition", [1, 2, 3, 4])
def test_a_level_keeps_its_name_at_60_columns(
    tmp_path: Path, shipped: LoadedQuestionnaire, ambition: int
) -> None:
    """The title's and the legend's level names are never broken over two lines."""
    given = sample_answers(shipped.questionnaire, ambition=ambition, statement_points=POINTS)
    result = invoke("score", write_answers(tmp_path / "a.json", shipped, given), columns=60)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    for level in shipped.questionnaire.levels:
        assert any(f"{level.level}. {level.name}" in line for line in lines), level.name
    wanted = shipped.questionnaire.level(ambition)
    assert lines[0].startswith("Resultaat tegenover de gevoelsmatige ambitie:")
    assert any(line.rstrip().endswith(f"{ambition}. {wanted.name}") for line in lines[:2])
