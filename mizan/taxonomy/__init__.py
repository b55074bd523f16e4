"""Occupations and skills: ISCO-08 groups, ESCO occupations and skills, titles in workers' languages."""
