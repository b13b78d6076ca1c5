"""Which language an article is in, so text no installed model reads is a failure, not noise.

Two steps, so an English batch never pays for a detector: English news is full of English
function words ("the", "of", "said"), and a text where they are frequent is English without
further ado. Only a text where they are rare goes to py3langid (offline, its model inside the
package, loaded on first use), which names the language for the failure record.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from eventwire.errors import ForeignLanguageError

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# English function words that are not also common words of another language written in
# Latin letters (so no "a", "in", "is", "was", "will", "an", "of", "to", "die", "over").
ENGLISH_WORDS = frozenset(
    """the and that with from his have has were are been its they their them this these
    those which would not but who after could should than there what when where while about
    into against between during because our you she him said says told""".split()
)
# Frequent function words of other languages written in Latin letters (French, German, Spanish,
# Italian, Portuguese, Dutch) that are not English words: the few an English text has come
# from names ("de Mistura", "La Paz").
FOREIGN_WORDS = frozenset(
    """le les des du et est une dans pour qui sur aux avec sont ont cette mais nous vous ils
    der das und ist nicht ein eine mit von dem sich auf zu im auch werden wurde nach bei aus
    los las del y es una por con para que su al lo como pero fue entre
    di che della delle degli il gli nel nella sono anche alla
    os dos não uma com em ao mais foi são também
    het een en niet op te dat zijn met voor ook aan""".split()
)
MIN_WORDS = 12  # fewer words than this say too little about a language: code them
ENGLISH_SHARE = 0.12  # English news: about 0.3 of its words; French or German: under 0.03
# A text below ENGLISH_SHARE is still English without the detector when it has some English
# function words and at most half as many of another language's: lists, datelines, URLs and
# name-heavy wire copy (10 of 1000 ngec-synthetic stories, all English, went to py3langid,
# whose model costs a process 0.5-0.8 s to load); French, Italian or Dutch news has 0.15-0.3
# of its words in FOREIGN_WORDS and next to none in ENGLISH_WORDS.
SOME_ENGLISH = 0.03
SAMPLE_CHARS = 4000
SURE = 0.9  # py3langid's probability needed to call a text not English
_WORD = re.compile(r"[^\W\d_]+")
NAMES = {
    "ar": "Arabic", "de": "German", "es": "Spanish", "fa": "Persian", "fr": "French",
    "he": "Hebrew", "it": "Italian", "nl": "Dutch", "pt": "Portuguese", "ru": "Russian",
    "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "pl": "Polish", "sv": "Swedish", "id": "Indonesian", "hi": "Hindi", "ur": "Urdu",
}  # fmt: skip


def word_shares(text: str) -> tuple[int, float, float]:
    """How many words the text's opening has, and the shares of English and of other
    languages' function words among them."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0, 0.0, 0.0
    english = sum(w in ENGLISH_WORDS for w in words)
    foreign = sum(w in FOREIGN_WORDS for w in words)
    return len(words), english / len(words), foreign / len(words)


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language ('en' when it looks English, is too short to
    tell, or the detector is unsure)."""
    n, share, foreign = word_shares(text)
    if share >= ENGLISH_SHARE or (n < MIN_WORDS and not _non_latin(text)):
        return "en"
    if share >= SOME_ENGLISH and 2 * foreign <= share and not _non_latin(text):
        return "en"
    lang, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang) if probability >= SURE else "en"  # unsure: code it rather than lose it


def check_language(text: str, name: str, coded: tuple[str, ...] = ("en",)) -> str:
    """The text's language; one no installed model codes raises `ForeignLanguageError`."""
    lang = detect(text)
    if lang not in coded:
        raise ForeignLanguageError(
            f"{name}: the text is in {NAMES.get(lang, lang)} ({lang}), and only "
            f"{', '.join(coded)} is coded (no model for {lang} is installed)",
            language=lang,
        )
    return lang


def model_languages(model: str) -> tuple[str, ...]:
    """Languages a spaCy pipeline codes, from its package name ('en_core_web_sm' -> en)."""
    head = model.split("_", 1)[0].lower()
    return (head,) if len(head) == 2 and head.isalpha() else ("en",)


def _non_latin(text: str) -> bool:
    """A short text mostly in another script (Cyrillic, Arabic, CJK...) is still told apart."""
    letters = [c for c in text[:SAMPLE_CHARS] if c.isalpha()]
    return bool(letters) and sum(c > "\u024f" for c in letters) / len(letters) > 0.5


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
