"""The cameo scorer on tiny gold files written here, with a fake coder."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.eval import cameo
from eventwire.eval.cameo import Glossary

S = "source"
T = "target"


def _gold(i: int, text: str, events: list[tuple[str, str, str]], **extra: Any) -> dict[str, Any]:
    evs = [
        {"source": s, "target": t, "code": c, "root": c[:2], "is_cameo": True} for s, t, c in events
    ]
    return {
        "id": f"t:{i}",
        "date": "2020-01-01",
        "text": text,
        "events": evs,
        "no_events": not evs,
        **extra,
    }


TRIPLE_ITEMS = [
    _gold(1, "Norland troops shelled Southland.", [("NOR", "SOU", "194")]),
    _gold(2, "Norland asked Southland for aid.", [("NOR", "SOU", "023")]),
    _gold(3, "Nothing happened in Norland.", []),
    _gold(4, "Southland praised Norland.", [("SOU", "NOR", "051")]),
    _gold(5, "Norland met Southland.", [("NOR", "SOU", "040")], expected_error="bad_input_parse"),
]
TRIPLE_EVENTS = {
    "Norland troops shelled Southland.": [
        ("ASSAULT", None, "194", [(S, "Norland", "NOR", []), (T, "Southland", "SOU", [])])
    ],
    "Norland asked Southland for aid.": [
        ("REQUEST", None, "020", [(S, "Norland", "NOR", []), (T, "Southland", "SOU", [])])
    ],
}


def test_cameo_triple_metrics(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    calls = fake_coder(TRIPLE_EVENTS)
    report = cameo.evaluate(write_gold("petr/dev.jsonl", TRIPLE_ITEMS), Settings())
    m = report.metrics
    assert calls == [4]  # one batch, the expected_error item skipped
    assert (m["root_accuracy"], m["code_accuracy"]) == (
        pytest.approx(2 / 3, abs=1e-3),
        pytest.approx(1 / 3, abs=1e-3),
    )
    assert (m["triple_precision"], m["triple_recall"], m["triple_f1"]) == (
        0.5,
        pytest.approx(0.3333, abs=1e-3),
        0.4,
    )
    assert m["no_events_accuracy"] == 1.0
    assert m["triple_f1_country"] == 0.4
    assert m["source_country_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert report.misses == {"wrong_type": 1, "no_event": 1}
    assert report.per_label["19"]["f1"] == 1.0


def test_cameo_spurious_event_on_no_events_item(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder({"Nothing happened in Norland.": [("CONSULT", None, "040", [])]})
    report = cameo.evaluate(write_gold("dev.jsonl", [TRIPLE_ITEMS[2]]), Settings())
    assert report.metrics["no_events_accuracy"] == 0.0
    assert report.misses == {"spurious_event": 1}


@pytest.mark.parametrize(
    ("pred", "cause"),
    [
        ([], "no_event"),
        ([("CONSULT", None, "040", [])], "no_trigger_for_type"),
        ([("ASSAULT", None, "190", [])], "wrong_type"),
        (
            [("ASSAULT", None, "194", [(S, "Southland", "SOU", []), (T, "Southland", "SOU", [])])],
            "wrong_source",
        ),
        (
            [("ASSAULT", None, "194", [(S, "Norland", "NOR", []), (T, "Norland", "NOR", [])])],
            "wrong_target",
        ),
    ],
)
def test_cameo_miss_causes(
    pred: list[Any],
    cause: str,
    fake_coder: Callable[..., list[int]],
    write_gold: Callable[..., Path],
) -> None:
    fake_coder({TRIPLE_ITEMS[0]["text"]: pred})
    report = cameo.evaluate(write_gold("dev.jsonl", [TRIPLE_ITEMS[0]]), Settings())
    assert report.misses == {cause: 1}
    assert report.examples and report.examples[0].startswith(f"[{cause}]")


ROOT_ITEMS = [
    {
        "id": "c:1",
        "text": "Norland condemned Southland.",
        "gold_root": "11",
        "first_action_votes": {"11": 3, "01": 1},
    },
    {
        "id": "c:2",
        "text": "Norland said it would talk.",
        "gold_root": "03",
        "first_action_votes": {"03": 4},
    },
    {
        "id": "c:3",
        "text": "Unclear sentence.",
        "gold_root": None,
        "first_action_votes": {"01": 1, "04": 1},
    },
]


def test_cameo_root_format_detected_and_scored(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder({
        "Norland condemned Southland.": [("ACCUSE", "disapprove", "111", [])],
        "Norland said it would talk.": [("CONSULT", None, "040", []), ("AGREE", None, "036", [])],
        "Unclear sentence.": [("CONSULT", None, "043", [])],
    })  # fmt: skip
    report = cameo.evaluate(write_gold("dev.jsonl", ROOT_ITEMS), Settings())
    m = report.metrics
    assert report.extra["format"] == "roots"
    assert (m["root_accuracy"], m["root_accuracy_lenient"]) == (0.5, 1.0)
    assert m["vote_share"] == pytest.approx((0.75 + 0 + 0.5) / 3, abs=1e-3)
    assert report.misses == {"wrong_type": 1}


GLOSSARY = {
    "note": "test",
    "actors": [
        {"names": ["NORLAND"], "codes": ["NOR"]},
        {"names": ["OLD KINGDOM"], "codes": ["OKG <950101", "NKG"]},
        {"names": ["TWIN CITIES"], "codes": ["TWA/TWB"]},
        {"names": ["MAYOR GRUB"], "codes": ["NOR", "NORGOV 19900101 - 19991231"]},
    ],
    "agents": [
        {"names": ["PRESIDENT"], "codes": ["~GOV"]},
        {"names": ["POLICE"], "codes": ["~COP"]},
    ],
}


@pytest.mark.parametrize(
    ("text", "when", "codes"),
    [
        ("Norland", date(2000, 1, 1), ["NOR"]),
        ("the president of Norland", date(2000, 1, 1), ["NORGOV"]),
        ("the Old Kingdom", date(1990, 1, 1), ["OKG"]),
        ("the Old Kingdom", date(2000, 1, 1), ["NKG"]),
        ("the Twin Cities", None, ["TWA", "TWB"]),
        ("Mayor Grub", date(1995, 6, 1), ["NORGOV"]),
        ("Mayor Grub", date(2005, 6, 1), ["NOR"]),
        ("police officers", None, ["---COP"]),
        ("someone else", None, []),
    ],
)
def test_cameo_glossary_codes(
    text: str, when: date | None, codes: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "actor_glossary.json"
    path.write_text(json.dumps(GLOSSARY), encoding="utf-8")
    assert Glossary.load(path).codes(text, when) == codes


def test_cameo_uses_glossary_beside_gold(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder({"The president of Norland shelled the Old Kingdom.": [
        ("ASSAULT", None, "194", [(S, "The president of Norland", None, []), (T, "the Old Kingdom", None, [])])
    ]})  # fmt: skip
    gold = write_gold(
        "u/dev.jsonl",
        [_gold(1, "The president of Norland shelled the Old Kingdom.", [("NORGOV", "NKG", "194")])],
    )
    (gold.parent / "actor_glossary.json").write_text(json.dumps(GLOSSARY), encoding="utf-8")
    report = cameo.evaluate(gold, Settings())
    assert report.extra["actor_glossary"] is True
    assert report.metrics["triple_f1"] == 1.0
