"""`sourcing serve`: the analyzer as a web page and a JSON API (FastAPI on uvicorn).

    settings.py   the server's limits and options (passed to each worker process)
    inputs.py     a submission (pasted text, a URL, an uploaded file) -> articles, or a user error
    service.py    the pipeline of this worker, run off the event loop, one analysis at a time
    outputs.py    what a user takes away: the zip of CSV files, report.html, report.md
    pages.py      the HTML pages, from the same templates as report.html
    api.py        the JSON API: POST /api/analyze, GET /healthz
    docs.py       /docs: the OpenAPI description as a page with no script
    app.py        the application: routes, limits, security headers, errors as pages or JSON

Nothing a user submits is kept after the response: uploads are read in memory (or a
temporary folder removed before the response ends), and the log records no article text.
"""
