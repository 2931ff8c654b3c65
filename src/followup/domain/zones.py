"""Looking up an IANA time zone by a name the user gave, refusing what is not one.

Its own module, importing only `zoneinfo`, so that both the codec and the settings (which
`followup today` reads without loading the codec) refuse exactly the same names.
"""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: IANA names are at most a few dozen characters; the file system's limit is 255.
MAX_ZONE = 255


@lru_cache(maxsize=512)
def find_zone(name: str) -> ZoneInfo | None:
    """The zone, or None for anything that is not one: empty, too long, a NUL, a tzdata
    folder ("America"), a path, a file that is not a zone."""
    if not name or len(name) > MAX_ZONE or "\0" in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
