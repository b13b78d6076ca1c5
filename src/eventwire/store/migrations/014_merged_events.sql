-- issue 14: merged events (one real-world event, many reports) and their mentions.
CREATE TABLE IF NOT EXISTS merged_events (
    id VARCHAR PRIMARY KEY, plover_type VARCHAR, status VARCHAR, date_value VARCHAR,
    location_name VARCHAR, source_actors VARCHAR, target_actors VARCHAR,
    n_mentions INTEGER, n_outlets INTEGER, n_sources INTEGER,
    first_report VARCHAR, last_report VARCHAR, disagreements JSON, why JSON,
    merged_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS merged_mentions (
    event_id VARCHAR PRIMARY KEY, merged_id VARCHAR, article_id VARCHAR, sentence INTEGER,
    trigger_start INTEGER, trigger_end INTEGER, outlet VARCHAR, speaker VARCHAR,
    attribution_kind VARCHAR, published VARCHAR
);
