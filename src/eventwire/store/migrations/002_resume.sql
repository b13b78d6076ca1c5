-- eventwire store, version 2: what each article was coded from and by, so a rerun can skip it.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS content_hash VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS coder VARCHAR;
