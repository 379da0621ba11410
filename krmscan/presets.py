"""Answers the consultant fixes before the scan: ``--organisation`` and ``--answer ID=VALUE``.

A preset question is not asked; its answer is stored as given, checked by the same rules as a
typed answer (`krmscan.answers`). A value names an option (or a statement's scale point) by
its id, its number or its text (any case); several options are separated by commas, and a
chosen "other" option is followed by ``:`` and its text (``1,doel_anders:Minder klachten``).
A bad preset is a usage error, raised before the first question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from krmscan.answers import (
    AnswerValue,
    Choice,
    OtherAnswer,
    count_problem,
    other_text_problem,
    text_problem,
    typed_problem,
)
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
    """The preset answers by question or statement id, from ``--answer`` and ``--organisation``."""
    pairs: list[tuple[str, str]] = []
    group = questionnaire.group_question
    if organisation is not None:
        if group is None:
            raise UsageError(messages.preset_no_group)
        pairs.append((group.id, organisation))
    for item in given:
        question_id, equals, value = item.partition("=")
        if not equals:
            raise UsageError(messages.preset_syntax.format(item=printable(item)))
        pairs.append((question_id.strip(), value))
    return {
        question_id: _value(questionnaire, question_id, value, messages)
        for question_id, value in pairs
    }


def _value(
    questionnaire: Questionnaire, question_id: str, value: str, messages: Messages
) -> AnswerValue:
    """``value`` as the stored answer to question (or statement) ``question_id``."""
    questions = {question.id: question for question in questionnaire.questions}
    statements = {statement.id for statement in questionnaire.statements}
    question = questions.get(question_id)
    if question is None and question_id not in statements:
        ids = ", ".join(questions)
        raise UsageError(messages.preset_unknown.format(id=printable(question_id), ids=ids))

    def refuse(problem: str) -> UsageError:
        shown = printable(value)
        return UsageError(messages.preset_bad.format(id=question_id, value=shown, problem=problem))

    if question is None:
        points = [(point.id, point.label, False) for point in questionnaire.scale]
        return _pick(points, value, refuse, messages)
    if isinstance(question, TextQuestion):
        problem = typed_problem(value, messages) or text_problem(question, value, messages)
        if problem is not None:
            raise refuse(problem)
        return value.strip()
    if isinstance(question, AmbitionQuestion):
        names = [(o.id, questionnaire.level(o.level).name, False) for o in question.options]
        return _pick(names, value, refuse, messages)
    options = [(o.id, o.text, o.other) for o in question.options]
    named, colon, after = value.partition(":")
    other_text = after if colon else None
    if isinstance(question, SingleChoiceQuestion):
        chosen = [_pick(options, named, refuse, messages)]
    else:
        assert isinstance(question, MultipleChoiceQuestion)
        chosen = list(dict.fromkeys(_picks(options, named, refuse, messages)))
        problem = count_problem(question, len(chosen), messages)
        if problem is not None:
            raise refuse(problem)
    with_text = _with_other(question, chosen, other_text, refuse, messages)
    return with_text[0] if isinstance(question, SingleChoiceQuestion) else with_text


_Named = tuple[str, str, bool]
"""An option as a preset may name it: its id, its text, whether it is the "other" option."""


def _with_other(
    question: SingleChoiceQuestion | MultipleChoiceQuestion,
    chosen: Sequence[str],
    text: str | None,
    refuse: Callable[[str], UsageError],
    messages: Messages,
) -> list[Choice]:
    """``chosen`` with the "other" option's text (given after ``:``) attached to it."""
    other = next((o for o in question.options if o.other and o.id in chosen), None)
    if other is None:
        if text is not None:
            raise refuse(messages.preset_text_without_other)
        return list(chosen)
    if text is None:
        raise refuse(messages.preset_other_needs_text.format(option=other.id))
    problem = typed_problem(text, messages) or other_text_problem(other, text, messages)
    if problem is not None:
        raise refuse(problem)
    answer = OtherAnswer(id=other.id, text=text.strip())
    return [answer if option_id == other.id else option_id for option_id in chosen]


def _picks(
    options: Sequence[_Named],
    value: str,
    refuse: Callable[[str], UsageError],
    messages: Messages,
) -> Iterator[str]:
    """The ids of the options named in ``value``, separated by commas.

    An option's text may hold a comma itself ("Anders, namelijk"): the longest run of parts
    that names an option is taken.
    """
    parts = [part for part in re.split(r"\s*,\s*", value.strip()) if part]
    start = 0
    while start < len(parts):
        found = _longest(options, parts, start)
        if found is None:
            raise refuse(_no_such_option(options, messages))
        start, option_id = found
        yield option_id


def _longest(options: Sequence[_Named], parts: Sequence[str], start: int) -> tuple[int, str] | None:
    """Where the longest run of ``parts`` from ``start`` that names an option ends, and its id."""
    for end in range(len(parts), start, -1):
        found = _find(options, ", ".join(parts[start:end]))
        if found is not None:
            return end, found
    return None


def _pick(
    options: Sequence[_Named],
    value: str,
    refuse: Callable[[str], UsageError],
    messages: Messages,
) -> str:
    """The id of the option named by id, number or text (any case)."""
    found = _find(options, value)
    if found is None:
        raise refuse(_no_such_option(options, messages))
    return found


def _find(options: Sequence[_Named], name: str) -> str | None:
    wanted = _comparable(name)
    for number, (option_id, text, _) in enumerate(options, start=1):
        if wanted in {option_id.casefold(), str(number), _comparable(text)}:
            return option_id
    return None


def _comparable(text: str) -> str:
    """``text`` without case, surrounding spaces, or spaces around its commas."""
    return re.sub(r"\s*,\s*", ", ", text.strip()).casefold()


def _no_such_option(options: Sequence[_Named], messages: Messages) -> str:
    listed = ", ".join(
        f"{number} = {option_id}" for number, (option_id, _, _) in enumerate(options, 1)
    )
    return messages.preset_no_option.format(options=listed)


def described(
    questionnaire: Questionnaire, fixed: Mapping[str, AnswerValue], messages: Messages
) -> list[str]:
    """Each preset as ``question: answer (fixed)``, for the overview, in questionnaire order."""
    from krmscan import flow, render

    return [
        printable(
            render.labelled(
                step.item.text, render.answer_text(questionnaire, step, fixed[step.id], messages)
            )
        )
        + f" {messages.preset_fixed}"
        for step in flow.steps(questionnaire)
        if step.id in fixed
    ]
