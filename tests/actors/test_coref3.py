"""'the country' refers back to the state named before it (issue 13)."""

from __future__ import annotations

from eventwire.actors import find_actors


def test_the_country_is_the_state_named_last(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya closed its border on Monday. Officials said the country would reopen it soon."
    found = [m for m in find_actors(parse(text)) if m.text == "the country"]
    assert found and found[0].actor is not None and found[0].actor.country == "KEN"
    assert found[0].antecedent is not None and found[0].antecedent.text == "Kenya"


def test_a_country_with_a_modifier_is_not_taken_back(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya closed its border. A neighbouring country protested."
    assert not [m for m in find_actors(parse(text)) if m.text.endswith("neighbouring country")]
