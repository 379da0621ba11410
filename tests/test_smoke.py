"""The README's promise in one test: the installed command takes a typed form and scores it."""

from __future__ import annotations

import json
from pathlib import Path

from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import plain_lines, run_krmscan, sample_answers


def test_plain_take_then_score(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    answers = sample_answers(shipped.questionnaire)
    typed = "\n".join(plain_lines(shipped.questionnaire, answers)) + "\n"
    out = tmp_path / "a.json"
    taken = run_krmscan("take", "-o", out, input=typed)
    assert taken.returncode == 0, taken.stderr
    saved = json.loads(out.read_text("utf-8"))
    assert saved["answers"] == json.loads(json.dumps({k: _plain(v) for k, v in answers.items()}))
    scored = run_krmscan("score", out, "--format", "json")
    assert scored.returncode == 0, scored.stderr
    assert [c["id"] for c in json.loads(scored.stdout)["components"]] == [
        c.id for c in shipped.questionnaire.components
    ]


def _plain(value: object) -> object:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.model_dump() if hasattr(value, "model_dump") else value
