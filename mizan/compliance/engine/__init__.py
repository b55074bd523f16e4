"""The compliance engine: pure Python, no Django."""
