"""Lexicon dropout: how well the coder types an event whose trigger word the lexicon does not know.

On held-out news the commonest type miss is a trigger word no lexicon entry covers (issue 13).
This simulates it on a gold file's `tune` split: each item is coded once with the whole lexicon;
the content word(s) of the trigger that coded its principal event are then removed from the
lexicon (every entry keyed by that word: the verb with its phrasal and light uses, or the noun
with its light-verb uses), and the item is coded again. The figure is the share of items that
were right with the whole lexicon and are still right without their trigger word: what the
fallback paths (other triggers, the learned back-off) recover. Only `tune` items are read.

The back-off model was trained on stories that use the dropped words too, so while an item is
coded without its words, the model's features naming them (`v=`, `vo=`, `s=` ...) are masked:
the model sees the word as unknown, as it would see a word of unseen news (`--no-mask` for the
figure without the mask).

Usage: .venv/bin/python scripts/lexicon_dropout.py [GOLD] [--split tune] [--show] [--no-mask]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import eventwire
from eventwire.config import Settings
from eventwire.eval.base import only_split, read_jsonl
from eventwire.eval.cameo import principal
from eventwire.events import backoff, find
from eventwire.events.lexicon import LEXICON_FILES, Entry, Lexicon, _index, parse_entries
from eventwire.model import Article, Event

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "plover-gsr" / "dev.jsonl"
FOLDER = ROOT / "src" / "eventwire" / "data" / "events"


def all_entries() -> list[Entry]:
    """Every entry of the shipped lexicon files."""
    out: list[Entry] = []
    for name in LEXICON_FILES:
        out.extend(parse_entries((FOLDER / name).read_text(encoding="utf-8"), name))
    return out


def trigger_words(rule: str) -> set[str]:
    """The content word(s) of a trigger rule ('events.triggers:light:hold-talks' -> {'talks'})."""
    parts = rule.split(":")
    if len(parts) < 3:
        return set()
    kind, pattern = parts[-2], parts[-1]
    lemma, _, extra = pattern.partition("-")
    if kind == "light":
        return {extra} if extra else set()
    if kind in ("verb", "phrasal", "noun", "label"):
        return {lemma}
    return set()


def without(entries: list[Entry], words: set[str]) -> Lexicon:
    """The lexicon with every entry keyed by one of `words` removed."""

    def keyed(e: Entry) -> bool:
        if e.kind == "light":
            return e.extra in words
        return e.lemma in words and e.kind != "report"

    return _index([e for e in entries if not keyed(e)], "dropout")


def masked(words: set[str]) -> Callable[..., list[str]]:
    """`backoff.features` without the features that name one of `words`."""
    plain = backoff.features

    def feats(tok: Any, lex: Lexicon | None = None) -> list[str]:
        return [f for f in plain(tok, lex) if not set(f.partition("=")[2].split("|")) & words]

    return feats


def code(text: str, date: str | None) -> list[Event]:
    """Events of one text through the whole pipeline (with whatever lexicon is patched in)."""
    art = Article.make(text or " ", published=date) if date else Article.make(text or " ")
    batch = eventwire.code_articles([art], Settings())
    return list(batch.coded[0].events) if batch.coded else []


def gold_type(item: dict[str, Any]) -> str:
    return str(item.get("event_plover") or item.get("event_v05") or "").upper()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, nargs="?", default=DEFAULT_GOLD)
    ap.add_argument("--split", choices=["tune"], default="tune")
    ap.add_argument("--show", action="store_true", help="print each dropped item (tune only)")
    ap.add_argument("--no-mask", action="store_true", help="let the model see the dropped words")
    args = ap.parse_args()
    with only_split(args.split):
        items = [it for it in read_jsonl(args.gold) if gold_type(it)]
    entries = all_entries()
    full = find.load_lexicon()
    plain = backoff.features
    tally: Counter[str] = Counter()
    try:
        for item in items:
            gold = gold_type(item)
            find.load_lexicon = lambda: full  # type: ignore[assignment]
            main_event = principal(code(str(item["text"]), None))
            if main_event is None or main_event.plover.type != gold:
                tally["wrong_with_full_lexicon"] += 1
                continue
            words = trigger_words(main_event.provenance.rule)
            if not words:
                tally["not_a_lexicon_trigger"] += 1
                continue
            tally["dropped"] += 1
            reduced = without(entries, words)
            find.load_lexicon = lambda reduced=reduced: reduced  # type: ignore[misc]
            if not args.no_mask:
                backoff.features = masked(words)  # type: ignore[assignment]
            events = code(str(item["text"]), None)
            backoff.features = plain  # type: ignore[assignment]
            again = principal(events)
            got = again.plover.type if again else "nothing"
            by = again.provenance.rule.split(":")[0] if again else "-"
            tally["still_right" if got == gold else "lost"] += 1
            if got == gold:
                tally[f"rescued_by:{by}"] += 1
            elif again is None:
                tally["lost:no_event"] += 1
            elif got == "STATEMENT":
                tally["lost:statement"] += 1
            else:
                tally["lost:other_type"] += 1
            if args.show:
                mark = "ok " if got == gold else "MISS"
                print(f"{mark} {gold:9} -> {got:9} drop={sorted(words)} by={by}")
    finally:
        find.load_lexicon = lambda: full  # type: ignore[assignment]
        backoff.features = plain  # type: ignore[assignment]
    dropped = tally["dropped"]
    rate = tally["still_right"] / dropped if dropped else 0.0
    for k, v in sorted(tally.items()):
        print(f"{k:28} {v}")
    print(f"dropout_type_accuracy        {rate:.4f}  ({tally['still_right']}/{dropped})")


if __name__ == "__main__":
    main()
