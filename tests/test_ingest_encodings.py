"""Encodings: BOMs (UTF-8, UTF-16, UTF-32), strict UTF-8 by default, Windows-1252 and Latin-1
with encoding="auto", line ends kept as given, offsets into the decoded text."""

from __future__ import annotations

import codecs
import io
import json
from types import SimpleNamespace

import pytest

from analyzer.io.encodings import DecodeError, decode_bytes, decode_html, guess_stream_encoding
from analyzer.errors import InputError, UsageError
from analyzer.io.ingest import Article, ReadOptions, read_inputs

TEXT = "Caf\u00e9 owners said \u201cthe bills tripled\u201d to \u20ac4,000.\r\nThe mayor declined to comment.\r\n"
LATIN1_ONLY = "Se\u00f1or Mu\u00f1oz said the \u00bd-price offer ends\x81 today."  # \x81 is not Windows-1252


@pytest.mark.parametrize("data, encoding, expected_codec", [
    (TEXT.encode("utf-8"), "utf-8", "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-8", "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-8", "utf-16-be"),
    (TEXT.encode("utf-16"), "utf-8", "utf-16-le"),  # Python writes its native order with a BOM
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-8", "utf-32-le"),
    (TEXT.encode("utf-8"), "auto", "utf-8"),
    (TEXT.encode("cp1252"), "auto", "cp1252"),
    (TEXT.encode("cp1252"), "windows-1252", "cp1252"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "auto", "utf-16-le"),
])
def test_decode_bytes(data, encoding, expected_codec):
    decoded = decode_bytes(data, encoding)
    assert decoded.text == TEXT  # BOM dropped, \r\n kept
    assert decoded.encoding == expected_codec


def test_latin1_is_the_last_resort():
    decoded = decode_bytes(LATIN1_ONLY.encode("latin-1"), "auto")
    assert decoded.encoding == "latin-1"
    assert decoded.text == LATIN1_ONLY


@pytest.mark.parametrize("data, encoding, message", [
    (TEXT.encode("cp1252"), "utf-8", "not UTF-8 text (invalid byte at offset 3)"),
    (b"Police\x00said", "auto", "binary"),
    (bytes(range(1, 32)) * 50 + b"abc", "auto", "binary"),  # control characters, no NUL
    (bytes(range(1, 32)) * 50 + b"abc", "utf-8", "binary"),
    (codecs.BOM_UTF16_LE + b"a\x00b", "utf-8", "not UTF-16 text"),  # odd number of bytes
    ("caf\u00e9".encode("utf-8") + b"\x81", "cp1252", "not Windows-1252 text"),
])
def test_decode_errors(data, encoding, message):
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, encoding)
    assert message in caught.value.message


def test_unknown_encoding_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown encoding 'klingon-8'"):
        ReadOptions(encoding="klingon-8")


def test_stream_encoding_from_the_head():
    cut = "\u20ac".encode("utf-8")[:2]  # a character cut at the end of the head is still UTF-8
    assert guess_stream_encoding(b"text\nabc " + cut, "auto") == ("utf-8", 0)
    assert guess_stream_encoding(b"text\ncaf\xe9", "auto") == ("utf-8", 0)  # may be cut: more may follow
    assert guess_stream_encoding(b"text\ncaf\xe9", "auto", final=True) == ("cp1252", 0)
    assert guess_stream_encoding(b"text\ncaf\xe9 au lait", "auto") == ("cp1252", 0)
    assert guess_stream_encoding(b"text\ncaf\x81 ", "auto") == ("latin-1", 0)
    assert guess_stream_encoding(codecs.BOM_UTF16_BE + b"\x00t", "auto") == ("utf-16-be", 2)
    assert guess_stream_encoding(b"text\ncaf\xe9", "utf-8") == ("utf-8", 0)


@pytest.mark.parametrize("data, charset, expected", [
    (codecs.BOM_UTF16_LE + "<p>caf\u00e9</p>".encode("utf-16-le"), "iso-8859-1", "utf-16-le"),  # BOM wins
    (b"<p>caf\xe9</p>", "windows-1252", "cp1252"),
    (b"<p>caf\xe9</p>", "ISO-8859-1", "cp1252"),  # read as browsers do
    (b'<meta charset="windows-1252"><p>caf\xe9</p>', None, "cp1252"),
    (b'<meta http-equiv="content-type" content="text/html; charset=iso-8859-15"><p>caf\xe9</p>', None, "iso8859-15"),
    ("<p>caf\u00e9</p>".encode("utf-8"), None, "utf-8"),
    (b"<p>caf\xe9</p>", None, "cp1252"),  # undeclared and not UTF-8: the web's default
    (b'<meta charset="no-such-charset"><p>caf\xe9</p>', None, "cp1252"),
])
def test_decode_html(data, charset, expected):
    decoded = decode_html(data, charset)
    assert decoded.encoding == expected
    assert "caf\u00e9" in decoded.text


# --- through read_inputs ---------------------------------------------------------------------

def test_text_file_in_utf16_with_crlf(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article), article
    assert article.text == TEXT and article.encoding == "utf-16-le"


def test_windows_1252_is_detected_unless_strict(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    [error] = list(read_inputs([str(path)], encoding="utf-8"))  # strict UTF-8: an input error
    assert isinstance(error, InputError) and error.stage == "decode" and "not UTF-8" in error.message
    [article] = list(read_inputs([str(path)]))  # the default detects it
    assert article.text == TEXT and article.encoding == "cp1252"
    [article] = list(read_inputs([str(path)], options=ReadOptions(encoding="cp1252")))
    assert article.text == TEXT


def test_latin1_file_with_auto(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(LATIN1_ONLY.encode("latin-1"))
    [article] = list(read_inputs([str(path)], encoding="auto"))
    assert article.text == LATIN1_ONLY and article.encoding == "latin-1"


def test_stdin_in_utf16_and_cp1252():
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(TEXT.encode("utf-16"))))
    assert article.text == TEXT
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(TEXT.encode("cp1252")), encoding="auto"))
    assert article.text == TEXT


def test_jsonl_in_utf16(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False), json.dumps({"id": "b", "text": "Hi."})]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    first, second = list(read_inputs([str(path)]))
    assert (first.id, first.text, first.line) == ("a", TEXT, 1)
    assert (second.id, second.text, second.line) == ("b", "Hi.", 2)


def test_jsonl_line_in_cp1252_with_auto(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "a", "text": "The mayor said so."}).encode()
    legacy = json.dumps({"id": "b", "text": TEXT}, ensure_ascii=False).encode("cp1252")
    path.write_bytes(good + b"\n" + legacy + b"\n")
    strict = list(read_inputs([str(path)], encoding="utf-8"))
    assert isinstance(strict[1], InputError) and strict[1].line == 2 and "UTF-8" in strict[1].message
    auto = list(read_inputs([str(path)], encoding="auto"))
    assert [a.text for a in auto] == ["The mayor said so.", TEXT]


def test_jsonl_lone_surrogate_escape_is_replaced(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "s", "text": "The mayor \\ud800said so."}\n', encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert article.text == "The mayor \ufffdsaid so."  # one character for one: offsets unchanged
    article.text.encode("utf-8")  # writable to the UTF-8 CSV files


CSV_ROWS = [("a", "The mayor said so."), ("b", TEXT), ("c", "Police said the road is shut.")]


def _csv_bytes(encoding: str, bom: bytes = b"") -> bytes:
    lines = ["id,text"] + [f'{i},"{t}"' for i, t in CSV_ROWS]
    return bom + ("\r\n".join(lines) + "\r\n").encode(encoding)


@pytest.mark.parametrize("data, encoding", [
    (_csv_bytes("utf-8"), None),
    (_csv_bytes("utf-8", codecs.BOM_UTF8), None),  # Excel's "CSV UTF-8": the BOM is not in the header
    (_csv_bytes("utf-16-le", codecs.BOM_UTF16_LE), None),
    (_csv_bytes("cp1252"), "auto"),
    (_csv_bytes("cp1252"), "windows-1252"),
])
def test_csv_encodings(tmp_path, data, encoding):
    path = tmp_path / "batch.csv"
    path.write_bytes(data)
    items = list(read_inputs([str(path)], encoding=encoding))
    assert [(i.id, i.text) for i in items] == CSV_ROWS  # \r\n inside the quoted field kept


def test_csv_row_with_bad_bytes(tmp_path):
    path = tmp_path / "batch.csv"
    data = _csv_bytes("utf-8").replace("Police".encode(), "Polic\u00e9".encode("cp1252"))
    path.write_bytes(data)
    a, b, c = list(read_inputs([str(path)], encoding="utf-8"))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert isinstance(c, InputError) and c.line == 6 and c.stage  # b's text spans lines 3-5 == "decode" and c.article_id == "c"
    assert c.message == 'not UTF-8 text (invalid byte in the "text" column)'
    *_, fixed = list(read_inputs([str(path)], encoding="auto"))  # a Windows-1252 cell in a UTF-8 file
    assert fixed.text == "Polic\u00e9 said the road is shut."


# --- offsets refer to the decoded text ------------------------------------------------------

def test_offsets_index_decoded_text(analyzer, tmp_path):
    path = tmp_path / "story.txt"
    text = "Harbour Caf\u00e9s Close\r\n\r\n" + TEXT + "\u201cWe are done,\u201d Ren\u00e9e Dupr\u00e9 said.\r\n"
    path.write_bytes(text.encode("cp1252"))
    [article] = list(read_inputs([str(path)], encoding="auto"))
    assert article.text == text
    result = analyzer.analyze(iter([article]))
    [result] = list(result)
    assert result.sentences
    for sentence in result.sentences:
        assert text[sentence.start_char:sentence.end_char] == sentence.text
        assert "\r" not in sentence.text


@pytest.fixture(scope="module")
def utf16_run(cli, tmp_path_factory):
    base = tmp_path_factory.mktemp("utf16_run")
    text = "Police said a man was arrested near the quay.\r\nThe road stayed closed, the mayor said.\r\n"
    path = base / "quay.txt"
    path.write_bytes(text.encode("utf-16"))
    result = cli.invoke(["analyze", path, "--out", base / "out"])
    return SimpleNamespace(result=result, out=base / "out", text=text)


def test_cli_reads_utf16(cli, utf16_run):
    cli.assert_no_traceback(utf16_run.result)
    assert utf16_run.result.exit_code == 0, utf16_run.result.stderr
    _, rows = cli.read_csv(utf16_run.out / "sentences.csv")
    assert [r["text"] for r in rows] == ["Police said a man was arrested near the quay.",
                                         "The road stayed closed, the mayor said."]
    for row in rows:
        assert utf16_run.text[int(row["start_char"]):int(row["end_char"])] == row["text"]
