"""Saved progress, resuming, the lock and anonymous answers, in process (plain prompts)."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import stat
import time
from pathlib import Path

import pytest
from rich.console import Console

from krmscan import answers as answers_module
from krmscan import flow, progress, questionnaire
from krmscan import take as taking
from krmscan.answers import AnswerValue
from krmscan.errors import BadDataError, ExitCode, InputEndedError, UsageError
from krmscan.messages import DUTCH
from krmscan.prompts import PlainPrompter
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.take import Resume
from tests.resume_support import as_json, count_prompts
from tests.support import plain_lines, sample_answers


def prompter(
    shipped: LoadedQuestionnaire, lines: list[str], screen: io.StringIO | None = None
) -> PlainPrompter:
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    console = Console(file=screen or io.StringIO(), width=200, color_system=None)
    return PlainPrompter(shipped.questionnaire, DUTCH, console, stdin)


@pytest.fixture
def answers(shipped: LoadedQuestionnaire) -> dict[str, AnswerValue]:
    return sample_answers(shipped.questionnaire)


@pytest.fixture
def lines(shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue]) -> list[str]:
    return plain_lines(shipped.questionnaire, answers)


def stop_after(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    out: Path,
    n: int,
    **options: object,
) -> InputEndedError:
    """Take ``out`` with the lines of the first ``n`` answers only."""
    with pytest.raises(InputEndedError) as ended:
        taking.take(
            shipped,
            prompter(shipped, lines[: count_prompts(shipped.questionnaire, answers, n)]),
            out,
            **options,  # type: ignore[arg-type]
        )
    return ended.value


def test_progress_after_every_answer(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    ended = stop_after(shipped, answers, lines, out, 20)
    partial = tmp_path / "a.json.partial"
    assert stat.S_IMODE(partial.stat().st_mode) == 0o600
    saved = json.loads(partial.read_text("utf-8"))
    assert saved["format"] == "krmscan-progress"
    assert saved["questionnaire"]["sha256"] == shipped.sha256
    steps = flow.steps(shipped.questionnaire)
    assert saved["position"] == {"id": steps[20].id, "number": 21, "total": len(steps)}
    assert saved["answers"] == as_json({s.id: answers[s.id] for s in steps[:20]})
    assert not out.exists()
    assert ended.message.endswith(f"Ga verder met:\n  krmscan take --resume -o {out}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json.partial"]  # the lock is gone


def test_resume_continues_at_the_first_unanswered_question(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    stop_after(shipped, answers, lines, out, 20)
    rest = lines[count_prompts(shipped.questionnaire, answers, 20) :]
    taken = taking.take(shipped, prompter(shipped, rest), out, resume=Resume.CONTINUE)
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)
    assert taken.file.started_at <= taken.file.completed_at
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_piped_input_with_progress_needs_a_flag(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    stop_after(shipped, answers, lines, out, 5)
    with pytest.raises(UsageError) as refused:
        taking.take(shipped, prompter(shipped, lines), out)
    assert "--resume" in refused.value.message and "--restart" in refused.value.message
    assert refused.value.exit_code == ExitCode.USAGE
    taking.take(shipped, prompter(shipped, lines), out, resume=Resume.RESTART)
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)


def test_resume_without_progress_or_output_is_refused(
    shipped: LoadedQuestionnaire, lines: list[str], tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="geen bewaarde antwoorden"):
        taking.take(shipped, prompter(shipped, lines), tmp_path / "a.json", resume=Resume.CONTINUE)
    with pytest.raises(UsageError, match="hebben -o BESTAND nodig"):
        taking.take(shipped, prompter(shipped, lines), None, resume=Resume.RESTART)


@pytest.mark.parametrize(("reply", "resumed"), [("", True), ("1", True), ("2", False)])
def test_a_terminal_asks_to_continue_or_start_over(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
    *,
    reply: str,
    resumed: bool,
) -> None:
    out = tmp_path / "a.json"
    stop_after(shipped, answers, lines, out, 10)
    rest = lines[count_prompts(shipped.questionnaire, answers, 10) :] if resumed else lines
    screen = io.StringIO()
    taken = taking.take(
        shipped, prompter(shipped, ["3", reply, *rest, ""], screen), out, interactive=True
    )
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)
    assert "U was al begonnen: 10 van de 43 vragen" in screen.getvalue()
    assert DUTCH.plain_number_range.format(n=2) in screen.getvalue()  # "3" is no choice
    assert taken.path == out


def test_a_terminal_resumes_where_the_respondent_was(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    first = lines[: count_prompts(shipped.questionnaire, answers, 12)]
    with pytest.raises(InputEndedError):
        taking.take(shipped, prompter(shipped, [*first, "<", "<"]), out)  # at question 11
    screen = io.StringIO()
    rest = lines[count_prompts(shipped.questionnaire, answers, 10) :]
    taking.take(shipped, prompter(shipped, ["", *rest, ""], screen), out, interactive=True)
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)
    assert "Verder bij vraag 11 van 43." in screen.getvalue()


def changed_questionnaire(tmp_path: Path, shipped: LoadedQuestionnaire) -> LoadedQuestionnaire:
    """The shipped questionnaire with an option and a statement given new ids."""
    text = shipped.path.read_text("utf-8")
    text = text.replace("id: over_nadenken\n", "id: erover_nadenken\n")
    text = text.replace("id: strategie_huurders_centraal\n", "id: strategie_klant_centraal\n")
    path = tmp_path / "changed.yaml"
    path.write_text(text, "utf-8")
    return questionnaire.load(path)


def test_a_changed_questionnaire_keeps_what_still_fits(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    stop_after(shipped, answers, lines, out, 20)
    changed = changed_questionnaire(tmp_path, shipped)
    assert changed.sha256 != shipped.sha256
    # asked again: krm_is (its option is gone) and the renamed statement; then the rest
    statement = lines[count_prompts(shipped.questionnaire, answers, 8)]
    rest = lines[count_prompts(shipped.questionnaire, answers, 20) :]
    screen = io.StringIO()
    taken = taking.take(
        changed,
        prompter(changed, ["1", statement, *rest], screen),
        out,
        resume=Resume.CONTINUE,
    )
    shown = screen.getvalue()
    assert DUTCH.dropped_answers in shown
    assert "  - krm_is: KlantRelatieManagement (KRM) is:" in shown
    assert "  - strategie_huurders_centraal (staat niet (meer) in de vragenlijst)" in shown
    expected = {**answers, "krm_is": ["erover_nadenken"]}
    expected["strategie_klant_centraal"] = expected.pop("strategie_huurders_centraal")
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(expected)
    assert taken.file.questionnaire.sha256 == changed.sha256
    answers_module.load(out, changed)  # a valid answers file for the questionnaire it used


def test_unreadable_progress_names_restart(
    shipped: LoadedQuestionnaire, lines: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "a.json"
    (tmp_path / "a.json.partial").write_text('{"format": "krmscan-progress"', "utf-8")
    with pytest.raises(BadDataError, match="--restart"):
        taking.take(shipped, prompter(shipped, lines), out, resume=Resume.CONTINUE)
    taking.take(shipped, prompter(shipped, lines), out, resume=Resume.RESTART)
    assert out.exists()


def test_progress_of_another_questionnaire_is_refused(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    stop_after(shipped, answers, lines, out, 3)
    partial = tmp_path / "a.json.partial"
    data = json.loads(partial.read_text("utf-8"))
    data["questionnaire"]["id"] = "another_scan"
    partial.write_text(json.dumps(data), "utf-8")
    with pytest.raises(BadDataError, match="'another_scan'"):
        taking.take(shipped, prompter(shipped, lines), out, resume=Resume.CONTINUE)


def test_a_second_take_on_the_same_output_is_refused(
    shipped: LoadedQuestionnaire, lines: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "a.json"
    holder = progress.OutputLock(out, DUTCH)
    holder.acquire()
    try:
        with pytest.raises(UsageError) as refused:
            taking.take(shipped, prompter(shipped, lines), out)
        assert refused.value.message == DUTCH.locked.format(output=out, lock=f"{out}.lock")
        assert not (tmp_path / "a.json.partial").exists()
    finally:
        holder.release()
    taking.take(shipped, prompter(shipped, lines), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


NAME = re.compile(r"^krmscan-woonstede-\d{8}-\d{6}\.json$")


def test_without_output_the_name_is_fixed_with_the_organisation(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    ended = stop_after(shipped, answers, lines, None, 1)  # type: ignore[arg-type]
    (before,) = tmp_path.iterdir()  # only the name, before the organisation is known
    assert re.fullmatch(r"krmscan-\d{8}-\d{6}\.json\.partial", before.name)
    assert ended.message.endswith(f"krmscan take --resume -o {before.name[: -len('.partial')]}")
    before.unlink()
    ended = stop_after(shipped, answers, lines, None, 20)  # type: ignore[arg-type]
    (partial,) = tmp_path.iterdir()
    output = partial.name[: -len(".partial")]
    assert NAME.fullmatch(output)
    assert ended.message.endswith(f"krmscan take --resume -o {output}")
    rest = lines[count_prompts(shipped.questionnaire, answers, 20) :]
    taken = taking.take(shipped, prompter(shipped, rest), Path(output), resume=Resume.CONTINUE)
    assert taken.path == Path(output)
    assert [p.name for p in tmp_path.iterdir()] == [output]


def test_generated_names_are_safe_everywhere(shipped: LoadedQuestionnaire) -> None:
    from datetime import datetime, timedelta, timezone

    moment = datetime(2026, 11, 27, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    name = taking.default_output(shipped, {"organisatie": 'Wóon: "stede"/<CON>|*?'}, moment)
    assert name == Path("krmscan-woon-stede-con-20261127-101500.json")
    assert re.fullmatch(r"[a-z0-9-]+\.json", str(name))


def test_anonymous_leaves_out_personal_questions(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    personal = {q.id for q in shipped.questionnaire.questions if q.personal}
    assert personal == {"naam", "email"}
    kept = {k: v for k, v in answers.items() if k not in personal}
    lines = plain_lines(shipped.questionnaire, kept)
    lines = [line for line in lines if line]  # plain_lines gives "" for the left-out texts
    out = tmp_path / "a.json"
    taking.take(shipped, prompter(shipped, lines), out, anonymous=True)
    saved = json.loads(out.read_text("utf-8"))
    assert not personal & set(saved["answers"])
    assert not any(p in out.read_text("utf-8") for p in ("Alice", "alice@"))
    answers_module.load(out, shipped)  # `score` accepts it


def test_anonymous_progress_stays_anonymous(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    kept = {k: v for k, v in answers.items() if k not in {"naam", "email"}}
    lines = [line for line in plain_lines(shipped.questionnaire, kept) if line]
    out = tmp_path / "a.json"
    with pytest.raises(InputEndedError) as ended:
        taking.take(shipped, prompter(shipped, lines[:2]), out, anonymous=True)
    assert ended.value.message.endswith(f"krmscan take --resume -o {out} --anonymous")
    taking.take(shipped, prompter(shipped, lines[2:]), out, resume=Resume.CONTINUE)
    assert set(json.loads(out.read_text("utf-8"))["answers"]) == set(kept)


def test_anonymous_resume_drops_personal_answers(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    stop_after(shipped, answers, lines, out, 20)
    rest = lines[count_prompts(shipped.questionnaire, answers, 20) :]
    screen = io.StringIO()
    taking.take(
        shipped, prompter(shipped, rest, screen), out, resume=Resume.CONTINUE, anonymous=True
    )
    assert not {"naam", "email"} & set(json.loads(out.read_text("utf-8"))["answers"])
    assert DUTCH.dropped_answers not in screen.getvalue()


def test_a_signal_waits_until_the_file_is_written() -> None:
    done: list[str] = []
    with pytest.raises(KeyboardInterrupt), progress.signals_held():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # another thread may take the signal: let it arrive inside the block
        done.append("written")  # not interrupted half-way
    assert done == ["written"]
    with progress.signals_held(drop=True):  # the final save: a stop comes too late
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
