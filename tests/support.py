"""Helpers shared by the tests: answers to build, lines to type, the CLI to run."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from krmscan import answers as answers_file
from krmscan.answers import AnswerValue, Choice, OtherAnswer
from krmscan.questionnaire import (
    AmbitionQuestion,
    LoadedQuestionnaire,
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)

REPO = Path(__file__).resolve().parents[1]
KRMSCAN = Path(sys.executable).with_name("krmscan")


def sample_answers(
    questionnaire: Questionnaire,
    *,
    organisation: str = "Woonstede",
    ambition: int = 3,
    statement_points: Sequence[int] | None = None,
) -> dict[str, AnswerValue]:
    """A valid set of answers: the first options, an "other" text, and chosen statement points.

    ``statement_points`` gives, per statement in order, the index on the scale (0 = Oneens);
    by default it cycles 0, 1, 2.
    """
    answers: dict[str, AnswerValue] = {}
    for question in questionnaire.questions:
        if isinstance(question, TextQuestion):
            if question.group:
                answers[question.id] = organisation
            elif question.format == "email":
                answers[question.id] = "alice@example.org"
            else:
                answers[question.id] = "Alice de Vries"
        elif isinstance(question, AmbitionQuestion):
            answers[question.id] = next(o.id for o in question.options if o.level == ambition)
        elif isinstance(question, SingleChoiceQuestion):
            answers[question.id] = question.options[0].id
        elif isinstance(question, MultipleChoiceQuestion):
            chosen: list[Choice] = [question.options[0].id]
            other = next((o for o in question.options if o.other), None)
            if other is not None and question.most_choices > 1:
                chosen.append(OtherAnswer(id=other.id, text=f"eigen tekst bij {question.id}"))
            answers[question.id] = chosen
    points = statement_points or [i % 3 for i in range(len(questionnaire.statements))]
    for statement, point in zip(questionnaire.statements, points, strict=True):
        answers[statement.id] = questionnaire.scale[point].id
    return answers


def write_edge(loaded: LoadedQuestionnaire, folder: Path) -> None:
    """150 respondents of one organisation, 1049 of 2100 points on Strategie: 49.95 %.

    Just below the band edge at 50 % (level 2, 0.05 points to the ambition at 50 %); every
    other component exactly 50 % (level 3), Klantmanagement 100 %.
    """
    q = loaded.questionnaire
    for i in range(150):
        points = [1] * 7 + [2] * 7 + [1] * (len(q.statements) - 14)
        points[0] = 0 if i == 0 else 1
        given = sample_answers(q, statement_points=points)
        when = datetime(2026, 11, 2, 9, tzinfo=timezone.utc) + timedelta(minutes=i)
        answers_file.save(folder / f"r{i:03}.json", answers_file.build(loaded, given, when, when))


def plain_lines(questionnaire: Questionnaire, answers: dict[str, AnswerValue]) -> list[str]:
    """The lines to type in plain mode to give ``answers`` (one per prompt, in order)."""
    lines: list[str] = []
    for question in questionnaire.questions:
        value = answers.get(question.id, "")
        if isinstance(question, TextQuestion):
            assert isinstance(value, str)
            lines.append(value)
            continue
        options = [o.id for o in question.options]
        chosen = value if isinstance(value, list) else [value]
        ids = [c.id if isinstance(c, OtherAnswer) else c for c in chosen]
        lines.append(",".join(str(options.index(i) + 1) for i in ids))
        lines.extend(c.text for c in chosen if isinstance(c, OtherAnswer))
    scale = [point.id for point in questionnaire.scale]
    lines.extend(str(scale.index(str(answers[s.id])) + 1) for s in questionnaire.statements)
    return lines


CPU_CAP_SECONDS = 30
MEMORY_CAP_BYTES = 2 * 1024**3


def capped(then: Callable[[], object] | None = None) -> Callable[[], None]:
    """A ``preexec_fn`` that caps the child's CPU time and address space, then runs ``then``.

    Not a speed target: a file that makes krmscan expand, loop or allocate without end is
    killed by the kernel (SIGXCPU, MemoryError) instead of hanging the test run, and the
    test's check of the exit code and message fails.
    """

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_CAP_SECONDS, CPU_CAP_SECONDS))
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))
        if then is not None:
            then()

    return limit


def run_krmscan(
    *args: str | os.PathLike[str],
    input: str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    preexec_fn: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``krmscan`` command as a user would, capturing its output.

    ``preexec_fn`` runs in the child before krmscan starts (e.g. to drop privileges).
    """
    return subprocess.run(
        [str(KRMSCAN), *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        timeout=timeout,
        check=False,
        preexec_fn=preexec_fn,
    )
