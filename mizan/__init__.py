"""Mizan: fair recruitment and job-matching for migrant workers."""
