// Runs one peer over a JSON Lines corpus and prints one JSON object with what it found and
// how long it took. Used by bench/measure.py (peers), which interleaves it with sitrep.
//
//   node bench/peers/peers.mjs TOOL CORPUS.jsonl
//
// TOOL:
//   chrono            chrono-node: chrono.parse(text, publication date) -> dates found
//   compromise-places compromise: nlp(text).places() -> place names found
//   compromise-dates  compromise + compromise-dates: nlp(text).dates({today}).get() -> dates
//                     with their values (the normalisation is done, as sitrep's times does)
//
// Timing: load_ms is the module import; loop_* cover reading nothing (the corpus is read and
// parsed before) and running the tool over every document: wall (performance.now) and the
// process's CPU (process.cpuUsage, user and system; V8's GC threads included).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [tool, corpus] = process.argv.slice(2);
if (!tool || !corpus) {
  console.error("usage: node peers.mjs chrono|compromise-places|compromise-dates CORPUS.jsonl");
  process.exit(2);
}

const raw = readFileSync(corpus);
const docs = raw
  .toString("utf8")
  .split("\n")
  .filter((l) => l.length)
  .map((l) => JSON.parse(l));

const t0 = performance.now();
let run;
if (tool === "chrono") {
  const chrono = await import("chrono-node");
  run = (d) => chrono.parse(d.text, d.date ? new Date(d.date + "T12:00:00Z") : new Date(0)).length;
} else if (tool === "compromise-places") {
  const nlp = (await import("compromise")).default;
  run = (d) => nlp(d.text).places().length;
} else if (tool === "compromise-dates") {
  const nlp = (await import("compromise")).default;
  const dates = (await import("compromise-dates")).default;
  nlp.plugin(dates);
  run = (d) => nlp(d.text).dates({ today: d.date, timezone: "UTC" }).get().length;
} else {
  console.error("unknown tool " + tool);
  process.exit(2);
}
const loadMs = performance.now() - t0;

let found = 0;
let textBytes = 0;
const c0 = process.cpuUsage();
const w0 = performance.now();
for (const d of docs) {
  found += run(d);
  textBytes += Buffer.byteLength(d.text, "utf8");
}
const wallMs = performance.now() - w0;
const cpu = process.cpuUsage(c0);
console.log(
  JSON.stringify({
    tool,
    docs: docs.length,
    jsonl_bytes: raw.length,
    text_bytes: textBytes,
    found,
    load_ms: loadMs,
    loop_wall_ms: wallMs,
    loop_user_ms: cpu.user / 1000,
    loop_sys_ms: cpu.system / 1000,
  }),
);
