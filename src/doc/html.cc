// Article text from HTML with gumbo: the title, and the text of block elements (paragraphs,
// headings, list items, quotes, table cells), one block per paragraph. Everything a reader
// does not read as the article is dropped: scripts, styles, navigation, page header and
// footer, asides, forms, hidden elements.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doc/reader.h"

namespace sitrep {
namespace {

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_FIGURE:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TR: case GUMBO_TAG_BODY: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
      return true;
    default:
      return false;
  }
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

bool IsHidden(const GumboElement& e) {
  if (Attr(e, "hidden")) return true;
  const char* aria = Attr(e, "aria-hidden");
  if (aria && std::strcmp(aria, "true") == 0) return true;
  const char* style = Attr(e, "style");
  if (style && (std::strstr(style, "display:none") || std::strstr(style, "display: none")))
    return true;
  const char* role = Attr(e, "role");
  if (role && (std::strcmp(role, "navigation") == 0 || std::strcmp(role, "banner") == 0 ||
               std::strcmp(role, "contentinfo") == 0))
    return true;
  return false;
}

// Appends text with runs of white space collapsed to one space.
void AppendCollapsed(const char* s, std::string* out) {
  for (; *s; ++s) {
    unsigned char c = static_cast<unsigned char>(*s);
    bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (sp) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

void EndBlock(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (out->empty()) return;
  if (out->size() >= 2 && (*out)[out->size() - 1] == '\n' && (*out)[out->size() - 2] == '\n')
    return;
  if (out->back() == '\n') {
    out->push_back('\n');
  } else {
    out->append("\n\n");
  }
}

// Walks the tree with an explicit stack, not recursion: gumbo puts no bound on nesting, and
// a page of 100,000 nested tags must neither overflow the stack nor lose the text at the
// bottom.
struct Walker {
  std::string text;
  std::string h1;

  struct Frame {
    const GumboVector* children;
    unsigned next;      // the next child to visit
    size_t before;      // text.size() when the element was entered (for h1)
    GumboTag tag;
    bool block;
  };
  std::vector<Frame> stack;

  // Handles a node on the way down: text is appended, an element with children is pushed.
  void Enter(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(node->v.text.text, &text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE)
      return;
    const GumboVector* children;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else {
      const GumboElement& e = node->v.element;
      tag = e.tag;
      if (IsDropped(tag) || IsHidden(e)) return;
      if (tag == GUMBO_TAG_BR) {
        if (!text.empty() && text.back() != '\n') {
          while (!text.empty() && text.back() == ' ') text.pop_back();
          text.push_back('\n');
        }
        return;
      }
      children = &e.children;
    }
    bool block = IsBlock(tag);
    if (block) EndBlock(&text);
    stack.push_back({children, 0, text.size(), tag, block});
  }

  void Walk(const GumboNode* root) {
    Enter(root);
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next < f.children->length) {
        Enter(static_cast<const GumboNode*>(f.children->data[f.next++]));  // may grow stack
        continue;
      }
      if (f.tag == GUMBO_TAG_H1 && h1.empty()) h1 = text.substr(f.before);
      if (f.block) EndBlock(&text);
      stack.pop_back();
    }
  }
};

void VisitMeta(const GumboElement& e, Document* doc, std::string* title) {
  if (e.tag == GUMBO_TAG_TITLE && title->empty() && e.children.length > 0) {
    const GumboNode* t = static_cast<const GumboNode*>(e.children.data[0]);
    if (t->type == GUMBO_NODE_TEXT) AppendCollapsed(t->v.text.text, title);
  } else if (e.tag == GUMBO_TAG_META) {
    const char* key = Attr(e, "property");
    if (!key) key = Attr(e, "name");
    if (!key) key = Attr(e, "itemprop");
    const char* content = Attr(e, "content");
    if (key && content) {
      std::string k(key);
      for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (doc->published.empty() &&
          (k == "article:published_time" || k == "og:published_time" || k == "date" ||
           k == "pubdate" || k == "publishdate" || k == "dc.date" || k == "dc.date.issued" ||
           k == "datepublished" || k == "sailthru.date" || k == "parsely-pub-date")) {
        doc->published = NormalizeDate(content);
      } else if (k == "og:title" && title->empty()) {
        AppendCollapsed(content, title);
      } else if ((k == "og:site_name" || k == "application-name") && doc->source.empty()) {
        doc->source = content;
      }
    }
  } else if (e.tag == GUMBO_TAG_TIME && doc->published.empty()) {
    const char* dt = Attr(e, "datetime");
    if (dt) doc->published = NormalizeDate(dt);
  } else if (e.tag == GUMBO_TAG_HTML) {
    const char* lang = Attr(e, "lang");
    if (lang && doc->lang.empty()) doc->lang = lang;
  }
}

// The title, date, source and language from the page's elements, in document order (the
// first of each wins). Iterative, like Walker.
void FindMeta(const GumboNode* root, Document* doc, std::string* title) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* ch;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      ch = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      VisitMeta(node->v.element, doc, title);
      ch = &node->v.element.children;
    } else {
      continue;
    }
    for (unsigned i = ch->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch->data[i]));
  }
}

// gumbo's tree building scans the stack of open elements at every tag, so its time grows
// with the square of the nesting depth (100,000 nested <div>s take a minute; nested tables
// also take gigabytes). Article pages nest a few dozen levels. BoundNesting follows the
// tags with a light scan and drops the markup of start tags nested deeper than
// kMaxHtmlDepth, with their end tags; their text stays, in the deepest element kept.
//
// The scan understands comments, raw-text elements (script, style, ...), quoted attribute
// values, void elements, SVG and MathML, and the HTML rules for end tags that gumbo follows
// (an end tag closes the elements above its own only through elements that are not
// "special"; a misnested formatting end tag keeps the depth). Elements whose end tag may be
// left out (p, li, td, ...) are not counted: gumbo closes them when the next one starts, so
// a chain of them always has a counted element between two links. Where the scan and gumbo
// could disagree, it counts more open elements, never fewer: the depth gumbo sees stays
// within a small multiple of the bound (the fuzz target checks this).
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
constexpr size_t kMaxHtmlDepth = 24;  // small, so that short fuzz inputs reach it
#else
constexpr size_t kMaxHtmlDepth = 256;
#endif

// ASCII case-insensitive equality (tag names).
bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (SameName(name, n)) return true;
  return false;
}

// Elements that hold no children, or whose end tag may be left out: not counted.
bool AddsNoDepth(std::string_view name) {
  return IsOneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "param", "source", "track", "wbr", "keygen", "basefont",
                        "bgsound", "frame", "image", "p", "li", "dt", "dd", "option", "tr",
                        "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "html",
                        "head", "body"});
}

// Elements whose content is text up to their end tag ("<div>" in a script is not a tag).
bool IsRawText(std::string_view name) {
  return IsOneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                        "noframes"});
}

// The HTML standard's "special" elements (among those counted).
bool IsSpecial(std::string_view name) {
  return IsOneOf(name, {"address", "applet", "article", "aside", "blockquote", "button",
                        "center", "details", "dialog", "dir", "div", "dl", "fieldset",
                        "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3",
                        "h4", "h5", "h6", "header", "hgroup", "iframe", "listing", "main",
                        "marquee", "menu", "nav", "noembed", "noframes", "noscript", "object",
                        "ol", "plaintext", "pre", "script", "search", "section", "select",
                        "style", "summary", "table", "template", "textarea", "title", "ul",
                        "xmp", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext",
                        "annotation-xml"});
}

// End tags that close their element through any element that does not bound a scope.
bool ClosesThroughAnything(std::string_view name) {
  return IsSpecial(name) && !IsOneOf(name, {"applet", "marquee", "object", "table",
                                            "template", "select", "iframe"});
}

// Formatting elements: closed by another element's end tag, they stay on gumbo's list of
// active formatting elements and are opened again at the next text.
bool IsFormatting(std::string_view name) {
  return IsOneOf(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                        "strike", "strong", "tt", "u"});
}

bool BoundsScope(std::string_view name) {
  return IsOneOf(name, {"applet", "marquee", "object", "table", "template", "html",
                        "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext",
                        "annotation-xml"});
}

std::string_view BoundNesting(std::string_view html, std::string* buf, size_t* dropped_tags) {
  const size_t n = html.size();
  std::vector<std::string_view> open;                        // elements counted as open
  std::vector<std::string_view> lingering;  // formatting elements closed by another's end tag
  size_t foreign = 0;                                        // open svg and math elements
  std::vector<std::pair<std::string_view, size_t>> dropped;  // name, start tags dropped
  size_t copied = 0;
  *dropped_tags = 0;
  auto drop = [&](size_t b, size_t e) {
    buf->append(html.substr(copied, b - copied));
    copied = e;
    ++*dropped_tags;
  };
  auto is_foreign_root = [](std::string_view name) { return IsOneOf(name, {"svg", "math"}); };
  auto pop_to = [&](size_t j) {  // closes open[j] (by its end tag) and everything above it
    for (size_t k = j; k < open.size(); ++k) {
      foreign -= is_foreign_root(open[k]);
      if (k > j && IsFormatting(open[k])) lingering.push_back(open[k]);
    }
    open.resize(j);
  };
  auto is_name_char = [](char c) {
    return c != '/' && c != '>' && !std::isspace(static_cast<unsigned char>(c));
  };
  size_t i = 0;
  while (i < n) {
    const void* lt = std::memchr(html.data() + i, '<', n - i);
    if (!lt) break;
    const size_t b = static_cast<size_t>(static_cast<const char*>(lt) - html.data());
    if (html.substr(b, 4) == "<!--") {
      // Ends at "-->" or "--!>"; "<!-->" and "<!--->" are whole (empty) comments.
      size_t e;
      if (html.substr(b + 4, 1) == ">") {
        e = b + 5;
      } else if (html.substr(b + 4, 2) == "->") {
        e = b + 6;
      } else {
        size_t e1 = html.find("-->", b + 4), e2 = html.find("--!>", b + 4);
        e = std::min(e1 == std::string_view::npos ? n : e1 + 3,
                     e2 == std::string_view::npos ? n : e2 + 4);
      }
      i = e;
      continue;
    }
    if (b + 1 < n && (html[b + 1] == '!' || html[b + 1] == '?')) {
      size_t e = html.find('>', b + 2);  // a doctype or a bogus comment
      i = e == std::string_view::npos ? n : e + 1;
      continue;
    }
    const bool end_tag = b + 1 < n && html[b + 1] == '/';
    size_t k = b + (end_tag ? 2 : 1);
    if (k >= n || !std::isalpha(static_cast<unsigned char>(html[k]))) {
      if (end_tag && k < n) {
        // "</" then not a letter: "</>" is dropped, anything else is a bogus comment that
        // ends at the next '>' (HTML's end-tag-open state). Read as text, a "<!--" inside
        // it would hide the rest of the page from this scan, but not from gumbo.
        size_t gt = html.find('>', k);
        i = gt == std::string_view::npos ? n : gt + 1;
      } else {
        i = b + 1;  // a '<' in text
      }
      continue;
    }
    const size_t name_b = k;
    while (k < n && is_name_char(html[k])) ++k;
    const std::string_view name = html.substr(name_b, k - name_b);
    // To the tag's '>'. A quote opens a value only right after '=' (and white space).
    bool self_closing = false;
    while (k < n && html[k] != '>') {
      if (html[k] == '=') {
        ++k;
        while (k < n && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
        if (k < n && (html[k] == '"' || html[k] == '\'')) {
          size_t q = html.find(html[k], k + 1);
          k = q == std::string_view::npos ? n : q + 1;
        }
        continue;
      }
      self_closing = html[k] == '/' && k + 1 < n && html[k + 1] == '>';
      ++k;
    }
    const size_t e = k < n ? k + 1 : n;
    i = e;
    if (end_tag) {
      auto d = std::find_if(dropped.begin(), dropped.end(),
                            [&](const auto& x) { return SameName(x.first, name); });
      if (d != dropped.end()) {
        drop(b, e);
        if (--d->second == 0) dropped.erase(d);
        continue;
      }
      const bool through = foreign > 0 || ClosesThroughAnything(name);
      bool closed = false;
      for (size_t j = open.size(); j-- > 0;) {
        if (SameName(open[j], name)) {
          pop_to(j);
          closed = true;
          break;
        }
        if (through ? BoundsScope(open[j]) : IsSpecial(open[j])) break;  // ignored
      }
      if (!closed && IsFormatting(name)) {
        for (size_t j = lingering.size(); j-- > 0;) {
          if (SameName(lingering[j], name)) {
            lingering.erase(lingering.begin() + static_cast<std::ptrdiff_t>(j));
            break;
          }
        }
      }
      continue;
    }
    if (foreign == 0) {
      if (SameName(name, "plaintext")) break;  // the rest of the page is text
      if (IsRawText(name)) {
        size_t j = e;
        for (;;) {
          size_t c = html.find("</", j);
          if (c == std::string_view::npos || SameName(html.substr(c + 2, name.size()), name)) {
            i = c == std::string_view::npos ? n : c;
            break;
          }
          j = c + 2;
        }
        continue;
      }
      if (AddsNoDepth(name)) continue;
    } else if (self_closing) {
      continue;  // <path/> in SVG holds nothing
    }
    if (open.size() + lingering.size() < kMaxHtmlDepth) {
      open.push_back(name);
      foreign += is_foreign_root(name);
      continue;
    }
    drop(b, e);
    auto d = std::find_if(dropped.begin(), dropped.end(),
                          [&](const auto& x) { return SameName(x.first, name); });
    if (d != dropped.end()) {
      ++d->second;
    } else {
      dropped.push_back({name, 1});
    }
  }
  if (*dropped_tags == 0) return html;
  buf->append(html.substr(copied));
  return *buf;
}

// gumbo's memory, every block linked into one list: the whole tree is freed by one loop.
// gumbo_destroy_output frees the tree by recursion, one frame per level of nesting, which a
// deeply nested page turns into a stack overflow; so it is never called.
class GumboMemory {
 public:
  GumboMemory() { head_.prev = head_.next = &head_; }
  ~GumboMemory() {
    for (Header* h = head_.next; h != &head_;) {
      Header* next = h->next;
      std::free(h);
      h = next;
    }
  }
  GumboMemory(const GumboMemory&) = delete;
  GumboMemory& operator=(const GumboMemory&) = delete;

  static void* Allocate(void* self, size_t n) {
    auto* m = static_cast<GumboMemory*>(self);
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + n));
    if (!h) {  // gumbo cannot recover from a failed allocation; neither does operator new
      std::fputs("sitrep: out of memory while parsing HTML\n", stderr);
      std::abort();
    }
    h->prev = &m->head_;
    h->next = m->head_.next;
    m->head_.next->prev = h;
    m->head_.next = h;
    return h + 1;
  }
  static void Deallocate(void*, void* p) {
    if (!p) return;
    Header* h = static_cast<Header*>(p) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    std::free(h);
  }

 private:
  struct alignas(std::max_align_t) Header {
    Header* prev;
    Header* next;
  };
  Header head_;
};

}  // namespace

size_t MaxHtmlDepth() { return kMaxHtmlDepth; }

size_t ParsedHtmlDepth(std::string_view html) {
  std::string bounded;
  size_t dropped = 0;
  html = BoundNesting(html, &bounded, &dropped);
  GumboMemory memory;
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 1000;
  opts.allocator = &GumboMemory::Allocate;
  opts.deallocator = &GumboMemory::Deallocate;
  opts.userdata = &memory;
  GumboOutput* out = gumbo_parse_with_options(&opts, html.data(), html.size());
  size_t deepest = 0;
  std::vector<std::pair<const GumboNode*, size_t>> stack = {{out->document, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    const GumboVector* ch = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                            : node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE
                                ? &node->v.element.children
                                : nullptr;
    if (!ch) continue;
    for (unsigned k = 0; k < ch->length; ++k)
      stack.push_back({static_cast<const GumboNode*>(ch->data[k]), depth + 1});
  }
  return deepest;
}

void ExtractHtml(std::string_view html, Document* doc) {
  GumboMemory memory;  // frees the whole tree on return (see GumboMemory)
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 1000;
  opts.allocator = &GumboMemory::Allocate;
  opts.deallocator = &GumboMemory::Deallocate;
  opts.userdata = &memory;
  std::string bounded;
  size_t dropped = 0;
  html = BoundNesting(html, &bounded, &dropped);
  if (dropped) {
    doc->warnings.push_back("HTML nested deeper than " + std::to_string(kMaxHtmlDepth) +
                            " elements: the markup of " + std::to_string(dropped) +
                            " deeper tag(s) ignored, their text kept");
  }
  GumboOutput* out = gumbo_parse_with_options(&opts, html.data(), html.size());
  std::string title;
  FindMeta(out->document, doc, &title);
  Walker w;
  w.Walk(out->document);
  while (!w.text.empty() && (w.text.back() == '\n' || w.text.back() == ' ')) w.text.pop_back();
  doc->text = std::move(w.text);
  if (title.empty()) title = w.h1;
  while (!title.empty() && title.back() == ' ') title.pop_back();
  doc->title = std::move(title);
}

}  // namespace sitrep
