"""Reading the dates and times people type: RFC 3339, or a local "YYYY-MM-DD HH:MM"."""

from __future__ import annotations

import datetime as dt
import re

from followup.domain.codec import check_moment, parse_datetime, zone
from followup.domain.errors import InputError

_LOCAL_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2}))?\Z")
#: A date without a time (as other trackers export) is read as noon, local time.
NOON = dt.time(12, 0)
#: Every form `moment_from_text` reads, for the error that refuses the others.
ACCEPTED = (
    "give one of 2026-11-20T14:00:00-05:00 or 2026-11-20T19:00Z (with an offset), "
    "2026-11-20 14:00 or 2026-11-20T14:00 (local time in your time zone), "
    "or 2026-11-20 (noon, local time)"
)


#: How to give a zone, in the words of each face (a web page never names a CLI command).
CLI_ZONE_HINT = "or set one with `followup config timezone ZONE`"
PAGE_ZONE_HINT = "or fill in the employer's time zone (or yours, on the Settings page)"


def moment_from_text(
    text: str, field: str, zone_name: str | None, zone_hint: str = CLI_ZONE_HINT
) -> dt.datetime:
    """An aware moment from RFC 3339, or from a local date (and time) in `zone_name`.

    A local moment needs a zone: the interview's, else the user's configured one.
    """
    text = text.strip()
    match = _LOCAL_RE.match(text)
    if match is None:
        try:
            return parse_datetime(text, field)
        except InputError:
            raise InputError(field, f"{text!r} is not a date and time: {ACCEPTED}") from None
    if zone_name is None:
        raise InputError(
            field,
            f"{text!r} has no UTC offset and no time zone is known; give one like "
            f"2026-11-20T14:00-05:00, {zone_hint}",
        )
    try:
        day = dt.date.fromisoformat(match.group(1))
        time = NOON if match.group(2) is None else dt.time(int(match.group(2)), int(match.group(3)))
    except ValueError as error:
        raise InputError(field, f"is not a real date and time ({error})") from None
    return check_moment(dt.datetime.combine(day, time, tzinfo=zone(zone_name)), field)
