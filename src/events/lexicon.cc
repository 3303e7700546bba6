#include "events/lexicon.h"

#include <array>

#include "util/mapped_file.h"
#include "util/utf8.h"

namespace sitrep::events {
namespace {

struct CueName {
  std::string_view name;
  Cue cue;
};
constexpr CueName kCueNames[] = {
    {"AIR", Cue::kAir},           {"DRONE", Cue::kDrone},         {"AIRCRAFT", Cue::kAircraft},
    {"BOMB", Cue::kBomb},         {"SHELL", Cue::kShell},         {"MISSILE", Cue::kMissile},
    {"IED", Cue::kIed},           {"BLAST", Cue::kBlast},         {"SUICIDE", Cue::kSuicide},
    {"GRENADE", Cue::kGrenade},   {"CHEMICAL", Cue::kChemical},   {"KILL", Cue::kKill},
    {"SHOOT", Cue::kShoot},       {"STAB", Cue::kStab},           {"BEAT", Cue::kBeat},
    {"TORTURE", Cue::kTorture},   {"WOUND", Cue::kWound},         {"DIE", Cue::kDie},
    {"BODY", Cue::kBody},         {"ATTACK", Cue::kAttack},       {"RAID", Cue::kRaid},
    {"STRIKE", Cue::kStrike},     {"OFFENSIVE", Cue::kOffensive}, {"AMBUSH", Cue::kAmbush},
    {"CLASH", Cue::kClash},       {"SIEGE", Cue::kSiege},         {"OPERATION", Cue::kOperation},
    {"NEUTRALIZE", Cue::kNeutralize}, {"MOB", Cue::kMob},         {"CAPTURE", Cue::kCapture},
    {"FALL", Cue::kFall},         {"RECAPTURE", Cue::kRecapture}, {"CLEAR", Cue::kClear},
    {"WITHDRAW", Cue::kWithdraw}, {"HANDOVER", Cue::kHandover},   {"NORESIST", Cue::kNoResist},
    {"PROTEST", Cue::kProtest},   {"INTERVENE", Cue::kIntervene}, {"RIOTACT", Cue::kRiotAct},
    {"RIOT", Cue::kRiot},         {"SEXUAL", Cue::kSexual},       {"ABDUCT", Cue::kAbduct},
    {"ARREST", Cue::kArrest},     {"LOOT", Cue::kLoot},           {"DESTROY", Cue::kDestroy},
    {"AGREE", Cue::kAgree},       {"DISRUPT", Cue::kDisrupt},     {"BASE", Cue::kBase},
    {"CHANGE", Cue::kChange},     {"OTHER", Cue::kOther},         {"NOTCONFLICT", Cue::kNotConflict},
};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool ParseCue(std::string_view name, Cue* out) {
  for (const auto& c : kCueNames) {
    if (c.name == name) {
      *out = c.cue;
      return true;
    }
  }
  return false;
}

std::string_view CueName(Cue c) {
  for (const auto& n : kCueNames)
    if (n.cue == c) return n.name;
  return "?";
}

Status EventLexicon::AddFile(std::string_view content, const std::string& name) {
  RETURN_IF_ERROR(CheckTextFile(&content, name));  // a BOM, invalid UTF-8, NUL bytes
  uint32_t line_no = 0;
  for (std::string_view line : Split(content, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    std::string where = name + ":" + std::to_string(line_no) + ": ";
    auto cols = Split(line, '\t');
    if (cols.size() < 2) return Status::InvalidArgument(where + "expected PATTERN<TAB>CUE[<TAB>FLAGS]");
    PhraseForm proto;
    if (!ParseCue(Trim(cols[1]), &proto.cue)) {
      return Status::InvalidArgument(where + "unknown cue \"" + std::string(Trim(cols[1])) +
                                     "\" (see src/events/cues.h)");
    }
    if (cols.size() > 2) {
      for (std::string_view f : Split(Trim(cols[2]), ',')) {
        f = Trim(f);
        if (f.empty()) continue;
        if (f == "weak") proto.weak = true;
        else if (f == "lc") proto.lower_case_only = true;
        else if (f == "passive") {}
        else return Status::InvalidArgument(where + "unknown flag \"" + std::string(f) + "\"");
      }
    }
    proto.pattern = std::string(Trim(cols[0]));
    proto.origin = name + ":" + std::to_string(line_no);
    // Expand the one inflected word (":v", ":vx" or ":n") into its forms.
    auto words = Split(proto.pattern, ' ');
    int inflected = -1;
    std::string_view tag;
    std::vector<std::string> plain;
    for (size_t k = 0; k < words.size(); ++k) {
      std::string_view w = words[k];
      size_t colon = w.rfind(':');
      if (colon != std::string_view::npos && colon > 0 &&
          (w.substr(colon) == ":v" || w.substr(colon) == ":vx" || w.substr(colon) == ":n")) {
        if (inflected >= 0) return Status::InvalidArgument(where + "only one word may be inflected");
        inflected = static_cast<int>(k);
        tag = w.substr(colon + 1);
        plain.emplace_back(w.substr(0, colon));
      } else {
        plain.emplace_back(w);
      }
    }
    auto add = [&](size_t k, const std::string& replacement, const PhraseForm& f) -> Status {
      std::string phrase;
      for (size_t j = 0; j < plain.size(); ++j) {
        if (j) phrase += ' ';
        phrase += (j == k) ? replacement : plain[j];
      }
      uint32_t id = static_cast<uint32_t>(forms_.size());
      forms_.push_back(f);
      if (!builder_.AddText(phrase, id)) {
        return Status::InvalidArgument(where + "pattern \"" + phrase + "\" has no words or too many");
      }
      return Status();
    };
    if (inflected < 0) {
      RETURN_IF_ERROR(add(plain.size(), "", proto));
      continue;
    }
    size_t k = static_cast<size_t>(inflected);
    if (tag == "n") {
      for (const auto& form : NounForms(plain[k])) RETURN_IF_ERROR(add(k, form, proto));
    } else {
      for (const auto& inf : VerbForms(plain[k])) {
        if (tag == "vx" && inf.tag == VerbForm::kBase) continue;
        PhraseForm f = proto;
        f.verb = true;
        f.form = inf.tag;
        RETURN_IF_ERROR(add(k, inf.form, f));
      }
    }
  }
  return Status();
}

void EventLexicon::Finish() { table_.Build(builder_); }

Result<std::unique_ptr<EventLexicon>> EventLexicon::Load(const std::vector<std::string>& files) {
  auto lex = std::make_unique<EventLexicon>();
  for (const auto& f : files) {
    auto content = ReadFileToString(f);
    if (!content.ok()) return content.status();
    RETURN_IF_ERROR(lex->AddFile(*content, f));
  }
  lex->Finish();
  return lex;
}

}  // namespace sitrep::events
