"""Start-up of krmscan against the floor of its own stack, measured side by side.

The floor is a bare one-command typer app that imports typer, pydantic, yaml and rich.table at
the top and takes one ``Path`` argument: no program on this stack can start faster. Each
command runs as a whole process, in turns (A B A B ...) so that drift of the machine's speed
hits both alike; the medians of wall-clock and CPU time (user + system, from the kernel's
accounting of each finished run) and their ratios are printed. Targets: ``krmscan score
one.json`` and ``krmscan --help`` at most 1.1 x the floor's median on the same file / --help.

``--stages`` also counts the instructions (``perf stat``, not disturbed by other work on the
machine) that each stage of ``krmscan score one.json`` adds to the floor's imports, as a share
of the floor app's whole run: what the target leaves room for, and what takes it.

Run from a checkout with the project's virtual environment:
``.venv/bin/python benchmarks/startup.py [--rounds N] [--stages]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 1.1

FLOOR_APP = '''\
from pathlib import Path

import pydantic  # noqa: F401
import rich.table  # noqa: F401
import typer
import yaml  # noqa: F401

app = typer.Typer()


@app.command()
def main(file: Path) -> None:
    """Read one file."""
    file.read_bytes()


if __name__ == "__main__":
    app()
'''


STAGES_SCRIPT = """\
import gc, os, sys
from pathlib import Path

os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"  # as krmscan.cli.main does
gc.set_threshold(50_000)
import pydantic, rich.table, typer, yaml  # the floor app's imports
from pydantic import TypeAdapter
import typer._adapters  # what typer adds when it parses the floor app's Path argument
TypeAdapter(Path).validate_python("one.json")
stages = int(sys.argv[1])
if stages > 0:
    import krmscan.cli
if stages > 1:
    import krmscan.messages
if stages > 2:
    from krmscan import questionnaire
if stages > 3:
    loaded = questionnaire.load()
if stages > 4:
    from krmscan import answers
if stages > 5:
    answered = answers.load(Path(sys.argv[2]), loaded)
if stages > 6:
    from krmscan import scoring
    result = scoring.score(loaded.questionnaire, answered.file.answers)
if stages > 7:
    import rich.console
if stages > 8:
    from krmscan import render
    table = render.result_table(
        loaded.questionnaire, result, krmscan.messages.messages_for("nl")
    )
    render.console().print(table)
"""
STAGES = [
    "the floor's imports (krmscan's GC settings)",
    "import krmscan.cli",
    "import krmscan.messages (the catalogue)",
    "import krmscan.questionnaire (models)",
    "load the questionnaire (YAML, schema, rules)",
    "import krmscan.answers (models)",
    "load and check one.json",
    "import krmscan.scoring, score",
    "import rich.console",
    "render and print the result table",
]


def instructions(command: list[str]) -> int | None:
    """Instructions ``command`` executes (``perf stat``), or None where perf cannot count.

    Raises SystemExit when the command itself fails: a failed run must not count.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".perf") as counts:
        try:
            run = subprocess.run(
                ["perf", "stat", "-x,", "-o", counts.name, "-e", "instructions", *command],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONHASHSEED": "0"},  # the same dict layouts every run
                check=False,
            )
        except FileNotFoundError:
            return None
        report = counts.read()
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed under perf:\n{run.stderr}")
    for line in report.splitlines():
        fields = line.split(",")
        if len(fields) >= 3 and "instructions" in fields[2] and fields[0].isdigit():
            return int(fields[0])  # e.g. "123456,,instructions" or "...,cpu_core/instructions/"
    return None


def stages(folder: Path, one: Path, floor: list[str], krmscan: list[str]) -> None:
    """Instructions each stage of ``krmscan score one.json`` adds, as shares of the floor."""
    floor_count = instructions([*floor, str(one)])
    if floor_count is None:
        print("\nstages: perf cannot count instructions on this machine; skipped")
        return
    script = folder / "stages.py"
    script.write_text(STAGES_SCRIPT, "utf-8")
    print(f"\ninstructions (perf stat), as % of the floor app's {floor_count / 1e6:.0f} M")
    before = 0
    for number, name in enumerate(STAGES):
        count = instructions([sys.executable, str(script), str(number), str(one)])
        if count is None:
            raise SystemExit(f"perf counted nothing for the stage {name!r}")
        added = count - before
        print(f"  {name:46} {added / 1e6:7.0f} M  {100 * added / floor_count:5.1f} %")
        before = count
    whole = instructions([*krmscan, "score", str(one)])
    if whole is None:
        raise SystemExit("perf counted nothing for krmscan score one.json")
    print(
        f"  {'typer: build the commands, parse, dispatch':46} {(whole - before) / 1e6:7.0f} M  "
        f"{100 * (whole - before) / floor_count:5.1f} %"
    )
    print(
        f"  {'krmscan score one.json, the whole process':46} {whole / 1e6:7.0f} M  "
        f"{100 * whole / floor_count:5.1f} %  (target <= {100 * TARGET:.0f} %)"
    )


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``command``, its output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def compare(name: str, krmscan: list[str], floor: list[str], rounds: int) -> dict[str, float]:
    """Interleaved runs of both commands; medians and median ratios."""
    for _ in range(2):  # warm the file cache and the bytecode cache
        run_once(krmscan)
        run_once(floor)
    pairs = []
    for _ in range(rounds):
        a = run_once(krmscan)
        b = run_once(floor)
        pairs.append((a, b))
    result = {
        "krmscan wall": statistics.median(a[0] for a, _ in pairs),
        "floor wall": statistics.median(b[0] for _, b in pairs),
        "krmscan cpu": statistics.median(a[1] for a, _ in pairs),
        "floor cpu": statistics.median(b[1] for _, b in pairs),
        "ratio wall": statistics.median(a[0] / b[0] for a, b in pairs),
        "ratio cpu": statistics.median(a[1] / b[1] for a, b in pairs),
    }
    print(
        f"{name:28} {1000 * result['krmscan wall']:7.1f} {1000 * result['floor wall']:7.1f} "
        f"{result['ratio wall']:6.2f}   {1000 * result['krmscan cpu']:7.1f} "
        f"{1000 * result['floor cpu']:7.1f} {result['ratio cpu']:6.2f}   "
        f"{'ok' if result['ratio wall'] <= TARGET else 'over'}"
    )
    return result


def answers_file(folder: Path) -> Path:
    """A complete, valid answers file for the shipped questionnaire."""
    sys.path.insert(0, str(REPO))
    from krmscan import answers, questionnaire
    from tests.support import sample_answers

    loaded = questionnaire.load()
    now = datetime.now(timezone.utc).astimezone()
    built = answers.build(loaded, sample_answers(loaded.questionnaire), now, now)
    path = folder / "one.json"
    answers.save(path, built)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="pairs of runs per comparison")
    parser.add_argument("--stages", action="store_true", help="count instructions per stage")
    options = parser.parse_args()
    rounds = options.rounds
    krmscan = str(Path(sys.executable).with_name("krmscan"))
    with tempfile.TemporaryDirectory() as folder:
        floor_app = Path(folder) / "floor.py"
        floor_app.write_text(FLOOR_APP, "utf-8")
        one = answers_file(Path(folder))
        floor = [sys.executable, str(floor_app)]
        print(f"{rounds} interleaved pairs per row; medians in ms; target ratio <= {TARGET}")
        print(
            f"{'':28} {'krmscan':>7} {'floor':>7} {'ratio':>6}   {'cpu':>7} {'floor':>7} "
            f"{'ratio':>6}\n{'':28} {'wall':>7} {'wall':>7} {'wall':>6}   {'krmscan':>7} "
            f"{'cpu':>7} {'cpu':>6}"
        )
        compare("krmscan score one.json", [krmscan, "score", str(one)], [*floor, str(one)], rounds)
        compare("krmscan --help", [krmscan, "--help"], [*floor, "--help"], rounds)
        if options.stages:
            stages(Path(folder), one, floor, [krmscan])


if __name__ == "__main__":
    main()
