"""/docs: the application's OpenAPI description as a plain page.

FastAPI's own /docs loads Swagger UI's script and styles from a CDN, which the page's
Content-Security-Policy (and a school network without outside access) forbids; this page is
built on the server from the same description (/openapi.json), with no script.
"""

from __future__ import annotations

import re

from .. import __version__
from ..report.html import render
from .pages import CSP

METHODS = ("get", "post", "put", "patch", "delete")


def _type_of(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null") or "null"
    if schema.get("type") == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    return schema.get("type", "any")


def _schema_view(title: str, name: str, components: dict) -> dict:
    schema = components.get(name, {})
    required = set(schema.get("required", []))
    fields = [{"name": key, "type": _type_of(value), "description": value.get("description", ""),
               "required": key in required} for key, value in schema.get("properties", {}).items()]
    return {"title": title, "name": name, "fields": fields}


def _operation_view(path: str, method: str, operation: dict, components: dict) -> dict:
    schemas = []
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in body:
        schemas.append(_schema_view("Request body", _type_of(body), components))
    answer = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in answer:
        schemas.append(_schema_view("Answer", _type_of(answer), components))
    responses = [{"status": status, "description": value.get("description", "")}
                 for status, value in sorted(operation.get("responses", {}).items())]
    return {"method": method.upper(), "path": path, "anchor": re.sub(r"[^a-z0-9]+", "-", f"{method}{path}").strip("-"),
            "summary": operation.get("summary", ""), "description": operation.get("description", ""),
            "schemas": schemas, "responses": responses}


def docs_page(openapi: dict, host: str) -> str:
    components = openapi.get("components", {}).get("schemas", {})
    operations = [_operation_view(path, method, item[method], components)
                  for path, item in openapi.get("paths", {}).items() for method in METHODS if method in item]
    doc = {"openapi": openapi.get("openapi", ""), "operations": operations, "host": host}
    return render("docs.html.j2", doc=doc, title="API: sourcing analyzer", csp=CSP, version=__version__,
                  error=None, r=None, files=[], form={}, limits={}, stream_marker=None)
