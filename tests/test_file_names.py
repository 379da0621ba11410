"""File names that are no UTF-8 (on Linux a name is any bytes): shown, never a crash."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.support import REPO, run_krmscan

VALID = REPO / "tests" / "bad_inputs" / "answers" / "valid.json"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="only Linux takes any bytes in a file name"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A valid answers file named ``a<0xff>.json`` and a broken one named ``b<0xfe>.json``."""
    answers = tmp_path / "in"
    answers.mkdir()
    shutil.copyfile(VALID, answers / os.fsdecode(b"a\xff.json"))
    (answers / os.fsdecode(b"b\xfe.json")).write_text("{", "utf-8")
    return answers


@pytest.mark.parametrize("output_format", ["json", "csv", "xlsx", "table"])
def test_every_export_shows_the_names_bytes(
    folder: Path, tmp_path: Path, output_format: str
) -> None:
    out = tmp_path / f"out.{output_format}"
    result = run_krmscan(
        "score", folder, "--min-group", "1", "--include-personal", "-f", output_format, "-o", out
    )
    assert result.returncode == 1, result.stderr  # the broken file is skipped
    assert "Traceback" not in result.stderr
    assert "b\\xfe.json" in result.stderr
    if output_format == "xlsx":
        sheets = load_workbook(out).worksheets
        text = " ".join(str(c.value) for sheet in sheets for row in sheet.iter_rows() for c in row)
    else:
        text = out.read_text("utf-8-sig")
    if output_format == "json":
        data = json.loads(text)
        assert data["respondents"][0]["file"].endswith("a\\xff.json")
        assert data["skipped"][0]["file"].endswith("b\\xfe.json")
    elif output_format != "table":  # the table names no files
        assert "a\\xff.json" in text


def test_the_report_shows_the_names_bytes(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run_krmscan("report", folder, "--min-group", "1", "-o", out)
    assert result.returncode == 1, result.stderr  # the broken file is skipped
    assert "Traceback" not in result.stderr
    assert "b\\xfe.json" in out.read_text("utf-8")
