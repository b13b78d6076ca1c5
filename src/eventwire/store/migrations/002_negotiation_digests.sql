-- negotiation tracker (issue 17): each article's digest, so a new report costs one digest.
CREATE TABLE IF NOT EXISTS negotiation_digests (
    article_id VARCHAR PRIMARY KEY, coded_at TIMESTAMP, version VARCHAR, digest JSON
);
