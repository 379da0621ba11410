"""`take` driven in process through the real questionary prompts, keys fed from a pipe.

Keys: a select takes arrows or its shortcut digit, then Enter; a checkbox toggles the option
under the pointer with space, Enter submits; a text prompt takes the typed text and Enter.
Every test closes the pipe after its keys, so a prompt that wants more keys ends the test
with an error instead of hanging.
"""

from __future__ import annotations

import io
import json
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput
from rich.console import Console

from krmscan import flow, take
from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.errors import InputEndedError, InterruptedByUser
from krmscan.messages import DUTCH
from krmscan.prompts import QuestionaryPrompter
from krmscan.questionnaire import LoadedQuestionnaire

DOWN, UP, SPACE, ENTER = "\x1b[B", "\x1b[A", " ", "\r"
CTRL_U, CTRL_C = "\x15", "\x03"  # erase the typed line; interrupt


def prompter(shipped: LoadedQuestionnaire) -> tuple[QuestionaryPrompter, io.StringIO]:
    """A prompter on a screen tall enough that each step's introductions are one page."""
    screen = io.StringIO()
    console = Console(file=screen, width=80, height=200, color_system=None)
    return QuestionaryPrompter(shipped.questionnaire, DUTCH, console), screen


def ask(
    shipped: LoadedQuestionnaire, keys: PipeInput, ids: list[str], typed: str
) -> dict[str, AnswerValue]:
    """Ask only the steps with these ids (in questionnaire order), typing ``typed``."""
    return ask_seen(shipped, keys, ids, typed)[0]


PROMPTED = io.StringIO()
"""What the prompts themselves drew (their text, a refused answer's reason), as plain text."""


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """conftest's real prompts on a pipe, their output kept in `PROMPTED`."""
    PROMPTED.seek(0)
    PROMPTED.truncate()
    output = PlainTextOutput(PROMPTED)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        yield pipe


def ask_seen(
    shipped: LoadedQuestionnaire, keys: PipeInput, ids: list[str], typed: str
) -> tuple[dict[str, AnswerValue], str]:
    """`ask`, and what krmscan printed around the prompts and the prompts drew."""
    keys.send_text(typed)
    keys.close()
    chosen = [step for step in flow.steps(shipped.questionnaire) if step.id in ids]
    assert [step.id for step in chosen] == ids
    asking, screen = prompter(shipped)
    return flow.run(chosen, asking), screen.getvalue() + PROMPTED.getvalue()


@pytest.fixture
def validators(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Callable[[Any], Any]]]:
    """The validators krmscan hands to questionary, by prompt message (prompts stay real)."""
    seen: dict[str, Callable[[Any], Any]] = {}

    def spy(real: Callable[..., Any]) -> Callable[..., Any]:
        def prompt(message: str, *args: Any, **kwargs: Any) -> Any:
            if "validate" in kwargs:
                seen[message] = kwargs["validate"]
            return real(message, *args, **kwargs)

        return prompt

    monkeypatch.setattr(questionary, "checkbox", spy(questionary.checkbox))
    monkeypatch.setattr(questionary, "text", spy(questionary.text))
    yield seen


def statement_keys(shipped: LoadedQuestionnaire, points: list[int]) -> str:
    """Statements: alternately the shortcut digit and the arrow keys, each then Enter.

    Before each component's first statement its introductions take one Enter (one page).
    """
    firsts = {id(c.statements[0]) for c in shipped.questionnaire.components}
    typed = ""
    statements = shipped.questionnaire.statements
    for number, (statement, point) in enumerate(zip(statements, points, strict=True)):
        if id(statement) in firsts:
            typed += ENTER
        typed += (str(point + 1) if number % 2 else DOWN * point) + ENTER
    return typed


def test_full_run_saves_what_was_keyed(
    shipped: LoadedQuestionnaire, keys: PipeInput, tmp_path: Path
) -> None:
    questionnaire = shipped.questionnaire
    points = [(3 * i + i // 7) % 3 for i in range(len(questionnaire.statements))]
    typed = [
        ENTER,  # naam: left empty (optional)
        ENTER,  # organisatie: required, refused empty...
        "Woonstede Wonen" + ENTER,
        "alice@" + ENTER,  # e-mail: refused...
        CTRL_U + "alice@woonstede.nl" + ENTER,
        SPACE + DOWN + SPACE + DOWN + SPACE + ENTER,  # krm_is: a third tick refused...
        SPACE + ENTER,  # ...untick it: accepted
        DOWN + SPACE + DOWN * 6 + SPACE + ENTER,  # krm_doelen: 2nd and "Anders, namelijk"
        ENTER,  # its text: refused empty...
        "Minder klachten" + ENTER,
        SPACE + DOWN * 4 + SPACE + ENTER,  # krm_initiatief: 1st and 5th
        ENTER,  # krm_barrieres: none ticked, refused (at least 1)...
        DOWN * 7 + SPACE + ENTER,  # ...the 8th
        ENTER,  # the ambition section's introduction, one page
        DOWN * 3 + ENTER,  # ambition: the 4th, De partner in wonen
        statement_keys(shipped, points),
    ]
    keys.send_text("".join(typed))
    keys.close()
    ask_with, screen = prompter(shipped)
    out = tmp_path / "alice.json"

    taken = take.take(shipped, ask_with, out)

    assert taken.path == out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    saved = json.loads(out.read_text("utf-8"))
    scale = [point.id for point in questionnaire.scale]
    assert saved["answers"] == {
        "naam": "",
        "organisatie": "Woonstede Wonen",
        "email": "alice@woonstede.nl",
        "krm_is": ["over_nadenken", "al_veel_aan_doen"],
        "krm_doelen": [
            "doel_trouwe_huurders_belonen",
            {"id": "doel_anders", "text": "Minder klachten"},
        ],
        "krm_initiatief": ["init_directie", "init_decentraal"],
        "krm_barrieres": ["barriere_onbekendheid"],
        "gevoelsmatige_ambitie": "partner_in_wonen",
        **{s.id: scale[p] for s, p in zip(questionnaire.statements, points, strict=True)},
    }
    assert saved["questionnaire"]["sha256"] == shipped.sha256
    shown = screen.getvalue()
    prompted = PROMPTED.getvalue()
    for component in questionnaire.components:  # every introduction, in a panel
        assert f"╭─ {component.name} ─" in shown
        for part in component.parts:
            assert f"╭─ {part.title} ─" in shown
    assert re.search(r"Strategie 1/7 +vraag 9 van 43", shown)  # the header lines
    assert re.search(r"Operationeel management 7/7 +vraag 43 van 43", shown)
    assert "(maximaal 2 antwoorden mogelijk)" in shown
    for refused in (DUTCH.required, "Dit is geen geldig e-mailadres.", "Vul in wat u bedoelt"):
        assert refused in prompted  # in the prompt, under its question, wrapped at words


def test_prompts_share_one_set_of_default_key_bindings(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    """The latency fix holds: prompt_toolkit builds its ~500 default bindings once, not per prompt.

    Guards against a prompt_toolkit release that moves the name krmscan replaces; successive
    text prompts still edit with the shared bindings.
    """
    from prompt_toolkit.application import Application

    prompter(shipped)
    first, second = Application(), Application()
    assert first._default_bindings is second._default_bindings
    left, backspace = "\x1b[D", "\x7f"  # the shared bindings edit the typed text
    typed = "Aice" + left * 3 + "l" + ENTER + "Woonstedx" + backspace + "e" + ENTER
    assert ask(shipped, keys, ["naam", "organisatie"], typed) == {
        "naam": "Alice",
        "organisatie": "Woonstede",
    }


def test_third_choice_of_max_two_is_refused(
    shipped: LoadedQuestionnaire,
    keys: PipeInput,
    validators: dict[str, Callable[[Any], Any]],
) -> None:
    typed = SPACE + DOWN + SPACE + DOWN + SPACE + ENTER  # three ticked: the prompt stays
    typed += SPACE + ENTER  # the third unticked: accepted
    answers = ask(shipped, keys, ["krm_is"], typed)
    assert answers == {"krm_is": ["over_nadenken", "al_veel_aan_doen"]}
    validate = validators["KlantRelatieManagement (KRM) is:"]
    assert validate(["a", "b", "c"]) == "Kies maximaal 2 antwoorden."
    assert validate([]) == "Kies minimaal 1 antwoord."
    assert validate(["a", "b"]) is True


def test_three_choices_are_not_accepted_at_the_end_of_input(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    with pytest.raises(InputEndedError):
        ask(shipped, keys, ["krm_is"], SPACE + DOWN + SPACE + DOWN + SPACE + ENTER)


def test_other_option_asks_for_its_text(shipped: LoadedQuestionnaire, keys: PipeInput) -> None:
    typed = DOWN * 5 + SPACE + ENTER  # krm_initiatief: only "Overig"
    typed += ENTER + "  Huurdersvereniging  " + ENTER  # empty refused, then the text (trimmed)
    answers, shown = ask_seen(shipped, keys, ["krm_initiatief"], typed)
    assert answers == {
        "krm_initiatief": [OtherAnswer(id="init_overig", text="Huurdersvereniging")],
    }
    assert "Vul in wat u bedoelt met 'Overig'." in shown


def test_invalid_email_is_refused_then_a_valid_one_accepted(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    typed = "alice at woonstede" + ENTER + CTRL_U + "alice@woonstede.nl" + ENTER
    answers, shown = ask_seen(shipped, keys, ["email"], typed)
    assert answers == {"email": "alice@woonstede.nl"}
    assert DUTCH.invalid_email.split(".")[0] in shown
    assert max(map(len, shown.splitlines())) <= 80


def test_a_text_with_a_control_character_is_refused(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    pasted = "\x1b[200~Woon\x1b[2Jstede\x1b[201~"  # a paste keeps its escape character
    typed = pasted + ENTER + CTRL_U + "Woonstede" + ENTER
    answers, shown = ask_seen(shipped, keys, ["organisatie"], typed)
    assert answers == {"organisatie": "Woonstede"}
    assert DUTCH.control_characters in shown


def test_optional_name_left_empty_and_organisation_required(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    typed = ENTER + ENTER + "   " + ENTER + CTRL_U + "Woonstede" + ENTER
    answers, shown = ask_seen(shipped, keys, ["naam", "organisatie"], typed)
    assert answers == {"naam": "", "organisatie": "Woonstede"}
    assert shown.count("Dit antwoord is verplicht.") == 2


def test_ambition_and_statement_by_arrows_and_digits(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    first, second = (s.id for s in shipped.questionnaire.statements[:2])
    typed = ENTER + DOWN * 3 + UP + ENTER  # past its introduction, the 3rd ambition
    typed += ENTER + "3" + ENTER + "2" + ENTER  # past Strategie's, Eens, Neutraal by digits
    answers = ask(shipped, keys, ["gevoelsmatige_ambitie", first, second], typed)
    assert answers == {"gevoelsmatige_ambitie": "klantgedreven", first: "eens", second: "neutraal"}


def test_ctrl_c_interrupts_and_keeps_progress(
    shipped: LoadedQuestionnaire, keys: PipeInput, tmp_path: Path
) -> None:
    keys.send_text("Alice" + ENTER + CTRL_C)
    keys.close()
    with pytest.raises(InterruptedByUser) as raised:
        take.take(shipped, prompter(shipped)[0], tmp_path / "a.json")
    assert f"krmscan take --resume -o {tmp_path / 'a.json'}" in raised.value.message
    assert [p.name for p in tmp_path.iterdir()] == ["a.json.partial"]  # no answers file


def test_end_of_input_writes_no_answers_file(
    shipped: LoadedQuestionnaire, keys: PipeInput, tmp_path: Path
) -> None:
    keys.send_text("Alice" + ENTER + "Woonstede" + ENTER)
    keys.close()
    with pytest.raises(InputEndedError):
        take.take(shipped, prompter(shipped)[0], tmp_path / "a.json")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json.partial"]


def test_multiple_choice_ticks_by_number_and_ignores_a_and_i(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    """questionary's ``a`` (tick all) and ``i`` (invert) would tick five of a "maximaal 2"."""
    typed = "a" + "i" + "1" + "3" + "3" + "3" + ENTER  # 3 ticked, unticked, ticked again
    assert ask(shipped, keys, ["krm_is"], typed) == {"krm_is": ["over_nadenken", "goed_beheersen"]}


def test_an_answered_multiple_choice_shows_every_choice_wrapped(
    shipped: LoadedQuestionnaire, keys: PipeInput
) -> None:
    """The answered line above an "other" text names every ticked option, wrapped at words."""
    question = next(q for q in shipped.questionnaire.questions if q.id == "krm_doelen")
    typed = "1234567" + "8" + ENTER + "eigen doel" + ENTER  # every option, "other" last
    keys.send_text(typed)
    keys.close()
    asking, screen = prompter(shipped)
    answered = flow.run(
        [s for s in flow.steps(shipped.questionnaire) if s.id == "krm_doelen"], asking
    )
    shown = screen.getvalue()  # krmscan's own lines (the prompts' drawing holds cursor moves)
    texts = [option.text for option in question.options]  # type: ignore[union-attr]
    assert " ".join(", ".join(texts).split()) in " ".join(shown.split())
    assert [line for line in shown.splitlines() if len(line) > 80] == []
    assert answered["krm_doelen"][-1] == OtherAnswer(id="doel_anders", text="eigen doel")  # type: ignore[index]


def test_a_refused_count_wraps_on_the_bottom_line(
    shipped: LoadedQuestionnaire, keys: PipeInput, validators: dict[str, Callable[[Any], Any]]
) -> None:
    """Too many options: the reason under the list is wrapped at words, not cut."""
    keys.send_text("1" + ENTER)
    keys.close()
    step = next(s for s in flow.steps(shipped.questionnaire) if s.id == "krm_is")
    console = Console(file=io.StringIO(), width=24, height=200, color_system=None)
    flow.run([step], QuestionaryPrompter(shipped.questionnaire, DUTCH, console))
    (validate,) = validators.values()
    reason = validate(["a", "b", "c"])
    assert isinstance(reason, str) and "\n" in reason
    assert all(len(line) < 24 for line in reason.split("\n"))
    assert " ".join(reason.split()) == DUTCH.choices_limit(minimum=False, count=2)
