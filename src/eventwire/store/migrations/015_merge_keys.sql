-- issue 14: the block keys of every merged event mention, so an incremental merge reads only the
-- stored mentions that share a key with the new ones (and their merged events), not the store.
CREATE TABLE IF NOT EXISTS merge_keys (
    "key" VARCHAR, event_id VARCHAR, article_id VARCHAR, first_day INTEGER, last_day INTEGER,
    sparse BOOLEAN
);
