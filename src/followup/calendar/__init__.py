"""Business days, public holidays and the employer's time zone.

Holidays come from the `holidays` package, per country and subdivision, computed once per
year and kept as a plain `{date: name}` map so that the planner's hot loop is a dict lookup.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from followup.domain.codec import zone
from followup.domain.errors import InputError
from followup.domain.model import Interview

ONE_DAY = dt.timedelta(days=1)
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@lru_cache(maxsize=1)
def _supported() -> dict[str, list[str]]:
    import holidays

    supported: dict[str, list[str]] = holidays.list_supported_countries()
    return supported


def check_calendar(country: str, subdivision: str | None) -> None:
    """Raise `InputError` on `country` or `subdivision` when `holidays` does not know it."""
    supported = _supported()
    if country not in supported:
        raise InputError("country", f"no public-holiday calendar for {country!r}")
    if subdivision is not None and subdivision not in supported[country]:
        raise InputError("subdivision", f"{country} has no subdivision {subdivision!r}")


class HolidayCalendar:
    """The public holidays and business days of one country (and subdivision)."""

    __slots__ = ("_between", "_years", "country", "subdivision")

    def __init__(self, country: str, subdivision: str | None) -> None:
        self.country = country
        self.subdivision = subdivision
        self._years: dict[int, dict[dt.date, str]] = {}
        self._between: dict[tuple[dt.date, dt.date], tuple[tuple[dt.date, str], ...]] = {}

    def _year(self, year: int) -> dict[dt.date, str]:
        days = self._years.get(year)
        if days is None:
            import holidays

            table = holidays.country_holidays(self.country, subdiv=self.subdivision, years=year)
            days = self._years[year] = dict(table.items())
        return days

    def holiday(self, day: dt.date) -> str | None:
        """The holiday's name on `day`, or None."""
        return self._year(day.year).get(day)

    def weekday_holidays(self, first: dt.date, last: dt.date) -> tuple[tuple[dt.date, str], ...]:
        """The public holidays falling on weekdays from `first` to `last` (memoised: plans of
        interviews held the same week ask for the same windows)."""
        key = (first, last)
        found = self._between.get(key)
        if found is None:
            days = []
            day = first
            while day <= last:
                name = self.holiday(day) if day.weekday() < 5 else None
                if name:
                    days.append((day, name))
                day += ONE_DAY
            found = self._between[key] = tuple(days)
        return found

    def is_business_day(self, day: dt.date) -> bool:
        """A weekday that is not a public holiday."""
        return day.weekday() < 5 and day not in self._year(day.year)

    def next_business_day(self, day: dt.date) -> dt.date:
        """The first business day on or after `day`."""
        while not self.is_business_day(day):
            day += ONE_DAY
        return day

    def next_business_day_after(self, day: dt.date) -> dt.date:
        """The first business day strictly after `day`."""
        return self.next_business_day(day + ONE_DAY)


@lru_cache(maxsize=256)
def holiday_calendar(country: str, subdivision: str | None) -> HolidayCalendar:
    """The shared calendar of one country and subdivision (built once per process)."""
    return HolidayCalendar(country, subdivision)


def employer_zone(interview: Interview, default_zone: str | None = None) -> dt.tzinfo:
    """The employer's zone: the interview's, else the user's configured one, else the
    fixed offset of `interviewed_at` (contract, `timezone` field)."""
    if interview.timezone:
        return zone(interview.timezone)
    if default_zone:
        return zone(default_zone)
    tz = interview.interviewed_at.tzinfo
    assert tz is not None  # the codec refuses naive datetimes
    offset = interview.interviewed_at.utcoffset()
    assert offset is not None
    return dt.timezone(offset)


def parse_clock_time(text: str) -> dt.time:
    """`HH:MM` to a time; raises ValueError on anything else."""
    hours, _, minutes = text.partition(":")
    if len(hours) != 2 or len(minutes) != 2:
        raise ValueError(f"not HH:MM: {text!r}")
    return dt.time(int(hours), int(minutes))
