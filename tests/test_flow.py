"""The flow without a terminal: moving on, going back across sections, the overview."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from krmscan import flow
from krmscan.answers import AnswerValue
from krmscan.flow import BACK, Change, Group, Intro, Navigation, Save, Step, Walk
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import sample_answers


class Scripted:
    """A prompter that replies from a script and records what it was shown."""

    def __init__(self, replies: Sequence[object]) -> None:
        self.replies = list(replies)
        self.asked: list[tuple[str, AnswerValue | None, bool]] = []
        self.intros: list[str | None] = []
        self.to_overview: list[bool] = []
        self.reviews: list[tuple[int, int]] = []

    def show_intro(self, intro: Intro) -> None:
        self.intros.append(intro.title)

    def ask(
        self,
        step: Step,
        previous: AnswerValue | None,
        *,
        can_go_back: bool = False,
        to_overview: bool = False,
    ) -> AnswerValue | Navigation:
        self.asked.append((step.id, previous, can_go_back))
        self.to_overview.append(to_overview)
        reply = self.replies.pop(0)
        if callable(reply):
            return reply(step)  # type: ignore[no-any-return]
        return reply  # type: ignore[return-value]

    def review(self, groups: Sequence[Group], total: int) -> Save | Change:
        self.reviews.append((len(groups), total))
        reply = self.replies.pop(0)
        assert isinstance(reply, Save | Change)
        return reply


@pytest.fixture
def all_steps(shipped: LoadedQuestionnaire) -> list[Step]:
    return flow.steps(shipped.questionnaire)


@pytest.fixture
def answers(shipped: LoadedQuestionnaire) -> dict[str, AnswerValue]:
    return sample_answers(shipped.questionnaire)


def boundary(all_steps: list[Step]) -> int:
    """The index of the first step of the second section (the ambition question)."""
    return next(i for i, s in enumerate(all_steps) if s.section_id != all_steps[0].section_id)


def test_back_crosses_sections_and_keeps_answers(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    first_statement = next(i for i, s in enumerate(all_steps) if s.component is not None)
    walk = Walk(all_steps)
    for step in all_steps[: first_statement + 1]:
        walk.answer(answers[step.id])
    for _ in range(3):  # statement 2 -> statement 1 -> ambition -> last profile question
        walk.back()
    assert walk.index == first_statement - 2
    assert all_steps[walk.index].section_id != all_steps[walk.index + 1].section_id
    assert not walk.forward
    assert walk.answers == {s.id: answers[s.id] for s in all_steps[: first_statement + 1]}
    walk.answer(answers[all_steps[walk.index].id])
    assert walk.index == first_statement - 1 and walk.forward


def test_cannot_go_back_from_the_first_step(all_steps: list[Step]) -> None:
    walk = Walk(all_steps)
    assert not walk.can_go_back
    walk.back()
    assert walk.index == 0


def test_change_from_the_overview_returns_to_it(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    walk = Walk(all_steps, answers, index=len(all_steps))
    assert walk.current is None and not walk.can_go_back
    walk.change(20)
    assert walk.reviewing and walk.can_go_back and walk.current == all_steps[20]
    walk.answer("eens")
    assert walk.current is None and not walk.reviewing
    assert walk.answers[all_steps[20].id] == "eens"
    walk.change(3)
    walk.back()  # back while changing: the overview again, the answer unchanged
    assert walk.current is None and walk.answers == {**answers, all_steps[20].id: "eens"}
    with pytest.raises(ValueError, match="no step 44"):
        walk.change(len(all_steps))


def test_overview_groups_by_section_and_component(
    shipped: LoadedQuestionnaire, all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    groups = Walk(all_steps, answers).overview()
    q = shipped.questionnaire
    assert [g.title for g in groups] == [
        *(s.title for s in q.sections),
        *(c.name for c in q.components),
    ]
    assert [step.id for g in groups for step, _ in g.rows] == [s.id for s in all_steps]
    assert all(value == answers[step.id] for g in groups for step, value in g.rows)


def test_first_unanswered_and_ordered_answers(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    some = {s.id: answers[s.id] for s in reversed(all_steps[:5])}
    walk = Walk(all_steps, some)
    assert walk.first_unanswered() == 5
    assert list(walk.ordered_answers()) == [s.id for s in all_steps[:5]]


def test_run_goes_back_over_a_section_boundary_and_on(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    cut = boundary(all_steps)  # the ambition question opens the second section
    replies: list[object] = [answers[s.id] for s in all_steps[: cut + 1]]
    replies += [BACK, BACK]  # from the first statement back to the last profile question
    replies += [lambda step: answers[step.id]] * (len(all_steps) - cut + 1)
    prompter = Scripted(replies)
    result = flow.run(all_steps, prompter)
    assert result == answers
    revisited = prompter.asked[cut + 2 : cut + 4]
    assert [(i, p) for i, p, _ in revisited] == [
        (all_steps[cut].id, answers[all_steps[cut].id]),  # the earlier answer is offered
        (all_steps[cut - 1].id, answers[all_steps[cut - 1].id]),
    ]
    assert prompter.asked[0][2] is False and all(back for _, _, back in prompter.asked[1:])
    # introductions come when moving on, not when going back
    assert prompter.intros.count(all_steps[cut].section_title) == 2


def test_run_reviews_changes_then_saves(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    saves: list[int] = []
    replies: list[object] = [lambda step: answers[step.id]] * len(all_steps)
    replies += [Change(20), "eens", Change(30), BACK, Save()]
    prompter = Scripted(replies)
    result = flow.run(
        all_steps, prompter, review=True, on_change=lambda walk: saves.append(len(walk.answers))
    )
    assert result == {**answers, all_steps[20].id: "eens"}
    assert prompter.reviews == [(7, len(all_steps))] * 3
    assert prompter.to_overview == [False] * len(all_steps) + [True, True]
    assert len(saves) == len(all_steps) + 4  # every move is saved (answers, changes, back)


def test_run_without_review_ends_after_the_last_answer(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    prompter = Scripted([lambda step: answers[step.id]] * len(all_steps))
    assert flow.run(all_steps, prompter) == answers
    assert prompter.reviews == []


def test_a_resumed_walk_starts_where_it_was(
    all_steps: list[Step], answers: dict[str, AnswerValue]
) -> None:
    some = {s.id: answers[s.id] for s in all_steps[:20]}
    walk = Walk(all_steps, some, index=20)
    prompter = Scripted([lambda step: answers[step.id]] * (len(all_steps) - 20))
    assert flow.run(all_steps, prompter, walk=walk) == answers
    assert prompter.asked[0][0] == all_steps[20].id


def test_skip_leaves_questions_out(shipped: LoadedQuestionnaire) -> None:
    kept = flow.steps(shipped.questionnaire, skip=lambda q: q.personal)
    personal = {q.id for q in shipped.questionnaire.questions if q.personal}
    assert personal and not personal & {s.id for s in kept}
    assert [s.number for s in kept] == list(range(1, len(kept) + 1))
    assert kept[0].intros == flow.steps(shipped.questionnaire)[0].intros
