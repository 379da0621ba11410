"""How soon `krmscan take` shows its first screen on a terminal, against a bare typer app.

Both run as whole processes on a pseudo-terminal (pexpect), in turns (A B A B ...), so that
drift of the machine's speed hits both alike. The floor is a one-command typer app that
imports typer, pydantic, yaml and rich.table and prints one line: nothing on this stack can
show a screen sooner. Measured is the wall clock from the spawn until the text appears:

- ``welcome``: the welcome screen's text (drawn by rich before the prompt libraries load);
  target at most 1.3 x the floor's median;
- ``keys``: its key hint, drawn once prompt_toolkit and questionary are loaded (reported).

Run from a checkout with the project's virtual environment:
``.venv/bin/python benchmarks/first_screen.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

from krmscan.messages import DUTCH

TARGET = 1.3
FLOOR_APP = '''\
from pathlib import Path

import pydantic  # noqa: F401
import rich.table  # noqa: F401
import typer
import yaml  # noqa: F401

app = typer.Typer()


@app.command()
def main(output: Path) -> None:
    """Show one line."""
    print("floor ready", output.name)


if __name__ == "__main__":
    app()
'''


def seconds_until(command: list[str], text: str, cwd: Path) -> float:
    """Wall-clock seconds from spawning ``command`` on a pty until ``text`` is on it."""
    env = {**os.environ, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    start = time.perf_counter()
    child = pexpect.spawn(
        command[0], command[1:], env=env, cwd=str(cwd), dimensions=(24, 80), timeout=20
    )
    child.expect_exact(text)
    elapsed = time.perf_counter() - start
    child.close(force=True)
    return elapsed


def main() -> None:
    """Measure in turns and print medians and ratios; exit 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    krmscan = str(Path(sys.executable).with_name("krmscan"))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        floor_app = folder / "floor.py"
        floor_app.write_text(FLOOR_APP, "utf-8")
        floor = [sys.executable, str(floor_app), "a.json"]
        take = [krmscan, "take", "-o", str(folder / "a.json")]
        times: dict[str, list[float]] = {"floor": [], "welcome": [], "keys": []}
        for _ in range(rounds):
            times["floor"].append(seconds_until(floor, "floor ready", folder))
            times["welcome"].append(seconds_until(take, DUTCH.welcome_purpose[:30], folder))
            times["keys"].append(seconds_until(take, DUTCH.welcome_start, folder))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        ratio = value / medians["floor"]
        print(f"{name:8} median {1000 * value:6.0f} ms  ({ratio:.2f} x the floor)")
    ratio = medians["welcome"] / medians["floor"]
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"target: the welcome within {TARGET} x the floor: {ratio:.2f} x, {verdict}")
    sys.exit(0 if ratio <= TARGET else 1)


if __name__ == "__main__":
    main()
