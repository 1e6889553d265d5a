"""Admin reports: the audit trail and revenue."""
