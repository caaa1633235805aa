#!/usr/bin/env python3
"""Checks the Spark job's tables against `dictum extract` run directly on the same files.

    check.py --dictum BIN --output OUT [--export DB_EXPORT.parquet] INPUT...

Fails (exit status 1) unless:
  - the articles table holds exactly the articles the direct run gives (same names, text and
    metadata, same statement counts), each once;
  - the statements table holds exactly the direct run's statements, article by article (kind,
    content offsets, text, cue, source, speaker; the article's url, title, outlet, published)
    and each sits in its publication month's partition;
  - the errors table holds as many records per input file as the direct run reports (and
    --expect-errors of them in all, when given);
  - with --export (`dictum export --format parquet` of a database that ingested the articles
    table): the database holds the same statements, and the export has the statements
    table's columns with the same types.
Runs Spark in local mode to read the tables (the same venv as run-local.sh).
"""

import argparse
import collections
import json
import os
import subprocess
import sys

from pyspark.sql import SparkSession

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dictum_spark import ARTICLE_FIELDS, content_pieces, month_of  # noqa: E402

STATEMENT_KEY = ("kind", "content", "text", "cue", "source", "speaker")
ARTICLE_META = ("url", "title", "outlet", "published")


def direct(dictum, inputs):
    out = subprocess.run(
        [dictum, "extract", "--error-records", *inputs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"check: dictum extract failed: {out.stderr.decode()}")
    articles, errors = {}, collections.Counter()
    for line in out.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        if "error" in rec:
            origin = rec.get("origin") or ""
            errors[os.path.basename(origin.split(":line ")[0].split("#record ")[0])] += 1
            continue
        if rec["doc"] in articles:
            sys.exit(f"check: the direct run gives two articles named {rec['doc']}")
        articles[rec["doc"]] = rec
    return articles, errors


def statement_tuple(s, fields):
    return tuple(s[k] for k in fields)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dictum", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--export")
    ap.add_argument(
        "--expect-errors", type=int, help="the errors table must have this many rows"
    )
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()

    spark = (
        SparkSession.builder.master("local[1]")
        .appName("dictum-check")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # months stay strings ("2021-05"), not dates
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    problems = []

    def problem(msg):
        problems.append(msg)

    want, want_errors = direct(a.dictum, a.inputs)
    out = a.output.rstrip("/")
    arts = spark.read.parquet(out + "/articles").collect()
    stmts = spark.read.parquet(out + "/statements").collect()
    errs = spark.read.parquet(out + "/errors").collect()

    # Articles.
    got = {}
    for r in arts:
        if r.doc in got:
            problem(f"article {r.doc} appears twice in the articles table")
        got[r.doc] = r
    for doc in sorted(set(want) - set(got)):
        problem(f"article {doc} is missing from the articles table")
    for doc in sorted(set(got) - set(want)):
        problem(f"article {doc} is in the articles table but not in the direct run")
    for doc in sorted(set(want) & set(got)):
        w, g = want[doc], got[doc]
        for k, _ in ARTICLE_FIELDS:
            if k in ("month", "statements", "file"):
                continue
            if w.get(k) != getattr(g, k):
                problem(f"article {doc}: {k} is {getattr(g, k)!r}, direct {w.get(k)!r}")
        if g.statements != len(w["statements"]):
            problem(f"article {doc}: {g.statements} statements, direct {len(w['statements'])}")
        if g.month != month_of(w.get("published")):
            problem(f"article {doc}: month {g.month!r} for published {w.get('published')!r}")

    # Statements, article by article (order within an article is not kept by Spark).
    by_doc = collections.defaultdict(list)
    for s in stmts:
        d = s.asDict()
        by_doc[s.doc].append(d)
        w = want.get(s.doc)
        if w is None:
            problem(f"statement of unknown article {s.doc}")
            continue
        for k in ARTICLE_META:
            if d[k] != w.get(k):
                problem(f"statement of {s.doc}: {k} {d[k]!r}, article {w.get(k)!r}")
        if d["month"] != month_of(w.get("published")):
            problem(f"statement of {s.doc} in partition month={d['month']}")
        for k in ("statement", "report", "person", "person_name", "copy_of"):
            if d[k] is not None:
                problem(f"statement of {s.doc}: {k} should be null outside a database")
    n_want = 0
    for doc, w in want.items():
        expect = sorted(
            statement_tuple(
                {
                    "kind": s["kind"],
                    "content": content_pieces(s["content"]),
                    "text": s["text"],
                    "cue": s["cue"] and s["cue"]["text"],
                    "source": s["source"] and s["source"]["text"],
                    "speaker": s["speaker"] and s["speaker"]["name"],
                },
                STATEMENT_KEY,
            )
            for s in w["statements"]
        )
        n_want += len(expect)
        have = sorted(statement_tuple(d, STATEMENT_KEY) for d in by_doc.get(doc, []))
        if have != expect:
            problem(
                f"article {doc}: statements differ ({len(have)} in Parquet, {len(expect)} direct);"
                f" first difference: {next((x for x in zip(have, expect) if x[0] != x[1]), None)}"
            )

    # Errors, counted per input file.
    got_errors = collections.Counter(os.path.basename(e.file) for e in errs)
    if got_errors != want_errors:
        problem(f"errors per file: Parquet {dict(got_errors)}, direct {dict(want_errors)}")
    if a.expect_errors is not None and len(errs) != a.expect_errors:
        problem(f"{len(errs)} error rows, expected {a.expect_errors}")
    for e in errs:
        if not e.error or not e.origin:
            problem(f"error row without a message or an origin: {e}")

    # The database's statements (export of a database that ingested the articles table).
    if a.export:
        exp = spark.read.parquet(a.export)
        ours = spark.read.parquet(out + "/statements")
        theirs_types = {f.name: f.dataType for f in exp.schema.fields}
        ours_types = {f.name: f.dataType for f in ours.schema.fields}
        if theirs_types != ours_types:
            problem(f"schemas differ: export {theirs_types}, Spark {ours_types}")
        if [f.name for f in exp.schema.fields] != [f.name for f in ours.schema.fields]:
            problem("column order differs between the export and the statements table")
        db = collections.defaultdict(list)
        for r in exp.collect():
            d = r.asDict()
            db[r.doc].append(statement_tuple(d, STATEMENT_KEY + ARTICLE_META + ("month",)))
            if d["statement"] is None or d["report"] is None:
                problem(f"export row of {r.doc} without statement or report id")
        spark_rows = {
            doc: sorted(statement_tuple(d, STATEMENT_KEY + ARTICLE_META + ("month",)) for d in v)
            for doc, v in by_doc.items()
        }
        db = {doc: sorted(v) for doc, v in db.items()}
        if db != spark_rows:
            diff = sorted(set(db) ^ set(spark_rows)) or [
                d for d in sorted(db) if db[d] != spark_rows.get(d)
            ]
            problem(f"database statements differ from the Parquet ones, e.g. in {diff[:5]}")
        else:
            print(f"check: the database holds the same {sum(map(len, db.values()))} statements")

    spark.stop()
    print(
        f"check: direct run {len(want)} articles, {n_want} statements, "
        f"{sum(want_errors.values())} errors; Parquet {len(arts)} articles, {len(stmts)} "
        f"statements, {len(errs)} errors"
    )
    if problems:
        for p in problems[:30]:
            print(f"check: MISMATCH: {p}", file=sys.stderr)
        sys.exit(1)
    print("check: the Parquet tables hold exactly the statements of the direct run")


if __name__ == "__main__":
    main()
