// Golden tests for the whole pipeline: tests/golden/events/*.test (format in
// tests/golden/README.md). Needs the gazetteer index (built by ./setup.sh); skipped without.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "pipeline/workspace.h"
#include "text/text.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

struct Constraint {
  std::string key, op, value;
};

struct Case {
  std::string file, name, date, text;
  int line = 0;
  std::vector<std::vector<Constraint>> expects;
  bool expect_none = false;
  bool only = false;
  std::string xfail;  // a known gap: the case is reported, not counted as a failure
};

// Case- and accent-insensitive form ("Churāchāndpur" = "churachandpur").
std::string Lower(const std::string& s) { return text::FoldPhrase(s); }

std::vector<Constraint> ParseExpect(const std::string& line) {
  std::vector<Constraint> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    size_t k = i;
    while (k < line.size() && line[k] != '=' && line[k] != '~' && line[k] != ' ') ++k;
    Constraint c;
    c.key = line.substr(i, k - i);
    if (k >= line.size() || line[k] == ' ') {
      c.op = "";
      out.push_back(c);
      i = k;
      continue;
    }
    c.op = line.substr(k, 1);
    ++k;
    if (k < line.size() && line[k] == '"') {
      size_t e = line.find('"', k + 1);
      c.value = line.substr(k + 1, e - k - 1);
      i = e + 1;
    } else {
      size_t e = line.find(' ', k);
      if (e == std::string::npos) e = line.size();
      c.value = line.substr(k, e - k);
      i = e;
    }
    out.push_back(c);
  }
  return out;
}

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::string dir = std::string(SITREP_SOURCE_DIR) + "/tests/golden/events";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".test") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    Case cur;
    bool in_case = false, in_text = false;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!in_case) {
        if (line.rfind("case ", 0) == 0) {
          cur = Case();
          cur.file = std::filesystem::path(f).filename().string();
          cur.name = line.substr(5);
          cur.line = n;
          in_case = true;
          in_text = true;
        }
        continue;
      }
      if (line == "----") {
        cases.push_back(cur);
        in_case = false;
        continue;
      }
      if (line.rfind("date ", 0) == 0 && cur.text.empty()) {
        cur.date = line.substr(5);
        continue;
      }
      if (line.rfind("xfail ", 0) == 0) {
        cur.xfail = line.substr(6);
        continue;
      }
      if (line.rfind("expect", 0) == 0) {
        in_text = false;
        std::string rest = line.size() > 6 ? line.substr(7) : "";
        if (rest == "none") {
          cur.expect_none = true;
        } else if (rest == "only") {
          cur.only = true;
        } else {
          cur.expects.push_back(ParseExpect(rest));
        }
        continue;
      }
      if (in_text) {
        if (!cur.text.empty()) cur.text += "\n";
        cur.text += line;
      }
    }
  }
  return cases;
}

bool Current(const Event& e) {
  return e.modality != "background" && e.modality != "negated" && e.modality != "hypothetical";
}

bool Satisfies(const Event& e, const std::vector<Constraint>& cs, std::string* why) {
  for (const Constraint& c : cs) {
    auto fail = [&](const std::string& got) {
      *why = c.key + c.op + c.value + " (got " + got + ")";
      return false;
    };
    if (c.key == "subtype" || c.key == "type") {
      const std::string& got = c.key == "subtype" ? e.subtype : e.type;
      bool ok = false;
      std::stringstream ss(c.value);
      std::string alt;
      while (std::getline(ss, alt, '|'))
        if (alt == got) ok = true;
      if (!ok) return fail(got);
    } else if (c.key == "actor1" || c.key == "actor2") {
      const auto& a = c.key == "actor1" ? e.actor1 : e.actor2;
      if (c.value == "none") {
        if (a) return fail(a->name);
        continue;
      }
      if (!a) return fail("none");
      std::string v = Lower(c.value);
      if (Lower(a->name).find(v) == std::string::npos && Lower(a->text).find(v) == std::string::npos &&
          !(v.size() == 2 && Lower(a->country) == v))
        return fail(a->name);
    } else if (c.key == "where") {
      if (c.value == "none") {
        if (e.where) return fail(e.where->place.name);
        continue;
      }
      if (!e.where) return fail("none");
      if (Lower(e.where->place.name).find(Lower(c.value)) == std::string::npos &&
          Lower(e.where->place.text).find(Lower(c.value)) == std::string::npos)
        return fail(e.where->place.name);
    } else if (c.key == "country") {
      if (!e.where || e.where->place.country != c.value) return fail(e.where ? e.where->place.country : "none");
    } else if (c.key == "admin1") {
      if (!e.where || e.where->place.admin1 != c.value) return fail(e.where ? e.where->place.admin1 : "none");
    } else if (c.key == "date") {
      if (c.value == "none") {
        if (e.when) return fail(e.when->date);
        continue;
      }
      if (!e.when || e.when->date.rfind(c.value, 0) != 0) return fail(e.when ? e.when->date : "none");
    } else if (c.key == "modality") {
      if (e.modality != c.value) return fail(e.modality);
    } else if (c.key == "fatalities") {
      if (c.value == "none") {
        if (e.fatalities) return fail(std::to_string(*e.fatalities));
        continue;
      }
      if (!e.fatalities || std::to_string(*e.fatalities) != c.value)
        return fail(e.fatalities ? std::to_string(*e.fatalities) : "none");
    } else if (c.key == "source") {
      if (Lower(e.source).find(Lower(c.value)) == std::string::npos) return fail(e.source);
    } else {
      *why = "unknown constraint " + c.key;
      return false;
    }
  }
  return true;
}

std::string IndexPath() {
  if (const char* env = std::getenv("SITREP_INDEX"); env && *env) return env;
  return SITREP_INDEX_FOR_TESTS;
}

std::string Describe(const Event& e) {
  return e.subtype + " [" + e.trigger + "] a1=" + (e.actor1 ? e.actor1->name : "-") +
         " a2=" + (e.actor2 ? e.actor2->name : "-") + " @" + (e.where ? e.where->place.name : "-") +
         " " + (e.when ? e.when->date : "-") + " " + e.modality + " conf=" + std::to_string(e.confidence);
}

TEST(EventsGolden, AllCases) {
  if (!std::filesystem::exists(IndexPath())) GTEST_SKIP() << "no gazetteer index at " << IndexPath();
  PipelineOptions o;
  o.index_path = IndexPath();
  auto p = Pipeline::Open(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto ws = (*p)->NewWorkspace();
  auto cases = LoadCases();
  ASSERT_GE(cases.size(), 1u);
  int passed = 0, xfailed = 0;
  // Calibration: how often events above 0.8 are right (printed for the record).
  int high = 0, high_right = 0;
  std::map<std::string, std::pair<int, int>> per_file;
  for (const Case& c : cases) {
    Document d;
    d.id = c.name;
    d.text = c.text;
    d.published = c.date;
    DocResult r;
    ASSERT_TRUE((*p)->Process(d, ws.get(), &r).ok());
    std::vector<const Event*> cur;
    for (const Event& e : r.events)
      if (Current(e)) cur.push_back(&e);
    std::string failure;
    if (c.expect_none) {
      if (!cur.empty()) failure = "expected no event, got " + Describe(*cur[0]);
    } else {
      std::vector<bool> used(cur.size(), false);
      for (const auto& ex : c.expects) {
        bool ok = false;
        std::string why;
        for (size_t i = 0; i < cur.size() && !ok; ++i) {
          if (used[i]) continue;
          std::string w;
          if (Satisfies(*cur[i], ex, &w)) {
            used[i] = true;
            ok = true;
          } else if (why.empty()) {
            why = w + " in " + Describe(*cur[i]);
          }
        }
        // An expectation that names a modality other than the current ones
        // (modality=background) is looked for among all events.
        for (const Constraint& k : ex)
          if (k.key == "modality" && !ok)
            for (const Event& e : r.events)
              if (!Current(e) && Satisfies(e, ex, &why)) ok = true;
        if (!ok) {
          failure = "no event matches: " + (why.empty() ? std::string("(no events)") : why);
          break;
        }
      }
      if (failure.empty() && c.only) {
        for (size_t i = 0; i < cur.size(); ++i)
          if (!used[i]) failure = "unexpected extra event: " + Describe(*cur[i]);
      }
    }
    // Calibration over current events with an explicit expectation.
    if (!c.expect_none) {
      for (const Event* e : cur) {
        if (e->confidence <= 0.8) continue;
        ++high;
        bool right = false;
        for (const auto& ex : c.expects) {
          std::string w;
          if (Satisfies(*e, ex, &w)) right = true;
        }
        high_right += right;
        if (!right && std::getenv("SITREP_GOLDEN_VERBOSE"))
          std::printf("  high-confidence miss: %s:%d %s\n", c.file.c_str(), c.line, Describe(*e).c_str());
      }
    } else {
      for (const Event* e : cur) {
        high += e->confidence > 0.8;
        if (e->confidence > 0.8 && std::getenv("SITREP_GOLDEN_VERBOSE"))
          std::printf("  high-confidence miss: %s:%d %s\n", c.file.c_str(), c.line, Describe(*e).c_str());
      }
    }
    auto& pf = per_file[c.file];
    ++pf.second;
    if (failure.empty()) {
      ++passed;
      ++pf.first;
      if (!c.xfail.empty()) std::printf("  note: %s:%d [%s] passes now; remove its xfail\n", c.file.c_str(), c.line, c.name.c_str());
    } else if (!c.xfail.empty()) {
      ++xfailed;
      std::printf("  xfail: %s:%d [%s] %s (%s)\n", c.file.c_str(), c.line, c.name.c_str(), failure.c_str(), c.xfail.c_str());
    } else {
      ADD_FAILURE() << c.file << ":" << c.line << " [" << c.name << "] " << failure;
    }
  }
  for (const auto& [f, pr] : per_file) std::printf("  %-32s %d/%d\n", f.c_str(), pr.first, pr.second);
  std::printf("golden events: %d known gaps (xfail)\n", xfailed);
  std::printf("golden events: %d/%zu cases pass; events with confidence > 0.8: %d, right %d (%.1f%%)\n",
              passed, cases.size(), high, high_right, high ? 100.0 * high_right / high : 0.0);
  RecordProperty("passed", passed);
}

}  // namespace
}  // namespace sitrep
