"""Privacy and accountability core: vault, ledger, purposes and consent, data rights."""
