"""Readers: one document format per module, all over ``base.Reader``."""
