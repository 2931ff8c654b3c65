"""What to say: call scripts, voicemails, emails and texts written for one interview.

`write(interview, kind, today=...)` returns a `Message`; templates are Jinja2 files in
`templates/`, and a user's directory of same-named files overrides any of them.
"""

from followup.messages.facts import Placeholder
from followup.messages.message import Message, Section
from followup.messages.writer import MESSAGE_KINDS, write

__all__ = ["MESSAGE_KINDS", "Message", "Placeholder", "Section", "write"]
