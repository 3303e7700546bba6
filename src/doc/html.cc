// Article text from HTML with gumbo: the title, and the text of block elements (paragraphs,
// headings, list items, quotes, table cells), one block per paragraph. Everything a reader
// does not read as the article is dropped: scripts, styles, navigation, page header and
// footer, asides, forms, hidden elements.
#include <gumbo.h>

#include <cstring>
#include <string>

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

struct Walker {
  std::string text;
  std::string h1;
  int depth_limit = 2000;

  void Walk(const GumboNode* node, int depth) {
    // Iterative deepening would be safer; gumbo itself caps nesting, and we cap here.
    if (depth > depth_limit) return;
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
    size_t before = text.size();
    for (unsigned i = 0; i < children->length; ++i)
      Walk(static_cast<const GumboNode*>(children->data[i]), depth + 1);
    if (tag == GUMBO_TAG_H1 && h1.empty()) h1 = text.substr(before);
    if (block) EndBlock(&text);
  }
};

void FindMeta(const GumboNode* node, Document* doc, std::string* title, int depth) {
  if (depth > 2000 || node->type != GUMBO_NODE_ELEMENT) {
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& ch = node->v.document.children;
      for (unsigned i = 0; i < ch.length; ++i)
        FindMeta(static_cast<const GumboNode*>(ch.data[i]), doc, title, depth + 1);
    }
    return;
  }
  const GumboElement& e = node->v.element;
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
  for (unsigned i = 0; i < e.children.length; ++i)
    FindMeta(static_cast<const GumboNode*>(e.children.data[i]), doc, title, depth + 1);
}

}  // namespace

void ExtractHtml(std::string_view html, Document* doc) {
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&opts, html.data(), html.size());
  std::string title;
  FindMeta(out->document, doc, &title, 0);
  Walker w;
  w.Walk(out->document, 0);
  gumbo_destroy_output(&opts, out);
  while (!w.text.empty() && (w.text.back() == '\n' || w.text.back() == ' ')) w.text.pop_back();
  doc->text = std::move(w.text);
  if (title.empty()) title = w.h1;
  while (!title.empty() && title.back() == ' ') title.pop_back();
  doc->title = std::move(title);
}

}  // namespace sitrep
