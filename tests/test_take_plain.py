"""Plain mode as a user scripts it: the installed command, one line per prompt on a pipe."""

from __future__ import annotations

import json
import os
import re
import shlex
import stat
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import LoadedQuestionnaire, MultipleChoiceQuestion
from tests.support import KRMSCAN, REPO, plain_lines, run_krmscan, sample_answers


def as_json(answers: dict[str, AnswerValue]) -> dict[str, object]:
    """Answers as the file stores them ("other" choices as objects)."""

    def plain(value: object) -> object:
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.model_dump() if isinstance(value, OtherAnswer) else value

    return {key: plain(value) for key, value in answers.items()}


def typed(lines: list[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


@pytest.fixture(scope="module")
def intended(shipped: LoadedQuestionnaire) -> dict[str, AnswerValue]:
    answers = sample_answers(shipped.questionnaire, organisation="Wóonstede Zuid/Oost: 2")
    answers["naam"] = "Anaïs van 't Hof"
    return answers


@pytest.fixture(scope="module")
def lines(shipped: LoadedQuestionnaire, intended: dict[str, AnswerValue]) -> list[str]:
    return plain_lines(shipped.questionnaire, intended)


@pytest.fixture(scope="module")
def full_run(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One whole scan typed into a pipe, without --plain: piped stdin selects plain mode."""
    out = tmp_path_factory.mktemp("full") / "a.json"
    return run_krmscan("take", "-o", out, input=typed(lines)), out


def test_full_run(
    full_run: tuple[subprocess.CompletedProcess[str], Path], intended: dict[str, AnswerValue]
) -> None:
    taken, out = full_run
    assert taken.returncode == 0, taken.stderr
    assert taken.stderr == ""
    saved = json.loads(out.read_text("utf-8"))
    assert saved["answers"] == as_json(intended)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    closing = f"{DUTCH.saved.format(path=out)}\n{DUTCH.result_saved_next}"
    assert taken.stdout.rstrip().endswith(closing)
    scored = run_krmscan("score", out)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout in taken.stdout  # the result table, as `score` prints it


def test_piped_input_uses_plain_mode(
    full_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    taken, _ = full_run
    assert "Input is not a terminal" not in taken.stdout + taken.stderr
    assert "Traceback" not in taken.stdout + taken.stderr
    assert f"{DUTCH.plain_choose_one}\n({DUTCH.plain_back_hint})\n> \n" in taken.stdout


def test_plain_prompts_number_the_options(
    full_run: tuple[subprocess.CompletedProcess[str], Path], shipped: LoadedQuestionnaire
) -> None:
    """Each prompt shows its options numbered; statements 1 = Oneens, 2 = Neutraal, 3 = Eens."""
    taken, _ = full_run
    first = shipped.questionnaire.statements[0].text
    assert (
        f"[Strategie 1/7 · vraag 9 van 43]\n{first}\n"
        "  1. Oneens\n  2. Neutraal\n  3. Eens\n"
        f"{DUTCH.plain_choose_one}\n({DUTCH.plain_back_hint})\n> \n"
    ) in taken.stdout
    krm_is = shipped.questionnaire.questions[3]
    assert isinstance(krm_is, MultipleChoiceQuestion)
    assert (
        f"[vraag 4 van 43]\n{krm_is.text}\n{krm_is.hint}\n"
        + "".join(f"  {n}. {o.text}\n" for n, o in enumerate(krm_is.options, start=1))
        + f"{DUTCH.plain_choose_many}\n({DUTCH.plain_back_hint})\n> \n"
    ) in taken.stdout
    assert "[vraag 1 van 43]\nNaam\n(mag leeg blijven)\n> \n" in taken.stdout
    assert "  4. De partner in wonen\n     Als corporatie staan wij" in taken.stdout
    # the text of a chosen "other" option, on a line of its own
    assert f"> \nAnders, namelijk:\n({DUTCH.plain_back_hint})\n> \n" in taken.stdout


def test_invalid_lines_are_asked_again(
    tmp_path: Path,
    shipped: LoadedQuestionnaire,
    intended: dict[str, AnswerValue],
    lines: list[str],
) -> None:
    ambition = len(lines) - len(shipped.questionnaire.statements) - 1
    assert lines[5] == "eigen tekst bij krm_doelen"
    bad = {
        1: [""],  # organisatie is required
        2: ["abc", "alice@"],  # not e-mail addresses
        3: ["1,2,3", "", "1,9", "een"],  # krm_is: at most 2, at least 1, only 1..5
        5: [" "],  # the text of "Anders, namelijk" may not be empty
        ambition: ["5", "0"],
        ambition + 1: ["9", "1,2", "Misschien"],  # one number 1..3 or a scale label
    }
    with_errors = [line for index, good in enumerate(lines) for line in [*bad.get(index, []), good]]
    out = tmp_path / "a.json"
    taken = run_krmscan("take", "--plain", "-o", out, input=typed(with_errors))
    assert taken.returncode == 0, taken.stderr
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(intended)
    complaints = [
        DUTCH.required,
        DUTCH.invalid_email,
        DUTCH.invalid_email,
        "Kies maximaal 2 antwoorden.",
        "Kies minimaal 1 antwoord.",
        DUTCH.plain_numbers_range.format(n=5),
        DUTCH.plain_numbers_range.format(n=5),
        "Vul in wat u bedoelt met 'Anders, namelijk'.",
        DUTCH.plain_number_range.format(n=4),
        DUTCH.plain_number_range.format(n=4),
        "Typ één nummer van 1 tot en met 3.",
        "Typ één nummer van 1 tot en met 3.",
        "Typ één nummer van 1 tot en met 3.",
    ]
    shown = [line for line in taken.stdout.splitlines() if line.removeprefix("> ") in complaints]
    assert [line.removeprefix("> ") for line in shown] == complaints
    # after a wrong number the prompt's instruction comes again
    assert (
        f"> \n{DUTCH.plain_number_range.format(n=3)}\n{DUTCH.plain_choose_one}\n"
        f"({DUTCH.plain_back_hint})\n> \n"
    ) in taken.stdout


def test_end_of_input_before_any_answer_saves_nothing(tmp_path: Path) -> None:
    stopped = run_krmscan("take", cwd=tmp_path, input="")
    assert stopped.returncode == 1
    assert list(tmp_path.iterdir()) == []  # no answers file, no progress, no temporary file
    assert stopped.stderr == DUTCH.input_ended.format(question="1. Naam") + "\n"
    assert "Traceback" not in stopped.stdout + stopped.stderr


def test_early_end_of_input_writes_no_answers_file(tmp_path: Path, lines: list[str]) -> None:
    """One line short: no answers file, only the progress that `--resume` continues from."""
    stopped = run_krmscan("take", cwd=tmp_path, input=typed(lines[:-1]))
    assert stopped.returncode == 1
    [progress] = tmp_path.iterdir()
    assert progress.name.endswith(".json.partial")
    assert "(43. Werknemerstevredenheid (op alle niveaus) staat" in stopped.stderr
    answers_file = progress.name.removesuffix(".partial")
    assert f"krmscan take --resume -o {answers_file}" in stopped.stderr
    assert "Traceback" not in stopped.stdout + stopped.stderr
    printed = stopped.stderr.rstrip("\n").splitlines()[-1].strip()
    assert shlex.split(printed)[0] == str(KRMSCAN)  # the program as it was started
    resumed = subprocess.run(  # the command exactly as printed, through a shell
        printed,
        shell=True,
        cwd=tmp_path,
        input=typed(lines[-1:]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert [p.name for p in tmp_path.iterdir()] == [answers_file]


def test_existing_output_needs_force(tmp_path: Path, lines: list[str]) -> None:
    out = tmp_path / "a.json"
    out.write_text("earlier answers\n")
    out.chmod(0o644)
    refused = run_krmscan("take", "-o", out, input=typed(lines))
    assert refused.returncode == 2
    assert refused.stdout == ""  # nothing was asked
    assert refused.stderr == (
        f"{out}: bestaat al; geef --force om het te overschrijven, "
        "of kies een ander bestand met -o\n"
    )
    assert out.read_text() == "earlier answers\n"

    forced = run_krmscan("take", "-o", out, "--force", input=typed(lines))
    assert forced.returncode == 0, forced.stderr
    assert json.loads(out.read_text("utf-8"))["format"] == "krmscan-answers"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/a.json", "missing: deze map voor het uitvoerbestand bestaat niet"),
        (".", ".: is een map; geef een bestandsnaam, zoals out.json"),
    ],
    ids=["missing folder", "a folder"],
)
def test_unusable_output_is_refused_before_asking(
    tmp_path: Path, output: str, message: str
) -> None:
    refused = run_krmscan("take", "-o", output, cwd=tmp_path, input="Alice\n")
    assert refused.returncode == 2
    assert refused.stdout == ""  # nothing was asked
    assert refused.stderr == message + "\n"
    assert list(tmp_path.iterdir()) == []


def test_default_output_name(tmp_path: Path, lines: list[str]) -> None:
    before = datetime.now().replace(microsecond=0)
    taken = run_krmscan("take", cwd=tmp_path, input=typed(lines))
    after = datetime.now()
    assert taken.returncode == 0, taken.stderr
    [saved] = tmp_path.iterdir()
    match = re.fullmatch(r"krmscan-woonstede-zuid-oost-2-(\d{8}-\d{6})\.json", saved.name)
    assert match, saved.name
    assert ":" not in saved.name
    assert before <= datetime.strptime(match[1], "%Y%m%d-%H%M%S") <= after
    assert before <= after < before + timedelta(minutes=1)
    closing = f"{DUTCH.saved.format(path=saved.resolve())}\n{DUTCH.result_saved_next}"
    assert taken.stdout.rstrip().endswith(closing)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_another_language_gets_its_own_words(tmp_path: Path, lines: list[str]) -> None:
    english = tmp_path / "english.yaml"
    text = (REPO / "questionnaire.yaml").read_text("utf-8")
    english.write_text(text.replace("language: nl", "language: en"), "utf-8")
    out = tmp_path / "a.json"
    taken = run_krmscan(
        "take", "-q", english, "-o", out, input=typed(["Alice", "", lines[1], "mail", *lines[2:]])
    )
    assert taken.returncode == 0, taken.stderr
    assert ENGLISH.plain_choose_one in taken.stdout
    assert ENGLISH.required in taken.stdout  # the empty organisation
    assert ENGLISH.invalid_email in taken.stdout
    assert "[Strategie 1/7 · question 9 of 43]" in taken.stdout
    closing = f"{ENGLISH.saved.format(path=out)}\n{ENGLISH.result_saved_next}"
    assert taken.stdout.rstrip().endswith(closing)
    questionnaire_text = english.read_text("utf-8")
    english_words = set(ENGLISH)
    for name, dutch in DUTCH._asdict().items():  # no word of the Dutch catalogue slips through
        if dutch in english_words:  # the same in both languages, e.g. "Score %"
            continue
        for chunk in re.split(r"\{\w*\}", dutch):
            if len(chunk.strip()) > 3 and chunk not in questionnaire_text:
                assert chunk not in taken.stdout + taken.stderr, name


def test_statements_by_label_and_control_characters_refused(
    tmp_path: Path, lines: list[str]
) -> None:
    """A statement may be typed as its scale label in any case; a text with ESC is refused."""
    first = len(lines) - 35  # the statements' lines come last
    labelled = [*lines[:first], "EENS", "neutraal", "Oneens", *lines[first + 3 :]]
    typed_lines = [lines[0], "Woon\x1b[2Jstede", *labelled[1:]]
    out = tmp_path / "a.json"
    taken = run_krmscan("take", "-o", out, input=typed(typed_lines))
    assert taken.returncode == 0, taken.stderr
    assert DUTCH.control_characters in taken.stdout
    saved = json.loads(out.read_text("utf-8"))["answers"]
    statements = [key for key in saved if key not in {"naam", "organisatie", "email"}][-35:]
    assert [saved[key] for key in statements[:3]] == ["eens", "neutraal", "oneens"]


def test_typed_utf8_is_read_as_utf8_without_a_utf8_locale(
    shipped: LoadedQuestionnaire, intended: dict[str, AnswerValue], tmp_path: Path
) -> None:
    """Python in the C locale decodes stdin as ASCII: é arrives as two escaped bytes."""
    lines = plain_lines(shipped.questionnaire, intended)
    typed_bytes = b"Jos\xe9\n" + typed(lines).encode("utf-8")  # a Latin-1 line first: refused
    locale = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run(
        [str(KRMSCAN), "take", "-o", "a.json"],
        input=typed_bytes,
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "100", **locale},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = " ".join(done.stdout.decode("ascii").split())
    assert shown.count(" ".join(DUTCH.plain_not_utf8.split())) == 1
    written = json.loads((tmp_path / "a.json").read_text("utf-8"))["answers"]
    assert written["naam"] == "Anaïs van 't Hof"
    assert written["organisatie"] == "Wóonstede Zuid/Oost: 2"
