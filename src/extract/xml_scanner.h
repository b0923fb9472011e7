// A tolerant XML pull scanner, written for feeds and sitemaps as servers
// send them: it reads well-formed XML, and goes on where a strict parser
// stops (undefined entities, a bare '&' or '<', unquoted attributes, end
// tags that close nothing or close several elements, a document cut off).
//
//   xml::Scanner scanner(utf8_text);
//   xml::Event event;
//   while (scanner.Next(event)) {
//     if (event.type == xml::EventType::kStart && event.local == "item") ...
//   }
//
// Guarantees, for any input: linear time, no recursion, memory bounded by
// the nesting cap and the attributes of one tag (no per-character
// allocation: names, text and attribute values are views into the input).
// A DOCTYPE is skipped whole, internal subset included: no entity it
// defines is ever expanded, so an entity bomb is inert.
#ifndef PARALLAX_EXTRACT_XML_SCANNER_H_
#define PARALLAX_EXTRACT_XML_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::xml {

// The vocabularies feeds and sitemaps mix, recognised by namespace URI, or
// by the conventional prefix when a document uses one it never declared.
// kCore is the document's own vocabulary: no namespace, RSS 1.0's and
// 0.90's, the sitemap protocol's, or a default namespace nobody knows.
enum class Namespace : uint8_t {
  kCore,
  kAtom,
  kRdf,
  kDublinCore,
  kContent,
  kNews,  // Google News sitemaps
  kImage,
  kMedia,
  kXhtml,
  kXml,  // the "xml:" prefix (xml:base, xml:lang)
  kOther,
};

enum class EventType {
  kStart,  // local, prefix, ns, depth; attributes() holds the tag's attributes
  kEnd,    // local, prefix, ns, depth (as its start)
  kText,   // text: raw character data, references not decoded (see AppendDecoded)
  kCData,  // text: the section's content, as is
};

struct Event {
  EventType type = EventType::kText;
  std::string_view local;   // the name without its prefix
  std::string_view prefix;  // "" when none
  Namespace ns = Namespace::kCore;
  size_t depth = 0;  // 1 for the root element
  std::string_view text;
};

struct Attribute {
  std::string_view prefix;
  std::string_view local;
  std::string_view raw_value;  // references not decoded (see AppendDecoded)
};

class Scanner {
 public:
  // Deeper elements are reported as empty ones (a start and its end at
  // once), so nesting costs no memory beyond this.
  static constexpr size_t kMaxDepth = 256;

  explicit Scanner(std::string_view document) : in_(document) {}
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Overwrites `event` with the next event; false at the end of the input.
  // Elements still open at the end get no end events (see open_elements).
  bool Next(Event& event);

  // The attributes of the last start event.
  const std::vector<Attribute>& attributes() const { return attributes_; }
  // The raw value of the last start tag's attribute `local` (any prefix,
  // or exactly `prefix` when given); nullptr when absent.
  const std::string_view* FindAttribute(std::string_view local, std::string_view prefix = {}) const;

  // Elements open now: after the last event, those never closed.
  size_t open_elements() const { return stack_.size(); }
  // True when a start tag, comment, CDATA section or DOCTYPE was cut off
  // by the end of the input.
  bool truncated() const { return truncated_; }

 private:
  struct Frame {
    std::string_view qname;
    std::string_view prefix;
    std::string_view local;
    Namespace ns;
  };
  struct Binding {
    std::string_view prefix;
    Namespace ns;
    size_t depth;
  };

  bool ReadMarkup(Event& event);
  bool ReadStartTag(Event& event);
  void ReadEndTag();
  void SkipDoctype();
  void SkipPast(std::string_view terminator);
  bool ReadAttributes(size_t depth);  // true for "/>"
  Namespace Resolve(std::string_view prefix) const;
  void EmitEnd(Event& event);

  std::string_view in_;
  size_t pos_ = 0;
  std::vector<Frame> stack_;
  std::vector<Binding> bindings_;
  std::vector<Attribute> attributes_;
  size_t pending_ends_ = 0;  // end events owed: an end tag closed several elements
  bool truncated_ = false;
};

// Appends `raw` with its references decoded: XML's five, numeric ones
// (&#233; &#xE9;; &#128;-&#159; as windows-1252, as browsers read them)
// and HTML's named ones (&nbsp; &eacute;), which real feeds use without
// declaring. Anything else, a bare '&' included, stays as written.
void AppendDecoded(std::string_view raw, std::string& out);

// The namespace a URI names.
Namespace ClassifyNamespace(std::string_view uri);

}  // namespace parallax::xml

#endif  // PARALLAX_EXTRACT_XML_SCANNER_H_
