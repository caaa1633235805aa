"""Writes tests/data/warcio.warc.gz with Python's warcio (PyPI), an independent WARC writer.

Run from crates/ingest: `python3 -m venv /tmp/v && /tmp/v/bin/pip install warcio &&
/tmp/v/bin/python tests/data/make_warcio.py`. The output is checked in so that the tests do not
need Python; the pages are fictional, written for this project.
"""

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = [
    # (uri, charset in the HTTP header, encoding of the bytes, title, text)
    ("https://vesti.example.ru/2021/05/17/talks", "windows-1251", "cp1251",
     "Переговоры продолжатся",
     "Министр сказал журналистам, что переговоры продолжатся в понедельник."),
    ("https://gazeta.example.ru/bridge", None, "koi8-r",
     "Мост откроют осенью",
     "Губернатор сообщил, что мост откроют к осени."),
    ("https://news.example.com/council", "utf-8", "utf-8",
     "Council backs the plan",
     "The council voted on Monday, a spokeswoman said."),
]

with open("tests/data/warcio.warc.gz", "wb") as out:
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record(
        "warcio.warc.gz", {"software": "warcio", "description": "dictum test fixture"}))
    for uri, charset, enc, title, text in PAGES:
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", uri.split("/")[2])],
                               is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
        meta = "" if charset else f'<meta charset="{enc}">'
        html = (f"<html><head>{meta}<title>{title}</title></head>"
                f"<body><h1>{title}</h1><p>{text}</p></body></html>").encode(enc)
        ctype = "text/html" + (f"; charset={charset}" if charset else "")
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype),
                                              ("Content-Length", str(len(html)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=BytesIO(html), http_headers=headers))
    # a non-HTML response, skipped by the reader
    png = b"\x89PNG\r\n\x1a\n"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://news.example.com/logo.png", "response", payload=BytesIO(png),
        http_headers=headers))
