"""Terminal realities: 80 and 60 columns, NO_COLOR, TERM=dumb and a non-UTF-8 output."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from krmscan import flow, render
from krmscan.answers import AnswerValue
from krmscan.flow import Intro
from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.resume_support import as_json
from tests.support import KRMSCAN, plain_lines, run_krmscan, sample_answers

BOX_DRAWING = re.compile("[\u2500-\u257f]")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])(;[0-9]+)*m")


@pytest.fixture
def answers(shipped: LoadedQuestionnaire) -> dict[str, AnswerValue]:
    return sample_answers(shipped.questionnaire)


def overview(shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], width: int) -> str:
    walk = flow.Walk(flow.steps(shipped.questionnaire), answers)
    console = Console(file=io.StringIO(), width=width, color_system=None)
    sections = render.review_lines(shipped.questionnaire, walk.overview(), DUTCH)
    console.print(render.ReviewTable(list(sections), DUTCH))
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.mark.parametrize("width", [80, 60, 40])
def test_the_overview_fits_and_cuts_no_answer(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], width: int
) -> None:
    shown = overview(shipped, answers, width)
    assert all(len(line.rstrip()) <= width for line in shown.splitlines())
    words = shown.split()
    for step in flow.steps(shipped.questionnaire):
        answer = render.answer_text(shipped.questionnaire, step, answers[step.id], DUTCH)
        for word in answer.split():
            assert word in words, (word, width)  # whole words: wrapped, never cut
    for title in [c.name for c in shipped.questionnaire.components]:
        assert title in shown


def test_typed_answers_in_the_overview_are_shown_as_typed(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue]
) -> None:
    """A typed text is never rich markup: ``[/]`` would otherwise stop the overview."""
    typed = {**answers, "naam": "[/] en [b]vet[/b]", "organisatie": "Woon :smile:"}
    shown = overview(shipped, typed, 80)
    assert "[/] en [b]vet[/b]" in shown
    assert "Woon :smile:" in shown


def test_the_overview_shortens_statements_at_a_word(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue]
) -> None:
    shown = overview(shipped, answers, 80)
    statement = shipped.questionnaire.statements[0].text
    row = next(line for line in shown.splitlines() if line.lstrip().startswith("9 "))
    short = row.split("  ")[1].strip() if "  " in row else row
    assert short.endswith(" ...")
    assert statement.startswith(short[: -len(" ...")])
    assert statement[len(short) - 4] == " "  # cut before a word, not inside one
    assert row.rstrip().endswith("Oneens")


def test_boxes_fall_back_to_ascii(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    console = Console(file=io.StringIO(), width=60, color_system=None)
    console.print(render.intro_panel(Intro("Strategie", "Een tekst die past.")))
    assert isinstance(console.file, io.StringIO)
    assert not BOX_DRAWING.search(console.file.getvalue())
    assert console.file.getvalue().startswith("+- Strategie ---")
    monkeypatch.setenv("TERM", "xterm-256color")
    assert not render.ascii_only()


def test_titles_from_the_questionnaire_are_shown_as_typed(shipped: LoadedQuestionnaire) -> None:
    """Square brackets and colons in a title are text, not rich markup or emoji codes."""
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(render.intro_panel(Intro("Profiel [optioneel] :smile: [/]", "Tekst.")))
    level = shipped.questionnaire.levels[0].model_copy(update={"name": "Type [b]A[/b]"})
    levels = [level, *shipped.questionnaire.levels[1:]]
    console.print(
        render.result_legend(shipped.questionnaire.model_copy(update={"levels": levels}), DUTCH)
    )
    assert isinstance(console.file, io.StringIO)
    shown = console.file.getvalue()
    assert "Profiel [optioneel] :smile: [/]" in shown
    assert "Type [b]A[/b]" in shown


def test_score_under_term_dumb_and_latin_1(
    shipped: LoadedQuestionnaire, answers: dict[str, AnswerValue], tmp_path: Path
) -> None:
    out = tmp_path / "a.json"
    typed = "".join(f"{line}\n" for line in plain_lines(shipped.questionnaire, answers))
    assert run_krmscan("take", "-o", out, input=typed).returncode == 0
    for env in ({"TERM": "dumb"}, {"PYTHONIOENCODING": "latin-1"}):
        scored = run_krmscan("score", out, env={**env, "COLUMNS": "80"})
        assert scored.returncode == 0, scored.stderr
        assert not BOX_DRAWING.search(scored.stdout)
        assert "-----" in scored.stdout


def spawn(
    *args: str, env: dict[str, str], columns: int = 80, encoding: str = "utf-8"
) -> pexpect.spawn:
    environment = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", **env}
    environment.pop("COLUMNS", None)
    return pexpect.spawn(
        str(KRMSCAN),
        list(args),
        env=environment,
        encoding=encoding,
        dimensions=(24, columns),
        timeout=20,
    )


def prompt(child: pexpect.spawn, wanted: str | type[pexpect.EOF] = "> ") -> str:
    """What is printed up to ``wanted``, each page of it turned with Enter on the way."""
    shown = ""
    while child.expect_exact([wanted, DUTCH.page_next]) == 1:
        shown += child.before
        child.sendline("")
    return shown + child.before


def test_no_colour_under_no_color(tmp_path: Path) -> None:
    child = spawn("take", "-o", str(tmp_path / "a.json"), env={"TERM": "xterm-256color"})
    child.expect_exact(DUTCH.welcome_start)  # the welcome's key hint is drawn dim grey
    coloured = child.before + child.after
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child = spawn(
        "take", "-o", str(tmp_path / "a.json"), env={"TERM": "xterm-256color", "NO_COLOR": "1"}
    )
    child.expect_exact(DUTCH.welcome_start)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    plain = child.before
    assert ANSI_COLOUR.search(coloured)  # the check can fail: colour is there without NO_COLOR
    assert not ANSI_COLOUR.search(plain)
    assert "Afgebroken" in plain


@pytest.mark.parametrize(
    "env",
    [{"TERM": "dumb"}, {"TERM": "xterm-256color", "PYTHONIOENCODING": "latin-1"}],
    ids=["TERM=dumb", "latin-1"],
)
def test_a_dumb_or_not_utf8_terminal_gets_plain_mode_with_the_overview(
    shipped: LoadedQuestionnaire,
    answers: dict[str, AnswerValue],
    tmp_path: Path,
    env: dict[str, str],
) -> None:
    out = tmp_path / "a.json"
    encoding = env.get("PYTHONIOENCODING", "utf-8")
    child = spawn("take", "-o", str(out), env=env, columns=60, encoding=encoding)
    for line in plain_lines(shipped.questionnaire, answers):
        prompt(child)
        child.sendline(line)
    child.expect_exact(DUTCH.review_title)
    overview_lines = prompt(child)
    child.sendline("")
    shown = prompt(child, pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)
    assert re.search(  # a wrapped row goes on under its text
        r" 43\. Werknemerstevredenheid \(op alle niveaus\) staat bij ons\r\n {5}hoog",
        overview_lines,
    )
    assert not BOX_DRAWING.search(overview_lines + shown)
    text = ANSI.sub("", overview_lines + shown)
    long = [line for line in text.splitlines() if len(line) > 60]
    assert all(str(out) in line for line in long)  # only a path stays whole, to copy it
