"""The job profile pages (worker) and the certificate confirmation pages (issuing organisations)."""
