"""Replaying public projects' migration histories into rename-detection
cases (see scripts/mine-rename-cases.py)."""
