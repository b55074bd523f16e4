"""Pages of the registry: the public "check a recruiter" (public.py) and the staff pages (manage.py)."""
