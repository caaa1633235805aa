"""dictum on Apache Spark: statements from a news archive, written as Parquet.

    spark-submit dictum_spark.py --dictum PATH [options] INPUT... OUTPUT

INPUT: files, directories or globs on any Hadoop file system (file://, hdfs://, s3a://):
WARC (.warc, .warc.gz), JSON Lines (.jsonl, .ndjson, optionally .gz) and zstd-compressed
JSON Lines (.jsonl.zst). OUTPUT gets three Parquet tables (schema in deploy/spark/README.md):

    OUTPUT/articles/                    one row per article: text, metadata, statement count
    OUTPUT/statements/month=YYYY-MM/    one row per statement (month of publication)
    OUTPUT/errors/                      one row per input record dictum could not read

The dictum binary is shipped to the executors with SparkContext.addFile and runs as a
subprocess on each partition (`dictum extract --error-records`): JSON Lines are split by
Spark and piped through it line by line; a WARC file (or a .zst file, which Hadoop cannot
split or decompress without native libraries) is one task, streamed to dictum's standard
input. A record dictum cannot read becomes an error row and the job goes on; a dictum process
that fails as a whole (exit status 2 or a signal) fails its task, which Spark retries.
"""

import argparse
import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections import deque

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# The statements table: the same columns, names and types as `dictum export --format parquet`
# (crates/cli/src/parquet_out.rs). The database's ids (statement, report, person,
# person_name, copy_of) are null here: linking across articles happens in `dictum ingest`.
STATEMENT_FIELDS = [
    ("statement", LongType()),
    ("report", LongType()),
    ("kind", StringType()),
    ("text", StringType()),
    ("speaker", StringType()),
    ("person", LongType()),
    ("person_name", StringType()),
    ("cue", StringType()),
    ("source", StringType()),
    ("doc", StringType()),
    ("url", StringType()),
    ("title", StringType()),
    ("outlet", StringType()),
    ("published", StringType()),
    ("content", StringType()),
    ("copy_of", LongType()),
    ("month", StringType()),
]

# The articles table: what `dictum extract` writes for an article, its text the clean text
# the statements' offsets point into. `dictum ingest` reads it as articles (the `statements`
# column marks the text as already clean) and extracts the same statements again.
ARTICLE_FIELDS = [
    ("doc", StringType()),
    ("url", StringType()),
    ("title", StringType()),
    ("outlet", StringType()),
    ("published", StringType()),
    ("published_from", StringType()),
    ("month", StringType()),
    ("place", StringType()),
    ("author", StringType()),
    ("language", StringType()),
    ("text", StringType()),
    ("statements", IntegerType()),
    ("file", StringType()),
]

ERROR_FIELDS = [
    ("file", StringType()),
    ("origin", StringType()),
    ("error", StringType()),
    ("record", StringType()),
]

# One input record's result: an article with its statements, or an error.
RESULT = StructType(
    [StructField(n, t) for n, t in ARTICLE_FIELDS]
    + [
        StructField(
            "items",
            ArrayType(StructType([StructField(n, t) for n, t in STATEMENT_FIELDS])),
        ),
        StructField("error", StringType()),
        StructField("origin", StringType()),
        StructField("record", StringType()),
    ]
)

WARC = (".warc", ".warc.gz")
JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
JSONL_ZST = (".jsonl.zst", ".ndjson.zst")
MONTH = re.compile(r"^\d{4}-\d{2}")


class DictumFailed(RuntimeError):
    """The dictum process failed as a whole: the task fails (and Spark retries it)."""


def month_of(published):
    return published[:7] if published and MONTH.match(published) else None


def content_pieces(content):
    """`[s, e]` or `[[s, e], ...]` → the store's form: a JSON list of pieces."""
    if content and not isinstance(content[0], list):
        content = [content]
    return json.dumps(content, separators=(",", ":"))


def result_row(rec, file, rename=None):
    """One line of `dictum extract` output → a RESULT row."""
    if "error" in rec:
        return (None,) * len(ARTICLE_FIELDS) + (
            None,
            rec.get("error"),
            rec.get("origin"),
            None,
        )
    doc = rename or rec.get("doc")
    published = rec.get("published")
    month = month_of(published)
    items = []
    for s in rec.get("statements") or []:
        cue, source, speaker = s.get("cue"), s.get("source"), s.get("speaker")
        items.append(
            (
                None,
                None,
                s.get("kind"),
                s.get("text"),
                speaker and speaker.get("name"),
                None,
                None,
                cue and cue.get("text"),
                source and source.get("text"),
                doc,
                rec.get("url"),
                rec.get("title"),
                rec.get("outlet"),
                published,
                content_pieces(s.get("content")),
                None,
                month,
            )
        )
    article = (
        doc,
        rec.get("url"),
        rec.get("title"),
        rec.get("outlet"),
        published,
        rec.get("published_from"),
        month,
        rec.get("place"),
        rec.get("author"),
        rec.get("language"),
        rec.get("text"),
        len(items),
        file,
    )
    return article + (items, None, None, None)


def dictum_binary(name):
    path = SparkFiles.get(name)
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        try:
            os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            pass
    return path


def start(binary, fmt, threads, max_bytes):
    cmd = [binary, "extract", "--error-records", "--format", fmt, "-j", str(threads)]
    if max_bytes:
        cmd += ["--max-bytes", str(max_bytes)]
    cmd.append("-")
    return subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(proc, stderr_chunks, what):
    proc.wait()
    err = b"".join(stderr_chunks).decode("utf-8", "replace")
    # 0: all read; 1: some records failed (they are error rows); anything else is fatal.
    if proc.returncode not in (0, 1):
        raise DictumFailed(
            f"dictum failed on {what} (exit status {proc.returncode}): {err.strip()[-2000:]}"
        )


def drain(stream, chunks):
    for chunk in iter(lambda: stream.read(65536), b""):
        chunks.append(chunk)


def feed(proc, chunks, failure):
    try:
        for c in chunks:
            proc.stdin.write(c)
    except BrokenPipeError:
        pass  # dictum stopped: its exit status says why
    except BaseException as e:  # noqa: BLE001 — reported by the reading side
        failure.append(e)
    finally:
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass


def jsonl_partition(binary_name, threads, max_bytes):
    """Lines (value, file) of JSON Lines files → RESULT rows, through one dictum process."""

    def run(rows):
        proc = None
        pending = deque()  # (file, line) fed to dictum and not yet answered, in order
        stderr = []
        failure = []

        def lines():
            for row in rows:
                line = row.value
                # dictum skips blank lines without a word; so does the feeder, to keep step
                if not line.strip(" \t\n\r\x0c"):
                    continue
                pending.append((row.file, line))
                yield line.encode("utf-8") + b"\n"

        proc = start(dictum_binary(binary_name), "jsonl", threads, max_bytes)
        err = threading.Thread(target=drain, args=(proc.stderr, stderr), daemon=True)
        err.start()
        feeder = threading.Thread(target=feed, args=(proc, lines(), failure), daemon=True)
        feeder.start()
        n = 0
        for out in proc.stdout:
            n += 1
            if not pending:
                raise DictumFailed(f"dictum wrote more lines than it was given ({n})")
            file, line = pending.popleft()
            rec = json.loads(out)
            rename = None
            if rec.get("doc") == f"-:{n}":
                # no `id`: name it by its file and content (a split knows no line numbers)
                stem = re.sub(r"\.(jsonl|ndjson)(\.gz)?$", "", os.path.basename(file))
                rename = f"{stem}:{hashlib.sha1(line.encode('utf-8')).hexdigest()[:16]}"
            row = result_row(rec, file, rename)
            if "error" in rec:
                origin = (rec.get("origin") or "").replace("<stdin>:line ", "stream line ")
                row = row[:-3] + (rec.get("error"), f"{file} ({origin})", line[:300])
                row = _with_file(row, file)
            yield row
        feeder.join()
        err.join()
        if failure:
            raise failure[0]
        finish(proc, stderr, "a JSON Lines partition")
        if pending:
            raise DictumFailed(f"dictum answered {n} of {n + len(pending)} lines")

    return run


def _with_file(row, file):
    """Sets the `file` column of a RESULT row."""
    i = [n for n, _ in ARTICLE_FIELDS].index("file")
    return row[:i] + (file,) + row[i + 1 :]


def whole_file_partition(binary_name, threads, max_bytes):
    """(path, bytes) of WARC or .zst files → RESULT rows, one dictum process per file."""

    def run(files):
        for path, content in files:
            name = path.lower()
            fmt = "warc" if name.endswith(WARC) else "jsonl"
            proc = start(dictum_binary(binary_name), fmt, threads, max_bytes)
            stderr = []
            failure = []
            err = threading.Thread(target=drain, args=(proc.stderr, stderr), daemon=True)
            err.start()
            step = 1 << 20
            chunks = (content[i : i + step] for i in range(0, len(content), step))
            feeder = threading.Thread(target=feed, args=(proc, chunks, failure), daemon=True)
            feeder.start()
            for out in proc.stdout:
                rec = json.loads(out)
                row = result_row(rec, path)
                if "error" in rec:
                    origin = (rec.get("origin") or "").replace("<stdin>", path)
                    row = row[:-3] + (rec.get("error"), origin, None)
                    row = _with_file(row, path)
                yield row
            feeder.join()
            err.join()
            if failure:
                raise failure[0]
            finish(proc, stderr, path)

    return run


def expand(spark, inputs):
    """Input paths, directories and globs → file URIs, by Hadoop's file systems."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files = []
    for p in inputs:
        path = jvm.org.apache.hadoop.fs.Path(p)
        fs = path.getFileSystem(conf)
        found = fs.globStatus(path)
        if not found:
            raise SystemExit(f"dictum_spark: no such input: {p}")
        for st in found:
            if st.isDirectory():
                it = fs.listFiles(st.getPath(), True)
                while it.hasNext():
                    files.append(it.next().getPath().toString())
            else:
                files.append(st.getPath().toString())
    return sorted(set(files))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("output", metavar="OUTPUT")
    ap.add_argument(
        "--dictum",
        default=os.environ.get("DICTUM_BIN", "dictum"),
        help="the dictum binary, a local path or a Hadoop URI (shipped with addFile)",
    )
    ap.add_argument("--threads", type=int, default=1, help="dictum threads per task (-j)")
    ap.add_argument("--max-bytes", type=int, default=0, help="dictum's --max-bytes")
    ap.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="minimum partitions for WARC/.zst files (default: Spark's)",
    )
    ap.add_argument("--overwrite", action="store_true", help="replace OUTPUT's tables")
    args = ap.parse_args(argv)

    spark = SparkSession.builder.appName("dictum").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.addFile(args.dictum)
    binary = os.path.basename(args.dictum)

    files = expand(spark, args.inputs)
    warc = [f for f in files if f.lower().endswith(WARC + JSONL_ZST)]
    jsonl = [f for f in files if f.lower().endswith(JSONL)]
    skipped = [f for f in files if f not in warc and f not in jsonl]
    for f in skipped:
        print(f"dictum_spark: skipping {f}: not WARC or JSON Lines", file=sys.stderr)
    if not warc and not jsonl:
        raise SystemExit("dictum_spark: no WARC or JSON Lines input")

    parts = []
    if jsonl:
        lines = spark.read.text(jsonl).select("value", F.input_file_name().alias("file"))
        parts.append(
            lines.rdd.mapPartitions(jsonl_partition(binary, args.threads, args.max_bytes))
        )
    if warc:
        blobs = sc.binaryFiles(",".join(warc), minPartitions=args.partitions or None)
        parts.append(
            blobs.mapPartitions(whole_file_partition(binary, args.threads, args.max_bytes))
        )
    rdd = parts[0] if len(parts) == 1 else sc.union(parts)
    # Extraction runs once: the three tables and the totals are written from this.
    results = spark.createDataFrame(rdd, RESULT).persist(StorageLevel.DISK_ONLY)

    mode = "overwrite" if args.overwrite else "errorifexists"
    ok = results.where(F.col("error").isNull())
    ok.select([n for n, _ in ARTICLE_FIELDS]).write.mode(mode).parquet(
        args.output.rstrip("/") + "/articles"
    )
    (
        ok.select(F.explode("items").alias("s"))
        .select("s.*")
        .write.mode(mode)
        .partitionBy("month")
        .parquet(args.output.rstrip("/") + "/statements")
    )
    errors = results.where(F.col("error").isNotNull()).select([n for n, _ in ERROR_FIELDS])
    errors.coalesce(1).write.mode(mode).parquet(args.output.rstrip("/") + "/errors")

    totals = results.agg(
        F.count(F.col("doc")).alias("articles"),
        F.sum(F.coalesce(F.col("statements"), F.lit(0))).alias("statements"),
        F.count(F.col("error")).alias("errors"),
    ).first()
    for e in errors.limit(20).collect():
        print(f"dictum_spark: {e.origin}: {e.error}", file=sys.stderr)
    print(
        f"dictum_spark: {totals.articles} articles, {totals.statements or 0} statements, "
        f"{totals.errors} records not read; tables in {args.output}",
        file=sys.stderr,
    )
    results.unpersist(blocking=True)
    spark.stop()


if __name__ == "__main__":
    main()
