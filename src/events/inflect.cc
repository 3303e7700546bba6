#include "events/inflect.h"

#include <array>

namespace sitrep::events {
namespace {

struct Irregular {
  std::string_view base, past, participle;
};

// Irregular verbs that news about conflict uses.
constexpr Irregular kIrregular[] = {
    {"arise", "arose", "arisen"},   {"be", "was", "been"},          {"beat", "beat", "beaten"},
    {"become", "became", "become"}, {"begin", "began", "begun"},    {"bite", "bit", "bitten"},
    {"blow", "blew", "blown"},      {"break", "broke", "broken"},   {"bring", "brought", "brought"},
    {"build", "built", "built"},    {"burn", "burned", "burnt"},    {"buy", "bought", "bought"},
    {"catch", "caught", "caught"},  {"choose", "chose", "chosen"},  {"come", "came", "come"},
    {"cut", "cut", "cut"},          {"deal", "dealt", "dealt"},     {"do", "did", "done"},
    {"draw", "drew", "drawn"},      {"drive", "drove", "driven"},   {"eat", "ate", "eaten"},
    {"fall", "fell", "fallen"},     {"feed", "fed", "fed"},         {"feel", "felt", "felt"},
    {"fight", "fought", "fought"},  {"find", "found", "found"},     {"flee", "fled", "fled"},
    {"fling", "flung", "flung"},    {"fly", "flew", "flown"},       {"forbid", "forbade", "forbidden"},
    {"forsake", "forsook", "forsaken"}, {"freeze", "froze", "frozen"}, {"get", "got", "gotten"},
    {"give", "gave", "given"},      {"go", "went", "gone"},         {"grind", "ground", "ground"},
    {"hang", "hanged", "hung"},     {"have", "had", "had"},         {"hear", "heard", "heard"},
    {"hide", "hid", "hidden"},      {"hit", "hit", "hit"},          {"hold", "held", "held"},
    {"hurt", "hurt", "hurt"},       {"keep", "kept", "kept"},       {"know", "knew", "known"},
    {"lay", "laid", "laid"},        {"lead", "led", "led"},         {"leave", "left", "left"},
    {"let", "let", "let"},          {"lie", "lay", "lain"},         {"light", "lit", "lit"},
    {"lose", "lost", "lost"},       {"make", "made", "made"},       {"meet", "met", "met"},
    {"mislead", "misled", "misled"}, {"outrun", "outran", "outrun"}, {"overcome", "overcame", "overcome"},
    {"overrun", "overran", "overrun"}, {"overtake", "overtook", "overtaken"},
    {"overthrow", "overthrew", "overthrown"}, {"pay", "paid", "paid"}, {"put", "put", "put"},
    {"quit", "quit", "quit"},       {"read", "read", "read"},       {"retake", "retook", "retaken"},
    {"ride", "rode", "ridden"},     {"rise", "rose", "risen"},      {"run", "ran", "run"},
    {"say", "said", "said"},        {"see", "saw", "seen"},         {"seek", "sought", "sought"},
    {"sell", "sold", "sold"},       {"send", "sent", "sent"},       {"set", "set", "set"},
    {"shake", "shook", "shaken"},   {"shed", "shed", "shed"},       {"shoot", "shot", "shot"},
    {"shut", "shut", "shut"},       {"sink", "sank", "sunk"},       {"slay", "slew", "slain"},
    {"sling", "slung", "slung"},    {"slit", "slit", "slit"},       {"speak", "spoke", "spoken"},
    {"spend", "spent", "spent"},    {"split", "split", "split"},    {"spread", "spread", "spread"},
    {"stand", "stood", "stood"},    {"steal", "stole", "stolen"},   {"stick", "stuck", "stuck"},
    {"sting", "stung", "stung"},    {"strike", "struck", "struck"}, {"string", "strung", "strung"},
    {"swear", "swore", "sworn"},    {"sweep", "swept", "swept"},    {"swing", "swung", "swung"},
    {"take", "took", "taken"},      {"teach", "taught", "taught"},  {"tear", "tore", "torn"},
    {"tell", "told", "told"},       {"think", "thought", "thought"}, {"throw", "threw", "thrown"},
    {"undertake", "undertook", "undertaken"}, {"upset", "upset", "upset"},
    {"wake", "woke", "woken"},      {"wear", "wore", "worn"},       {"win", "won", "won"},
    {"withdraw", "withdrew", "withdrawn"}, {"withhold", "withheld", "withheld"},
    {"write", "wrote", "written"},  {"mislay", "mislaid", "mislaid"}, {"broadcast", "broadcast", "broadcast"},
};

// Verbs whose final consonant doubles though the stress rule is hard to see in spelling.
constexpr std::string_view kDoubling[] = {
    "kidnap", "ban", "bar", "rob", "stab", "plan", "drop", "grab", "jab", "nab", "shop", "stop",
    "trap", "whip", "ship", "strip", "slap", "snap", "chop", "tap", "pin", "gun", "beg", "drag",
    "drug", "hug", "jam", "ram", "slam", "dim", "trim", "rig", "dig", "pat", "pet", "net",
    "spot", "plot", "knot", "blot", "clot", "rot", "blur", "stir", "occur", "prefer", "refer",
    "transfer", "deter", "confer", "commit", "submit", "permit", "admit", "omit", "equip",
    "control", "patrol", "compel", "expel", "repel", "propel", "dispel", "rebel", "abet",
    "regret", "upset", "hit", "sit", "fit", "nip", "rip", "sip", "tip", "zip", "wrap", "scrap",
    "step", "ambush",  // ambush is listed only to keep it out of the rule below (no doubling)
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool Doubles(std::string_view v) {
  if (v == "ambush") return false;
  for (auto d : kDoubling)
    if (v == d) return true;
  // One syllable ending consonant-vowel-consonant doubles its last letter (zap, zapped);
  // longer words depend on stress and are listed above.
  int groups = 0;
  for (size_t i = 0; i < v.size(); ++i)
    if (IsVowel(v[i]) && (i == 0 || !IsVowel(v[i - 1]))) ++groups;
  size_t n = v.size();
  return groups == 1 && n >= 3 && !IsVowel(v[n - 1]) && IsVowel(v[n - 2]) && !IsVowel(v[n - 3]) &&
         v[n - 1] != 'w' && v[n - 1] != 'x' && v[n - 1] != 'y';
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

std::string ThirdPerson(std::string_view v) {
  std::string s(v);
  if (EndsWith(s, "s") || EndsWith(s, "x") || EndsWith(s, "z") || EndsWith(s, "ch") ||
      EndsWith(s, "sh") || EndsWith(s, "o"))
    return s + "es";
  if (s.size() >= 2 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  return s + "s";
}

std::string RegularPast(std::string_view v) {
  std::string s(v);
  if (EndsWith(s, "e")) return s + "d";
  if (s.size() >= 2 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ied";
  if (Doubles(s)) return s + s.back() + "ed";
  return s + "ed";
}

std::string Gerund(std::string_view v) {
  std::string s(v);
  if (EndsWith(s, "ie")) return s.substr(0, s.size() - 2) + "ying";
  if (EndsWith(s, "ee") || EndsWith(s, "ye") || EndsWith(s, "oe")) return s + "ing";
  if (EndsWith(s, "e") && s.size() > 2) return s.substr(0, s.size() - 1) + "ing";
  if (Doubles(s)) return s + s.back() + "ing";
  return s + "ing";
}

}  // namespace

std::vector<Inflection> VerbForms(std::string_view lemma) {
  std::vector<Inflection> out;
  std::string base(lemma);
  out.push_back({base, VerbForm::kBase});
  if (base == "be") {
    for (auto f : {"is", "are", "am"}) out.push_back({f, VerbForm::kThirdPerson});
    out.push_back({"was", VerbForm::kPast});
    out.push_back({"were", VerbForm::kPast});
    out.push_back({"been", VerbForm::kParticiple});
    out.push_back({"being", VerbForm::kGerund});
    return out;
  }
  out.push_back({ThirdPerson(base), VerbForm::kThirdPerson});
  bool irregular = false;
  for (const auto& ir : kIrregular) {
    if (ir.base == base) {
      out.push_back({std::string(ir.past), VerbForm::kPast});
      out.push_back({std::string(ir.participle), VerbForm::kParticiple});
      if (base == "burn") out.push_back({"burnt", VerbForm::kPast});
      irregular = true;
      break;
    }
  }
  if (!irregular) {
    std::string p = RegularPast(base);
    out.push_back({p, VerbForm::kPast});
    out.push_back({p, VerbForm::kParticiple});
  }
  out.push_back({Gerund(base), VerbForm::kGerund});
  return out;
}

std::vector<std::string> NounForms(std::string_view noun) {
  std::string s(noun);
  std::vector<std::string> out{s};
  if (EndsWith(s, "s") || EndsWith(s, "x") || EndsWith(s, "z") || EndsWith(s, "ch") ||
      EndsWith(s, "sh")) {
    if (!EndsWith(s, "ss") && EndsWith(s, "s")) return out;  // already plural-looking ("arms")
    out.push_back(s + "es");
  } else if (s.size() >= 2 && s.back() == 'y' && !IsVowel(s[s.size() - 2])) {
    out.push_back(s.substr(0, s.size() - 1) + "ies");
  } else if (EndsWith(s, "man")) {
    out.push_back(s.substr(0, s.size() - 3) + "men");
  } else {
    out.push_back(s + "s");
  }
  return out;
}

}  // namespace sitrep::events
