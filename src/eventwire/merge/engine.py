"""Merge mentions into events: vectors, blocking, pairwise scores, average-linkage clustering."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from eventwire.heap import give_back
from eventwire.merge import tfidf
from eventwire.merge.blocking import STORE_KEYS, KeyFn, candidate_keys
from eventwire.merge.cluster import average_linkage, strong_only, within_groups
from eventwire.merge.edges import Edges, Keys, as_keys, ends
from eventwire.merge.records import MentionRecord
from eventwire.merge.scoring import score_keys
from eventwire.merge.similarity import Context, Weights, features, load_weights, spread_of


@dataclass(frozen=True)
class MergeParams:
    """How to merge. Defaults are the values tuned on the ECB+ tune split (see the report)."""

    threshold: float = 0.5
    doc_threshold: float | None = None  # cluster documents first and merge only within a cluster
    keys: tuple[KeyFn, ...] = STORE_KEYS
    max_block: int = 200
    window: int = 50
    max_gap_days: int | None = 10  # dates of a key's block further apart are not paired
    sparse_keys: tuple[KeyFn, ...] = ()  # blocks where mentions lacking actor and place probe
    sparse_window: int = 5
    weights: Weights = field(default_factory=load_weights)
    apart_in_sentence: bool = True  # two mentions of one sentence are two events (ECB+ rule)
    within_document: float | None = None  # first cluster each document alone at this threshold
    alone_below: float | None = None  # a mention whose best pair scores less stays alone (ECB+)


@dataclass(frozen=True)
class Cluster:
    """One merged event: indices of its mentions and the evidence on its strongest link."""

    members: list[int]
    why: list[str]


def document_clusters(vectors: Mapping[str, tfidf.Vector], threshold: float) -> list[list[str]]:
    """Group similar documents (average-linkage on TF-IDF cosine): one story per group."""
    names = sorted(vectors)
    edges = {}
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            s = tfidf.cosine(vectors[a], vectors[names[j]])
            if s > 0:
                edges[(i, j)] = s
    return [[names[i] for i in c] for c in average_linkage(len(names), edges, threshold)]


def context_of(records: Sequence[MentionRecord], documents: Mapping[str, str]) -> Context:
    """TF-IDF vectors of the documents and of each mention's sentence, and the share of the
    documents reporting each trigger stem."""
    docs = tfidf.vectors(documents)
    sentences = tfidf.vectors({m.id: m.context for m in records if m.context})
    return Context(documents=docs, sentences=sentences, spread=spread_of(records))


def merge(
    records: Sequence[MentionRecord],
    documents: Mapping[str, str] | None = None,
    params: MergeParams | None = None,
    fixed: Sequence[str | None] = (),
    *,
    explain: bool = True,
) -> list[Cluster]:
    """Cluster mentions into events; `documents` (id -> text) feeds document similarity.

    `fixed` gives, per record, the merged event it already belongs to (None: a new mention):
    those groups stay whole, and pairs of two already-merged mentions are not scored again.
    `explain=False` leaves `why` empty (scoring each cluster's strongest link again costs).
    """
    params = params or MergeParams()
    ctx = context_of(records, documents or {})
    extra: list[list[int]] = []
    if params.doc_threshold is not None and ctx.documents:
        by_doc: dict[str, list[int]] = {}
        for i, m in enumerate(records):
            by_doc.setdefault(m.doc, []).append(i)
        for group in document_clusters(ctx.documents, params.doc_threshold):
            extra.append([i for d in group for i in by_doc.get(d, [])])
    keys = candidate_keys(
        records,
        params.keys,
        max_block=params.max_block,
        window=params.window,
        extra_blocks=extra,
        max_gap_days=params.max_gap_days,
        sparse_keys=params.sparse_keys,
        sparse_window=params.sparse_window,
    )
    give_back()  # the blocks are gone: their pages go before the scores are made
    # two events of one sentence are two events (a threat to strike is not the strike), unless
    # the caller scores it instead (the store: "met ... for talks" is one meeting)
    n = len(records)
    firsts, seconds = ends(keys, n)
    keep = np.ones(len(keys), dtype=bool)
    if params.apart_in_sentence:
        codes: dict[tuple[str, int], int] = {}
        where = np.array(
            [codes.setdefault((m.doc, m.sentence), len(codes)) for m in records], dtype=np.int64
        )
        keep &= where[firsts] != where[seconds]
    if fixed:
        free = np.array([label is None for label in fixed], dtype=bool)
        keep &= free[firsts] | free[seconds]
    del firsts, seconds
    edges = score_pairs(records, keys[keep], ctx, params.weights)
    del keys, keep
    if not explain:
        ctx = Context()  # the vectors go before the clustering: only explanations read them
    if params.alone_below is not None:
        edges = strong_only(edges, n, params.alone_below)
    initial = _groups(fixed)
    if params.within_document is not None and not initial:
        initial = within_groups(edges, [m.doc for m in records], params.within_document)
    clusters = average_linkage(len(records), edges, params.threshold, initial)
    give_back()
    if not explain:
        return [Cluster(members=members, why=[]) for members in clusters]
    return [Cluster(members=m, why=_why(records, m, edges, ctx, params)) for m in clusters]


def _groups(fixed: Sequence[str | None]) -> list[list[int]]:
    by: dict[str, list[int]] = {}
    for i, label in enumerate(fixed):
        if label is not None:
            by.setdefault(label, []).append(i)
    return list(by.values())


def _why(
    records: Sequence[MentionRecord],
    members: list[int],
    edges: Mapping[tuple[int, int], float],
    ctx: Context,
    params: MergeParams,
) -> list[str]:
    """Names of the evidence on the cluster's strongest link (empty for a singleton)."""
    if len(members) < 2:
        return []
    pairs = ((i, j) for n, i in enumerate(members[:50]) for j in members[n + 1 : 50])
    best = max(((edges.get(p, 0.0), p) for p in pairs), default=None)
    if best is None:
        return []
    i, j = best[1]
    return params.weights.why(features(records[i], records[j], ctx))


def score_pairs(
    records: Sequence[MentionRecord],
    pairs: Keys | Iterable[tuple[int, int]],
    ctx: Context,
    weights: Weights,
) -> Edges:
    """Probability that each candidate pair is one event (only the weighed evidence computed).

    `pairs` are pair keys (`merge.edges`) or (i, j) tuples, scored a chunk at a time as array
    operations (`merge.scoring`), in index order: the order the clustering reads them.
    """
    n = len(records)
    keys = pairs if isinstance(pairs, np.ndarray) else as_keys(pairs, n)
    return Edges(n, keys, score_keys(records, keys, ctx, weights))
