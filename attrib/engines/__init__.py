"""Execution engines beyond the default in-process one (imported only when asked for)."""
