"""What each command imports: the prompt libraries only when `take` asks with arrow keys.

Python's own import log (PYTHONPROFILEIMPORTTIME) of the installed command lists every module
a run imported; the heavy libraries of other commands must not be among them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pexpect
import pytest

from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import KRMSCAN, plain_lines, run_krmscan, sample_answers

VALID_ANSWERS = Path(__file__).resolve().parent / "bad_inputs" / "answers" / "valid.json"
PROMPT_LIBRARIES = ("questionary", "prompt_toolkit")
NOT_AT_START = (*PROMPT_LIBRARIES, "openpyxl", "matplotlib", "email_validator")


def _imported(import_log: str) -> set[str]:
    """Top-level packages named in a PYTHONPROFILEIMPORTTIME log."""
    modules = set()
    for line in import_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            modules.add(name.split(".")[0])
    return modules


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["score", "--help"],
        ["validate"],
        ["score", "{answers}"],
        ["score", "{answers}", "--format", "json"],
        ["schema", "questionnaire"],
    ],
    ids=" ".join,
)
def test_commands_start_without_prompt_libraries(arguments: list[str], tmp_path: Path) -> None:
    answers = tmp_path / "one.json"
    shutil.copyfile(VALID_ANSWERS, answers)
    command = [part.format(answers=answers) for part in arguments]
    result = run_krmscan(*command, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    imported = _imported(result.stderr)
    assert "krmscan" in imported  # the log is really there
    assert imported.isdisjoint(NOT_AT_START), sorted(imported & set(NOT_AT_START))


def test_plain_take_needs_no_prompt_libraries(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    typed = "\n".join(plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire)))
    result = run_krmscan(
        "take", "-o", tmp_path / "a.json", input=typed + "\n", env={"PYTHONPROFILEIMPORTTIME": "1"}
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert _imported(result.stderr).isdisjoint(PROMPT_LIBRARIES)


def test_arrow_key_take_imports_prompt_libraries(tmp_path: Path) -> None:
    """In a terminal, `take` asks with questionary: the libraries arrive when it needs them."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        str(KRMSCAN),
        ["take", "-o", str(tmp_path / "a.json")],
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=30,
    )
    try:
        child.expect_exact(DUTCH.welcome_purpose[:40])  # the welcome text, drawn by rich...
        drawn = child.before or ""
        child.expect_exact(DUTCH.welcome_start)  # ...its key hint, drawn by prompt_toolkit
        seen = drawn + (child.before or "")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    before_welcome = _imported(drawn.replace("\r\n", "\n"))
    assert {"krmscan", "rich"} <= before_welcome  # the log is really there
    assert before_welcome.isdisjoint(PROMPT_LIBRARIES)  # the welcome comes first
    assert set(PROMPT_LIBRARIES) <= _imported(seen.replace("\r\n", "\n"))
    assert not (tmp_path / "a.json").exists()
