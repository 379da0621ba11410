"""How fast `krmscan score DIR` is over many answers files, beside the floor of reading them.

Generates N answers files (default 10,000, in 10 organisations) with random answers, then
times, side by side and repeated (medians):

- ``krmscan score DIR`` end to end: a real process, from start to exit, table to /dev/null;
- the floor: reading every file and ``json.loads`` of its bytes, in one Python loop;

and prints files per second and the ratio. ``--breakdown`` also times the stages in process
(loading, aggregating, rendering the table).

Run: ``python benchmarks/score_many.py`` (``--files``, ``--organisations``, ``--repeat``,
``--folder`` to keep the generated files, ``--breakdown``).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from krmscan import answers, questionnaire
from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.questionnaire import (
    AmbitionQuestion,
    LoadedQuestionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)

KRMSCAN = Path(sys.executable).with_name("krmscan")


def random_answers(
    loaded: LoadedQuestionnaire, rng: random.Random, organisation: str
) -> dict[str, AnswerValue]:
    """A valid, varied set of answers."""
    given: dict[str, AnswerValue] = {}
    for question in loaded.questionnaire.questions:
        if isinstance(question, TextQuestion):
            given[question.id] = random_text(question, rng, organisation)
        elif isinstance(question, AmbitionQuestion | SingleChoiceQuestion):
            given[question.id] = rng.choice(question.options).id
        else:
            count = rng.randint(max(1, question.min_choices), question.most_choices)
            given[question.id] = [
                OtherAnswer(id=option.id, text=f"eigen antwoord {count}")
                if option.other
                else option.id
                for option in rng.sample(question.options, count)
            ]
    for statement in loaded.questionnaire.statements:
        given[statement.id] = rng.choice(loaded.questionnaire.scale).id
    return given


def random_text(question: TextQuestion, rng: random.Random, organisation: str) -> str:
    """The organisation, an e-mail address or a name."""
    if question.group:
        return organisation
    if question.format == "email":
        return f"medewerker{rng.randrange(10**6)}@corporatie.nl"
    return f"Medewerker {rng.randrange(10**6)}"


def generate(
    loaded: LoadedQuestionnaire, folder: Path, files: int, organisations: int, seed: int = 2026
) -> None:
    """Write ``files`` answers files into ``folder``, one subfolder per organisation."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 27, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    for number in range(files):
        organisation = f"Corporatie {number % organisations + 1}"
        sub = folder / organisation.replace(" ", "-").lower()
        sub.mkdir(parents=True, exist_ok=True)
        begun = start + timedelta(seconds=7 * number)
        built = answers.build(
            loaded,
            random_answers(loaded, rng, organisation),
            begun,
            begun + timedelta(minutes=rng.randint(8, 30)),
        )
        (sub / f"answers-{number:05}.json").write_bytes(answers.dump(built))


def time_krmscan(folder: Path, *extra: str) -> float:
    """Seconds for one ``krmscan score FOLDER`` process, start to exit."""
    begun = time.perf_counter()
    done = subprocess.run(
        [str(KRMSCAN), "score", str(folder), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    took = time.perf_counter() - begun
    if done.returncode != 0:
        raise SystemExit(f"krmscan score failed: {done.stderr.decode()}")
    return took


def time_floor(folder: Path) -> float:
    """Seconds to find, read and ``json.loads`` every file: the floor of the job."""
    begun = time.perf_counter()
    for root, _, names in os.walk(folder):
        for name in names:
            with Path(root, name).open("rb") as stream:
                json.loads(stream.read())
    return time.perf_counter() - begun


def breakdown(loaded: LoadedQuestionnaire, folder: Path) -> None:
    """Time the stages of `score` in this process."""
    from krmscan import aggregate, collect, render
    from krmscan.messages import messages_for

    begun, cpu = time.perf_counter(), time.process_time()
    collected = collect.collect([folder], loaded)
    took, used = time.perf_counter() - begun, time.process_time() - cpu
    print(f"  load and check (one process): {took:.3f} s (CPU {used:.3f} s)")
    begun = time.perf_counter()
    results = aggregate.results(loaded.questionnaire, collected.respondents)
    print(f"  aggregate: {time.perf_counter() - begun:.3f} s")
    begun = time.perf_counter()
    console = render.Console(file=io.StringIO(), width=100, color_system=None)
    console.print(render.organisation_views(results, messages_for(loaded.questionnaire.language)))
    print(f"  render the table: {time.perf_counter() - begun:.3f} s")


def main() -> None:
    """Generate, time side by side, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--organisations", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, help="keep the files here (reused if present)")
    parser.add_argument("--breakdown", action="store_true", help="also time the stages")
    options = parser.parse_args()
    loaded = questionnaire.load()
    with tempfile.TemporaryDirectory(prefix="krmscan-bench-") as temporary:
        folder = options.folder or Path(temporary)
        if not any(folder.rglob("*.json")):
            print(f"generating {options.files} answers files in {folder} ...")
            generate(loaded, folder, options.files, options.organisations)
        files = sum(1 for _ in folder.rglob("*.json"))
        time_floor(folder)  # warm the page cache
        ours, floor = [], []
        for _ in range(options.repeat):  # interleaved, so both see the same machine load
            ours.append(time_krmscan(folder))
            floor.append(time_floor(folder))
        mine, base = statistics.median(ours), statistics.median(floor)
        print(f"files: {files} in {options.organisations} organisations, cores: {os.cpu_count()}")
        print(
            f"krmscan score DIR (end to end):  {mine:.3f} s  {files / mine:8.0f} files/s"
            f"  (runs: {', '.join(f'{t:.2f}' for t in ours)})"
        )
        print(f"read + json.loads floor:         {base:.3f} s  {files / base:8.0f} files/s")
        print(f"ratio krmscan / floor:           {mine / base:.1f}")
        if options.breakdown:
            breakdown(loaded, folder)


if __name__ == "__main__":
    main()
