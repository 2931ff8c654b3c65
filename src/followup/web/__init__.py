"""The web app and the REST API (`followup serve`): thin adapters over `followup.services`.

    from followup.web import create_app
    app = create_app(env, db="followup.db")

Only `followup serve` imports this package (and FastAPI with it).
"""

from followup.web.app import create_app

__all__ = ["create_app"]
