"""Parsing with spaCy: the only place a `Doc` lives."""
