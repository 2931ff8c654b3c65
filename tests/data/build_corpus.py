"""Build the checker's labelled corpus, `tests/data/drafts.jsonl`.

Run: python tests/data/build_corpus.py. Two parts:

- generated drafts, composed deterministically from sentence fragments. Each fragment carries
  the rule ids it should make fire, decided when it was written, not by running the checker;
- hand-written drafts (`handwritten.py`): near misses that must not fire, and hard cases.

Each record: {"id", "kind", "text", "context" (optional interview object), "expected": [rule ids]}.
The corpus test asserts the exact set of rule ids per draft; bench/bench_checker.py computes
precision and recall per rule over it.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from handwritten import HANDWRITTEN  # noqa: E402

OUT = HERE / "drafts.jsonl"
KINDS = ("call", "voicemail", "email", "text")
PER_KIND = 200
#: Word limits as the corpus author reads them from the rule file's [limits].
LIMITS = {"call": 255, "voicemail": 85, "email": 200, "text": 60}

PEOPLE = [
    ("Sam Lee", "Dana Ruiz", "Dana", "Ms. Ruiz", "+1 617 555 0142"),
    ("Priya Natarajan", "Tom Becker", "Tom", "Mr. Becker", "617 555 0199"),
    ("Jordan Okafor", "Aisha Khan", "Aisha", "Dr. Khan", "(212) 555 0110"),
    ("Maria Gonzalez", "Peter Olsen", "Peter", "Mr. Olsen", "415 555 0123"),
    ("Chen Wei", "Laura Schmidt", "Laura", "Ms. Schmidt", "+44 20 7946 0018"),
    ("Alex Novak", "Rosa Delgado", "Rosa", "Ms. Delgado", "312 555 0177"),
    ("Fatima Haddad", "Greg Miller", "Greg", "Mr. Miller", "646 555 0131"),
    ("Noah Brooks", "Keiko Tanaka", "Keiko", "Ms. Tanaka", "503 555 0160"),
]
ROLES = [
    ("Senior Data Analyst", "the churn dashboard rebuild"),
    ("Product Designer", "the redesign of the onboarding flow"),
    ("Staff Accountant", "the move to monthly closes in five days"),
    ("Junior Paralegal", "the document review workflow"),
    ("Backend Engineer", "migrating the billing service to Postgres"),
    ("Marketing Coordinator", "the spring trade show campaign"),
    ("Nurse Practitioner", "reducing patient wait times in the clinic"),
    ("Operations Manager", "the new warehouse scheduling system"),
]
DAYS = ["last Tuesday", "on 20 November", "on Friday", "last week", "on Monday the 3rd"]

GREETINGS = ["Hi {first},", "Hello {first},", "Good morning {first},", "Hello {title},"]
INFORMAL_GREETINGS = ["Hey {first}!", "Hiya {first},", "Hey there {first},"]
INTROS = ["this is {cand}.", "my name is {cand}.", "it's {cand}.", "this is {cand} calling."]
EMAIL_INTROS = ["My name is {cand}.", "This is {cand} writing."]
REFERENCES = [
    "I interviewed with you {day} for the {role} role.",
    "We met {day} about the {role} position.",
    "I came in {day} to interview for the {role} job.",
    "I interviewed {day} for the {role} opening.",
]
POINTS = [
    "I enjoyed our conversation about {point}.",
    "I especially enjoyed learning about {point}.",
    "I have been thinking about what you said about {point}.",
    "I was glad to hear more about {point}.",
    "When we discussed {point}, I got a clear sense of the team's priorities.",
]
THANKS = [
    "Thank you again for your time.",
    "Thanks again for meeting with me.",
    "I really appreciated the chance to meet the team.",
    "I'm grateful for the time you spent with me.",
    "Many thanks for the interview.",
]
ASKS = [
    "I wanted to ask politely whether there is any update on the position.",
    "Could you let me know where things stand when you have a moment?",
    "Is there any news on the next steps?",
    "I'd be glad to answer any further questions about my application.",
    "May I ask whether the role is still open?",
]
INTEREST = [
    "I remain very interested in the role.",
    "I'm still excited about the opportunity to join your team.",
    "My interest in the position is as strong as ever.",
]
VOICEMAIL_CLOSE = ["You can reach me at {phone}.", "My number is {phone}. Have a good day."]
SIGNATURES = [
    "Best regards,\n{cand}\n{phone}",
    "Kind regards,\n{cand}",
    "Sincerely,\n{cand}\n{phone}",
    "Many thanks,\n{cand}",
    "Best,\n{cand}",
]
FILLER = [
    "I have also attached an updated copy of my portfolio, which includes two case studies that "
    "show how I approach research, prototyping and testing with real customers.",
    "In my current job I lead a small group that reports to the finance director every month, "
    "and I have learned a great deal about planning work so that deadlines are met calmly.",
    "Before that I spent three years in a regional office where I handled client questions, "
    "scheduling and the weekly reports that the managers used to plan their staffing.",
    "I am comfortable with the tools your team uses, and I have recently completed a course "
    "on data modelling that covered many of the same ideas we touched on.",
    "Outside of work I volunteer with a local literacy charity, where I help organise events and "
    "keep the volunteer rota in order, which has taught me a lot about coordination.",
]

# Fragments that must fire their rule(s); written to vary wording beyond the rule file's.
BAD: dict[str, list[str]] = {
    "complains-about-wait": [
        "I've been waiting for two weeks now.",
        "I still haven't heard anything from your office.",
        "It's been three weeks and I haven't heard back.",
        "Nobody has called me back since the interview.",
        "The wait has been really frustrating.",
        "This process is dragging on.",
        "I expected to hear back by now.",
        "It's already been ten days.",
        "I have been patiently waiting for an answer.",
        "I feel like I've been ghosted.",
        "I was left in the dark after the interview.",
        "It is taking so long to get any news.",
        "I'm still waiting to hear about the decision.",
        "Still no word from anyone on the team.",
    ],
    "questions-delay": [
        "Why is it taking so long to decide?",
        "Is there a reason for the delay?",
        "What's the hold-up with my application?",
        "You said you would call by Friday, but nobody did.",
        "Why haven't you gotten back to me yet?",
        "How much longer will the process take?",
        "Why is your team so slow to respond?",
        "I should have heard back by now, don't you think?",
        "Could you explain the delay?",
        "Your hiring process seems really slow.",
    ],
    "pressures-for-decision": [
        "Did I get the job?",
        "Have you made a decision yet?",
        "I need an answer by Friday.",
        "Please let me know as soon as possible.",
        "Was I selected for the role?",
        "I need to know today whether I got the position.",
        "The sooner you decide, the better.",
        "When will you make your decision?",
        "Please get back to me by the end of the day.",
        "Are you going to offer me the job?",
        "Please hurry up with the decision.",
        "I can't wait any longer for this.",
    ],
    "mentions-other-candidates": [
        "I know you are meeting other candidates.",
        "I'm sure the other applicants were strong too.",
        "Did you go with someone else?",
        "I hope I stood out from the rest of the candidates.",
        "I realise you are interviewing other people this week.",
        "If you hired someone else, I understand.",
        "How many candidates are you still considering?",
        "I heard the other finalist has more experience.",
    ],
    "bitter-tone": [
        "Honestly, if you pass on me, it's your loss.",
        "You really missed out on a great hire.",
        "I guess I'm not good enough for your company.",
        "Thanks for nothing.",
        "Not calling me back is so unprofessional.",
        "I hope you're happy with whoever you chose.",
        "You'll regret not hiring me.",
        "Clearly you don't value candidates' time.",
        "I suppose you're too busy to reply to anyone.",
        "It feels like a waste of my time.",
    ],
    "sensitive-topic": [
        "Could you also tell me the salary range?",
        "I read about the layoffs last month.",
        "How many vacation days does the role include?",
        "I saw a rumour about the company being sold.",
        "I'd like to know more about the bonus structure.",
        "Is the lawsuit against the firm going to affect the team?",
        "I wanted to mention that my health has been difficult lately.",
        "What is your policy on parental leave?",
    ],
    "desperate-tone": [
        "I really need this job.",
        "Please, please give me a chance.",
        "I'll do anything to work with you.",
        "This is my last hope.",
        "I can't sleep waiting for your answer.",
        "I'm desperate to hear from you.",
        "I would take any position you have.",
        "My family is depending on this.",
        "This job means everything to me.",
    ],
    "too-informal": [
        "Thx again!!",
        "lmk if u need anything else.",
        "It was awesome meeting the team 🙂",
        "Gonna keep my fingers crossed lol.",
        "Btw I loved the office.",
        "Sooo excited about this role!!",
        "Yeah, I'm still keen :)",
    ],
}
#: Bad fragments that still thank them (informally).
THANKING_FRAGMENTS = frozenset({"Thx again!!"})
# Merged pairs: fragments that, read honestly, fire two rules.
BAD_PAIRS: list[tuple[str, frozenset[str]]] = [
    (
        "You promised to call by Friday, and I've been waiting ever since.",
        frozenset({"questions-delay", "complains-about-wait"}),
    ),
    (
        "Did someone else get the job?",
        frozenset({"mentions-other-candidates", "pressures-for-decision"}),
    ),
]
# Fragments close to a rule that must not fire it.
NEAR_MISSES = [
    "I understand these decisions take time.",
    "I know hiring can take a while, so there is no rush on my side.",
    "I'm happy to wait until you have news.",
    "I don't want to rush your decision.",
    "I'm not in any hurry.",
    "I'm the candidate who brought the printed case study.",
    "Is there anyone else I should send my references to?",
    "I didn't want to miss the chance to follow up.",
    "Please let me know at your convenience.",
    "Please let me know if you need anything else from me.",
    "I can start right away if that helps your planning.",
    "I'd be happy to share my salary history if that is useful later.",
    "I enjoyed seeing how the team handles time pressure.",
    "I've attached the reference list you asked for.",
    "Whatever questions you have, I'm happy to answer them.",
    "I hope the quarter-end rush went smoothly.",
    "I'm available whenever suits you.",
    "It would be a pleasure to contribute to the candidate experience project.",
]
#: What each sensitive fragment is about, as a discussion point when the interview covered it.
SENSITIVE_TOPICS = {
    "Could you also tell me the salary range?": "the salary range",
    "I read about the layoffs last month.": "last year's layoffs",
    "How many vacation days does the role include?": "vacation days",
    "I saw a rumour about the company being sold.": "the rumour of a sale",
    "I'd like to know more about the bonus structure.": "the bonus structure",
    "Is the lawsuit against the firm going to affect the team?": "the lawsuit",
    "I wanted to mention that my health has been difficult lately.": "my health",
    "What is your policy on parental leave?": "parental leave",
}
NEAR_MISS_LABELS: dict[str, frozenset[str]] = {
    # Mentioning pay is still a sensitive topic, however politely it is offered.
    "I'd be happy to share my salary history if that is useful later.": frozenset(
        {"sensitive-topic"}
    ),
}
# Thanks-only call scripts (S0-6): gratitude, no ask.
THANKS_ONLY = [
    "I just wanted to say thank you for the interview. Have a lovely afternoon.",
    "I'm only calling to thank you for your time. Goodbye for now.",
    "I wanted to thank you personally for meeting me. Take care.",
]


def _context(person: tuple[str, ...], role: str, point: str, extra: list[str]) -> dict[str, Any]:
    cand, interviewer = person[0], person[1]
    return {
        "company": "Acme Analytics",
        "role": role,
        "candidate": {"name": cand},
        "interviewers": [{"name": interviewer}],
        "interviewed_at": "2026-11-20T14:00:00-05:00",
        "discussion_points": [point, *extra],
    }


def _words(text: str) -> int:
    return len(text.split())


class Composer:
    """Compose one draft of one kind from a seeded random source."""

    def __init__(self, kind: str, rng: random.Random) -> None:
        self.kind = kind
        self.rng = rng
        self.person = rng.choice(PEOPLE)
        self.role, self.point = rng.choice(ROLES)
        self.expected: set[str] = set()
        self.context: dict[str, Any] | None = None
        self.signature = ""
        self.thanked_informally = False

    def fill(self, fragment: str) -> str:
        cand, _, first, title, phone = self.person
        return fragment.format(
            cand=cand,
            first=first,
            title=title,
            phone=phone,
            role=self.role,
            point=self.point,
            day=self.rng.choice(DAYS),
        )

    def pick(self, pool: list[str]) -> str:
        return self.fill(self.rng.choice(pool))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def compose(self) -> dict[str, Any]:
        kind, rng = self.kind, self.rng
        scenario = rng.random()
        thanks_only = kind == "call" and scenario < 0.12
        informal = scenario > 0.9
        long_draft = 0.12 <= scenario < 0.2
        greeting = self.pick(INFORMAL_GREETINGS if informal else GREETINGS)
        if informal:
            self.expected.add("too-informal")
        has_intro = not self.chance(0.15)
        signed = kind == "email" and self.chance(0.6)
        self.signature = self.pick(SIGNATURES)
        body: list[str] = []
        if has_intro and kind != "email":
            greeting = f"{greeting} {self.pick(INTROS)}"
        elif has_intro:
            body.append(self.pick(EMAIL_INTROS))
        if not has_intro and not signed:
            self.expected.add("no-self-introduction")
        body.append(self.pick(REFERENCES))
        if kind != "text" and not self.chance(0.25):
            body.append(self.pick(POINTS))
        elif kind != "text":
            self._point_by_context_or_missing(body)
        has_thanks = not self.chance(0.15) or thanks_only
        if thanks_only:
            body.append(self.pick(THANKS_ONLY))
            self.expected.add("thanks-only-call")
        elif has_thanks:
            body.append(self.pick(THANKS))
        if not thanks_only:
            self._troubles(body)
            body.append(self.pick(ASKS))
            if kind in ("email", "call") and self.chance(0.5):
                body.append(self.pick(INTEREST))
        if long_draft:
            self._pad(body, greeting)
        if kind == "voicemail":
            body.append(self.pick(VOICEMAIL_CLOSE))
        # A sign-off such as "Many thanks," thanks them too.
        thanked_in_signature = signed and "thanks" in self.signature.lower()
        if not has_thanks and not thanked_in_signature and not self.thanked_informally:
            self.expected.add("no-gratitude")
        if self.context is None and self.chance(0.2):
            self.context = _context(self.person, self.role, self.point, [])
        return self._assemble(greeting, body, signed)

    def _point_by_context_or_missing(self, body: list[str]) -> None:
        # With the interview at hand, naming the topic without a cue still counts.
        if self.chance(0.4):
            self.context = _context(self.person, self.role, self.point, [])
            body.append(self.fill("The work on {point} sounds like a great challenge."))
        else:
            self.expected.add("no-discussion-point")

    def _troubles(self, body: list[str]) -> None:
        count = self.rng.choice([0, 0, 1, 1, 1, 2])
        for _ in range(count):
            if self.chance(0.1):
                fragment, labels = self.rng.choice(BAD_PAIRS)
            else:
                rule = self.rng.choice(sorted(BAD))
                fragment, labels = self.rng.choice(BAD[rule]), frozenset({rule})
            covered = self.context is None and "no-discussion-point" not in self.expected
            if "sensitive-topic" in labels and covered and self.chance(0.3):
                # The interview covered it: the same words are then no longer out of place.
                topic = SENSITIVE_TOPICS[fragment]
                self.context = _context(self.person, self.role, self.point, [topic])
                labels = labels - {"sensitive-topic"}
            body.insert(self.rng.randrange(1, len(body) + 1), self.fill(fragment))
            self.expected |= labels
            self.thanked_informally |= fragment in THANKING_FRAGMENTS
        for _ in range(self.rng.choice([0, 1, 1, 2])):
            fragment = self.rng.choice(NEAR_MISSES)
            body.insert(self.rng.randrange(1, len(body) + 1), fragment)
            self.expected |= NEAR_MISS_LABELS.get(fragment, frozenset())

    def _pad(self, body: list[str], greeting: str) -> None:
        while _words(" ".join([greeting, *body])) < LIMITS[self.kind] * 1.3:
            body.append(self.rng.choice(FILLER))
        self.expected.add("too-long")

    def _assemble(self, greeting: str, body: list[str], signed: bool) -> dict[str, Any]:
        if self.kind == "email":
            paragraphs = [greeting, " ".join(body)]
            if signed:
                paragraphs.append(self.signature)
            text = "\n\n".join(paragraphs)
        else:
            text = " ".join([greeting, *body])
        record: dict[str, Any] = {"kind": self.kind, "text": text}
        if self.context is not None:
            record["context"] = self.context
        record["expected"] = sorted(self.expected)
        return record


def generated() -> list[dict[str, Any]]:
    records = []
    for kind in KINDS:
        made = 0
        seed = 0
        while made < PER_KIND:
            seed += 1
            record = Composer(kind, random.Random(f"{kind}-{seed}")).compose()
            words = _words(record["text"])
            if "too-long" not in record["expected"] and words > LIMITS[kind] * 0.85:
                continue  # too close to the limit to label honestly; draw again
            record["id"] = f"gen-{kind}-{made + 1:03d}"
            records.append(record)
            made += 1
    return records


def handwritten() -> list[dict[str, Any]]:
    records = []
    for index, (kind, text, expected, context) in enumerate(HANDWRITTEN, start=1):
        record: dict[str, Any] = {"id": f"hand-{index:03d}", "kind": kind, "text": text}
        if context is not None:
            record["context"] = context
        record["expected"] = sorted(expected)
        records.append(record)
    return records


def corpus() -> list[dict[str, Any]]:
    """Every record, in a fixed order."""
    return [
        {key: record[key] for key in ("id", "kind", "text", "context", "expected") if key in record}
        for record in generated() + handwritten()
    ]


def render() -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in corpus())


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(corpus())} drafts)")  # noqa: T201
