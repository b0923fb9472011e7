// ExtractHtml: the main text and metadata of one news page.
//
// One pass over the tokens builds a flat table of elements (parent links,
// preorder ids, flags inherited from ancestors) and a flat list of text
// blocks. The main text is then chosen the way readability-style extractors
// do: paragraphs give points to the elements that contain them, class/id
// words and link density adjust the points, and the best element (plus
// siblings that score nearly as well) is the article. Inside it, blocks that
// sit in debris (share bars, related links, comment lists...) are dropped.
// All rules are generic; no site's class names appear here.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/html_tokenizer.h"
#include "parallax/extract.h"

namespace parallax {
namespace {

using html::Token;
using html::TokenType;

// What an element is, as far as text extraction cares.
enum TagBit : uint32_t {
  kBlock = 1 << 0,        // starts and ends a text block
  kSkip = 1 << 1,         // its content is never text (script, svg, button...)
  kVoid = 1 << 2,         // has no content and no end tag
  kStructural = 1 << 3,   // header/footer/nav/aside/form: page furniture
  kHeading = 1 << 4,
  kCaption = 1 << 5,      // figcaption, or class "...caption..."
  kLink = 1 << 6,
  kPre = 1 << 7,
  kListItem = 1 << 8,
  kFigure = 1 << 9,
  kParagraph = 1 << 10,
  kArticle = 1 << 11,     // <article>, <main>, itemprop=articleBody
};

// The bits an element passes on to everything inside it.
constexpr uint32_t kInherited = kSkip | kCaption | kLink | kPre | kListItem | kFigure | kHeading;

uint32_t TagBits(std::string_view tag) {
  static const auto* const kTable = new std::unordered_map<std::string_view, uint32_t>{
      {"p", kBlock | kParagraph}, {"div", kBlock}, {"section", kBlock}, {"center", kBlock},
      {"blockquote", kBlock}, {"pre", kBlock | kPre}, {"address", kBlock}, {"body", kBlock},
      {"html", kBlock}, {"li", kBlock | kListItem}, {"dd", kBlock | kListItem},
      {"dt", kBlock | kListItem}, {"ul", kBlock}, {"ol", kBlock}, {"dl", kBlock},
      {"menu", kBlock}, {"dir", kBlock}, {"table", kBlock}, {"thead", kBlock},
      {"tbody", kBlock}, {"tfoot", kBlock}, {"tr", kBlock}, {"td", kBlock}, {"th", kBlock},
      {"caption", kBlock}, {"details", kBlock}, {"summary", kBlock}, {"dialog", kBlock},
      {"fieldset", kBlock}, {"legend", kBlock}, {"hgroup", kBlock},
      {"figure", kBlock | kFigure}, {"figcaption", kBlock | kCaption},
      {"article", kBlock | kArticle}, {"main", kBlock | kArticle},
      {"header", kBlock | kStructural}, {"footer", kBlock | kStructural},
      {"nav", kBlock | kStructural}, {"aside", kBlock | kStructural},
      {"form", kBlock | kStructural}, {"h1", kBlock | kHeading}, {"h2", kBlock | kHeading},
      {"h3", kBlock | kHeading}, {"h4", kBlock | kHeading}, {"h5", kBlock | kHeading},
      {"h6", kBlock | kHeading}, {"a", kLink}, {"script", kSkip}, {"style", kSkip},
      {"noscript", kSkip}, {"template", kSkip}, {"svg", kSkip}, {"math", kSkip},
      {"iframe", kSkip}, {"button", kSkip}, {"select", kSkip}, {"textarea", kSkip},
      {"option", kSkip}, {"canvas", kSkip}, {"object", kSkip}, {"audio", kSkip},
      {"video", kSkip}, {"head", kSkip}, {"title", kSkip}, {"datalist", kSkip},
      {"noembed", kSkip}, {"noframes", kSkip}, {"xmp", kSkip},
      {"br", kBlock | kVoid}, {"hr", kBlock | kVoid}, {"img", kVoid}, {"meta", kVoid},
      {"link", kVoid}, {"input", kVoid}, {"area", kVoid}, {"base", kVoid}, {"col", kVoid},
      {"embed", kVoid}, {"param", kVoid}, {"source", kVoid}, {"track", kVoid},
      {"wbr", kVoid}, {"keygen", kVoid},
  };
  const auto found = kTable->find(tag);
  return found == kTable->end() ? 0 : found->second;
}

// --- Class and id words ---------------------------------------------------

// Words that name the usual kinds of page debris in class/id attributes. Long
// words match anywhere ("articleComments"); short ones only at the start of a
// word, so "ad" does not match "head" and "nav" not "canvas".
constexpr std::string_view kDebrisAnywhere[] = {
    "comment", "related", "social", "cookie", "consent", "newsletter", "subscri",
    "advert", "sidebar", "footer", "breadcrumb", "recommend", "popular", "trending",
    "outbrain", "taboola", "sponsor", "promo", "signup", "sharing", "morestories",
    "readmore", "readnext", "widget", "masthead",
};
constexpr std::string_view kDebrisWordStart[] = {"share", "nav", "menu", "toolbar", "tags"};
constexpr std::string_view kDebrisWholeWord[] = {"ad", "ads", "banner", "more", "tools"};
constexpr std::string_view kContentAnywhere[] = {"article", "content", "story", "entry", "prose"};
constexpr std::string_view kContentWordStart[] = {"body", "post", "text", "main", "hentry"};

struct ClassVerdict {
  bool debris = false;
  bool content = false;
  bool caption = false;
};

ClassVerdict JudgeClassWords(std::string_view class_and_id) {
  ClassVerdict verdict;
  std::string lower(class_and_id);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  size_t pos = 0;
  while (pos < lower.size()) {
    while (pos < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[pos]))) ++pos;
    size_t end = pos;
    while (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end]))) ++end;
    const std::string_view word = std::string_view(lower).substr(pos, end - pos);
    pos = end;
    if (word.empty()) continue;
    const bool commentary = word.find("commentary") != std::string_view::npos;
    for (std::string_view debris : kDebrisAnywhere) {
      if (word.find(debris) != std::string_view::npos && !commentary) verdict.debris = true;
    }
    for (std::string_view debris : kDebrisWordStart) verdict.debris |= word.starts_with(debris);
    for (std::string_view debris : kDebrisWholeWord) verdict.debris |= word == debris;
    for (std::string_view good : kContentAnywhere) {
      verdict.content |= word.find(good) != std::string_view::npos;
    }
    for (std::string_view good : kContentWordStart) verdict.content |= word.starts_with(good);
    verdict.caption |= word.find("caption") != std::string_view::npos;
  }
  return verdict;
}

bool HasWord(std::string_view words, std::string_view wanted) {
  size_t pos = 0;
  while ((pos = words.find(wanted, pos)) != std::string_view::npos) {
    const size_t end = pos + wanted.size();
    if ((pos == 0 || words[pos - 1] == ' ') && (end == words.size() || words[end] == ' ')) {
      return true;
    }
    pos = end;
  }
  return false;
}

// --- The page model --------------------------------------------------------

struct Node {
  int parent = -1;
  int block = 0;        // nearest block-level ancestor-or-self
  int debris = -1;      // nearest ancestor-or-self that looks like page debris
  int subtree_end = 0;  // last node id inside this element (ids are preorder)
  uint32_t tag = 0;     // TagBits of the element itself
  uint32_t context = 0; // bits inherited from ancestors, plus its own
  float weight = 0;     // from tag, class, id and itemprop
  float score = 0;      // points from the paragraphs inside
  uint32_t chars = 0;   // text bytes, own at first, then of the whole subtree
  uint32_t link_chars = 0;
};

struct Block {
  std::string text;  // white space collapsed, trimmed
  int node = 0;      // the block-level element around the text
  uint32_t context = 0;
  uint32_t link_chars = 0;
};

struct Capture {  // the text of one element, e.g. the first <h1>
  int node = -1;
  bool open = false;
  std::string text;
};

struct Page {
  std::vector<Node> nodes;
  std::vector<Block> blocks;
  std::unordered_map<std::string, std::string> meta;  // first value of each key
  std::vector<std::string> json_ld;
  std::vector<std::pair<int, std::string>> times;  // <time datetime> and its node
  std::string html_lang, title_tag, canonical;
  Capture h1, byline;
};

bool IsCollapsibleSpace(std::string_view text, size_t pos, size_t* length) {
  const char c = text[pos];
  *length = 1;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') {  // no-break space
    *length = 2;
    return true;
  }
  return false;
}

// Appends `text` to `out` with runs of white space collapsed to one space and
// no space at the start. Returns the bytes added.
size_t AppendCollapsed(std::string_view text, bool& pending_space, std::string& out) {
  const size_t before = out.size();
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    if (IsCollapsibleSpace(text, pos, &length)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[pos]);
  }
  return out.size() - before;
}

// Reads the token stream into a Page. Keeps a bounded stack of open elements;
// deeper nesting than kMaxDepth is flattened, and end tags look at most
// kMaxEndTagSearch entries down, so the pass is linear for any input.
class PageBuilder {
 public:
  explicit PageBuilder(Page& page) : page_(page) {
    page_.nodes.emplace_back();  // node 0: the document
    page_.nodes[0].tag = kBlock;
    stack_.push_back({"#document", 0});
  }

  void Add(const Token& token);
  void Finish();

 private:
  static constexpr size_t kMaxDepth = 2048;
  static constexpr size_t kMaxEndTagSearch = 64;
  struct Open {
    std::string name;
    int node;
  };

  void StartTag(const Token& token);
  void EndTag(std::string_view name);
  void Text(const std::string& text);
  void ReadMetadata(const Token& token);
  void CloseImplied(std::string_view name, uint32_t bits);
  void PopTo(size_t stack_index);
  void Flush();
  void AddToCapture(Capture& capture, std::string_view text);

  Page& page_;
  std::vector<Open> stack_;
  Block current_;
  bool pending_space_ = false;
  std::string raw_text_owner_;  // element whose raw text comes next
  bool raw_text_is_json_ld_ = false;
};

void PageBuilder::Add(const Token& token) {
  switch (token.type) {
    case TokenType::kStartTag: StartTag(token); break;
    case TokenType::kEndTag: EndTag(token.name); break;
    case TokenType::kText: Text(token.text); break;
    default: break;
  }
  if (token.type != TokenType::kStartTag) raw_text_owner_.clear();
}

void PageBuilder::StartTag(const Token& token) {
  const uint32_t bits = TagBits(token.name);
  raw_text_owner_ = html::IsRawTextElement(token.name) ? token.name : "";
  const std::string* type = token.FindAttribute("type");
  raw_text_is_json_ld_ = type != nullptr && type->find("ld+json") != std::string::npos;
  ReadMetadata(token);
  if (bits & kBlock) Flush();
  if (bits & kVoid) return;
  CloseImplied(token.name, bits);
  if (stack_.size() >= kMaxDepth) return;

  const int id = static_cast<int>(page_.nodes.size());
  const Node& parent = page_.nodes[stack_.back().node];
  Node node;
  node.parent = stack_.back().node;
  node.tag = bits;
  node.block = (bits & kBlock) ? id : parent.block;
  node.debris = parent.debris;
  std::string class_and_id;
  for (const char* name : {"class", "id"}) {
    if (const std::string* value = token.FindAttribute(name)) class_and_id += *value + " ";
  }
  const ClassVerdict verdict = JudgeClassWords(class_and_id);
  const std::string* itemprop = token.FindAttribute("itemprop");
  if (itemprop != nullptr && HasWord(*itemprop, "articleBody")) node.tag |= kArticle;
  if (verdict.caption) node.tag |= kCaption;
  if (verdict.debris || (bits & kStructural)) node.debris = id;
  const std::string* style = token.FindAttribute("style");
  if (token.FindAttribute("hidden") != nullptr ||
      (style != nullptr && (style->find("display:none") != std::string::npos ||
                            style->find("display: none") != std::string::npos))) {
    node.tag |= kSkip;
  }
  node.weight = (verdict.content ? 25.f : 0.f) - (verdict.debris ? 25.f : 0.f) +
                ((node.tag & kArticle) ? 25.f : 0.f);
  node.context = ((parent.context | node.tag) & (kInherited | kArticle));
  page_.nodes.push_back(node);
  stack_.push_back({token.name, id});
  if (token.name == "h1" && page_.h1.node < 0) page_.h1 = {id, true, ""};
  const std::string* rel = token.FindAttribute("rel");
  if (page_.byline.node < 0 && ((rel != nullptr && HasWord(*rel, "author")) ||
                                class_and_id.find("byline") != std::string::npos)) {
    page_.byline = {id, true, ""};
  }
}

// The HTML parser's implied end tags, for the common cases: a block closes
// an open <p>; <li>, <dt>/<dd>, <td>/<th> and <tr> close their open sibling.
void PageBuilder::CloseImplied(std::string_view name, uint32_t bits) {
  const auto close_open = [&](std::initializer_list<std::string_view> targets,
                              std::initializer_list<std::string_view> barriers) {
    const size_t lowest = stack_.size() > kMaxEndTagSearch ? stack_.size() - kMaxEndTagSearch : 1;
    for (size_t i = stack_.size(); i-- > lowest;) {
      const std::string& open = stack_[i].name;
      if (std::find(barriers.begin(), barriers.end(), open) != barriers.end()) return;
      if (std::find(targets.begin(), targets.end(), open) != targets.end()) return PopTo(i);
    }
  };
  if (name == "li") return close_open({"li"}, {"ul", "ol", "menu"});
  if (name == "dt" || name == "dd") return close_open({"dt", "dd"}, {"dl"});
  if (name == "td" || name == "th") return close_open({"td", "th"}, {"tr", "table"});
  if (name == "tr") return close_open({"tr"}, {"table", "tbody", "thead", "tfoot"});
  if ((bits & kBlock) && !(bits & kListItem)) {
    const Node& top_block = page_.nodes[page_.nodes[stack_.back().node].block];
    if (top_block.tag & kParagraph) close_open({"p"}, {});
  }
}

void PageBuilder::EndTag(std::string_view name) {
  const size_t lowest = stack_.size() > kMaxEndTagSearch ? stack_.size() - kMaxEndTagSearch : 1;
  for (size_t i = stack_.size(); i-- > lowest;) {
    if (stack_[i].name == name) return PopTo(i);
  }
  if (name == "p" || name == "br") Flush();  // stray </p> still ends a paragraph
}

void PageBuilder::PopTo(size_t stack_index) {
  while (stack_.size() > stack_index) {
    const int id = stack_.back().node;
    if (page_.nodes[id].tag & kBlock) Flush();
    page_.nodes[id].subtree_end = static_cast<int>(page_.nodes.size()) - 1;
    if (page_.h1.node == id) page_.h1.open = false;
    if (page_.byline.node == id) page_.byline.open = false;
    stack_.pop_back();
  }
}

void PageBuilder::Text(const std::string& text) {
  if (raw_text_owner_ == "title" && page_.title_tag.empty()) {
    bool space = false;
    AppendCollapsed(text, space, page_.title_tag);
  }
  if (raw_text_owner_ == "script" && raw_text_is_json_ld_) page_.json_ld.push_back(text);
  const int top = stack_.back().node;
  const Node& node = page_.nodes[top];
  if (node.context & kSkip) return;
  AddToCapture(page_.h1, text);
  AddToCapture(page_.byline, text);
  // Debris inside a block (a "share" span in a paragraph) is left out, but
  // not links: a link in a sentence is part of the sentence.
  if (node.debris > node.block && !(node.tag & kLink)) return;
  std::string_view rest = text;
  while (!rest.empty()) {
    // Lines of <pre> are separate blocks.
    const size_t newline = (node.context & kPre) ? rest.find('\n') : std::string_view::npos;
    const std::string_view piece = rest.substr(0, newline);
    if (current_.text.empty()) {
      current_.node = node.block;
      current_.context = node.context;
    }
    const size_t added = AppendCollapsed(piece, pending_space_, current_.text);
    if (node.context & kLink) current_.link_chars += added;
    if (newline == std::string_view::npos) break;
    Flush();
    rest.remove_prefix(newline + 1);
  }
}

void PageBuilder::AddToCapture(Capture& capture, std::string_view text) {
  if (!capture.open || capture.text.size() > 300) return;
  bool space = !capture.text.empty() && text.size() > 0 && std::isspace(static_cast<unsigned char>(text[0]));
  AppendCollapsed(text, space, capture.text);
}

void PageBuilder::Flush() {
  pending_space_ = false;
  if (current_.text.empty()) return;
  Node& node = page_.nodes[current_.node];
  node.chars += current_.text.size();
  node.link_chars += current_.link_chars;
  page_.blocks.push_back(std::move(current_));
  current_ = Block();
}

void PageBuilder::ReadMetadata(const Token& token) {
  const auto attribute = [&](std::string_view name) {
    const std::string* value = token.FindAttribute(name);
    return value == nullptr ? std::string() : *value;
  };
  if (token.name == "html" && page_.html_lang.empty()) page_.html_lang = attribute("lang");
  if (token.name == "link" && HasWord(attribute("rel"), "canonical") && page_.canonical.empty()) {
    page_.canonical = attribute("href");
  }
  if (token.name == "time" && token.FindAttribute("datetime") != nullptr) {
    page_.times.emplace_back(static_cast<int>(page_.nodes.size()), attribute("datetime"));
  }
  if (token.name != "meta") return;
  const std::string* content = token.FindAttribute("content");
  if (content == nullptr || content->empty()) return;
  for (const char* key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
    std::string keys = attribute(key_attribute);
    for (char& c : keys) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // itemprop may list several names: "datePublished dateCreated".
    size_t pos = 0;
    while (pos < keys.size()) {
      size_t end = keys.find(' ', pos);
      if (end == std::string::npos) end = keys.size();
      if (end > pos) page_.meta.emplace(keys.substr(pos, end - pos), *content);
      pos = end + 1;
    }
  }
}

void PageBuilder::Finish() {
  PopTo(1);
  Flush();
  page_.nodes[0].subtree_end = static_cast<int>(page_.nodes.size()) - 1;
  // Sum text over subtrees: children have larger ids than their parents.
  for (size_t id = page_.nodes.size(); id-- > 1;) {
    Node& node = page_.nodes[id];
    page_.nodes[node.parent].chars += node.chars;
    page_.nodes[node.parent].link_chars += node.link_chars;
  }
}

// --- Choosing the main text ---------------------------------------------

bool EndsSentence(std::string_view text) {
  static constexpr std::string_view kEnds[] = {".", "!", "?", ":", "\"", "'", ")", "\u201D",
                                               "\u2019", "\u2026", "\u3002", "\uFF01", "\uFF1F"};
  for (std::string_view end : kEnds) {
    if (text.ends_with(end)) return true;
  }
  return false;
}

double LinkDensity(uint32_t link_chars, size_t chars) {
  return chars == 0 ? 0.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
}

bool InSubtree(const std::vector<Node>& nodes, int root, int id) {
  return id >= root && id <= nodes[root].subtree_end;
}

// Points a paragraph gives to the elements around it: long text with commas
// is prose; menus and teasers are short.
float ParagraphPoints(std::string_view text) {
  size_t commas = std::count(text.begin(), text.end(), ',');
  for (std::string_view wide : {"\uFF0C", "\u3001", "\u060C"}) {
    for (size_t pos = 0; (pos = text.find(wide, pos)) != std::string_view::npos; ++pos) ++commas;
  }
  return 1.0f + static_cast<float>(commas) + std::min(static_cast<float>(text.size()) / 100.f, 3.f);
}

bool ScoresAsParagraph(const Block& block) {
  return block.text.size() >= 25 && !(block.context & (kCaption | kHeading | kFigure));
}

void ScoreNodes(Page& page) {
  for (const Block& block : page.blocks) {
    if (!ScoresAsParagraph(block)) continue;
    const float points = ParagraphPoints(block.text);
    int ancestor = page.nodes[block.node].parent;
    for (int level = 1; level <= 3 && ancestor >= 0; ++level) {
      page.nodes[ancestor].score += points / static_cast<float>(level);
      ancestor = page.nodes[ancestor].parent;
    }
  }
}

double FinalScore(const Node& node) {
  return (node.score + node.weight) * (1.0 - LinkDensity(node.link_chars, node.chars));
}

// True when `block` lies in debris below `root` (debris above `root` is the
// page around the article, which the choice of `root` already left behind).
bool InDebrisBelow(const Page& page, int root, const Block& block) {
  return page.nodes[block.node].debris > root;
}

// Bytes of prose-like paragraphs under `root` that are not in debris.
size_t ProseChars(const Page& page, int root) {
  size_t total = 0;
  for (const Block& block : page.blocks) {
    if (!InSubtree(page.nodes, root, block.node) || !ScoresAsParagraph(block)) continue;
    if (InDebrisBelow(page, root, block) || block.text.size() < 60) continue;
    if (LinkDensity(block.link_chars, block.text.size()) > 0.3) continue;
    total += block.text.size();
  }
  return total;
}

constexpr int kMaxClimb = 8;

int ChooseMainContainer(Page& page) {
  ScoreNodes(page);
  int best = 0;
  double best_score = 0;
  for (size_t id = 1; id < page.nodes.size(); ++id) {
    if (page.nodes[id].score <= 0) continue;
    const double score = FinalScore(page.nodes[id]);
    if (score > best_score) {
      best = static_cast<int>(id);
      best_score = score;
    }
  }
  // An article split into several wrappers (by adverts, by "read more"
  // breaks) has its best part chosen; go up while that adds real prose.
  size_t prose = ProseChars(page, best);
  int chosen = best;
  for (int up = 0; up < kMaxClimb && best > 0; ++up) {
    best = page.nodes[best].parent;
    const size_t ancestor_prose = ProseChars(page, best);
    if (ancestor_prose * 10 >= prose * 13) {
      chosen = best;
      prose = ancestor_prose;
    }
  }
  return chosen;
}

bool LooksLikeUi(const Block& block) {
  if (block.context & kHeading) return false;
  if (block.text.size() >= 40 || EndsSentence(block.text)) return false;
  return block.link_chars > 0 || (block.context & kListItem);
}

std::vector<Paragraph> SelectParagraphs(const Page& page, int root, std::string_view title) {
  std::vector<Paragraph> paragraphs;
  for (const Block& block : page.blocks) {
    if (!InSubtree(page.nodes, root, block.node) || InDebrisBelow(page, root, block)) continue;
    if (LinkDensity(block.link_chars, block.text.size()) > 0.5 || LooksLikeUi(block)) continue;
    if (block.text == title) continue;
    Paragraph paragraph;
    paragraph.text = block.text;
    if (block.context & (kCaption | kFigure)) {
      paragraph.role = ParagraphRole::kCaption;
      paragraph.why = "html: figure caption";
    }
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

// --- JSON-LD ------------------------------------------------------------------

struct JsonLdArticle {
  std::string headline, date_published, author, publisher, body;
};

using Json = nlohmann::json;

std::string DecodedString(const Json& value) {
  std::string out;
  if (value.is_string()) html::AppendDecodedText(value.get_ref<const std::string&>(), out);
  return out;
}

// A name: "Ann Lee", {"name": "Ann Lee"} or a list of those.
std::string NameOf(const Json& value) {
  if (value.is_string()) return DecodedString(value);
  if (value.is_object()) {
    const auto name = value.find("name");
    return name == value.end() ? "" : DecodedString(*name);
  }
  std::string names;
  if (!value.is_array()) return names;
  for (const Json& element : value) {
    const std::string name = element.is_array() ? "" : NameOf(element);
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

bool IsArticleType(const Json& object) {
  const auto type = object.find("@type");
  if (type == object.end()) return false;
  const auto is_article = [](const Json& name) {
    if (!name.is_string()) return false;
    const std::string& text = name.get_ref<const std::string&>();
    return text.find("Article") != std::string::npos || text == "BlogPosting" ||
           text == "Report" || text == "LiveBlogPosting";
  };
  if (type->is_array()) return std::any_of(type->begin(), type->end(), is_article);
  return is_article(*type);
}

void FillFrom(const Json& object, JsonLdArticle& article) {
  const auto take = [&](const char* key, std::string& field, bool as_name) {
    const auto found = object.find(key);
    if (found == object.end() || !field.empty()) return;
    field = as_name ? NameOf(*found) : DecodedString(*found);
  };
  take("headline", article.headline, false);
  take("datePublished", article.date_published, false);
  take("author", article.author, true);
  take("publisher", article.publisher, true);
  take("articleBody", article.body, false);
}

// Reads the first article-typed object of a JSON-LD script (top level, in a
// top-level list, or in "@graph"). Invalid JSON is simply no metadata.
void ReadJsonLd(std::string_view script, JsonLdArticle& article) {
  try {
    const Json document = Json::parse(script, nullptr, /*allow_exceptions=*/false);
    std::vector<const Json*> objects;
    const auto collect = [&](const Json& value) {
      if (value.is_object()) objects.push_back(&value);
      if (!value.is_array()) return;
      for (const Json& element : value) {
        if (element.is_object()) objects.push_back(&element);
      }
    };
    collect(document);
    for (size_t i = 0, n = objects.size(); i < n; ++i) {
      const auto graph = objects[i]->find("@graph");
      if (graph != objects[i]->end()) collect(*graph);
    }
    for (const Json* object : objects) {
      if (IsArticleType(*object)) FillFrom(*object, article);
    }
  } catch (...) {
    // nlohmann only throws here on allocation failure; treat as no metadata.
  }
}

// articleBody may hold plain text or markup; one paragraph per line or block.
std::vector<Paragraph> SplitArticleBody(std::string_view body) {
  std::string text;
  html::Tokenizer tokenizer(body);
  Token token;
  while (tokenizer.Next(token)) {
    if (token.type == TokenType::kText) text += token.text;
    if ((token.type == TokenType::kStartTag || token.type == TokenType::kEndTag) &&
        (TagBits(token.name) & kBlock)) {
      text += '\n';
    }
  }
  std::vector<Paragraph> paragraphs;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    Paragraph paragraph;
    bool space = false;
    AppendCollapsed(std::string_view(text).substr(pos, end - pos), space, paragraph.text);
    if (!paragraph.text.empty()) paragraphs.push_back(std::move(paragraph));
    pos = end + 1;
  }
  return paragraphs;
}

// --- Metadata --------------------------------------------------------------

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// "2024-05-17", "2024-05-17T09:30:00Z" (kept), "2024/05/17" -> "2024-05-17";
// anything else -> "" (unknown rather than wrong).
std::string NormalizeDate(std::string_view value) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
    value.remove_prefix(1);
  }
  if (value.size() < 10 || !AllDigits(value.substr(0, 4)) || !AllDigits(value.substr(5, 2)) ||
      !AllDigits(value.substr(8, 2)) || value[4] != value[7] || (value[4] != '-' && value[4] != '/')) {
    return "";
  }
  std::string date(value.substr(0, 10));
  date[4] = date[7] = '-';
  const size_t time_end = std::min(value.find_first_of(" \t\n", 11), value.size());
  if (value.size() >= 16 && value[10] == 'T' && AllDigits(value.substr(11, 2)) && value[13] == ':') {
    date += value.substr(10, time_end - 10);
  }
  return date;
}

// "/2024/05/17/" in a URL.
std::string DateFromUrl(std::string_view url) {
  for (size_t pos = 0; (pos = url.find('/', pos)) != std::string_view::npos; ++pos) {
    const std::string_view rest = url.substr(pos);
    if (rest.size() < 12 || rest[5] != '/' || rest[8] != '/' || rest[11] != '/') continue;
    const std::string_view year = rest.substr(1, 4), month = rest.substr(6, 2), day = rest.substr(9, 2);
    if (!AllDigits(year) || !AllDigits(month) || !AllDigits(day)) continue;
    if (year < "1990" || year > "2099" || month < "01" || month > "12" || day < "01" ||
        day > "31") {
      continue;
    }
    return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
  }
  return "";
}

std::string MetaValue(const Page& page, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    const auto found = page.meta.find(std::string(key));
    if (found != page.meta.end() && !found->second.empty()) return found->second;
  }
  return "";
}

std::string Collapse(std::string_view text) {
  std::string out;
  bool space = false;
  AppendCollapsed(text, space, out);
  return out;
}

// Removes " - Site", " | Site" and similar from the end of a title.
std::string StripSiteSuffix(std::string title, std::string_view site) {
  if (site.empty() || title.size() <= site.size() + 3) return title;
  const auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  if (lower(title).ends_with(lower(site))) {
    std::string_view rest = std::string_view(title).substr(0, title.size() - site.size());
    for (std::string_view separator : {" - ", " | ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 "}) {
      if (rest.ends_with(separator)) return Collapse(rest.substr(0, rest.size() - separator.size()));
    }
  }
  return title;
}

std::string CleanByline(std::string_view text) {
  std::string byline = Collapse(text);
  for (std::string_view prefix : {"By ", "by ", "BY "}) {
    if (byline.starts_with(prefix)) byline.erase(0, prefix.size());
  }
  return byline;
}

void FillPublished(const Page& page, const JsonLdArticle& ld, int main_root, Article& article) {
  const auto use = [&](std::string date, const char* source) {
    if (!article.published.empty() || date.empty()) return;
    article.published = std::move(date);
    article.published_source = source;
  };
  use(NormalizeDate(ld.date_published), "json-ld");
  use(NormalizeDate(MetaValue(
          page, {"article:published_time", "datepublished", "article:published", "og:published_time",
                 "publishdate", "publish-date", "pubdate", "date", "dc.date.issued", "dc.date",
                 "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"})),
      "meta");
  // A <time> counts when it belongs to the article: inside <article>/<main>,
  // or near the chosen main text.
  int near = main_root;
  for (int up = 0; up < 3 && page.nodes[near].parent >= 0; ++up) near = page.nodes[near].parent;
  for (const auto& [node, datetime] : page.times) {
    if (node >= static_cast<int>(page.nodes.size())) continue;
    if ((page.nodes[node].context & kArticle) || (near > 0 && InSubtree(page.nodes, near, node))) {
      use(NormalizeDate(datetime), "time");
    }
  }
  use(DateFromUrl(article.url), "url");
}

void FillMetadata(const Page& page, const JsonLdArticle& ld, int main_root, Article& article) {
  article.site_name = Collapse(MetaValue(page, {"og:site_name"}));
  if (article.site_name.empty()) article.site_name = Collapse(ld.publisher);
  if (article.site_name.empty()) article.site_name = Collapse(MetaValue(page, {"application-name"}));

  for (const std::string& title : {MetaValue(page, {"og:title"}), ld.headline, page.h1.text,
                                   page.title_tag}) {
    if (article.title.empty()) article.title = StripSiteSuffix(Collapse(title), article.site_name);
  }
  const std::string og_url = MetaValue(page, {"og:url"});
  article.url = page.canonical.starts_with("http") || og_url.empty() ? page.canonical : og_url;
  FillPublished(page, ld, main_root, article);

  std::string author = MetaValue(page, {"author"});
  if (author.starts_with("http")) author.clear();
  if (author.empty()) author = ld.author;
  if (author.empty()) author = page.byline.text;
  article.byline = CleanByline(author);

  std::string language = page.html_lang;
  if (language.empty()) language = MetaValue(page, {"content-language", "inlanguage", "og:locale"});
  if (language.size() >= 2 && std::isalpha(static_cast<unsigned char>(language[0])) &&
      std::isalpha(static_cast<unsigned char>(language[1])) &&
      (language.size() == 2 || !std::isalpha(static_cast<unsigned char>(language[2])))) {
    article.language = {static_cast<char>(std::tolower(static_cast<unsigned char>(language[0]))),
                        static_cast<char>(std::tolower(static_cast<unsigned char>(language[1])))};
  }
}

size_t BodyChars(const std::vector<Paragraph>& paragraphs) {
  size_t chars = 0;
  for (const Paragraph& paragraph : paragraphs) {
    if (paragraph.role == ParagraphRole::kBody) chars += paragraph.text.size();
  }
  return chars;
}

}  // namespace

Article ExtractHtml(std::string_view html) {
  Page page;
  PageBuilder builder(page);
  html::Tokenizer tokenizer(html);
  Token token;
  while (tokenizer.Next(token)) builder.Add(token);
  builder.Finish();

  JsonLdArticle ld;
  for (const std::string& script : page.json_ld) ReadJsonLd(script, ld);

  Article article;
  const int main_root = ChooseMainContainer(page);
  FillMetadata(page, ld, main_root, article);
  article.paragraphs = SelectParagraphs(page, main_root, article.title);
  // Pages that load their text with JavaScript often carry it whole in
  // JSON-LD; prefer that when the markup held much less.
  std::vector<Paragraph> from_json_ld = SplitArticleBody(ld.body);
  if (BodyChars(article.paragraphs) * 10 < BodyChars(from_json_ld) * 6) {
    article.paragraphs = std::move(from_json_ld);
  }
  return article;
}

}  // namespace parallax
