"""Evidence: a mention of a stored sentence, dated by the nearest date the text gives."""

from __future__ import annotations

from datetime import date

from eventwire.negotiations.facts import ArticleFacts, SentenceFacts
from eventwire.negotiations.model import Mention


def mention(article: ArticleFacts, s: SentenceFacts) -> Mention:
    """The whole sentence as evidence, with its outlet and the grade of its source."""
    return Mention(
        article_id=article.id,
        sentence=s.idx,
        start=s.start,
        end=s.start + len(s.text),
        text=s.text,
        published=article.published.isoformat() if article.published else None,
        source=article.source or None,
        attribution=s.attribution,
    )


def date_near(article: ArticleFacts, s: SentenceFacts, pos: int) -> date | None:
    """The date nearest to a character position: a day if the sentence has one, else a week
    or month, else the publication date (a report speaks of its own day by default)."""
    for precise in (True, False):
        cands = [d for d in s.dates if d.precise is precise]
        if cands:
            return min(cands, key=lambda d: abs(d.start - pos)).value
    return article.published


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
