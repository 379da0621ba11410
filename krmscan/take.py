"""Taking the scan, from the lock on the answers file to saving it.

The answers file is locked, saved progress is resumed or restarted, the flow is walked with
progress saved after every move, and the answers file is saved at the end. Nothing is lost on
the way: Ctrl-C, a closed terminal (SIGHUP) and SIGTERM stop the scan with the progress file in
place and the exact command that continues it; a killed process loses at most the question it
was asking.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import Protocol, TypeVar

from krmscan import answers, files, flow, progress, prompts
from krmscan.answers import AnswersFile, AnswerValue
from krmscan.errors import (
    BadDataError,
    ExitCode,
    InputEndedError,
    InterruptedByUser,
    NotSavedError,
    StoppedBySignal,
    UsageError,
)
from krmscan.messages import Messages, messages_for
from krmscan.questionnaire import LoadedQuestionnaire, Questionnaire
from krmscan.text import printable, shell_command


@dataclass(frozen=True)
class Taken:
    """A finished scan and where it was saved."""

    path: Path
    file: AnswersFile


class Resume(Enum):
    """What to do with saved progress for the answers file."""

    ASK = "ask"
    """Ask on a terminal (continue is the default); refuse with piped input."""
    CONTINUE = "continue"
    """Continue it (``--resume``)."""
    RESTART = "restart"
    """Drop it and start over (``--restart``)."""


class Conversation(flow.Prompter, Protocol):
    """A prompter that can also tell the respondent something and ask whether to continue."""

    def notify(self, text: str) -> None:
        """Show a short message."""

    def ask_resume(self, summary: str) -> bool:
        """Show ``summary`` of saved progress; True to continue it, False to start over."""

    def choose_unfinished(self, scans: Sequence[str], *, kiosk: bool = False) -> int | None:
        """Offer unfinished ``scans``; the index, or None for a new scan.

        The default is the first scan; in a ``kiosk`` a new scan.
        """


def check_output(output: Path | None, loaded: LoadedQuestionnaire, *, force: bool) -> None:
    """Refuse an output `take` must not write, before anything is asked.

    Refused: the questionnaire itself, a file that exists (without ``force``), anything but
    a regular file or a new one in an existing folder, a name too long for its progress file
    beside it, and anything but krmscan's own regular files at the progress file's and the
    lock's names (`files.check_own_file`).
    """
    if output is None:
        return
    messages = messages_for(loaded.questionnaire.language)
    files.check_output(output, [loaded.path], messages)
    files.check_name_fits(output, progress.progress_path(output), messages)
    for sibling in (progress.progress_path(output), progress.lock_path(output)):
        files.check_own_file(sibling, messages)
    if output.exists() and not force:
        raise UsageError(messages.output_exists.format(path=output))


def default_output(
    loaded: LoadedQuestionnaire, given: answers.Answers, now: datetime, folder: Path = Path()
) -> Path:
    """``krmscan-<organisation>-<YYYYmmdd-HHMMSS>.json`` in the current folder, never in use.

    Only letters, digits and ``-``: safe on Windows too. Without an organisation (not answered
    yet) the name holds the time only.
    """
    group = loaded.questionnaire.group_question
    organisation = str(given.get(group.id, "")) if group else ""
    stem = "-".join(
        part for part in ("krmscan", slug(organisation), f"{now:%Y%m%d-%H%M%S}") if part
    )
    path = folder / f"{stem}.json"
    counter = 2
    while _in_use(path):
        path = folder / f"{stem}-{counter}.json"
        counter += 1
    return path


def _in_use(path: Path) -> bool:
    """Whether anything (a link too, even a broken one) has the name or a sibling's name."""
    siblings = (path, progress.progress_path(path), progress.lock_path(path))
    return any(os.path.lexists(p) for p in siblings)


def slug(text: str) -> str:
    """A file-name-safe ASCII form of ``text`` (safe on Windows too)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40]


def take(
    loaded: LoadedQuestionnaire,
    prompter: flow.Prompter,
    output: Path | None = None,
    *,
    force: bool = False,
    resume: Resume = Resume.ASK,
    anonymous: bool = False,
    interactive: bool = False,
    command: Sequence[str] = ("krmscan", "take"),
    presets: Mapping[str, AnswerValue] | None = None,
    folder: Path = Path(),
    kiosk: bool = False,
) -> Taken:
    """Ask every question with progress saved after each move, then save the answers file.

    ``interactive`` (a person at a terminal): the overview comes before saving, and saved
    progress is continued or dropped as the respondent chooses. ``anonymous`` leaves out the
    questions marked personal. ``command`` is how this scan was started (without ``-o`` and
    the resume flags), for the message that tells how to continue it. ``presets`` are
    answers fixed in advance (`krmscan.presets`): not asked, stored as given. Without
    ``output`` the answers file is named in ``folder``, and on a terminal an unfinished scan
    of this questionnaire there is offered to continue. In a ``kiosk`` that scan may be
    another person's: a new scan is the default, and a scan continued there asks its personal
    questions again, so nobody sees another's name or e-mail.
    """
    messages = messages_for(loaded.questionnaire.language)
    check_output(output, loaded, force=force)
    if output is None and resume is Resume.ASK and interactive:
        fixed = set(presets or {})
        output = _discovered(
            loaded, _conversation(prompter), folder, fixed, anonymous=anonymous, kiosk=kiosk
        )
        resume = Resume.ASK if output is None else Resume.CONTINUE
    if resume is not Resume.ASK and output is None:
        raise UsageError(messages.resume_needs_output)
    progress.prepare()
    session = _Session(loaded, output, anonymous=anonymous, command=command, folder=folder)
    session.presets = dict(presets or {})
    session.kiosk = kiosk
    session.acquire()
    walk: flow.Walk | None = None
    try:
        with _stopping_on_signals():
            try:
                walk = _start(session, prompter, resume, interactive=interactive)
                given = flow.run(
                    walk.steps, prompter, walk=walk, review=interactive, on_change=session.save
                )
                answers_file = answers.build(loaded, given, session.started_at, _now())
                with progress.signals_held(drop=True):  # a stop now comes too late
                    answers.save(session.output, answers_file)
                    progress.discard(session.progress_file, session.messages)
            except (KeyboardInterrupt, InterruptedByUser):
                raise InterruptedByUser(session.stopped_message()) from None
            except _Stopped as stop:
                raise StoppedBySignal(session.stopped_message(), stop.exit_code) from None
            except InputEndedError as ended:
                step = walk.current if walk is not None else None
                raise InputEndedError(session.ended_message(step, ended.message)) from None
            except NotSavedError as failed:
                raise BadDataError(session.not_saved_message(failed)) from None
        return Taken(session.output, answers_file)
    finally:
        session.release()


def _start(
    session: _Session, prompter: flow.Prompter, resume: Resume, *, interactive: bool
) -> flow.Walk:
    """A new walk, or the saved one continued (asking first on a terminal)."""
    messages = session.messages
    where = {"output": session.output, "progress": session.progress_file}
    if resume is Resume.RESTART:
        progress.discard(session.progress_file, session.messages)
    saved = None
    if session.fixed:
        saved = progress.load(session.progress_file, session.loaded, messages)
    if saved is None:
        if resume is Resume.CONTINUE:
            raise UsageError(messages.resume_nothing.format(**where))
        return flow.Walk(session.steps(), session.presets)
    if resume is Resume.ASK:
        if not interactive:
            raise UsageError(messages.resume_needs_flag.format(**where))
        count, total = answered(
            session.loaded.questionnaire,
            saved.answers,
            session.presets,
            anonymous=session.anonymous or saved.anonymous,
        )
        summary = messages.resume_found.format(
            count=count,
            total=total,
            progress=session.progress_file,
            saved=f"{saved.saved_at.astimezone():%d-%m-%Y %H:%M}",
        )
        if not _conversation(prompter).ask_resume(summary):
            progress.discard(session.progress_file, session.messages)
            return flow.Walk(session.steps(), session.presets)
    return _resumed(session, saved, _conversation(prompter), interactive=interactive)


def _discovered(
    loaded: LoadedQuestionnaire,
    conversation: Conversation,
    folder: Path,
    fixed: Collection[str],
    *,
    anonymous: bool,
    kiosk: bool,
) -> Path | None:
    """The output of an unfinished scan in ``folder`` the respondent continues, or None.

    Each is counted as it would go on: the questions asked, without the ``fixed`` ones. In a
    ``kiosk`` a new scan is the default.
    """
    messages = messages_for(loaded.questionnaire.language)
    found = progress.unfinished(folder, loaded, messages)
    if not found:
        return None
    questionnaire = loaded.questionnaire
    group = questionnaire.group_question
    scans = []
    for scan in found:
        started = f"{scan.progress.started_at.astimezone():%d-%m-%Y %H:%M}"
        organisation = scan.progress.answers.get(group.id) if group else None
        if isinstance(organisation, str) and organisation:
            started = f"{started}, {printable(organisation)}"
        anonymously = anonymous or scan.progress.anonymous
        kept = _kept(questionnaire, scan.progress.answers) if kiosk else scan.progress.answers
        count, total = answered(questionnaire, kept, fixed, anonymous=anonymously)
        scans.append(messages.unfinished_scan.format(started=started, count=count, total=total))
    chosen = conversation.choose_unfinished(scans, kiosk=kiosk)
    return None if chosen is None else found[chosen].output


def answered(
    questionnaire: Questionnaire,
    given: Collection[str],
    fixed: Collection[str],
    *,
    anonymous: bool,
) -> tuple[int, int]:
    """How many of the questions a respondent is asked ``given`` (ids) answers, and how many."""
    asked = {step.id for step in flow.asked(questionnaire, anonymous=anonymous, fixed=fixed)}
    return len(asked.intersection(given)), len(asked)


Saved = TypeVar("Saved")


def _kept(questionnaire: Questionnaire, given: Mapping[str, Saved]) -> dict[str, Saved]:
    """``given`` without the answers to personal questions: what a kiosk continues with."""
    personal = {question.id for question in questionnaire.questions if question.personal}
    return {key: value for key, value in given.items() if key not in personal}


def _resumed(
    session: _Session,
    saved: progress.ProgressFile,
    conversation: Conversation,
    *,
    interactive: bool,
) -> flow.Walk:
    """The saved walk, fitted to the questionnaire as it is now.

    On a terminal it goes on where the respondent was. With piped input it starts at the first
    unanswered step and moves on to the next unanswered one, so a script resumed with the
    remaining lines answers exactly the questions still open. Answers that no longer fit are
    named.
    """
    session.anonymous = session.anonymous or saved.anonymous
    session.started_at = saved.started_at
    all_steps = session.steps()
    restored = progress.restore(saved, session.loaded, session.steps(asked_only=False))
    given = {**restored.answers, **session.presets}
    if session.kiosk:  # perhaps another person: the personal answers are asked again
        given = _kept(session.loaded.questionnaire, given)
    walk = flow.Walk(all_steps, given, skip_answered=not interactive or session.kiosk)
    first = walk.first_unanswered()
    ids = [step.id for step in all_steps]
    if interactive and not session.kiosk and restored.position in ids:
        walk.index = min(ids.index(str(restored.position)), first)
    else:
        walk.index = first
    if restored.dropped:
        questionnaire = session.loaded.questionnaire
        texts = {
            item.id: item.text for item in [*questionnaire.questions, *questionnaire.statements]
        }
        lines = [
            printable(f"  - {i}" + (f": {texts[i]}" if i in texts else "") + f" ({problem})")
            for i, problem in restored.dropped
        ]
        messages = session.messages
        why = messages.dropped_answers if restored.changed else messages.dropped_invalid
        conversation.notify("\n".join([why, *lines]))
    if walk.current is not None:
        conversation.notify(
            session.messages.resumed_at.format(k=walk.index + 1, total=len(all_steps))
        )
    return walk


def _conversation(prompter: flow.Prompter) -> Conversation:
    """``prompter`` as a `Conversation` (both krmscan prompters are)."""
    if not (hasattr(prompter, "notify") and hasattr(prompter, "ask_resume")):
        raise TypeError(f"{type(prompter).__name__} cannot resume saved progress")
    return prompter  # type: ignore[return-value]


class _Session:
    """The answers file being taken: its name, its lock, its progress file, how to continue it.

    Without ``-o`` the name is fixed in two moves: at the start from the time
    (``krmscan-20261127-101500.json``), then, once the organisation is answered, with the
    organisation added (``krmscan-woonstede-20261127-101500.json``); the progress and the lock
    move along. From then on the name stays, so the command that continues it always works.
    """

    def __init__(
        self,
        loaded: LoadedQuestionnaire,
        output: Path | None,
        *,
        anonymous: bool,
        command: Sequence[str],
        folder: Path = Path(),
    ) -> None:
        self.loaded = loaded
        self.messages: Messages = messages_for(loaded.questionnaire.language)
        self.started_at = _now()
        self.anonymous = anonymous
        self.command = list(command)
        self.presets: dict[str, AnswerValue] = {}
        self.kiosk = False
        """Taken in a kiosk: a scan continued here asks its personal questions again."""
        self.fixed = output is not None
        self.folder = folder
        self.output = output or default_output(loaded, {}, self.started_at, folder)
        self.lock = progress.OutputLock(self.output, self.messages)

    def _claim(self, given: answers.Answers) -> tuple[Path, progress.OutputLock]:
        """A generated name locked by this run: the next free one when another run took it.

        Several runs started in the same second pick the same name; the lock decides, and the
        runs that lose it take the next name instead of refusing.
        """
        for _ in range(_MAX_NAME_TRIES):
            path = default_output(self.loaded, given, self.started_at, self.folder)
            lock = progress.OutputLock(path, self.messages)
            if lock.try_acquire():
                if not any(map(os.path.lexists, (path, progress.progress_path(path)))):
                    return path, lock
                lock.release()
        raise UsageError(self.messages.locked.format(output=path, lock=progress.lock_path(path)))

    @property
    def progress_file(self) -> Path:
        """The progress file of the current output."""
        return progress.progress_path(self.output)

    def steps(self, *, asked_only: bool = True) -> list[flow.Step]:
        """The steps to ask: personal questions left out when anonymous, presets left out.

        Without ``asked_only`` the preset questions are steps too (to restore progress).
        """
        fixed = set(self.presets) if asked_only else set()
        return flow.asked(self.loaded.questionnaire, anonymous=self.anonymous, fixed=fixed)

    def acquire(self) -> None:
        """Lock the output (refuses when another `take` has ``-o``; a generated name moves on)."""
        if self.fixed:
            self.lock.acquire()
        else:
            self.output, self.lock = self._claim({})

    def release(self) -> None:
        """Unlock the output."""
        self.lock.release()

    def save(self, walk: flow.Walk) -> None:
        """Save the walk's progress (first fixing the file name once the organisation is known)."""
        moved_from: tuple[Path, progress.OutputLock] | None = None
        if not self.fixed:
            moved_from = self._fix_name(walk)
        snapshot = progress.snapshot(
            self.loaded,
            walk,
            started_at=self.started_at,
            saved_at=_now(),
            anonymous=self.anonymous,
        )
        progress.save(self.progress_file, snapshot)
        if moved_from is not None:
            old_progress, old_lock = moved_from
            progress.discard(old_progress, self.messages)
            old_lock.release()

    def _fix_name(self, walk: flow.Walk) -> tuple[Path, progress.OutputLock] | None:
        """Add the organisation to the generated name once it is answered.

        Returns the old progress file and lock, to drop once the progress is saved anew.
        """
        group = self.loaded.questionnaire.group_question
        if group is None:
            self.fixed = True
            return None
        if group.id not in walk.answers:
            return None
        self.fixed = True
        if not slug(str(walk.answers[group.id])):
            return None  # nothing to add: the name by time stays
        named, lock = self._claim(walk.answers)
        moved_from = (self.progress_file, self.lock)
        self.output, self.lock = named, lock
        return moved_from

    def continue_command(self) -> str:
        """The exact command that continues this scan."""
        words = [*self.command, "--resume", "-o", str(self.output)]
        if self.anonymous and "--anonymous" not in words:
            words.append("--anonymous")
        return shell_command(words)

    def stopped_message(self) -> str:
        """What to say when the scan stops early: where the answers are and how to go on."""
        if not self.progress_file.exists():
            return self.messages.interrupted
        return self.messages.paused.format(
            progress=self.progress_file, command=self.continue_command()
        )

    def not_saved_message(self, failed: NotSavedError) -> str:
        """What to say when the progress or the answers file cannot be written (disk full)."""
        problem = files.os_problem(failed.error, self.messages)
        where = {"file": failed.path, "problem": problem, "progress": self.progress_file}
        if self.progress_file.exists():
            return self.messages.not_saved.format(**where, command=self.continue_command())
        command = shell_command([*self.command, "-o", str(self.output)])
        return self.messages.not_saved_nothing.format(**where, command=command)

    def ended_message(self, step: flow.Step | None, fallback: str) -> str:
        """What to say when the input ends before the last question."""
        if not self.progress_file.exists():
            return fallback
        question = prompts.named(step) if step is not None else "-"
        return self.messages.input_ended_saved.format(
            question=question, progress=self.progress_file, command=self.continue_command()
        )


_MAX_NAME_TRIES = 1000


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived; raised where the program is, like Ctrl-C's KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        hangup = getattr(signal, "SIGHUP", None)
        self.exit_code = ExitCode.HANGUP if signum == hangup else ExitCode.TERMINATED


@contextlib.contextmanager
def _stopping_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into `_Stopped` (signals ignored on purpose, e.g. nohup, stay)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001 - signal API
        raise _Stopped(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _now() -> datetime:
    """The local time with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)
