// Browser test of `sitrep report`: builds the report of the example reports, opens it in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core pinned in
// tools/test.lock) with every request intercepted, and checks that
//   - the map has a marker per located event, the table a row per event;
//   - filtering by type (and by actor) shows exactly the matching events, and reset shows all;
//   - each event's evidence, place and date are highlighted at the right words of its report;
//   - nothing but the file itself is requested, and the page raises no error;
//   - print layout hides the filters;
//   - at scale (the examples copied to a few thousand events) the page loads and filters in
//     bounded time: the timings are printed and saved to timings.json.
// It saves screenshots into the output folder. Exit codes: 0 pass, 1 fail, 77 skipped
// (no chromium, playwright-core or gazetteer index).
//
//   node report_browser_test.mjs --sitrep build/sitrep --index build/gazetteer.idx
//        --input examples/reports.jsonl --npm third_party/npm --out build/test-output/report_browser
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
for (const k of ["sitrep", "index", "input", "npm", "out"]) {
  if (!args[k]) {
    console.error(`usage: node report_browser_test.mjs --sitrep BIN --index IDX --input FILE --npm DIR --out DIR (missing --${k})`);
    process.exit(2);
  }
}
const chromiumPath = process.env.SITREP_CHROMIUM || "/usr/bin/chromium";
const playwrightDir = path.resolve(args.npm, "playwright-core", "package");
function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}
if (!existsSync(args.index)) skip(`no gazetteer index at ${args.index} (./setup.sh builds it)`);
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install chromium; ./setup.sh test does)`);
if (!existsSync(playwrightDir)) skip(`no playwright-core in ${playwrightDir} (tools/fetch_data.sh tools/test.lock)`);
const { chromium } = createRequire(import.meta.url)(playwrightDir);

mkdirSync(args.out, { recursive: true });
const reportPath = path.resolve(args.out, "report.html");
const fileUrl = pathToFileURL(reportPath).href;

// The events as JSON Lines: what the page must show.
const jsonl = execFileSync(args.sitrep, ["code", "--quiet", "--index", args.index, args.input], { encoding: "utf8" });
const events = jsonl.split("\n").filter(Boolean).map((l) => JSON.parse(l));
execFileSync(args.sitrep, ["report", "--quiet", "--index", args.index, "--title", "Example reports", "-o", reportPath, args.input]);

// Markers of one place may overlap: click the marker itself, not whatever is on top of it.
const clickMarker = (page, id) => page.$eval(`#map circle.marker[data-event="${id}"]`,
  (n) => n.dispatchEvent(new MouseEvent("click", { bubbles: true })));

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL: ${name}${detail ? ": " + detail : ""}`);
  }
}
const located = events.filter((e) => e.where && e.where.lat !== null && e.where.lon !== null);
check("the examples give events to check", events.length >= 5 && located.length >= 3, `${events.length} events, ${located.length} located`);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requested = [], blocked = [], errors = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === fileUrl) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  page.on("request", (r) => requested.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  await page.goto(fileUrl);
  await page.waitForSelector("html[data-ready='true']", { timeout: 30000 });

  // One marker per located event, and a row per event, in order.
  const markerIds = await page.$$eval("#map circle.marker", (ns) => ns.map((n) => n.getAttribute("data-event")));
  check("a marker per located event", markerIds.length === located.length, `${markerIds.length} markers, ${located.length} located events`);
  check("markers are the located events", JSON.stringify([...markerIds].sort()) === JSON.stringify(located.map((e) => e.id).sort()));
  const rowIds = await page.$$eval("#events tbody tr.event", (ns) => ns.map((n) => n.getAttribute("data-event")));
  check("a row per event", rowIds.length === events.length, `${rowIds.length} rows, ${events.length} events`);
  check("rows in the events' order", JSON.stringify(rowIds) === JSON.stringify(events.map((e) => e.id)));
  const countries = await page.$$eval("#map path.land", (ns) => ns.length);
  check("country outlines drawn", countries > 20, `${countries} country paths`);
  const timelineItems = await page.$$eval("#timeline .tl-item", (ns) => ns.length);
  check("a timeline item per dated event", timelineItems === events.filter((e) => e.when && e.when.date).length, `${timelineItems} items`);

  const visibleRows = () => page.$$eval("#events tbody tr.event", (ns) => ns.filter((n) => !n.hidden).map((n) => n.getAttribute("data-event")));
  const visibleMarkers = () => page.$$eval("#map circle.marker", (ns) => ns.filter((n) => n.style.display !== "none").map((n) => n.getAttribute("data-event")));

  // Filtering by type: every type present, one after the other.
  const types = [...new Set(events.map((e) => e.type))];
  for (const type of types) {
    await page.selectOption("#f-type", type);
    const want = events.filter((e) => e.type === type).map((e) => e.id);
    const wantOnMap = located.filter((e) => e.type === type).map((e) => e.id).sort();
    const rows = await visibleRows();
    check(`type filter "${type}": rows`, JSON.stringify(rows) === JSON.stringify(want), `${rows.length} rows, want ${want.length}`);
    const markers = (await visibleMarkers()).sort();
    check(`type filter "${type}": markers`, JSON.stringify(markers) === JSON.stringify(wantOnMap), `${markers.length} markers, want ${wantOnMap.length}`);
    const count = await page.textContent("#f-count");
    check(`type filter "${type}": count`, want.length === events.length ? /all/.test(count) : count.startsWith(`${want.length} of ${events.length}`), count);
  }
  await page.click("#f-reset");
  check("reset shows every row", (await visibleRows()).length === events.length);

  // Filtering by actor (case- and accent-insensitive substring of names and words).
  const fold = (s) => (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const actorWord = "police";
  await page.fill("#f-actor", actorWord);
  const wantActor = events.filter((e) => [e.actor1, e.actor2].some((a) => a && (fold(a.name).includes(actorWord) || fold(a.text).includes(actorWord)))).map((e) => e.id);
  check("actor filter", JSON.stringify(await visibleRows()) === JSON.stringify(wantActor), `want ${wantActor.length}`);
  await page.click("#f-reset");

  // Date filter: the first day with events.
  const firstDay = events.map((e) => e.when && e.when.date).filter((d) => d && d.length === 10).sort()[0];
  if (firstDay) {
    await page.fill("#f-from", firstDay);
    await page.fill("#f-to", firstDay);
    await page.dispatchEvent("#f-to", "change");
    const rows = await visibleRows();
    check("date filter keeps only events on that day", rows.length > 0 && rows.every((id) => {
      const e = events.find((x) => x.id === id);
      return e.when && e.when.date <= firstDay && (e.when.end_date || e.when.date) >= firstDay;
    }), `${rows.length} rows on ${firstDay}`);
    await page.click("#f-reset");
  }

  // Evidence: select each event in the table; the marked words must be the record's.
  let evidenceOk = 0;
  for (const e of events) {
    await page.click(`#events tbody tr.event[data-event="${e.id}"]`);
    const got = await page.evaluate(() => {
      const text = (sel) => Array.from(document.querySelectorAll("#evidence .passage " + sel)).map((n) => n.textContent).join("");
      const notes = Array.from(document.querySelectorAll("#evidence .note span")).map((n) => n.className + ":" + n.textContent);
      return { evidence: text(".hl-evidence"), place: text(".hl-place"), date: text(".hl-date"), notes };
    });
    let ok = got.evidence === e.evidence.text;
    // A place or date named in the passage is marked there, else quoted below it.
    if (e.where && e.where.start !== null && e.where.end > e.where.start) {
      ok = ok && (got.place.includes(e.where.text) || got.notes.includes("hl-place:" + e.where.text));
    }
    if (e.when && e.when.text) {
      ok = ok && (got.date.includes(e.when.text) || got.notes.includes("hl-date:" + e.when.text));
    }
    if (ok) evidenceOk++;
    else check(`evidence of ${e.id}`, false, JSON.stringify({ got, want: { evidence: e.evidence.text, place: e.where && e.where.text, date: e.when && e.when.text } }));
  }
  check("evidence, place and date marked for every event", evidenceOk === events.length, `${evidenceOk}/${events.length}`);

  // Selecting on the map shows the event in the table.
  if (located.length) {
    await clickMarker(page, located[0].id);
    const sel = await page.$$eval("#events tbody tr.selected", (ns) => ns.map((n) => n.getAttribute("data-event")));
    check("a marker selects its row", JSON.stringify(sel) === JSON.stringify([located[0].id]));
  }

  // Print: the filters go, the map stays.
  await page.emulateMedia({ media: "print" });
  const printDisplay = await page.$eval("#filters", (n) => getComputedStyle(n).display);
  const mapPrinted = await page.$eval("#map svg", (n) => getComputedStyle(n).display !== "none");
  check("print hides the filters and keeps the map", printDisplay === "none" && mapPrinted, printDisplay);
  await page.emulateMedia({ media: "screen" });

  // Screenshots: the first screen with the deadliest event selected, and the whole page.
  const deadliest = located.slice().sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0))[0];
  if (deadliest) await clickMarker(page, deadliest.id);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(args.out, "report.png") });
  await page.screenshot({ path: path.join(args.out, "report-full.png"), fullPage: true });

  const others = requested.filter((u) => u !== fileUrl);
  check("no request leaves the page", blocked.length === 0 && others.length === 0, JSON.stringify({ blocked, others }));
  check("no script error", errors.length === 0, errors.join(" | "));
  await context.close();

  // Scale: the example reports copied under new ids until there are a few thousand events.
  const copies = Math.max(1, Math.ceil(3000 / events.length));
  const lines = readFileSync(args.input, "utf8").split("\n").filter(Boolean);
  const big = [];
  for (let k = 0; k < copies; k++) {
    for (const l of lines) {
      const d = JSON.parse(l);
      d.id = `${d.id}-${k}`;
      big.push(JSON.stringify(d));
    }
  }
  const bigInput = path.join(args.out, "scale.jsonl");
  const bigReport = path.join(args.out, "scale.html");
  writeFileSync(bigInput, big.join("\n") + "\n");
  let t0 = Date.now();
  execFileSync(args.sitrep, ["report", "--quiet", "--index", args.index, "-o", bigReport, bigInput]);
  const timings = { documents: big.length, events: events.length * copies, report_seconds: (Date.now() - t0) / 1000,
                    report_bytes: statSync(bigReport).size };
  const ctx2 = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page2 = await ctx2.newPage();
  const bigUrl = pathToFileURL(bigReport).href;
  const leaks = [];
  await page2.route("**/*", (route) => {
    if (route.request().url() === bigUrl) return route.continue();
    leaks.push(route.request().url());
    return route.abort();
  });
  const errors2 = [];
  page2.on("pageerror", (e) => errors2.push(String(e)));
  t0 = Date.now();
  await page2.goto(bigUrl);
  await page2.waitForSelector("html[data-ready='true']", { timeout: 60000 });
  timings.load_seconds = (Date.now() - t0) / 1000;
  timings.script_ready_ms = await page2.evaluate(() => Math.round(window.sitrepReadyMs));
  const rows2 = await page2.$$eval("#events tbody tr.event", (ns) => ns.length);
  const markers2 = await page2.$$eval("#map circle.marker", (ns) => ns.length);
  check("scale: a row per event", rows2 === timings.events, `${rows2} rows`);
  check("scale: a marker per located event", markers2 === located.length * copies, `${markers2} markers`);
  const type0 = types[0];
  timings.filter_ms = await page2.evaluate((t) => {
    const sel = document.getElementById("f-type");
    const start = performance.now();
    sel.value = t;
    sel.dispatchEvent(new Event("change"));
    return Math.round(performance.now() - start);
  }, type0);
  const shown = await page2.$$eval("#events tbody tr.event", (ns) => ns.filter((n) => !n.hidden).length);
  check("scale: type filter", shown === events.filter((e) => e.type === type0).length * copies, `${shown} rows`);
  timings.select_ms = await page2.evaluate(() => {
    const row = document.querySelector("#events tbody tr.event:not([hidden])");
    const start = performance.now();
    row.click();
    return Math.round(performance.now() - start);
  });
  check("scale: loads in under 20 s", timings.load_seconds < 20, `${timings.load_seconds} s`);
  check("scale: filtering takes under 2 s", timings.filter_ms < 2000, `${timings.filter_ms} ms`);
  check("scale: no request, no error", leaks.length === 0 && errors2.length === 0, JSON.stringify({ leaks, errors2 }));
  writeFileSync(path.join(args.out, "timings.json"), JSON.stringify(timings, null, 2) + "\n");
  console.log("scale: " + JSON.stringify(timings));
  await ctx2.close();
} finally {
  await browser.close();
}
console.log(`report browser test: ${events.length} events, ${located.length} located; screenshots in ${args.out}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
