"""Recruitment agencies and employers: licences, certifications, sanctions; 'check a recruiter'."""
