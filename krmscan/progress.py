"""Progress of an unfinished scan: saved after every move, next to the answers file, and locked.

While ``a.json`` is being taken, ``a.json.partial`` holds the answers so far (JSON, written
atomically with mode 0600, like the answers file) with the questionnaire's sha256 and the
position; ``a.json.lock`` keeps a second `take` off the same file. The answers file itself is
written only at the end, after which both are removed::

    {"format": "krmscan-progress", "format_version": 1,
     "questionnaire": {"id": ..., "version": ..., "sha256": ...},
     "started_at": "...", "saved_at": "...", "anonymous": false,
     "position": {"id": "strategie_huurders_centraal", "number": 9, "total": 43},
     "answers": {"organisatie": "Woonstede", ...}}

``position`` is the step being asked (null at the overview after the last question).
"""

from __future__ import annotations

import contextlib
import functools
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import JsonValue, TypeAdapter, ValidationError

from krmscan.answers import (
    AnswerValue,
    FormatVersion,
    Moment,
    OtherAnswer,
    QuestionnaireRef,
    Rules,
    Strict,
    Structure,
    duplicate_key_problem,
    without_file_name,
)
from krmscan.errors import BadDataError, NotSavedError, UsageError
from krmscan.files import check_own_file, os_problem, read_input, write_private
from krmscan.flow import Step, Walk
from krmscan.messages import Messages
from krmscan.questionnaire import LoadedQuestionnaire

if TYPE_CHECKING:
    from filelock import BaseFileLock

FORMAT = "krmscan-progress"
FORMAT_VERSION = 1
MAX_PROGRESS_BYTES = 1024 * 1024
HELD_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Position(Strict):
    """The step being asked when the progress was saved."""

    id: str
    number: int
    total: int


class ProgressFile(Strict):
    """The whole progress file.

    Its envelope is checked strictly; ``answers`` holds any JSON, each answer checked on its
    own against the questionnaire by `restore`, so that one bad answer costs only itself.
    """

    format: Literal["krmscan-progress"]
    format_version: FormatVersion
    questionnaire: QuestionnaireRef
    started_at: Moment
    saved_at: Moment
    anonymous: bool = False
    position: Position | None
    answers: dict[str, JsonValue]


@functools.cache
def _answers_adapter() -> TypeAdapter[dict[str, AnswerValue]]:
    """Reads and writes answers as they are kept (built once, on first use)."""
    return TypeAdapter(dict[str, AnswerValue])


def prepare() -> None:
    """Build the validators of what each answer saves now, rather than after the first answer.

    Models are built on first use (other commands never need these): the progress file and
    its parts, and an "other" answer. `take` calls this before the first prompt, so that the
    respondent's first answer does not wait for it.
    """
    for model in (QuestionnaireRef, OtherAnswer, Position, ProgressFile):
        model.model_rebuild()
    _answers_adapter()


def progress_path(output: Path) -> Path:
    """Where the progress of ``output`` is kept: ``a.json`` -> ``a.json.partial``."""
    return output.with_name(f"{output.name}.partial")


def lock_path(output: Path) -> Path:
    """The lock that keeps a second `take` off ``output``: ``a.json`` -> ``a.json.lock``."""
    return output.with_name(f"{output.name}.lock")


def snapshot(
    loaded: LoadedQuestionnaire,
    walk: Walk,
    *,
    started_at: datetime,
    saved_at: datetime,
    anonymous: bool,
) -> ProgressFile:
    """The progress of ``walk`` as it is now."""
    step = walk.current
    return ProgressFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        questionnaire=QuestionnaireRef.of(loaded),
        started_at=started_at,
        saved_at=saved_at,
        anonymous=anonymous,
        position=None
        if step is None
        else Position(id=step.id, number=step.number, total=step.total),
        answers=_answers_adapter().dump_python(walk.ordered_answers(), mode="json"),
    )


def save(path: Path, progress: ProgressFile) -> None:
    """Write ``progress`` atomically with mode 0600; Ctrl-C or SIGTERM wait until it is written."""
    data = (progress.model_dump_json(indent=2) + "\n").encode("utf-8")
    try:
        with signals_held():
            write_private(path, data)
    except OSError as error:
        raise NotSavedError(path, error) from None


@contextlib.contextmanager
def signals_held(*, drop: bool = False) -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP while files are written; they arrive right after.

    With ``drop`` a signal that arrived while the body ran to its end is dropped instead: the
    work it would have stopped is done (the answers file is saved).
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: atomic writes still protect the file
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
        if drop and hasattr(signal, "sigtimedwait"):
            for signum in signal.sigpending() & set(HELD_SIGNALS):
                signal.sigtimedwait([signum], 0)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def load(path: Path, loaded: LoadedQuestionnaire, messages: Messages) -> ProgressFile | None:
    """The progress saved at ``path`` (None when there is none); raises `BadDataError`."""
    try:
        raw = read_input(
            path,
            max_bytes=MAX_PROGRESS_BYTES,
            wanted=messages.progress_wanted,
            kind=messages.progress_kind,
            check=messages.progress_check,
            messages=messages,
        )
    except BadDataError as error:
        if not path.exists():
            return None
        problem = without_file_name(error.message, str(path), messages)
        raise BadDataError(
            messages.resume_unreadable.format(progress=path, problem=problem)
        ) from None
    try:
        progress = ProgressFile.model_validate_json(raw, strict=True)  # exact types
    except ValidationError as error:
        first = next(Structure(messages, progress=True).problems(error, raw, str(path), ()))
        wrong: str | None = without_file_name(first, str(path), messages)
    else:
        wrong = duplicate_key_problem(raw, messages)
    if wrong is not None:
        raise BadDataError(messages.resume_unreadable.format(progress=path, problem=wrong))
    if progress.questionnaire.id != loaded.questionnaire.id:
        raise BadDataError(
            messages.resume_other_questionnaire.format(
                progress=path, found=progress.questionnaire.id, expected=loaded.questionnaire.id
            )
        )
    return progress


@dataclass(frozen=True)
class Unfinished:
    """An unfinished scan found in a folder: its answers file to be and its progress."""

    output: Path
    progress: ProgressFile


def unfinished(folder: Path, loaded: LoadedQuestionnaire, messages: Messages) -> list[Unfinished]:
    """The unfinished scans of this questionnaire in ``folder``, the latest saved first.

    Only the names `take` generates (``krmscan-*.json.partial``); progress that cannot be read,
    is no regular file of its own (a link), belongs to another questionnaire, or is being taken
    right now (locked), is passed by.
    """
    found = []
    for path in sorted(folder.glob("krmscan-*.json.partial")):
        output = path.with_name(path.name.removesuffix(".partial"))
        if path.is_symlink() or output.exists() or _locked(output, messages):
            continue
        try:
            saved = load(path, loaded, messages)
        except BadDataError:
            continue
        if saved is not None:
            found.append(Unfinished(output, saved))
    return sorted(found, key=lambda item: item.progress.saved_at, reverse=True)


def _locked(output: Path, messages: Messages) -> bool:
    lock = OutputLock(output, messages)
    try:
        lock.acquire()
    except (UsageError, BadDataError):
        return True
    lock.release()
    return False


def discard(path: Path, messages: Messages) -> None:
    """Remove a progress file (nothing happens when it is gone already).

    Only a regular file is removed: anything else at its name raises `UsageError`.
    """
    check_own_file(path, messages)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


class Dropped(NamedTuple):
    """A saved answer that does not fit: its id and what is wrong (never a personal value)."""

    id: str
    problem: str


@dataclass(frozen=True)
class Restored:
    """Saved progress fitted to the questionnaire as it is now."""

    answers: dict[str, AnswerValue]
    dropped: tuple[Dropped, ...]
    """Answers that do not fit the questionnaire (changed since, or the file edited)."""
    position: str | None
    changed: bool = False
    """Whether the questionnaire changed since the progress was saved (another sha256)."""


def restore(progress: ProgressFile, loaded: LoadedQuestionnaire, steps: Sequence[Step]) -> Restored:
    """Keep the saved answers whose steps exist and accept them; name the others.

    Every answer is checked with exactly the rules of an answers file, whatever the sha256
    says (a progress file can be edited without changing it), so what is kept is what `score`
    accepts. Answers to steps left out on purpose (personal questions under ``--anonymous``)
    are dropped without being named.
    """
    asked = {step.id for step in steps}
    rules = Rules(loaded.questionnaire)
    kept: dict[str, AnswerValue] = {}
    dropped: list[Dropped] = []
    for answer_id, value in progress.answers.items():
        if answer_id not in asked:
            if not _left_out(loaded, answer_id):
                dropped.append(Dropped(answer_id, rules.messages.not_in_questionnaire))
            continue
        try:
            answer = _answers_adapter().validate_python({answer_id: value}, strict=True)
        except ValidationError:
            problem = Structure(rules.messages).not_an_answer(
                value, personal=_left_out(loaded, answer_id)
            )
            dropped.append(Dropped(answer_id, problem))
            continue
        problems = rules.problems_of(answer_id, answer[answer_id])
        if problems:
            dropped.append(Dropped(answer_id, problems[0]))
        else:
            kept[answer_id] = answer[answer_id]
    position = progress.position.id if progress.position is not None else None
    changed = progress.questionnaire.sha256 != loaded.sha256
    return Restored(kept, tuple(dropped), position, changed)


def _left_out(loaded: LoadedQuestionnaire, answer_id: str) -> bool:
    """Whether ``answer_id`` is a personal question (left out under ``--anonymous``)."""
    return any(q.id == answer_id and q.personal for q in loaded.questionnaire.questions)


class OutputLock:
    """One `take` at a time per answers file: an OS lock on ``a.json.lock``, never a race.

    The lock is released by the operating system when the process ends, however it ends, so a
    killed `take` never leaves a stale lock behind.
    """

    def __init__(self, output: Path, messages: Messages) -> None:
        self.output = output
        self.path = lock_path(output)
        self.messages = messages
        self._lock: BaseFileLock | None = None

    def acquire(self) -> None:
        """Take the lock at once, or raise `UsageError` naming the file in use."""
        from filelock import FileLock, Timeout

        check_own_file(self.path, self.messages)  # never a device, FIFO or link made empty
        lock = FileLock(self.path, timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise UsageError(
                self.messages.locked.format(output=self.output, lock=self.path)
            ) from None
        except OSError as error:
            problem = os_problem(error, self.messages)
            raise BadDataError(
                self.messages.lock_failed.format(lock=self.path, problem=problem)
            ) from None
        self._lock = lock

    def try_acquire(self) -> bool:
        """Take the lock at once and return True, or False when another `take` holds it."""
        try:
            self.acquire()
        except UsageError:
            return False
        return True

    def release(self) -> None:
        """Remove the lock file while still holding it, then release it."""
        if self._lock is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        self._lock.release()
        self._lock = None
