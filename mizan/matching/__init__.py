"""Blind, explained matching of workers and vacancies; shortlists and the log of rankings served."""
