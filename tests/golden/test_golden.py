"""Golden files: each bundled sample article and the events we expect, reviewed in the diff.

Rewrite on purpose with `pytest tests/golden --update-golden`. Each line is a compact view of
one event (who did what to whom, where, when, status, on whose word) so a diff reads easily.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.coding import code_paths
from eventwire.model import Event

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOLDEN = Path(__file__).resolve().parent


def view(ev: Event) -> dict[str, object]:
    """The reviewed projection of an event."""
    return {
        "sentence": ev.sentence,
        "trigger": ev.trigger.text,
        "plover": f"{ev.plover.type}/{ev.plover.mode or ''}",
        "cameo": ev.cameo,
        "status": ev.status,
        "participants": [
            f"{p.role}:{p.text}={(p.actor.country or '') + ''.join(p.actor.sector) if p.actor else '?'}"
            for p in ev.participants
        ],
        "where": ev.location.name if ev.location else None,
        "when": ev.date.value if ev.date else None,
        "by": ev.attribution.speaker.text if ev.attribution and ev.attribution.speaker else None,
    }


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_golden_sample(sample: Path, update_golden: bool, nlp) -> None:  # type: ignore[no-untyped-def]
    batch = code_paths([sample])
    assert not batch.failures
    got = "".join(json.dumps(view(e), ensure_ascii=False) + "\n" for e in batch.events)
    expected = GOLDEN / f"{sample.stem}.events.jsonl"
    if update_golden:
        expected.write_text(got)
    if not expected.exists():
        pytest.skip(f"no golden file {expected.name} yet: create it with --update-golden")
    assert got == expected.read_text()
    assert batch.events, "every sample article yields events"
