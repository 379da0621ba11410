"""The order of the scan and the moves through it, independent of any prompt library.

`steps` lays the questionnaire out as one list: every question, then every statement, each with
the introductions to show before it and its place in the whole. A `Walk` is the respondent's
place in that list: an answer moves on, `BACK` moves to the previous step (across sections too),
and after the last step the overview lets them pick any step to answer again before saving.
`run` drives a walk with any `Prompter` (questionary, plain lines, or a test double), so both
interfaces share one flow and it can be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
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
    section_id: str = ""
    section_title: str | None = None

    @property
    def id(self) -> str:
        """The id under which the answer is stored."""
        return self.item.id


class Navigation(Enum):
    """A prompter's reply that moves through the scan instead of answering."""

    BACK = "back"


BACK = Navigation.BACK
"""Go to the previous step (or, while changing an answer from the overview, back to it)."""


@dataclass(frozen=True)
class Save:
    """At the overview: the answers are right; save them."""


@dataclass(frozen=True)
class Change:
    """At the overview: answer the step at ``index`` again, then return to the overview."""

    index: int


@dataclass(frozen=True)
class Group:
    """The steps of one section or component with their answers, as the overview shows them."""

    title: str | None
    rows: tuple[tuple[Step, AnswerValue | None], ...]


class Prompter(Protocol):
    """Asks one step at a time; shows introductions and the overview."""

    def show_intro(self, intro: Intro) -> None:
        """Show a section's, component's or part's introduction."""

    def ask(
        self,
        step: Step,
        previous: AnswerValue | None,
        *,
        can_go_back: bool = False,
        to_overview: bool = False,
    ) -> AnswerValue | Navigation:
        """Ask ``step``: a valid answer (``previous`` preselected), or `BACK` if allowed.

        ``to_overview``: the step was picked at the overview, and `BACK` returns there.
        """

    def review(self, groups: Sequence[Group], total: int) -> Save | Change:
        """Show every answer grouped by section; return `Save` or the step to `Change`."""


def asked(
    questionnaire: Questionnaire, *, anonymous: bool = False, fixed: Collection[str] = ()
) -> list[Step]:
    """The steps a respondent is asked (without the personal ones when ``anonymous``).

    The ``fixed`` (preset) questions and statements are left out too.
    """
    return steps(questionnaire, skip=_personal if anonymous else None, fixed=fixed)


def _personal(question: Question) -> bool:
    return question.personal


def steps(
    questionnaire: Questionnaire,
    *,
    skip: Callable[[Question], bool] | None = None,
    fixed: Collection[str] = (),
) -> list[Step]:
    """Every question and statement in the order they are asked.

    ``skip`` leaves questions out, ``fixed`` the questions and statements of those ids (the
    presets); an introduction then comes before the first step that is asked.
    """
    items: list[Step] = []
    for section in questionnaire.sections:
        intros: tuple[Intro, ...] = ()
        if section.title or section.intro:
            intros = (Intro(section.title, section.intro),)
        for question in section.questions:
            if question.id in fixed or (skip is not None and skip(question)):
                continue
            items.append(
                Step(question, 0, 0, intros, section_id=section.id, section_title=section.title)
            )
            intros = ()
    for component in questionnaire.components:
        intros = (
            Intro(component.name, component.intro),
            *(Intro(part.title, part.intro) for part in component.parts),
        )
        for position, statement in enumerate(component.statements, start=1):
            if statement.id in fixed:
                continue
            note = component.footnote if "*" in statement.text else None
            items.append(
                Step(
                    statement,
                    0,
                    0,
                    intros,
                    component,
                    position,
                    note,
                    section_id=component.id,
                    section_title=component.name,
                )
            )
            intros = ()
    return [
        replace(step, number=number, total=len(items)) for number, step in enumerate(items, start=1)
    ]


class Walk:
    """Where the respondent is: the answers so far and the step being asked.

    ``index`` is the step being asked; ``len(steps)`` means every step is behind (the overview,
    or done when there is none). ``reviewing`` is set while a step picked at the overview is
    answered again: answering it, or going back, returns to the overview.
    """

    def __init__(
        self,
        all_steps: Sequence[Step],
        answers: Mapping[str, AnswerValue] | None = None,
        index: int = 0,
        *,
        skip_answered: bool = False,
    ) -> None:
        self.steps = list(all_steps)
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        self.index = max(0, min(index, len(self.steps)))
        self.skip_answered = skip_answered
        """Move on to the next unanswered step rather than the next step (for scripts)."""
        self.reviewing = False
        self.forward = True
        """Whether the current step was reached by moving on (its introductions are due)."""

    @property
    def current(self) -> Step | None:
        """The step being asked, or None at the end."""
        return self.steps[self.index] if self.index < len(self.steps) else None

    @property
    def can_go_back(self) -> bool:
        """Whether `back` moves anywhere."""
        return self.reviewing or 0 < self.index < len(self.steps)

    def first_unanswered(self) -> int:
        """The index of the first step without an answer (``len(steps)`` when none)."""
        return next(
            (i for i, step in enumerate(self.steps) if step.id not in self.answers),
            len(self.steps),
        )

    def answer(self, value: AnswerValue) -> None:
        """Record the current step's answer and move on (to the overview when reviewing)."""
        step = self.current
        if step is None:
            raise ValueError("no step to answer: the walk is at its end")
        self.answers[step.id] = value
        if self.reviewing:
            self.index = len(self.steps)
        elif self.skip_answered:
            self.index = self.first_unanswered()
        else:
            self.index += 1
        self.reviewing = False
        self.forward = True

    def back(self) -> None:
        """Go to the previous step; while reviewing, return to the overview unchanged."""
        if self.reviewing:
            self.index = len(self.steps)
            self.reviewing = False
        elif self.can_go_back:
            self.index -= 1
        self.forward = False

    def change(self, index: int) -> None:
        """From the overview: ask the step at ``index`` again."""
        if not 0 <= index < len(self.steps):
            raise ValueError(f"no step {index + 1}: there are {len(self.steps)}")
        self.index = index
        self.reviewing = True
        self.forward = False

    def ordered_answers(self) -> dict[str, AnswerValue]:
        """The answers in the order of the steps, after any preset for a question not asked."""
        asked = {step.id for step in self.steps}
        preset = {key: value for key, value in self.answers.items() if key not in asked}
        return preset | {
            step.id: self.answers[step.id] for step in self.steps if step.id in self.answers
        }

    def overview(self) -> list[Group]:
        """Every step with its answer, grouped by section and component, in order."""
        groups: list[Group] = []
        current: list[tuple[Step, AnswerValue | None]] = []
        for step in self.steps:
            if current and current[0][0].section_id != step.section_id:
                groups.append(Group(current[0][0].section_title, tuple(current)))
                current = []
            current.append((step, self.answers.get(step.id)))
        if current:
            groups.append(Group(current[0][0].section_title, tuple(current)))
        return groups


def run(
    all_steps: list[Step],
    prompter: Prompter,
    on_answer: Callable[[dict[str, AnswerValue]], None] | None = None,
    *,
    walk: Walk | None = None,
    review: bool = False,
    on_change: Callable[[Walk], None] | None = None,
) -> dict[str, AnswerValue]:
    """Walk the steps until every one is answered (and, with ``review``, the overview saves).

    ``walk`` continues a walk (e.g. resumed from saved progress); ``on_answer`` sees the answers
    after each answer, ``on_change`` the walk after every move (answer, back, change).
    """
    walk = walk or Walk(all_steps)
    while True:
        if walk.current is not None:
            _ask(walk, walk.current, prompter, on_answer)
        elif walk.first_unanswered() < len(walk.steps):
            walk.index, walk.forward = walk.first_unanswered(), True
            continue
        elif not review:
            return walk.ordered_answers()
        else:
            choice = prompter.review(walk.overview(), len(walk.steps))
            if isinstance(choice, Save):
                return walk.ordered_answers()
            walk.change(choice.index)
        if on_change is not None:
            on_change(walk)


def _ask(
    walk: Walk,
    step: Step,
    prompter: Prompter,
    on_answer: Callable[[dict[str, AnswerValue]], None] | None,
) -> None:
    """Ask the current step (after its introductions when moving on) and move the walk."""
    if walk.forward:
        for intro in step.intros:
            prompter.show_intro(intro)
    reply = prompter.ask(
        step,
        walk.answers.get(step.id),
        can_go_back=walk.can_go_back,
        to_overview=walk.reviewing,
    )
    if isinstance(reply, Navigation):
        walk.back()
        return
    walk.answer(reply)
    if on_answer is not None:
        on_answer(walk.answers)
