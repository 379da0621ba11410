"""Reading bounded files and writing files atomically, readable by their owner only."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from krmscan.errors import BadDataError, UsageError
from krmscan.messages import ENGLISH, Messages

BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte order mark some editors (on Windows) put at the start of a file."""


def without_bom(raw: bytes) -> bytes:
    """``raw`` without a leading UTF-8 byte order mark."""
    return raw[len(BOM) :] if raw.startswith(BOM) else raw


def read_input(
    path: Path | str,
    *,
    max_bytes: int,
    wanted: str,
    kind: str,
    check: str,
    messages: Messages = ENGLISH,
) -> bytes:
    """Read a file krmscan was given, every failure as one `BadDataError` naming the file.

    ``wanted`` names the file to give instead of a folder, ``kind`` what a file beyond
    ``max_bytes`` is far too large for, and ``check`` what to make sure it is; the messages
    come from ``messages`` (the questionnaire's language for answers files; English for the
    questionnaire itself, read before its language is known).
    """
    try:
        return read_limited(path, max_bytes=max_bytes)
    except IsADirectoryError:
        raise BadDataError(messages.file_is_folder.format(path=path, wanted=wanted)) from None
    except FileNotFoundError:
        raise BadDataError(messages.file_missing.format(path=path)) from None
    except PermissionError:
        raise BadDataError(messages.file_no_permission.format(path=path)) from None
    except SpecialFileError as special:
        found = special_kind(special.mode, messages)
        raise BadDataError(
            messages.file_special.format(path=path, kind=found, wanted=wanted)
        ) from None
    except ValueError:
        raise BadDataError(
            messages.file_too_large.format(path=path, kib=max_bytes // 1024, kind=kind, check=check)
        ) from None
    except OSError as error:
        problem = os_problem(error, messages)
        raise BadDataError(messages.file_unreadable.format(path=path, problem=problem)) from None


class SpecialFileError(OSError):
    """An input is a device, a FIFO or a socket: reading it could block or never end."""

    def __init__(self, mode: int) -> None:
        super().__init__(f"is {special_kind(mode)}, not a regular file")
        self.mode = mode


def _refuse_to_read(mode: int) -> None:
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise SpecialFileError(mode)


def read_limited(path: Path | str, *, max_bytes: int) -> bytes:
    """Read ``path`` whole, refusing files over ``max_bytes`` before reading them.

    Raises `OSError` for unreadable paths and `ValueError` for files that are too large.
    """
    _refuse_to_read(os.stat(path).st_mode)  # noqa: PTH116 - no Path object per file read
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY if os.name == "posix" else os.O_RDONLY
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        _refuse_to_read(status.st_mode)
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


TEMPORARY_PREFIX = ".krmscan-"
TEMPORARY_SUFFIX = ".tmp"
_TEMPORARY = re.compile(r"\.krmscan-(\d+)-[0-9a-f]{8}\.tmp\Z")
"""``.krmscan-<pid>-<8 hex>.tmp``: short whatever the output's name, and naming its writer."""
_cleaned: set[str] = set()


def check_output(
    path: Path, inputs: Iterable[Path | str] = (), messages: Messages = ENGLISH
) -> None:
    """Refuse an output that krmscan must not replace, before anything is read or written.

    Only a regular file (or a link to one) is replaced, or a new file created in an existing
    folder. A device, FIFO, socket, folder or a link to one (``/dev/null``, ``/proc/self/fd/1``)
    and any of ``inputs`` (the same file, however named) raise `UsageError`; nothing is touched.
    """
    status = _output_status(path, messages)
    if status is None:
        return
    if stat.S_ISDIR(status.st_mode):
        raise UsageError(messages.output_folder.format(path=path, example=path / "out.json"))
    if _through_proc(path):
        raise UsageError(messages.output_proc.format(path=path))
    if not stat.S_ISREG(status.st_mode):
        kind = special_kind(status.st_mode, messages)
        raise UsageError(messages.output_special.format(path=path, kind=kind))
    for given in inputs:
        if _same_file(status, given):
            raise UsageError(messages.output_is_input.format(path=path, given=given))


def check_own_file(path: Path, messages: Messages = ENGLISH) -> None:
    """Refuse when ``path`` is there and is no regular file: krmscan's own files beside an output.

    A progress file or a lock is removed and replaced by krmscan, so only a regular file
    (never a link, device, FIFO, socket or folder) may stand at its name; anything else
    raises `UsageError` and is left as it is.
    """
    try:
        status = path.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        problem = os_problem(error, messages)
        raise UsageError(messages.output_unusable.format(path=path, problem=problem)) from None
    if not stat.S_ISREG(status.st_mode):
        link = stat.S_ISLNK(status.st_mode)
        kind = messages.kind_link if link else special_kind(status.st_mode, messages)
        raise UsageError(messages.own_file_special.format(path=path, kind=kind))


NAME_MAX = 255
"""The longest file name in bytes on common file systems, where the system does not say."""


def name_limit(folder: Path) -> int:
    """The longest file name (in bytes) ``folder`` takes."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def check_name_fits(path: Path, beside: Path, messages: Messages = ENGLISH) -> None:
    """Refuse ``path`` (`UsageError`) when the longer name ``beside`` it is too long.

    ``beside`` is the longest name krmscan keeps next to ``path`` (``a.json.partial``).
    """
    limit = name_limit(path.parent)
    added = beside.name[len(path.name) :]
    length, extra = len(os.fsencode(path.name)), len(os.fsencode(added))
    if length + extra > limit:
        raise UsageError(
            messages.name_too_long.format(
                path=path, length=length, sibling=added, limit=limit, fits=limit - extra
            )
        )


def os_problem(error: OSError, messages: Messages = ENGLISH) -> str:
    """What went wrong in ``error``, in the catalogue's words for the common errno values."""
    known = {
        errno.ENOSPC: messages.os_no_space,
        getattr(errno, "EDQUOT", errno.ENOSPC): messages.os_no_space,
        errno.EACCES: messages.os_no_permission,
        errno.EPERM: messages.os_no_permission,
        errno.EROFS: messages.os_read_only,
        errno.ENAMETOOLONG: messages.os_name_too_long,
        errno.EISDIR: messages.os_is_folder,
        errno.ENOENT: messages.os_missing,
        errno.ENOTDIR: messages.os_not_folder,
        errno.EIO: messages.os_io_error,
        errno.EFBIG: messages.os_too_large,
    }
    return known.get(error.errno or 0) or str(error.strerror or error)


def _output_status(path: Path, messages: Messages) -> os.stat_result | None:
    """What ``path`` is (links followed), or None for a new file in an existing folder."""
    try:
        return path.stat()
    except PermissionError:
        raise UsageError(messages.output_no_permission.format(path=path)) from None
    except FileNotFoundError:
        if path.is_symlink():
            raise UsageError(messages.output_dangling_link.format(path=path)) from None
        if not is_folder(path.parent, messages):
            raise UsageError(messages.output_no_folder.format(path=path.parent)) from None
        return None
    except OSError as error:
        problem = os_problem(error, messages)
        raise UsageError(messages.output_unusable.format(path=path, problem=problem)) from None


def _same_file(status: os.stat_result, other: Path | str) -> bool:
    try:
        found = Path(other).stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (status.st_dev, status.st_ino)


def is_folder(path: Path | str, messages: Messages = ENGLISH) -> bool:
    """Whether ``path`` is a folder; a path krmscan may not look at raises `BadDataError`."""
    try:
        return stat.S_ISDIR(Path(path).stat().st_mode)
    except PermissionError:
        raise BadDataError(messages.folder_no_permission.format(path=path)) from None
    except (OSError, ValueError):
        return False


def _through_proc(path: Path) -> bool:
    """Whether ``path`` or a link it passes lies in /proc (``/proc/self/fd/1`` and the like)."""
    seen = 0
    current = os.path.abspath(path)  # noqa: PTH100 - followed link by link below
    while seen < 40:  # the kernel's own limit on links followed
        if Path(current).parts[1:2] == ("proc",):
            return True
        if not os.path.islink(current):  # noqa: PTH114 - a string in the loop
            return os.path.realpath(current).startswith("/proc/")
        target = os.readlink(current)  # noqa: PTH115
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))  # noqa: PTH118, PTH120
        seen += 1
    return False


def special_kind(mode: int, messages: Messages = ENGLISH) -> str:
    """What a file that is not regular is, in words."""
    if stat.S_ISDIR(mode):
        return messages.kind_folder
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return messages.kind_device
    if stat.S_ISFIFO(mode):
        return messages.kind_pipe
    if stat.S_ISSOCK(mode):
        return messages.kind_socket
    return messages.kind_special


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (see `write_private_with`)."""
    write_private_with(path, lambda stream: stream.write(data))


def write_private_with(path: Path, produce: Callable[[IO[bytes]], object]) -> None:
    """Write what ``produce`` writes into the open file to ``path``, atomically, mode 0600.

    The data goes into a new file in the same folder, flushed and fsynced, which is then
    renamed over ``path``: a crash leaves either the old file or the new one, never half of
    one, and never replaces what is not a regular file. Where the system allows (Linux), the
    new file is unnamed (``O_TMPFILE``) until it is complete, so a killed write leaves
    nothing; elsewhere, and in the instant between naming and renaming, it is
    ``.krmscan-<pid>-<random>.tmp``, and the next write into that folder removes such files of
    processes that are gone. ``produce`` may write more than fits in memory at once. When
    ``path`` is a link, the file it leads to is replaced (in that file's folder); the link stays.
    """
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = path.parent
    _remove_stale_temporaries(folder)
    temporary = folder / f"{TEMPORARY_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
    fd = _unnamed(folder)
    try:
        named = fd < 0
        if named:
            fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w+b") as stream:
            os.fchmod(stream.fileno(), 0o600)
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
            if not named and not _link_unnamed(stream.fileno(), temporary):
                _copy_named(stream, temporary)  # the system would not link the unnamed file in
        _refuse_special(path)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(folder)


def _unnamed(folder: Path) -> int:
    """An unnamed new file in ``folder`` (Linux ``O_TMPFILE``), or -1 where unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return -1
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError:
        return -1


def _link_unnamed(fd: int, temporary: Path) -> bool:
    """Give the unnamed file ``fd`` the name ``temporary``; False where the system refuses.

    The folder is given as a file descriptor: only then does `os.link` call
    ``linkat(..., AT_SYMLINK_FOLLOW)``; without one (Python 3.11) it calls ``link()``, which
    links the ``/proc/self/fd`` entry itself and fails with EXDEV.
    """
    try:
        folder = os.open(temporary.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        os.link(f"/proc/self/fd/{fd}", temporary.name, dst_dir_fd=folder, follow_symlinks=True)
    except OSError:
        return False
    finally:
        os.close(folder)
    return True


def _copy_named(stream: IO[bytes], temporary: Path) -> None:
    """Copy the whole of ``stream`` into the new file ``temporary`` and make it durable."""
    stream.seek(0)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as copy:
        shutil.copyfileobj(stream, copy)
        copy.flush()
        os.fsync(copy.fileno())


def _refuse_special(path: Path) -> None:
    """Raise `UsageError` when ``path`` is there and no regular file (it changed since checked)."""
    try:
        status = path.stat()
    except OSError:
        return
    if not stat.S_ISREG(status.st_mode):
        raise UsageError(f"{path}: is {special_kind(status.st_mode)}, not a regular file")


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove krmscan's temporary files in ``folder`` whose process is gone (once per run).

    Only regular files of the current user are removed: a link, FIFO or device of that name stays.
    """
    key = os.path.abspath(folder)  # noqa: PTH100 - a key, not a path to use
    if key in _cleaned:
        return
    _cleaned.add(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is not None and _own_regular(entry) and not _alive(int(match[1])):
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()


def _own_regular(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` (not followed if a link) is a regular file of the current user."""
    try:
        status = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_uid == os.getuid()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to ask
        return True
    return True


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
