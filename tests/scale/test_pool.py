"""The process pool: workers forked from a fork server that loaded the model once."""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver

import pytest

from eventwire.model import Article
from eventwire.scale import code_batch, get_executor
from eventwire.scale.pool import WARM_MODULE, pool_context
from eventwire.scale.warm import warm_up

linux_only = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)


@linux_only
def test_pool_workers_fork_from_a_server_that_preloads_the_model():
    context = pool_context()
    assert context.get_start_method() == "forkserver"
    assert forkserver._forkserver._preload_modules == [WARM_MODULE]  # type: ignore[attr-defined]


def test_pool_warm_up_codes_one_article_with_the_default_model(nlp):
    assert warm_up() is True


@linux_only
def test_pool_stops_its_fork_server_when_the_batches_are_done(nlp):
    batches = [[Article.make("Police arrested dozens of protesters in the capital.")]]
    out = list(get_executor("pool", workers=1).map_batches(code_batch, batches))
    assert [len(b.coded) for b in out] == [1]
    assert forkserver._forkserver._forkserver_pid is None  # type: ignore[attr-defined]


def test_pool_context_falls_back_to_spawn_without_a_fork_server(monkeypatch):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert pool_context().get_start_method() == "spawn"


def test_pool_short_runs_give_every_worker_several_batches():
    from eventwire.config import Settings
    from eventwire.scale.run import (
        BATCHES_PER_WORKER,
        PARSE_BATCHES_PER_TASK,
        RunOptions,
        chunk_size,
    )

    two = RunOptions(settings=Settings(batch_size=32), workers=2)
    task = 32 * PARSE_BATCHES_PER_TASK  # a long run's batch: whole parse batches
    assert chunk_size(two, 150) == 19  # 8 batches: 4 each, not 3 and 2 of 32
    assert -(-150 // chunk_size(two, 150)) >= BATCHES_PER_WORKER * 2
    assert chunk_size(two, 10_000) == task  # long runs keep whole parse batches
    assert chunk_size(two, None) == task  # no estimate: no change
    assert chunk_size(RunOptions(settings=Settings(batch_size=32), workers=1), 150) == task
    assert chunk_size(two, 3) == 1


def test_pool_batches_shrink_over_the_tail_so_the_workers_finish_together():
    from itertools import islice

    from eventwire.config import Settings
    from eventwire.scale.run import (
        PARSE_BATCHES_PER_TASK,
        TAIL_CHUNK,
        RunOptions,
        chunk_size,
        chunk_sizes,
    )

    two = RunOptions(settings=Settings(batch_size=32), workers=2)
    sizes, left = [], 600
    for size in chunk_sizes(two, 600):
        sizes.append(min(size, left))
        left -= size
        if left <= 0:
            break
    bulk = chunk_size(two, 600)
    assert sum(sizes) == 600 and max(sizes) == bulk == 32 * PARSE_BATCHES_PER_TASK
    assert sizes[:6] == [bulk] * 6  # the bulk keeps whole parse batches
    assert sizes[-4:-1] == [TAIL_CHUNK] * 3 and sizes[-1] <= TAIL_CHUNK
    assert sizes == sorted(sizes, reverse=True)
    task = 32 * PARSE_BATCHES_PER_TASK
    one = RunOptions(settings=Settings(batch_size=32), workers=1)
    assert list(islice(chunk_sizes(one, 300), 12)) == [task] * 12  # one worker: nothing to even
    assert list(islice(chunk_sizes(two, None), 12)) == [task] * 12  # no estimate: no change


def test_pool_one_worker_codes_beside_the_writer_when_there_is_a_core_to_spare(monkeypatch):
    from eventwire.config import Settings
    from eventwire.scale import run
    from eventwire.scale.pool import PoolExecutor

    opts = run.RunOptions(workers=1, settings=Settings(batch_size=32))
    monkeypatch.setattr(run, "default_workers", lambda: 2)
    one = run.choose_executor(opts, 1000)
    assert isinstance(one, PoolExecutor) and one.workers == 1
    assert run.choose_executor(opts, 20).name == "local"  # one batch: nothing to overlap
    monkeypatch.setattr(run, "default_workers", lambda: 1)
    assert run.choose_executor(opts, 1000).name == "local"  # no spare core: in-process
