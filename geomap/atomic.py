"""Every file geomap writes goes through here: a temporary file beside the target, fsync, rename.

A reader (a browser reloading the map, a script reading the export) sees the old file or the
new one, never half of one; on any error (missing folder, read-only filesystem, full disk, an
exception while producing the content) the old file is left exactly as it was and the
temporary file is removed. Errors are GeomapError naming the path and the reason.

Missing parent folders: created only when the target lies under the current directory (the
default `maps/claims.html` works in a fresh checkout); an absolute or `..` path elsewhere must
name an existing folder, so a typo never creates folders at the filesystem root.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from geomap.errors import GeomapError

__all__ = ["atomic_write", "os_reason", "prepare_parent", "write_bytes", "write_text"]


def os_reason(exc: OSError) -> str:
    """The human part of an OSError ("No space left on device"), without errno noise."""
    return exc.strerror or str(exc) or exc.__class__.__name__


def prepare_parent(path: Path) -> None:
    """Make sure `path`'s folder exists, creating it only under the current directory."""
    parent = path.parent
    if parent.is_dir():
        return
    if parent.exists():
        raise GeomapError(f"cannot write {path}: {parent} is not a folder")
    try:
        inside = parent.resolve().is_relative_to(Path.cwd().resolve())
    except OSError:
        inside = False
    if path.is_absolute() or not inside:
        raise GeomapError(
            f"cannot write {path}: folder {parent} does not exist (create it first; geomap only "
            "creates missing folders under the current directory)"
        )
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GeomapError(
            f"cannot write {path}: cannot create {parent}: {os_reason(exc)}"
        ) from None


def _open_temp(path: Path) -> tuple[Path, int]:
    """A new file beside `path` (same filesystem, so the rename is atomic), 0666 minus umask."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name[:200]}.{secrets.token_hex(4)}.tmp")
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
    raise GeomapError(f"cannot write {path}: no free temporary name beside it")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported here (some filesystems); the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_write(
    path: str | Path, *, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Open a temporary file for writing; on a clean exit it replaces `path` atomically.

    An exception inside the block (or while flushing, syncing, renaming) removes the
    temporary file and leaves `path` untouched; OSErrors become GeomapError naming `path`.
    The replaced file keeps its permission bits.
    """
    shown_path = Path(path)
    # A symlinked target: replace the file it points to, and keep the link.
    path = shown_path.resolve() if shown_path.is_symlink() else shown_path
    if path.is_dir():
        raise GeomapError(f"cannot write {path}: it is a folder")
    if path.exists() and not path.is_file():  # /dev/stdout, a named pipe: nothing to replace
        with _direct(path, binary, encoding, newline) as fp:
            yield fp
        return
    prepare_parent(path)
    existed = path.exists()
    try:
        tmp, fd = _open_temp(path)
    except OSError as exc:
        raise GeomapError(f"cannot write {path}: {os_reason(exc)}") from None
    try:
        with (
            os.fdopen(fd, "wb")
            if binary
            else os.fdopen(fd, "w", encoding=encoding, newline=newline)
        ) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            why = os_reason(exc)
            if exc.errno == errno.ENOSPC:
                why = "the disk is full"
            kept = " (the old file is unchanged)" if existed else ""
            raise GeomapError(f"cannot write {path}: {why}{kept}") from None
        raise
    _fsync_dir(path.parent)


@contextmanager
def _direct(path: Path, binary: bool, encoding: str, newline: str | None) -> Iterator[IO]:
    try:
        with (
            open(path, "wb") if binary else open(path, "w", encoding=encoding, newline=newline)
        ) as fp:
            yield fp
    except OSError as exc:
        raise GeomapError(f"cannot write {path}: {os_reason(exc)}") from None


def write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write a whole text file atomically (see atomic_write)."""
    with atomic_write(path, encoding=encoding) as fp:
        fp.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write a whole binary file atomically (see atomic_write)."""
    with atomic_write(path, binary=True) as fp:
        fp.write(data)
