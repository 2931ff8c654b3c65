"""Import and export for the pages and the API, through the same service as `followup import`."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi.responses import Response

from followup.domain.errors import InputError
from followup.services.tracker import Tracker
from followup.services.transfer import FORMATS, export_text, import_file

#: format -> (media type, file name)
DOWNLOADS = {
    "json": ("application/json", "followup.json"),
    "jsonl": ("application/jsonl", "followup.jsonl"),
    "csv": ("text/csv; charset=utf-8", "followup.csv"),
    "ics": ("text/calendar; charset=utf-8", "followup.ics"),
}
#: The largest upload accepted (a career centre's 10,000 interviews fit many times over).
MAX_UPLOAD = 50 * 1024 * 1024


#: The way out of a clash with stored interviews, in each web adapter's own words.
PAGE_HINT = "choose “Replace them” or “Skip them” under Import and import the file again"
API_HINT = "send it again with ?replace=true to overwrite them or ?skip=true to keep them"


def import_text(
    tracker: Tracker,
    text: str,
    file_format: str,
    replace: bool,
    *,
    skip: bool = False,
    hint: str = API_HINT,
) -> dict[str, Any]:
    """Import an uploaded file exactly as `followup import` would: all of it, or none."""
    if not text.strip():
        raise InputError("file", "is empty")
    if len(text) > MAX_UPLOAD:
        raise InputError("file", f"is larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    with tempfile.TemporaryDirectory(prefix="followup-import-") as folder:
        path = Path(folder) / f"upload.{file_format}"
        path.write_text(text, encoding="utf-8")
        result, ignored = import_file(
            tracker, path, file_format, replace=replace, skip=skip, hint=hint
        )
    return {
        "added": result.added,
        "replaced": result.replaced,
        "skipped": result.skipped,
        "ignored_columns": ignored,
    }


def export_response(tracker: Tracker, file_format: str, *, attachment: bool = True) -> Response:
    """The whole tracker in one format, as a download."""
    if file_format not in FORMATS:
        raise InputError("format", f"must be one of {', '.join(FORMATS)} (got {file_format!r})")
    media, name = DOWNLOADS[file_format]
    headers = {"Content-Disposition": f'attachment; filename="{name}"'} if attachment else {}
    return Response(export_text(tracker, file_format), media_type=media, headers=headers)
