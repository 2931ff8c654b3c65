"""The tracker's use cases: interviews and attempts stored, kept planned, imported, exported.

    tracker = open_tracker(db=None)         # --db, else FOLLOWUP_DB, else the data directory
    interview = tracker.add(interview)
    tracker.log_attempt(interview.id, channel=AttemptChannel.CALL, outcome=Outcome.VOICEMAIL)
    agenda = tracker.agenda()

Every method is one transaction; each returns domain objects. The CLI, the web app and the
REST API are thin adapters over this class.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from followup.context import Env
from followup.domain.errors import InputError, NotFoundError
from followup.formats import Located, at_row
from followup.services import planning
from followup.services.agenda import Agenda, agenda
from followup.settings import Settings, load_settings, user_zone
from followup.store import LOCAL, Repository, Scope, Store, StoredStep, open_store

if TYPE_CHECKING:
    from followup.domain.model import (
        Attempt,
        AttemptChannel,
        Interview,
        InterviewStatus,
        Outcome,
        Purpose,
    )

# The codec (and the calendar, which imports it), the domain's records and `dataclasses`
# are imported where used, not here: `followup today` goes through this module, and they
# would add about 8 ms (the records) and 14 ms (dataclasses, with inspect) to its 80 ms
# (python -X importtime; tests/test_tracker_cli.py holds that the codec stays off).

R = TypeVar("R", "Interview", "Attempt")
DB_FILE = "followup.db"
MAX_ID = 100


def database_path(env: Env, db: str | Path | None = None) -> Path | str:
    """`--db`, else `FOLLOWUP_DB`, else followup.db in the user's data directory: a SQLite
    file's path, or a `postgresql://` URL (returned as the string it is)."""
    if db:
        return _database(str(db), "--db")
    if override := env.environ.get("FOLLOWUP_DB"):
        return _database(override, "FOLLOWUP_DB")
    return env.data_dir() / DB_FILE


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
#: The URL schemes of the PostgreSQL back end (libpq's two spellings).
POSTGRES_SCHEMES = ("postgresql", "postgres")


def _database(value: str, field: str) -> Path | str:
    """A SQLite file's path, or a PostgreSQL URL; any other URL is refused, never taken for
    a file name."""
    if _URL.match(value):
        scheme = value.partition(":")[0]
        if scheme in POSTGRES_SCHEMES:
            return value
        raise InputError(
            field,
            f"{scheme}:// databases are not supported; give a postgresql:// URL or the path "
            "of a SQLite file",
        )
    return Path(value)


#: Letters that Unicode does not decompose into a base letter and a mark.
_SPELLED = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)


_INITIALS = re.compile(r"(?<![a-z0-9])([a-z0-9])\.(?=[a-z0-9](?![a-z0-9]))")


def slug(text: str) -> str:
    """A short id from a company name, letters kept readable: 'Acme Analytics, Inc.' ->
    'acme-analytics-inc', 'Müller Lüdenscheidt GmbH' -> 'muller-ludenscheidt-gmbh'."""
    spelled = unicodedata.normalize("NFKD", text.lower().translate(_SPELLED))
    plain = "".join(c for c in spelled if not unicodedata.combining(c))
    plain = _INITIALS.sub(r"\1", plain)  # "K.K." is "kk", not "k-k"
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return words[:24].rstrip("-") or "interview"


def free_id(repo: Repository, base: str, taken: set[str] | None = None) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free in the store and in `taken`."""
    used = repo.ids_starting_with(base) | (taken or set())
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def check_id(value: str) -> str:
    """An id fit for a URL path, a calendar UID and a file name: 1 to `MAX_ID` characters,
    no spaces, no control or format characters, no slash."""
    if (
        not value.strip()
        or len(value) > MAX_ID
        or "/" in value
        or any(c.isspace() or unicodedata.category(c)[0] == "C" for c in value)
    ):
        raise InputError(
            "id",
            f"must be 1 to {MAX_ID} characters without spaces, control characters or "
            f"slashes (got {value[: MAX_ID + 1]!r})",
        )
    return value


class ImportResult(NamedTuple):
    """How many interviews an import added, replaced and skipped (already stored)."""

    added: int
    replaced: int
    skipped: int = 0


#: How each adapter words the way out of a clash with stored interviews.
CLI_HINT = "use --replace to overwrite them, or --skip-existing to keep the stored ones"


def fingerprint(interview: Interview) -> tuple[str, str, dt.datetime]:
    """What makes two records the same interview: company, role and moment."""
    return (
        " ".join(interview.company.casefold().split()),
        " ".join(interview.role.casefold().split()),
        interview.interviewed_at.astimezone(dt.UTC),
    )


Progress = Callable[[int, int], None]


def open_tracker(db: str | Path | None = None, *, env: Env | None = None) -> Tracker:
    """The tracker over the store at `db` (else `FOLLOWUP_DB`, else followup.db in the
    user's data directory), created or upgraded as needed, with the user's settings.

    `env` brings the clock, the environment and the directories (default: the real ones).
    Close it when done (`tracker.close()`), or use it in a `with` block.
    """
    return Tracker.open(env or Env(), db)


class Tracker:
    """One user's interviews in one store, with the settings that fill the gaps."""

    def __init__(self, store: Store, env: Env, settings: Settings, scope: Scope = LOCAL) -> None:
        self.store = store
        self.env = env
        self.settings = settings
        self.scope = scope

    def scoped(self, scope: Scope, settings: Settings | None = None) -> Tracker:
        """The same store seen as one person's (the career-centre edition): their
        interviews only, planned with `settings` (default: these)."""
        return Tracker(self.store, self.env, settings or self.settings, scope)

    def unit_of_work(self, *, write: bool = True) -> AbstractContextManager[Repository]:
        """One transaction over this tracker's interviews (`Store.unit_of_work`)."""
        return self.store.unit_of_work(write=write, scope=self.scope)

    @classmethod
    def open(cls, env: Env, db: str | Path | None = None) -> Tracker:
        """Open the user's store (creating or upgrading it) with their settings."""
        return cls(open_store(database_path(env, db)), env, load_settings(env))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> dt.datetime:
        return self.env.clock()

    def local_now(self) -> dt.datetime:
        """Now in the user's zone (configured, else the system's)."""
        now = self.now()
        return now.astimezone(user_zone(self.settings.timezone)) if self.settings.timezone else now

    def entry_zone(self, interview: Interview) -> str | None:
        """The one zone an attempt's typed time is read in, on every face: the user's
        configured zone, else the interview's."""
        return self.settings.timezone or interview.timezone

    def today(self) -> dt.date:
        """The user's local day (never the UTC day)."""
        return self.settings.today(self.env)

    # --- reading ----------------------------------------------------------------------

    def interview(self, interview_id: str) -> Interview:
        with self.unit_of_work(write=False) as repo:
            return repo.interview(interview_id)

    def interviews(
        self, *, status: InterviewStatus | None = None, company: str | None = None
    ) -> list[Interview]:
        with self.unit_of_work(write=False) as repo:
            return repo.interviews(status=status.value if status else None, company=company)

    def agenda(self, limit: int | None = None) -> Agenda:
        """What is due as of the user's today: act now, overdue, coming up, move on, each
        section in interview order, at most `limit` interviews each (None: all)."""
        return agenda(self, limit)

    def stored_steps(self, interview_id: str) -> list[StoredStep]:
        self.refresh_plans()
        with self.unit_of_work(write=False) as repo:
            return repo.stored_steps(interview_id)

    # --- writing ----------------------------------------------------------------------

    def add(self, interview: Interview) -> Interview:
        """Store a new interview; it gets an id from its company name unless it has one."""
        with self.unit_of_work() as repo:
            stored = self._insert(repo, interview, taken=set(), replace=False)
            stored = repo.interview(stored.id or "")
            self._plan(repo, [stored])
        return stored

    def edit(
        self,
        interview_id: str,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> Interview:
        """Change fields of a stored interview (contract names); the result is re-validated.

        With `expected_version` (the version the caller read), the change is made only if
        nobody changed the interview since: otherwise `ConflictError` and nothing changes.
        The check is part of the write, in the same transaction.
        """
        if "id" in changes or "attempts" in changes:
            raise InputError(
                next(k for k in ("id", "attempts") if k in changes), "cannot be edited"
            )
        from followup.domain.codec import interview_from_dict, interview_to_dict

        with self.unit_of_work() as repo:
            stored = repo.interview(interview_id)
            obj = interview_to_dict(stored)
            obj.update(changes)
            edited = interview_from_dict(
                {k: v for k, v in obj.items() if v is not None}, check_calendar=_check_calendar
            )
            repo.replace_interview(edited, self.now(), _expected(expected_version, stored))
            edited = repo.interview(interview_id)
            self._plan(repo, [edited])
        return edited

    def delete(self, interview_id: str, *, expected_version: int | None = None) -> None:
        """Delete an interview and its attempts (with `expected_version`, only if unchanged)."""
        with self.unit_of_work() as repo:
            repo.delete_interview(interview_id, expected_version)

    def set_status(
        self, interview_id: str, status: InterviewStatus, *, expected_version: int | None = None
    ) -> Interview:
        """Record the outcome: offer, rejected, withdrawn, closed (or awaiting again)."""
        with self.unit_of_work() as repo:
            stored = repo.interview(interview_id)
            repo.set_status(interview_id, status, self.now(), _expected(expected_version, stored))
            interview = repo.interview(interview_id)
            self._plan(repo, [interview])
        return interview

    def log_attempt(
        self,
        interview_id: str,
        *,
        channel: AttemptChannel,
        outcome: Outcome,
        purpose: Purpose | None = None,
        at: dt.datetime | None = None,
        notes: str | None = None,
    ) -> Attempt:
        """Log one follow-up (S2-8); the purpose defaults to the plan's next step."""
        from followup.domain.model import Attempt  # see the note on imports above

        at = self._check_at(at or self.local_now())
        with self.unit_of_work() as repo:
            if purpose is None:
                purpose = self._next_purpose(repo, interview_id)
            attempt = Attempt(at=at, channel=channel, purpose=purpose, outcome=outcome, notes=notes)
            repo.add_attempt(interview_id, attempt, self.now())
            self._plan(repo, [repo.interview(interview_id)])
        return attempt

    def _check_at(self, at: dt.datetime, field: str = "at") -> dt.datetime:
        """An attempt's moment: aware, and not in the future (log it once it happened)."""
        if at.tzinfo is None:
            raise InputError(field, "must have a time zone")
        from followup.domain.codec import check_moment

        at = check_moment(at, field)  # within the years the product plans
        if at > self.now() + dt.timedelta(minutes=1):
            shown = at.astimezone(self.local_now().tzinfo).strftime("%Y-%m-%d %H:%M %Z")
            raise InputError(field, f"{shown} is in the future: log an attempt once it is made")
        return at

    def correct_attempt(
        self,
        interview_id: str,
        number: int,
        *,
        at: dt.datetime | None = None,
        channel: AttemptChannel | None = None,
        outcome: Outcome | None = None,
        purpose: Purpose | None = None,
        notes: str | None = None,
    ) -> Attempt:
        """Correct attempt `number` (1 = the oldest) of an interview logged by mistake."""
        with self.unit_of_work() as repo:
            interview = repo.interview(interview_id)
            attempts = list(interview.attempts)
            old = _numbered(attempts, number)
            new = _replace(
                old,
                at=old.at if at is None else self._check_at(at),
                channel=channel or old.channel,
                outcome=outcome or old.outcome,
                purpose=purpose or old.purpose,
                notes=old.notes if notes is None else (notes.strip() or None),
            )
            attempts[number - 1] = new
            attempts.sort(key=lambda a: a.at)
            changed = _replace(interview, attempts=tuple(attempts))
            repo.replace_interview(changed, self.now(), interview.version)
            self._plan(repo, [repo.interview(interview_id)])
        return new

    def delete_attempt(self, interview_id: str, number: int) -> Attempt:
        """Delete attempt `number` (1 = the oldest) of an interview, logged by mistake."""
        with self.unit_of_work() as repo:
            interview = repo.interview(interview_id)
            attempts = list(interview.attempts)
            gone = _numbered(attempts, number)
            del attempts[number - 1]
            changed = _replace(interview, attempts=tuple(attempts))
            repo.replace_interview(changed, self.now(), interview.version)
            self._plan(repo, [repo.interview(interview_id)])
        return gone

    # --- import and export ------------------------------------------------------------

    def import_interviews(
        self,
        interviews: Iterable[Located],
        *,
        replace: bool = False,
        skip: bool = False,
        progress: Progress | None = None,
        hint: str = CLI_HINT,
    ) -> ImportResult:
        """Store many interviews in ONE transaction: all of them, or none if any fails.

        Each interview comes with its place in the file ("line 3"), named in errors. A row
        without an id that is the same interview as a stored one (same company, role and
        moment: the same file imported twice) is never stored a second time: it replaces
        the stored one with `replace`, is left out with `skip`, and is refused otherwise
        with `hint` (the adapter's words for those two choices).
        """
        batch = list(interviews)
        stored: list[Interview] = []
        replaced = skipped = 0
        with self.unit_of_work() as repo:
            known = {fingerprint(i): i.id for i in repo.interviews()}
            taken: set[str] = set()
            for number, (where, interview) in enumerate(batch, start=1):
                try:
                    same = known.get(fingerprint(interview)) if interview.id is None else None
                    if same is not None:
                        interview = _with_id(interview, same)
                    exists = interview.id is not None and repo.exists(interview.id)
                    if exists and skip:
                        skipped += 1
                        continue
                    if exists and not replace:
                        what = " as the same interview (company, role and time)" if same else ""
                        raise InputError("id", f"{interview.id!r} already exists{what}: {hint}")
                    replaced += exists
                    stored.append(self._insert(repo, interview, taken=taken, replace=replace))
                except InputError as error:
                    raise at_row(error, where) from None
                if progress is not None and number % 1000 == 0:
                    progress(number, len(batch))
            self._plan(repo, stored)
        return ImportResult(added=len(stored) - replaced, replaced=replaced, skipped=skipped)

    def export_objects(self) -> list[dict[str, Any]]:
        """Every interview as the contract's object, attempts included, in stored order."""
        with self.unit_of_work(write=False) as repo:
            return list(repo.interview_objects())

    # --- plans ------------------------------------------------------------------------

    def refresh_plans(self) -> int:
        """Re-plan the interviews whose stored plan is missing, stale or from another policy.

        Returns how many were re-planned. Cheap (no planner import) when nothing is stale.
        """
        return planning.refresh(self)

    def replan_all(self) -> int:
        """Recompute every stored plan (after a policy change); returns how many."""
        return planning.replan_all(self)

    # --- helpers ----------------------------------------------------------------------

    def _insert(
        self, repo: Repository, interview: Interview, *, taken: set[str], replace: bool
    ) -> Interview:
        _check_calendar(interview.country, interview.subdivision)  # plannable, or not stored
        if interview.id is None:
            interview = _with_id(interview, free_id(repo, slug(interview.company), taken))
        interview_id = check_id(interview.id or "")
        if interview_id in taken:
            raise InputError("id", f"{interview_id!r} appears twice")
        taken.add(interview_id)
        if repo.exists(interview_id):
            if not replace:
                raise InputError("id", f"{interview_id!r} already exists")
            repo.replace_interview(interview, self.now())
        else:
            repo.insert_interview(interview, self.now())
        return interview

    def _plan(self, repo: Repository, interviews: list[Interview]) -> None:
        planning.store_plans(self, repo, interviews)

    def _next_purpose(self, repo: Repository, interview_id: str) -> Purpose:
        return planning.next_purpose(self, repo.interview(interview_id))


def _check_calendar(country: str, subdivision: str | None) -> None:
    """`InputError` on `country` or `subdivision` when no holiday calendar exists for them:
    every path that stores an interview checks, so no stored record is one the planner
    cannot plan."""
    from followup.calendar import check_calendar

    check_calendar(country, subdivision)


def _expected(expected_version: int | None, stored: Interview) -> int | None:
    """The version a write must find: the caller's, else the one read in this transaction
    (so that a read-modify-write never overwrites a change it did not see)."""
    return stored.version if expected_version is None else expected_version


def _numbered(attempts: list[Attempt], number: int) -> Attempt:
    if not 1 <= number <= len(attempts):
        raise NotFoundError(f"no attempt {number}: this interview has {len(attempts)}")
    return attempts[number - 1]


def _with_id(interview: Interview, interview_id: str) -> Interview:
    return _replace(interview, id=interview_id)


def _replace(record: R, **changes: Any) -> R:
    """`dataclasses.replace`, imported on first use (see the note on imports above)."""
    from dataclasses import replace

    return replace(record, **changes)
