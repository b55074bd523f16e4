"""Pages of the data-rights app: the worker's (worker.py) and Mizan staff's (staff.py)."""
