"""What to say: call scripts, voicemails, emails and texts written for one interview.

`write(interview, kind, today=...)` returns a `Message`; templates are Jinja2 files in
`templates/`, and a user's directory of same-named files overrides any of them.
"""

from followup.scripts.facts import Placeholder
from followup.scripts.message import Message, Section
from followup.scripts.writer import KINDS, write

__all__ = ["KINDS", "Message", "Placeholder", "Section", "write"]
