"""Writers for analysis results: CSV files, a readable terminal summary, JSON."""
