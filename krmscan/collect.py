"""Finding answers files in files and folders, and loading many of them at once.

Folders are searched recursively for ``*.json`` (hidden files and folders left out); progress
files of unfinished scans (``*.partial``) are never answers. Every file is read, parsed and
checked with exactly the rules of a single file (`krmscan.answers`), scored once
(`krmscan.scoring.Scorer`), and reduced to a compact `Respondent`. A bad file does not stop the
others: it is kept as `Skipped` with its reason. Files with the same content (the same JSON
data, whatever its layout or key order) are one respondent, counted once, with the copies
named on it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from krmscan import answers
from krmscan.answers import OtherAnswer
from krmscan.errors import BadDataError
from krmscan.files import is_folder
from krmscan.messages import Messages
from krmscan.meter import Track, untracked
from krmscan.questionnaire import (
    AmbitionQuestion,
    LoadedQuestionnaire,
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)
from krmscan.scoring import Scorer

PROGRESS_SUFFIX = ".partial"


@dataclass(frozen=True, slots=True)
class Respondent:
    """One valid answers file, reduced to what organisation results need."""

    file: str
    organisation: str
    ambition: int
    points: tuple[int, ...]
    """Summed statement weights per component, in questionnaire order."""
    codes: bytes
    """Per statement in questionnaire order, the answer's position on the scale (1, 2, 3)."""
    choices: dict[str, tuple[str, ...]]
    """Choice (and ambition) question id -> the option ids chosen."""
    others: dict[str, str]
    """Choice question id -> the text typed for its chosen "other" option."""
    texts: dict[str, str]
    """Text question id -> the text (personal ones included: filter before output)."""
    digest: bytes
    started_at: datetime
    completed_at: datetime
    anonymous: bool
    """Taken without the personal questions (``take --anonymous``): none of them answered."""
    warnings: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()
    """Other files with exactly the same content, counted once (here)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or folder) that could not be used, and why."""

    file: str
    reason: str
    version: str | None = None
    """The version of the questionnaire a file that does not fit was answered with, when that
    is another version of this questionnaire (another sha256)."""


@dataclass(frozen=True)
class Collected:
    """The respondents found, in path order, and what was left out."""

    respondents: list[Respondent]
    skipped: list[Skipped]
    progress_files: list[str] = field(default_factory=list)
    given: tuple[str, ...] = ()
    """The files and folders as the user named them."""

    @property
    def duplicates(self) -> list[Respondent]:
        """Respondents whose file was found more than once (identical content)."""
        return [respondent for respondent in self.respondents if respondent.copies]


def find(paths: Sequence[Path], messages: Messages) -> tuple[list[str], list[Skipped], list[str]]:
    """Answers files named by ``paths``: files as given, folders searched recursively.

    Returns the files (each once, folders' files sorted), the paths that hold none (a folder
    without ``*.json``, a path that does not exist) and the progress files left out; reasons
    are worded from ``messages``.
    """
    files: list[str] = []
    skipped: list[Skipped] = []
    progress: list[str] = []
    for path in paths:
        name = os.fspath(path)
        try:
            folder = is_folder(name, messages)
        except BadDataError as error:
            skipped.append(Skipped(name, answers.without_file_name(error.message, name, messages)))
            continue
        if folder:
            found = _search(name, progress, skipped, messages)
            if not found and not any(s.file == name for s in skipped):
                skipped.append(Skipped(name, messages.no_answers_files))
            files.extend(found)
        elif name.endswith(PROGRESS_SUFFIX):
            skipped.append(Skipped(name, messages.progress_file_skipped))
        else:
            files.append(name)
    if len(paths) > 1:  # the same file named twice (a folder and a file in it) is one file
        seen: set[str] = set()
        unique = []
        for file in files:
            key = os.path.abspath(file)  # noqa: PTH100 - a string in, no Path per file
            if key not in seen:
                seen.add(key)
                unique.append(file)
        files = unique
    return files, skipped, progress


def _search(
    folder: str, progress: list[str], skipped: list[Skipped], messages: Messages
) -> list[str]:
    """``*.json`` under ``folder``, depth first in name order, not into symlinked folders."""
    found: list[str] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        reason = messages.folder_unreadable.format(problem=error.strerror or error)
        skipped.append(Skipped(folder, reason))
        return found
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            found.extend(_search(entry.path, progress, skipped, messages))
        elif entry.name.endswith(PROGRESS_SUFFIX):
            progress.append(entry.path)
        elif entry.name.endswith(".json"):
            found.append(entry.path)
    return found


class Loader:
    """Loads answers files of one questionnaire; rules and score tables prepared once."""

    def __init__(self, loaded: LoadedQuestionnaire) -> None:
        questionnaire = loaded.questionnaire
        self.loaded = loaded
        self.rules = answers.Rules(questionnaire)
        self.messages = self.rules.messages
        self.personal = answers.personal_ids(questionnaire)
        self.scorer = Scorer(questionnaire)
        group = questionnaire.group_question
        self.group_id = group.id if group else None
        self.text_ids = [q.id for q in questionnaire.questions if isinstance(q, TextQuestion)]
        self.choice_ids = [
            q.id
            for q in questionnaire.questions
            if isinstance(q, SingleChoiceQuestion | MultipleChoiceQuestion | AmbitionQuestion)
        ]

    def load(self, file: str) -> Respondent | Skipped:
        """One file as a respondent, or skipped with the reason (the same checks as `score`)."""
        try:
            raw = answers.read(file, self.messages)
            answers_file = answers.parse(raw, file, personal=self.personal, messages=self.messages)
        except BadDataError as error:
            return Skipped(file, answers.without_file_name(error.message, file, self.messages))
        try:
            warnings = answers.check(answers_file, self.loaded, file, self.rules)
        except BadDataError as error:
            reference = answers_file.questionnaire
            other = reference.id == self.loaded.questionnaire.id
            other = other and reference.sha256 != self.loaded.sha256
            version = reference.version if other else None
            return Skipped(
                file, answers.without_file_name(error.message, file, self.messages), version
            )
        given = answers_file.answers
        choices: dict[str, tuple[str, ...]] = {}
        others: dict[str, str] = {}
        for question_id in self.choice_ids:
            value = given.get(question_id)
            if isinstance(value, list):
                choices[question_id] = tuple(
                    choice if isinstance(choice, str) else choice.id for choice in value
                )
                for choice in value:
                    if isinstance(choice, OtherAnswer):
                        others[question_id] = choice.text
            elif isinstance(value, str):
                choices[question_id] = (value,)
            elif isinstance(value, OtherAnswer):
                choices[question_id] = (value.id,)
                others[question_id] = value.text
        texts = {question_id: str(given.get(question_id, "")) for question_id in self.text_ids}
        codes = self.scorer.codes(given)
        return Respondent(
            file=file,
            organisation=texts.get(self.group_id, "") if self.group_id else "",
            ambition=self.scorer.ambition(given),
            points=tuple(self.scorer.points_of(codes)),
            codes=codes,
            choices=choices,
            others=others,
            texts=texts,
            digest=content_digest(answers_file, texts, choices, others, codes),
            started_at=answers_file.started_at,
            completed_at=answers_file.completed_at,
            anonymous=bool(self.personal)
            and not any(question_id in given for question_id in self.personal),
            warnings=tuple(warnings),
        )


def content_digest(
    answers_file: answers.AnswersFile,
    texts: dict[str, str],
    choices: dict[str, tuple[str, ...]],
    others: dict[str, str],
    codes: bytes,
) -> bytes:
    """A digest of a file's content, not its bytes: other indentation or key order is the same.

    It covers everything the file says (questionnaire, times and every answer), read in
    questionnaire order from what the respondent was reduced to; the options of a multiple
    choice count in any order (``["a", "b"]`` is ``["b", "a"]``).
    """
    reference = answers_file.questionnaire
    content = (
        (reference.id, reference.version, reference.sha256),
        (answers_file.started_at, answers_file.completed_at),
        texts,
        {question_id: sorted(chosen) for question_id, chosen in choices.items()},
        others,
        codes,
    )
    return hashlib.sha256(repr(content).encode("utf-8", "surrogatepass")).digest()


def collect(
    paths: Sequence[Path], loaded: LoadedQuestionnaire, *, track: Track = untracked
) -> Collected:
    """Find and load every answers file under ``paths``; identical files counted once.

    One process: a second one (forked, or from `concurrent.futures`) gained 3 to 16 % at 10,000
    files on two cores, not enough to pay for its code (README, "Speed").
    """
    loader = Loader(loaded)
    files, skipped, progress = find(paths, loader.messages)
    respondents: list[Respondent] = []
    first: dict[bytes, int] = {}
    for file in track(files, len(files), "loading"):
        result = loader.load(file)
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        index = first.get(result.digest)
        if index is None:
            first[result.digest] = len(respondents)
            respondents.append(result)
        else:
            original = respondents[index]
            respondents[index] = replace(original, copies=(*original.copies, result.file))
    return Collected(respondents, skipped, progress, tuple(os.fspath(p) for p in paths))
