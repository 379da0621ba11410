"""Answers the consultant fixes before the scan: ``--organisation`` and ``--answer ID=VALUE``.

A preset question is not asked; its answer is stored as given, checked by the same rules as a
typed answer (`krmscan.answers`). A value names an option by its id, its number or its text
(any case); several options are separated by commas. A bad preset is a usage error, raised
before the first question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from krmscan.answers import AnswerValue, Choice, count_problem, text_problem, typed_problem
from krmscan.errors import UsageError
from krmscan.messages import Messages
from krmscan.questionnaire import (
    AmbitionQuestion,
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from krmscan.text import printable

ENVIRONMENT = "KRMSCAN_ORGANISATION"
"""The environment variable that presets the organisation (the question marked ``group``)."""


def parse(
    questionnaire: Questionnaire,
    given: Sequence[str],
    organisation: str | None,
    messages: Messages,
) -> dict[str, AnswerValue]:
    """The preset answers by question id, from ``--answer ID=VALUE`` and ``--organisation``."""
    pairs: list[tuple[str, str]] = []
    group = questionnaire.group_question
    if organisation is not None:
        if group is None:
            raise UsageError("--organisation: the questionnaire has no question marked 'group'")
        pairs.append((group.id, organisation))
    for item in given:
        question_id, equals, value = item.partition("=")
        if not equals:
            raise UsageError(f"--answer {printable(item)}: write it as QUESTION_ID=VALUE")
        pairs.append((question_id.strip(), value))
    return {
        question_id: _value(questionnaire, question_id, value, messages)
        for question_id, value in pairs
    }


def _value(
    questionnaire: Questionnaire, question_id: str, value: str, messages: Messages
) -> AnswerValue:
    """``value`` as the stored answer to question ``question_id``, or a `UsageError`."""
    questions = {question.id: question for question in questionnaire.questions}
    question = questions.get(question_id)
    if question is None:
        ids = ", ".join(questions)
        raise UsageError(messages.preset_unknown.format(id=printable(question_id), ids=ids))

    def refuse(problem: str) -> UsageError:
        shown = printable(value)
        return UsageError(messages.preset_bad.format(id=question_id, value=shown, problem=problem))

    if isinstance(question, TextQuestion):
        problem = typed_problem(value, messages) or text_problem(question, value, messages)
        if problem is not None:
            raise refuse(problem)
        return value.strip()
    if isinstance(question, AmbitionQuestion):
        names = [(o.id, questionnaire.level(o.level).name) for o in question.options]
        return _pick(names, value, refuse)
    options = [(o.id, o.text) for o in question.options if not o.other]
    if isinstance(question, SingleChoiceQuestion):
        return _pick(options, value, refuse)
    assert isinstance(question, MultipleChoiceQuestion)
    chosen: list[Choice] = list(
        dict.fromkeys(_pick(options, part, refuse) for part in _parts(value))
    )
    problem = count_problem(question, len(chosen), messages)
    if problem is not None:
        raise refuse(problem)
    return chosen


def _parts(value: str) -> Iterable[str]:
    return [part for part in re.split(r"\s*,\s*", value.strip()) if part]


def _pick(
    options: Sequence[tuple[str, str]], value: str, refuse: Callable[[str], UsageError]
) -> str:
    """The id of the option named by id, number or text (any case)."""
    wanted = value.strip().casefold()
    for number, (option_id, text) in enumerate(options, start=1):
        if wanted in {option_id.casefold(), str(number), text.casefold()}:
            return option_id
    listed = ", ".join(
        f"{number} = {option_id}" for number, (option_id, _) in enumerate(options, 1)
    )
    raise refuse(f"no such option; choose from {listed}")


def described(
    questionnaire: Questionnaire, fixed: Mapping[str, AnswerValue], messages: Messages
) -> list[str]:
    """Each preset as ``question: answer (fixed)``, for the overview."""
    lines = []
    for question in questionnaire.questions:
        if question.id not in fixed:
            continue
        value = fixed[question.id]
        if isinstance(question, AmbitionQuestion):
            names = {o.id: questionnaire.level(o.level).name for o in question.options}
            words = names.get(str(value), str(value))
        elif isinstance(question, TextQuestion):
            words = str(value)
        else:
            texts = {option.id: option.text for option in question.options}
            chosen = value if isinstance(value, list) else [value]
            words = ", ".join(texts.get(str(choice), str(choice)) for choice in chosen)
        text = printable(f"{question.text.rstrip(':')}: {words}")
        lines.append(f"{text} {messages.preset_fixed}")
    return lines
