"""Going back, the earlier answer preselected, and the overview, through the real prompts.

The arrow-key interface runs questionary on a pipe of keys (in process); plain mode reads
lines from a text stream.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from rich.console import Console

from krmscan import flow
from krmscan import take as taking
from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.errors import InputEndedError
from krmscan.flow import BACK
from krmscan.messages import DUTCH
from krmscan.prompts import PlainPrompter, QuestionaryPrompter
from krmscan.questionnaire import LoadedQuestionnaire
from tests.resume_support import BACKTAB, DOWN, ENTER, SPACE, as_json, prompt_keys
from tests.support import plain_lines, sample_answers


def arrow_prompter(shipped: LoadedQuestionnaire, screen: io.StringIO) -> QuestionaryPrompter:
    """On a screen tall enough that each step's introductions are one page (one Enter)."""
    console = Console(file=screen, width=80, height=200)
    return QuestionaryPrompter(shipped.questionnaire, DUTCH, console)


def arrow_keys(shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue]) -> list[str]:
    """The keys of each prompt, an Enter first where introductions come before it."""
    introduced = {step.item.text[:30] for step in flow.steps(shipped.questionnaire) if step.intros}
    return [
        (ENTER if text in introduced else "") + keys
        for text, keys in prompt_keys(shipped.questionnaire, answers)
    ]


def plain_prompter(
    shipped: LoadedQuestionnaire, lines: list[str], screen: io.StringIO
) -> PlainPrompter:
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    console = Console(file=screen, width=80, color_system=None)
    return PlainPrompter(shipped.questionnaire, DUTCH, console, stdin)


def saved(path: Path) -> dict[str, object]:
    return dict(json.loads(path.read_text("utf-8"))["answers"])


@pytest.fixture
def answers(shipped: LoadedQuestionnaire) -> dict[str, AnswerValue]:
    return sample_answers(shipped.questionnaire)


# The arrow-key interface.


def test_back_over_section_boundaries_and_forward_again(
    keys: PipeInput, shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    prompts = arrow_keys(shipped, answers)
    statements = len(shipped.questionnaire.statements)
    before = len(prompts) - statements  # prompts of the questions (with "other" texts)
    keys.send_text("".join(prompts[: before + 1]))  # ... the ambition, the first statement
    keys.send_text(f"4{ENTER}")  # statement 2: the visible "< Vorige vraag" choice
    keys.send_text(BACKTAB)  # statement 1 -> the ambition question (other section)
    keys.send_text(BACKTAB)  # ambition -> the barriers question (the profile section)
    keys.send_text(ENTER + ENTER)  # ticks kept; the "other" text prefilled: Enter keeps both
    keys.send_text(ENTER * 4)  # moving on: each introduction's page again, then Enter keeps
    keys.send_text("".join(prompts[before + 1 :]))
    keys.close()
    screen = io.StringIO()
    taken = taking.take(shipped, arrow_prompter(shipped, screen), tmp_path / "a.json")
    assert saved(taken.path) == as_json(answers)
    assert screen.getvalue().count("Strategie 2/7") == 2
    assert screen.getvalue().count("vraag 7 van 43") == 2


def test_review_change_one_statement_then_save(
    keys: PipeInput, shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    keys.send_text("".join(arrow_keys(shipped, answers)))
    target = flow.steps(shipped.questionnaire)[19]  # number 20, a statement answered "eens"
    assert answers[target.id] == "eens"
    # the overview's first page: 1) next page, 2) save, 3) change (a number)
    keys.send_text("3" + ENTER + ENTER)  # change, no number: the overview
    keys.send_text("3" + ENTER + "99" + ENTER + BACKTAB)  # 99 refused; Shift+Tab: overview
    keys.send_text("3" + ENTER + "2" + ENTER + BACKTAB)  # question 2, Shift+Tab: unchanged
    keys.send_text("3" + ENTER + "20" + ENTER)
    keys.send_text(f"1{ENTER}")  # statement 20 is now Oneens; back to the overview, at it:
    keys.send_text("2" + ENTER)  # "Ja, opslaan en afronden" (4 is the previous page here)
    keys.close()
    screen = io.StringIO()
    out = tmp_path / "a.json"
    taken = taking.take(shipped, arrow_prompter(shipped, screen), out, interactive=True)
    assert saved(taken.path) == as_json({**answers, target.id: "oneens"})
    shown = screen.getvalue()
    # the overview returns at the changed question, with a line that confirms the change
    assert DUTCH.review_changed.format(n=20, answer="Oneens") in shown
    assert "Vraag 2 is gewijzigd" not in shown  # Shift+Tab changed nothing
    last = shown.rsplit(DUTCH.review_title, 1)[1]
    assert f"{target.number}  {target.item.text[:20]}" in last  # the page holding question 20
    assert shown.count("vraag 2 van 43") == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def ask_one(
    keys: PipeInput,
    shipped: LoadedQuestionnaire,
    step_id: str,
    previous: AnswerValue | None,
    typed: str,
) -> object:
    """Ask one step through the real prompt, with ``typed`` keys."""
    keys.send_text(typed)
    keys.close()
    step = next(s for s in flow.steps(shipped.questionnaire) if s.id == step_id)
    return arrow_prompter(shipped, io.StringIO()).ask(step, previous, can_go_back=True)


@pytest.mark.parametrize(
    ("step_id", "typed"),
    [
        ("naam", ENTER),
        ("email", ENTER),
        ("krm_is", ENTER),
        ("krm_doelen", ENTER + ENTER),  # the ticks, then the "other" text prefilled
        ("gevoelsmatige_ambitie", ENTER),
        ("strategie_huurders_centraal", ENTER),
    ],
)
def test_the_earlier_answer_is_preselected(
    keys: PipeInput, shipped: LoadedQuestionnaire, step_id: str, typed: str
) -> None:
    earlier = sample_answers(shipped.questionnaire, ambition=4, statement_points=[2] * 35)
    assert ask_one(keys, shipped, step_id, earlier[step_id], typed) == earlier[step_id]


@pytest.mark.parametrize(
    ("step_id", "typed"),
    [
        ("naam", "Ali" + BACKTAB),
        ("krm_doelen", SPACE + BACKTAB),
        ("gevoelsmatige_ambitie", f"5{ENTER}"),  # the visible last choice
        ("strategie_huurders_centraal", DOWN * 3 + ENTER),  # the separator is skipped
        ("strategie_huurders_centraal", BACKTAB),
    ],
)
def test_every_prompt_goes_back(
    keys: PipeInput, shipped: LoadedQuestionnaire, step_id: str, typed: str
) -> None:
    assert ask_one(keys, shipped, step_id, None, typed) is BACK


def test_back_from_an_other_text_chooses_again(
    keys: PipeInput, shipped: LoadedQuestionnaire
) -> None:
    earlier = sample_answers(shipped.questionnaire)["krm_doelen"]
    assert isinstance(earlier, list) and isinstance(earlier[1], OtherAnswer)
    # keep the ticks; Shift+Tab at the text; untick the first option; Enter keeps the text
    typed = ENTER + BACKTAB + SPACE + ENTER + ENTER
    assert ask_one(keys, shipped, "krm_doelen", earlier, typed) == earlier[1:]


def test_the_first_question_offers_no_way_back(
    keys: PipeInput, shipped: LoadedQuestionnaire
) -> None:
    keys.send_text(BACKTAB + "Alice" + ENTER)  # Shift+Tab does nothing at the first question
    keys.close()
    prompter = arrow_prompter(shipped, io.StringIO())
    step = flow.steps(shipped.questionnaire)[0]
    assert prompter.ask(step, None, can_go_back=False) == "Alice"


# Plain mode.


def test_plain_back_over_a_section_boundary_and_empty_lines_keep(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    lines = plain_lines(shipped.questionnaire, answers)
    before = len(lines) - len(shipped.questionnaire.statements)
    typed = [*lines[: before + 1], "<", "terug", "TERUG", "", "", "", ""]
    typed += lines[before + 1 :]
    screen = io.StringIO()
    taken = taking.take(shipped, plain_prompter(shipped, typed, screen), tmp_path / "a.json")
    assert saved(taken.path) == as_json(answers)
    shown = screen.getvalue()
    assert "Enter = houden: Weerstand op managementniveau; Anders, namelijk: eigen" in shown
    assert "Enter = houden: De klantgedreven corporatie" in shown


def test_plain_first_question_cannot_go_back_and_dash_empties(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    answers = sample_answers(shipped.questionnaire)
    lines = plain_lines(shipped.questionnaire, answers)
    typed = ["<", *lines[:2], "<", "<", "-", "", *lines[2:]]  # naam emptied, organisatie kept
    screen = io.StringIO()
    taken = taking.take(shipped, plain_prompter(shipped, typed, screen), tmp_path / "a.json")
    assert saved(taken.path) == as_json({**answers, "naam": ""})
    assert screen.getvalue().count(DUTCH.plain_first_question) == 1


def test_plain_back_from_an_other_text(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    answers = sample_answers(shipped.questionnaire)
    lines = plain_lines(shipped.questionnaire, answers)
    index = lines.index("eigen tekst bij krm_doelen")
    typed = [*lines[:index], "<", "1", *lines[index + 1 :]]  # choose again: without "other"
    taken = taking.take(shipped, plain_prompter(shipped, typed, io.StringIO()), tmp_path / "a")
    assert saved(taken.path) == as_json(
        {**answers, "krm_doelen": ["doel_verkoop_aanvullende_dienstverlening"]}
    )


def test_plain_review_on_a_terminal(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    lines = plain_lines(shipped.questionnaire, answers)
    typed = [*lines, "0", "20", "<", "5", "", "20", "1", ""]
    screen = io.StringIO()
    prompter = plain_prompter(shipped, typed, screen)
    taken = taking.take(shipped, prompter, tmp_path / "a.json", interactive=True)
    target = flow.steps(shipped.questionnaire)[19]
    assert saved(taken.path) == as_json({**answers, target.id: "oneens"})
    shown = screen.getvalue()
    assert shown.count(DUTCH.review_title) == 1  # after a change: a confirmation only
    assert shown.count(DUTCH.review_changed.format(n=20, answer="Oneens")) == 1
    assert "Vraag 5 is gewijzigd" not in shown  # Enter kept it
    assert " 20. " in shown and "  5. Welk(e) doel(en)" in shown
    assert DUTCH.review_number_range.format(total=43) in shown
    assert f"; {DUTCH.plain_back_to_overview_hint})" in " ".join(shown.split())


def test_plain_piped_contract_is_one_line_per_prompt(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    lines = plain_lines(shipped.questionnaire, answers)
    with pytest.raises(InputEndedError):
        taking.take(shipped, plain_prompter(shipped, lines[:-1], io.StringIO()), tmp_path / "a")
    taken = taking.take(shipped, plain_prompter(shipped, lines, io.StringIO()), tmp_path / "b")
    assert saved(taken.path) == as_json(answers)
