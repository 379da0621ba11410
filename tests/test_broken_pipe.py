"""Standard output closed by its reader (``krmscan score DIR | head -c1``): a quiet exit 141.

The reader of the pipe is gone before krmscan writes, so the first write fails with EPIPE
(Python ignores SIGPIPE): every format and command must end without a traceback, with the
exit code of a program stopped by SIGPIPE (128 + 13).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.support import KRMSCAN, REPO

VALID = REPO / "tests" / "bad_inputs" / "answers" / "valid.json"


def _into_closed_pipe(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run krmscan with standard output a pipe whose reading end is already closed."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run(
            [str(KRMSCAN), *map(str, args)],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "100"},
            timeout=120,
            check=False,
        )
    finally:
        os.close(writing)


@pytest.mark.parametrize(
    "args",
    [
        ["score", VALID, "-f", "xlsx", "-o", "-"],
        ["score", VALID, VALID, "-f", "json", "-o", "-"],
        ["score", VALID, VALID, "-f", "csv", "-o", "-"],
        ["score", VALID, VALID],
        ["score", VALID],
        ["score", VALID, "-f", "json"],
        ["report", VALID, "--min-group", "1", "-o", "-"],
        ["report", VALID, "--min-group", "1", "--format", "pdf", "-o", "-"],
        ["schema", "answers"],
    ],
    ids=[
        "xlsx",
        "json",
        "csv",
        "table",
        "personal table",
        "personal json",
        "html",
        "pdf",
        "schema",
    ],
)
def test_a_closed_pipe_ends_quietly(args: list[str | Path]) -> None:
    result = _into_closed_pipe(*args)
    assert result.returncode == 141, result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
    assert "Error" not in result.stderr
