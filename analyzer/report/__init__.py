"""Stage 5, outputs: the table rows and CSV edge (tables.py), the table files, report.html,
report.md, the terminal table and JSON."""
