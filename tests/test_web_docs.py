"""docs/web.md names every API route and every page the app serves."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web_support import make_env

DOCS = Path(__file__).parent.parent / "docs" / "web.md"


def test_every_api_route_and_page_is_documented(tmp_path: Path) -> None:
    from followup.web import create_app

    app = create_app(make_env(tmp_path))
    text = DOCS.read_text(encoding="utf-8")
    try:
        for path in app.openapi()["paths"]:
            documented = re.sub(r"\{[a-z_]+\}", "{id}", path.removeprefix("/api/v1"))
            assert f" {documented}" in text or f"`{documented}" in text, path
        pages = {r.path for r in app.routes if getattr(r, "methods", None) == {"GET"}}
        for page in sorted(pages):
            if page.startswith(("/api/", "/static", "/ping", "/export/", "/calendar/")):
                continue
            shown = re.sub(r"\{[a-z_]+\}", "ID", page)
            assert f"`{shown}" in text, page
    finally:
        app.state.web.tracker.close()


def test_the_readme_shows_every_screenshot_and_each_is_small() -> None:
    readme = (DOCS.parents[1] / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", readme)
    assert len(shown) == 10  # five pages, at both sizes
    for name in shown:
        picture = DOCS.parents[1] / name
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert picture.stat().st_size < 200_000, name
