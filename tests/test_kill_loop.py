"""SIGKILL at random moments around `take`'s final save, 50 times: nothing half-written is left.

Each run is a forked child of this test process (the questionnaire already parsed, so a run
takes milliseconds, not the second a new interpreter needs) that resumes a scan saved two
answers before its end and types those two lines, through the real flow, the real plain
prompter and the real saving code: two progress saves, then the final save of the answers
file. The parent kills it at a random moment of that run. Afterwards the folder holds a
whole answers file or a whole progress file, and no temporary file remains once the next
krmscan write in that folder has run.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from krmscan import answers, files, progress, prompts
from krmscan import take as taking
from krmscan.messages import messages_for
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import plain_lines, sample_answers

RUNS = 50

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork (Linux)"
)


def _take(loaded: LoadedQuestionnaire, folder: Path, typed: str, resume: taking.Resume) -> None:
    """In the child: take the scan into ``folder / 'a.json'``, then leave at once."""
    code = 0
    try:
        messages = messages_for(loaded.questionnaire.language)
        console = Console(file=io.StringIO(), width=80)
        prompter = prompts.PlainPrompter(
            loaded.questionnaire, messages, console, io.StringIO(typed)
        )
        taking.take(loaded, prompter, folder / "a.json", resume=resume)
    except BaseException:  # the child reports by its exit code only
        code = 1
    finally:
        os._exit(code)


def _run(
    loaded: LoadedQuestionnaire,
    folder: Path,
    typed: str,
    kill_after: float | None,
    resume: taking.Resume = taking.Resume.CONTINUE,
) -> int:
    """Fork a take into ``folder``; SIGKILL it after ``kill_after`` seconds. Its exit code."""
    pid = os.fork()
    if pid == 0:
        _take(loaded, folder, typed, resume)
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_sigkill_during_the_final_save_leaves_whole_files(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    lines = [
        f"{line}\n"
        for line in plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    ]
    saved = tmp_path / "saved"
    saved.mkdir()
    assert _run(shipped, saved, "".join(lines[:-2]), None, taking.Resume.RESTART) == 1
    partial = (saved / "a.json.partial").read_bytes()
    last = "".join(lines[-2:])
    whole = tmp_path / "whole"
    whole.mkdir()
    (whole / "a.json.partial").write_bytes(partial)
    started = time.monotonic()
    assert _run(shipped, whole, last, None) == 0
    duration = time.monotonic() - started
    generator = random.Random(9)  # moments to kill at, not secrets
    outcomes = {"answers": 0, "progress": 0}
    for run in range(RUNS):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        (folder / "a.json.partial").write_bytes(partial)
        _run(shipped, folder, last, generator.uniform(0.0, 1.2) * duration)
        outcomes[_check(shipped, folder)] += 1
    # The moments straddle the final save: some runs were killed before it, some after it.
    assert outcomes["answers"] > 0, outcomes
    assert outcomes["progress"] > 0, outcomes


def _check(loaded: LoadedQuestionnaire, folder: Path) -> str:
    """The folder holds whole files only; what the killed run left (answers, progress, nothing)."""
    stale = [p for p in folder.iterdir() if p.name.startswith(files.TEMPORARY_PREFIX)]
    if stale:  # killed between naming the temporary file and renaming it: the next run cleans
        files.write_private(folder / "next.json", b"{}")
        assert not [p for p in folder.iterdir() if p.name.startswith(files.TEMPORARY_PREFIX)]
        (folder / "next.json").unlink()
    names = {p.name for p in folder.iterdir()}
    assert names <= {"a.json", "a.json.partial", "a.json.lock"}, names
    if "a.json" in names:
        answers.load(folder / "a.json", loaded)  # whole and valid, or this raises
        return "answers"
    raw = (folder / "a.json.partial").read_bytes()
    progress.ProgressFile.model_validate_json(raw, strict=True)
    json.loads(raw)
    return "progress"
