"""Rule files: loading, validation and the typed rule set the pipeline uses."""

from .loader import RuleSet, load_rules, default_rules_dir

__all__ = ["RuleSet", "load_rules", "default_rules_dir"]
