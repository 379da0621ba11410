"""Helpers of the going-back and resume tests: keys per prompt, prompts per answer, processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.questionnaire import (
    AmbitionQuestion,
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from tests.support import KRMSCAN

DOWN, UP, SPACE, ENTER, BACKTAB = "\x1b[B", "\x1b[A", " ", "\r", "\x1b[Z"


def as_json(answers: dict[str, AnswerValue]) -> dict[str, Any]:
    """Answers as they read back from an answers file."""

    def plain(value: object) -> object:
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.model_dump() if isinstance(value, OtherAnswer) else value

    return {key: plain(value) for key, value in answers.items()}


def prompt_keys(
    questionnaire: Questionnaire, answers: dict[str, AnswerValue]
) -> list[tuple[str, str]]:
    """Per prompt of the arrow-key interface, in order: (its text's start, keys that answer it).

    Lists start with the pointer on the first option (nothing answered before); "other" texts
    are their own prompts. The text's start (30 characters) fits the first line of a prompt.
    """
    prompts: list[tuple[str, str]] = []
    for question in questionnaire.questions:
        if question.id not in answers:
            continue
        value = answers[question.id]
        if isinstance(question, TextQuestion):
            prompts.append((question.text[:30], f"{value}{ENTER}"))
        elif isinstance(question, AmbitionQuestion | SingleChoiceQuestion):
            index = [o.id for o in question.options].index(str(value))
            prompts.append((question.text[:30], f"{index + 1}{ENTER}"))
        else:
            prompts.extend(_checkbox_keys(question, value))
    scale = [point.id for point in questionnaire.scale]
    for statement in questionnaire.statements:
        index = scale.index(str(answers[statement.id]))
        prompts.append((statement.text[:30], f"{index + 1}{ENTER}"))
    return prompts


def _checkbox_keys(question: MultipleChoiceQuestion, value: AnswerValue) -> list[tuple[str, str]]:
    """Space on each chosen option, Enter; then each "other" text."""
    assert isinstance(value, list)
    ids = [o.id for o in question.options]
    chosen = {c.id if isinstance(c, OtherAnswer) else c for c in value}
    keys = DOWN.join(SPACE if option_id in chosen else "" for option_id in ids)
    texts = {o.id: o.text for o in question.options}
    others = [(f"{texts[c.id]}:", f"{c.text}{ENTER}") for c in value if isinstance(c, OtherAnswer)]
    return [(question.text[:30], keys + ENTER), *others]


def count_prompts(questionnaire: Questionnaire, answers: dict[str, AnswerValue], n: int) -> int:
    """How many prompts (lines in plain mode) the first ``n`` answers take."""
    prompts = 0
    for question in [*questionnaire.questions, *questionnaire.statements][:n]:
        prompts += 1
        value = answers.get(question.id)
        if isinstance(value, list):
            prompts += sum(isinstance(c, OtherAnswer) for c in value)
    return prompts


def wait_for(condition: Callable[[], bool], *, timeout: float = 20, what: str = "") -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.02)


def saved_answers(progress: Path) -> dict[str, Any]:
    """The answers in a progress file ({} while it does not exist or is being replaced)."""
    try:
        return dict(json.loads(progress.read_text("utf-8"))["answers"])
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return {}


def default_signals() -> None:
    """For ``preexec_fn``: the child gets SIGINT and SIGHUP even when this test runs from a
    shell that ignores them (a background job, nohup).
    """
    for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


def start_krmscan(
    *args: str | os.PathLike[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    """``krmscan`` as a process whose stdin is a pipe the test writes to line by line."""
    return subprocess.Popen(
        [str(KRMSCAN), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        preexec_fn=default_signals,  # noqa: PLW1509 - no threads in this process
    )


def feed(process: subprocess.Popen[str], lines: Sequence[str]) -> None:
    """Write ``lines`` to the process's stdin (keeping it open)."""
    assert process.stdin is not None
    process.stdin.write("".join(f"{line}\n" for line in lines))
    process.stdin.flush()
