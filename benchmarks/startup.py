"""Start-up of krmscan against the floor of its own stack, measured side by side.

The floor is a bare one-command typer app that imports typer, pydantic, yaml and rich.table at
the top and takes one ``Path`` argument: no program on this stack can start faster. Each
command runs as a whole process, in turns (A B A B ...) so that drift of the machine's speed
hits both alike; the medians of wall-clock and CPU time (user + system, from the kernel's
accounting of each finished run) and their ratios are printed. Targets: ``krmscan score
one.json`` and ``krmscan --help`` at most 1.1 x the floor's median on the same file / --help.

Run from a checkout with the project's virtual environment:
``.venv/bin/python benchmarks/startup.py [--rounds N]``.
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
    rounds = parser.parse_args().rounds
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


if __name__ == "__main__":
    main()
