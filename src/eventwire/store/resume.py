"""Resume: an article already stored from the same content by the same coder is not coded again.

The coder version names everything that changes the output: the eventwire version, the
record schema, a digest of the lexicons and knowledge bases, the Python sources of the
package, and the settings. A killed ingest, rerun, codes only what it had not stored.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from eventwire.config import Settings
from eventwire.model import SCHEMA_VERSION, Article
from eventwire.store.duck import Store


def content_hash(article: Article) -> str:
    """What the coding of an article depends on: its text and the metadata the stages read."""
    parts = (article.text, str(article.published or ""), article.source, article.url, article.title)
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def coder_version(settings: Settings | None = None) -> str:
    """`<version>/<schema>/<digest of code, data and settings>`: equal means equal output."""
    from eventwire import __version__

    options = (settings or Settings()).model_dump_json()
    digest = hashlib.sha256(f"{_package_digest()}\x00{options}".encode()).hexdigest()[:16]
    return f"{__version__}/{SCHEMA_VERSION}/{digest}"


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """A digest of every source and data file of the package (read once per process)."""
    h = hashlib.sha256()
    root = resources.files("eventwire")
    stack = [root]
    files = []
    while stack:
        folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append(entry)
            elif not entry.name.endswith((".pyc", ".pyo")):
                files.append(entry)
    for entry in sorted(files, key=lambda e: str(e)):
        h.update(str(entry).removeprefix(str(root)).encode())
        h.update(entry.read_bytes())
    return h.hexdigest()


def already_coded(store: Store, articles: list[Article], coder: str) -> set[str]:
    """Ids of the articles stored with the same content hash by the same coder."""
    if not articles:
        return set()
    rows = store.con.execute(
        "SELECT id, content_hash FROM articles WHERE coder = ? AND id IN (SELECT unnest(?))",
        [coder, [a.id for a in articles]],
    ).fetchall()
    stored = dict(rows)
    return {a.id for a in articles if stored.get(a.id) == content_hash(a)}


def unmerged_articles(store: Store) -> list[str]:
    """Ids of stored articles with an event in no merged event.

    A killed ingest has stored them but not merged them, and its rerun skips them as coded,
    so the rerun's merge must take them in too.
    """
    rows = store.con.execute(
        "SELECT DISTINCT e.article_id FROM events e LEFT JOIN merged_mentions m "
        "ON m.event_id = e.id WHERE m.event_id IS NULL ORDER BY 1"
    ).fetchall()
    return [str(r[0]) for r in rows]
