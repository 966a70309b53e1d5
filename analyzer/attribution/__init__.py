"""Stage 3, who says so: the spaCy component that finds cues, follows each to its source and
labels it. Where a label is decided: decisions/ (an ordered table of named steps)."""
