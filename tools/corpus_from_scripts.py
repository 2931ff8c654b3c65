"""Add the product's own messages to the training corpus as good sentences.

    .venv/bin/python tools/corpus_from_scripts.py   # writes corpus/train/product-scripts.jsonl

Every message `followup script` writes must pass `followup check` (tests/test_scripts_checked.py).
The model learns that from examples: this writes each sentence the message writer produces for
a fixed, seeded set of interviews (every kind, every purpose), once each, labelled good. It
never touches the held-out set. Deterministic: the same code writes the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from followup.checker.draft import Draft  # noqa: E402
from followup.domain.codec import interview_from_dict  # noqa: E402
from followup.messages import MESSAGE_KINDS, write  # noqa: E402

OUTPUT = ROOT / "corpus" / "train" / "product-scripts.jsonl"
INTERVIEWS = 12
NAMES = [
    "Sam Lee",
    "Priya Natarajan",
    "José Álvarez",
    "Ngozi Okafor",
    "Kenji Tanaka",
    "Anne Dubois",
]
CONTACTS = ["Dana Ruiz", "Dr. Ingrid Solberg", "Mr Wei Zhang", "Ms Fatima Al-Sayed", "Tom Smith"]
COMPANIES = ["Acme Analytics", "Hargreaves & Finch LLP", "Northwind Logistics", "City of Leeds"]
ROLES = [
    "Senior Data Analyst",
    "Trainee Solicitor",
    "Staff Nurse",
    "Chef de Partie",
    "UX Researcher",
]
POINTS = [
    "the churn dashboard rebuild",
    "the new patient intake flow",
    "the Leeds depot expansion",
    "audit season",
    "accessibility testing with screen readers",
]


def interview(rng: random.Random, number: int) -> tuple[Any, dt.date]:
    day = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 300))
    obj: dict[str, Any] = {
        "company": rng.choice(COMPANIES),
        "role": rng.choice(ROLES),
        "candidate": {"name": rng.choice(NAMES), "phone": "+1 617 555 0142"},
        "interviewers": [{"name": rng.choice(CONTACTS), "email": f"p{number}@employer.example"}],
        "interviewed_at": f"{day.isoformat()}T{rng.choice([9, 11, 14, 16]):02d}:00:00+00:00",
        "culture": rng.choice(["direct", "neutral", "formal"]),
        "interviewer_manner": rng.choice(["friendly", "neutral", "formal"]),
        "discussion_points": rng.sample(POINTS, rng.randrange(0, 3)),
    }
    today = day + dt.timedelta(days=rng.randrange(1, 20))
    if rng.random() < 0.4:
        obj["competing_offer_deadline"] = (today + dt.timedelta(days=7)).isoformat()
    return interview_from_dict(obj), today


def sentences() -> list[dict[str, Any]]:
    rng = random.Random(0)
    seen: set[str] = set()
    found = []
    for number in range(INTERVIEWS):
        case, today = interview(rng, number)
        messages = [write(case, kind, today=today) for kind in MESSAGE_KINDS]
        messages.append(write(case, "offer-deadline", today=today, channel="call"))
        for message in messages:
            texts = [(message.check_kind, message.body)] if message.check_kind else []
            texts += [("voicemail", s.text) for s in message.sections if s.role == "voicemail"]
            for kind, text in texts:
                draft = Draft(text, kind)
                for start, end in draft.segments:
                    sentence = " ".join(draft.voice[start:end].split())
                    if sentence not in seen:
                        seen.add(sentence)
                        found.append(
                            {"unit": "sentence", "kind": kind, "text": sentence, "labels": []}
                        )
    return found


def main() -> int:
    lines = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in sentences()]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(lines)} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
