"""The demo interview a first run shows, so the Today page is never an empty screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup.domain.codec import interview_from_dict, zone
from followup.services.tracker import Tracker

DEMO_ZONE = "America/New_York"


def demo_object(today: dt.date) -> dict[str, Any]:
    """An interview the day before `today`, at 14:00 in New York, with a friendly contact."""
    day = today - dt.timedelta(days=1)
    moment = dt.datetime.combine(day, dt.time(14, 0), tzinfo=zone(DEMO_ZONE))
    return {
        "id": "demo-acme",
        "company": "Acme Analytics (demo)",
        "role": "Senior Data Analyst",
        "candidate": {"name": "Sam Lee", "email": "sam.lee@example.com",
                      "phone": "+1 617 555 0142"},
        "interviewers": [
            {"name": "Dana Ruiz", "title": "Head of Analytics", "email": "dana.ruiz@acme.example",
             "phone": "+1 617 555 0199", "primary": True},
            {"name": "Lee Park", "title": "Analyst"},
        ],
        "interviewed_at": moment.isoformat(),
        "timezone": DEMO_ZONE,
        "country": "US",
        "subdivision": "MA",
        "format": "onsite",
        "scheduled_via": "phone",
        "interviewer_manner": "friendly",
        "discussion_points": ["the churn dashboard rebuild", "moving reporting to dbt"],
    }  # fmt: skip


def seed_demo(tracker: Tracker) -> bool:
    """Add the demo interview if the store is empty; True if it was added."""
    with tracker.unit_of_work(write=False) as repo:
        if repo.count_interviews():
            return False
    tracker.add(interview_from_dict(demo_object(tracker.today())))
    return True
