"""The best moment inside a window: a business day, in business hours, not on a public
holiday, calls midweek (S0-4), never Monday morning (S0-4)."""

from __future__ import annotations

import datetime as dt
from math import ceil

from followup.calendar import ONE_DAY, HolidayCalendar
from followup.domain.model import Channel, Reason
from followup.planner.config import PlannerConfig

MONDAY = 0


def fit_window(earliest: dt.date, latest: dt.date, calendar: HolidayCalendar) -> dt.date:
    """The window's last day, made a business day: pulled back to the last business day in
    [earliest, latest], or pushed to the first one after `earliest` when there is none.

    So every day of the window has a business day at or after it, inside the window.
    """
    day = latest
    while day >= earliest:
        if calendar.is_business_day(day):
            return day
        day -= ONE_DAY
    return calendar.next_business_day(earliest)


def best_moment(
    channel: Channel,
    start: dt.date,
    latest: dt.date,
    calendar: HolidayCalendar,
    config: PlannerConfig,
    tz: dt.tzinfo,
    not_before: dt.datetime | None = None,
) -> dt.datetime:
    """The recommended moment in [start, latest]; `latest` must hold a business day after start.

    `not_before` (local) pushes the first day's time later, e.g. after the interview itself.
    """
    day = _best_day(channel, start, latest, calendar, config, not_before)
    at = config.call_at if channel is Channel.CALL else config.write_at
    if day.weekday() == MONDAY and at < config.monday_not_before:
        at = config.monday_not_before
    moment = dt.datetime.combine(day, at, tzinfo=tz)
    if not_before is not None and day == not_before.date() and moment < not_before:
        moment = _round_up_half_hour(not_before)
    return moment


def _best_day(
    channel: Channel,
    start: dt.date,
    latest: dt.date,
    calendar: HolidayCalendar,
    config: PlannerConfig,
    not_before: dt.datetime | None,
) -> dt.date:
    fallback: dt.date | None = None
    day = start
    while day <= latest:
        if calendar.is_business_day(day) and _time_left(day, not_before, config):
            if channel is not Channel.CALL or day.weekday() in config.preferred_call_days:
                return day
            if fallback is None or (fallback.weekday() == MONDAY and day.weekday() != MONDAY):
                fallback = day
        day += ONE_DAY
    if fallback is not None:
        return fallback
    return calendar.next_business_day(start if not_before is None else start + ONE_DAY)


def _time_left(day: dt.date, not_before: dt.datetime | None, config: PlannerConfig) -> bool:
    if not_before is None or day != not_before.date():
        return True
    rounded = _round_up_half_hour(not_before)
    return rounded.date() == day and rounded.time() < config.closes


def _round_up_half_hour(moment: dt.datetime) -> dt.datetime:
    minutes = moment.hour * 60 + moment.minute + (1 if moment.second or moment.microsecond else 0)
    rounded = ceil(minutes / 30) * 30
    base = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return base + dt.timedelta(minutes=rounded)


def holiday_reason(
    earliest: dt.date, latest: dt.date, calendar: HolidayCalendar, config: PlannerConfig
) -> Reason | None:
    """The public-holidays reason when weekday holidays fall inside the window."""
    found = calendar.weekday_holidays(earliest, latest)
    if not found:
        return None
    names = ", ".join(f"{name} ({day.day} {day:%b})" for day, name in found)
    return config.reason("timing.public-holidays", holidays=names)
