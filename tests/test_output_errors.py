"""An output that cannot be written: said in the questionnaire's language, nothing left behind."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

from krmscan import flow, progress
from krmscan import take as taking
from krmscan.files import os_problem
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import REPO, run_krmscan

VALID = REPO / "tests" / "bad_inputs" / "answers" / "valid.json"


def _file_size_limit(limit: int) -> Callable[[], None]:
    """In the child: files can grow to ``limit`` bytes only (as on a full disk, EFBIG)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["score", "a.json", "b.json", "-f", "json", "-o", "out.json"], "out.json"),
        (["score", "a.json", "-o", "out.txt"], "out.txt"),
        (["report", "a.json", "--min-group", "1", "-o", "r.html"], "r.html"),
    ],
    ids=["export", "personal result", "report"],
)
def test_a_failed_write_is_told_in_the_questionnaires_words(
    tmp_path: Path, args: list[str], output: str
) -> None:
    shutil.copyfile(VALID, tmp_path / "a.json")
    shutil.copyfile(VALID, tmp_path / "b.json")
    result = run_krmscan(*args, cwd=tmp_path, preexec_fn=_file_size_limit(400))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    problem = "kan het niet schrijven: het bestand wordt groter dan het systeem toestaat"
    assert f"{output}: {problem}" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.json"]


@pytest.mark.parametrize(
    ("number", "dutch", "english"),
    [
        (errno.ENOSPC, "de schijf is vol", "the disk is full"),
        (errno.EACCES, "geen toestemming", "no permission"),
        (errno.EROFS, "de schijf is alleen-lezen", "the disk is read-only"),
        (errno.ENAMETOOLONG, "de bestandsnaam is te lang", "the file name is too long"),
    ],
)
def test_common_system_errors_are_said_in_the_catalogues_words(
    number: int, dutch: str, english: str
) -> None:
    error = OSError(number, "system words")
    assert os_problem(error, DUTCH) == dutch
    assert os_problem(error, ENGLISH) == english


def test_a_rare_system_error_keeps_the_systems_words() -> None:
    assert os_problem(OSError(errno.ELOOP, "Too many levels of symbolic links"), DUTCH) == (
        "Too many levels of symbolic links"
    )


@pytest.mark.parametrize("sibling", ["json", "json.partial", "json.lock"])
def test_a_generated_name_passes_by_a_broken_link_at_it_or_beside_it(
    shipped: LoadedQuestionnaire, tmp_path: Path, sibling: str
) -> None:
    """A link is no file of krmscan's: the generated name moves on rather than replace it."""
    moment = datetime(2026, 11, 27, 10, 15, tzinfo=timezone.utc)
    (tmp_path / f"krmscan-20261127-101500.{sibling}").symlink_to("nowhere")
    name = taking.default_output(shipped, {}, moment, tmp_path)
    assert name == tmp_path / "krmscan-20261127-101500-2.json"


def test_a_split_folder_that_cannot_be_made_is_told_in_the_questionnaires_words(
    tmp_path: Path,
) -> None:
    shutil.copyfile(VALID, tmp_path / "a.json")
    (tmp_path / "blocker").write_text("a file, not a folder\n")
    result = run_krmscan(
        "report",
        "a.json",
        "--min-group",
        "1",
        "--split",
        "blocker/sub",
        "--format",
        "html",
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "--split blocker/sub: de map is niet te maken: een deel van het pad is geen map"
        in result.stderr
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "blocker"]


def test_an_unfinished_scan_offered_is_a_regular_file_never_a_link(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """A link is no progress of krmscan's: continuing it would remove the link at the end."""
    walk = flow.Walk(flow.steps(shipped.questionnaire), {})
    now = datetime(2026, 11, 27, 10, 15, tzinfo=timezone.utc)
    saved = progress.snapshot(shipped, walk, started_at=now, saved_at=now, anonymous=False)
    progress.save(tmp_path / "elsewhere.partial", saved)
    (tmp_path / "krmscan-20261127-101500.json.partial").symlink_to("elsewhere.partial")
    progress.save(tmp_path / "krmscan-20261127-101501.json.partial", saved)
    found = progress.unfinished(tmp_path, shipped, DUTCH)
    assert [scan.output.name for scan in found] == ["krmscan-20261127-101501.json"]


def _close(fd: int) -> Callable[[], None]:
    """In the child: descriptor ``fd`` closed, as by ``>&-`` or ``2>&-`` in a shell."""
    return lambda: os.close(fd)


@pytest.mark.parametrize(
    "args",
    [
        ["score", VALID, VALID, "-f", "json", "-o", "out.json"],
        ["score", VALID, "-o", "out.json"],
        ["report", VALID, VALID, "--min-group", "1", "-o", "out.html"],
    ],
    ids=["export", "personal result", "report"],
)
def test_a_closed_standard_error_does_not_stop_the_work(tmp_path: Path, args: list[str]) -> None:
    result = run_krmscan(*args, cwd=tmp_path, preexec_fn=_close(2))
    assert result.returncode == 0
    assert (tmp_path / str(args[-1])).stat().st_size > 0


def test_a_closed_standard_error_keeps_the_exit_code_of_bad_usage(tmp_path: Path) -> None:
    result = run_krmscan("score", VALID, "-o", "nowhere/out.json", preexec_fn=_close(2))
    assert result.returncode == 2
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["score", VALID],
        ["score", VALID, VALID, "-f", "csv", "-o", "-"],
        ["score", VALID, VALID, "-f", "xlsx", "-o", "-"],
        ["report", VALID, VALID, "--min-group", "1", "-o", "-"],
    ],
    ids=["table", "csv", "xlsx", "report"],
)
def test_a_closed_standard_output_is_refused_when_the_output_goes_there(
    tmp_path: Path, args: list[str]
) -> None:
    result = run_krmscan(*args, cwd=tmp_path, preexec_fn=_close(1))
    assert result.returncode == 2
    assert result.stderr.strip() == DUTCH.stdout_closed
    assert list(tmp_path.iterdir()) == []


def test_a_closed_standard_output_does_not_matter_for_a_file(tmp_path: Path) -> None:
    result = run_krmscan("score", VALID, "-o", "out.txt", cwd=tmp_path, preexec_fn=_close(1))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.txt").read_text("utf-8")


def test_a_closed_standard_output_does_not_matter_for_split_reports(tmp_path: Path) -> None:
    args = ["report", VALID, VALID, "--min-group", "1", "--split", "out", "-f", "html"]
    result = run_krmscan(*args, cwd=tmp_path, preexec_fn=_close(1))
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "out").iterdir())


def test_split_into_a_dash_is_refused(tmp_path: Path) -> None:
    result = run_krmscan("report", VALID, VALID, "--split", "-", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == DUTCH.rep_split_dash
    assert list(tmp_path.iterdir()) == []
