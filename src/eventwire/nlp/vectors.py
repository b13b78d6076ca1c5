"""The few tok2vec rows a stage reads, kept after the tensor is dropped.

`parse_articles` drops each doc's tok2vec tensor (96 floats a token) as it comes out of the
parser: whole tensors of a long text cost tens of MB. The events back-off reads only the
rows of verbs and their objects (`events.backoff`: what an unseen verb means in its
context), so those rows are kept in `doc.user_data`, as float16, with the name and version
of the pipeline that made them: a tensor means something only to weights trained on the
same model build, and a reader checks the key before it trusts a row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

ROWS = "eventwire_t2v"  # user_data key: (model key, token indices, float16 rows)
KEPT_POS = frozenset({"VERB"})
KEPT_DEPS = frozenset({"dobj", "attr", "oprd"})  # a verb's object: what the back-off reads


def model_key(nlp: Language) -> str:
    """The pipeline's identity for its tensors: language, name and version."""
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"


def keep_rows(doc: Doc, key: str) -> None:
    """Store the tensor rows of the doc's verbs and objects under ROWS (nothing when the doc
    has no per-token tensor, e.g. a pipeline without tok2vec)."""
    tensor = doc.tensor
    if getattr(tensor, "ndim", 0) != 2 or len(tensor) != len(doc) or not len(doc):
        return
    from spacy.attrs import DEP, POS

    strings = doc.vocab.strings
    pos, dep = doc.to_array([POS, DEP]).T  # no Token objects: this runs on every parsed doc
    wanted_pos = [strings[p] for p in KEPT_POS]
    wanted_dep = [strings[d] for d in KEPT_DEPS]
    idx = np.flatnonzero(np.isin(pos, wanted_pos) | np.isin(dep, wanted_dep)).astype(np.int32)
    doc.user_data[ROWS] = (key, idx, np.asarray(tensor[idx], dtype=np.float16))


def join_rows(docs: list[Doc], joined: Doc) -> None:
    """Carry the chunks' kept rows over to the Doc joined from them (token offsets shift)."""
    kept = [d.user_data[ROWS] for d in docs if ROWS in d.user_data]
    keys = {k[0] for k in kept}
    if not kept or len(kept) != len(docs) or len(keys) != 1:
        return  # a chunk without rows, or of another model build: the text keeps none
    offsets = np.cumsum([0, *[len(d) for d in docs[:-1]]])
    idx = np.concatenate([k[1] + off for k, off in zip(kept, offsets, strict=True)])
    rows = np.concatenate([k[2] for k in kept])
    joined.user_data[ROWS] = (keys.pop(), idx.astype(np.int32), rows)


def row(tok: Token, key: str) -> np.ndarray | None:
    """The kept tensor row of a token as float32, or None when the doc has none, it was made
    by another model build than `key`, or the token's row was not kept."""
    kept = tok.doc.user_data.get(ROWS)
    if kept is None or kept[0] != key:
        return None
    idx, rows = kept[1], kept[2]
    at = int(np.searchsorted(idx, tok.i))
    if at >= len(idx) or int(idx[at]) != tok.i:
        return None
    return np.asarray(rows[at], dtype=np.float32)
