"""The README's "Python" section: every example in it runs, as a user would paste it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def python_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("\n## Python\n"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_python_section_has_the_three_examples():
    examples = python_examples()
    assert len(examples) == 3
    assert "analyzer.analyze(" in examples[0] and "analyzer.load()" in examples[1] and "displacy.render" in examples[2]


@pytest.mark.parametrize("number", range(3))
def test_readme_example_runs(number, capsys):
    namespace: dict = {}
    exec(compile(python_examples()[number], f"README.md example {number + 1}", "exec"), namespace)
    printed = capsys.readouterr().out
    assert printed.strip()
    if number == 0:
        assert namespace["result"].scorecards.shape[0] == 1
        assert list(namespace["result"].attributions.columns)[:3] == ["article_id", "sentence_index", "label"]
    if number == 1:
        assert "named-official" in printed
    if number == 2:
        assert "document" in printed and 'class="spans"' in namespace["html"]
