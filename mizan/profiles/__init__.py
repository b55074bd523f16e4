"""A worker's job profile: kinds of work, skills, experience, languages, certificates, preferences."""
