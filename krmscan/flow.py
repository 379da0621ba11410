"""The order of the scan, independent of any prompt library.

`steps` lays the questionnaire out as one list: every question, then every statement, each with
the introductions to show before it and its place in the whole. `run` walks that list with any
`Prompter` (questionary, plain lines, or a test double) and returns the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from krmscan.answers import AnswerValue
from krmscan.questionnaire import Component, Question, Questionnaire, Statement


@dataclass(frozen=True)
class Intro:
    """A titled text shown before the questions it introduces."""

    title: str | None
    text: str | None


@dataclass(frozen=True)
class Step:
    """One question or statement, with everything needed to ask it."""

    item: Question | Statement
    number: int
    total: int
    intros: tuple[Intro, ...] = ()
    component: Component | None = None
    position_in_component: int = 0
    note: str | None = None

    @property
    def id(self) -> str:
        """The id under which the answer is stored."""
        return self.item.id


class Prompter(Protocol):
    """Asks one step and returns its answer; shows introductions."""

    def show_intro(self, intro: Intro) -> None:
        """Show a section's, component's or part's introduction."""

    def ask(self, step: Step, previous: AnswerValue | None) -> AnswerValue:
        """Ask ``step`` and return a valid answer (``previous`` is offered as the default)."""


def steps(
    questionnaire: Questionnaire, *, skip: Callable[[Question], bool] | None = None
) -> list[Step]:
    """Every question and statement in the order they are asked."""
    items: list[Step] = []
    for section in questionnaire.sections:
        intros: tuple[Intro, ...] = ()
        if section.title or section.intro:
            intros = (Intro(section.title, section.intro),)
        for question in section.questions:
            if skip is not None and skip(question):
                continue
            items.append(Step(question, 0, 0, intros))
            intros = ()
    for component in questionnaire.components:
        intros = (
            Intro(component.name, component.intro),
            *(Intro(part.title, part.intro) for part in component.parts),
        )
        for position, statement in enumerate(component.statements, start=1):
            note = component.footnote if "*" in statement.text else None
            items.append(Step(statement, 0, 0, intros, component, position, note))
            intros = ()
    return [
        replace(step, number=number, total=len(items)) for number, step in enumerate(items, start=1)
    ]


def run(
    all_steps: list[Step],
    prompter: Prompter,
    on_answer: Callable[[dict[str, AnswerValue]], None] | None = None,
) -> dict[str, AnswerValue]:
    """Ask every step in order; ``on_answer`` sees the answers after each one."""
    answers: dict[str, AnswerValue] = {}
    for step in all_steps:
        for intro in step.intros:
            prompter.show_intro(intro)
        answers[step.id] = prompter.ask(step, answers.get(step.id))
        if on_answer is not None:
            on_answer(answers)
    return answers
