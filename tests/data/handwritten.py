# ruff: noqa: E501  (drafts are data: long lines read better whole)
"""Hand-written drafts for the checker corpus: near misses that must not fire, and hard cases.

Each entry is (kind, text, the exact set of rule ids expected, interview context or None).
Most are one tricky sentence set inside an otherwise good draft (`framed`), so the label says
only what that sentence does; the rest are whole drafts (scripts, templates, signatures).
"""

from __future__ import annotations

from typing import Any

Entry = tuple[str, str, frozenset[str], dict[str, Any] | None]

CONTEXT: dict[str, Any] = {
    "company": "Acme Analytics",
    "role": "Senior Data Analyst",
    "candidate": {"name": "Sam Lee", "phone": "+1 617 555 0142"},
    "interviewers": [{"name": "Dana Ruiz", "primary": True}],
    "interviewed_at": "2026-11-20T14:00:00-05:00",
    "discussion_points": ["the churn dashboard rebuild", "moving reporting to dbt"],
}
CONTEXT_PAY = {**CONTEXT, "discussion_points": ["salary expectations", "the layoffs last spring"]}

OPEN = "Hi Dana, this is Sam Lee. I interviewed with you on 20 November for the Senior Data Analyst role."
POINT = "I enjoyed our conversation about the churn dashboard rebuild."
CLOSE = "Thank you again for your time. Is there any update on the position?"
EMAIL_SIGN = "\n\nBest regards,\nSam Lee\n+1 617 555 0142"


def framed(kind: str, sentence: str) -> str:
    """A good draft of `kind` with `sentence` in the middle."""
    if kind == "text":
        return (
            f"Hi Dana, this is Sam Lee from Friday's interview. {sentence} Thank you! Any update?"
        )
    if kind == "voicemail":
        return f"{OPEN} {POINT} {sentence} {CLOSE} My number is 617 555 0142."
    if kind == "email":
        return f"Dear Dana,\n\nThis is Sam Lee. {OPEN[26:]} {POINT} {sentence} {CLOSE}{EMAIL_SIGN}"
    return f"{OPEN} {POINT} {sentence} {CLOSE}"


NONE: frozenset[str] = frozenset()


def _f(kind: str, sentence: str, *expected: str) -> Entry:
    return (kind, framed(kind, sentence), frozenset(expected), None)


# Near misses: close to a rule, and must not fire it.
NEAR_MISSES = [
    _f("call", "I understand these decisions take time."),
    _f("email", "I fully understand that these decisions take time."),
    _f("voicemail", "I know how busy this time of year is."),
    _f("call", "I know you're busy, so I'll keep this short."),
    _f("email", "I have been thinking about our conversation since then."),
    _f("email", "I'm waiting on a certificate from my course, which I'll send when it arrives."),
    _f("call", "I enjoyed hearing how the clinic cut patient wait times in half."),
    _f("email", "Your plan to shorten the long wait for new customers sounds very promising."),
    _f("call", "There's no rush at all on my side."),
    _f("email", "I'm not in a hurry, and I appreciate the care you are taking."),
    _f("email", "I don't want to rush your decision in any way."),
    _f("call", "I can start right away if that helps your planning."),
    _f("email", "I'd welcome any news whenever it is convenient for you."),
    _f("email", "Could you tell me what the timeline for next steps looks like?"),
    _f("call", "Am I still being considered for the role?"),
    _f("voicemail", "I'd love to know whether I'm still in the running."),
    _f("email", "I got the job description you sent, thank you for that."),
    _f(
        "email",
        "I have another offer to answer by 5 December; is there any chance of an update before then?",
    ),
    _f("email", "You mentioned you hoped to decide by the 28th, so I thought I would check in."),
    _f("call", "You said the team would meet on Thursday, so I waited until after that."),
    _f("email", "I enjoyed learning about the candidate experience survey your team runs."),
    _f("call", "I'm the candidate who brought the printed case study."),
    _f("email", "Is there anyone else I should send my references to?"),
    _f("email", "Please pass my thanks to anyone else on the panel."),
    _f(
        "call", "We talked about the competition in the payments market, which I found fascinating."
    ),
    _f("email", "I didn't want to miss the chance to thank the whole panel."),
    _f("email", "In case my earlier email was missed, I've attached my references again."),
    _f("call", "I'm sorry I missed your call yesterday."),
    _f("email", "I'd regret not mentioning that I finished the certification last week."),
    _f("email", "Whatever questions you still have, I'm happy to answer them."),
    _f("email", "I don't want to waste your time, so I'll keep this brief."),
    _f("email", "I appreciated your point about keeping the reporting simple and honest."),
    _f("call", "I enjoyed hearing about the benefits of the new pipeline."),
    _f("email", "Please pay special attention to the portfolio link below."),
    _f("email", "I liked your point about the union of the two datasets."),
    _f("email", "I've been reading more about the political science datasets you mentioned."),
    _f("email", "Please let me know if you need anything else from me."),
    _f("call", "I'd be glad to send any further examples of my work."),
    _f("email", "I'm very keen on the role and remain enthusiastic."),
    _f("email", "It would mean a lot to me to join the team."),
    _f("call", "I need to check my calendar for next week, but I'm flexible."),
    _f("email", "Your team needs a data engineer soon, you said, and I'd be glad to help."),
    _f("text", "Thank you for the tour of the U.S. office."),
    _f("text", "I enjoyed seeing the cooling plant."),
    _f(
        "email",
        "The workshop on Tuesday was cool and well run.",
    ),
    _f("call", "I hope the quarter-end rush went smoothly."),
    _f("email", "Please find attached the writing sample; I hope it helps."),
    _f("email", "I am hoping to hear about next steps when the time is right."),
    _f("voicemail", "I'm happy to wait until you have news."),
    _f("email", "The date you gave has now passed, so I thought I'd check in politely."),
    _f("email", "I saw the news about your new office and was delighted."),
    _f("call", "I'm excited about the migration work we discussed."),
    _f("text", "Hope the launch went well."),
    _f("email", "I know the team has a lot on, and I'm grateful for your time."),
    _f("email", "Thanks to your overview, I feel I understand the role much better."),
    _f("call", "Is there a timeline you expect to follow?"),
    _f("email", "If it would help, I can answer any further questions about my application."),
]

# Hard cases: the rule must fire, in wording the rule file does not spell out word for word.
HARD_CASES = [
    _f("call", "I've been waiting\nfor two weeks now.", "complains-about-wait"),
    _f("email", "I still\nhaven't heard a thing from anyone.", "complains-about-wait"),
    _f("email", "It's been over two weeks, and still nothing.", "complains-about-wait"),
    _f("call", "It’s been ten days and I haven’t heard back.", "complains-about-wait"),
    _f("email", "Frankly, the silence has been frustrating.", "complains-about-wait"),
    _f("voicemail", "I've been waiting ages for news.", "complains-about-wait"),
    _f("email", "I’ve been waiting since our interview.", "complains-about-wait"),
    _f("email", "What's taking so long?", "questions-delay"),
    _f("call", "Why hasn't anyone called me back?", "questions-delay"),
    _f("email", "Is there a problem with my application?", "questions-delay"),
    _f("email", "HR told me I'd hear within a week, yet here we are.", "questions-delay"),
    _f("call", "Have I got the job?", "pressures-for-decision"),
    _f("email", "I expect a decision by Monday.", "pressures-for-decision"),
    _f("text", "Pls reply asap.", "pressures-for-decision", "too-informal"),
    _f("email", "Please make up your mind soon.", "pressures-for-decision"),
    _f("email", "I'll give you until Friday to decide.", "pressures-for-decision"),
    _f("call", "Will you be offering me the position?", "pressures-for-decision"),
    _f(
        "email",
        "I know you're interviewing others, but I hope I stood out.",
        "mentions-other-candidates",
    ),
    _f("email", "I suspect you picked someone else.", "mentions-other-candidates"),
    _f("call", "How do I compare with the other applicants?", "mentions-other-candidates"),
    _f("email", "Your company's loss, I suppose.", "bitter-tone"),
    _f("email", "You're making a big mistake.", "bitter-tone"),
    _f("call", "Oh well, I guess that means I wasn't what you wanted.", "bitter-tone"),
    _f("email", "Would it kill you to send a short reply?", "bitter-tone"),
    _f("email", "What is the pay band for this role?", "sensitive-topic"),
    _f("call", "I also wanted to ask about your views on the election.", "sensitive-topic"),
    _f("email", "Is there any truth to the rumours about layoffs?", "sensitive-topic"),
    _f("email", "I'm begging you to reconsider.", "desperate-tone"),
    _f("call", "I desperately need this position.", "desperate-tone"),
    _f("email", "I would accept any salary at all.", "desperate-tone", "sensitive-topic"),
    _f("text", "omg thank u so much", "too-informal"),
    _f("text", "Gr8 to meet u!", "too-informal"),
    _f("email", "It was great meeting everyone 😀", "too-informal"),
    _f("text", "Cheers!! Any news??", "too-informal"),
]

# With the interview at hand (--context).
WITH_CONTEXT = [
    (
        "call",
        "Hi Dana, Sam Lee, calling about the Senior Data Analyst role. The move of our reporting to dbt "
        "still excites me. Thank you again for your time. Is there any update?",
        NONE,
        CONTEXT,
    ),
    (
        "call",
        "Hi Dana, Sam Lee, calling about the Senior Data Analyst role. The move of our reporting to dbt "
        "still excites me. Thank you again for your time. Is there any update?",
        frozenset({"no-self-introduction", "no-discussion-point"}),
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you again for discussing my salary expectations on Friday. "
        "I'm still very keen on the Senior Data Analyst role. Is there any update?\n\nKind regards,\nSam Lee",
        NONE,
        CONTEXT_PAY,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you again for discussing my salary expectations on Friday. "
        "I'm still very keen on the Senior Data Analyst role. Is there any update?\n\nKind regards,\nSam Lee",
        frozenset({"sensitive-topic"}),
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you again for the interview for the Senior Data Analyst role. "
        "The churn dashboard rebuild sounds like a fascinating project. Is there any update?\n\nSam Lee",
        NONE,
        CONTEXT,
    ),
    (
        "voicemail",
        "Hi Dana, this is Sam Lee. Thank you for the interview on Friday for the Senior Data "
        "Analyst role. I'm calling to ask whether there is any update. My number is 617 555 0142.",
        frozenset({"no-discussion-point"}),
        CONTEXT,
    ),
    (
        "text",
        "Hi Dana, Sam Lee here. Thank you again for Friday's interview. Is there any update on the role?",
        NONE,
        CONTEXT,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you for the interview. Is there any update on the role?\n\nWarm regards,\nSam",
        frozenset({"no-discussion-point"}),
        CONTEXT,
    ),
]

CALL_SCRIPT = """# Status call to Dana Ruiz

Opening
Hi Dana, this is Sam Lee. I interviewed with you on 20 November for the Senior Data Analyst role.

Reminder
I enjoyed our conversation about the churn dashboard rebuild.

(Pause and let them answer.)

Thanks and question
Thank you again for your time. I wanted to ask politely whether there is any update on the
position, and whether I can answer any further questions about my application.

If you have forgotten their name:
"I'm sorry, I can't recall your name right now. I'm calling about the Senior Data Analyst role."

If they are short with you:
Stay calm. "I understand you're busy. I'll follow up by email. Thank you for your time."
Them: We are still interviewing other candidates.
You: Thank you, that's helpful to know.
"""

TEMPLATES = [
    (
        "call",
        "Hi [Interviewer Name], this is [Your Name]. I interviewed for the [Role] position on [Date]. "
        "I enjoyed our chat about [Topic]. Thank you for your time. Is there any update?",
        NONE,
        None,
    ),
    (
        "email",
        "Dear {interviewer},\n\nI interviewed for the {role} role on {date}. I enjoyed our conversation "
        "about {topic}. Thank you for your time. Is there any update?\n\nBest regards,\n{candidate}",
        NONE,
        None,
    ),
    (
        "email",
        "Dear [Name],\n\nThank you for your time. Is there any update on [other candidates]?\n\nBest,\n[Your Name]",
        frozenset({"no-discussion-point"}),
        None,
    ),
    (
        "text",
        "Hi {{ interviewer }}, this is {{ candidate }}. Thank you for the interview. Any update on {{ role }}?",
        NONE,
        None,
    ),
    ("call", CALL_SCRIPT, NONE, None),
]

WHOLE_DRAFTS = [
    (
        "email",
        "Dear Dana,\n\nThank you again for the interview for the Senior Data Analyst role. I enjoyed "
        "our conversation about the churn dashboard rebuild. Is there any update?\n\nBest regards,\nSam Lee\n"
        "+1 617 555 0142",
        NONE,
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you again for the interview. I enjoyed our conversation about the churn "
        "dashboard rebuild. Is there any update?\n\nBest regards",
        frozenset({"no-self-introduction"}),
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you again for the interview. I enjoyed our conversation about the churn "
        "dashboard rebuild. Is there any update?\n\n— Sam",
        NONE,
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you again for the interview. I enjoyed our conversation about the churn "
        "dashboard rebuild. Is there any update?\n\nThanks, Sam Lee",
        NONE,
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nI enjoyed our conversation about the churn dashboard rebuild, and you said "
        '"we know it has been a long wait for everyone". Thank you again. Is there any update?\n\nBest,\nSam Lee',
        NONE,
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nThank you for your reply. I enjoyed our conversation about the churn dashboard "
        "rebuild and look forward to hearing from you.\n\nBest,\nSam Lee\n\nOn 21 Nov, Dana Ruiz wrote:\n"
        "> We are still meeting other candidates and it is taking longer than we hoped.",
        NONE,
        None,
    ),
    (
        "call",
        "Hi Dana, this is Sam Lee. I just wanted to say thank you for the interview on Friday; I "
        "enjoyed our conversation about the churn dashboard rebuild. Have a good afternoon.",
        frozenset({"thanks-only-call"}),
        None,
    ),
    (
        "email",
        "Dear Dana,\n\nI just wanted to say thank you for the interview on Friday; I enjoyed our "
        "conversation about the churn dashboard rebuild.\n\nBest,\nSam Lee",
        NONE,
        None,
    ),
    (
        "call",
        "Hi Dana, this is Sam Lee. I enjoyed our conversation about the churn dashboard rebuild. "
        "Is there any update on the position?",
        frozenset({"no-gratitude"}),
        None,
    ),
    (
        "text",
        "Hi Dana! Any update on the analyst role? Thank you.",
        frozenset({"no-self-introduction"}),
        None,
    ),
    (
        "voicemail",
        "Hi Dana, it's Tuesday and I'm calling about the analyst role. I enjoyed our conversation "
        "about the churn dashboard rebuild. Thank you. Please call me back at 617 555 0142.",
        frozenset({"no-self-introduction"}),
        None,
    ),
    (
        "text",
        "Hi Dana, this is Sam Lee. Thank you again for the interview on Friday. I really enjoyed "
        "meeting the whole team and hearing about the dashboard work and the reporting changes you have "
        "planned for next year, which sounds like exactly the kind of work I hope to do. I wanted to ask politely whether there is any update on the position, and "
        "whether you need anything else from me.",
        frozenset({"too-long"}),
        None,
    ),
    (
        "call",
        "Hi Dana, this is Sam Lee. Thank you for meeting me. Do you know when you'll make a decision? I "
        "enjoyed our conversation about the churn dashboard rebuild.",
        NONE,
        None,
    ),
]

HANDWRITTEN: list[Entry] = NEAR_MISSES + HARD_CASES + WITH_CONTEXT + TEMPLATES + WHOLE_DRAFTS
