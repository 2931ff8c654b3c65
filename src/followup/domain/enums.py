"""The contract's enumerated words (channels, purposes, outcomes, statuses, states), as
`spec/plan-json.md` names them; `followup.domain.model` re-exports every one.

In a module of their own, with no dataclasses, so that code which only compares states
(the agenda's check that stored plans are fresh, on `followup today`'s start-up path)
need not define the domain's records.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    TEXT = "text"


class AttemptChannel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    TEXT = "text"
    VOICEMAIL = "voicemail"


class Purpose(StrEnum):
    THANK_YOU = "thank_you"
    STATUS = "status"
    FINAL = "final"
    OFFER_DEADLINE = "offer_deadline"
    RECAP = "recap"


class Outcome(StrEnum):
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    SENT = "sent"
    SPOKE = "spoke"
    REPLY_RECEIVED = "reply_received"
    RUDE = "rude"


#: Outcomes where the employer told the candidate something; they end the chase (K2).
ANSWERED_OUTCOMES = frozenset({Outcome.SPOKE, Outcome.REPLY_RECEIVED})


class InterviewStatus(StrEnum):
    AWAITING = "awaiting"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


class InterviewFormat(StrEnum):
    ONSITE = "onsite"
    VIDEO = "video"
    PHONE = "phone"


class ScheduledVia(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    TEXT = "text"
    PORTAL = "portal"
    RECRUITER = "recruiter"


class Culture(StrEnum):
    DIRECT = "direct"
    NEUTRAL = "neutral"
    FORMAL = "formal"


class Manner(StrEnum):
    FRIENDLY = "friendly"
    NEUTRAL = "neutral"
    FORMAL = "formal"


class Instructions(StrEnum):
    EMAIL = "email"
    CALL = "call"
    TEXT = "text"
    WAIT = "wait"
    NO_CONTACT = "no_contact"


class StepStatus(StrEnum):
    DONE = "done"
    DUE = "due"
    UPCOMING = "upcoming"
    MISSED = "missed"
    SKIPPED = "skipped"


class PlanState(StrEnum):
    ACT_NOW = "act_now"
    WAITING = "waiting"
    OVERDUE = "overdue"
    MOVE_ON = "move_on"
    CLOSED = "closed"


class Effect(StrEnum):
    APPLIED = "applied"
    OVERRIDDEN = "overridden"
