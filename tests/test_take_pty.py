"""One whole `krmscan take` in a real pseudo-terminal, answered with real keys (pexpect)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire, MultipleChoiceQuestion
from tests.support import KRMSCAN

DOWN, SPACE, ENTER = "\x1b[B", " ", "\r"
FIRST_TEXT = DUTCH.text_hint  # the first question has no way back
TEXT = DUTCH.text_back_hint


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[pexpect.spawn]:
    env = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    child = pexpect.spawn(
        str(KRMSCAN),
        ["take", "-o", str(tmp_path / "a.json")],
        env=env,
        cwd=str(tmp_path),
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=30,
    )
    yield child
    child.close(force=True)


def answer(child: pexpect.spawn, number: int, last: str, keys: str) -> None:
    """Wait for question ``number`` and the ``last`` text its prompt draws, then type ``keys``.

    The progress line comes before the prompt; the prompt's last line shows that questionary
    is drawn and reading keys (long lines may wrap, so short texts are awaited).
    """
    child.expect_exact(f"vraag {number} van 43")
    child.expect_exact(last)
    child.send(keys)


def last_option(shipped: LoadedQuestionnaire, number: int) -> str:
    """The last row a checkbox prompt draws: its last option, unticked."""
    question = shipped.questionnaire.questions[number - 1]
    assert isinstance(question, MultipleChoiceQuestion)
    return f"○ {question.options[-1].text}"


def test_take_in_a_real_terminal(
    terminal: pexpect.spawn, tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    child = terminal
    answer(child, 1, FIRST_TEXT, "Alice de Vries" + ENTER)
    answer(child, 2, TEXT, "Woonstede" + ENTER)
    answer(child, 3, TEXT, "alice@" + ENTER)
    child.expect_exact(DUTCH.invalid_email.split(".")[0])  # shown under the prompt
    child.send("\x15alice@woonstede.nl" + ENTER)
    answer(child, 4, last_option(shipped, 4), SPACE + DOWN + DOWN + SPACE + ENTER)
    answer(child, 5, last_option(shipped, 5), DOWN * 7 + SPACE + ENTER)
    child.expect_exact("Anders, namelijk:")
    child.send("Minder klachten" + ENTER)
    answer(child, 6, last_option(shipped, 6), SPACE + ENTER)
    answer(child, 7, last_option(shipped, 7), DOWN + SPACE + ENTER)
    child.expect_exact("De gevoelsmatige ambitie van de corporatie")  # the section's panel
    answer(child, 8, "4) De partner in wonen", DOWN + DOWN + ENTER)
    scale = [point.id for point in shipped.questionnaire.scale]
    chosen = {}
    for index, statement in enumerate(shipped.questionnaire.statements):
        point = (index + index // 7) % 3
        chosen[statement.id] = scale[point]
        answer(
            child, 9 + index, f"3) {shipped.questionnaire.scale[2].label}", str(point + 1) + ENTER
        )
    child.expect_exact(DUTCH.review_title)  # the overview before saving
    child.expect_exact(DUTCH.review_change)  # its last choice is drawn: keep the default, save
    child.send(ENTER)
    child.expect_exact(DUTCH.overall)  # the result table's last row
    child.expect_exact(DUTCH.saved.format(path=tmp_path / "a.json"))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    out = tmp_path / "a.json"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text("utf-8"))["answers"] == {
        "naam": "Alice de Vries",
        "organisatie": "Woonstede",
        "email": "alice@woonstede.nl",
        "krm_is": ["over_nadenken", "goed_beheersen"],
        "krm_doelen": [{"id": "doel_anders", "text": "Minder klachten"}],
        "krm_initiatief": ["init_directie"],
        "krm_barrieres": ["barriere_weerstand_frontoffice"],
        "gevoelsmatige_ambitie": "klantgedreven",
        **chosen,
    }
