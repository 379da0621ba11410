"""Never lose an answer, as real processes: signals after 20 answers, resume, the lock.

Plain mode reads a pipe this test writes to; the arrow-key interface runs in a
pseudo-terminal (pexpect). After 20 answers the test waits until the progress file holds
them, then sends the signal.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import stat
import subprocess
from pathlib import Path
from typing import Any

import pexpect
import pytest

from krmscan.answers import AnswerValue
from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.resume_support import (
    ENTER,
    count_prompts,
    default_signals,
    feed,
    prompt_keys,
    saved_answers,
    start_krmscan,
    wait_for,
)
from tests.support import KRMSCAN, plain_lines, run_krmscan, sample_answers

AFTER = 20


@pytest.fixture(scope="module")
def answers(shipped: LoadedQuestionnaire) -> dict[str, AnswerValue]:
    return sample_answers(shipped.questionnaire, ambition=2)


@pytest.fixture(scope="module")
def lines(shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue]) -> list[str]:
    return plain_lines(shipped.questionnaire, answers)


@pytest.fixture(scope="module")
def uninterrupted(lines: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The answers of a run that nothing interrupted."""
    out = tmp_path_factory.mktemp("whole") / "a.json"
    taken = run_krmscan("take", "-o", out, input="".join(f"{line}\n" for line in lines))
    assert taken.returncode == 0, taken.stderr
    return dict(json.loads(out.read_text("utf-8"))["answers"])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def continue_command(stderr: str) -> list[str]:
    """The command the stop message gives: the program as it was started, to run as printed."""
    command = stderr.rstrip("\n").splitlines()[-1].strip()
    words = shlex.split(command)
    assert words[:2] == [str(KRMSCAN), "take"], stderr
    return words


def interrupt_plain(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    *,
    signum: int,
    out: Path | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Answer ``AFTER`` questions through a pipe (to ``out``, or a generated name in ``cwd``),
    then send ``signum``.
    """
    args = ["take", *(("-o", str(out)) if out is not None else ())]
    process = start_krmscan(*args, cwd=cwd)
    feed(process, lines[: count_prompts(shipped.questionnaire, answers, AFTER)])
    folder = cwd or (out.parent if out is not None else Path())

    def saved() -> bool:
        partials = list(folder.glob("*.partial"))
        return len(partials) == 1 and len(saved_answers(partials[0])) == AFTER

    wait_for(saved, what=f"{AFTER} answers in the progress file")
    process.send_signal(signum)
    try:
        _, stderr = process.communicate(timeout=20)
    except BrokenPipeError:  # stdin closed by the dead process
        stderr = process.stderr.read() if process.stderr else ""
        process.wait(timeout=20)
    return subprocess.CompletedProcess(process.args, process.returncode, "", stderr)


SIGNALS = [
    pytest.param(signal.SIGINT, 130, id="SIGINT"),
    pytest.param(signal.SIGTERM, 143, id="SIGTERM"),
    pytest.param(signal.SIGHUP, 129, id="SIGHUP"),
    pytest.param(signal.SIGKILL, -signal.SIGKILL, id="SIGKILL"),
]


@pytest.mark.parametrize(("signum", "exit_code"), SIGNALS)
def test_plain_interrupted_after_20_answers_then_resumed(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    uninterrupted: dict[str, Any],
    tmp_path: Path,
    *,
    signum: int,
    exit_code: int,
) -> None:
    out = tmp_path / "a.json"
    stopped = interrupt_plain(shipped, answers, lines, signum=signum, out=out)
    assert stopped.returncode == exit_code, stopped.stderr
    partial = tmp_path / "a.json.partial"
    assert mode(partial) == 0o600
    assert len(saved_answers(partial)) == AFTER
    assert not out.exists()
    if signum == signal.SIGKILL:
        command = [str(KRMSCAN), "take", "--resume", "-o", str(out)]
    else:
        assert "Traceback" not in stopped.stderr
        assert stopped.stderr.startswith("Onderbroken. Uw antwoorden tot nu toe zijn bewaard in")
        command = continue_command(stopped.stderr)
        assert command[1:] == ["take", "--resume", "-o", str(out)]
    rest = lines[count_prompts(shipped.questionnaire, answers, AFTER) :]
    resumed = subprocess.run(
        command,
        input="".join(f"{line}\n" for line in rest),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(out.read_text("utf-8"))["answers"] == uninterrupted
    assert mode(out) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_the_generated_name_resumes_with_the_command_given(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    uninterrupted: dict[str, Any],
    tmp_path: Path,
) -> None:
    stopped = interrupt_plain(shipped, answers, lines, signum=signal.SIGINT, cwd=tmp_path)
    assert stopped.returncode == 130, stopped.stderr
    command = continue_command(stopped.stderr)
    assert ":" not in command[-1]
    rest = lines[count_prompts(shipped.questionnaire, answers, AFTER) :]
    resumed = subprocess.run(
        command,
        input="".join(f"{line}\n" for line in rest),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    (final,) = tmp_path.iterdir()
    assert final.name == command[-1] and final.name.startswith("krmscan-woonstede-")
    assert json.loads(final.read_text("utf-8"))["answers"] == uninterrupted


def test_a_second_take_on_the_same_output_is_refused(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    lines: list[str],
    uninterrupted: dict[str, Any],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    first = start_krmscan("take", "-o", out)
    feed(first, lines[:2])
    wait_for(lambda: len(saved_answers(tmp_path / "a.json.partial")) == 2, what="2 answers")
    second = run_krmscan("take", "-o", out, input="".join(f"{line}\n" for line in lines))
    assert second.returncode == 2
    assert second.stderr == (
        f"{out} wordt al ingevuld door een andere 'krmscan take' (slot: {out}.lock). "
        "Rond die eerst af, of kies een ander bestand met -o.\n"
    )
    _, stderr = first.communicate("".join(f"{line}\n" for line in lines[2:]), timeout=60)
    assert first.returncode == 0, stderr
    assert json.loads(out.read_text("utf-8"))["answers"] == uninterrupted


def test_piped_input_with_progress_and_no_flag_is_refused(lines: list[str], tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    ended = run_krmscan("take", "-o", out, input="".join(f"{line}\n" for line in lines[:2]))
    assert ended.returncode == 1
    assert ended.stderr.endswith(f"Ga verder met:\n  {KRMSCAN} take --resume -o {out}\n")
    refused = run_krmscan("take", "-o", out, input="".join(f"{line}\n" for line in lines))
    assert refused.returncode == 2
    assert "--resume" in refused.stderr and "--restart" in refused.stderr
    assert len(saved_answers(tmp_path / "a.json.partial")) == 2
    both = run_krmscan("take", "-o", out, "--resume", "--restart")
    assert both.returncode == 2 and both.stderr.strip() == DUTCH.resume_restart_both


def test_anonymous_file_holds_no_personal_ids(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    personal = {q.id for q in shipped.questionnaire.questions if q.personal}
    kept = {k: v for k, v in answers.items() if k not in personal}
    typed = [line for line in plain_lines(shipped.questionnaire, kept) if line]
    out = tmp_path / "a.json"
    taken = run_krmscan("take", "--anonymous", "-o", out, input="".join(f"{x}\n" for x in typed))
    assert taken.returncode == 0, taken.stderr
    saved = json.loads(out.read_text("utf-8"))
    assert set(saved["answers"]) == set(kept) and not personal & set(saved["answers"])
    scored = run_krmscan("score", out, "--format", "json")
    assert scored.returncode == 0, scored.stderr
    assert scored.stderr == ""


# The arrow-key interface in a pseudo-terminal.


def spawn(*args: str, columns: int = 80) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        str(KRMSCAN),
        list(args),
        env=env,
        encoding="utf-8",
        dimensions=(24, columns),
        timeout=20,
        preexec_fn=default_signals,
    )


def answer_prompts(
    child: pexpect.spawn, prompts: list[tuple[str, str]], first: int, *, drawn: bool = False
) -> None:
    """Type each prompt's keys once it is drawn (its header's count, then its own text).

    Introductions come a page at a time before their question: Enter turns each page.
    ``drawn``: the first prompt's header has been seen already.
    """
    number = first
    pages = [re.escape(DUTCH.page_next), re.escape(DUTCH.page_to_question)]
    for text, keys in prompts:
        if text not in {"Anders, namelijk:", "Overig:"}:
            if not drawn:
                child.expect_exact(f"vraag {number} van 43")
            number, drawn = number + 1, False
        while child.expect([re.escape(text), *pages]):
            child.send(ENTER)
        child.send(keys)


def welcomed(child: pexpect.spawn) -> pexpect.spawn:
    """Past the welcome screen."""
    child.expect_exact(DUTCH.welcome_start)
    child.send(ENTER)
    return child


def test_arrow_keys_interrupted_after_20_answers_then_resumed(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    uninterrupted: dict[str, Any],
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.json"
    prompts = prompt_keys(shipped.questionnaire, answers)
    split = count_prompts(shipped.questionnaire, answers, AFTER)
    child = welcomed(spawn("take", "-o", str(out)))
    answer_prompts(child, prompts[:split], 1)
    child.expect_exact(f"vraag {AFTER + 1} van 43")
    partial = tmp_path / "a.json.partial"
    wait_for(lambda: len(saved_answers(partial)) == AFTER, what=f"{AFTER} answers")
    child.kill(signal.SIGINT)
    child.expect_exact("Ga verder met:")
    child.expect_exact(f"krmscan take --resume -o {out}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert mode(partial) == 0o600 and not out.exists()

    # Continue in a narrower terminal: it asks first (Enter continues), reviews at the end.
    child = welcomed(spawn("take", "-o", str(out), columns=60))
    child.expect_exact("Verdergaan waar u was")
    child.send(ENTER)
    child.expect_exact(f"vraag {AFTER + 1} van 43")  # the header, then the note under it
    child.expect_exact(f"Verder bij vraag {AFTER + 1} van 43.")
    answer_prompts(child, prompts[split:], AFTER + 1, drawn=True)
    child.expect_exact("Overzicht van uw antwoorden")
    # Enter turns the overview's pages (a section each), saves at the last, turns the result's
    while child.expect(["opgeslagen in", "Kloppen uw antwoorden", re.escape(DUTCH.page_next)]):
        child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads(out.read_text("utf-8"))["answers"] == uninterrupted
    assert mode(out) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_arrow_keys_ctrl_c_before_any_answer_keeps_nothing(tmp_path: Path) -> None:
    child = welcomed(spawn("take", "-o", str(tmp_path / "a.json")))
    child.expect_exact("Naam")
    child.sendcontrol("c")
    child.expect_exact("Afgebroken; er is niets opgeslagen.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []
