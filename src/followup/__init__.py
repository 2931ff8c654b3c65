"""Followup: when, how and what to follow up after a job interview.

The library is the product; the CLI, the web app and the REST API are thin adapters over it.
"""

__version__ = "0.1.0"
