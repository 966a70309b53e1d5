"""A small HTML reader for the report tests: elements with their attributes, ids, and text."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """The elements of an HTML page: (tag, attributes) in document order, ids, and the text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.stack: list[tuple[str, dict, list[str]]] = []
        self.inner: dict[str, str] = {}
        self.feed(html)

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def handle_starttag(self, tag, attrs):
        attributes = {k: (v or "") for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag not in self.VOID:
            self.stack.append((tag, attributes, []))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, attributes, parts = self.stack.pop()
            text = "".join(parts)
            if "id" in attributes:
                self.inner[attributes["id"]] = text
            if self.stack:
                self.stack[-1][2].append(text)
            if open_tag == tag:
                break

    def handle_data(self, data):
        self.text_parts.append(data)
        if self.stack:
            self.stack[-1][2].append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str | None = None, **attrs) -> list[dict]:
        out = []
        for name, attributes in self.elements:
            if tag and name != tag:
                continue
            if all((attributes.get(k.rstrip("_").replace("_", "-")) or "") == v if v is not True
                   else k.rstrip("_").replace("_", "-") in attributes for k, v in attrs.items()):
                out.append(attributes)
        return out

    def with_class(self, cls: str, tag: str | None = None) -> list[dict]:
        return [a for name, a in self.elements if cls in a.get("class", "").split() and (tag is None or name == tag)]

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if "id" in a}
