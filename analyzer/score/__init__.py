"""Stage 4, scores: the sourcing scorecard of an article, and evaluation against gold labels."""
