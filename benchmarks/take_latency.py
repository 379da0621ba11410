"""Responsiveness of `take` with a large questionnaire: the time from one answer to the next prompt.

A questionnaire of 500 statements (five components of 100) is generated and taken in process,
end to end through ``krmscan.take.take`` (flow, prompts, saving), twice:

- arrow keys: the real questionary prompts, keys typed into a pipe 150 ms after each prompt
  is drawn (a very fast reader), a text's letters 150 ms before its Enter; a prompt appears
  when prompt_toolkit first flushes its drawing to the screen;
- plain mode: one typed line per prompt; a prompt has appeared when krmscan reads its line.

For scale, a third row times bare questionary selects the same way, with the library's
defaults: the floor of the prompt library itself.

Each interval is what a respondent waits after Enter: the prompt taking the answer, krmscan
handling it (introductions and progress printed, answers kept) and building and drawing
the next prompt. Target: every interval under 50 ms. Beside each wall-clock interval the
CPU time the main thread (where krmscan and prompt_toolkit run) spent in it is measured: on a
shared machine the wall clock also counts the moments other work held the processor, and the
CPU time tells those apart from krmscan's own.
Run: ``.venv/bin/python benchmarks/take_latency.py``.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from krmscan import prompts, questionnaire
from krmscan import take as taking
from krmscan.messages import messages_for

STATEMENTS = 500
TARGET_MS = 50.0
READING = 0.15
"""Seconds the typist waits after a prompt appears before answering (a very fast reader)."""


def large_questionnaire() -> dict[str, Any]:
    """The shipped scale, levels and bands, two questions, and 500 statements.

    The shipped ambition section's introduction is left out too: only prompts are timed.
    """
    shipped = yaml.safe_load(questionnaire.default_path().read_text("utf-8"))
    components = [
        {
            "id": f"component_{c}",
            "name": f"Onderdeel {c}",  # no introductions: their pages wait for a key
            "statements": [
                {"id": f"stelling_{c}_{s}", "text": f"Stelling {s} van onderdeel {c}"}
                for s in range(STATEMENTS // 5)
            ],
        }
        for c in range(1, 6)
    ]
    ambition = next(
        question
        for section in shipped["sections"]
        for question in section["questions"]
        if question["type"] == "ambition"
    )
    profile = {"id": "profiel", "questions": [  # no title or intro: no page to turn
        {"id": "organisatie", "type": "text", "text": "Organisatie", "group": True},
        ambition,
    ]}  # fmt: skip
    return {**shipped, "sections": [profile], "components": components}


MAIN_THREAD_CLOCK = time.pthread_getcpuclockid(threading.main_thread().ident or 0)


def main_thread_cpu() -> float:
    """CPU seconds the main thread has used so far (readable from any thread)."""
    return time.clock_gettime(MAIN_THREAD_CLOCK)


class Interval(NamedTuple):
    """What a respondent waited (ms), and the main thread's CPU time in it (ms)."""

    wall: float
    cpu: float


class Stamps:
    """When each prompt was started and each drawing flushed; the feeder waits on it."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.started: list[float] = []
        self.flushed: list[tuple[float, float]] = []
        """Wall clock and main-thread CPU time of each flush."""

    def note_start(self) -> None:
        with self.changed:
            self.started.append(time.perf_counter())
            self.changed.notify_all()

    def note_flush(self) -> None:
        with self.changed:
            self.flushed.append((time.perf_counter(), main_thread_cpu()))
            self.changed.notify_all()

    def wait_until_drawn(self, prompt: int) -> None:
        """Block until prompt number ``prompt`` (0-based) has been drawn."""
        with self.changed:
            self.changed.wait_for(
                lambda: (
                    len(self.started) > prompt
                    and any(moment > self.started[prompt] for moment, _ in self.flushed[-3:])
                ),
                timeout=30,
            )

    def drawn_after(self, prompt: int) -> tuple[float, float]:
        """When prompt number ``prompt`` first appeared: wall clock and main-thread CPU time."""
        return next(stamp for stamp in self.flushed if stamp[0] > self.started[prompt])

    def intervals(self, sent: list[tuple[float, float]]) -> list[Interval]:
        """From each Enter (``sent``) to the next prompt on screen, in ms."""
        found = []
        for prompt, (wall, cpu) in enumerate(sent[:-1]):
            drawn_wall, drawn_cpu = self.drawn_after(prompt + 1)
            found.append(Interval(1000 * (drawn_wall - wall), 1000 * (drawn_cpu - cpu)))
        return found


class StampedOutput(DummyOutput):
    """prompt_toolkit output that notes when each drawing is flushed to the screen."""

    def __init__(self, stamps: Stamps) -> None:
        self.stamps = stamps

    def flush(self) -> None:
        """Note the moment."""
        self.stamps.note_flush()


class Timed:
    """A prompter that notes the moment each prompt starts; everything else is the real one's."""

    def __init__(self, inner: Any, stamps: Stamps) -> None:
        self.inner = inner
        self.stamps = stamps

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def ask(self, *args: Any, **kwargs: Any) -> Any:
        """Note the time, then delegate."""
        self.stamps.note_start()
        return self.inner.ask(*args, **kwargs)


class StampedLines(io.StringIO):
    """Standard input for plain mode that notes when each line is asked for and given."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.asked: list[tuple[float, float]] = []
        self.given: list[tuple[float, float]] = []

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        """Note the moment the prompt waits, and the moment it has its line."""
        self.asked.append((time.perf_counter(), time.thread_time()))
        line = super().readline(-1 if size is None else size)
        self.given.append((time.perf_counter(), time.thread_time()))
        return line


def arrow_keys(loaded: questionnaire.LoadedQuestionnaire, folder: Path) -> list[Interval]:
    """Intervals (ms) from each answer's Enter to the next prompt on screen, with questionary.

    A feeder thread types like a person: it waits until a prompt is drawn, notes the moment,
    then sends the prompt's keys.
    """
    messages = messages_for(loaded.questionnaire.language)
    console = Console(file=io.StringIO(), width=100)
    stamps = Stamps()
    answers = ["Woonstede\r", *["\r"] * (1 + STATEMENTS)]
    sent: list[tuple[float, float]] = []

    def feed(keys: Any) -> None:
        for prompt, typed in enumerate(answers):
            stamps.wait_until_drawn(prompt)
            time.sleep(READING)
            text, enter = typed[:-1], typed[-1]
            if text:  # typed letters are handled as they come: only Enter is waited for
                keys.send_text(text)
                time.sleep(READING)
            sent.append((time.perf_counter(), main_thread_cpu()))
            keys.send_text(enter)

    prompts.pause_garbage_collection()  # as `krmscan take` does for arrow-key prompts
    with create_pipe_input() as keys, create_app_session(input=keys, output=StampedOutput(stamps)):
        feeder = threading.Thread(target=feed, args=(keys,), daemon=True)
        feeder.start()
        prompter = Timed(
            prompts.QuestionaryPrompter(loaded.questionnaire, messages, console), stamps
        )
        taking.take(loaded, prompter, folder / "arrows.json")
        feeder.join(timeout=30)
    return stamps.intervals(sent)


def questionary_alone() -> list[Interval]:
    """The floor: the same number of bare questionary selects, same typist, library defaults."""
    import questionary

    stamps = Stamps()
    count = 2 + STATEMENTS
    sent: list[tuple[float, float]] = []

    def feed(keys: Any) -> None:
        for prompt in range(count):
            stamps.wait_until_drawn(prompt)
            time.sleep(READING)
            sent.append((time.perf_counter(), main_thread_cpu()))
            keys.send_text("\r")

    scale = [("Oneens", "oneens"), ("Neutraal", "neutraal"), ("Eens", "eens")]
    with create_pipe_input() as keys, create_app_session(input=keys, output=StampedOutput(stamps)):
        feeder = threading.Thread(target=feed, args=(keys,), daemon=True)
        feeder.start()
        for number in range(count):
            stamps.note_start()
            choices = [questionary.Choice(title, value) for title, value in scale]
            questionary.select(f"Stelling {number}", choices).unsafe_ask()
        feeder.join(timeout=30)
    return stamps.intervals(sent)


def plain(loaded: questionnaire.LoadedQuestionnaire, folder: Path) -> list[Interval]:
    """Intervals (ms) from each typed line to krmscan waiting for the next, in plain mode."""
    messages = messages_for(loaded.questionnaire.language)
    console = Console(file=io.StringIO(), width=100)
    stdin = StampedLines("Woonstede\n3\n" + "2\n" * STATEMENTS)
    prompter = prompts.PlainPrompter(loaded.questionnaire, messages, console, stdin)
    taking.take(loaded, prompter, folder / "plain.json")
    pairs = zip(stdin.given, stdin.asked[1:], strict=False)  # the last line is read at the end
    return [Interval(1000 * (a[0] - g[0]), 1000 * (a[1] - g[1])) for g, a in pairs]


def report(name: str, intervals: list[Interval]) -> bool:
    """One row: median, 95th percentile and maximum of the waits, and of their CPU time."""
    walls = sorted(interval.wall for interval in intervals)
    cpus = sorted(interval.cpu for interval in intervals)
    ok = walls[-1] <= TARGET_MS
    print(
        f"{name:12} {len(intervals):5d} {_spread(walls)}   {_spread(cpus)}   "
        f"{'ok' if ok else 'over'}"
    )
    return ok


def _spread(ordered: list[float]) -> str:
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"{statistics.median(ordered):7.1f} {p95:7.1f} {ordered[-1]:7.1f}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "groot.yaml"
        path.write_text(yaml.safe_dump(large_questionnaire(), allow_unicode=True), "utf-8")
        started = time.perf_counter()
        loaded = questionnaire.load(path)
        loading = 1000 * (time.perf_counter() - started)
        print(
            f"questionnaire of {len(loaded.questionnaire.statements)} statements, "
            f"loaded in {loading:.0f} ms; intervals from an answer to the next prompt (ms), "
            f"target <= {TARGET_MS:.0f}"
        )
        print(f"{'':18} {'wall clock':^23}   {'main thread CPU':^23}")
        heads = f"{'median':>7} {'p95':>7} {'max':>7}"
        print(f"{'mode':12} {'steps':>5} {heads}   {heads}")
        floor = questionary_alone()  # first: before `take` changes the collector's settings
        results = [
            report("arrow keys", arrow_keys(loaded, Path(folder))),
            report("plain", plain(loaded, Path(folder))),
        ]
        report("questionary", floor)  # for scale: the library alone, not a target
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
