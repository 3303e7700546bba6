#include "actors/actors.h"

#include <algorithm>
#include <span>

#include "util/mapped_file.h"
#include "util/utf8.h"

namespace sitrep::actors {
namespace {

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

bool ParseKind(std::string_view s, Kind* k) {
  if (s == "state forces") *k = Kind::kStateForces;
  else if (s == "rebel group") *k = Kind::kRebelGroup;
  else if (s == "political militia") *k = Kind::kPoliticalMilitia;
  else if (s == "identity militia") *k = Kind::kIdentityMilitia;
  else if (s == "rioters") *k = Kind::kRioters;
  else if (s == "protesters") *k = Kind::kProtesters;
  else if (s == "civilians") *k = Kind::kCivilians;
  else if (s == "external/other forces") *k = Kind::kExternal;
  else return false;
  return true;
}

bool IsDeterminer(std::string_view f) {
  return f == "the" || f == "a" || f == "an" || f == "some" || f == "several" || f == "many" ||
         f == "two" || f == "three" || f == "four" || f == "five" || f == "dozens" ||
         f == "hundreds" || f == "thousands" || f == "suspected" || f == "armed" ||
         f == "unidentified" || f == "unknown" || f == "local" || f == "government" ||
         f == "heavily" || f == "masked";
}

// Things a weak actor word may modify: "government buildings", "the state broadcaster" are
// property, not the government acting or attacked.
bool IsPropertyNoun(std::string_view f) {
  return f == "buildings" || f == "building" || f == "offices" || f == "office" ||
         f == "headquarters" || f == "broadcaster" || f == "media" || f == "television" ||
         f == "tv" || f == "radio" || f == "newspaper" || f == "property" || f == "properties" ||
         f == "vehicles" || f == "vehicle" || f == "installations" || f == "facilities" ||
         f == "facility" || f == "website" || f == "assets" || f == "infrastructure" ||
         f == "compound" || f == "premises";
}

bool IsPronounActor(std::string_view f) {
  return f == "they" || f == "their" || f == "them" || f == "theirs";
}

// Group descriptions that stand for the last named armed group.
bool IsGroupDescription(const text::Analysis& a, uint32_t i) {
  return a.Is(i, "the") && (a.Is(i + 1, "group") || a.Is(i + 1, "movement") ||
                            a.Is(i + 1, "organisation") || a.Is(i + 1, "organization"));
}

}  // namespace

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kStateForces: return "state forces";
    case Kind::kRebelGroup: return "rebel group";
    case Kind::kPoliticalMilitia: return "political militia";
    case Kind::kIdentityMilitia: return "identity militia";
    case Kind::kRioters: return "rioters";
    case Kind::kProtesters: return "protesters";
    case Kind::kCivilians: return "civilians";
    case Kind::kExternal: return "external/other forces";
  }
  return "";
}

std::string FillCountry(std::string_view name, std::string_view country_name) {
  std::string out(name);
  size_t p = out.find("{country}");
  if (p == std::string::npos) return out;
  std::string c(country_name);
  // ACLED writes "Military Forces of the United States", "Civilians (United States)".
  bool of = p >= 3 && out.compare(p - 3, 3, "of ") == 0;
  if (of && (c == "United States" || c == "United Kingdom" || c == "Netherlands" ||
             c == "Philippines" || c == "Central African Republic" || c == "Gambia" ||
             c == "Democratic Republic of the Congo" || c == "Republic of the Congo" ||
             c == "United Arab Emirates" || c == "Bahamas" || c == "Comoros" || c == "Maldives")) {
    c = "the " + c;
  }
  out.replace(p, 9, c);
  return out;
}

Status ActorDictionary::AddFile(std::string_view content, const std::string& name) {
  RETURN_IF_ERROR(CheckTextFile(&content, name));  // a BOM, invalid UTF-8, NUL bytes
  uint32_t line_no = 0;
  for (std::string_view line : Split(content, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    std::string where = name + ":" + std::to_string(line_no) + ": ";
    auto cols = Split(line, '\t');
    if (cols.size() < 3) {
      return Status::InvalidArgument(where + "expected ALIASES<TAB>NAME<TAB>KIND[<TAB>COUNTRY[<TAB>FLAGS]]");
    }
    ActorEntry e;
    e.name = std::string(Trim(cols[1]));
    if (e.name.empty()) return Status::InvalidArgument(where + "empty NAME");
    if (!ParseKind(Trim(cols[2]), &e.kind)) {
      return Status::InvalidArgument(where + "unknown KIND \"" + std::string(Trim(cols[2])) +
                                     "\" (state forces, rebel group, political militia, identity "
                                     "militia, rioters, protesters, civilians, external/other forces)");
    }
    if (cols.size() > 3) {
      std::string_view cc = Trim(cols[3]);
      if (!cc.empty() && (cc.size() != 2 || !std::isupper(static_cast<unsigned char>(cc[0])) ||
                          !std::isupper(static_cast<unsigned char>(cc[1])))) {
        return Status::InvalidArgument(where + "COUNTRY must be an ISO alpha-2 code like AF, got \"" +
                                       std::string(cc) + "\"");
      }
      e.country = std::string(cc);
    }
    if (cols.size() > 4) {
      for (std::string_view f : Split(Trim(cols[4]), ',')) {
        f = Trim(f);
        if (f.empty()) continue;
        if (f == "police") e.police = true;
        else if (f == "generic") e.generic = true;
        else if (f == "weak") e.weak = true;
        else if (f == "air") e.air = true;
        else return Status::InvalidArgument(where + "unknown flag \"" + std::string(f) + "\"");
      }
    }
    e.origin = name + ":" + std::to_string(line_no);
    uint32_t id = static_cast<uint32_t>(entries_.size());
    entries_.push_back(e);
    for (std::string_view alias : Split(cols[0], '|')) {
      alias = Trim(alias);
      if (alias.empty()) continue;
      // Short all-letter aliases are acronyms or short names ("HTS", "Hamas"): matched only
      // when written with capitals (3 letters or fewer: all capitals; 4-5: a capital first),
      // so that "let", "sla" or "pdf" in running text are not actors.
      bool letters = std::all_of(alias.begin(), alias.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c));
      });
      uint8_t case_rule = 0;
      if (letters && !e.generic) case_rule = alias.size() <= 3 ? 2 : (alias.size() <= 5 ? 1 : 0);
      uint32_t aid = static_cast<uint32_t>(aliases_.size());
      aliases_.push_back({id, case_rule});
      if (!builder_.AddText(alias, aid)) {
        return Status::InvalidArgument(where + "alias \"" + std::string(alias) + "\" has no words or too many");
      }
    }
  }
  return Status();
}

void ActorDictionary::Finish() { table_.Build(builder_); }

uint8_t ActorDictionary::CaseRule(uint32_t alias) const { return aliases_[alias].case_rule; }

Result<std::unique_ptr<ActorDictionary>> ActorDictionary::Load(const std::vector<std::string>& files) {
  auto d = std::make_unique<ActorDictionary>();
  for (const auto& f : files) {
    auto content = ReadFileToString(f);
    if (!content.ok()) return content.status();
    RETURN_IF_ERROR(d->AddFile(*content, f));
  }
  d->Finish();
  return d;
}

int ActorFinder::ChosenAlias(const text::Analysis& a, const lexicon::Match& m) const {
  // The first alias whose case rule is met.
  for (uint32_t alias : m.values) {
    const uint8_t rule = dict_->CaseRule(alias);
    if (rule == 2) {
      bool caps = true;
      for (uint32_t k = m.begin; k < m.end; ++k)
        if (a.tokens[k].kind == text::TokKind::kWord && !(a.tokens[k].flags & text::kAllCaps) &&
            !(a.tokens[k].flags & text::kAbbrev))
          caps = false;
      if (!caps) continue;
    } else if (rule == 1 && !(a.tokens[m.begin].flags & text::kCap)) {
      continue;
    }
    return static_cast<int>(alias);
  }
  return -1;
}

void ActorFinder::GroupCountries(const text::Analysis& a, std::vector<std::string>* out) const {
  out->clear();
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  for (uint32_t i = 0; i < n;) {
    if (a.tokens[i].kind == text::TokKind::kPunct) {
      ++i;
      continue;
    }
    lexicon::Match m;
    const uint32_t limit = a.sentences.empty() ? n : a.sentences[a.tokens[i].sentence].end;
    const int alias = dict_->table().LongestAt(a, i, limit, &m) ? ChosenAlias(a, m) : -1;
    if (alias < 0) {
      ++i;
      continue;
    }
    const ActorEntry& e = dict_->entry(dict_->EntryOfAlias(static_cast<uint32_t>(alias)));
    if (!e.country.empty() && !e.generic && e.kind != Kind::kStateForces &&
        e.kind != Kind::kExternal &&
        std::find(out->begin(), out->end(), e.country) == out->end())
      out->push_back(e.country);
    i = m.end;
  }
}

void ActorFinder::Find(const text::Analysis& a, const std::vector<Toponym>& toponyms,
                       std::vector<Mention>* out) const {
  out->clear();
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  // The toponyms by first token (the geoparser gives them in text order; sorted here if
  // not), so that the questions below cost a binary search, not a pass over the document.
  // A place name is never longer than kMaxToponymTokens tokens.
  constexpr uint32_t kMaxToponymTokens = 24;
  std::vector<const Toponym*> by_begin;
  by_begin.reserve(toponyms.size());
  for (const Toponym& t : toponyms) by_begin.push_back(&t);
  auto begin_less = [](const Toponym* t, uint32_t tok) { return t->tok_begin < tok; };
  if (!std::is_sorted(by_begin.begin(), by_begin.end(),
                      [](const Toponym* x, const Toponym* y) { return x->tok_begin < y->tok_begin; }))
    std::stable_sort(by_begin.begin(), by_begin.end(), [](const Toponym* x, const Toponym* y) {
      return x->tok_begin < y->tok_begin;
    });
  // The toponyms starting in [from, to), in text order.
  auto starting_in = [&](uint32_t from, uint32_t to) {
    auto lo = std::lower_bound(by_begin.begin(), by_begin.end(), from, begin_less);
    auto hi = std::lower_bound(lo, by_begin.end(), to, begin_less);
    return std::span<const Toponym* const>(by_begin.data() + (lo - by_begin.begin()),
                                           static_cast<size_t>(hi - lo));
  };
  // Country words by the token they end at / start at.
  auto country_ending_at = [&](uint32_t tok) -> const Toponym* {
    for (const Toponym* t : starting_in(tok > kMaxToponymTokens ? tok - kMaxToponymTokens : 0, tok))
      if (t->tok_end == tok && !t->country.empty() &&
          (t->feature == "demonym" || t->precision == "country"))
        return t;
    return nullptr;
  };
  auto country_starting_at = [&](uint32_t tok) -> const Toponym* {
    for (const Toponym* t : starting_in(tok, tok + 1))
      if (!t->country.empty() && t->precision == "country") return t;
    return nullptr;
  };
  int last_named_armed = -1;  // index into *out
  std::vector<Mention>& v = *out;
  v.reserve(32);
  for (uint32_t i = 0; i < n;) {
    const text::Token& tok = a.tokens[i];
    if (tok.kind == text::TokKind::kPunct) {
      ++i;
      continue;
    }
    lexicon::Match m;
    uint32_t limit = a.sentences.empty() ? n : a.sentences[tok.sentence].end;
    bool found = dict_->table().LongestAt(a, i, limit, &m);
    if (found) {
      const int chosen = ChosenAlias(a, m);
      if (chosen < 0) {
        ++i;
        continue;
      }
      // A longer place name wins over an actor name inside it ("Lashkar Gah").
      bool shadowed = false;
      for (const Toponym* t : starting_in(m.begin > kMaxToponymTokens ? m.begin - kMaxToponymTokens : 0,
                                          m.begin + 1))
        if (t->tok_end > m.end && t->feature != "demonym" && t->has_coords) shadowed = true;
      if (shadowed) {
        ++i;
        continue;
      }
      uint32_t eid = dict_->EntryOfAlias(static_cast<uint32_t>(chosen));
      const ActorEntry& e = dict_->entry(eid);
      Mention mt;
      mt.tok_begin = m.begin;
      mt.tok_end = m.end;
      mt.entry = eid;
      mt.kind = e.kind;
      mt.name = e.name;
      mt.country = e.country;
      mt.generic = e.generic;
      mt.police = e.police;
      mt.air = e.air;
      mt.weak = e.weak;
      mt.templated = e.name.find("{country}") != std::string::npos;
      // Country words next to the mention: "Afghan forces", "Mali's army", "army of Mali".
      uint32_t b = m.begin;
      if (mt.templated) {
        const Toponym* c = nullptr;
        if (b > 0) c = country_ending_at(b);
        if (!c && b > 1 && a.IsPossessive(b - 1)) c = country_ending_at(b - 1);
        // "Ethiopia's federal government", "Mali's interim military authorities"
        if (!c) {
          uint32_t k = b;
          while (k > 0 && (a.Is(k - 1, "federal") || a.Is(k - 1, "national") || a.Is(k - 1, "central") ||
                           a.Is(k - 1, "interim") || a.Is(k - 1, "transitional") || a.Is(k - 1, "military") ||
                           a.Is(k - 1, "regional") || a.Is(k - 1, "elite") || a.Is(k - 1, "local")) && b - k < 3)
            --k;
          if (k < b && k > 0) {
            c = country_ending_at(k);
            if (!c && k > 1 && a.IsPossessive(k - 1)) c = country_ending_at(k - 1);
          }
        }
        if (!c && b > 0) {
          // "the Afghan security forces": a modifier may sit one word before.
          if (b > 1 && (a.Is(b - 1, "security") || a.Is(b - 1, "government") || a.Is(b - 1, "special")))
            c = country_ending_at(b - 1);
        }
        if (!c && m.end + 1 < n && a.Is(m.end, "of")) c = country_starting_at(m.end + 1);
        if (c) {
          mt.country = c->country;
          mt.country_from_text = true;
          if (c->tok_end <= b) b = c->tok_begin;
        }
      }
      // A description word inside a capitalised name is no description: "the African Union",
      // "the People's Defence Brigades". Unarmed descriptions only: "Border Police", "Armed
      // Forces", "Afghan Forces" are the forces they say.
      if (e.generic && !IsArmed(e.kind) && (a.tokens[m.begin].flags & text::kCap) &&
          !(a.tokens[m.begin].flags & text::kSentStart)) {
        auto cap_word = [&](uint32_t k) {
          return k < n && a.tokens[k].kind == text::TokKind::kWord &&
                 (a.tokens[k].flags & text::kCap) && !(a.tokens[k].flags & text::kSentStart);
        };
        uint32_t after = m.end < n && a.IsPossessive(m.end) ? m.end + 1 : m.end;
        bool inside = (m.begin > 0 && cap_word(m.begin - 1) && !country_ending_at(m.begin)) ||
                      (cap_word(after) && a.tokens[after].sentence == tok.sentence);
        if (inside && !text::TitleCased(a, tok.sentence)) {
          i = m.end;
          continue;
        }
      }
      // A weak actor word modifying property ("government buildings") is no actor.
      if (e.weak && m.end < n && IsPropertyNoun(a.Folded(m.end))) {
        i = m.end;
        continue;
      }
      // Weak generic actors ("forces") need a country word or a determiner context.
      if (e.weak && !mt.country_from_text && e.generic) {
        bool gov = m.begin > 0 && (a.Is(m.begin - 1, "government") || a.Is(m.begin - 1, "security") ||
                                   a.Is(m.begin - 1, "state") || a.Is(m.begin - 1, "regime"));
        if (!gov && e.kind == Kind::kStateForces && !e.police && e.name.rfind("Military", 0) == 0) {
          i = m.end;
          continue;
        }
      }
      // A description right after a named armed actor is that actor's: "Saudi-led coalition
      // warplanes", "Wagner mercenaries", "Hamas fighters".
      // So are its officials: "Hamas and Fatah officials signed".
      const std::string_view head = a.Folded(m.end - 1);
      const bool its_people = head == "officials" || head == "official" || head == "leaders" ||
                              head == "representatives" || head == "delegates" ||
                              head == "negotiators" || head == "delegation";
      if (e.generic && (IsArmed(e.kind) || its_people) && !v.empty() && v.back().tok_end == m.begin &&
          !v.back().generic && !v.back().pronoun && IsArmed(v.back().kind)) {
        const Mention& named = v.back();
        mt.name = named.name;
        mt.kind = named.kind;
        mt.country = named.country;
        mt.templated = false;
        mt.coreferent = true;
      } else if (e.generic && IsArmed(e.kind) && e.kind != Kind::kStateForces && last_named_armed >= 0) {
        // Coreference: a generic armed description after a named armed group.
        const Mention& ante = v[static_cast<size_t>(last_named_armed)];
        mt.name = ante.name;
        mt.kind = ante.kind;
        mt.country = ante.country;
        mt.templated = false;
        mt.coreferent = true;
      }
      // Include a leading determiner in the mention text.
      if (b > 0 && IsDeterminer(a.Folded(b - 1)) && a.tokens[b - 1].sentence == tok.sentence) --b;
      mt.start = a.tokens[b].start;
      mt.end = a.tokens[m.end - 1].end;
      v.push_back(mt);
      // "Operatives of the Department of State Services", "fighters of the Islamic State":
      // the armed description before "of" is the group after it.
      if (v.size() >= 2 && IsArmed(mt.kind)) {
        Mention& desc = v[v.size() - 2];
        const uint32_t gap = mt.tok_begin - std::min(mt.tok_begin, desc.tok_end);
        // ... and so is one naming it in apposition: "the banned separatist group IPOB".
        const bool of_group = a.Is(desc.tok_end, "of") &&
                              (gap == 1 || (gap == 2 && a.Is(desc.tok_end + 1, "the")));
        const bool apposition = gap == 0 || (gap == 1 && (a.Is(desc.tok_end, "group") ||
                                                          a.Is(desc.tok_end, "movement") ||
                                                          a.Is(desc.tok_end, "organisation") ||
                                                          a.Is(desc.tok_end, "organization")));
        if (desc.generic && !desc.pronoun && IsArmed(desc.kind) &&
            (of_group || (apposition && !mt.generic))) {
          desc.name = mt.name;
          desc.kind = mt.kind;
          desc.country = mt.country;
          desc.police = mt.police;
          desc.templated = mt.templated;
          desc.coreferent = true;
        }
      }
      if (!mt.generic && !mt.templated && IsArmed(mt.kind) && mt.kind != Kind::kStateForces &&
          mt.kind != Kind::kExternal)
        last_named_armed = static_cast<int>(v.size()) - 1;
      i = m.end;
      continue;
    }
    // Pronouns and "the group" stand for the last named armed group (resolved by the coder
    // when they are roles of an event).
    if (IsPronounActor(a.Folded(i)) || IsGroupDescription(a, i)) {
      Mention mt;
      mt.tok_begin = i;
      mt.tok_end = IsGroupDescription(a, i) ? i + 2 : i + 1;
      mt.start = a.tokens[i].start;
      mt.end = a.tokens[mt.tok_end - 1].end;
      mt.pronoun = true;
      mt.generic = true;
      v.push_back(mt);
      i = mt.tok_end;
      continue;
    }
    ++i;
  }
  // A description tied to a named group right after it is that group: "rebels led by Hayat
  // Tahrir al-Sham", "fighters loyal to the RSF", "militants of Al Shabaab".
  for (size_t k = 0; k + 1 < v.size(); ++k) {
    Mention& d = v[k];
    const Mention& g = v[k + 1];
    if (!d.generic || d.pronoun || !IsArmed(d.kind) || d.kind == Kind::kStateForces) continue;
    if (g.generic || g.templated || g.pronoun || !IsArmed(g.kind) || g.kind == Kind::kStateForces)
      continue;
    if (a.tokens[d.tok_begin].sentence != a.tokens[g.tok_begin].sentence) continue;
    uint32_t j = d.tok_end;
    const uint32_t to = g.tok_begin > 0 && a.Is(g.tok_begin - 1, "the") ? g.tok_begin - 1 : g.tok_begin;
    bool link = false;
    if (j + 2 == to)
      link = (a.Is(j, "led") && a.Is(j + 1, "by")) || (a.Is(j, "loyal") && a.Is(j + 1, "to")) ||
             (a.Is(j, "belonging") && a.Is(j + 1, "to")) ||
             (a.Is(j, "affiliated") && a.Is(j + 1, "with")) ||
             (a.Is(j, "linked") && a.Is(j + 1, "to"));
    else if (j + 1 == to)
      link = a.Is(j, "of") || a.Is(j, "from");
    if (!link) continue;
    d.name = g.name;
    d.kind = g.kind;
    d.country = g.country;
    d.templated = false;
    d.coreferent = true;
  }
}

}  // namespace sitrep::actors
