// The sitrep command line: one function per command. main() parses flags with CLI11 and
// calls these; each returns the process exit code (see kExit*).
#ifndef SITREP_CLI_COMMANDS_H_
#define SITREP_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace sitrep::cli {

// Exit codes (documented in README.md and `sitrep --help`).
inline constexpr int kExitOk = 0;           // every document coded
inline constexpr int kExitSomeFailed = 1;   // some documents failed (each reported), rest coded
inline constexpr int kExitFatal = 2;        // usage error or nothing could run
inline constexpr int kExitInterrupted = 130;  // SIGINT/SIGTERM: stopped cleanly, no partial file

struct CommonFlags {
  std::vector<std::string> inputs;
  std::string date;
  std::string id;
  std::string output;
  std::string index;
  std::string input_format = "auto";
  std::vector<std::string> dicts;
  int jobs = 0;               // 0: every core
  size_t max_bytes = 10u << 20;
  bool quiet = false;
};

struct CodeFlags {
  std::string format = "jsonl";  // jsonl, csv or geojson
};

struct ReportFlags {
  std::string title = "sitrep report";
};

int RunCode(const CommonFlags& f, const CodeFlags& c);
// One self-contained HTML file: map, timeline, table, evidence (src/report/report.h).
int RunReport(const CommonFlags& f, const ReportFlags& r);
int RunPlaces(const CommonFlags& f);
int RunTimes(const CommonFlags& f);
int RunExplain(const CommonFlags& f);

struct IndexBuildFlags {
  std::string npm_dir;   // unpacked npm packages (third_party/npm)
  std::string aliases;   // curated aliases (data/place_aliases.tsv)
  std::string output;    // index file
};
int RunIndexBuild(const IndexBuildFlags& f);
int RunVersion(const std::string& index);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_COMMANDS_H_
