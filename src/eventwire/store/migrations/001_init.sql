-- eventwire store, version 1: articles, sentences, mentions, events and their parts, failures.
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, input VARCHAR, source VARCHAR, url VARCHAR, title VARCHAR,
    published DATE, language VARCHAR, text VARCHAR, n_sentences INTEGER, n_events INTEGER,
    coded_at TIMESTAMP DEFAULT current_timestamp, schema_version VARCHAR
);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, idx INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id VARCHAR, sentence INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    actor_id VARCHAR, actor_name VARCHAR, country VARCHAR, sector VARCHAR[], kind VARCHAR,
    anonymous BOOLEAN, ner_label VARCHAR, antecedent_text VARCHAR, antecedent_start INTEGER, rule VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence INTEGER, sentence_text VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    plover_type VARCHAR, plover_mode VARCHAR, cameo VARCHAR, quad INTEGER, goldstein DOUBLE,
    source_actors VARCHAR, target_actors VARCHAR, third_parties VARCHAR,
    theme_text VARCHAR, status VARCHAR, condition_text VARCHAR,
    location_text VARCHAR, location_name VARCHAR, geonames_id BIGINT, location_country VARCHAR,
    lat DOUBLE, lon DOUBLE,
    date_text VARCHAR, date_value VARCHAR, date_granularity VARCHAR, date_source VARCHAR,
    speaker_text VARCHAR, speaker_actor_id VARCHAR, attribution_kind VARCHAR, cue VARCHAR, quote BOOLEAN,
    confidence DOUBLE, rule VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS participants (
    event_id VARCHAR, article_id VARCHAR, idx INTEGER, role VARCHAR, text VARCHAR,
    "start" INTEGER, "end" INTEGER, actor_id VARCHAR, actor_name VARCHAR, country VARCHAR,
    sector VARCHAR[], kind VARCHAR
);
CREATE TABLE IF NOT EXISTS timexes (
    article_id VARCHAR, sentence INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    type VARCHAR, value VARCHAR, granularity VARCHAR, "mod" VARCHAR
);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, sentence INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    name VARCHAR, geonames_id BIGINT, country VARCHAR, admin_level VARCHAR, lat DOUBLE, lon DOUBLE
);
CREATE TABLE IF NOT EXISTS attributions (
    article_id VARCHAR, idx INTEGER, speaker_text VARCHAR, speaker_actor_id VARCHAR, kind VARCHAR,
    cue VARCHAR, quote BOOLEAN, content VARCHAR, sentences INTEGER[]
);
CREATE TABLE IF NOT EXISTS failures (
    input VARCHAR, stage VARCHAR, code VARCHAR, reason VARCHAR,
    recorded_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (input, stage, code)
);
