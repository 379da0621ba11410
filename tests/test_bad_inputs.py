"""The bad-input corpus (tests/bad_inputs/cases.yaml), each case run as a real krmscan process.

Every case must end with its exit code and one clear message naming the file and the line or
field, print no traceback, and write or change nothing on disk. Each runs under a CPU and
memory cap (`tests.support.capped`), not a time target: an input that blows up, such as an
alias bomb expanded, is killed and fails on its exit code.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import capped, run_krmscan

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8"))
VALID_ANSWERS = CORPUS / "answers" / "valid.json"

Snapshot = dict[str, tuple[str, int, int, str]]


def _deep_json(path: Path) -> None:
    """An answers file whose one answer is a list nested 100,000 levels deep (200 KB)."""
    depth = 100_000
    head = VALID_ANSWERS.read_text("utf-8").rsplit("}", 2)[0].rstrip()
    path.write_text(f'{head},\n    "diep": {"[" * depth}{"]" * depth}\n  }}\n}}\n', "utf-8")


def _sized(path: Path, start: bytes, megabytes: int) -> None:
    with path.open("wb") as stream:
        stream.write(start)
        block = b"x" * (1024 * 1024)
        for _ in range(megabytes):
            stream.write(block)
        stream.write(b'"\n}\n')


def _unreadable(path: Path) -> None:
    shutil.copyfile(VALID_ANSWERS, path)
    path.chmod(0)


def _fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no FIFOs")
    os.mkfifo(path)


def _device(path: Path) -> None:
    """A character device like /dev/null (1, 3), made here: the real /dev/null is never touched."""
    if os.geteuid() != 0 or not hasattr(os, "mknod"):
        pytest.skip("making a device node needs root (mknod)")
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))


def _in_folder(make: Callable[[Path], None]) -> Callable[[Path], None]:
    """``make`` a file named ``x.json`` inside the folder ``path``."""

    def made(path: Path) -> None:
        path.mkdir()
        make(path / "x.json")

    return made


def _tty_link(path: Path) -> None:
    path.symlink_to("/dev/tty")


def _proc_link(path: Path) -> None:
    path.symlink_to("/proc/self/fd/1")


def _unsearchable(path: Path) -> None:
    """A folder without search permission holding a valid answers file."""
    path.mkdir()
    shutil.copyfile(VALID_ANSWERS, path / "a.json")
    path.chmod(0o600)


GENERATORS: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "device": _device,
    "fifo_in_folder": _in_folder(_fifo),
    "device_in_folder": _in_folder(_device),
    "tty_link": _tty_link,
    "proc_link": _proc_link,
    "copy_of_valid": lambda path: shutil.copyfile(VALID_ANSWERS, path),
    "link_to_valid": lambda path: path.symlink_to("valid.json"),
    "unsearchable": _unsearchable,
    "deep_json": _deep_json,
    "fifty_megabytes": lambda path: _sized(path, b'{"format": "krmscan-answers", "x": "', 50),
    "three_megabytes": lambda path: _sized(path, b'id: medewerkerscan_krm\ntitle: "', 3),
    "folder": lambda path: path.mkdir(),
    "nothing": lambda _path: None,
    "unreadable": _unreadable,
}


def _snapshot(folder: Path) -> Snapshot:
    """Every entry below ``folder``: kind, mode, size and content hash."""
    state: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = ""
        if stat.S_ISREG(info.st_mode) and info.st_mode & 0o444:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        kind = "dir" if stat.S_ISDIR(info.st_mode) else "file"
        state[str(path.relative_to(folder))] = (kind, info.st_mode, info.st_size, digest)
    return state


def _drop_read_override() -> None:
    """In the child: give up root's power to read any file (CAP_DAC_OVERRIDE, _READ_SEARCH).

    Dropped from the bounding set, they are gone after exec, while the process keeps uid 0
    and so can still run the interpreter from a folder only root may enter.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for capability in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _unreadable_runner(path: Path) -> Callable[[], None] | None:
    """How to run krmscan so that ``path`` (mode 000) really cannot be read; skip otherwise."""
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("running as root, and dropping root's read override needs Linux")
    inside = path / "a.json"
    code = f"open({str(path)!r}).close()"
    if path.is_dir():
        code = f"import os; os.stat({str(inside)!r})"
    probe = [sys.executable, "-c", code]
    try:
        probed = subprocess.run(
            probe, preexec_fn=_drop_read_override, capture_output=True, check=False
        )
    except subprocess.SubprocessError as error:
        pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE here: {error}")
    if probed.returncode == 0:
        pytest.skip("running as root and a mode-000 file stays readable even without overrides")
    return _drop_read_override


def _arguments(case: dict[str, Any], file_name: str) -> list[str]:
    default = ["score", "{file}"] if file_name.endswith(".json") else ["validate", "{file}"]
    return [
        part.format(file=file_name, valid_answers="valid.json")
        for part in case.get("args", default)
    ]


def _flat(text: str) -> str:
    """Text with rich's panel borders and line wrapping removed, for fragment matching."""
    lines = [line.strip(" │╭╮╰╯─") for line in text.splitlines()]
    return " ".join(line for line in lines if line)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_input(case: dict[str, Any], tmp_path: Path) -> None:
    file_name = Path(case["file"]).name
    target = tmp_path / file_name
    if "generate" in case:
        GENERATORS[case["generate"]](target)
    else:
        shutil.copyfile(CORPUS / case["file"], target)
    shutil.copyfile(VALID_ANSWERS, tmp_path / "valid.json")
    unreadable = case.get("generate") in {"unreadable", "unsearchable"}
    preexec = _unreadable_runner(target) if unreadable else None
    before = _snapshot(tmp_path)

    result = run_krmscan(*_arguments(case, file_name), cwd=tmp_path, preexec_fn=capped(preexec))

    output = result.stdout + result.stderr
    assert result.returncode == case["exit"], output
    assert "Traceback" not in output
    assert case["message"] in _flat(result.stderr), result.stderr
    assert result.stdout == ""
    if case["exit"] == 1:  # krmscan's own message: one line naming the file first
        assert len(result.stderr.strip().splitlines()) == case.get("lines", 1), result.stderr
        assert file_name in result.stderr.splitlines()[0], result.stderr
    assert _snapshot(tmp_path) == before


def test_corpus_is_large_and_names_only_existing_files() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) >= 30
    assert len(set(names)) == len(names)
    for case in CASES:
        assert case["exit"] in {1, 2}
        assert "generate" in case or (CORPUS / case["file"]).is_file(), case["name"]
        assert case.get("generate", "nothing") in GENERATORS, case["name"]


@pytest.mark.parametrize(
    ("valid", "command"),
    [(VALID_ANSWERS, "score"), (CORPUS / "questionnaires" / "valid.yaml", "validate")],
)
def test_the_files_the_cases_come_from_are_valid(valid: Path, command: str) -> None:
    result = run_krmscan(command, valid)
    assert result.returncode == 0, result.stderr
