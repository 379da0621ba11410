"""Many organisations and long runs: the one-line overview, progress bars, the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pexpect
import pyte
import pytest

from krmscan import answers
from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.render import OVERVIEW_FROM
from tests.support import KRMSCAN, REPO, run_krmscan, sample_answers

ORGANISATIONS = OVERVIEW_FROM + 5
BAR = "\u2501"  # the heavy line rich.progress draws its bars with


@pytest.fixture(scope="module")
def sector(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """Answers files of more organisations than a screen holds, three respondents each."""
    root = tmp_path_factory.mktemp("sector")
    moment = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)
    for number in range(ORGANISATIONS * 3):
        given = sample_answers(
            shipped.questionnaire,
            organisation=f"Corporatie {number % ORGANISATIONS + 1:02}",
            ambition=number % 4 + 1,
            statement_points=[(number + i) % 3 for i in range(35)],
        )
        started = moment + timedelta(minutes=number)
        built = answers.build(shipped, given, started, started + timedelta(minutes=10))
        (root / f"{number:03}.json").write_bytes(answers.dump(built))
    return root


def test_many_organisations_one_line_each_detail_on_request(sector: Path) -> None:
    done = run_krmscan("score", sector, "--min-group", "3", env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{ORGANISATIONS} organisaties: één regel per organisatie")
    assert "1 = Strategie, 2 = Klantmanagement" in done.stdout
    rows = [line for line in lines if line.lstrip().startswith("Corporatie")]
    assert len(rows) == ORGANISATIONS
    assert all(len(line) <= 80 for line in lines)
    first = rows[0].split()
    assert first[:3] == ["Corporatie", "01", "3"]  # name, n
    assert len(first) == 2 + 1 + 5 + 1  # name (two words), n, five means, level
    assert all(mean.isdigit() for mean in first[3:8])  # whole percentages
    assert "Prioriteiten" not in done.stdout

    narrow = run_krmscan("score", sector, "--min-group", "3", env={"COLUMNS": "60"})
    assert narrow.returncode == 0, narrow.stderr
    lines = narrow.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert len([line for line in lines if line.lstrip().startswith("Corporatie")]) == len(rows)

    detail = run_krmscan("score", sector, "--detail", "--min-group", "3", env={"COLUMNS": "80"})
    assert detail.returncode == 0, detail.stderr
    assert detail.stdout.count("Prioriteiten") == ORGANISATIONS


def test_a_long_score_on_a_terminal_shows_a_bar_on_stderr(sector: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    env = {**os.environ, "KRMSCAN_PROGRESS_AFTER": "0", "TERM": "xterm-256color"}
    # stdout goes to the file: what reaches the terminal is standard error
    child = pexpect.spawn(
        str(KRMSCAN),
        ["score", str(sector), "-f", "xlsx", "-o", str(out), "--min-group", "1"],
        env=env,
        dimensions=(24, 80),
        timeout=60,
    )
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    raw = b""
    seen: set[str] = set()
    while True:
        try:
            chunk = child.read_nonblocking(65536, timeout=30)
        except pexpect.EOF:
            break
        raw += chunk
        stream.feed(chunk)
        seen.update(line for line in screen.display if BAR in line)
    child.close()
    assert child.exitstatus == 0
    assert out.exists()
    assert any("Antwoordbestanden lezen" in line for line in seen), seen
    assert any("Wegschrijven" in line for line in seen), seen
    count = ORGANISATIONS * 3
    assert f"{count} respondenten uit {count} bestanden" in "\n".join(screen.display)


def test_piped_stderr_holds_no_bar(sector: Path, tmp_path: Path) -> None:
    done = run_krmscan(
        "score",
        sector,
        "-f",
        "json",
        "-o",
        tmp_path / "r.json",
        env={"KRMSCAN_PROGRESS_AFTER": "0"},
    )
    assert done.returncode == 0, done.stderr
    assert BAR not in done.stderr
    assert "\x1b" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{ORGANISATIONS * 3} respondenten uit {ORGANISATIONS * 3} bestanden",
        *(
            f"waarschuwing: 'Corporatie {n:02}' heeft 3 respondent(en), minder dan --min-group "
            "5: de uitkomsten kunnen tot personen herleidbaar zijn"
            + DUTCH.note_small_group_withheld
            for n in range(1, ORGANISATIONS + 1)
        ),
    ]


def test_export_benchmark_smoke_run(tmp_path: Path) -> None:
    """CI runs the benchmark at 2,000 files: every export written and read back."""
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "export_many.py"),
            "--files",
            "2000",
            "--root",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for case in ("xlsx", "json (a tenth)", "json ", "table (10 organisations)"):
        assert case in done.stdout
    assert "outputs checked" in done.stdout
