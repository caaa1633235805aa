#!/usr/bin/env python3
"""Writes a small news archive for testing the Spark job, from the project's own sample corpus
(examples/corpus, fictional articles written for dictum): JSON Lines and WARC, compressed and
not, with a few records that cannot be read.

    make_corpus.py OUT_DIR [--repeat N] [--no-errors]

OUT_DIR gets:
  news-a.jsonl      articles as `text`, outlet "Nordpress", one date per month of 2021;
                    line 4 is malformed JSON and line 8 has a number for a title
  news-b.jsonl.gz   the same articles as `html` pages of news-b.example, dates in 2022
  crawl-a.warc.gz   HTML `response` records of herald.example, one gzip member per record
                    (as Common Crawl writes them); record 5 has a bad Content-Length
  crawl-b.warc      the same, uncompressed, of courier.example, dates only in the pages
--repeat N writes every article N times (new ids and URLs), for measuring speed.
"""

import argparse
import gzip
import hashlib
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "examples", "corpus")


def articles():
    out = []
    for name in sorted(os.listdir(CORPUS)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            title, _, body = f.read().partition("\n")
        out.append((name[:-4], title.strip(), body.strip("\n")))
    return out


def page(title, body, outlet, published):
    paras = "\n".join(
        f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip()
    )
    meta = f'<meta property="og:site_name" content="{html.escape(outlet)}">\n'
    if published:
        meta += f'<meta property="article:published_time" content="{published}T08:00:00Z">\n'
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)} | {html.escape(outlet)}</title>\n{meta}</head>\n"
        f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
        f"<article><h1>{html.escape(title)}</h1>\n{paras}\n</article>\n"
        f"<footer>Copyright {html.escape(outlet)}. All rights reserved.</footer></body></html>\n"
    )


def uuid(s):
    h = hashlib.sha1(s.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def warc_record(rtype, uri, date, payload, content_length=None, extra=""):
    rid = uuid(f"{rtype}{uri}{date}")
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {rtype}\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Date: {date}\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + extra
        + f"Content-Length: {content_length if content_length is not None else len(payload)}\r\n"
        "\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def http_response(body):
    b = body.encode("utf-8")
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(b)}\r\n\r\n".encode()
        + b
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-errors", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    arts = articles()
    errors = not a.no_errors
    copies = [(r, i, art) for r in range(a.repeat) for i, art in enumerate(arts)]

    def suffix(r):
        return "" if r == 0 else f"-r{r}"

    # news-a.jsonl: plain text with metadata
    with open(os.path.join(a.out, "news-a.jsonl"), "w", encoding="utf-8") as f:
        for n, (r, i, (name, title, body)) in enumerate(copies):
            if errors and n == 3:
                f.write('{"id": "a-broken", "text": "The minister said the\n')
            if errors and n == 6:
                f.write(json.dumps({"id": "a-bad-title", "title": 5, "text": body}) + "\n")
            rec = {
                "id": f"a-{name}{suffix(r)}",
                "url": f"https://nordpress.example/{r}/{name}",
                "title": title,
                "text": body,
                "outlet": "Nordpress",
                "author": "Staff",
                "language": "en",
            }
            if i != 4:  # one article without a date
                rec["published"] = f"2021-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # news-b.jsonl.gz: HTML pages in JSON Lines
    with gzip.open(os.path.join(a.out, "news-b.jsonl.gz"), "wt", encoding="utf-8") as f:
        for r, i, (name, title, body) in copies:
            published = f"2022-{(i * 5) % 12 + 1:02d}-{i % 28 + 1:02d}"
            rec = {
                "id": f"b-{name}{suffix(r)}",
                "url": f"https://news-b.example/{r}/{name}.html",
                "html": page(title, body, "News B", published),
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # crawl-a.warc.gz: one gzip member per record
    with open(os.path.join(a.out, "crawl-a.warc.gz"), "wb") as f:
        info = b"software: dictum make_corpus.py\r\nformat: WARC File Format 1.0\r\n"
        f.write(gzip.compress(warc_record("warcinfo", None, "2023-01-01T00:00:00Z", info)))
        for n, (r, i, (name, title, body)) in enumerate(copies):
            if errors and n == 3:
                bad = warc_record(
                    "response",
                    "https://herald.example/broken",
                    "2023-01-02T00:00:00Z",
                    http_response("<p>cut</p>"),
                    content_length="twelve",
                    extra="Content-Type: application/http; msgtype=response\r\n",
                )
                f.write(gzip.compress(bad))
            uri = f"https://herald.example/{r}/{name}"
            published = f"2023-{i % 3 + 1:02d}-{i % 28 + 1:02d}"
            rec = warc_record(
                "response",
                uri,
                f"2023-04-{i % 28 + 1:02d}T12:00:00Z",
                http_response(page(title, body, "The Herald", published)),
                extra="Content-Type: application/http; msgtype=response\r\n",
            )
            f.write(gzip.compress(rec))

    # crawl-b.warc: uncompressed; no date in the page, so the crawl date is used
    with open(os.path.join(a.out, "crawl-b.warc"), "wb") as f:
        for r, i, (name, title, body) in copies:
            uri = f"https://courier.example/{r}/{name}"
            rec = warc_record(
                "response",
                uri,
                f"2024-0{i % 9 + 1}-15T06:30:00Z",
                http_response(page(title, body, "The Courier", None)),
                extra="Content-Type: application/http; msgtype=response\r\n",
            )
            f.write(rec)
    print(f"make_corpus: {4 * len(copies)} articles in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
