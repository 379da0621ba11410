"""Progress bars for long work (loading, aggregating, exporting), on standard error.

Domain code takes a `Track` and passes its loops through it, naming the stage; it never
imports rich. `untracked` does nothing. A `Meter` shows a rich progress bar for a stage only
once the stage has run for `DELAY` seconds, and only when standard error is a terminal:
pipes, files and CI see nothing.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from krmscan.messages import Messages

T = TypeVar("T")
Stage = Literal["loading", "aggregating", "exporting"]

DELAY = 1.0
"""Seconds a stage runs before its bar appears: short work shows nothing.

``KRMSCAN_PROGRESS_AFTER`` (seconds) overrides it, e.g. 0 to see the bars on small data."""
EVERY = 0.05
"""Seconds between updates of the bar."""


class Track(Protocol):
    """Passes ``items`` (``total`` of them) through, telling of the progress of ``stage``."""

    def __call__(self, items: Iterable[T], total: int, stage: Stage) -> Iterable[T]:
        """The items, in order."""
        ...


def untracked(items: Iterable[T], total: int, stage: Stage) -> Iterable[T]:  # noqa: ARG001
    """No progress shown."""
    return items


class Meter:
    """A `Track` with a rich progress bar on standard error, in the catalogue's words."""

    def __init__(self, messages: Messages) -> None:
        self.words: dict[Stage, str] = {
            "loading": messages.progress_loading,
            "aggregating": messages.progress_aggregating,
            "exporting": messages.progress_exporting,
        }

    def __call__(self, items: Iterable[T], total: int, stage: Stage) -> Iterator[T]:
        """The items, with a bar once the stage has taken `DELAY` seconds."""
        from rich.console import Console
        from rich.progress import Progress

        delay = _delay()
        started = look = time.monotonic()
        progress: Progress | None = None
        task = None
        try:
            for done, item in enumerate(items, start=1):
                yield item
                now = time.monotonic()
                if now < look:
                    continue
                look = now + EVERY
                if progress is not None and task is not None:
                    progress.update(task, completed=done)
                elif now - started >= delay:
                    progress = Progress(console=Console(stderr=True), transient=True)
                    progress.start()
                    task = progress.add_task(self.words[stage], total=total, completed=done)
        finally:
            if progress is not None:
                progress.stop()


def _delay() -> float:
    try:
        return float(os.environ.get("KRMSCAN_PROGRESS_AFTER", DELAY))
    except ValueError:
        return DELAY


def meter_for(messages: Messages) -> Track:
    """A `Meter` when standard error is a terminal, else `untracked`."""
    return Meter(messages) if sys.stderr.isatty() else untracked
