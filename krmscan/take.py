"""Taking the scan: choose the prompter, walk the flow, save the answers file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from krmscan import answers, flow
from krmscan.answers import AnswersFile
from krmscan.errors import UsageError
from krmscan.questionnaire import LoadedQuestionnaire


@dataclass(frozen=True)
class Taken:
    """A finished scan and where it was saved."""

    path: Path
    file: AnswersFile


def check_output(output: Path | None, *, force: bool) -> None:
    """Refuse an output that exists (without ``force``) or whose folder is missing, up front."""
    if output is None:
        return
    if output.is_dir():
        raise UsageError(f"{output}: is a folder; give a file name such as {output}/answers.json")
    if output.exists() and not force:
        raise UsageError(f"{output}: exists; pass --force to overwrite it, or choose another -o")
    if not output.parent.is_dir():
        raise UsageError(f"{output.parent}: no such folder for the answers file")


def default_output(loaded: LoadedQuestionnaire, given: answers.Answers, now: datetime) -> Path:
    """``krmscan-<organisation>-<YYYYmmdd-HHMMSS>.json`` in the current folder, never existing."""
    group = loaded.questionnaire.group_question
    organisation = str(given.get(group.id, "")) if group else ""
    stem = "-".join(
        part for part in ("krmscan", slug(organisation), f"{now:%Y%m%d-%H%M%S}") if part
    )
    path = Path(f"{stem}.json")
    counter = 2
    while path.exists():
        path = Path(f"{stem}-{counter}.json")
        counter += 1
    return path


def slug(text: str) -> str:
    """A file-name-safe ASCII form of ``text`` (safe on Windows too)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40]


def take(
    loaded: LoadedQuestionnaire,
    prompter: flow.Prompter,
    output: Path | None,
    *,
    force: bool = False,
) -> Taken:
    """Ask every question, then save the answers atomically; nothing is written before the end."""
    check_output(output, force=force)
    started_at = _now()
    given = flow.run(flow.steps(loaded.questionnaire), prompter)
    completed_at = _now()
    answers_file = answers.build(loaded, given, started_at, completed_at)
    path = output or default_output(loaded, given, completed_at)
    answers.save(path, answers_file)
    return Taken(path, answers_file)


def _now() -> datetime:
    """The local time with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)
