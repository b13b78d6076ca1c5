"""`eventwire eval --task coref-predicted`: ECB+ coreference over eventwire's own mentions.

Each document is coded by the default pipeline; every event trigger is a mention, clustered
like the gold mentions of `--task coref`. A predicted mention matches a gold one only with the
same document and exact offsets; unmatched mentions stay in their side (CoNLL-2012 practice).
Restricted: mentions on lines holding a gold mention of a fully annotated sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.eval.base import EvalReport, read_jsonl
from eventwire.eval.coref import default_params, mention_key
from eventwire.eval.coref import words as _words
from eventwire.eval.coref_scores import Cluster, conll
from eventwire.merge import MentionRecord, merge
from eventwire.model import Article, Event


def _record(doc_id: str, ev: Event) -> MentionRecord:
    words = {w.lower() for p in ev.participants for w in p.text.split() if len(w) > 2}
    if ev.theme:
        words |= {w.lower() for w in ev.theme.text.split() if len(w) > 2}
    # the argument roles of the gold mode, from eventwire's own participants, date and place
    roles = {
        "participant": {w for p in ev.participants for w in _words(p.text)},
        "time": _words(ev.date.text) if ev.date and ev.date.source == "text" else set(),
        "place": _words(ev.location.text) if ev.location else set(),
    }
    return MentionRecord(
        id=mention_key(doc_id, ev.trigger.start, ev.trigger.end),
        doc=doc_id,
        sentence=ev.sentence,
        start=ev.trigger.start,
        end=ev.trigger.end,
        trigger=ev.trigger.text,
        lemma=ev.trigger.text.lower(),
        plover_type=ev.plover.type,
        actors={r: tuple(sorted(w)) for r, w in roles.items() if w},
        arguments=tuple(sorted(words)),
        context=ev.text,
    )


def predicted_records(texts: dict[str, str], settings: Settings) -> list[MentionRecord]:
    """One record per distinct trigger span the coder finds in the topic's documents."""
    from eventwire.coding import code_articles

    batch = code_articles([Article.make(t, source=d) for d, t in texts.items()], settings)
    seen: dict[str, MentionRecord] = {}
    for coded in batch.coded:
        for ev in coded.events:
            rec = _record(str(coded.article.source), ev)
            seen.setdefault(rec.id, rec)
    return list(seen.values())


def _line_no(text: str, start: int) -> int:
    return text.count("\n", 0, start)


def topic_sets(item: dict[str, Any], settings: Settings) -> tuple[list[Cluster], ...]:
    """Gold and predicted clusters, unrestricted and restricted, of one topic."""
    texts = {d["doc_id"]: d["text"] for d in item["documents"]}
    gold = item["event_mentions"]
    full_lines = {
        (m["doc_id"], _line_no(texts[m["doc_id"]], m["start"]))
        for m in gold
        if m.get("in_coref_sentence")
    }
    records = predicted_records(texts, settings)
    clusters = merge(records, texts, default_params())
    response: list[Cluster] = [frozenset(records[i].id for i in c.members) for c in clusters]

    def restricted(key: object) -> bool:
        doc, start, _ = str(key).rsplit(":", 2)
        return (doc, _line_no(texts[doc], int(start))) in full_lines

    chains: dict[str, set[str]] = {}
    for m in gold:
        chains.setdefault(str(m["chain"]), set()).add(
            mention_key(m["doc_id"], m["start"], m["end"])
        )
    key: list[Cluster] = [frozenset(c) for c in chains.values()]
    key_r: list[Cluster] = [c for c in (frozenset(k for k in g if restricted(k)) for g in key) if c]
    resp_r: list[Cluster] = [
        c for c in (frozenset(k for k in g if restricted(k)) for g in response) if c
    ]
    return key, response, key_r, resp_r


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Pooled CoNLL F1 of eventwire's own mentions against the gold chains."""
    sides: list[list[Cluster]] = [[], [], [], []]
    n = 0
    for item in read_jsonl(path):
        n += 1
        for acc, part in zip(sides, topic_sets(item, settings), strict=True):
            acc += part
    key, response, key_r, resp_r = sides
    metrics: dict[str, float | int | None] = {}
    for suffix, (k, r) in (("", (key_r, resp_r)), ("_all", (key, response))):
        for name, prf in conll(k, r).items():
            metrics[f"{name}_f1{suffix}"] = round(prf.f1, 4)
        found = {m for c in r for m in c} & {m for c in k for m in c}
        metrics[f"mention_recall{suffix}"] = round(len(found) / max(1, sum(map(len, k))), 4)
        metrics[f"n_predicted{suffix}"] = sum(map(len, r))
    return EvalReport(
        task="coref-predicted",
        path=str(path),
        n_items=n,
        metrics=metrics,
        extra={"used_subtopic": False, "mentions": "predicted"},
    )
