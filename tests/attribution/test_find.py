"""find_attributions on sentences written for these tests (issue 7)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attribution import find_attributions
from eventwire.attribution.cues import naming
from eventwire.model import ActorMention, ActorRef, Attribution
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def _find(parse: Parse, text: str, actors: list[ActorMention] | None = None) -> list[Attribution]:
    return find_attributions(parse(text), actors or [])


def _one(parse: Parse, text: str, cue: str) -> Attribution:
    found = [a for a in _find(parse, text) if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1, [a.cue.text for a in _find(parse, text) if a.cue]
    return found[0]


def _expect(parse: Parse, text: str, cue: str, speaker: str, content: list[str]) -> None:
    """The attribution with this cue has this speaker and these content spans."""
    a = _one(parse, text, cue)
    assert a.speaker is not None and a.speaker.text == speaker
    assert [c.text for c in a.content] == content


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "The mayor said the bridge would reopen in May.",
            "said",
            "The mayor",
            "the bridge would reopen in May",
        ),
        (
            "The bridge would reopen in May, the mayor said.",
            "said",
            "the mayor",
            "The bridge would reopen in May",
        ),
        (
            "The bridge would reopen in May, according to the mayor.",
            "according to",
            "the mayor",
            "The bridge would reopen in May",
        ),
        (
            "According to the mayor, the bridge would reopen in May.",
            "According to",
            "the mayor",
            "the bridge would reopen in May",
        ),
        (
            "The ministry said in a statement that the border crossing was closed.",
            "said in a statement",
            "The ministry",
            "that the border crossing was closed",
        ),
        (
            "Officials have repeatedly said the port would stay open.",
            "have repeatedly said",
            "Officials",
            "the port would stay open",
        ),
        (
            "The rebel commander told reporters that his fighters had withdrawn.",
            "told",
            "The rebel commander",
            "that his fighters had withdrawn",
        ),
        (
            "The ceasefire plan was first reported by Reuters.",
            "was first reported by",
            "Reuters",
            "The ceasefire plan",
        ),
        (
            "The ministry refused to say whether the talks had resumed.",
            "refused to say",
            "The ministry",
            "whether the talks had resumed",
        ),
        (
            "Recent polls show the governor trailing her rival.",
            "show",
            "Recent polls",
            "the governor trailing her rival",
        ),
    ],
)
def test_attribution_both_orders(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    attr = _one(parse, text, cue)
    assert attr.speaker is not None and attr.speaker.text == speaker
    assert [c.text for c in attr.content] == [content]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ('"We will not withdraw," said the militia spokesman.', "said", "the militia spokesman"),
        ('"We will not withdraw," the militia spokesman said.', "said", "the militia spokesman"),
        ("“We will not withdraw,” the spokesman said.", "said", "the spokesman"),
        ("«We will not withdraw,» the spokesman said.", "said", "the spokesman"),
        ("The spokesman said: “We will not withdraw.”", "said:", "The spokesman"),
    ],
)
def test_attribution_direct_quotes_keep_their_marks(
    parse: Parse, text: str, cue: str, speaker: str
) -> None:
    attr = _one(parse, text, cue)
    assert attr.quote
    assert attr.speaker is not None and attr.speaker.text == speaker
    assert attr.content[0].text[0] in '"“«' and "withdraw" in attr.content[0].text


def test_attribution_quote_over_several_sentences(parse: Parse) -> None:
    text = (
        "The envoy said: “The talks are over. Nobody will return. We are going home.” Then he left."
    )
    attr = _one(parse, text, "said:")
    assert attr.content[0].text.endswith("going home.”")
    assert len(attr.sentences) >= 3


def test_attribution_quote_sentence_continues_previous_attribution(parse: Parse) -> None:
    text = "“The siege must end,” the governor warned. “Children are starving in the city.”\n\nTrade fell."
    attr = _one(parse, text, "warned")
    assert [c.text for c in attr.content] == [
        "“The siege must end,”",
        "“Children are starving in the city.”",
    ]
    assert attr.sentences == [0, 1]


def test_attribution_nested_statements_both_found(parse: Parse) -> None:
    attrs = _find(parse, "The minister said the general told him that the troops would leave.")
    by_cue = {a.cue.text: a for a in attrs if a.cue}
    assert set(by_cue) == {"said", "told"}
    assert by_cue["said"].content[0].text == "the general told him that the troops would leave"
    assert by_cue["told"].content[0].text == "that the troops would leave"
    assert by_cue["told"].speaker is not None and by_cue["told"].speaker.text == "the general"


@pytest.mark.parametrize(
    "text, cue, kind",
    [
        (
            "The convoy was attacked, a security official said on condition of anonymity.",
            "said",
            "anonymous",
        ),
        (
            "The convoy was attacked, said a police officer who requested not to be named.",
            "said",
            "anonymous",
        ),
        ("The convoy was attacked, sources said.", "said", "anonymous"),
        ("Officials said the convoy was attacked.", "said", "anonymous"),
        ("A spokesman said the convoy was attacked.", "said", "anonymous"),
        ("Two Egyptian security sources said the convoy was attacked.", "said", "anonymous"),
        ("The convoy was attacked, Reuters reports.", "reports", "agency"),
        ("State media said the convoy was attacked.", "said", "agency"),
        ("The convoy was attacked, the news agency said.", "said", "agency"),
        ("Colonel Ahmed Farouk said the convoy was attacked.", "said", "named"),
        ("The convoy was attacked, spokeswoman Maria Lopez said.", "said", "named"),
    ],
)
def test_attribution_source_kind(parse: Parse, text: str, cue: str, kind: str) -> None:
    assert _one(parse, text, cue).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        'He said "we will fight on.',
        "He said “we will fight on.",
        "They said: ” nothing” more “",
        "« «",
        '"',
        "The spokesman said ’’ and left‘.",
        "’Tis said.",
    ],
)
def test_attribution_unbalanced_quotes_do_not_crash(parse: Parse, text: str) -> None:
    for attr in _find(parse, text):
        for span in [*attr.content, attr.cue]:
            assert span is not None and 0 <= span.start < span.end <= len(text)


def test_attribution_speaker_gets_actor_covering_source_head(parse: Parse) -> None:
    text = "A Palestinian group official said the talks had stalled."
    parsed = parse(text)
    ref = ActorRef(id="PSE", name="Palestinian group", country="PSE")
    start = text.index("A Palestinian")
    mention = ActorMention(
        article_id=parsed.article.id,
        sentence=0,
        text="A Palestinian group official",
        start=start,
        end=start + 28,
        actor=ref,
    )
    (attr,) = find_attributions(parsed, [mention])
    assert attr.speaker is not None and attr.speaker.actor == ref
    assert find_attributions(parsed, [])[0].speaker.actor is None  # type: ignore[union-attr]


def test_attribution_cue_inside_quotation_is_not_an_attribution(parse: Parse) -> None:
    attrs = _find(parse, "“I think the army will win,” the minister said.")
    assert [a.cue.text for a in attrs if a.cue] == ["said"]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Q: Will the truce hold?\nA: Nobody can know that yet.", "Q", "Will the truce hold?"),
        ("MORALES: We never agreed to that plan.", "MORALES", "We never agreed to that plan"),
        ("A: Nobody can know that yet.", "A", "Nobody can know that yet"),
        ("EXCLUSIVE – Ana Ruiz: The Deal Is Dead.", "Ana Ruiz", "The Deal Is Dead"),
        ("Ruiz on the Port Strike: ‘We Will Not Back Down.’", "Ruiz", "‘We Will Not Back Down.’"),
        ("Ruiz to Dock Workers: Stay Home on Monday.", "Ruiz", "Stay Home on Monday"),
    ],
)
def test_attribution_colon_lines(parse: Parse, text: str, speaker: str, content: str) -> None:
    attr = _find(parse, text)[0]
    assert attr.cue is not None and attr.cue.text == ":"
    assert attr.speaker is not None and attr.speaker.text == speaker
    assert attr.content[0].text == content


def test_attribution_records_point_into_text(parse: Parse) -> None:
    text = "“We are ready,” the commander said. Officials said the road was cut, Reuters reports."
    parsed = parse(text)
    for attr in find_attributions(parsed, []):
        assert attr.article_id == parsed.article.id
        assert attr.provenance.rule.startswith("attribution.")
        for span in [*attr.content, attr.cue]:
            assert span is not None and text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "The governor is confident that the bill will pass.",
            "is confident",
            "The governor",
            "that the bill will pass",
        ),
        (
            "The union remains opposed to the merger.",
            "remains opposed to",
            "The union",
            "the merger",
        ),
        ("Her call for a ceasefire was ignored.", "call for", "Her", "a ceasefire"),
    ],
)
def test_attribution_stance_adjectives_and_nouns(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    attr = _one(parse, text, cue)
    assert attr.speaker is not None and attr.speaker.text == speaker
    assert [c.text for c in attr.content] == [content]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "In the latest poll, the governor leads her rival by ten points.",
            "In",
            "the latest poll",
            "the governor leads her rival by ten points",
        ),
        (
            "Alarmed by the unrest in Nevada, Senator Ana Ruiz, the minority leader, said that she spoke "
            "with the rebels.",
            "said",
            "Senator Ana Ruiz, the minority leader,",  # PolNeAR keeps the apposition's comma
            "that she spoke with the rebels",
        ),
    ],
)
def test_attribution_poll_and_misparsed_subject(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    attr = _one(parse, text, cue)
    assert attr.speaker is not None and attr.speaker.text == speaker
    assert [c.text for c in attr.content] == [content]


def test_attribution_parenthetical_cue_splits_content(parse: Parse) -> None:
    attr = _one(parse, "The bigger risk, the admiral said, is a clash at sea.", "said")
    assert [c.text for c in attr.content] == ["The bigger risk", "is a clash at sea"]


def test_attribution_wish_inside_reported_content_is_not_a_source(parse: Parse) -> None:
    attrs = _find(parse, "The senator says she plans to vote against the bill.")
    assert [a.cue.text for a in attrs if a.cue] == ["says"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "Fuel prices will double by winter, said Maria Okafor, an economist at the "
            "central bank.",
            "said",
            "Maria Okafor, an economist at the central bank",
            "Fuel prices will double by winter",
        ),
        (
            "Two thirds of farmers in the valley expect a poor harvest, the survey found.",
            "found",
            "the survey",
            "Two thirds of farmers in the valley expect a poor harvest",
        ),
    ],
)
def test_attribution_closing_source_takes_the_sentence_before_it(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    _expect(parse, text, cue, speaker, [content])


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "The port authority issued a statement saying the harbour was closed.",
            "issued a statement saying",
            "The port authority",
        ),
        (
            "The governor responded on Friday, calling the report a fabrication.",
            "responded on Friday, calling",
            "The governor",
        ),
    ],
)
def test_attribution_participle_cue_rides_on_its_vehicle_verb(
    parse: Parse, text: str, cue: str, speaker: str
) -> None:
    a = _one(parse, text, cue)
    assert a.speaker is not None and a.speaker.text == speaker


def test_attribution_reporting_verb_outside_its_listed_frame_takes_its_object(
    parse: Parse,
) -> None:
    a = _one(parse, "On Wednesday night the senator conceded the race.", "conceded")
    assert [c.text for c in a.content] == ["the race"]


def test_attribution_addressee_is_not_content(parse: Parse) -> None:
    text = "The minister rejected the plan, a senior aide told reporters."
    a = _one(parse, text, "told")
    assert "reporters" not in [c.text for c in a.content]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "The governor took direct aim at the senator's budget plan.",
            "took direct aim at",
            "The governor",
            "the senator's budget plan",
        ),
        (
            "Rivera made it clear that she would not run again.",
            "made it clear",
            "Rivera",
            "that she would not run again",
        ),
        (
            "The mayor distanced himself from the union's demands.",
            "distanced himself from",
            "The mayor",
            "the union's demands",
        ),
        (
            "The ministry voiced support for the ceasefire proposal.",
            "voiced support for",
            "The ministry",
            "the ceasefire proposal",
        ),
    ],
)
def test_attribution_multiword_cues(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    _expect(parse, text, cue, speaker, [content])


def test_attribution_idiom_words_must_follow_in_order(parse: Parse) -> None:
    cues = [a.cue.text for a in _find(parse, "The aim of the talks was to take stock.") if a.cue]
    assert not any("aim" in c for c in cues)


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "Senator Hale has long been an outspoken critic of the trade deal.",
            "has long been an outspoken critic of",
            "Senator Hale",
            "the trade deal",
        ),
        (
            "He was not hopeful about the talks in Geneva.",
            "was not hopeful about",
            "He",
            "the talks in Geneva",
        ),
    ],
)
def test_attribution_copula_stances(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    _expect(parse, text, cue, speaker, [content])


def test_attribution_role_noun_needs_a_copula(parse: Parse) -> None:
    found = _find(parse, "A critic of the deal walked out of the hall.")
    assert not [a for a in found if a.cue is not None and "critic" in a.cue.text]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The central bank is widely expected to raise rates on Thursday.",
            "is widely expected",
            ["The central bank", "to raise rates on Thursday"],
        ),
        (
            "Two rival firms reportedly made offers for the airline.",
            "reportedly",
            ["Two rival firms", "made offers for the airline"],
        ),
        (
            "The truce seemed fragile by nightfall.",
            "seemed",
            ["The truce", "fragile"],
        ),
        (
            "The rebels appear to have withdrawn from the town.",
            "appear",
            ["The rebels", "to have withdrawn from the town"],
        ),
        (
            "It seems increasingly likely that the talks will fail.",
            "seems",
            ["that the talks will fail"],
        ),
        ("It appears the rebels have withdrawn.", "appears", ["the rebels have withdrawn"]),
        ("Asked about the vote, the mayor said he had no regrets.", "Asked about", ["the vote"]),
        (
            "Asked whether the talks would resume, the envoy said yes.",
            "Asked",
            ["whether the talks would resume"],
        ),
        (
            "The armed group known as the Northern Front controls the pass.",
            "known as",
            ["The armed group", "the Northern Front"],
        ),
    ],
)
def test_attribution_without_a_source_is_unsourced(
    parse: Parse, text: str, cue: str, content: list[str]
) -> None:
    a = _one(parse, text, cue)
    assert a.speaker is None and a.kind == "unsourced"
    assert [c.text for c in a.content] == content


def test_agentless_passive_subject_is_not_the_source(parse: Parse) -> None:
    found = _find(parse, "The minister was asked about the talks on Friday.")
    assert all(a.speaker is None or a.speaker.text != "The minister" for a in found)


def test_passive_with_agent_keeps_its_source(parse: Parse) -> None:
    a = _one(parse, "The claim was denied by the army on Friday.", "was denied by")
    assert a.speaker is not None and a.speaker.text == "the army"


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "Most voters see the senator as a reformer.",
            "see",
            "Most voters",
            "the senator as a reformer",
        ),
        (
            "The mayor denounced the decision as reckless.",
            "denounced",
            "The mayor",
            "the decision as reckless",
        ),
        ("She called for a ceasefire.", "called for", "She", "a ceasefire"),
    ],
)
def test_attribution_evaluative_verbs_judge_their_object(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    _expect(parse, text, cue, speaker, [content])


def test_attribution_seeing_without_as_is_not_a_cue(parse: Parse) -> None:
    found = _find(parse, "Investors saw a sharp rise in prices last week.")
    assert not [a for a in found if a.cue is not None and a.cue.text == "saw"]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "The envoy opened the session by saying the talks would last a week.",
            "saying",
            "The envoy",
        ),
        ("The rebels were quick to deny any role in the attack.", "to deny", "The rebels"),
    ],
)
def test_attribution_gerund_and_infinitive_cues_take_the_governing_subject(
    parse: Parse, text: str, cue: str, speaker: str
) -> None:
    a = _one(parse, text, cue)
    assert a.speaker is not None and a.speaker.text == speaker


def test_attribution_agentless_passive_request_is_unsourced(parse: Parse) -> None:
    a = _one(parse, "The minister has been asked to release the transcripts.", "has been asked")
    assert a.speaker is None and a.kind == "unsourced"


def test_attribution_stance_inside_reported_content_is_not_a_second_source(parse: Parse) -> None:
    attrs = _find(parse, "The minister said the army supports the truce.")
    assert [a.cue.text for a in attrs if a.cue] == ["said"]


def test_attribution_contraction_is_not_a_cue(parse: Parse) -> None:
    attrs = _find(parse, "It’s unlikely that the donors will return, but that’s how it works.")
    assert not [a for a in attrs if a.cue is not None and a.cue.text == "’s"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "Not everyone is convinced the plan will work.",
            "is convinced",
            "Not everyone",
            "the plan will work",
        ),
        (
            "The new tariffs have drawn criticism from Tokyo and Seoul.",
            "criticism",
            "Tokyo and Seoul",
            "The new tariffs",
        ),
    ],
)
def test_attribution_participle_stances_and_sources_after_from(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    _expect(parse, text, cue, speaker, [content])


def test_attribution_according_to_inside_reported_content_is_kept(parse: Parse) -> None:
    text = "The minister said the army would withdraw by Friday, according to state media."
    cues = [a.cue.text for a in _find(parse, text) if a.cue]
    assert cues == ["said", "according to"]


def test_attribution_pronoun_speaker_inside_reported_content_is_the_same_speaker(
    parse: Parse,
) -> None:
    attrs = _find(parse, "The minister said he had told the envoys that the border would open.")
    assert [a.cue.text for a in attrs if a.cue] == ["said"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The governor predicted at the latest party debate that voters will reject the deal.",
            "predicted",
            "that voters will reject the deal",
        ),
        (
            "Her lawyer told reporters at the courthouse that she would appeal.",
            "told",
            "that she would appeal",
        ),
        pytest.param(
            "The army said in a statement that was posted online that rebels fled.",
            "said",
            "that rebels fled",
            id="not-the-relative-clause-on-the-vehicle",
        ),
    ],
)
def test_attribution_that_clause_after_an_adverbial_phrase(
    parse: Parse, text: str, cue: str, content: str
) -> None:
    a = _one(parse, text, cue)
    assert [c.text for c in a.content] == [content]


def test_attribution_source_apposition_with_an_of_phrase_after_a_quote(parse: Parse) -> None:
    _expect(
        parse,
        "''We were partners, but also rivals,'' Maria Lopez, the former head of the mission, "
        "said of the talks.",
        "said",
        "Maria Lopez, the former head of the mission,",
        ["''We were partners, but also rivals,''"],
    )


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The envoy, whose mandate ends in May, said the talks had stalled.", "The envoy"),
        ("The envoy -- whose mandate ends in May -- said the talks had stalled.", "The envoy"),
        (
            "The envoy, who has led the talks since May, said the talks had stalled.",
            "The envoy, who has led the talks since May,",
        ),
    ],
)
def test_attribution_source_keeps_who_clauses_but_not_whose_clauses(
    parse: Parse, text: str, speaker: str
) -> None:
    a = _one(parse, text, "said")
    assert a.speaker is not None and a.speaker.text == speaker


def test_attribution_standing_in_the_polls_is_not_a_poll_finding(parse: Parse) -> None:
    assert _find(parse, "The governor still trails her rival in the polls.") == []


def test_attribution_closing_verb_of_saying_survives_a_cue_in_its_content(parse: Parse) -> None:
    text = "The rebels may add to their demands or change their terms, he said."
    a = _one(parse, text, "said")
    assert a.speaker is not None and a.speaker.text == "he"
    assert [c.text for c in a.content] == [
        "The rebels may add to their demands or change their terms"
    ]


def test_attribution_two_quoted_speakers_in_one_sentence(parse: Parse) -> None:
    text = (
        '"The mood is grim," she said, but despite the shelling, "I think they will sign," '
        "said Osei."
    )
    found = {a.speaker.text: [c.text for c in a.content] for a in _find(parse, text) if a.speaker}
    assert found["she"] == ['"The mood is grim,"']
    assert "she said" not in " ".join(found["Osei"])


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The deal is a disgrace,” read one.", "one"),
        ("“Leave now,” wrote one reader.", "one reader"),
    ],
)
def test_attribution_speaker_after_a_quote_parsed_as_object(
    parse: Parse, text: str, speaker: str
) -> None:
    found = [a for a in _find(parse, text) if a.speaker]
    assert [a.speaker.text for a in found if a.speaker] == [speaker]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A militia called the Northern Front seized the pass.", True),
        ("The envoy called the plan a disgrace.", False),
        ("The envoy called on both sides to stop.", False),
    ],
)
def test_attribution_a_name_given_is_not_a_statement(
    parse: Parse, text: str, expected: bool
) -> None:
    called = next(t for t in parse(text).doc if t.lower_ == "called")
    assert naming(called) is expected


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        pytest.param(
            "ADDIS ABABA (AP) - The rebel commander said his forces would withdraw.",
            "said",
            "The rebel commander",
            id="never-the-dateline",
        ),
        pytest.param(
            "The general has a long history of blaming others for his defeats.",
            "blaming",
            "The general",
            id="gerund-in-an-of-phrase",
        ),
        pytest.param(
            "But the mayor stopped short of fully endorsing the criticisms.",
            "fully endorsing",
            "the mayor",
            id="gerund-after-stopped-short-of",
        ),
        pytest.param(
            "Convincing victories by outsiders in New Hampshire demonstrate that voters are angry.",
            "demonstrate",
            "victories by outsiders in New Hampshire",
            id="nominal-subject-before-a-misparsed-clausal-one",
        ),
        pytest.param("He's said he will fight on.", "'s said", "He", id="contracted-has"),
        pytest.param(
            "She’s argued that it is fair.", "’s argued", "She", id="contracted-has-curly"
        ),
        pytest.param(
            "Since taking office, the president has expressed hostility towards the mission, "
            "rejecting criticism of his crackdown, using an insult to describe the envoy and "
            "telling the mission to leave.",
            "telling",
            "the president",
            id="long-participle-chain",
        ),
    ],
)
def test_attribution_speaker_of_a_cue(parse: Parse, text: str, cue: str, speaker: str) -> None:
    a = _one(parse, text, cue)
    assert a.speaker is not None and a.speaker.text == speaker


def test_attribution_yes_or_no_is_the_content(parse: Parse) -> None:
    _expect(parse, "The minister said no.", "said", "The minister", ["no"])


def test_attribution_stance_noun_predicated_by_a_copula(parse: Parse) -> None:
    text = "The commander's claim is that the army shelled the camp."
    _expect(parse, text, "claim", "The commander's", ["that the army shelled the camp"])


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("In Egypt's view, the truce will hold.", "Egypt's", "the truce will hold"),
        ("In the words of one diplomat, the talks are over.", "one diplomat", "the talks are over"),
        ("In the view of many analysts, the deal is dead.", "many analysts", "the deal is dead"),
    ],
)
def test_attribution_in_someones_view(parse: Parse, text: str, speaker: str, content: str) -> None:
    (a,) = _find(parse, text)
    assert a.speaker is not None and a.speaker.text == speaker
    assert [c.text for c in a.content] == [content]
