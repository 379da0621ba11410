"""How much the comparisons cost: `score` with --benchmark and --previous beside `score` alone.

Generates N current and N earlier answers files (default 10,000 each, in 10 organisations, with
the helpers of ``score_many.py``), then times, interleaved and repeated (medians):

- ``krmscan score NOW`` end to end (the floor of this benchmark: scoring the current files);
- ``krmscan score NOW --benchmark NOW --previous EARLIER`` end to end;

and prints the ratio (target: at most 2.5). Table output to /dev/null; add ``--format json``
with ``--json``.

Run: ``python benchmarks/compare_many.py`` (``--files``, ``--organisations``, ``--repeat``,
``--folder`` to keep the generated files, ``--json``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_many import generate, time_krmscan

from krmscan import questionnaire

TARGET = 2.5


def main() -> None:
    """Generate, time side by side, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--organisations", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="keep the files here (reused if present)")
    parser.add_argument("--json", action="store_true", help="time --format json, not the table")
    options = parser.parse_args()
    loaded = questionnaire.load()
    with tempfile.TemporaryDirectory(prefix="krmscan-compare-") as temporary:
        root = options.folder or Path(temporary)
        now, earlier = root / "now", root / "earlier"
        for seed, folder in enumerate((now, earlier), start=2026):
            if not any(folder.rglob("*.json")):
                print(f"generating {options.files} answers files in {folder} ...")
                generate(loaded, folder, options.files, options.organisations, seed)
        extra = ("--format", "json") if options.json else ()
        compared = (*extra, "--benchmark", str(now), "--previous", str(earlier))
        time_krmscan(now, *extra)  # warm the page cache
        time_krmscan(earlier, *extra)
        alone, both = [], []
        for _ in range(options.repeat):  # interleaved, so both see the same machine load
            alone.append(time_krmscan(now, *extra))
            both.append(time_krmscan(now, *compared))
        floor, mine = statistics.median(alone), statistics.median(both)
        files = sum(1 for _ in now.rglob("*.json"))
        print(f"files: {files} now + {files} earlier, {options.organisations} organisations")
        print(f"cores: {os.cpu_count()}, output: {'json' if options.json else 'table'}")
        print(
            f"krmscan score NOW:                                  {floor:.3f} s"
            f"  (runs: {', '.join(f'{t:.2f}' for t in alone)})"
        )
        print(
            f"krmscan score NOW --benchmark NOW --previous EARLIER: {mine:.3f} s"
            f"  (runs: {', '.join(f'{t:.2f}' for t in both)})"
        )
        print(f"ratio: {mine / floor:.2f} (target at most {TARGET})")


if __name__ == "__main__":
    main()
