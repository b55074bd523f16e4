"""Job offers with their terms and costs, published only when compliant; the job board."""
