"""The answers file: its documented shape, mode 0600, and an atomic write."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from krmscan import answers, take
from krmscan.errors import BadDataError
from krmscan.messages import DUTCH
from krmscan.prompts import PlainPrompter
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import REPO, plain_lines, sample_answers

ISO_WITH_OFFSET = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


@pytest.fixture
def time_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run in a POSIX time zone (no tz database needed): ``UTC0`` or ``CET-1`` (UTC+1)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def taken_in_process(shipped: LoadedQuestionnaire, out: Path) -> take.Taken:
    """A whole scan through the real plain prompter, reading its lines from memory."""
    given = sample_answers(shipped.questionnaire)
    lines = "".join(f"{line}\n" for line in plain_lines(shipped.questionnaire, given))
    console = Console(file=io.StringIO(), width=80)
    prompter = PlainPrompter(shipped.questionnaire, DUTCH, console, io.StringIO(lines))
    return take.take(shipped, prompter, out)


@pytest.mark.parametrize(
    ("time_zone", "offset"),
    [("UTC0", "+00:00"), ("CET-1", "+01:00")],
    indirect=["time_zone"],
)
def test_documented_shape(
    shipped: LoadedQuestionnaire, tmp_path: Path, time_zone: str, offset: str
) -> None:
    before = datetime.now().astimezone()
    taken_in_process(shipped, tmp_path / "a.json")
    after = datetime.now().astimezone()
    data = json.loads((tmp_path / "a.json").read_text("utf-8"))

    assert list(data) == [
        "format",
        "format_version",
        "questionnaire",
        "started_at",
        "completed_at",
        "answers",
    ]
    assert data["format"] == "krmscan-answers"
    assert data["format_version"] == 1
    assert data["questionnaire"] == {
        "id": "medewerkerscan_krm",
        "version": "1",
        "sha256": hashlib.sha256((REPO / "questionnaire.yaml").read_bytes()).hexdigest(),
    }
    for key in ("started_at", "completed_at"):
        assert ISO_WITH_OFFSET.fullmatch(data[key]), data[key]
        assert data[key].endswith(offset), time_zone
        moment = datetime.fromisoformat(data[key])
        assert before - timedelta(seconds=1) <= moment <= after
    assert data["started_at"] <= data["completed_at"]

    questionnaire = shipped.questionnaire
    ids = [q.id for q in questionnaire.questions] + [s.id for s in questionnaire.statements]
    assert list(data["answers"]) == ids  # keyed by id, in questionnaire order
    assert data["answers"]["organisatie"] == "Woonstede"
    assert data["answers"]["krm_is"] == ["over_nadenken"]
    assert data["answers"]["krm_doelen"] == [
        "doel_verkoop_aanvullende_dienstverlening",
        {"id": "doel_anders", "text": "eigen tekst bij krm_doelen"},
    ]
    assert data["answers"]["gevoelsmatige_ambitie"] == "klantgedreven"
    assert data["answers"]["strategie_huurders_centraal"] == "oneens"


def test_text_is_utf8_and_readable(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    given = sample_answers(shipped.questionnaire, organisation="Wóonstede — Zuid")
    path = tmp_path / "a.json"
    answers.save(path, answers.build(shipped, given, _moment(), _moment()))
    raw = path.read_bytes()
    assert "Wóonstede — Zuid".encode() in raw  # not \\u-escaped
    assert raw.endswith(b"}\n")
    loaded = answers.load(path, shipped)
    assert loaded.file.answers["organisatie"] == "Wóonstede — Zuid"
    assert loaded.warnings == ()


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_mode_is_0600(shipped: LoadedQuestionnaire, tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        new = tmp_path / "new.json"
        taken_in_process(shipped, new)
        existing = tmp_path / "existing.json"
        existing.write_text("{}")
        existing.chmod(0o644)
        answers.save(existing, _file(shipped))
    finally:
        os.umask(previous)
    for path in (new, existing):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def _moment() -> datetime:
    return datetime(2026, 11, 27, 10, 0).astimezone()


def _file(shipped: LoadedQuestionnaire) -> answers.AnswersFile:
    return answers.build(shipped, sample_answers(shipped.questionnaire), _moment(), _moment())


@pytest.mark.parametrize("failing", ["fchmod", "fsync", "replace"])
def test_failed_write_keeps_the_previous_file(
    shipped: LoadedQuestionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text("the previous answers\n")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path if failing == "replace" else os, failing, fail)

    with pytest.raises(BadDataError) as raised:
        answers.save(path, _file(shipped))
    assert raised.value.message == f"{path}: cannot write: No space left on device"
    monkeypatch.undo()
    assert path.read_text() == "the previous answers\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temporary file left


def test_interrupted_write_leaves_no_temporary_file(
    shipped: LoadedQuestionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"

    def interrupt(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        answers.save(path, _file(shipped))
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_the_temporary_file_is_written_next_to_the_target(
    shipped: LoadedQuestionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename is atomic only within one file system: the temporary file shares the folder."""
    seen: list[tuple[Path, bytes, int]] = []
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:
        seen.append((self, self.read_bytes(), stat.S_IMODE(self.stat().st_mode)))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    path = tmp_path / "a.json"
    answers.save(path, _file(shipped))
    [(temporary, content, mode)] = seen
    assert temporary.parent == tmp_path
    assert temporary.name.startswith(".krmscan-")  # short, whatever the target's name
    assert len(temporary.name) < 32
    assert content == path.read_bytes()  # complete before the rename
    assert mode == 0o600  # private before it has its final name
