"""How fast `krmscan report` is for a whole sector, and how big its one HTML file gets.

Generates answers files of N organisations (default 280 with 30,000 files in all, sizes
varying like a sector's), then times real processes:

- ``krmscan report DIR -o all.html``: one HTML for every organisation (its size too);
- ``krmscan report DIR --split OUT -f html``: one HTML per organisation;
- ``krmscan report SUBSET --split OUT``: one PDF per organisation for the first few
  organisations (WeasyPrint; ``--pdf-organisations``), per organisation;

beside two floors measured in the same run: reading and ``json.loads`` of every file, and
matplotlib saving an empty figure as SVG once per organisation. Targets (issue 13): at most
0.15 s per organisation, the HTML split in at most 60 s, one HTML under 15 MB. Exits 1 when
one is missed.

Run: ``python benchmarks/report_many.py`` (``--organisations``, ``--files``, ``--folder`` to
keep and reuse the generated files, ``--pdf-organisations``).

``--compared`` measures instead the board's report with the comparisons (issue 12): one
organisation of 500 respondents with ``--benchmark`` (itself and 6 others of 60),
``--previous`` (500 earlier answers) and ``--by``, as PDF and as HTML, beside the same report
without comparisons (the floor, same run). Target: the PDF in under 5 s.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_many import time_floor

from krmscan import questionnaire
from tests.boards import write_boards

KRMSCAN = Path(sys.executable).with_name("krmscan")
PER_ORGANISATION = 0.15
SPLIT_SECONDS = 60.0
ONE_FILE_MB = 15.0
COMPARED_SECONDS = 5.0


def sizes(organisations: int, files: int) -> dict[str, int]:
    """Organisation -> respondents, varied (a few large, many small), summing to ``files``."""
    rng = random.Random(13)
    weights = [rng.paretovariate(1.5) for _ in range(organisations)]
    total = sum(weights)
    counts = [max(6, round(files * w / total)) for w in weights]
    return {f"Woningcorporatie {i + 1:03}": n for i, n in enumerate(counts)}


def timed(*args: str | Path) -> float:
    begun = time.perf_counter()
    done = subprocess.run(
        [str(KRMSCAN), *map(str, args)], capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - begun
    if done.returncode != 0:
        raise SystemExit(f"krmscan {' '.join(map(str, args))} failed:\n{done.stderr}")
    return took


def draw_floor(organisations: int) -> float:
    """matplotlib saving an empty figure as SVG, once per organisation."""
    from matplotlib.figure import Figure

    begun = time.perf_counter()
    for _ in range(organisations):
        figure = Figure(figsize=(6, 4))
        figure.add_subplot()
        figure.savefig(io.StringIO(), format="svg")
    return time.perf_counter() - begun


def targets_missed(per: float, split: float, megabytes: float, count: int) -> list[str]:
    """The targets (scaled to ``count`` organisations) this run missed."""
    missed: list[str] = []
    if per > PER_ORGANISATION:
        missed.append(f"{per:.3f} s per organisation > {PER_ORGANISATION}")
    if split > SPLIT_SECONDS * count / 280:
        missed.append(f"HTML split {split:.1f} s > {SPLIT_SECONDS * count / 280:.1f} s")
    if megabytes > ONE_FILE_MB * count / 280:
        missed.append(f"one HTML {megabytes:.1f} MB > {ONE_FILE_MB * count / 280:.2f} MB")
    return missed


def compared(loaded: questionnaire.LoadedQuestionnaire, work: Path) -> None:
    """The board's report of 500 respondents with a benchmark, the previous round, segments."""
    others = {f"Vergelijking {i}": 60 for i in range(6)}
    write_boards(loaded, work / "now", {"De Woonmaatschappij": 500}, seed=1)
    write_boards(loaded, work / "then", {"De Woonmaatschappij": 500}, seed=2)
    write_boards(loaded, work / "bench", others, seed=3)
    shutil.copytree(work / "now", work / "bench" / "own")
    comparing = ("--benchmark", work / "bench", "--previous", work / "then", "--by", "krm_is")
    timed("report", work / "now", "-o", work / "warm.html")  # the page cache and imports
    runs = {
        "PDF, plain (floor)": timed("report", work / "now", "-o", work / "plain.pdf"),
        "PDF, compared": timed("report", work / "now", "-o", work / "board.pdf", *comparing),
        "HTML, plain (floor)": timed("report", work / "now", "-o", work / "plain.html"),
        "HTML, compared": timed("report", work / "now", "-o", work / "board.html", *comparing),
    }
    print("one organisation of 500 respondents, 500 earlier, benchmark of 7 (a loaded machine)")
    for name, took in runs.items():
        print(f"  {name:22} {took:.2f} s")
    pdf = runs["PDF, compared"]
    print(
        f"  ratio compared / plain: PDF {pdf / runs['PDF, plain (floor)']:.2f}, HTML "
        f"{runs['HTML, compared'] / runs['HTML, plain (floor)']:.2f}"
    )
    if pdf >= COMPARED_SECONDS:
        raise SystemExit(f"target missed: the compared PDF took {pdf:.1f} s >= {COMPARED_SECONDS}")
    print("target met")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compared", action="store_true", help="the compared board's report")
    parser.add_argument("--organisations", type=int, default=280)
    parser.add_argument("--files", type=int, default=30_000)
    parser.add_argument("--folder", type=Path, help="keep (and reuse) the answers files here")
    parser.add_argument("--pdf-organisations", type=int, default=5)
    options = parser.parse_args()
    loaded = questionnaire.load()
    if options.compared:
        with tempfile.TemporaryDirectory(prefix="krmscan-compared-") as temporary:
            return compared(loaded, Path(temporary))
    work = Path(tempfile.mkdtemp(prefix="krmscan-report-"))
    folder = options.folder or work / "answers"
    wanted = sizes(options.organisations, options.files)
    if not folder.exists():
        print(f"writing {sum(wanted.values())} answers files of {len(wanted)} organisations")
        write_boards(loaded, folder, wanted)
    count = len(wanted)
    try:
        floor = time_floor(folder)
        drawing = draw_floor(count)
        one = timed("report", folder, "-o", work / "all.html")
        megabytes = (work / "all.html").stat().st_size / 1e6
        split = timed("report", folder, "--split", work / "html", "-f", "html")
        subset = work / "subset"
        subset.mkdir()
        for sub in sorted(folder.iterdir())[: options.pdf_organisations]:
            shutil.copytree(sub, subset / sub.name)
        pdf = timed("report", subset, "--split", work / "pdf")
        first = work / "first"
        shutil.copytree(sorted(folder.iterdir())[0], first / "org")
        fixed = timed("report", first, "-o", work / "first.html")
    finally:
        shutil.rmtree(work / "html", ignore_errors=True)
    per = (one - fixed) / (count - 1)  # start-up and loading left out
    per_pdf = pdf / options.pdf_organisations
    files = sum(wanted.values())
    empty = drawing / count
    print(f"{count} organisations, {files} files (a loaded machine: compare the ratios)")
    print(f"  floor, read + json.loads: {floor:.2f} s")
    print(f"  floor, matplotlib saving an empty SVG: {empty * 1000:.0f} ms per organisation")
    print(
        f"  one HTML: {one:.1f} s, {per:.3f} s per organisation beyond the first "
        f"({per / empty:.1f}x the empty SVG), {megabytes:.1f} MB (target < {ONE_FILE_MB:g} "
        "for 280)"
    )
    print(f"  --split, HTML: {split:.1f} s ({split / count:.3f} s per organisation)")
    print(
        f"  --split, PDF: {per_pdf:.2f} s per organisation ({options.pdf_organisations} "
        f"measured), about {per_pdf * count:.0f} s for all {count}"
    )
    missed = targets_missed(per, split, megabytes, count)
    shutil.rmtree(work, ignore_errors=True)
    if missed:
        raise SystemExit("targets missed: " + "; ".join(missed))
    print("targets met")


if __name__ == "__main__":
    main()
