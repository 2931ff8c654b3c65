"""The web app's kept answers (web/cache.py): what changes them, and what must not."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.context import Env
from followup.services.tracker import Tracker
from followup.web.cache import MAX_ENTRIES, StoreCache, accepts_gzip
from tests.tracker_support import MORNING, Cli, example
from tests.web_support import BASE, TestClient, make_client, make_env


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[Tracker]:
    tracker = Tracker.open(make_env(tmp_path))
    yield tracker
    tracker.close()


def counted(value: Any = "answer") -> Any:
    """A build function that counts its calls."""

    def build() -> Any:
        build.calls += 1  # type: ignore[attr-defined]
        return value

    build.calls = 0  # type: ignore[attr-defined]
    return build


def test_a_write_through_the_api_shows_at_once(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    assert "Globex" not in client.get("/").text
    before = client.get("/interviews/acme-analyst").text
    client.post("/api/v1/interviews", json=example(company="Globex", id="globex"))
    assert "Globex" in client.get("/").text
    assert "Globex" in client.get("/api/v1/agenda").text
    logged = {"channel": "email", "outcome": "sent", "notes": "sent the portfolio link"}
    client.post("/api/v1/interviews/acme-analyst/attempts", json=logged)
    after = client.get("/interviews/acme-analyst").text
    assert "sent the portfolio link" in after and after != before


def test_the_cli_writing_at_the_same_time_shows_at_once(tmp_path: Path, client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    client.get("/"), client.get("/interviews/acme-analyst"), client.get("/api/v1/agenda")
    cli = Cli(tmp_path)
    other = tmp_path / "other.json"
    other.write_text(json.dumps(example(company="Globex", id="globex")))
    assert cli("add", "--from", str(other)).status == 0
    assert "Globex" in client.get("/").text
    assert "Globex" in client.get("/api/v1/agenda").text
    logged = cli("log", "acme-analyst", "--channel", "call", "--outcome", "spoke",
                 "--notes", "they will decide on Friday")  # fmt: skip
    assert logged.status == 0, logged.err
    assert "they will decide on Friday" in client.get("/interviews/acme-analyst").text
    assert cli("delete", "acme-analyst", "--yes").status == 0
    assert client.get("/interviews/acme-analyst").status_code == 404


def test_a_new_day_recomputes(tmp_path: Path) -> None:
    from followup.web import create_app

    now = [MORNING]
    env = make_env(tmp_path)
    env.clock = lambda: now[0]
    app = create_app(env)
    with TestClient(app, base_url=BASE) as web:
        web.post("/api/v1/interviews", json=example())
        assert web.get("/api/v1/agenda").json()["today"] == "2026-11-25"
        page = web.get("/interviews/acme-analyst").text
        now[0] = MORNING + dt.timedelta(days=20)
        assert web.get("/api/v1/agenda").json()["today"] == "2026-12-15"
        assert web.get("/interviews/acme-analyst").text != page
    app.state.web.tracker.close()


def test_a_kept_page_is_sent_compressed_to_whoever_accepts_it(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    squeezed = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert squeezed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in squeezed.headers["vary"]
    assert squeezed.text == plain.text  # the client decodes it
    raw = client.build_request("GET", "/interviews/acme-analyst")
    raw.headers["Accept-Encoding"] = "gzip"
    sent = client.send(raw, stream=True)
    body = b"".join(sent.iter_raw())
    assert gzip.decompress(body).decode() == client.get("/interviews/acme-analyst").text
    assert sent.headers["vary"] == "Accept-Encoding, HX-Request"


@pytest.mark.parametrize(
    ("header", "accepted"),
    [("gzip", True), ("br, gzip, deflate", True), ("gzip;q=0.5", True), ("*", True),
     ("gzip;q=0", False), ("identity", False), ("", False), ("gzip;q=x", False),
     ("*, gzip;q=0", False), ("gzip;q=0, *", False), ("*;q=0, gzip", True)],
)  # fmt: skip
def test_accept_encoding_is_read_with_its_weights(header: str, accepted: bool) -> None:
    assert accepts_gzip(header) is accepted


def test_a_write_to_another_interview_keeps_this_ones_answer(tracker: Tracker) -> None:
    from followup.domain.codec import interview_from_dict
    from followup.domain.model import AttemptChannel, Outcome

    tracker.add(interview_from_dict(example()))
    tracker.add(interview_from_dict(example(company="Globex", id="globex")))
    cache, build = StoreCache(tracker), counted()
    cache.get("page", build, interview="acme-analyst")
    tracker.log_attempt("globex", channel=AttemptChannel.EMAIL, outcome=Outcome.SENT)
    cache.get("page", build, interview="acme-analyst")
    assert build.calls == 1
    tracker.log_attempt("acme-analyst", channel=AttemptChannel.EMAIL, outcome=Outcome.SENT)
    cache.get("page", build, interview="acme-analyst")
    assert build.calls == 2
    # deleted and added again under the same id: another stored row, another answer
    tracker.delete("acme-analyst")
    tracker.add(interview_from_dict(example()))
    cache.get("page", build, interview="acme-analyst")
    assert build.calls == 3


def test_an_answer_about_everything_follows_every_write(tracker: Tracker) -> None:
    from followup.domain.codec import interview_from_dict

    cache, build = StoreCache(tracker), counted()
    cache.get("today", build), cache.get("today", build)
    assert build.calls == 1
    tracker.add(interview_from_dict(example()))
    cache.get("today", build)
    assert build.calls == 2


def test_another_connections_commit_changes_the_token(tmp_path: Path, tracker: Tracker) -> None:
    from followup.domain.codec import interview_from_dict

    before = tracker.store.change_token()
    assert tracker.store.change_token() == before  # reading changes nothing
    other = Tracker.open(make_env(tmp_path))
    try:
        other.add(interview_from_dict(example()))
    finally:
        other.close()
    assert tracker.store.change_token() != before


def test_settings_policy_and_clock_are_part_of_the_key(tmp_path: Path, tracker: Tracker) -> None:
    cache, build = StoreCache(tracker), counted()
    cache.get("page", build, clock=1)
    cache.get("page", build, clock=2)  # a later quarter hour
    assert build.calls == 2
    tracker.settings = tracker.settings._replace(name="Robin Doe")
    cache.get("page", build, clock=2)
    assert build.calls == 3
    policy = tmp_path / "policy.toml"
    policy.write_text("# mine\n")
    tracker.settings = tracker.settings._replace(policy=str(policy))
    cache.get("page", build, clock=2), cache.get("page", build, clock=2)
    assert build.calls == 4
    policy.write_text("# mine, edited\n")
    cache.get("page", build, clock=2)
    assert build.calls == 5


def test_at_most_max_entries_are_kept_the_least_recently_used_go(tracker: Tracker) -> None:
    cache, first = StoreCache(tracker), counted()
    cache.get("first", first)
    for n in range(MAX_ENTRIES - 1):
        cache.get(n, counted())
    cache.get("first", first)  # used again: now the most recent
    cache.get("one more", counted())
    assert len(cache.entries) == MAX_ENTRIES
    assert 0 not in cache.entries  # the least recently used went
    cache.get("first", first)
    assert first.calls == 1
    for n in range(MAX_ENTRIES):
        cache.get(("more", n), counted())
    assert len(cache.entries) == MAX_ENTRIES
    cache.get("first", first)
    assert first.calls == 2


def test_an_answer_built_while_the_store_changed_is_built_again(tracker: Tracker) -> None:
    from followup.domain.codec import interview_from_dict

    def build_while_another_program_writes() -> str:
        tracker.add(interview_from_dict(example()))  # a commit while the answer is built
        return "answer"

    cache = StoreCache(tracker)
    cache.get("today", build_while_another_program_writes)
    build = counted()
    cache.get("today", build), cache.get("today", build)
    assert build.calls == 1  # built again once, then kept


def test_an_in_memory_store_is_kept_too(tmp_path: Path) -> None:
    from followup.domain.codec import interview_from_dict

    tracker = Tracker.open(Env(environ={"FOLLOWUP_CONFIG_DIR": str(tmp_path)}), ":memory:")
    try:
        cache, build = StoreCache(tracker), counted()
        cache.get("today", build), cache.get("today", build)
        tracker.add(interview_from_dict(example()))
        cache.get("today", build)
        assert build.calls == 2
    finally:
        tracker.close()


def test_kept_answers_only_what_is_kept_and_current(tracker: Tracker) -> None:
    cache = StoreCache(tracker)
    assert cache.kept("today") is None  # nothing kept yet: the caller builds it
    cache.get("today", counted("page"))
    assert cache.kept("today") == "page"
    assert cache.kept("today", clock=1) is None  # kept for another quarter hour
    with tracker.store.unit_of_work() as repo:  # any commit moves the store's token
        repo.set_stamp("kept-test", "1")
    assert cache.kept("today") is None


def test_kept_never_waits_for_another_threads_transaction(tracker: Tracker) -> None:
    cache = StoreCache(tracker)
    cache.get("today", counted("page"))
    inside, release = threading.Event(), threading.Event()

    def hold_the_store() -> None:
        with tracker.store.unit_of_work(write=False):
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_store)
    holder.start()
    try:
        assert inside.wait(10)
        assert cache.kept("today") is None  # busy: answered in the thread pool instead
    finally:
        release.set()
        holder.join()
    assert cache.kept("today") == "page"
