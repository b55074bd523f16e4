"""Pages: the public "check a job offer" (check.py) and the authorities' rule-pack pages (rules.py)."""
