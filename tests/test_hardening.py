"""Issue 9: nothing destroyed, nothing leaked, nothing trusted unchecked (beyond the corpus)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from krmscan import answers, files, flow, progress
from krmscan.answers import MAX_TEXT_LENGTH, OtherAnswer, Rules, number_in_range
from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.resume_support import as_json
from tests.support import KRMSCAN, plain_lines, run_krmscan, sample_answers

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
VALID = CORPUS / "answers" / "valid.json"


def _typed(lines: list[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def _answers_file(loaded: LoadedQuestionnaire, folder: Path, name: str, **changes: Any) -> Path:
    data = json.loads(VALID.read_text("utf-8"))
    data["answers"].update(changes)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return path


# Personal data stays personal.


def test_a_bad_personal_answer_is_never_quoted_in_json_or_xlsx(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _answers_file(shipped, folder, "a.json")
    _answers_file(shipped, folder, "b.json", email="alice.geheim at woonstede", naam="Geheim")
    _answers_file(shipped, folder, "c.json", naam=["Alice", "Geheimnaam"])
    out = tmp_path / "r.json"
    result = run_krmscan("score", folder, "-f", "json", "-o", out)
    assert result.returncode == 1
    text = out.read_text("utf-8") + result.stderr
    assert "skipped" in text
    assert "answers.email" in text
    assert "geheim" not in text.casefold()
    workbook = tmp_path / "r.xlsx"
    assert run_krmscan("score", folder, "-f", "xlsx", "-o", workbook).returncode == 1
    cells = [
        str(cell.value)
        for sheet in load_workbook(workbook).worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]
    assert any("answers.naam" in cell for cell in cells)
    assert not any("geheim" in cell.casefold() for cell in cells)


# Nothing trusted because of its checksum.

TAMPERED: dict[str, tuple[str, Any]] = {
    "statement off the scale": ("strategie_huurders_centraal", "helemaal_eens"),
    "unknown ambition": ("gevoelsmatige_ambitie", "wereldklasse"),
    "organisation as a list": ("organisatie", ["Woonstede"]),
    "unknown option": ("krm_is", ["bijna_klaar"]),
    "three choices of two": ("krm_is", ["over_nadenken", "al_veel_aan_doen", "goed_beheersen"]),
    "invalid e-mail": ("email", "alice at woonstede"),
    "blank required answer": ("organisatie", "   "),
    "text beyond the limit": ("organisatie", "x" * (MAX_TEXT_LENGTH + 1)),
    "unknown question": ("leeftijd", "42"),
}


@pytest.mark.parametrize("case", TAMPERED, ids=list(TAMPERED))
def test_a_tampered_progress_file_is_checked_answer_by_answer(
    shipped: LoadedQuestionnaire, case: str
) -> None:
    """The sha256 is unchanged, yet the bad answer is dropped and named; the rest is kept."""
    answer_id, value = TAMPERED[case]
    given = as_json(sample_answers(shipped.questionnaire))
    given[answer_id] = value
    saved = progress.ProgressFile.model_validate(
        {
            "format": "krmscan-progress",
            "format_version": 1,
            "questionnaire": answers.QuestionnaireRef.of(shipped).model_dump(),
            "started_at": "2026-11-27T10:02:11+01:00",
            "saved_at": "2026-11-27T10:05:11+01:00",
            "position": None,
            "answers": given,
        }
    )
    restored = progress.restore(saved, shipped, flow.steps(shipped.questionnaire))
    assert [dropped.id for dropped in restored.dropped] == [answer_id]
    assert not restored.changed
    assert answer_id not in restored.answers
    rules = Rules(shipped.questionnaire)
    assert all(not rules.problems_of(key, kept) for key, kept in restored.answers.items())
    assert len(restored.answers) == len(given) - 1


def test_resuming_a_tampered_progress_file_asks_the_bad_answer_again(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """As a process: the saved answers file is one that `score` accepts."""
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    stopped = run_krmscan("take", "-o", "a.json", cwd=tmp_path, input=_typed(lines[:-1]))
    assert stopped.returncode == 1, stopped.stderr
    partial = tmp_path / "a.json.partial"
    saved = json.loads(partial.read_text("utf-8"))
    first_statement = shipped.questionnaire.statements[0].id
    saved["answers"][first_statement] = "helemaal_eens"
    partial.write_text(json.dumps(saved), "utf-8")

    resumed = run_krmscan(
        "take", "--resume", "-o", "a.json", cwd=tmp_path, input=_typed(["3", lines[-1]])
    )
    assert resumed.returncode == 0, resumed.stderr
    assert first_statement in resumed.stdout
    assert DUTCH.dropped_invalid.split(".")[0] in resumed.stdout
    written = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert written["answers"][first_statement] == shipped.questionnaire.scale[2].id
    assert run_krmscan("score", tmp_path / "a.json").returncode == 0


def test_an_answer_of_the_wrong_type_costs_only_itself(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """A number for a statement, a list holding a number, a number for a personal question:
    each is dropped, named with what is wrong (a personal value never shown), asked again.
    """
    given = sample_answers(shipped.questionnaire)
    lines = plain_lines(shipped.questionnaire, given)
    stopped = run_krmscan("take", "-o", "a.json", cwd=tmp_path, input=_typed(lines[:-1]))
    assert stopped.returncode == 1, stopped.stderr
    partial = tmp_path / "a.json.partial"
    saved = json.loads(partial.read_text("utf-8"))
    first_statement = shipped.questionnaire.statements[0]
    saved["answers"].update(
        {"email": 987654321, "organisatie": ["Woonstede", 1], first_statement.id: 3}
    )
    partial.write_text(json.dumps(saved), "utf-8")

    again = [lines[1], lines[2], "3", lines[-1]]  # organisatie, email, the statement, the last
    resumed = run_krmscan("take", "--resume", "-o", "a.json", cwd=tmp_path, input=_typed(again))
    assert resumed.returncode == 0, resumed.stderr
    shown = " ".join(resumed.stdout.split())
    assert DUTCH.dropped_invalid.split(".")[0] in shown
    for item in ("organisatie", "email", first_statement.id):
        assert f"- {item}:" in shown
    assert '["Woonstede", 1] is geen antwoord' in shown
    assert "3 is geen antwoord" in shown
    assert "987654321" not in shown
    assert "een getal is geen antwoord" in shown
    assert "Input should" not in resumed.stdout + resumed.stderr
    written = json.loads((tmp_path / "a.json").read_text("utf-8"))["answers"]
    assert written["organisatie"] == given["organisatie"]
    assert written["email"] == given["email"]
    assert written[first_statement.id] == shipped.questionnaire.scale[2].id
    assert run_krmscan("score", tmp_path / "a.json").returncode == 0


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("anonymous", "yes", "anonymous: verwacht true of false, maar vond een tekst"),
        ("format_version", True, "format_version: true is een onbekende versie"),
        ("format_version", 1.0, "format_version: 1.0 is een onbekende versie"),
        ("saved_at", 5, "saved_at: 5 is geen datum en tijd"),
        ("started_at", "1700000000", 'started_at: "1700000000" is geen datum en tijd'),
        ("saved_at", 1700000000, "saved_at: 1700000000 is geen datum en tijd"),
        ("position", {"id": "x", "number": "9", "total": 43}, "position.number: verwacht een"),
    ],
)
def test_progress_files_have_exact_types(
    shipped: LoadedQuestionnaire, tmp_path: Path, field: str, value: object, problem: str
) -> None:
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    run_krmscan("take", "-o", "a.json", cwd=tmp_path, input=_typed(lines[:-1]))
    partial = tmp_path / "a.json.partial"
    saved = json.loads(partial.read_text("utf-8"))
    saved[field] = value
    partial.write_text(json.dumps(saved), "utf-8")
    before = partial.read_bytes()
    resumed = run_krmscan("take", "--resume", "-o", "a.json", cwd=tmp_path, input="1\n")
    assert resumed.returncode == 1
    message = " ".join(resumed.stderr.split())
    assert message.startswith("a.json.partial: de bewaarde antwoorden zijn onleesbaar")
    assert f"({problem}" in message
    assert message.count("a.json.partial") == 1
    assert "Traceback" not in resumed.stderr
    assert partial.read_bytes() == before
    assert not (tmp_path / "a.json").exists()


def test_an_unreadable_progress_file_is_named_once_in_dutch(tmp_path: Path) -> None:
    """Too large, or a key twice: the file named once, the problem in the catalogue's words."""
    partial = tmp_path / "a.json.partial"
    partial.write_bytes(b" " * (progress.MAX_PROGRESS_BYTES + 1))
    big = run_krmscan("take", "--resume", "-o", "a.json", cwd=tmp_path, input="")
    partial.write_text('{"format": "krmscan-answers"}', "utf-8")
    other = run_krmscan("take", "--resume", "-o", "a.json", cwd=tmp_path, input="")
    saved = {**json.loads(VALID.read_text("utf-8")), "format": "krmscan-progress"}
    saved["saved_at"] = saved.pop("completed_at")
    saved["position"] = None
    text = json.dumps(saved)
    partial.write_text(
        text.replace('"position"', '"anonymous": false, "anonymous": false, "position"'), "utf-8"
    )
    twice = run_krmscan("take", "--resume", "-o", "a.json", cwd=tmp_path, input="")
    for result, problem in [
        (big, "het bestand is groter dan 1024 KiB, veel groter dan een voortgangsbestand"),
        (other, "format: is niet 'krmscan-progress'; dit is geen voortgangsbestand"),
        (twice, "de sleutel 'anonymous' staat twee keer in één object"),
    ]:
        assert result.returncode == 1
        message = " ".join(result.stderr.split())
        assert message.startswith("a.json.partial: de bewaarde antwoorden zijn onleesbaar (")
        assert problem in message
        assert message.count("a.json.partial") == 1
        assert "Traceback" not in result.stderr


def test_duplicates_are_found_by_content_and_organisations_after_normalisation(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = json.loads(VALID.read_text("utf-8"))
    (folder / "a.json").write_text(json.dumps(data, indent=2), "utf-8")
    (folder / "b.json").write_text(json.dumps(data, indent=4, sort_keys=True), "utf-8")
    (folder / "c.json").write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    for name, form in (("d.json", "NFC"), ("e.json", "NFD")):
        other = json.loads(VALID.read_text("utf-8"))
        other["answers"]["organisatie"] = unicodedata.normalize(form, "Woonstéde")
        other["answers"]["naam"] = name
        (folder / name).write_text(json.dumps(other, ensure_ascii=False), "utf-8")
    result = run_krmscan("score", folder, "-f", "json", "--include-small-groups")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [d["copies"] for d in found["duplicates"]] == [
        [str(folder / "b.json"), str(folder / "c.json")]
    ]
    names = [organisation["name"] for organisation in found["organisations"]]
    assert len(names) == 2, names  # Woonstede, and Woonstéde once (NFC and NFD)


# Limits that agree with each other.


def test_take_refuses_a_text_beyond_the_limit_and_score_holds_files_to_it(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    first_text = 0  # the first question of the shipped scan is a text (the name)
    long = "x" * (MAX_TEXT_LENGTH + 1)
    typed = [*lines[:first_text], long, *lines[first_text:]]
    result = run_krmscan("take", "-o", "a.json", cwd=tmp_path, input=_typed(typed))
    assert result.returncode == 0, result.stderr
    assert f"maximaal {MAX_TEXT_LENGTH}" in result.stdout
    assert run_krmscan("score", tmp_path / "a.json").returncode == 0
    too_long = _answers_file(shipped, tmp_path, "b.json", organisatie=long)
    refused = run_krmscan("score", too_long)
    assert refused.returncode == 1
    assert f"meer dan de {MAX_TEXT_LENGTH} die krmscan aanneemt" in refused.stderr


@pytest.mark.parametrize("typed", ["²", "1" * 5000, "٣", "+1", " 2 ", "0", "4"])
def test_choice_numbers_are_a_few_ascii_digits(typed: str) -> None:
    expected = 2 if typed.strip() == "2" else None
    assert number_in_range(typed, 3) == expected


def test_plain_mode_takes_no_superscript_or_huge_number(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    first_choice = next(
        i for i, q in enumerate(shipped.questionnaire.questions) if q.type != "text"
    )
    typed = [*lines[:first_choice], "²", "9" * 5000, *lines[first_choice:]]
    result = run_krmscan("take", "-o", "a.json", cwd=tmp_path, input=_typed(typed))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


# Outputs: standard output, stale temporaries, unique generated names.


def test_dash_writes_every_format_to_standard_output(tmp_path: Path) -> None:
    for output_format in ("json", "csv", "table"):
        result = run_krmscan("score", VALID, VALID, "-f", output_format, "-o", "-", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout
    xlsx = subprocess.run(
        [str(KRMSCAN), "score", VALID, VALID, "-f", "xlsx", "-o", "-"],
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert xlsx.returncode == 0
    assert xlsx.stdout.startswith(b"PK")
    assert list(tmp_path.iterdir()) == []


def test_a_stale_temporary_file_of_a_gone_process_is_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = tmp_path / f".krmscan-{dead}-0123abcd.tmp"
    stale.write_bytes(b"personal data")
    alive = tmp_path / f".krmscan-{os.getppid()}-0123abcd.tmp"
    alive.write_bytes(b"being written")
    files.write_private(tmp_path / "out.json", b"{}")
    assert not stale.exists()
    assert alive.exists()
    assert (tmp_path / "out.json").read_bytes() == b"{}"


def test_a_fifo_or_link_named_like_a_stale_temporary_stays(tmp_path: Path) -> None:
    dead = _dead_pid()
    fifo = tmp_path / f".krmscan-{dead}-0123abcd.tmp"
    os.mkfifo(fifo)
    link = tmp_path / f".krmscan-{dead}-4567abcd.tmp"
    link.symlink_to("kept.txt")
    (tmp_path / "kept.txt").write_text("kept", "utf-8")
    files.write_private(tmp_path / "out.json", b"{}")
    assert fifo.is_fifo()
    assert link.is_symlink()
    assert (tmp_path / "kept.txt").read_text("utf-8") == "kept"


def test_an_output_link_to_a_regular_file_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "data" / "scores.json"
    target.parent.mkdir()
    target.write_text("old", "utf-8")
    (tmp_path / "lk.json").symlink_to("data/scores.json")
    result = run_krmscan("score", VALID, "-f", "json", "-o", "lk.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "lk.json").is_symlink()
    assert json.loads(target.read_text("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "lk.json"]
    assert [p.name for p in target.parent.iterdir()] == ["scores.json"]


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_long_output_name_still_fits(tmp_path: Path) -> None:
    name = "r" * 240 + ".json"
    result = run_krmscan("score", VALID, VALID, "-f", "json", "-o", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_takes_started_in_the_same_second_each_get_their_own_file(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    lines = _typed(plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire)))
    runs = [
        subprocess.Popen(
            [str(KRMSCAN), "take"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        for _ in range(15)  # the 15 runs of the issue: 7 were refused before
    ]
    finished = [run.communicate(lines, timeout=60) for run in runs]
    errors = [stderr for _stdout, stderr in finished]
    codes = [run.returncode for run in runs]
    assert codes == [0] * len(runs), errors
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == len(runs), written
    assert all(name.endswith(".json") for name in written)


# Environments that are not what they seem.


def test_closed_standard_input_gets_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(KRMSCAN), "take", "-o", "a.json"],
        stdin=None,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert result.returncode == 2
    assert result.stderr.strip() == DUTCH.stdin_closed  # the shipped questionnaire is Dutch
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "environment",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}],
    ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"],
)
def test_an_ascii_terminal_gets_ascii_never_unicode_errors(
    shipped: LoadedQuestionnaire, tmp_path: Path, environment: dict[str, str]
) -> None:
    env = {key: value for key, value in os.environ.items() if key not in {"LC_ALL", "LANG"}}
    env |= environment
    if "LC_ALL" in environment:
        env.pop("PYTHONIOENCODING", None)
    odd = _answers_file(shipped, tmp_path, "odd.json", organisatie="Woonstéde \u202e ☃")
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    runs = [
        ["score", VALID],
        ["score", odd, VALID],
        ["score", tmp_path / "missing é.json"],
        ["take", "-o", "t.json"],
    ]
    for arguments in runs:
        result = subprocess.run(
            [str(KRMSCAN), *map(str, arguments)],
            input=_typed(lines).encode("ascii", "replace") if arguments[0] == "take" else b"",
            capture_output=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )
        output = result.stdout + result.stderr
        assert b"Traceback" not in output, output.decode("ascii", "replace")
        assert b"UnicodeEncodeError" not in output
        assert result.stdout.isascii(), arguments
        assert result.returncode in {0, 1}, output.decode("ascii", "replace")
    assert (tmp_path / "t.json").exists()


def test_an_other_text_is_stored_as_typed(shipped: LoadedQuestionnaire) -> None:
    """The limit counts characters, as the respondent sees them."""
    other = OtherAnswer(id="doel_anders", text="é" * MAX_TEXT_LENGTH)
    assert Rules(shipped.questionnaire).problems_of("krm_doelen", [other]) == []


def _file_size_limit(limit: int) -> Callable[[], None]:
    """In the child: files can grow to ``limit`` bytes only (as on a full disk, EFBIG)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_while_saving_progress_gives_the_command_that_continues(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    result = run_krmscan(
        "take", "-o", "a.json", cwd=tmp_path, input=_typed(lines), preexec_fn=_file_size_limit(1500)
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "Opslaan in a.json.partial lukte niet: het bestand wordt groter dan het systeem toestaat."
        in result.stderr
    )
    assert "krmscan take --resume -o a.json" in result.stderr
    saved = json.loads((tmp_path / "a.json.partial").read_text("utf-8"))  # the last whole save
    assert saved["answers"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json.partial"]
    answered = len(saved["answers"]) + sum(
        isinstance(v, list) and any(isinstance(c, dict) for c in v)
        for v in saved["answers"].values()
    )
    resumed = run_krmscan(
        "take", "--resume", "-o", "a.json", cwd=tmp_path, input=_typed(lines[answered:])
    )
    assert resumed.returncode == 0, resumed.stderr
    assert run_krmscan("score", tmp_path / "a.json").returncode == 0


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only")
def test_the_file_being_written_has_no_name_until_it_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the data is written and fsynced, the folder shows no temporary file at all."""
    try:
        os.close(os.open(tmp_path, os.O_TMPFILE | os.O_WRONLY, 0o600))
    except OSError as error:
        pytest.skip(f"this file system has no O_TMPFILE: {error}")
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        seen.append(sorted(os.listdir(tmp_path)))  # noqa: PTH208 - names only
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    files.write_private(tmp_path / "out.json", b"{}")
    monkeypatch.undo()
    # The data's fsync with nothing named yet, then the folder's after the rename: never a
    # named temporary file written (that would be a third fsync, with its name listed).
    assert seen == [[], ["out.json"]]
