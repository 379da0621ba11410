"""How fast `krmscan score DIR` exports many answers files, beside the floor of reading them.

Times real ``krmscan score`` processes (start to exit, with the child's peak memory) interleaved
with the floor of the job, finding, reading and ``json.loads`` of every file in one loop, and
checks issue 13's targets:

- ``--format xlsx``: at most 8 x the floor (at 10,000 files and more); peak memory at most
  600 MiB at 100,000;
- ``--format json``: at most 3 x the floor at 100,000, linear from a tenth of the files (the
  time per file within 15 %); peak memory at most 600 MiB at 100,000;
- the table for 280 organisations (the sector: at most 30,000 files): at most 3 x the floor.

Every output is read back (JSON parsed, the workbook opened) and must hold every respondent.
It exits with 1, naming each missed target, when one is missed. ``--files 2000`` is the smoke
mode CI runs: the same runs and checks of the output on 2,000 files, the targets printed but
not enforced (below 10,000 files the process start-up dominates any ratio).

Answers files are generated once into ``--root`` (default /tmp/krmscan-bench) as folders
``FILESxORGANISATIONS`` and reused.

Run: ``python benchmarks/export_many.py`` (``--files``, ``--repeat``, ``--root``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_many import KRMSCAN, generate, time_floor

from krmscan import questionnaire

MIB = 1024 * 1024
ENFORCED_FROM = 10_000
"""Below this many files the targets are printed, not enforced."""
MEMORY_AT = 100_000
"""From this many files the memory target applies."""
MAX_MEMORY = 600 * MIB
SECTOR = 30_000
"""The table is timed on the sector: 280 organisations, at most this many files."""


@dataclass
class Run:
    """One measured case: medians of krmscan and of the floor, the child's peak memory."""

    case: str
    files: int
    seconds: float
    floor: float
    peak: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor


def folder_for(root: Path, files: int, organisations: int) -> Path:
    """A folder of ``files`` answers files in ``organisations``, generated once."""
    folder = root / f"{files}x{organisations}"
    complete = root / f"{files}x{organisations}.complete"
    if not complete.exists():
        print(f"generating {files} answers files in {organisations} organisations ...")
        generate(questionnaire.load(), folder, files, organisations)
        complete.write_text("", "utf-8")
    return folder


LAUNCHER = """
import resource, subprocess, sys, time
begun = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
took = time.perf_counter() - begun
sys.stderr.buffer.write(done.stderr)
print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
"""
"""Runs one command and prints its seconds, peak memory (KiB) and exit code.

A process's peak memory counts the memory of the process it was forked from (Linux keeps the
high-water mark across ``exec``): krmscan is started from this small, fresh process, never
from the benchmark itself, which grows as it reads every file for the floor."""


def krmscan(folder: Path, args: list[str]) -> tuple[float, int]:
    """Seconds and peak memory (bytes) of one ``krmscan score FOLDER ARGS`` process."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(KRMSCAN), "score", str(folder), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    took, peak, code = done.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"krmscan score {' '.join(args)} failed: {done.stderr}")
    return float(took), int(peak) * 1024


def measure(case: str, folder: Path, files: int, args: list[str], repeat: int) -> Run:
    """Interleaved runs of krmscan and the floor, so both see the same machine load."""
    time_floor(folder)  # warm the page cache
    ours, floors, peaks = [], [], []
    for _ in range(repeat):
        took, peak = krmscan(folder, args)
        ours.append(took)
        peaks.append(peak)
        floors.append(time_floor(folder))
    run = Run(case, files, statistics.median(ours), statistics.median(floors), max(peaks))
    print(
        f"{case:<28} {files:>7} files  {run.seconds:7.2f} s  floor {run.floor:6.2f} s"
        f"  ratio {run.ratio:5.1f}  peak {run.peak / MIB:6.0f} MiB"
    )
    return run


def check_json(path: Path, files: int) -> None:
    """The JSON parses and holds every respondent."""
    data = json.loads(path.read_bytes())
    assert len(data["respondents"]) == files, "JSON: respondents missing"


def check_xlsx(path: Path, files: int) -> None:
    """The workbook opens and its respondents sheet holds every respondent.

    openpyxl reads the whole workbook up to `ENFORCED_FROM` files; beyond, where that would
    take minutes, the rows of the respondents sheet are counted in its XML.
    """
    if files < ENFORCED_FROM:
        book = load_workbook(path, read_only=True)
        rows = sum(1 for _ in book["respondents"].iter_rows(values_only=True))
        book.close()
    else:
        rows = 0
        tail = b""  # a tag cut between two chunks is counted in the next
        with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
            while chunk := sheet.read(1 << 20):
                joined = tail + chunk
                rows += joined.count(b"<row ")
                tail = joined[-4:]
    assert rows == files + 1, "xlsx: respondents missing"


def main() -> None:
    """Generate (once), measure, check the outputs and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--cases", default="xlsx,json,table", help="comma-separated: xlsx, json, table"
    )
    parser.add_argument("--root", type=Path, default=Path(tempfile.gettempdir(), "krmscan-bench"))
    options = parser.parse_args()
    files, repeat = options.files, options.repeat
    enforced = files >= ENFORCED_FROM
    options.root.mkdir(parents=True, exist_ok=True)
    ten = folder_for(options.root, files, 10)
    tenth = folder_for(options.root, files // 10, 10)
    sector_files = min(files, SECTOR)
    sector = folder_for(options.root, sector_files, 280) if enforced else ten
    print(f"cores: {len(os.sched_getaffinity(0))}, load: {os.getloadavg()[0]:.1f}")
    missed: list[str] = []

    def target(run: Run, most: float) -> None:
        if run.ratio > most:
            missed.append(f"{run.case} at {run.files} files: {run.ratio:.1f} x the floor > {most}")
        if run.files >= MEMORY_AT and run.peak > MAX_MEMORY:
            missed.append(f"{run.case} at {run.files} files: peak {run.peak / MIB:.0f} MiB > 600")

    with tempfile.TemporaryDirectory(prefix="krmscan-export-") as temporary:
        out = Path(temporary)
        cases = options.cases.split(",")
        if "xlsx" in cases:
            xlsx = measure("xlsx", ten, files, ["-f", "xlsx", "-o", str(out / "r.xlsx")], repeat)
            check_xlsx(out / "r.xlsx", files)
            target(xlsx, 8)
        if "json" in cases:
            json_case(ten, tenth, files, repeat, out, target, missed)
        if "table" in cases:
            organisations = 280 if enforced else 10
            table = measure(
                f"table ({organisations} organisations)", sector, sector_files, [], repeat
            )
            target(table, 3)
    if not enforced:
        print(f"smoke run: targets apply from {ENFORCED_FROM} files; outputs checked")
        return
    if missed:
        print("TARGETS MISSED:\n  " + "\n  ".join(missed), file=sys.stderr)
        raise SystemExit(1)
    print("every target met")


def json_case(  # noqa: PLR0917
    ten: Path,
    tenth: Path,
    files: int,
    repeat: int,
    out: Path,
    target: Callable[[Run, float], None],
    missed: list[str],
) -> None:
    """JSON at ``files`` and at a tenth of them: the ratio, the growth per file, the memory."""
    small = measure(
        "json (a tenth)", tenth, files // 10, ["-f", "json", "-o", str(out / "t.json")], repeat
    )
    whole = measure("json", ten, files, ["-f", "json", "-o", str(out / "r.json")], repeat)
    check_json(out / "r.json", files)
    if files >= MEMORY_AT:
        target(whole, 3)
    growth = (whole.seconds / whole.files) / (small.seconds / small.files)
    print(f"json time per file, {files // 10} -> {files} files: x {growth:.2f}")
    if files >= ENFORCED_FROM and growth > 1.15:
        missed.append(f"json not linear: time per file x {growth:.2f} > 1.15")


if __name__ == "__main__":
    main()
