"""Demo data and ``linguaflex demo-flow``."""
