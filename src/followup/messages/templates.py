"""The message templates: Jinja2 files shipped in the package, each replaceable by a user's own.

A user's directory is searched first, file by file, then the built-in templates, so a user
overrides one message (or the shared lines in `_lines.j2`) by dropping a file of the same name
into the directory. Templates render in a sandbox with strict undefined variables: a typo in a
user's template fails loudly with the file and line (`PolicyError`), never as a silent gap.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from followup.domain.errors import PolicyError

BUILTIN_DIR = Path(__file__).parent / "templates"


def _environment(search_path: tuple[str, ...]) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(list(search_path)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain-text messages, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@lru_cache(maxsize=16)
def environment(templates_dir: Path | None = None) -> SandboxedEnvironment:
    """The Jinja2 environment that looks in `templates_dir` first, then the built-ins."""
    search = (BUILTIN_DIR,) if templates_dir is None else (templates_dir, BUILTIN_DIR)
    return _environment(tuple(str(path) for path in search))


def render(name: str, values: dict[str, Any], templates_dir: Path | None = None) -> str:
    """Render template `name` with `values`; template errors become a `PolicyError`."""
    env = environment(templates_dir)
    try:
        return env.get_template(name).render(values)
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or error.name or name
        raise PolicyError(where, f"line {error.lineno}", error.message or "syntax error") from None
    except jinja2.TemplateNotFound as error:
        raise PolicyError(name, "", f"no template named {error.name!r}") from None
    except (jinja2.UndefinedError, jinja2.TemplateError) as error:
        raise PolicyError(_source(env, name), "", str(error)) from None


def _source(env: jinja2.Environment, name: str) -> str:
    """The file a template came from, so an error names the user's file, not ours."""
    assert env.loader is not None
    try:
        _text, filename, _uptodate = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        return name
    return filename or name
