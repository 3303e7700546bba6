#!/usr/bin/env python3
"""Runs sitrep (and its peers) as processes and measures them: wall time, user and system CPU
time, peak RSS (wait4's rusage), the machine's load meanwhile. Called by bench/run.sh and
bench/peers/run_peers.sh; each section prints figures next to their targets and appends them
to RUN_DIR/results.md (and RUN_DIR/results.json).

  bench/measure.py SECTION [options]      sections: check figures startup gbench jobs
                                          linearity instructions peers setup

MB are 10^6 bytes of JSON Lines input. "CPU" is user + system time of the measured process
(and its threads). The machine is shared: rates per CPU second are the figures to hold
against the targets; wall-time rates are printed beside them, with the load.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HZ = os.sysconf("SC_CLK_TCK")

# Targets of issue 7 (per core; start-up and RSS per process).
TARGET_MBS = {"code": 20.0, "places": 50.0, "times": 100.0, "text": 200.0}
TARGET_STARTUP_MS = 100.0
TARGET_RSS_MB = 500.0
TARGET_JOBS2 = 1.8
LINEARITY_FACTOR = 2.0


# ---------------------------------------------------------------------------------------
# Measuring one process

def busy_jiffies():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    return sum(v[:8]) - idle


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run(cmd, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, timeout=None,
        mem_limit_mb=None, env=None):
    """Runs cmd; returns wall, user, sys, cpu (s), rss_mb, rc, others (CPUs others kept busy)."""
    # No preexec_fn: it would run Python in the forked child and bill its CPU time to the
    # measured process (tens of ms); prlimit(1) sets the address-space limit instead.
    if mem_limit_mb:
        cmd = ["prlimit", "--as=%d" % int(mem_limit_mb * 1e6), "--", *cmd]
    j0, l0, t0 = busy_jiffies(), loadavg(), time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stdin=stdin, stderr=subprocess.PIPE, env=env)
    killed = []
    timer = None
    if timeout:
        def kill():
            killed.append(True)
            try:
                p.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
    err = []
    reader = threading.Thread(target=lambda: err.append(p.stderr.read()))
    reader.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    reader.join()
    if timer:
        timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    busy = (busy_jiffies() - j0) / HZ
    cpu = ru.ru_utime + ru.ru_stime
    return {
        "cmd": " ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd),
        "wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime, "cpu": cpu,
        "rss_mb": ru.ru_maxrss * 1024 / 1e6, "rc": p.returncode, "timed_out": bool(killed),
        "stderr": (err[0] if err else b"").decode("utf-8", "replace")[-2000:],
        "load": (l0 + loadavg()) / 2,
        # CPUs kept busy by everything else on the machine during the run.
        "others": max(0.0, (busy - cpu) / wall) if wall > 0 else 0.0,
    }


def others_busy(seconds=2.0):
    """CPUs kept busy by every process on the machine over `seconds` (we run nothing)."""
    j0 = busy_jiffies()
    time.sleep(seconds)
    return (busy_jiffies() - j0) / HZ / seconds


def wait_quiet(max_wait, threshold):
    """Waits (up to max_wait s) until the machine's other work keeps < threshold CPUs busy."""
    t0, busy = time.time(), others_busy()
    while busy >= threshold and time.time() - t0 < max_wait:
        time.sleep(5)
        busy = others_busy()
    return busy


def median_run(runs, key):
    return statistics.median(r[key] for r in runs)


# ---------------------------------------------------------------------------------------
# Output

class Report:
    def __init__(self, run_dir):
        self.run_dir = run_dir
        os.makedirs(run_dir, exist_ok=True)
        self.md = os.path.join(run_dir, "results.md")
        self.js = os.path.join(run_dir, "results.json")

    def section(self, title, lines, data):
        text = "\n".join(lines)
        print("\n== %s\n%s" % (title, text), flush=True)
        with open(self.md, "a") as f:
            f.write("\n## %s\n\n```\n%s\n```\n" % (title, text))
        all_data = {}
        if os.path.exists(self.js):
            with open(self.js) as f:
                all_data = json.load(f)
        all_data[title] = data
        with open(self.js, "w") as f:
            json.dump(all_data, f, indent=1)


def verdict(ok):
    return "ok" if ok else "MISSED"


def sitrep_cmd(a, mode, corpus, jobs=1, extra=()):
    return [a.sitrep, mode, "-q", "--jobs", str(jobs), "--index", a.index, *extra, corpus]


def file_mb(path):
    return os.path.getsize(path) / 1e6


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def read_expectation(path):
    e = {}
    with open(path) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                k, _, v = line.strip().partition(" ")
                e[k] = v
    return e


# ---------------------------------------------------------------------------------------
# Sections

def count_outputs(a, corpus, tmp):
    """Runs code, places and times on corpus; counts documents, events, toponyms, timexes."""
    got, runs = {}, {}
    for mode in ("code", "places", "times"):
        out = os.path.join(tmp, mode + ".jsonl")
        with open(out, "wb") as f:
            r = run(sitrep_cmd(a, mode, corpus), stdout=f)
        runs[mode] = r
        if r["rc"] != 0:
            sys.exit("%s failed (exit %d):\n%s" % (r["cmd"], r["rc"], r["stderr"]))
        n = docs = 0
        with open(out, encoding="utf-8") as f:
            for line in f:
                if mode == "code":
                    n += 1
                else:
                    docs += 1
                    n += len(json.loads(line)["toponyms" if mode == "places" else "timex"])
        got[{"code": "events", "places": "toponyms", "times": "timexes"}[mode]] = n
        if mode == "places":
            got["documents"] = docs
    return got, runs


def section_check(a, rep):
    corpus_sha = sha256(a.check)
    lines, bad = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        got, _ = count_outputs(a, a.check, tmp)
    if a.record:
        return got, corpus_sha
    exp = read_expectation(a.expected) if os.path.exists(a.expected) else {}
    lines.append("corpus %s (%.1f MB)" % (os.path.relpath(a.check, ROOT), file_mb(a.check)))
    if exp.get("corpus_sha256") != corpus_sha:
        lines.append("corpus_sha256 %s  expected %s  WRONG: the generator or the pinned "
                     "cities500 changed" % (corpus_sha, exp.get("corpus_sha256")))
        bad += 1
    for k in ("documents", "events", "toponyms", "timexes"):
        want = int(exp.get(k, -1))
        ok = got[k] == want
        bad += not ok
        lines.append("%-10s %8d  expected %8d  %s" % (k, got[k], want, "ok" if ok else "WRONG"))
    lines.append("answers: " + ("OK" if not bad else
                 "WRONG (re-record with `bench/run.sh --record` only if the change is intended)"))
    rep.section("Answers (sitrep CLI on the check corpus vs %s)" %
                os.path.relpath(a.expected, ROOT), lines, {"got": got, "expected": exp, "ok": not bad})
    return bad == 0


def section_figures(a, rep):
    mb = file_mb(a.corpus)
    with open(a.corpus, "rb") as f:
        docs = sum(1 for _ in f)
    res = {m: [] for m in ("code", "places", "times")}
    for _ in range(a.rounds):  # interleaved: code, places, times, code, ...
        for mode in res:
            r = run(sitrep_cmd(a, mode, a.corpus))
            if r["rc"] != 0:
                sys.exit("%s failed:\n%s" % (r["cmd"], r["stderr"]))
            res[mode].append(r)
    lines = ["corpus %s: %.1f MB, %d documents; --jobs 1; median of %d interleaved run(s)" %
             (os.path.relpath(a.corpus, ROOT), mb, docs, a.rounds),
             "%-7s %8s %8s %7s %7s %10s %10s %9s %8s %7s  %s" %
             ("", "wall s", "user s", "sys s", "RSS MB", "MB/s CPU", "MB/s wall", "docs/s", "target",
              "others", "")]
    data = {}
    for mode, runs in res.items():
        wall, user, sys_, cpu = (median_run(runs, k) for k in ("wall", "user", "sys", "cpu"))
        rss = max(r["rss_mb"] for r in runs)
        rate_cpu, rate_wall = mb / cpu, mb / wall
        t = TARGET_MBS[mode]
        lines.append("%-7s %8.2f %8.2f %7.2f %7.0f %10.1f %10.1f %9.0f %8s %7.2f  %s" %
                     (mode, wall, user, sys_, rss, rate_cpu, rate_wall, docs / cpu, ">=%g" % t,
                      median_run(runs, "others"), verdict(rate_cpu >= t)))
        data[mode] = {"mb": mb, "docs": docs, "wall": wall, "user": user, "sys": sys_, "cpu": cpu,
                      "rss_mb": rss, "mbs_cpu": rate_cpu, "mbs_wall": rate_wall, "runs": runs}
    rss = max(d["rss_mb"] for d in data.values())
    lines.append("peak RSS %.0f MB (target < %.0f MB): %s" % (rss, TARGET_RSS_MB,
                                                               verdict(rss < TARGET_RSS_MB)))
    lines.append("others = CPUs kept busy by other processes meanwhile (of %d)" % os.cpu_count())
    rep.section("Throughput (sitrep CLI, one job)", lines, data)
    return data


def section_startup(a, rep):
    """Process start to exit on one document: start-up plus the first document coded."""
    one = os.path.join(a.tmp, "one-doc.jsonl")
    with open(a.check, "rb") as f, open(one, "wb") as g:
        g.write(f.readline())
    res = {m: [] for m in ("code", "places", "times")}
    for _ in range(a.startup_runs):
        for mode in res:
            res[mode].append(run(sitrep_cmd(a, mode, one)))
    lines = ["one document (%d bytes); median of %d runs; page cache warm" %
             (os.path.getsize(one), a.startup_runs),
             "%-7s %9s %9s %9s %8s %7s" % ("", "wall ms", "CPU ms", "RSS MB", "target", "")]
    data = {}
    for mode, runs in res.items():
        w, c = median_run(runs, "wall") * 1e3, median_run(runs, "cpu") * 1e3
        rss = max(r["rss_mb"] for r in runs)
        lines.append("%-7s %9.1f %9.1f %9.0f %8s %7s" % (mode, w, c, rss, "<%g" % TARGET_STARTUP_MS,
                                                         verdict(w < TARGET_STARTUP_MS)))
        data[mode] = {"wall_ms": w, "cpu_ms": c, "rss_mb": rss}
    rep.section("Start-up (process start to first document coded)", lines, data)
    return data


def gbench(binary, args, tmp):
    out = os.path.join(tmp, os.path.basename(binary) + ".json")
    cmd = [binary, "--benchmark_format=console", "--benchmark_out_format=json",
           "--benchmark_out=" + out, *args]
    r = run(cmd)
    if r["rc"] != 0:
        return r, None
    with open(out) as f:
        return r, json.load(f)


def section_gbench(a, rep):
    """The Google Benchmark binaries: per-stage figures, answers checked inside each."""
    bdir = os.path.join(os.path.dirname(a.sitrep), "bench")
    idx = ["--index=" + a.index]
    plan = [
        ("pipeline_bench", ["--check=" + a.check, "--expected=" + a.expected] + idx),
        ("lexicon_bench", ["--check=" + a.check] + idx),
        ("text_bench", ["--benchmark_filter=BM_TextLayer/|BM_Tokenize|BM_Analyze"]),
        ("geo_bench", ["--benchmark_filter=GeoIndexOpen|GeoPlaces/|GeoPlacesNews"]),
        ("time_bench", ["--benchmark_filter=TimeTagger/Tag/8388608|AnalyzeAndTag"]),
    ]
    lines = ["%-46s %10s %10s %10s" % ("benchmark (single thread)", "CPU ms", "wall ms", "MB/s CPU")]
    data, failed = {}, []
    for name, args in plan:
        binary = os.path.join(bdir, name)
        if not os.path.exists(binary):
            failed.append("%s: not built" % name)
            continue
        os.environ["SITREP_INDEX"] = a.index
        r, js = gbench(binary, args + (["--benchmark_min_time=%s" % a.min_time]
                                       if a.min_time else []), a.tmp)
        if js is None:
            failed.append("%s: exit %d: %s" % (name, r["rc"], r["stderr"].strip()[-600:]))
            continue
        for b in js["benchmarks"]:
            if b.get("error_occurred"):
                failed.append("%s/%s: %s" % (name, b["name"], b.get("error_message")))
                continue
            scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
            cpu_ms, wall_ms = b["cpu_time"] * scale, b["real_time"] * scale
            mbs = b.get("MB/s")
            if mbs is None and b.get("bytes_per_second"):
                mbs = b["bytes_per_second"] / 1e6
            label = name.replace("_bench", "") + ": " + b["name"] + \
                (" " + b["label"] if b.get("label") and len(b["label"]) < 12 else "")
            lines.append("%-46s %10.2f %10.2f %10s" % (label[:46], cpu_ms, wall_ms,
                                                       "%.1f" % mbs if mbs else "-"))
            data[name + ":" + b["name"] + (":" + b["label"] if b.get("label") else "")] = {
                "cpu_ms": cpu_ms, "wall_ms": wall_ms, "mbs": mbs,
                **{k: v for k, v in b.items() if isinstance(v, (int, float))}}
    lines += ["FAILED " + f for f in failed]
    lines.append("(MB/s from CPU time, JSON Lines bytes of each benchmark's own corpus; "
                 "pipeline/lexicon use bench/corpus)")
    rep.section("Google Benchmark (in process)", lines, {"benchmarks": data, "failed": failed})
    return data, failed


def section_jobs(a, rep):
    mb = file_mb(a.jobs_corpus)
    res = {1: [], 2: []}
    quiet = []
    for _ in range(a.jobs_rounds):
        # 2 jobs need 2 free cores: wait (a while) for the other engineers' builds to pause.
        quiet.append(wait_quiet(a.quiet_wait, 0.3))
        for j in (1, 2):
            r = run(sitrep_cmd(a, "code", a.jobs_corpus, jobs=j))
            if r["rc"] != 0:
                sys.exit("%s failed:\n%s" % (r["cmd"], r["stderr"]))
            res[j].append(r)
    m = {j: {k: median_run(rs, k) for k in ("wall", "user", "sys", "cpu", "others", "load")}
         for j, rs in res.items()}
    speed = m[1]["wall"] / m[2]["wall"]
    # What 2 jobs would give on 2 idle cores: the CPU work is the same if the runner adds no
    # serial part; cpu(1)/cpu(2)*2 bounds the speed-up from the CPU time alone.
    cpu_bound = 2 * m[1]["cpu"] / m[2]["cpu"]
    lines = ["sitrep code on %s (%.1f MB); median of %d interleaved rounds, each started "
             "when other work kept < 0.3 CPUs busy or after %d s of waiting (it kept %s)" %
             (os.path.relpath(a.jobs_corpus, ROOT), mb, a.jobs_rounds, a.quiet_wait,
              ", ".join("%.2f" % q for q in quiet)),
             "%-8s %8s %8s %8s %10s %8s %7s" % ("", "wall s", "user s", "sys s", "MB/s wall",
                                               "others", "load")]
    for j in (1, 2):
        lines.append("--jobs %d %8.2f %8.2f %8.2f %10.1f %8.2f %7.2f" %
                     (j, m[j]["wall"], m[j]["user"], m[j]["sys"], mb / m[j]["wall"],
                      m[j]["others"], m[j]["load"]))
    lines.append("speed-up (wall) %.2fx  target >= %.1fx: %s" % (speed, TARGET_JOBS2,
                                                                verdict(speed >= TARGET_JOBS2)))
    lines.append("CPU time 2 jobs / 1 job: %.3f (1.0 = no parallel overhead); speed-up the CPU "
                 "time allows on 2 idle cores: %.2fx" % (m[2]["cpu"] / m[1]["cpu"], cpu_bound))
    lines.append("others = CPUs other processes kept busy meanwhile (of %d): on a shared "
                 "machine the wall speed-up is capped near 2 - others" % os.cpu_count())
    rep.section("--jobs scaling", lines, {"runs": res, "speedup_wall": speed,
                                          "speedup_cpu_bound": cpu_bound})


def section_linearity(a, rep, base):
    """Per-byte cost of pathological inputs against the news corpus's (same mode)."""
    gen = os.path.join(ROOT, "bench/corpus/gen_corpus.py")
    out = os.path.join(ROOT, "bench/corpus/out")
    cases = [  # (name, kind, sizes (bytes or docs), the size the issue names)
        ("no punctuation", "nopunct", [1_250_000, 2_500_000, 5_000_000, 10_000_000], 10_000_000),
        ("one sentence", "sentence", [125_000, 250_000, 500_000, 1_000_000], 1_000_000),
        ("tiny documents", "tiny", [100_000], 100_000),
        ("long document", "long", [1_000_000, 2_000_000, 4_000_000, 8_000_000], 8_000_000),
    ]
    lines = ["CPU seconds per MB against the news corpus's (%s), same command, --jobs 1;"
             % os.path.relpath(a.corpus, ROOT),
             "limits: %d MB of address space, %d s per run; sizes past a failed or too slow run "
             "are skipped" % (a.mem_limit_mb, a.lin_timeout),
             "%-16s %-7s %10s %9s %9s %7s %8s %s" % ("input", "mode", "size", "CPU s", "s/MB",
                                                     "x news", "RSS MB", "")]
    data = []
    for name, kind, sizes, named in cases:
        for mode in a.lin_modes:
            base_spm = base[mode]["cpu"] / base[mode]["mb"]
            prev = None
            for size in sizes:
                fn = os.path.join(out, "%s-%d.jsonl" % (kind, size))
                if not os.path.exists(fn):
                    arg = ["--docs", str(size)] if kind == "tiny" else ["--bytes", str(size)]
                    subprocess.run([sys.executable, gen, "--kind", kind, *arg, "--seed", "3",
                                    "-o", fn], check=True, stderr=subprocess.DEVNULL)
                mb = file_mb(fn)
                if prev and prev.get("skip"):
                    lines.append("%-16s %-7s %10s %9s %9s %7s %8s %s" %
                                 (name, mode, size, "-", "-", "-", "-", "skipped: " + prev["skip"]))
                    data.append({"input": name, "mode": mode, "size": size, "skipped": prev["skip"]})
                    continue
                r = run(sitrep_cmd(a, mode, fn), timeout=a.lin_timeout,
                        mem_limit_mb=a.mem_limit_mb)
                spm = r["cpu"] / mb
                x = spm / base_spm
                note = ""
                if r["timed_out"]:
                    note = "TIMED OUT after %d s" % a.lin_timeout
                elif r["rc"] != 0:
                    oom = "bad_alloc" in r["stderr"] or "memory" in r["stderr"]
                    note = "FAILED (exit %d%s)" % (r["rc"], ", out of memory" if oom else "")
                else:
                    note = verdict(x <= LINEARITY_FACTOR) if size == named else ""
                if prev and not note.startswith(("TIMED", "FAILED")):
                    grow = (r["cpu"] / prev["cpu"]) / (size / prev["size"]) if prev["cpu"] > 0 else 0
                    note += "  (x%.2f per byte vs half size)" % grow
                lines.append("%-16s %-7s %10d %9.2f %9.3f %7.2f %8.0f %s" %
                             (name, mode, size, r["cpu"], spm, x, r["rss_mb"], note))
                rec = {"input": name, "mode": mode, "size": size, "mb": mb, "cpu": r["cpu"],
                       "wall": r["wall"], "rss_mb": r["rss_mb"], "x_news": x, "rc": r["rc"],
                       "timed_out": r["timed_out"]}
                data.append(rec)
                skip = None
                if r["timed_out"] or r["rc"] != 0:
                    skip = "the smaller input failed"
                elif r["cpu"] * 4.5 > a.lin_timeout:  # a doubling of a quadratic path
                    skip = "would take over %d s (x4 per doubling)" % a.lin_timeout
                prev = {"cpu": r["cpu"], "size": size, "skip": skip}
    lines.append("target: each named input (10 MB without punctuation, 1 MB sentence, 100,000 "
                 "documents) within %gx of the news corpus's s/MB" % LINEARITY_FACTOR)
    rep.section("Linearity", lines, data)


def section_instructions(a, rep):
    """Instructions per byte (valgrind callgrind): a figure the machine's load cannot move."""
    if not shutil.which("valgrind"):
        rep.section("Instructions", ["valgrind not installed: skipped"], {})
        return
    small = os.path.join(a.tmp, "instr-corpus.jsonl")
    one = os.path.join(a.tmp, "instr-one.jsonl")
    with open(a.check, "rb") as f, open(small, "wb") as g, open(one, "wb") as h:
        n = 0
        for line in f:
            if n == 0:
                h.write(line)
            g.write(line)
            n += len(line)
            if n >= a.instr_bytes:
                break
    mb = file_mb(small) - file_mb(one)

    def ir(mode, path):
        cg = os.path.join(a.tmp, "callgrind.out")
        r = run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg, *sitrep_cmd(a, mode, path)])
        total = None
        with open(cg) as f:
            for line in f:
                if line.startswith("summary:") or line.startswith("totals:"):
                    total = int(line.split()[1])
        os.unlink(cg)
        return total, r

    lines = ["valgrind --tool=callgrind; instructions of a run on %.2f MB minus a run on its "
             "first document (start-up)" % file_mb(small),
             "%-7s %14s %14s %12s %12s" % ("", "start-up Ir", "per MB Ir", "Ir/byte", "")]
    data = {}
    for mode in ("code", "places", "times"):
        i1, _ = ir(mode, one)
        i2, _ = ir(mode, small)
        if i1 is None or i2 is None:
            lines.append("%-7s callgrind failed" % mode)
            continue
        per_byte = (i2 - i1) / (mb * 1e6)
        lines.append("%-7s %14d %14.0f %12.0f" % (mode, i1, (i2 - i1) / mb, per_byte))
        data[mode] = {"startup_ir": i1, "ir_per_byte": per_byte}
    rep.section("Instructions (callgrind)", lines, data)


def section_peers(a, rep):
    node = shutil.which("node")
    script = os.path.join(ROOT, "bench/peers/peers.mjs")
    sub_dir = os.path.join(ROOT, "bench/peers/out")
    os.makedirs(sub_dir, exist_ok=True)

    def subset(limit):
        fn = os.path.join(sub_dir, "subset-%d.jsonl" % limit)
        with open(a.check, "rb") as f, open(fn, "wb") as g:
            n = 0
            for line in f:
                if n + len(line) > limit and n:
                    break
                g.write(line)
                n += len(line)
        return fn

    pairs = [  # (peer tool, sitrep mode, subset bytes)
        ("chrono", "times", a.chrono_bytes),
        ("compromise-places", "places", a.compromise_bytes),
        ("compromise-dates", "times", a.compromise_bytes),
    ]
    results = {p: {"peer": [], "sitrep": [], "startup": [], "full": []} for p, _, _ in pairs}
    files = {p: subset(b) for p, _, b in pairs}
    one = os.path.join(a.tmp, "peer-one.jsonl")
    with open(a.check, "rb") as f, open(one, "wb") as g:
        g.write(f.readline())
    found_sitrep = {}
    for _ in range(a.peer_rounds):  # interleaved: sitrep, peer, sitrep, peer, ...
        for peer, mode, _ in pairs:
            with tempfile.TemporaryFile() as out:
                r = run(sitrep_cmd(a, mode, files[peer]), stdout=out)
                out.seek(0)
                key = "toponyms" if mode == "places" else "timex"
                found_sitrep[peer] = sum(len(json.loads(l)[key]) for l in out if l.strip())
            results[peer]["sitrep"].append(r)
            results[peer]["startup"].append(run(sitrep_cmd(a, mode, one)))
            results[peer]["full"].append(run(sitrep_cmd(a, mode, a.check)))
            with tempfile.TemporaryFile() as out:
                r = run([node, script, peer, files[peer]], stdout=out)
                out.seek(0)
                txt = out.read().decode()
            if r["rc"] != 0:
                sys.exit("peer %s failed:\n%s" % (peer, r["stderr"]))
            r["result"] = json.loads(txt)
            results[peer]["peer"].append(r)
    lines = ["same prefix of %s for both; %d interleaved round(s), medians; others = CPUs busy "
             "with other work" % (os.path.relpath(a.check, ROOT), a.peer_rounds),
             "throughput: peer's loop over the prefix (node start and module load excluded) vs",
             "            sitrep over the whole check corpus (%.1f MB) minus its start-up (a one-"
             "document run)" % file_mb(a.check),
             "whole run:  both processes from start to exit on the same prefix",
             "%-17s %6s %6s %9s %9s %9s %10s %10s %6s" %
             ("", "MB", "found", "CPU s", "wall s", "MB/s CPU", "x thr. CPU", "x run CPU", "others")]
    data = {}
    for peer, mode, _ in pairs:
        mb = file_mb(files[peer])
        pr = results[peer]["peer"]
        p_cpu = statistics.median((x["result"]["loop_user_ms"] + x["result"]["loop_sys_ms"]) / 1e3
                                  for x in pr)
        p_wall = statistics.median(x["result"]["loop_wall_ms"] / 1e3 for x in pr)
        p_run_cpu, p_run_wall = median_run(pr, "cpu"), median_run(pr, "wall")
        s_run_cpu = median_run(results[peer]["sitrep"], "cpu")
        s_run_wall = median_run(results[peer]["sitrep"], "wall")
        s0_cpu = median_run(results[peer]["startup"], "cpu")
        s0_wall = median_run(results[peer]["startup"], "wall")
        # sitrep's seconds for `mb` at its throughput on the whole check corpus
        full_mb = file_mb(a.check)
        s_cpu = (median_run(results[peer]["full"], "cpu") - s0_cpu) * mb / full_mb
        s_wall = (median_run(results[peer]["full"], "wall") - s0_wall) * mb / full_mb
        found = pr[0]["result"]["found"]
        lines.append("%-17s %6.2f %6d %9.2f %9.2f %9.3f %10s %10s %6.2f" %
                     (peer, mb, found, p_cpu, p_wall, mb / p_cpu, "", "", median_run(pr, "others")))
        lines.append("%-17s %6.2f %6d %9.3f %9.3f %9.1f %9.0fx %9.0fx %6.2f" %
                     ("  sitrep " + mode, mb, found_sitrep[peer], s_cpu, s_wall, mb / s_cpu,
                      p_cpu / s_cpu, p_run_cpu / s_run_cpu,
                      median_run(results[peer]["sitrep"], "others")))
        data[peer] = {"mb": mb, "mode": mode, "peer_loop_cpu": p_cpu, "peer_loop_wall": p_wall,
                      "peer_run_cpu": p_run_cpu, "peer_run_wall": p_run_wall,
                      "sitrep_run_cpu": s_run_cpu, "sitrep_run_wall": s_run_wall,
                      "sitrep_startup_cpu": s0_cpu, "sitrep_startup_wall": s0_wall,
                      "ratio_throughput_cpu": p_cpu / s_cpu, "ratio_throughput_wall": p_wall / s_wall,
                      "ratio_run_cpu": p_run_cpu / s_run_cpu, "ratio_run_wall": p_run_wall / s_run_wall,
                      "peer_found": found, "sitrep_found": found_sitrep[peer]}
    lines.append("x = how many times faster sitrep is (peer CPU time / sitrep CPU time); wall "
                 "ratios are in results.json")
    lines.append("found: dates or places each tool reported (sitrep: timexes or toponyms); not "
                 "a measure of correctness")
    rep.section("Peers (side by side)", lines, data)


def source_note(a):
    bdir = os.path.dirname(os.path.abspath(a.sitrep))
    src = None
    with open(os.path.join(bdir, "CMakeCache.txt")) as f:
        for line in f:
            if line.startswith("CMAKE_HOME_DIRECTORY:"):
                src = line.split("=", 1)[1].strip()
    stamp = os.path.join(os.path.dirname(src or ""), "src.commit")
    if src and os.path.abspath(src) != ROOT and os.path.exists(stamp):
        with open(stamp) as f:
            commit = f.read().strip()
        log = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%H %s", commit],
                             capture_output=True, text=True).stdout.strip()
        return "built from a snapshot of commit %s (git archive; no uncommitted changes)" % log
    log = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%H %s"], capture_output=True,
                         text=True).stdout.strip()
    st = subprocess.run(["git", "-C", ROOT, "status", "--short", "--untracked-files=no"],
                        capture_output=True, text=True).stdout.strip()
    return ("built from the working tree at %s, with these uncommitted changes:\n```\n%s\n```"
            % (log, st or "(none)"))


def section_setup(a, rep):
    """README.SETUP: the machine, as ripgrep's benchsuite records it."""
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except Exception as e:  # noqa: BLE001
            return str(e)
    rel = os.path.relpath
    text = """# Machine and build of this run

Run by `bench/run.sh` on %(date)s.

## Host
hostname: %(host)s
kernel: %(kernel)s

### lscpu
```
%(lscpu)s
```

### memory (free -m)
```
%(free)s
```

### load when the run started (/proc/loadavg; uptime)
```
%(uptime)s
```
The machine is shared by several engineers building and testing at the same time: wall
times move with their load. Throughput targets are checked against CPU time (user + system of
the measured process); every section also prints wall time and the load ("others": CPUs
other processes kept busy during each run, from /proc/stat). Hardware performance counters
are not available in this VM (perf stat: instructions <not supported>), so instruction
counts come from valgrind's callgrind.

## Build
compiler: %(cxx)s
cmake: %(cmake)s
build type: %(btype)s (-O2 -g), build dir %(bdir)s
Google Benchmark: Debian libbenchmark-dev %(gbench)s (it prints "Library was built as DEBUG":
that is the Debian package's own build, not sitrep's)
node: %(node)s

## Source
%(source)s

## Inputs
gazetteer index: %(index)s (%(index_mb).1f MB)
corpus: %(corpus)s
check corpus: %(check)s
""" % {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S %Z").strip(),
        "host": socket.gethostname(), "kernel": platform.release(),
        "lscpu": sh("lscpu"), "free": sh("free -m"), "uptime": sh("cat /proc/loadavg; uptime"),
        "cxx": sh("c++ --version | head -1"), "cmake": sh("cmake --version | head -1"),
        "btype": sh("grep CMAKE_BUILD_TYPE: %s/CMakeCache.txt | cut -d= -f2" %
                    os.path.dirname(a.sitrep)),
        "bdir": rel(os.path.dirname(a.sitrep), ROOT),
        "gbench": sh("dpkg-query -W -f='${Version}' libbenchmark-dev"),
        "node": sh("node --version"),
        "source": source_note(a),
        "index": rel(a.index, ROOT), "index_mb": file_mb(a.index),
        "corpus": "%s (%.1f MB, sha256 %s)" % (rel(a.corpus, ROOT), file_mb(a.corpus), sha256(a.corpus)),
        "check": "%s (%.1f MB, sha256 %s)" % (rel(a.check, ROOT), file_mb(a.check), sha256(a.check)),
    }
    with open(os.path.join(a.run_dir, "README.SETUP"), "w") as f:
        f.write(text)
    print("wrote " + os.path.join(a.run_dir, "README.SETUP"))


def section_summary(a, rep):
    """Every figure next to its target, from this run's results.json."""
    with open(rep.js) as f:
        d = json.load(f)
    rows = []

    def row(name, cpu, wall, target, ok, unit):
        rows.append("%-34s %12s %12s %12s  %s" % (name, cpu, wall, target + unit, verdict(ok)))

    fig = d.get("Throughput (sitrep CLI, one job)", {})
    for mode in ("code", "places", "times"):
        if mode in fig:
            x = fig[mode]
            row("%s (CLI, %.0f MB, 1 job)" % (mode, x["mb"]), "%.1f" % x["mbs_cpu"],
                "%.1f" % x["mbs_wall"], ">=%g" % TARGET_MBS[mode], x["mbs_cpu"] >= TARGET_MBS[mode],
                " MB/s")
    gb = d.get("Google Benchmark (in process)", {}).get("benchmarks", {})
    for key, name in (("text_bench:BM_TextLayer/8388608", "text layer (text_bench, 8 MB)"),
                      ("pipeline_bench:Stage/read+text", "text layer (read+analyze, corpus)")):
        if key in gb and gb[key].get("mbs"):
            x = gb[key]
            wall = x["mbs"] * x["cpu_ms"] / x["wall_ms"] if x["wall_ms"] else 0
            row(name, "%.1f" % x["mbs"], "%.1f" % wall, ">=%g" % TARGET_MBS["text"],
                x["mbs"] >= TARGET_MBS["text"], " MB/s")
    st = d.get("Start-up (process start to first document coded)", {})
    for mode in ("code", "places", "times"):
        if mode in st:
            row("start-up %s (1 document)" % mode, "%.1f" % st[mode]["cpu_ms"],
                "%.1f" % st[mode]["wall_ms"], "<%g" % TARGET_STARTUP_MS,
                st[mode]["wall_ms"] < TARGET_STARTUP_MS, " ms")
    if fig:
        rss = max(x["rss_mb"] for x in fig.values())
        row("peak RSS (code/places/times)", "%.0f" % rss, "", "<%g" % TARGET_RSS_MB,
            rss < TARGET_RSS_MB, " MB")
    jb = d.get("--jobs scaling", {})
    if jb:
        row("--jobs 2 vs 1 (code)", "%.2f" % jb["speedup_cpu_bound"], "%.2f" % jb["speedup_wall"],
            ">=%g" % TARGET_JOBS2, jb["speedup_wall"] >= TARGET_JOBS2, "x")
    lin = d.get("Linearity", [])
    named = {"no punctuation": 10_000_000, "one sentence": 1_000_000, "tiny documents": 100_000}
    for x in lin:
        if x.get("input") in named and x.get("size") == named[x["input"]]:
            if "skipped" in x:
                row("linearity %s %s" % (x["input"], x["mode"]), "skipped", "", "<=2", False, "x")
            else:
                bad = x["rc"] != 0 or x["timed_out"]
                row("linearity %s %s" % (x["input"], x["mode"]),
                    "failed" if bad else "%.2fx" % x["x_news"], "", "<=%g" % LINEARITY_FACTOR,
                    not bad and x["x_news"] <= LINEARITY_FACTOR, "x")
    peers = d.get("Peers (side by side)", {})
    for peer, x in peers.items():
        rows.append("%-34s %11.0fx %11.0fx %12s" % (
            "vs %s (sitrep %s), throughput" % (peer, x["mode"]), x["ratio_throughput_cpu"],
            x["ratio_throughput_wall"], ""))
        rows.append("%-34s %11.0fx %11.0fx %12s" % (
            "vs %s, whole run on %.2f MB" % (peer, x["mb"]), x["ratio_run_cpu"],
            x["ratio_run_wall"], ""))
    lines = ["%-34s %12s %12s %12s" % ("figure", "CPU-based", "wall-based", "target")] + rows
    lines.append("CPU-based: MB/s per CPU second (user + system) of the process, or its CPU ms; "
                 "jobs: the speed-up its CPU times allow")
    rep.section("Summary: figures and targets", lines, {"rows": rows})


# ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sections", nargs="+",
                    help="check figures startup gbench jobs linearity instructions peers setup, "
                         "or record")
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build-bench/obj/sitrep"))
    ap.add_argument("--index", default=os.path.join(ROOT, "build-bench/obj/gazetteer.idx"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "bench/corpus/out/news-100mb-seed7.jsonl"))
    ap.add_argument("--check", default=os.path.join(ROOT, "bench/corpus/out/news-5mb-seed1.jsonl"))
    ap.add_argument("--expected", default=os.path.join(ROOT, "bench/expected/news-5mb-seed1.txt"))
    ap.add_argument("--jobs-corpus", default=None, help="default: --corpus")
    ap.add_argument("--run-dir", default=None)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--startup-runs", type=int, default=7)
    ap.add_argument("--jobs-rounds", type=int, default=3)
    ap.add_argument("--quiet-wait", type=int, default=120,
                    help="jobs: seconds to wait for the machine to be quiet before each round")
    ap.add_argument("--min-time", default=None, help="--benchmark_min_time for gbench")
    ap.add_argument("--lin-modes", default="code,places,times")
    ap.add_argument("--lin-timeout", type=int, default=120)
    ap.add_argument("--mem-limit-mb", type=int, default=3000)
    ap.add_argument("--instr-bytes", type=int, default=1_000_000)
    ap.add_argument("--peer-rounds", type=int, default=3)
    ap.add_argument("--chrono-bytes", type=int, default=1_000_000)
    ap.add_argument("--compromise-bytes", type=int, default=200_000)
    a = ap.parse_args()
    a.jobs_corpus = a.jobs_corpus or a.corpus
    a.lin_modes = a.lin_modes.split(",")
    a.record = False
    if not a.run_dir:
        a.run_dir = os.path.join(ROOT, "bench/runs/%s-%s" % (
            datetime.date.today().isoformat(), socket.gethostname().split(".")[0]))
    rep = Report(a.run_dir)
    a.tmp = tempfile.mkdtemp(prefix="sitrep-bench-")
    rc = 0
    try:
        base = None
        for s in a.sections:
            if s == "record":
                a.record = True
                got, sha = section_check(a, rep)
                with open(a.expected, "w") as f:
                    f.write("# Answers of sitrep on the answer-check corpus (bench/corpus/gen_corpus.py "
                            "--mb 5 --seed 1).\n# Checked by bench/run.sh (the CLI) and "
                            "pipeline_bench (in process). Re-record, after\n# reviewing why "
                            "they changed, with: bench/run.sh --record\n")
                    f.write("corpus_sha256 %s\n" % sha)
                    for k in ("documents", "events", "toponyms", "timexes"):
                        f.write("%s %d\n" % (k, got[k]))
                print("recorded " + a.expected)
            elif s == "check":
                if not section_check(a, rep):
                    rc = 1
            elif s == "figures":
                base = section_figures(a, rep)
            elif s == "startup":
                section_startup(a, rep)
            elif s == "gbench":
                _, failed = section_gbench(a, rep)
                if failed:
                    rc = 1
            elif s == "jobs":
                section_jobs(a, rep)
            elif s == "linearity":
                if base is None:
                    base = section_figures(a, rep)
                section_linearity(a, rep, base)
            elif s == "instructions":
                section_instructions(a, rep)
            elif s == "peers":
                section_peers(a, rep)
            elif s == "setup":
                section_setup(a, rep)
            elif s == "summary":
                section_summary(a, rep)
            else:
                sys.exit("unknown section " + s)
    finally:
        shutil.rmtree(a.tmp, ignore_errors=True)
    sys.exit(rc)


if __name__ == "__main__":
    main()
