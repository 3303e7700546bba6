#include "pipeline/explain.h"

#include <fmt/format.h>

#include "text/text.h"

namespace sitrep {

void AppendExplanation(const Document& doc, const DocResult& r, std::string* out) {
  text::Analysis a;
  text::Analyze(doc.text, &a);
  fmt::format_to(std::back_inserter(*out), "=== {} ({} bytes, {} sentences, date {}{})\n",
                 doc.id, doc.text.size(), a.sentences.size(), r.dct.empty() ? "unknown" : r.dct,
                 r.dct_source.empty() ? "" : " from " + r.dct_source);
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    const text::Sentence& s = a.sentences[si];
    fmt::format_to(std::back_inserter(*out), "\n[{}] {}\n", si,
                   doc.text.substr(s.start, s.stop - s.start));
    for (const Toponym& t : r.toponyms) {
      if (t.start < s.start || t.start >= s.stop) continue;
      fmt::format_to(std::back_inserter(*out), "    place  {:<24} -> {} {} ({}, {}) {}{}\n",
                     "\"" + t.text + "\"", t.geonameid ? std::to_string(*t.geonameid) : "-",
                     t.name, t.feature, t.country, t.admin1,
                     t.reason.empty() ? "" : "  [" + t.reason + "]");
    }
    for (const Timex& t : r.timex) {
      if (t.start < s.start || t.start >= s.stop) continue;
      fmt::format_to(std::back_inserter(*out), "    time   {:<24} -> {} {}{}\n",
                     "\"" + t.text + "\"", t.type, t.value, t.mod.empty() ? "" : " " + t.mod);
    }
    for (const text::Speech& sp : a.speech) {
      if (sp.content_begin >= a.tokens.size()) continue;
      if (a.tokens[sp.content_begin].sentence != si) continue;
      auto [b, e] = a.SpeakerOf(static_cast<int>(&sp - a.speech.data()));
      fmt::format_to(std::back_inserter(*out), "    speech {} by \"{}\"\n",
                     sp.quoted ? "quoted" : "reported", std::string(a.Span(b, e)));
    }
    for (const auto& [ns, note] : r.notes) {
      if (ns != si) continue;
      // The coder's actor notes get a label of their own, like places and times.
      if (note.starts_with("actor "))
        fmt::format_to(std::back_inserter(*out), "    actor  {}\n", note.substr(6));
      else
        fmt::format_to(std::back_inserter(*out), "    note   {}\n", note);
    }
    for (const Event& e : r.events) {
      if (e.trigger_start < s.start || e.trigger_start >= s.stop) continue;
      fmt::format_to(std::back_inserter(*out),
                     "    EVENT  {} / {}  trigger \"{}\"  actor1 {}  actor2 {}  where {}  when {}  "
                     "modality {}  conf {:.2f}\n",
                     e.type, e.subtype, e.trigger, e.actor1 ? e.actor1->name : "-",
                     e.actor2 ? e.actor2->name : "-",
                     e.where ? e.where->place.name : "- (" + e.where_reason + ")",
                     e.when ? e.when->date : "- (" + e.when_reason + ")", e.modality,
                     e.confidence);
    }
  }
  for (const auto& w : r.warnings) fmt::format_to(std::back_inserter(*out), "warning: {}\n", w);
  out->push_back('\n');
}

}  // namespace sitrep
