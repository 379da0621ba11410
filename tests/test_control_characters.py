"""Property: control characters in data never reach an output; every export still opens.

Arbitrary text, C0 and C1 controls, DEL and bidirectional overrides included, goes into every
text field of a questionnaire (titles, questions, options, levels, components, statements)
and of answers files (organisation, name, "other" texts, file names, a bad option id that ends
up in a "skipped" reason); file names also hold bytes that are no UTF-8 (Python's lone
surrogates), which no output can carry as they are. Then the terminal tables, the stderr
notes, CSV, xlsx, JSON and the HTML report must carry none of those characters, and each
export must still open. Once, the same runs as a real process in a pseudo-terminal.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pexpect
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from krmscan import aggregate, cli, collect, export, questionnaire, render, scoring
from krmscan.answers import OtherAnswer, build, dump
from krmscan.messages import messages_for
from krmscan.questionnaire import LoadedQuestionnaire, MultipleChoiceQuestion, TextQuestion
from krmscan.report import document
from tests.support import KRMSCAN, sample_answers

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
MINI: dict[str, Any] = yaml.safe_load((CORPUS / "questionnaires" / "valid.yaml").read_text())
MINI["sections"][0]["questions"].insert(
    0, {"id": "name", "type": "text", "text": "Name", "required": False, "personal": True}
)
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]) + BIDI
FORBIDDEN = re.compile(f"[{re.escape(CONTROLS)}\ud800-\udfff]")
TEXT_FIELDS = {"title", "text", "name", "label", "intro", "hint", "description"}

nasty = st.text(
    alphabet=st.sampled_from(CONTROLS)
    | st.characters(exclude_categories=("Cs",), exclude_characters="\ufeff"),
    min_size=1,
    max_size=10,
)
names = st.lists(
    st.binary(max_size=6).map(lambda raw: raw.replace(b"/", b"").replace(b"\0", b"") + b"\xff"),
    min_size=3,
    max_size=3,
)
"""File names' own bytes, each with at least one that is no UTF-8."""
PROPERTY = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def brought(text: str, *, allowed: str = "\n") -> set[str]:
    """The control characters in ``text`` beyond ``allowed`` (line ends of the format)."""
    return {c for c in FORBIDDEN.findall(text) if c not in allowed}


def _filled(node: Any, texts: Iterator[str]) -> Any:
    """``node`` with every text field replaced by the next nasty text (never blank)."""
    if isinstance(node, list):
        return [_filled(item, texts) for item in node]
    if isinstance(node, dict):
        return {
            key: f"x{next(texts)}"
            if key in TEXT_FIELDS and isinstance(value, str)
            else _filled(value, texts)
            for key, value in node.items()
        }
    return node


def _questionnaire(texts: list[str]) -> LoadedQuestionnaire:
    cycle = iter(texts * 200)
    text = yaml.safe_dump(_filled(copy.deepcopy(MINI), cycle), allow_unicode=True)
    path = Path("nasty.yaml")
    parsed = questionnaire.parse(text, path)
    return LoadedQuestionnaire(parsed, path, hashlib.sha256(text.encode()).hexdigest())


def _write_answers(
    loaded: LoadedQuestionnaire, folder: Path, texts: list[str], raw_names: Sequence[bytes] = ()
) -> None:
    """Three answers files with nasty texts and names, and one refused for a nasty option id.

    ``raw_names`` adds bytes to the names (on Linux a name is any bytes but / and NUL).
    """
    survey = loaded.questionnaire
    for index, text in enumerate(texts[:3]):
        given = sample_answers(survey, organisation=f"x{text}", ambition=2)
        for question in survey.questions:
            if isinstance(question, TextQuestion) and not question.group:
                given[question.id] = text
            if isinstance(question, MultipleChoiceQuestion):
                other = next(o for o in question.options if o.other)
                given[question.id] = [OtherAnswer(id=other.id, text=f"x{text}")]
        moment = _moment()
        data = dump(build(loaded, given, moment, moment))
        name = re.sub(r"[\x00/]", "", text)[:20]
        raw = raw_names[index] if index < len(raw_names) else b""
        (folder / f"{index}{name}{os.fsdecode(raw)}.json").write_bytes(data)
    bad = json.loads(data)
    bad["answers"]["goals"] = [f"x{texts[-1]}"]
    (folder / "bad.json").write_text(json.dumps(bad), "utf-8")


def _moment() -> Any:
    from datetime import datetime, timezone

    return datetime(2026, 11, 27, 10, tzinfo=timezone.utc)


@contextlib.contextmanager
def _results(texts: list[str], raw_names: list[bytes]) -> Iterator[tuple[Any, Any, Any]]:
    loaded = _questionnaire(texts)
    with tempfile.TemporaryDirectory() as folder:
        _write_answers(loaded, Path(folder), texts, raw_names)
        collected = collect.collect([Path(folder)], loaded)
        results = aggregate.results(
            loaded.questionnaire,
            collected.respondents,
            min_group=1,
            include_personal=True,
            include_small=True,
        )
        yield loaded, collected, results


def _xlsx(results: Any, collected: Any) -> bytes:
    stream = io.BytesIO()
    export.to_xlsx(results, collected, stream)
    return stream.getvalue()


@PROPERTY
@given(st.lists(nasty, min_size=4, max_size=4), names)
def test_no_output_carries_a_control_character_from_the_data(
    texts: list[str], raw_names: list[bytes]
) -> None:
    with _results(texts, raw_names) as (loaded, collected, results):
        assert collected.skipped, "the refused file names its option id in a reason"
        messages = messages_for(loaded.questionnaire.language)
        screen = io.StringIO()
        console = render.SafeConsole(
            file=screen, width=80, force_terminal=True, color_system=None, highlight=False
        )
        console.print(render.organisation_views(results, messages))
        one = collected.respondents[0]
        result = scoring.Scorer(loaded.questionnaire).result(list(one.points), one.ambition)
        console.print(render.result_table(loaded.questionnaire, result, messages))
        assert not brought(screen.getvalue())

        errors = io.StringIO()
        with contextlib.redirect_stderr(errors):
            notes = [
                *render.collection_notes(collected, messages),
                *render.small_group_notes(results, messages),
            ]
            for line in notes:
                cli._note(line)
        assert texts[-1][:1] == "" or "bad.json" in errors.getvalue()
        assert not brought(errors.getvalue())

        csv_stream = io.StringIO()
        export.to_csv(results, csv_stream)
        csv_text = csv_stream.getvalue()
        assert not brought(csv_text, allowed="\r\n")
        assert "\\xff.json" in csv_text  # a name's byte that is no UTF-8, shown as itself

        cells = [
            cell.value
            for sheet in load_workbook(io.BytesIO(_xlsx(results, collected))).worksheets
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, str)
        ]
        assert cells
        assert not brought("".join(cells), allowed="")

        json_text = "".join(export.json_chunks(results, collected))
        assert not brought(json_text)
        assert json.loads(json_text)["organisations"]
        assert all(r["file"].endswith("\\xff.json") for r in json.loads(json_text)["respondents"])


@settings(max_examples=3, deadline=None)
@given(st.lists(nasty, min_size=4, max_size=4), names)
def test_the_report_carries_no_control_character_from_the_data(
    texts: list[str], raw_names: list[bytes]
) -> None:
    with (
        _results(texts, raw_names) as (_loaded, collected, results),
        tempfile.TemporaryDirectory() as out,
    ):
        target = Path(out) / "rapport.html"
        job = document.plan(
            results,
            collected,
            output=target,
            split=None,
            file_format=None,
            include_small=True,
            invited=None,
            invited_source="",
            template_dir=None,
            whole_run=True,
        )
        document.run(job)
        page = target.read_text(encoding="utf-8")
        assert not brought(page)
        assert page.startswith("<!DOCTYPE html>")


def test_a_terminal_sees_no_escape_sequence_from_the_data(tmp_path: Path) -> None:
    """The real program in a pseudo-terminal: only rich's own colour codes reach it."""
    evil = (
        "Evil\x1b]0;pwned\x07\x1b]52;c;QUFB\x07\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\u202e\x9b2J"
    )
    texts = [evil, evil, evil, "ok"]
    loaded = _questionnaire(["plain"])
    _write_answers(loaded, tmp_path, texts)
    yaml_path = tmp_path / "q.yaml"
    yaml_path.write_text(
        yaml.safe_dump(_filled(copy.deepcopy(MINI), iter([evil] * 200)), allow_unicode=True)
    )
    child = pexpect.spawn(
        str(KRMSCAN),
        ["score", "-q", str(yaml_path), str(tmp_path), "--min-group", "1"],
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "80"},
        dimensions=(24, 80),
        timeout=30,
    )
    raw = child.read().decode("utf-8")
    child.close()
    assert child.exitstatus == 1, raw  # bad.json and the answers to another questionnaire
    colours = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    assert "Evil" in colours
    assert not brought(colours, allowed="\r\n"), repr(colours[:400])


def test_the_arrow_key_prompts_show_no_override_or_escape_from_the_questionnaire(
    tmp_path: Path,
) -> None:
    """prompt_toolkit shows C0 and C1 characters as ``^[`` itself; krmscan adds the rest."""
    evil = "Evil\x1b]0;pwned\x07\u202e\u2067reversed"
    yaml_path = tmp_path / "q.yaml"
    yaml_path.write_text(
        yaml.safe_dump(_filled(copy.deepcopy(MINI), iter([evil] * 200)), allow_unicode=True)
    )
    child = pexpect.spawn(
        str(KRMSCAN),
        ["take", "-q", str(yaml_path), "-o", str(tmp_path / "a.json")],
        env={**os.environ, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"},
        dimensions=(24, 80),
        timeout=20,
    )
    child.expect("reversed")  # the first question is on the screen
    seen = (child.before or b"") + (child.after or b"")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    raw = (seen + (child.before or b"")).decode("utf-8", "replace")
    child.close()
    assert "\x1b]0;pwned" not in raw
    assert not set(BIDI) & set(raw)
