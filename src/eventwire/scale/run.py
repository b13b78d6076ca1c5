"""An ingest run: read, skip what is already stored, code on an executor, write in order.

One writer (this process) stores each batch in one transaction as it comes back, in input
order, so a killed run loses at most the batches in flight and a rerun codes only those
(`store.resume`): articles stored from the same content by the same coder are skipped.
The workers hand back ready rows (`scale.base.code_for_store`: Arrow tables and negotiation
digests), so the writer only inserts, and the end of the run (`finish_store`) only merges;
beside a single worker this process has a core to spare and makes them itself (`rows_here`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from eventwire.config import Settings
from eventwire.model import Article, Batch, Failure
from eventwire.scale.base import (
    Executor,
    code_batch,
    code_for_store,
    get_executor,
    rows_for_store,
)
from eventwire.scale.pool import PoolExecutor
from eventwire.store.duck import Store
from eventwire.store.resume import already_coded, coder_version
from eventwire.store.rows import StoreRows
from eventwire.store.shards import ShardWriter


@dataclass
class RunOptions:
    """How to run an ingest: where, on what, and whether to recode what is stored."""

    db: str | Path = "eventwire.duckdb"
    settings: Settings = field(default_factory=Settings)
    workers: int = 1
    executor: str = "local"
    address: str | None = None
    recode: bool = False
    progress: bool = False
    out_parquet: str | Path | None = None  # write Parquet shards there instead of `db`


@dataclass
class RunTally:
    articles: int = 0
    events: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # ids of the articles coded and stored


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_ingest(
    items: Iterable[Article | Failure], opts: RunOptions, total: int | None = None
) -> RunTally:
    """Code and store what `items` yields, reading as it goes (memory stays flat).

    Read failures are stored as they come; `total` (an estimate is fine) feeds the ETA.
    """
    tally = RunTally()
    coder = coder_version(opts.settings)
    writer = ShardWriter(opts.out_parquet) if opts.out_parquet else Store(opts.db)
    with writer as store:
        articles = _articles_only(items, store, tally)
        batches = _chunks(articles, chunk_sizes(opts, total))
        fresh = opts.recode or isinstance(store, ShardWriter)  # new shards: nothing to resume
        todo = _not_yet_coded(store, batches, coder, fresh, tally)
        executor = choose_executor(opts, total)
        digests = isinstance(store, Store)  # shards hold no digests: load_parquet makes them
        work: Callable[[list[Article]], StoreRows | Batch] = (
            partial(code_batch, settings=opts.settings)
            if rows_here(executor)
            else partial(code_for_store, settings=opts.settings, coder=coder, digests=digests)
        )
        for result in _progress(executor.map_batches(work, todo), total, tally, opts.progress):
            rows = _as_rows(result, coder, digests)
            store.write_rows(rows)
            for f in rows.failures:
                store.write_failure(f)
            tally.articles += len(rows.coded)
            tally.written.extend(rows.coded)
            tally.events += rows.events
            tally.failures.extend(rows.failures)
    return tally


def rows_here(executor: Executor) -> bool:
    """Whether this process makes the rows and digests of the coded batches: when one worker
    codes beside it, so the worker only codes. With more workers this process (one core
    among theirs) would hold them back, and in-process it is all one."""
    return isinstance(executor, PoolExecutor) and executor.workers == 1


def _as_rows(result: StoreRows | Batch, coder: str, digests: bool = False) -> StoreRows:
    """A worker's rows as they are; a coded `Batch` (or a dead worker's failures) made into
    rows here, with its negotiation digests when `digests`."""
    if isinstance(result, StoreRows):
        return result
    return rows_for_store(result, coder, digests)


def _articles_only(
    items: Iterable[Article | Failure], store: Store | ShardWriter, tally: RunTally
) -> Iterator[Article]:
    """The articles of a read stream; its failures are stored and counted on the way."""
    for item in items:
        if isinstance(item, Article):
            yield item
        else:
            store.write_failure(item)
            tally.failures.append(item)


def choose_executor(opts: RunOptions, n_articles: int | None = None) -> Executor:
    """Ray when asked; a process pool when more than one worker has work, or one worker has
    more than one batch and this process a core of its own (it then reads, writes and checks
    what is stored while the worker codes); else in-process."""
    if opts.executor == "ray":
        return get_executor("ray", num_workers=opts.workers, address=opts.address)
    if opts.executor != "local":
        return get_executor(opts.executor)
    batches = opts.workers if n_articles is None else -(-n_articles // task_size(opts))
    workers = min(opts.workers, batches)
    if workers > 1 or (workers == 1 and batches > 1 and default_workers() > 1):
        return PoolExecutor(workers)
    return get_executor("local")


BATCHES_PER_WORKER = 4  # the least batches each worker gets, when the run is short
# Parse batches per executor batch. Each executor batch costs the writer one transaction of
# nine statements and the worker one round of row making and pickling, whatever its size:
# two parse batches a task took 1000 short articles on 2 workers from 3.2-3.6 to 2.4 CPU s
# in the writer and about 2 CPU s less in all (two A/B pairs, the same stored rows).
PARSE_BATCHES_PER_TASK = 2


def task_size(opts: RunOptions) -> int:
    """Articles per executor batch of a long run: whole parse batches."""
    return opts.settings.batch_size * PARSE_BATCHES_PER_TASK


def chunk_size(opts: RunOptions, total: int | None) -> int:
    """Articles per executor batch: `PARSE_BATCHES_PER_TASK` of the settings' batch size,
    smaller when the run is short.

    With few batches per worker the last ones leave a worker idle (150 articles in batches of
    32 are 3 batches for one worker, 2 for the other); at least `BATCHES_PER_WORKER` each
    evens that out. The coding does not depend on it (the parse batch is the settings').
    """
    size = task_size(opts)
    if total is None or opts.workers < 2:
        return size
    return max(1, min(size, -(-total // (BATCHES_PER_WORKER * opts.workers))))


TAIL_CHUNK = 4  # the least articles a batch of a run's tail holds


def chunk_sizes(opts: RunOptions, total: int | None) -> Iterator[int]:
    """The size of each batch in turn: `chunk_size`, shrinking over the run's tail.

    The workers finish together only if the last batches are small: a worker given a full
    batch last keeps the run going alone for up to that batch's time while the others idle.
    So once fewer than two batches per worker are left (of the `total` estimate), each batch
    takes a share of what is left (guided scheduling), down to `TAIL_CHUNK` articles.
    """
    size = chunk_size(opts, total)
    if total is None or opts.workers < 2:
        while True:
            yield size
    left = total
    while True:
        step = min(size, max(TAIL_CHUNK, -(-left // (2 * opts.workers))))
        yield step
        left -= step


def _chunks(items: Iterable[Article], sizes: Iterator[int]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    size = next(sizes)
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
            size = next(sizes)
    if batch:
        yield batch


def _not_yet_coded(
    store: Store | ShardWriter,
    batches: Iterable[list[Article]],
    coder: str,
    recode: bool,
    tally: RunTally,
) -> Iterator[list[Article]]:
    """Batches less the articles stored with the same content hash by the same coder."""
    for batch in batches:
        done = (
            set() if recode or not isinstance(store, Store) else already_coded(store, batch, coder)
        )
        tally.skipped += len(done)
        rest = [a for a in batch if a.id not in done]
        if rest:
            yield rest


def _progress(
    results: Iterator[StoreRows | Batch], total: int | None, tally: RunTally, show: bool
) -> Iterator[StoreRows | Batch]:
    """Pass results through, with a bar showing articles/s and the time left."""
    if not show:
        yield from results
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    start, done = time.perf_counter(), 0
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("coding articles", total=total, rate="-")
        for batch in results:
            yield batch
            done += len(batch.coded) + len(batch.failures)  # both kinds have these
            rate = done / max(time.perf_counter() - start, 1e-9)
            finished = done + tally.skipped
            bar.update(task, completed=finished, rate=f"{rate:.1f}")
            if total is not None and finished > total:  # the estimate was short
                bar.update(task, total=finished)


def finish_store(store: Store, written: Iterable[str]) -> None:
    """What a store needs once its articles are in: the merge and the negotiation digests.

    Merges the articles just written and those a killed run stored but never merged. The
    digests came with the batches, so `refresh` only makes those of articles stored without
    one (by `Store.write_many`, an older coder, or shards).
    """
    from eventwire.merge.store import merge_store
    from eventwire.negotiations.store import refresh
    from eventwire.store.resume import unmerged_articles

    todo = sorted({*written, *unmerged_articles(store)})
    if todo:
        merge_store(store, todo)  # incremental: only these articles' events
    refresh(store)  # a new report extends its negotiation (issue 17)
