"""The one error type of krmscan and its exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, shared by every command."""

    OK = 0
    BAD_DATA = 1
    USAGE = 2
    HANGUP = 129
    BROKEN_PIPE = 141
    INTERRUPTED = 130
    TERMINATED = 143


class KrmscanError(Exception):
    """An error meant for the user: a message and an exit code, never a traceback."""

    exit_code: ExitCode = ExitCode.BAD_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadDataError(KrmscanError):
    """A file is missing, unreadable, malformed or does not match (exit 1)."""


class NotSavedError(BadDataError):
    """A file could not be written (disk full, no permission); nothing half-written is left."""

    def __init__(self, path: object, error: OSError) -> None:
        super().__init__(f"{path}: cannot write: {error.strerror or error}")
        self.path = path
        self.error = error


class UsageError(KrmscanError):
    """The command was called the wrong way (exit 2)."""

    exit_code = ExitCode.USAGE


class InputEndedError(BadDataError):
    """Standard input ended before the last question was answered."""


class InterruptedByUser(KrmscanError):
    """The respondent pressed Ctrl-C (exit 130)."""

    exit_code = ExitCode.INTERRUPTED


class ProblemsError(BadDataError):
    """Several located problems in one file, reported together, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class StoppedBySignal(KrmscanError):
    """The terminal closed (SIGHUP, exit 129) or the process was told to stop (SIGTERM, 143)."""

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.exit_code = exit_code
