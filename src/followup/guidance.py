"""The ids of the guidance's requirements (shared/spec/guidance.md), which rules cite.

Its own module, importing nothing, so the checker can check a rule's sources without loading
the policy's schema and the calendar behind it (`followup check` must start fast).
"""

#: Every requirement id of shared/spec/guidance.md, plus its conflict settlements K1-K3.
GUIDANCE_IDS = frozenset(
    [f"S0-{n}" for n in range(1, 12)]
    + [f"S1-{n}" for n in range(1, 12)]
    + [f"S2-{n}" for n in range(1, 14) if n != 5]
    + [f"S2-5{letter}" for letter in "abcde"]
    + ["K1", "K2", "K3"]
)
