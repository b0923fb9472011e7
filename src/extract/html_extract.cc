// ExtractHtml: the main text and metadata of one news page.
//
// One pass over the tokens builds a flat table of elements (parent links,
// preorder ids, flags inherited from ancestors) and a flat list of text
// blocks. The main text is then chosen the way readability-style extractors
// do: paragraphs give points to the elements that contain them, class/id
// words and link density adjust the points, and the best element is the
// article (or an ancestor, when the article is split into several parts).
// Inside it, blocks that sit in debris (share bars, related links, comment
// lists...) or look like UI are dropped. All rules are generic; no site's
// class names appear here.
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/html_tokenizer.h"
#include "parallax/extract.h"

namespace parallax {
namespace {

using html::Token;
using html::TokenType;

// What an element is, as far as text extraction cares.
enum TagBit : uint32_t {
  kBlock = 1 << 0,       // starts and ends a text block
  kSkip = 1 << 1,        // its content is never text (script, svg, button...)
  kVoid = 1 << 2,        // has no content and no end tag
  kStructural = 1 << 3,  // header/footer/nav/aside/form: page furniture
  kHeading = 1 << 4,
  kCaption = 1 << 5,  // figcaption, or class "...caption..."
  kLink = 1 << 6,
  kPre = 1 << 7,
  kListItem = 1 << 8,
  kFigure = 1 << 9,
  kParagraph = 1 << 10,
  kArticle = 1 << 11,  // <article>, <main>, itemprop=articleBody
};

// The bits an element passes on to everything inside it.
constexpr uint32_t kInherited = kSkip | kCaption | kLink | kPre | kListItem | kFigure | kHeading;

// Elements by kind; names are space-separated.
constexpr std::pair<uint32_t, std::string_view> kTagKinds[] = {
    {kBlock,
     "div section center blockquote address body html ul ol dl menu dir table thead tbody tfoot "
     "tr td th caption details summary dialog fieldset legend hgroup"},
    {kBlock | kParagraph, "p"},
    {kBlock | kPre, "pre"},
    {kBlock | kListItem, "li dd dt"},
    {kBlock | kFigure, "figure"},
    {kBlock | kCaption, "figcaption"},
    {kBlock | kArticle, "article main"},
    {kBlock | kStructural, "header footer nav aside form"},
    {kBlock | kHeading, "h1 h2 h3 h4 h5 h6"},
    {kBlock | kVoid, "br hr"},
    {kLink, "a"},
    {kSkip,
     "script style noscript template svg math iframe button select textarea option canvas "
     "object audio video head title datalist noembed noframes xmp"},
    {kVoid, "img meta link input area base col embed param source track wbr keygen"},
};

uint32_t TagBits(std::string_view tag) {
  static const auto* const kTable = [] {
    auto* table = new std::unordered_map<std::string_view, uint32_t>;
    for (const auto& [bits, names] : kTagKinds) {
      for (size_t pos = 0; pos < names.size();) {
        const size_t end = std::min(names.find(' ', pos), names.size());
        table->emplace(names.substr(pos, end - pos), bits);
        pos = end + 1;
      }
    }
    return table;
  }();
  const auto found = kTable->find(tag);
  return found == kTable->end() ? 0 : found->second;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// --- Class and id words ---------------------------------------------------

// Words that name the usual kinds of page debris in class/id attributes. Long
// words match anywhere ("articleComments"); short ones only at the start of a
// word, so "ad" does not match "head" and "nav" not "canvas".
constexpr std::string_view kDebrisAnywhere[] = {
    "comment",  "related",  "social",  "cookie",     "consent",   "newsletter", "subscri",
    "advert",   "sidebar",  "footer",  "breadcrumb", "recommend", "popular",    "trending",
    "outbrain", "taboola",  "sponsor", "promo",      "signup",    "sharing",    "morestories",
    "readmore", "readnext", "widget",  "masthead",
};
constexpr std::string_view kDebrisWordStart[] = {"share", "nav", "menu", "toolbar", "tags"};
constexpr std::string_view kDebrisWholeWord[] = {"ad", "ads", "banner", "more", "tools"};
constexpr std::string_view kContentAnywhere[] = {"article", "content", "story", "entry", "prose"};
constexpr std::string_view kContentWordStart[] = {"body", "post", "text", "main", "hentry"};

struct ClassVerdict {
  bool debris = false, content = false, caption = false;
};

ClassVerdict JudgeClassWords(std::string_view class_and_id) {
  ClassVerdict verdict;
  const std::string lower = LowerAscii(class_and_id);
  const auto is_word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (size_t pos = 0, end = 0; pos < lower.size(); pos = end + 1) {
    end = std::find_if_not(lower.begin() + pos, lower.end(), is_word_char) - lower.begin();
    const std::string_view word = std::string_view(lower).substr(pos, end - pos);
    if (word.empty()) continue;
    const auto any = [&](const auto& list, auto matches) {
      return std::any_of(std::begin(list), std::end(list), matches);
    };
    const auto inside = [&](std::string_view part) { return word.find(part) != word.npos; };
    const auto starts = [&](std::string_view part) { return word.starts_with(part); };
    const auto equals = [&](std::string_view part) { return word == part; };
    verdict.debris |= (any(kDebrisAnywhere, inside) && !inside("commentary")) ||
                      any(kDebrisWordStart, starts) || any(kDebrisWholeWord, equals);
    verdict.content |= any(kContentAnywhere, inside) || any(kContentWordStart, starts);
    verdict.caption |= inside("caption");
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
  int block = 0;          // nearest block-level ancestor-or-self
  int debris = -1;        // nearest ancestor-or-self that looks like page debris
  int subtree_end = 0;    // last node id inside this element (ids are preorder)
  uint32_t tag = 0;       // TagBits of the element itself
  uint32_t context = 0;   // bits inherited from ancestors, plus its own
  float weight = 0;       // from tag, class, id and itemprop
  float score = 0;        // points from the paragraphs inside
  float prose_score = 0;  // the same, counting only prose (no list items, few links)
  uint32_t chars = 0;     // text bytes, own at first, then of the whole subtree
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
  Capture h1, author, byline;  // first <h1>, rel/itemprop=author, class "byline"
};

// Appends `text` to `out` with runs of white space (including no-break
// spaces) collapsed to one space and no space at the start. Returns the
// bytes added.
size_t AppendCollapsed(std::string_view text, bool& pending_space, std::string& out) {
  const size_t before = out.size();
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    const bool no_break_space = c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0';
    if (no_break_space || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      pending_space = !out.empty();
      pos += no_break_space ? 1 : 0;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
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
  if (token.type == TokenType::kStartTag) return StartTag(token);
  if (token.type == TokenType::kEndTag) EndTag(token.name);
  if (token.type == TokenType::kText) Text(token.text);
  raw_text_owner_.clear();
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
  if (page_.author.node < 0 && ((rel != nullptr && HasWord(*rel, "author")) ||
                                (itemprop != nullptr && HasWord(*itemprop, "author")))) {
    page_.author = {id, true, ""};
  }
  if (page_.byline.node < 0 && class_and_id.find("byline") != std::string::npos) {
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
    for (Capture* capture : {&page_.h1, &page_.author, &page_.byline}) {
      if (capture->node == id) capture->open = false;
    }
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
  for (Capture* capture : {&page_.h1, &page_.author, &page_.byline}) AddToCapture(*capture, text);
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
  bool space =
      !capture.text.empty() && text.size() > 0 && std::isspace(static_cast<unsigned char>(text[0]));
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
  static constexpr std::string_view kEnds[] = {".",      "!",      "?",      ":",      "\"",
                                               "'",      ")",      "\u201D", "\u2019", "\u2026",
                                               "\u3002", "\uFF01", "\uFF1F"};
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
    const bool prose =
        !(block.context & kListItem) && LinkDensity(block.link_chars, block.text.size()) < 0.25;
    int ancestor = page.nodes[block.node].parent;
    for (int level = 1; level <= 3 && ancestor >= 0; ++level) {
      page.nodes[ancestor].score += points / static_cast<float>(level);
      if (prose) page.nodes[ancestor].prose_score += points / static_cast<float>(level);
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

constexpr int kMaxClimb = 12;
constexpr double kSplitPartShare = 0.3;
constexpr double kMinSplitPart = 8;  // two paragraphs or more

// The best score under `root` outside `chosen` and its ancestors, ignoring
// debris below `root`.
double BestScoreBeside(const Page& page, int root, int chosen) {
  double best = 0;
  for (int id = root + 1; id <= page.nodes[root].subtree_end; ++id) {
    const Node& node = page.nodes[id];
    if (id == chosen) {
      id = node.subtree_end;
      continue;
    }
    if (node.debris > root || InSubtree(page.nodes, id, chosen)) continue;
    best = std::max<double>(best, node.prose_score);
  }
  return best;
}

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
  // An article split into several wrappers (by figures, adverts, "read more"
  // breaks) has only its best part chosen; go up to the ancestor that also
  // holds the other parts, when they score nearly as well.
  int chosen = best;
  for (int up = 0, ancestor = best; up < kMaxClimb && ancestor > 0; ++up) {
    ancestor = page.nodes[ancestor].parent;
    const double beside = BestScoreBeside(page, ancestor, chosen);
    if (beside >= kMinSplitPart && beside >= kSplitPartShare * page.nodes[best].prose_score) {
      chosen = ancestor;
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

// --- Metadata --------------------------------------------------------------

using Json = nlohmann::json;

struct JsonLdArticle {
  std::string headline, date_published, author, publisher, body;
};

// A string, or the name of {"name": ...}, or a list of those joined by ", ".
std::string JsonText(const Json& value, bool as_name) {
  std::string out;
  if (value.is_string()) html::AppendDecodedText(value.get_ref<const std::string&>(), out);
  if (!as_name) return out;
  if (value.is_object() && value.contains("name")) return JsonText(value["name"], false);
  if (!value.is_array()) return out;
  for (const Json& element : value) {
    const std::string name = element.is_array() ? "" : JsonText(element, true);
    if (!name.empty()) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

bool IsArticleType(const Json& object) {
  const auto is_article = [](const Json& name) {
    const std::string text = JsonText(name, false);
    return text.find("Article") != std::string::npos || text.ends_with("BlogPosting");
  };
  if (!object.contains("@type")) return false;
  const Json& type = object["@type"];
  return type.is_array() ? std::any_of(type.begin(), type.end(), is_article) : is_article(type);
}

// Reads article-typed objects of a JSON-LD script (top level, in a top-level
// list, or in "@graph"). Invalid JSON is simply no metadata.
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
      if (objects[i]->contains("@graph")) collect((*objects[i])["@graph"]);
    }
    for (const Json* object : objects) {
      if (!IsArticleType(*object)) continue;
      for (auto [key, field] : {std::pair{"headline", &article.headline},
                                {"datePublished", &article.date_published},
                                {"author", &article.author},
                                {"publisher", &article.publisher},
                                {"articleBody", &article.body}}) {
        if (field->empty() && object->contains(key)) *field = JsonText((*object)[key], true);
      }
    }
  } catch (...) {
    // Only allocation failure can throw here: no metadata, not a crash.
  }
}

std::string Collapse(std::string_view text) {
  std::string out;
  bool space = false;
  AppendCollapsed(text, space, out);
  return out;
}

// articleBody may hold plain text or markup; one paragraph per line or block.
std::vector<Paragraph> SplitArticleBody(std::string_view body) {
  std::string text;
  html::Tokenizer tokenizer(body);
  Token token;
  while (tokenizer.Next(token)) {
    text += token.type == TokenType::kText ? token.text : "";
    if (token.type != TokenType::kText && (TagBits(token.name) & kBlock)) text += '\n';
  }
  std::vector<Paragraph> paragraphs;
  for (size_t pos = 0, end = 0; pos <= text.size(); pos = end + 1) {
    end = std::min(text.find('\n', pos), text.size());
    Paragraph paragraph;
    paragraph.text = Collapse(std::string_view(text).substr(pos, end - pos));
    if (!paragraph.text.empty()) paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2024-05-17", "2024-05-17T09:30:00Z" (kept), "2024/05/17" -> "2024-05-17";
// anything else -> "" (unknown rather than wrong).
std::string NormalizeDate(std::string_view value) {
  value = value.substr(std::min(value.find_first_not_of(" \t\r\n"), value.size()));
  if (value.size() < 10 || !AllDigits(value.substr(0, 4)) || !AllDigits(value.substr(5, 2)) ||
      !AllDigits(value.substr(8, 2)) || value[4] != value[7] ||
      (value[4] != '-' && value[4] != '/')) {
    return "";
  }
  std::string date(value.substr(0, 10));
  date[4] = date[7] = '-';
  if (value.size() >= 16 && value[10] == 'T' && AllDigits(value.substr(11, 2)) &&
      value[13] == ':') {
    date += value.substr(10, value.find_first_of(" \t\r\n", 10) - 10);
  }
  return date;
}

// "/2024/05/17/" in a URL.
std::string DateFromUrl(std::string_view url) {
  for (size_t pos = 0; (pos = url.find('/', pos)) != std::string_view::npos; ++pos) {
    const std::string_view rest = url.substr(pos);
    if (rest.size() < 12 || rest[5] != '/' || rest[8] != '/' || rest[11] != '/') continue;
    const std::string_view year = rest.substr(1, 4), month = rest.substr(6, 2);
    const std::string_view day = rest.substr(9, 2);
    if (AllDigits(year) && AllDigits(month) && AllDigits(day) && year >= "1990" && year <= "2099" &&
        month >= "01" && month <= "12" && day >= "01" && day <= "31") {
      return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
    }
  }
  return "";
}

std::string MetaValue(const Page& page, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    const auto found = page.meta.find(std::string(key));
    if (found != page.meta.end()) return Collapse(found->second);
  }
  return "";
}

// Removes " - Site", " | Site" and similar from the end of a title.
std::string StripSiteSuffix(std::string title, std::string_view site) {
  if (site.empty() || title.size() <= site.size() + 3 ||
      !LowerAscii(title).ends_with(LowerAscii(site))) {
    return title;
  }
  const std::string_view rest = std::string_view(title).substr(0, title.size() - site.size());
  for (std::string_view separator : {" - ", " | ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 "}) {
    if (rest.ends_with(separator)) return Collapse(rest.substr(0, rest.size() - separator.size()));
  }
  return title;
}

void FillPublished(const Page& page, const JsonLdArticle& ld, int main_root, Article& article) {
  const auto use = [&](std::string date, const char* source) {
    if (!article.published.empty() || date.empty()) return;
    article.published = std::move(date);
    article.published_source = source;
  };
  use(NormalizeDate(ld.date_published), "json-ld");
  use(NormalizeDate(MetaValue(page, {"article:published_time", "datepublished", "article:published",
                                     "og:published_time", "publishdate", "publish-date", "pubdate",
                                     "date", "dc.date.issued", "dc.date", "dcterms.issued",
                                     "dcterms.created", "sailthru.date", "parsely-pub-date"})),
      "meta");
  // A <time> counts when it belongs to the article: inside <article>/<main>,
  // or near the chosen main text.
  int near = main_root;
  for (int up = 0; up < 3 && page.nodes[near].parent >= 0; ++up) near = page.nodes[near].parent;
  for (const auto& [node, datetime] : page.times) {
    if (node < static_cast<int>(page.nodes.size()) &&
        ((page.nodes[node].context & kArticle) ||
         (near > 0 && InSubtree(page.nodes, near, node)))) {
      use(NormalizeDate(datetime), "time");
    }
  }
  use(DateFromUrl(article.url), "url");
}

void FillMetadata(const Page& page, const JsonLdArticle& ld, int main_root, Article& article) {
  for (const std::string& site : {MetaValue(page, {"og:site_name"}), Collapse(ld.publisher),
                                  MetaValue(page, {"application-name"})}) {
    if (article.site_name.empty()) article.site_name = site;
  }
  for (const std::string& title :
       {MetaValue(page, {"og:title"}), ld.headline, page.h1.text, page.title_tag}) {
    if (article.title.empty()) article.title = StripSiteSuffix(Collapse(title), article.site_name);
  }
  const std::string og_url = MetaValue(page, {"og:url"});
  article.url = page.canonical.starts_with("http") || og_url.empty() ? page.canonical : og_url;
  FillPublished(page, ld, main_root, article);

  std::string author = MetaValue(page, {"author"});
  // A byline element's text may run on into the date and tags; only a short one is a name.
  const std::string& byline = page.byline.text.size() <= 80 ? page.byline.text : "";
  for (const std::string& other : {ld.author, page.author.text, byline}) {
    if (author.empty() || author.starts_with("http")) author = Collapse(other);
  }
  // "By Ann Lee", and "ByAnn Lee" where markup put the two in separate elements.
  if (author.size() > 3 && LowerAscii(author.substr(0, 2)) == "by" &&
      (author[2] == ' ' || (author[2] >= 'A' && author[2] <= 'Z'))) {
    author = Collapse(author.substr(2));
  }
  article.byline = author;

  std::string language = page.html_lang;
  if (language.empty()) language = MetaValue(page, {"content-language", "inlanguage", "og:locale"});
  language = LowerAscii(language.substr(0, language.find_first_of("-_")));
  if (language.size() == 2 && language[0] >= 'a' && language[0] <= 'z' && language[1] >= 'a' &&
      language[1] <= 'z') {
    article.language = language;
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
