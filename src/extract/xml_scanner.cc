// The tolerant XML pull scanner (see xml_scanner.h).
#include "extract/xml_scanner.h"

#include <cstring>
#include <string>
#include <string_view>

#include "extract/html_tokenizer.h"
#include "extract/named_references.h"

namespace parallax::xml {
namespace {

// A hostile document may declare any number of prefixes; lookups walk
// this list for every element, so past this many the rest are ignored
// (real feeds declare a dozen at most, all on the root).
constexpr size_t kMaxBindings = 64;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameStart(char c) {
  return IsAsciiAlpha(c) || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}
// Where a tag name ends. Looser than XML's Name production on purpose:
// anything up to white space, '/', '>' or '<' is the name.
bool EndsTagName(char c) { return IsSpace(c) || c == '/' || c == '>' || c == '<'; }
bool EndsAttributeName(char c) { return EndsTagName(c) || c == '='; }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[i]) != LowerAscii(prefix[i])) return false;
  }
  return true;
}

void SplitName(std::string_view qname, std::string_view& prefix, std::string_view& local) {
  const size_t colon = qname.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == qname.size()) {
    prefix = {};
    local = qname;
  } else {
    prefix = qname.substr(0, colon);
    local = qname.substr(colon + 1);
  }
}

// The namespace a prefix conventionally stands for, for documents that use
// one without declaring it (not well formed, and common).
Namespace ConventionalNamespace(std::string_view prefix) {
  struct Convention {
    std::string_view prefix;
    Namespace ns;
  };
  static constexpr Convention kConventions[] = {
      {"atom", Namespace::kAtom},
      {"atom10", Namespace::kAtom},
      {"atom03", Namespace::kAtom},
      {"dc", Namespace::kDublinCore},
      {"dcterms", Namespace::kDublinCore},
      {"content", Namespace::kContent},
      {"news", Namespace::kNews},
      {"image", Namespace::kImage},
      {"media", Namespace::kMedia},
      {"xhtml", Namespace::kXhtml},
      {"rdf", Namespace::kRdf},
  };
  for (const Convention& convention : kConventions) {
    if (convention.prefix == prefix) return convention.ns;
  }
  return Namespace::kOther;
}

}  // namespace

Namespace ClassifyNamespace(std::string_view uri) {
  while (!uri.empty() && IsSpace(uri.front())) uri.remove_prefix(1);
  while (!uri.empty() && (IsSpace(uri.back()) || uri.back() == '/' || uri.back() == '#')) {
    uri.remove_suffix(1);
  }
  if (StartsWithIgnoreCase(uri, "http://")) {
    uri.remove_prefix(7);
  } else if (StartsWithIgnoreCase(uri, "https://")) {
    uri.remove_prefix(8);
  }
  if (uri.empty()) return Namespace::kCore;
  std::string lower;
  for (char c : uri.substr(0, 64)) lower += LowerAscii(c);
  struct Known {
    std::string_view uri;
    Namespace ns;
  };
  static constexpr Known kKnown[] = {
      {"www.w3.org/2005/atom", Namespace::kAtom},
      {"purl.org/atom/ns", Namespace::kAtom},  // Atom 0.3
      {"purl.org/rss/1.0", Namespace::kCore},
      {"my.netscape.com/rdf/simple/0.9", Namespace::kCore},  // RSS 0.90
      {"backend.userland.com/rss2", Namespace::kCore},
      {"purl.org/net/rss1.1", Namespace::kCore},
      {"www.sitemaps.org/schemas/sitemap/0.9", Namespace::kCore},
      {"www.google.com/schemas/sitemap/0.84", Namespace::kCore},
      {"www.google.com/schemas/sitemap/0.9", Namespace::kCore},
      {"www.google.com/schemas/sitemap-news/0.9", Namespace::kNews},
      {"www.google.com/schemas/sitemap-image/1.1", Namespace::kImage},
      {"www.w3.org/1999/02/22-rdf-syntax-ns", Namespace::kRdf},
      {"purl.org/dc/elements/1.1", Namespace::kDublinCore},
      {"purl.org/dc/terms", Namespace::kDublinCore},
      {"purl.org/rss/1.0/modules/content", Namespace::kContent},
      {"search.yahoo.com/mrss", Namespace::kMedia},
      {"www.w3.org/1999/xhtml", Namespace::kXhtml},
      {"www.w3.org/xml/1998/namespace", Namespace::kXml},
  };
  for (const Known& known : kKnown) {
    if (known.uri == lower) return known.ns;
  }
  return Namespace::kOther;
}

const std::string_view* Scanner::FindAttribute(std::string_view local,
                                               std::string_view prefix) const {
  for (const Attribute& attribute : attributes_) {
    if (attribute.local == local && (prefix.empty() || attribute.prefix == prefix)) {
      return &attribute.raw_value;
    }
  }
  return nullptr;
}

bool Scanner::Next(Event& event) {
  if (pending_ends_ > 0) {
    --pending_ends_;
    EmitEnd(event);
    return true;
  }
  while (pos_ < in_.size()) {
    if (in_[pos_] != '<') {
      const void* lt = std::memchr(in_.data() + pos_, '<', in_.size() - pos_);
      const size_t end = lt == nullptr ? in_.size() : static_cast<const char*>(lt) - in_.data();
      event.type = EventType::kText;
      event.text = in_.substr(pos_, end - pos_);
      pos_ = end;
      return true;
    }
    if (ReadMarkup(event)) return true;
  }
  return false;
}

// At a '<': true with an event, or false when the markup was skipped
// (a comment, a processing instruction, a DOCTYPE, an end tag that closes
// nothing).
bool Scanner::ReadMarkup(Event& event) {
  const std::string_view rest = in_.substr(pos_);
  const char next = rest.size() > 1 ? rest[1] : '\0';
  if (next == '!') {
    if (rest.starts_with("<!--")) {
      pos_ += 4;
      SkipPast("-->");
    } else if (rest.starts_with("<![CDATA[")) {
      const size_t begin = pos_ + 9;
      const size_t end = in_.find("]]>", begin);
      event.type = EventType::kCData;
      if (end == std::string_view::npos) {
        truncated_ = true;
        event.text = in_.substr(begin);
        pos_ = in_.size();
      } else {
        event.text = in_.substr(begin, end - begin);
        pos_ = end + 3;
      }
      return true;
    } else if (StartsWithIgnoreCase(rest, "<!DOCTYPE")) {
      SkipDoctype();
    } else {
      pos_ += 2;
      SkipPast(">");
    }
    return false;
  }
  if (next == '?') {
    pos_ += 2;
    SkipPast("?>");
    return false;
  }
  if (next == '/') {
    ReadEndTag();
    if (pending_ends_ == 0) return false;
    --pending_ends_;
    EmitEnd(event);
    return true;
  }
  if (IsNameStart(next)) return ReadStartTag(event);
  // A '<' that starts no markup ("a < b" in a not-well-formed feed) is text.
  event.type = EventType::kText;
  event.text = in_.substr(pos_, 1);
  ++pos_;
  return true;
}

bool Scanner::ReadStartTag(Event& event) {
  const size_t name_begin = pos_ + 1;
  size_t name_end = name_begin;
  while (name_end < in_.size() && !EndsTagName(in_[name_end])) ++name_end;
  Frame frame;
  frame.qname = in_.substr(name_begin, name_end - name_begin);
  SplitName(frame.qname, frame.prefix, frame.local);
  pos_ = name_end;
  const size_t depth = stack_.size() + 1;
  const bool self_closing = ReadAttributes(depth);
  frame.ns = Resolve(frame.prefix);
  stack_.push_back(frame);
  // Past the cap an element is reported as empty, so the stack holds at
  // most kMaxDepth frames between events.
  if (self_closing || depth > kMaxDepth) pending_ends_ = 1;
  event.type = EventType::kStart;
  event.local = frame.local;
  event.prefix = frame.prefix;
  event.ns = frame.ns;
  event.depth = depth;
  event.text = {};
  return true;
}

// Reads the attributes up to the end of the tag; true for "/>".
bool Scanner::ReadAttributes(size_t depth) {
  attributes_.clear();
  while (true) {
    while (pos_ < in_.size() && IsSpace(in_[pos_])) ++pos_;
    if (pos_ >= in_.size()) {
      truncated_ = true;
      return false;
    }
    const char c = in_[pos_];
    if (c == '>') {
      ++pos_;
      return false;
    }
    if (c == '/') {
      ++pos_;
      if (pos_ < in_.size() && in_[pos_] == '>') {
        ++pos_;
        return true;
      }
      continue;
    }
    // "<a href='x' <b>": the broken tag ends where the next one begins.
    if (c == '<') return false;
    const size_t name_begin = pos_;
    while (pos_ < in_.size() && !EndsAttributeName(in_[pos_])) ++pos_;
    if (pos_ == name_begin) {  // a stray '=' or quote
      ++pos_;
      continue;
    }
    Attribute attribute;
    SplitName(in_.substr(name_begin, pos_ - name_begin), attribute.prefix, attribute.local);
    while (pos_ < in_.size() && IsSpace(in_[pos_])) ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '=') {
      ++pos_;
      while (pos_ < in_.size() && IsSpace(in_[pos_])) ++pos_;
      if (pos_ < in_.size() && (in_[pos_] == '"' || in_[pos_] == '\'')) {
        const size_t close = in_.find(in_[pos_], pos_ + 1);
        if (close == std::string_view::npos) {
          truncated_ = true;
          attribute.raw_value = in_.substr(pos_ + 1);
          pos_ = in_.size();
        } else {
          attribute.raw_value = in_.substr(pos_ + 1, close - pos_ - 1);
          pos_ = close + 1;
        }
      } else {
        const size_t value_begin = pos_;
        while (pos_ < in_.size() && !IsSpace(in_[pos_]) && in_[pos_] != '>') ++pos_;
        attribute.raw_value = in_.substr(value_begin, pos_ - value_begin);
      }
    }
    const bool declares_default = attribute.prefix.empty() && attribute.local == "xmlns";
    if ((declares_default || attribute.prefix == "xmlns") && bindings_.size() < kMaxBindings) {
      bindings_.push_back({declares_default ? std::string_view() : attribute.local,
                           ClassifyNamespace(attribute.raw_value), depth});
    }
    attributes_.push_back(attribute);
  }
}

void Scanner::ReadEndTag() {
  const size_t name_begin = pos_ + 2;
  size_t name_end = name_begin;
  while (name_end < in_.size() && !EndsTagName(in_[name_end])) ++name_end;
  const std::string_view qname = in_.substr(name_begin, name_end - name_begin);
  pos_ = name_end;
  SkipPast(">");
  // The nearest open element of that name closes, with any left open
  // inside it; an end tag that matches nothing is ignored. The search is
  // bounded by kMaxDepth, so the scan stays linear.
  for (size_t i = stack_.size(); i > 0; --i) {
    if (stack_[i - 1].qname == qname) {
      pending_ends_ = stack_.size() - (i - 1);
      return;
    }
  }
}

void Scanner::EmitEnd(Event& event) {
  const Frame& frame = stack_.back();
  event.type = EventType::kEnd;
  event.local = frame.local;
  event.prefix = frame.prefix;
  event.ns = frame.ns;
  event.depth = stack_.size();
  event.text = {};
  stack_.pop_back();
  while (!bindings_.empty() && bindings_.back().depth > stack_.size()) bindings_.pop_back();
}

// Skips "<!DOCTYPE ...>" with its internal subset: quoted strings and
// comments inside may hold '>' or ']' without ending anything. Nothing in
// it is read, so entity definitions have no effect at all.
void Scanner::SkipDoctype() {
  size_t p = pos_ + 9;
  bool in_subset = false;
  while (p < in_.size()) {
    const char c = in_[p];
    if (c == '"' || c == '\'') {
      const size_t close = in_.find(c, p + 1);
      if (close == std::string_view::npos) break;
      p = close + 1;
    } else if (in_subset && in_.substr(p).starts_with("<!--")) {
      const size_t close = in_.find("-->", p + 4);
      if (close == std::string_view::npos) break;
      p = close + 3;
    } else if (c == '[') {
      in_subset = true;
      ++p;
    } else if (c == ']') {
      in_subset = false;
      ++p;
    } else if (c == '>' && !in_subset) {
      pos_ = p + 1;
      return;
    } else {
      ++p;
    }
  }
  truncated_ = true;
  pos_ = in_.size();
}

void Scanner::SkipPast(std::string_view terminator) {
  const size_t end = in_.find(terminator, pos_);
  if (end == std::string_view::npos) {
    truncated_ = true;
    pos_ = in_.size();
  } else {
    pos_ = end + terminator.size();
  }
}

Namespace Scanner::Resolve(std::string_view prefix) const {
  if (prefix == "xml") return Namespace::kXml;
  for (size_t i = bindings_.size(); i > 0; --i) {
    if (bindings_[i - 1].prefix == prefix) {
      const Namespace ns = bindings_[i - 1].ns;
      // An unknown default namespace is still the document's own vocabulary.
      return prefix.empty() && ns == Namespace::kOther ? Namespace::kCore : ns;
    }
  }
  return prefix.empty() ? Namespace::kCore : ConventionalNamespace(prefix);
}

void AppendDecoded(std::string_view raw, std::string& out) {
  size_t pos = 0;
  while (pos < raw.size()) {
    const size_t amp = raw.find('&', pos);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(pos));
      return;
    }
    out.append(raw.substr(pos, amp - pos));
    size_t p = amp + 1;
    if (p < raw.size() && raw[p] == '#') {
      const bool hex = p + 1 < raw.size() && (raw[p + 1] == 'x' || raw[p + 1] == 'X');
      size_t q = p + 1 + (hex ? 1 : 0);
      const size_t digits_begin = q;
      uint32_t value = 0;
      for (; q < raw.size(); ++q) {
        const char c = raw[q];
        int digit;
        if (IsDigit(c)) {
          digit = c - '0';
        } else if (hex && LowerAscii(c) >= 'a' && LowerAscii(c) <= 'f') {
          digit = LowerAscii(c) - 'a' + 10;
        } else {
          break;
        }
        if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      }
      if (q == digits_begin) {
        out += '&';
        pos = amp + 1;
        continue;
      }
      if (q < raw.size() && raw[q] == ';') ++q;
      char32_t code_point = value;
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        code_point = 0xFFFD;
      } else if (value >= 0x80 && value <= 0x9F) {
        code_point = html::Windows1252CodePoint(static_cast<uint8_t>(value));
      }
      html::AppendCodePoint(code_point, out);
      pos = q;
      continue;
    }
    size_t q = p;
    while (q < raw.size() && q - p <= html::kLongestReferenceName &&
           (IsAsciiAlpha(raw[q]) || IsDigit(raw[q]))) {
      ++q;
    }
    if (q == p || q >= raw.size() || raw[q] != ';') {
      out += '&';
      pos = amp + 1;
      continue;
    }
    const std::string_view name = raw.substr(p, q - p);
    if (name == "amp") {
      out += '&';
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "apos") {
      out += '\'';
    } else if (const html::NamedReference* reference = html::FindNamedReference(name, false)) {
      html::AppendCodePoint(reference->first, out);
      if (reference->second != 0) html::AppendCodePoint(reference->second, out);
    } else {
      out += '&';
      pos = amp + 1;
      continue;
    }
    pos = q + 1;
  }
}

}  // namespace parallax::xml
