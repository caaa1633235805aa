#!/usr/bin/env bash
# Runs the Spark job in local mode on this machine: run-local.sh INPUT... OUTPUT_DIR
#
# Installs pyspark (deploy/spark/requirements.txt) into a virtual environment when missing
# ($DICTUM_SPARK_VENV, default target/spark-venv), ships target/release/dictum (or
# $DICTUM_BIN) to the local executor and writes OUTPUT_DIR/{articles,statements,errors}.
# Needs Java 17 (or 8/11) and Python 3. Environment: DICTUM_SPARK_CORES (default: all),
# DICTUM_SPARK_MEMORY (driver memory, default 2g). Options of dictum_spark.py (--overwrite,
# --threads, --partitions, --max-bytes) may come first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ $# -lt 2 ]; then
  echo "usage: $0 [--overwrite] INPUT... OUTPUT_DIR" >&2
  exit 2
fi
if ! command -v java >/dev/null 2>&1; then
  echo "run-local.sh: Spark needs Java (17): apt-get install openjdk-17-jre-headless" >&2
  exit 2
fi
dictum=${DICTUM_BIN:-$root/target/release/dictum}
if [ ! -x "$dictum" ]; then
  echo "run-local.sh: no dictum binary at $dictum: run cargo build --release first" >&2
  exit 2
fi

venv=${DICTUM_SPARK_VENV:-$root/target/spark-venv}
if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  echo "run-local.sh: installing pyspark into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

# Local paths become absolute file: URIs (a path without a scheme would be relative to the
# Spark working directory); options and URIs pass through.
args=()
value=no
for a in "$@"; do
  if [ "$value" = yes ]; then
    args+=("$a"); value=no; continue
  fi
  case "$a" in
    --threads|--partitions|--max-bytes) args+=("$a"); value=yes ;;
    -*|*://*) args+=("$a") ;;
    *) args+=("file://$(realpath -m "$a")") ;;
  esac
done

export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
exec "$venv/bin/spark-submit" \
  --master "local[${DICTUM_SPARK_CORES:-*}]" \
  --driver-memory "${DICTUM_SPARK_MEMORY:-2g}" \
  --conf spark.ui.enabled=false \
  --conf spark.ui.showConsoleProgress=false \
  --driver-java-options "-Dlog4j2.configurationFile=file://$here/log4j2.properties" \
  --conf spark.sql.shuffle.partitions=8 \
  "$here/dictum_spark.py" --dictum "$dictum" "${args[@]}"
