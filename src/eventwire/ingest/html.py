"""HTML pages: main text and metadata with trafilatura (boilerplate removed)."""

from __future__ import annotations

from eventwire.errors import EmptyInputError
from eventwire.ingest.common import ArticleFields, coerce_date
from eventwire.model import Article


def article_from_html(raw: str, name: str, defaults: ArticleFields) -> Article:
    """Extract the article body and its title/date/url/site name."""
    import trafilatura

    body = trafilatura.extract(
        raw, include_comments=False, include_tables=False, favor_precision=True
    )
    if not body:
        raise EmptyInputError(f"{name}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(raw)
    published = coerce_date(meta.date, name) if meta and meta.date else None
    return defaults.build(
        body,
        name,
        title=(meta.title if meta else "") or "",
        published=published,
        source=(meta.sitename if meta else "") or "",
        url=(meta.url if meta else "") or "",
    )
