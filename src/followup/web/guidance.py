"""The guidance page: `docs/guidance.md` (shipped in the package) rendered as HTML, with an
anchor per guidance id so each "Why" on a plan can link to the advice it cites."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib.resources import files

_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def guidance_text() -> str:
    return files("followup.web").joinpath("guidance.md").read_text(encoding="utf-8")


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = _CODE.sub(r"<code>\1</code>", text)
    return _BOLD.sub(r"<strong>\1</strong>", text)


@lru_cache(maxsize=1)
def guidance_html() -> str:
    """The page body: headings, paragraphs and lists; an `### ID` heading becomes an anchor."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in guidance_text().splitlines():
        if not line.strip():
            flush()
        elif line.startswith("#"):
            flush()
            marks, _, title = line.partition(" ")
            level = len(marks)
            anchor = f' id="{html.escape(title)}"' if level == 3 else ""
            out.append(f"<h{level}{anchor}>{_inline(title)}</h{level}>")
        elif line.startswith("- "):
            items.append(line[2:])
        elif items:
            items[-1] += " " + line.strip()
        else:
            paragraph.append(line.strip())
    flush()
    return "\n".join(out)
