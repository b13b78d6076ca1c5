"""`eventwire eval --task coref`: cross-document event coreference on ECB+ (gold mentions).

Each topic's gold event mentions are turned into `MentionRecord`s (head lemma from spaCy,
sentence, content words around them, the document text, and the words of the gold entity
mentions of their sentence by role: participants, time, place; never the entity chains) and
clustered by `eventwire.merge`, which never sees the spaCy Doc. The `subtopic` field is never read: the merge must find the two
stories of a topic by itself. Scores pool every topic into one key and one response, keep
singletons, and are given restricted to the fully annotated sentences and unrestricted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.config import Settings
from eventwire.errors import EvalError
from eventwire.eval.base import EvalReport, read_jsonl
from eventwire.eval.coref_scores import Cluster, conll
from eventwire.merge import MentionRecord, MergeParams, merge
from eventwire.merge.similarity import load_weights
from eventwire.merge.tfidf import STOP

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

CONTENT_POS = {"NOUN", "PROPN", "NUM"}
WORD = re.compile(r"[^\W_][\w'-]*")  # words and numbers ("2008", "6.1")
# ECB+ entity types -> the argument role (`similarity.ARGUMENT_ROLES`) their words fill
ENTITY_ROLES = (("TIME", "time"), ("LOC", "place"), ("HUMAN_PART", "participant"))
Roles = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Topic:
    """One ECB+ topic made into merge input, with its gold chains."""

    id: str
    records: list[MentionRecord]
    documents: dict[str, str]
    chains: dict[str, str]  # mention key -> gold chain
    restricted: frozenset[str]  # mention keys in fully annotated sentences


def mention_key(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:{start}:{end}"


def _line(text: str, start: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return text[lo : hi if hi >= 0 else len(text)]


def _arguments(head: Token) -> tuple[str, ...]:
    """Content lemmas two dependency steps around the head, plus the sentence's named entities."""
    near = set(head.children) | {head.head} | set(head.head.children)
    for tok in list(near):
        near |= set(tok.children)
    words = {t.lemma_.lower() for t in near if t.pos_ in CONTENT_POS and t.i != head.i}
    return tuple(sorted(words | {e.text.lower() for e in head.sent.ents}))


def words(text: str) -> set[str]:
    """Lower-cased words and numbers of a phrase, without stop words."""
    return {w.lower() for w in WORD.findall(text)} - STOP


def _role(entity_type: str) -> str:
    return next((r for prefix, r in ENTITY_ROLES if entity_type.startswith(prefix)), "participant")


def entity_roles(entities: list[dict[str, Any]]) -> dict[tuple[str, int], Roles]:
    """(document, sentence) -> role -> the words of the entity mentions of that sentence.

    Only the mentions' text and type are read (times, places, participants), never their chains.
    """
    out: dict[tuple[str, int], dict[str, set[str]]] = {}
    for e in entities:
        where = (str(e["doc_id"]), int(e.get("sentence", 0)))
        out.setdefault(where, {}).setdefault(_role(str(e.get("type", ""))), set()).update(
            words(str(e.get("text", "")))
        )
    return {k: {r: tuple(sorted(w)) for r, w in v.items() if w} for k, v in out.items()}


def _status(head: Token) -> str:
    """The coder's status of the mention (occurred, negated, planned, hypothetical, ...)."""
    from eventwire.events.status import modality

    return modality(head, None, nominal=head.pos_ not in ("VERB", "AUX")).status


def _record(doc_id: str, m: dict[str, Any], doc: Doc, roles: Roles | None = None) -> MentionRecord:
    """Head lemma of the (first piece of the) mention and the words around it."""
    start, end = m["spans"][0] if m.get("spans") else (m["start"], m["end"])
    span = doc.char_span(start, end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), None)
    return MentionRecord(
        id=mention_key(doc_id, m["start"], m["end"]),
        doc=doc_id,
        sentence=int(m.get("sentence", 0)),
        start=m["start"],
        end=m["end"],
        trigger=m["text"],
        lemma=(head.lemma_ if head is not None else m["text"]).lower(),
        actors=dict(roles or {}),
        arguments=_arguments(head) if head is not None else (),
        context=_line(doc.text, start),
        dep=head.dep_ if head is not None else "",
        status=_status(head) if head is not None else None,
    )


def topic_of(item: dict[str, Any], nlp: Language) -> Topic:
    """Merge input of one topic (reads `documents`, `event_mentions` and the text and type of
    `entity_mentions`, never `subtopic`)."""
    try:
        texts = {d["doc_id"]: d["text"] for d in item["documents"]}
        mentions = item["event_mentions"]
        roles = entity_roles(item.get("entity_mentions") or [])
    except (KeyError, TypeError, ValueError) as exc:
        raise EvalError(f"coref item {item.get('id')!r}: missing field {exc}") from exc
    docs = dict(zip(texts, nlp.pipe(texts.values()), strict=True))
    records = [
        _record(
            m["doc_id"], m, docs[m["doc_id"]], roles.get((m["doc_id"], int(m.get("sentence", 0))))
        )
        for m in mentions
    ]
    keys = [r.id for r in records]
    return Topic(
        id=str(item.get("id")),
        records=records,
        documents=texts,
        chains={k: str(m["chain"]) for k, m in zip(keys, mentions, strict=True)},
        restricted=frozenset(
            k for k, m in zip(keys, mentions, strict=True) if m.get("in_coref_sentence")
        ),
    )


def topics(path: Path, settings: Settings) -> Iterator[Topic]:
    from eventwire.nlp.parse import load_nlp

    nlp = load_nlp(settings.spacy_model)
    for item in read_jsonl(path):
        yield topic_of(item, nlp)


def cluster_topic(topic: Topic, params: MergeParams) -> list[list[str]]:
    """Predicted clusters of one topic, as lists of mention keys."""
    clusters = merge(topic.records, topic.documents, params)
    return [[topic.records[i].id for i in c.members] for c in clusters]


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    """The shipped ECB+ model (`data/merge/weights.json`, written by `scripts/train_merge.py`)."""
    raw = (resources.files("eventwire") / "data" / "merge" / "weights.json").read_text("utf-8")
    out: dict[str, Any] = json.loads(raw)
    return out


def default_params() -> MergeParams:
    """Documents clustered first, then each document's mentions, then the mentions of a
    document cluster across documents, at the trained thresholds."""
    model = _model()
    return MergeParams(
        threshold=float(model["threshold"]),
        doc_threshold=float(model["doc_threshold"]),
        within_document=model.get("within_document"),
        alone_below=model.get("alone_below"),
        keys=(),
        max_block=100_000,
        weights=load_weights(),
    )


def _gold(topic: Topic, only: frozenset[str] | None) -> list[Cluster]:
    groups: dict[str, set[str]] = {}
    for key, chain in topic.chains.items():
        if only is None or key in only:
            groups.setdefault(chain, set()).add(key)
    return [frozenset(g) for g in groups.values()]


def _keep(clusters: list[list[str]], only: frozenset[str] | None) -> list[Cluster]:
    out = [frozenset(k for k in c if only is None or k in only) for c in clusters]
    return [c for c in out if c]


def score(pairs: list[tuple[Topic, list[list[str]]]]) -> dict[str, float | int | None]:
    """Pooled MUC, B3, CEAF-e and CoNLL F1, restricted (`*`) and unrestricted (`*_all`)."""
    metrics: dict[str, float | int | None] = {}
    for suffix, restrict in (("", True), ("_all", False)):
        key: list[Cluster] = []
        response: list[Cluster] = []
        for topic, clusters in pairs:
            only = topic.restricted if restrict else None
            key += _gold(topic, only)
            response += _keep(clusters, only)
        for name, prf in conll(key, response).items():
            metrics[f"{name}_f1{suffix}"] = round(prf.f1, 4)
            if name != "conll":
                metrics[f"{name}_p{suffix}"] = round(prf.precision, 4)
                metrics[f"{name}_r{suffix}"] = round(prf.recall, 4)
        metrics[f"n_mentions{suffix}"] = sum(len(c) for c in key)
        metrics[f"n_gold_clusters{suffix}"] = len(key)
        metrics[f"n_clusters{suffix}"] = len(response)
    return metrics


def evaluate(path: Path, settings: Settings, predictions: Path | None = None) -> EvalReport:
    """Cluster every topic's gold mentions and score the clusters against the gold chains."""
    params = default_params()
    done = [(t, cluster_topic(t, params)) for t in topics(path, settings)]
    if predictions is not None:
        write_predictions(predictions, done)
    return EvalReport(
        task="coref",
        path=str(path),
        n_items=len(done),
        metrics=score(done),
        extra={"used_subtopic": False, "mentions": "gold"},
    )


def write_predictions(out: Path, done: list[tuple[Topic, list[list[str]]]]) -> None:
    """One line per topic: {"id": topic id, "clusters": [["doc:start:end", ...], ...]}."""
    try:
        with out.open("w", encoding="utf-8") as fh:
            for topic, clusters in done:
                fh.write(json.dumps({"id": topic.id, "clusters": clusters}) + "\n")
    except OSError as exc:
        raise EvalError(f"{out}: cannot write predictions ({exc})") from exc
