"""Reading bounded files and writing files atomically, readable by their owner only."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from krmscan.errors import BadDataError

BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte order mark some editors (on Windows) put at the start of a file."""


def without_bom(raw: bytes) -> bytes:
    """``raw`` without a leading UTF-8 byte order mark."""
    return raw[len(BOM) :] if raw.startswith(BOM) else raw


def read_input(path: Path | str, *, max_bytes: int, wanted: str, kind: str, check: str) -> bytes:
    """Read a file krmscan was given, every failure as one `BadDataError` naming the file.

    ``wanted`` names the file to give instead of a folder, ``kind`` what a file beyond
    ``max_bytes`` is far too large for, and ``check`` what to make sure it is.
    """
    try:
        return read_limited(path, max_bytes=max_bytes)
    except IsADirectoryError:
        raise BadDataError(f"{path}: is a folder; give {wanted}") from None
    except FileNotFoundError:
        raise BadDataError(f"{path}: no such file; check the name and folder") from None
    except PermissionError:
        raise BadDataError(
            f"{path}: no permission to read it; ask its owner for read access or a copy"
        ) from None
    except ValueError:
        raise BadDataError(
            f"{path}: the file is larger than {max_bytes // 1024} KiB, far beyond any {kind}; "
            f"check that this is {check}"
        ) from None
    except OSError as error:
        raise BadDataError(f"{path}: cannot read: {error.strerror or error}") from None


def read_limited(path: Path | str, *, max_bytes: int) -> bytes:
    """Read ``path`` whole, refusing files over ``max_bytes`` before reading them.

    Raises `OSError` for unreadable paths and `ValueError` for files that are too large.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        if status.st_size > max_bytes:
            raise ValueError(f"the file is larger than {max_bytes // 1024} KiB")
        # Read what the size promises, not max_bytes at once (that would allocate it for every
        # small file); files whose size is unknown (pipes) or that grow are read on, bounded.
        data = os.read(fd, status.st_size + 1)
        if len(data) > status.st_size or not stat.S_ISREG(status.st_mode):
            chunks = [data]
            while len(data) <= max_bytes and (chunk := os.read(fd, max_bytes + 1 - len(data))):
                chunks.append(chunk)
                data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise ValueError(f"the file is larger than {max_bytes // 1024} KiB")
    return data


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over
    ``path``; a crash leaves either the old file or the new one, never half of one.
    """
    folder = path.parent
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            os.fchmod(stream.fileno(), 0o600)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    _fsync_folder(folder)


def write_private_with(path: Path, produce: Callable[[IO[bytes]], object]) -> None:
    """Like `write_private`, with the content written by ``produce`` into the open file.

    For output too large to hold in memory at once; on any error the file is left as it was.
    """
    folder = path.parent
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            os.fchmod(stream.fileno(), 0o600)
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
