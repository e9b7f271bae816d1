"""Rendering only: tables, JSON and CSV (text), figures, and report files."""
