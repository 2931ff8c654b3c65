"""Whose interviews a unit of work sees: the repository's own filter on both back ends, and
PostgreSQL's row-level security behind it (the second wall), which holds even for SQL that
names no owner at all."""

from __future__ import annotations

import pytest

from followup.domain.codec import interview_from_dict
from followup.domain.errors import NotFoundError
from followup.store import EVERYTHING, Scope, open_store
from tests.pg_cluster import Cluster
from tests.tracker_support import MORNING, example

ANA = Scope(owner=11, org=1)
BEN = Scope(owner=12, org=1)
#: Another organisation's candidate, with the same person number as nobody here.
ZOE = Scope(owner=21, org=2)


def _add(target: str, scope: Scope, interview_id: str, company: str = "Acme") -> None:
    with open_store(target) as store, store.unit_of_work(scope=scope) as repo:
        interview = interview_from_dict(example(id=interview_id, company=company))
        repo.insert_interview(interview, MORNING)


def test_a_repository_sees_its_owner_s_interviews_only(store_target: str) -> None:
    _add(store_target, ANA, "acme-ana")
    _add(store_target, BEN, "globex-ben", "Globex")
    with open_store(store_target) as store, store.unit_of_work(write=False, scope=ANA) as repo:
        assert [i.id for i in repo.interviews()] == ["acme-ana"]
        assert repo.count_interviews() == 1
        assert not repo.exists("globex-ben")
        with pytest.raises(NotFoundError):
            repo.interview("globex-ben")
        assert repo.revision("globex-ben") is None
        assert repo.ids_starting_with("globex") == set()
    with open_store(store_target) as store, store.unit_of_work(write=False) as repo:
        assert repo.interviews() == []  # the single user's scope owns neither


@pytest.fixture
def pg_url(postgres_cluster: Cluster) -> str:
    return postgres_cluster.new_database()


def test_two_people_may_use_the_same_id_on_postgresql(pg_url: str) -> None:
    _add(pg_url, ANA, "acme")
    _add(pg_url, BEN, "acme", "Acme Bank")
    with open_store(pg_url) as store:
        with store.unit_of_work(write=False, scope=ANA) as repo:
            assert repo.interview("acme").company == "Acme"
        with store.unit_of_work(write=False, scope=BEN) as repo:
            assert repo.interview("acme").company == "Acme Bank"


def _raw(pg_url: str, scope: Scope, sql: str) -> list[tuple[object, ...]]:
    with open_store(pg_url) as store, store.unit_of_work(write=False, scope=scope) as repo:
        return [tuple(row) for row in repo.connection.execute(sql)]


def test_row_level_security_hides_other_people_even_from_sql_naming_no_owner(
    pg_url: str,
) -> None:
    _add(pg_url, ANA, "acme")
    _add(pg_url, BEN, "globex", "Globex")
    _add(pg_url, ZOE, "initech", "Initech")
    with open_store(pg_url) as store, store.unit_of_work(scope=BEN) as repo:
        repo.connection.execute(
            "INSERT INTO attempts (interview_seq, at, at_utc, channel, purpose, outcome)"
            " SELECT seq, '2026-11-26T10:00:00-05:00', '2026-11-26T15:00:00Z', 'email',"
            " 'status', 'sent' FROM interviews"
        )
    # The wall is real only for a role that is not a superuser (superusers pass through it).
    assert _raw(pg_url, ANA, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user") == [
        (False,)
    ]
    every_id = "SELECT id FROM interviews ORDER BY id"
    assert _raw(pg_url, ANA, every_id) == [("acme",)]
    assert _raw(pg_url, BEN, "SELECT COUNT(*) FROM attempts") == [(1,)]
    assert _raw(pg_url, ANA, "SELECT COUNT(*) FROM attempts") == [(0,)]
    # a coach of Ana and Ben reads both, never the other organisation's
    coach = Scope(owner=30, org=1, readers="11,12")
    assert _raw(pg_url, coach, every_id) == [("acme",), ("globex",)]
    # an organisation's admin reads everyone in it; the same owners in another org: nothing
    assert _raw(pg_url, Scope(owner=1, org=1, readers="*"), every_id) == [("acme",), ("globex",)]
    assert _raw(pg_url, Scope(owner=11, org=2), every_id) == []
    assert _raw(pg_url, EVERYTHING, every_id) == [("acme",), ("globex",), ("initech",)]


def test_row_level_security_refuses_a_row_written_for_someone_else(pg_url: str) -> None:
    import psycopg

    _add(pg_url, ANA, "acme")
    with open_store(pg_url) as store:
        refused = pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security")
        with refused, store.unit_of_work(scope=ANA) as repo:
            repo.connection.execute("UPDATE interviews SET owner_seq = 12 WHERE id = 'acme'")
        with store.unit_of_work(write=False, scope=BEN) as repo:
            assert repo.interviews() == []
        with store.unit_of_work(write=False, scope=ANA) as repo:
            assert [i.id for i in repo.interviews()] == ["acme"]
