"""Finding temporal expressions in parsed text: extents, tense, filters, no publication date."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import find_timexes

FRIDAY = date(2024, 2, 23)


def _found(parse, text, published=FRIDAY):
    return {t.text: t for t in find_timexes(parse(text, published))}


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # tense of the governing verb picks the occurrence
        ("The rebels attacked the convoy on Wednesday.", "Wednesday", "2024-02-21"),
        ("The envoy will fly to Doha on Wednesday.", "Wednesday", "2024-02-28"),
        ("The ministers met on Tuesday in Geneva.", "Tuesday", "2024-02-20"),
        ("The ministers are meeting on Tuesday in Geneva.", "Tuesday", "2024-02-27"),
        ("The two delegations concluded their talks on Friday.", "Friday", "2024-02-23"),
        ("The army says it will strike on Friday.", "Friday", "2024-02-23"),
        ("Fighters raided the village on October 7.", "October 7", "2023-10-07"),
        ("The summit will open on October 7.", "October 7", "2024-10-07"),
        ("The truce collapsed in December.", "December", "2023-12"),
        ("Elections will be held in December.", "December", "2024-12"),
        ("The court has postponed the hearing until Tuesday.", "Tuesday", "2024-02-27"),
        ("The dividend is payable March 15.", "March 15", "2024-03-15"),
        # the date of an arranged event, not of the arranging
        ("The envoy has scheduled a press briefing Wednesday.", "Wednesday", "2024-02-28"),
        ("The council postponed the vote to Tuesday.", "Tuesday", "2024-02-27"),
        ("The council postponed the vote on Tuesday.", "Tuesday", "2024-02-20"),
        ("The vote is on Thursday, officials say.", "Thursday", "2024-02-29"),
        ("The minister condemns Tuesday's raid on the camp.", "Tuesday", "2024-02-20"),
        ("Survivors of the Nov. 3 bombing are still missing.", "Nov. 3", "2023-11-03"),
        (
            "He will arrive on Monday, after finishing talks in Oman on Thursday.",
            "Thursday",
            "2024-02-22",
        ),
    ],
)
def test_dates_find_reads_tense(parse, text, phrase, value):
    assert _found(parse, text)[phrase].value == value


@pytest.mark.parametrize(
    "text, phrases",
    [
        # TimeML extents: prepositions out, determiners and modifiers in
        ("Talks stalled last week and resumed on Friday.", ["last week", "Friday"]),
        ("The offensive began two days ago.", ["two days ago"]),
        ("Aid has been blocked for three weeks.", ["three weeks"]),
        ("Prices rose over the past two years.", ["the past two years"]),
        ("The accord was signed on Feb. 12, 2023, in Cairo.", ["Feb. 12, 2023"]),
        ("The visit is his first since December.", ["December"]),
        ("Strikes continued in early February.", ["early February"]),
        ("The siege ended in the 1990s.", ["1990s"]),
        ("The company reported third-quarter losses.", ["third-quarter"]),
        ("Negotiators met earlier this week in Rome.", ["this week"]),
        ("Inspectors visit the site every week.", ["every week"]),
        ("Aid convoys arrive weekly.", ["weekly"]),
        ("The blast happened at 10:35 a.m. local time.", ["10:35 a.m. local time"]),
    ],
)
def test_dates_find_extents(parse, text, phrases):
    assert [t.text for t in find_timexes(parse(text, FRIDAY))] == phrases


@pytest.mark.parametrize(
    "text",
    [
        "You may go now if you like, the guard said.",  # "may" the modal; "now" is kept
        "The march for peace drew crowds.",
        "The army deployed 2000 troops near the border.",
        "He watched This Week With the anchor.",
        "They earn $5 a day in the fields.",
        "The second round of voting was calm.",
        "Jan Novak chaired the meeting.",
        "They promised the refugees a better tomorrow.",
        "The state weekly Al-Thawra printed the decree.",
    ],
)
def test_dates_find_rejects_non_times(parse, text):
    found = _found(parse, text)
    assert set(found) <= {"now"}


def test_dates_find_without_publication_keeps_unresolved(parse):
    found = _found(parse, "Fighting resumed last week after a pause in June 2022.", None)
    assert (found["last week"].value, found["last week"].granularity) == ("", "unresolved")
    assert found["June 2022"].value == "2022-06"


def test_dates_find_records_sentence_and_provenance(parse):
    timexes = find_timexes(parse("Talks ended. They resume next month.", FRIDAY))
    (t,) = timexes
    assert (t.text, t.value, t.sentence) == ("next month", "2024-03", 1)
    assert t.provenance.rule == "dates.patterns:relunit"


def test_dates_find_offsets_point_into_text(parse):
    parsed = parse(
        "On Friday, 23 February 2024, the envoy said the ceasefire held for 24 hours.", FRIDAY
    )
    for t in find_timexes(parsed):
        assert parsed.article.text[t.start : t.end] == t.text
