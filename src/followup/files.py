"""Reading and writing the user's files safely: bounded reads, atomic writes that cannot be
redirected.

`write_atomically` writes through a temporary file made by `tempfile.mkstemp` in the target's
own folder (an unpredictable name created with O_EXCL, so no symlink planted at `NAME.tmp` can
redirect it), then renames it over the target. A target that exists but is not a regular file
(a FIFO, a device such as /dev/null, a directory) is refused, never replaced; on any failure
the temporary file is removed, so nothing is left behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from followup.domain.errors import InputError
from followup.domain.safejson import MAX_BYTES, check_size


def read_text_file(path: str | Path, field: str, *, encoding: str = "utf-8") -> str:
    """The text of a file of at most `MAX_BYTES`, or `InputError` on `field` saying why."""
    if not str(path):
        raise InputError(field, "is empty: name a file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(field, f"no such file: {path}") from None
    except OSError as error:
        raise InputError(field, f"cannot read {path} ({error.strerror or error})") from None
    check_size(len(data), field)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(field, f"cannot read {path} ({error})") from None


def write_atomically(target: str | Path, text: str, field: str, *, newline: str | None = None
                     ) -> Path:  # fmt: skip
    """Write `text` to `target` all at once (readers see the old file or the new, never half);
    `InputError` on `field` for an empty path, a missing folder or a target that is not a
    regular file."""
    path, mode = check_target(target, field)
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(field, f"cannot write in {folder} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            why = error.strerror or str(error)
            raise InputError(field, f"cannot write {path} ({why})") from None
        raise
    return path


def check_target(target: str | Path, field: str) -> tuple[Path, int]:
    """The path to write and the mode the file will get (the existing file's, else the
    umask's); `InputError` when it cannot or must not be written."""
    if not str(target).strip():
        raise InputError(field, "is empty: name the file to write")
    path = Path(target)
    folder = path.parent
    if not folder.is_dir():
        raise InputError(field, f"no such folder: {folder}")
    try:
        status = os.stat(path)  # follows a symlink: one to /dev/null is refused too
    except FileNotFoundError:
        return path, 0o666 & ~_umask()
    except OSError as error:
        raise InputError(field, f"cannot write {path} ({error.strerror or error})") from None
    if not stat.S_ISREG(status.st_mode):
        raise InputError(field, f"{path} exists and is not a regular file; not replaced")
    return path, stat.S_IMODE(status.st_mode)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
