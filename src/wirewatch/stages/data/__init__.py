"""Lexicons the stages read (TOML)."""
