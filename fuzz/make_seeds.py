#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ (small inputs written for this project; no
evaluation data). The index seeds come from make_index_seed.sh (they need a built sitrep).
Run from anywhere: python3 fuzz/make_seeds.py. Rewrites only the seeds it owns (seed_*)."""
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

NEWS = [
    "KABUL, Aug 8 (Reuters) - The Taliban on Sunday seized Kunduz, 300 km north of Kabul, "
    "after heavy fighting with Afghan forces, officials said. \"The city has fallen,\" a "
    "provincial council member told AFP.",
    "Gunmen attacked a checkpoint near Gao on Tuesday, killing three soldiers and wounding "
    "five others, the army said in a statement. Nobody claimed the attack.",
    "Hundreds of protesters gathered in Kharkiv on 10 September 2022 to demand the release "
    "of detained activists. Police fired tear gas and arrested 12 people.",
    "An air strike hit a market in Marib province late on Friday, according to local "
    "residents. At least 7 civilians died; the coalition denied responsibility.",
    "Sar-e-Pul fell to the insurgents last week. The group said it would hold elections "
    "\u201cby August 31\u201d \u2014 a claim the U.S. State Department called \u2018absurd\u2019.",
    "On Monday, Dec. 5, unidentified men abducted a priest in Mopti, 400 km further west. "
    "In 2015 the town was briefly held by jihadists. Talks are planned for next month.",
    "Caf\u00e9 owners in Sana'a said troops withdrew \u2026 between 1996 and 2001 the "
    "region saw clashes every few weeks. At 10:30 a.m. a car bomb exploded near the "
    "ministry; 9/11-style attacks were not ruled out.",
    "Ukrainian troops recaptured the village of Kupiansk, the governor of Kharkiv Oblast "
    "said on Telegram on Saturday morning, two days after Russian forces shelled it.",
]

ODD_TEXT = [
    "",
    "\ufeffA byte order mark opens this report.\r\nThen CRLF line ends.\r\n",
    "e\u0301 (combining acute) and \u00e9 precomposed; \u0627\u0644\u0642\u0627\u0639\u062f\u0629 in Arabic.",
    "U.S. Gen. J. Smith, Mr. Ali and Dr. Khan met at 3 p.m. (local time) on 2021-08-08.",
    "HEADLINE WITHOUT A FULL STOP\nThe body starts here. And ends here!\n\n\nNew paragraph?",
    "\"Quoted speech without a speaker.\" \"Another,\" he said. 'Single quotes,' she added.",
    "10,000 people; 3.5 km; 1990s; 9th; 24/7; \u00bd; \u2013\u2014\u2212 dashes.",
    "\u200b\u200dzero width\u00a0no-break\u2009thin spaces and \U0001F600 emoji.",
]


def write(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    with open(os.path.join(d, "seed_" + name), "wb") as f:
        f.write(data)


def jsonl():
    good = [json.dumps({"id": f"n{i}", "date": "2021-08-0%d" % (1 + i % 9), "title": "T",
                        "source": "AFP", "url": "http://x", "lang": "en", "text": t})
            for i, t in enumerate(NEWS)]
    write("jsonl", "good", "\n".join(good) + "\n")
    lines = [
        '{"id":"a","text":"Clashes in Gao."}',
        '{"id":"b","text":42}',
        '{"id":"c","text":null}',
        '{"id":"d","text":["x"]}',
        '{"id":"e"}',
        'not json at all',
        '[1,2,3]',
        '{"id":"f","text":"first","text":"second","id":"g"}',
        '\ufeff{"id":"h","text":"after a BOM"}\r',
        '{"id":7,"text":"numeric id","date":"20210808"}',
        '{"id":"i","text":"bad date","date":"yesterday"}',
        '{"id":"j","text":"escapes \\u00e9 \\ud83d\\ude00 \\n \\t \\" \\\\ \\/"}',
        '{"id":"k","text":"lone \\ud800 surrogate"}',
        '{"id":"l","text":"raw\ttab"}',
        '{"id":"m","text":"x","a":' + "[" * 40 + "]" * 40 + '}',
        '   ',
        '{"id":"n","text":"unterminated',
    ]
    write("jsonl", "mixed", "\n".join(lines) + "\n")
    write("jsonl", "bad_utf8", b'{"id":"u","text":"bad \xc3\x28 \xed\xa0\x80 \xc0\xaf \xf5\x80 end"}\n'
                               b'{"id":"v","text":"nul \x00 byte"}\n')
    write("jsonl", "crlf", '{"id":"a","text":"one"}\r\n{"id":"b","text":"two"}\r\n\r\n')
    write("jsonl", "no_newline", '{"id":"z","text":"last line without newline"}')


def html():
    write("html", "article",
          "<!doctype html><html lang=en><head><title>Clashes in Gao</title>"
          "<meta property='article:published_time' content='2023-05-16T10:00:00Z'>"
          "<meta property='og:site_name' content='Test Wire'><style>p{}</style>"
          "<script>var x='<p>no</p>';</script></head><body><header>Menu</header>"
          "<nav><a href=/>Home</a></nav><article><h1>Gunmen attack a checkpoint</h1>"
          "<p>" + NEWS[1] + "</p><p>Second&nbsp;paragraph &amp; more &eacute; &#x263A;"
          "<br>after a break</p><ul><li>one</li><li>two</li></ul>"
          "<table><tr><td>cell</td><th>head</th></tr></table>"
          "<div hidden>hidden</div><div style='display:none'>gone</div>"
          "<aside>aside</aside></article><footer>(c)</footer></body></html>")
    write("html", "broken", "<p>unclosed <b>bold <i>italic</p><div><p>nested</div>"
                            "<table><p>misplaced</table><!-- comment --><![CDATA[x]]>"
                            "</body></html><p>after the end")
    write("html", "meta", "<html><head><meta name=date content=20210808>"
                          "<meta name=og:title content='OG title'></head>"
                          "<body><time datetime='2021-08-07'>Saturday</time>"
                          "<p>" + NEWS[0] + "</p></body></html>")
    write("html", "nested", "<div>" * 200 + "deep text" + "</div>" * 200 +
                            "<b><i><u>" * 50 + "format" + "<p>" * 50)
    write("html", "bad_bytes", b"<html><body><p>bad \xff\xfe bytes \x00 nul</p></body></html>")
    write("html", "empty", "")


def text():
    for i, t in enumerate(NEWS + ODD_TEXT):
        write("text", "%02d" % i, t)
    write("text", "bad_bytes", b"bad \xc3\x28 \xed\xa0\x80 \xc0\xaf \xf5\x80\x80\x80 \x00 end \xe2\x80")


def time_():
    exprs = ("on Sunday", "at the end of June", "since May", "in 2015", "by August 31",
             "last week", "two days ago", "next month", "between 1996 and 2001",
             "on 10 September 2022", "early on Friday", "the 1990s", "every Monday",
             "for three weeks", "yesterday", "this morning", "Dec. 5", "mid-2020",
             "the past 48 hours", "late last year", "on Feb 29", "Q3 2021", "summer 2019")
    for k, e in enumerate(exprs):
        write("time", "%02d" % k, bytes([k % 9]) + ("Fighting broke out %s near the town." % e).encode())
    for i, t in enumerate(NEWS):
        write("time", "news%d" % i, bytes([1 + i % 7]) + t.encode())
    write("time", "raw_dct", b"\x082021-13-45Clashes on Sunday and last week.")
    write("time", "raw_dct2", b"\x08xxxx-yy-zzClashes on Sunday.")
    write("time", "dateline", b"\x00KABUL, Aug 8 (Reuters) - Clashes on Sunday.")
    write("time", "dateline2", b"\x00Thursday 3 January 2013\n\nFighting on Tuesday.")


def pipeline():
    for i, t in enumerate(NEWS):
        write("pipeline", "news%d" % i, bytes([i % 5]) + t.encode())
    write("pipeline", "all", b"\x01" + "\n\n".join(NEWS).encode())
    for i, t in enumerate(ODD_TEXT):
        write("pipeline", "odd%d" % i, b"\x02" + t.encode())


def dict_():
    actors = ("# comment\n"
              "army|troops|soldiers\tMilitary Forces of {country}\tstate forces\t\tgeneric\n"
              "taliban|the taliban\tTaliban\trebel group\tAF\n"
              "hts\tHayat Tahrir al-Sham\trebel group\tSY\n"
              "police\tPolice Forces of {country}\tstate forces\t\tgeneric,police\n"
              "protesters|demonstrators\tProtesters ({country})\tprotesters\t\tgeneric\n"
              "warplanes\tMilitary Forces of {country}\tstate forces\t\tgeneric,air\n"
              "forces\tMilitary Forces of {country}\tstate forces\t\tgeneric,weak\n")
    events = ("# comment\n"
              "airstrike:n\tAIR\n"
              "attack:v\tATTACK\n"
              "seize:vx\tCAPTURE\tweak\n"
              "set fire to\tDESTROY\tlc\n"
              "open:v fire on\tSHOOT\n"
              "take:v to the streets\tPROTEST\tpassive\n")
    write("dict", "actors", b"\x00" + actors.encode())
    write("dict", "events", b"\x01" + events.encode())
    write("dict", "actors_bad", b"\x00" + b"\xef\xbb\xbfx\tX\tnot a kind\nonly one column\n"
          b"a\tA\tstate forces\tafg\n" b"b\tB\tstate forces\tAF\tbogus\n\r\n")
    write("dict", "events_bad", b"\x01" + b"x:v y:v\tKILL\nz\tNOCUE\n\tKILL\n"
          b"a\tKILL\tbogus\n" + b"w " * 20 + b"\tKILL\n")
    write("dict", "crlf", b"\x00" + actors.replace("\n", "\r\n").encode())


def main():
    jsonl()
    html()
    text()
    time_()
    pipeline()
    dict_()
    for t in ("jsonl", "html", "text", "time", "pipeline", "dict", "index"):
        os.makedirs(os.path.join(ROOT, t), exist_ok=True)


if __name__ == "__main__":
    main()
