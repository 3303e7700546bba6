#!/usr/bin/env bash
# CLI tests: the built sitrep binary against the fixtures in tests/data/cli, checking exit
# codes (0 all coded, 1 some failed, 2 usage or fatal, 130 interrupted), atomic -o, a closed
# pipe, --help, the `times` schema, stdin, and --jobs determinism.
#
#   run_cli_tests.sh <path/to/sitrep> <tests dir>
#
# Needs bash and python3. Commands that need the gazetteer index (code, places, explain) are
# checked for their error without one; with an index next to the binary (or $SITREP_INDEX)
# they are also checked for --jobs determinism.
set -uo pipefail

bin=${1:?usage: run_cli_tests.sh <sitrep> <tests dir>}
tests=${2:?usage: run_cli_tests.sh <sitrep> <tests dir>}
data=$tests/data/cli
[[ -x $bin ]] || { echo "not executable: $bin" >&2; exit 2; }
[[ -d $data ]] || { echo "no fixtures: $data" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep_cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=$tmp/stdout err=$tmp/stderr

checks=0 failures=0
pass() { checks=$((checks + 1)); }
fail() {
  checks=$((checks + 1)) failures=$((failures + 1))
  echo "FAIL: $*" >&2
  if [[ -s $err ]]; then sed 's/^/    stderr: /' "$err" | head -5 >&2; fi
}
check() {  # check <name> <condition...>
  local name=$1
  shift
  if "$@"; then pass; else fail "$name"; fi
}
# run <args...>: runs sitrep with stdout/stderr captured; sets $rc.
run() {
  "$bin" "$@" >"$out" 2>"$err"
  rc=$?
}
expect_rc() {  # expect_rc <want> <name>
  if [[ $rc == "$1" ]]; then pass; else fail "$2: exit $rc, want $1"; fi
}
has() { grep -qF -- "$2" "$1"; }
lines() { wc -l <"$1" | tr -d ' '; }
no_temp_files() { ! compgen -G "$1/.*.tmp.*" >/dev/null; }

# ---------------------------------------------------------------------------------------
# --help and version
for cmd in "" code places times explain index "index build" version; do
  # shellcheck disable=SC2086
  run $cmd --help
  expect_rc 0 "sitrep $cmd --help"
  check "sitrep $cmd --help prints usage" has "$out" "Usage"
done
for cmd in code places times explain "index build"; do
  # shellcheck disable=SC2086
  run $cmd --help
  check "sitrep $cmd --help teaches by example" has "$out" "Example"
done
run --help
check "main help documents exit codes" has "$out" "Exit codes"
run version --index /nonexistent
expect_rc 0 "version without an index"
check "version prints the version" has "$out" "sitrep "

# ---------------------------------------------------------------------------------------
# Usage errors: exit 2
run
expect_rc 2 "no command"
run frobnicate
expect_rc 2 "unknown command"
run times --bogus "$data/good.jsonl"
expect_rc 2 "unknown flag"
check "unknown flag is named" has "$err" "--bogus"
run times --jobs many "$data/good.jsonl"
expect_rc 2 "non-numeric --jobs"
run times --input-format xml "$data/good.jsonl"
expect_rc 2 "bad --input-format"
for bad in 2021-8-8 08/08/2021 2021-02-30 yesterday; do
  run times --date "$bad" "$data/report.txt"
  expect_rc 2 "bad --date $bad"
  check "bad --date $bad is explained" has "$err" "--date must be YYYY-MM-DD"
  check "bad --date $bad prints nothing" test ! -s "$out"
done
run times --max-bytes 0 "$data/report.txt"
expect_rc 2 "--max-bytes 0"

# ---------------------------------------------------------------------------------------
# Commands that need the gazetteer index: a clear error and exit 2 without it.
for cmd in code places explain; do
  run $cmd --index /nonexistent/gazetteer.idx --date 2023-05-16 "$data/report.txt"
  expect_rc 2 "$cmd with a missing index"
  check "$cmd names the missing index" has "$err" "/nonexistent/gazetteer.idx"
  check "$cmd says how to build an index" has "$err" "sitrep index build"
  check "$cmd prints no records without an index" test ! -s "$out"
done

# ---------------------------------------------------------------------------------------
# times: exit 0 and the output schema
run times "$data/good.jsonl"
expect_rc 0 "times on good JSON Lines"
check "times prints one line per document" test "$(lines "$out")" = 3
check "times output has no warnings for dated documents" test "$(grep -c warning "$err")" -le 1
python3 - "$out" <<'PY' && pass || fail "times output schema"
import json, sys
want_ids = ["gao-1", "kharkiv-2", "3"]
want_dct = ["2023-05-16", "2022-09-10", None]
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["doc"] for r in rows] == want_ids, [r["doc"] for r in rows]
assert [r["dct"] for r in rows] == want_dct, [r["dct"] for r in rows]
for r in rows:
    assert set(r) >= {"doc", "dct", "timex"}, r
    assert isinstance(r["doc"], str) and isinstance(r["timex"], list), r
    for t in r["timex"]:
        assert isinstance(t["start"], int) and isinstance(t["end"], int) and t["start"] < t["end"], t
        for k in ("text", "type", "value"):
            assert isinstance(t[k], str), (k, t)
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET"), t
PY
run times "$data/good.jsonl" --quiet
check "--quiet silences warnings" test ! -s "$err"

run times --date 2023-05-15 "$data/report.txt"
expect_rc 0 "times on a text file with --date"
python3 - "$out" <<'PY' && pass || fail "text file: id from the file name, dct from --date"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1 and rows[0]["doc"] == "report" and rows[0]["dct"] == "2023-05-15", rows
PY
run times "$data/report.txt"
expect_rc 0 "times without a date"
check "a missing publication date is reported" has "$err" "no publication date"
run times --id mopti --date 2023-05-15 "$data/report.txt"
check "--id names a single document" has "$out" '"doc":"mopti"'

run times "$data/page.html"
expect_rc 0 "times on HTML"
check "HTML: id from the file name, date from its meta" has "$out" '{"doc":"page","dct":"2023-07-29"'

run times --date 2023-01-01 "$data/bad_utf8.txt"
expect_rc 0 "invalid UTF-8 is repaired, not fatal"
check "invalid UTF-8 is reported" has "$err" "invalid UTF-8"

# ---------------------------------------------------------------------------------------
# Exit 1: some documents failed, each reported, the others coded.
run times "$data/mixed.jsonl"
expect_rc 1 "one bad JSON line among good ones"
check "good documents are in the output" test "$(grep -c '"doc":"ok-' "$out")" = 2
check "good documents keep their order" test "$(head -1 "$out" | grep -c ok-1)" = 1
check "the bad line is named by file and line" has "$err" "mixed.jsonl:2: not JSON"
check "the line without text is named" has "$err" 'mixed.jsonl:4: no "text" field'
check "a summary says how many failed" has "$err" "2 input(s) failed, 2 document(s) coded"

run times --date 2023-01-01 "$tmp/missing.txt" "$data/report.txt"
expect_rc 1 "a missing file among good ones"
check "the missing file is named" has "$err" "missing.txt"
check "the good file is still coded" has "$out" '"doc":"report"'

run times --max-bytes 100 --date 2023-01-01 "$data/report.txt" "$data/bad_utf8.txt"
expect_rc 1 "a document over --max-bytes"
check "the large document is named" has "$err" "report.txt: larger than the document size limit"
check "the small one is coded" has "$out" '"doc":"bad_utf8"'

: >"$tmp/empty.txt"
run times "$tmp/empty.txt"
expect_rc 1 "an empty file"
check "an empty file is reported" has "$err" "empty file"

# ---------------------------------------------------------------------------------------
# stdin
"$bin" times "$data/good.jsonl" >"$tmp/from_file" 2>/dev/null
"$bin" times <"$data/good.jsonl" >"$out" 2>"$err"
rc=$?
expect_rc 0 "JSON Lines on stdin"
check "stdin JSON Lines reads as the file does" cmp -s "$out" "$tmp/from_file"
"$bin" times --date 2023-05-15 - <"$data/report.txt" >"$out" 2>"$err"
rc=$?
expect_rc 0 "text on stdin"
check "stdin text is named stdin" has "$out" '"doc":"stdin"'
"$bin" times - <"$data/page.html" >"$out" 2>"$err"
rc=$?
check "stdin HTML is detected" has "$out" '"dct":"2023-07-29"'

# ---------------------------------------------------------------------------------------
# -o: atomic write
mkdir -p "$tmp/o"
run times "$data/good.jsonl" -o "$tmp/o/times.jsonl"
expect_rc 0 "-o writes a file"
check "-o prints nothing on stdout" test ! -s "$out"
"$bin" times "$data/good.jsonl" >"$tmp/o/stdout.jsonl" 2>/dev/null
check "-o file equals stdout" cmp -s "$tmp/o/times.jsonl" "$tmp/o/stdout.jsonl"
check "-o leaves no temporary file" no_temp_files "$tmp/o"

run times "$data/mixed.jsonl" -o "$tmp/o/partial.jsonl"
expect_rc 1 "-o with some documents failed"
check "-o still writes the coded documents" test "$(lines "$tmp/o/partial.jsonl")" = 2

echo OLD >"$tmp/o/keep.jsonl"
run code --index /nonexistent/gazetteer.idx "$data/good.jsonl" -o "$tmp/o/keep.jsonl"
expect_rc 2 "-o with a fatal error"
check "a failed run leaves the old file untouched" test "$(cat "$tmp/o/keep.jsonl")" = OLD
check "a failed run leaves no temporary file" no_temp_files "$tmp/o"
run times --date bad "$data/good.jsonl" -o "$tmp/o/never.jsonl"
expect_rc 2 "-o with a usage error"
check "a usage error creates no file" test ! -e "$tmp/o/never.jsonl"

run times "$data/good.jsonl" -o "$tmp/no/such/dir/out.jsonl"
expect_rc 2 "-o into a missing directory"
check "the unwritable output is named" has "$err" "$tmp/no/such/dir/out.jsonl"
run times "$data/good.jsonl" -o "$data/good.jsonl/out.jsonl"
expect_rc 2 "-o under a regular file"
check "-o failure leaves the fixtures alone" no_temp_files "$data"

# ---------------------------------------------------------------------------------------
# A closed output pipe ends quietly with 0.
python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": f"doc-{i}", "date": "2023-05-16",
                            "text": f"Report {i}: clashes near Gao on Tuesday, officials said."}) + "\n")
PY
"$bin" times --jobs 2 "$tmp/big.jsonl" 2>"$err" | head -1 >"$out"
status=("${PIPESTATUS[@]}")
check "sitrep | head -1 exits 0 (got ${status[0]})" test "${status[0]}" = 0
check "head got one line" test "$(lines "$out")" = 1
check "a closed pipe is quiet on stderr" test ! -s "$err"

# ---------------------------------------------------------------------------------------
# SIGINT: exit 130, no output file, no temporary file, even while waiting on stdin.
mkfifo "$tmp/fifo"
"$bin" times --date 2023-01-01 -o "$tmp/o/interrupted.jsonl" - <"$tmp/fifo" >"$out" 2>"$err" &
pid=$!
exec 3>"$tmp/fifo"  # a writer that never writes: sitrep waits on stdin
sleep 0.5
kill -INT "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  fail "SIGINT while reading stdin: still running"
  kill -KILL "$pid"
fi
wait "$pid"
rc=$?
exec 3>&-
expect_rc 130 "SIGINT while reading stdin"
check "an interrupted run writes no file" test ! -e "$tmp/o/interrupted.jsonl"
check "an interrupted run leaves no temporary file" no_temp_files "$tmp/o"
check "an interrupted run says so" has "$err" "interrupted"

# ---------------------------------------------------------------------------------------
# --jobs 1 and --jobs 2 print identical output on a directory of 100 documents.
mkdir -p "$tmp/docs/sub"
python3 - "$tmp/docs" <<'PY'
import json, os, sys
root = sys.argv[1]
places = ["Gao", "Kidal", "Mopti", "Marib", "Taiz", "Aden", "Kharkiv", "Lahore", "Dhaka", "Kunduz"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
for i in range(100):
    p, d = places[i % len(places)], days[i % len(days)]
    text = (f"{p.upper()} (Test Wire) - Gunmen attacked a checkpoint near {p} on {d}, "
            f"killing {i % 9 + 1} people, a local official said. " * (1 + i % 5))
    if i % 4 == 0:
        with open(os.path.join(root, f"doc{i:03d}.jsonl"), "w") as f:
            f.write(json.dumps({"id": f"j{i}", "date": "2023-05-%02d" % (1 + i % 28), "text": text}) + "\n")
    elif i % 4 == 1:
        with open(os.path.join(root, "sub", f"doc{i:03d}.txt"), "w") as f:
            f.write(text)
    elif i % 4 == 2:
        with open(os.path.join(root, f"doc{i:03d}.html"), "w") as f:
            f.write(f"<html><head><meta name=date content=2023-06-{1 + i % 28:02d}></head>"
                    f"<body><p>{text}</p></body></html>")
    else:
        with open(os.path.join(root, f"doc{i:03d}.txt"), "w") as f:
            f.write(text)
PY
"$bin" times --jobs 1 --date 2023-05-20 "$tmp/docs" >"$tmp/j1" 2>"$err"
rc=$?
expect_rc 0 "times --jobs 1 on 100 documents"
"$bin" times --jobs 2 --date 2023-05-20 "$tmp/docs" >"$tmp/j2" 2>"$err"
rc=$?
expect_rc 0 "times --jobs 2 on 100 documents"
check "100 documents, 100 lines" test "$(lines "$tmp/j1")" = 100
check "times --jobs 1 and --jobs 2 print identical output" cmp -s "$tmp/j1" "$tmp/j2"

index=${SITREP_INDEX:-$(dirname "$bin")/gazetteer.idx}
if [[ -f $index ]]; then
  for cmd in code places; do
    "$bin" $cmd --index "$index" --jobs 1 --date 2023-05-20 "$tmp/docs" >"$tmp/c1" 2>"$err"
    rc=$?
    expect_rc 0 "$cmd --jobs 1 on 100 documents"
    "$bin" $cmd --index "$index" --jobs 2 --date 2023-05-20 "$tmp/docs" >"$tmp/c2" 2>"$err"
    rc=$?
    expect_rc 0 "$cmd --jobs 2 on 100 documents"
    check "$cmd --jobs 1 and --jobs 2 print identical output" cmp -s "$tmp/c1" "$tmp/c2"
  done
else
  echo "note: no gazetteer index at $index; code/places --jobs checks skipped" >&2
fi

# ---------------------------------------------------------------------------------------
echo "cli tests: $checks checks, $failures failed"
((failures == 0))
