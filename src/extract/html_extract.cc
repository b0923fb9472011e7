// ExtractHtml: the main text and metadata of one news page. The metadata
// (meta tags, JSON-LD, title, byline, date...) is read in html_metadata.cc;
// this file walks the tokens and chooses the main text.
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
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/html_metadata.h"
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
  bool byline = false;  // the raw string contains "byline" (case as written)
};

ClassVerdict JudgeClassWordsUncached(std::string_view class_and_id);

// A 64-bit hash of a short string, eight bytes at a time.
uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t pos = 0;
  for (; pos + 8 <= s.size(); pos += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + pos, 8);
    h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + pos, s.size() - pos);
  h = (h ^ tail) * 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

// Pages repeat the same class strings hundreds of times; each distinct
// string is judged once per thread. The cache is an open-addressing table
// of 64-bit hashes (a collision between two class strings is a one in 2^64
// event, and costs one element's weight), so a look-up allocates nothing.
ClassVerdict JudgeClassWords(std::string_view class_or_id) {
  if (class_or_id.empty()) return {};
  struct Slot {
    uint64_t key = 0;  // 0: empty
    ClassVerdict verdict;
  };
  constexpr size_t kSlots = 1 << 14;
  constexpr size_t kMaxFilled = kSlots / 2;  // then start over: probes stay short
  thread_local std::vector<Slot> table(kSlots);
  thread_local size_t filled = 0;
  const uint64_t key = HashBytes(class_or_id) | 1;
  for (size_t i = key & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    if (table[i].key == key) return table[i].verdict;
    if (table[i].key != 0) continue;
    if (filled >= kMaxFilled) {
      std::fill(table.begin(), table.end(), Slot{});
      filled = 0;
      i = key & (kSlots - 1);
    }
    table[i] = {key, JudgeClassWordsUncached(class_or_id)};
    ++filled;
    return table[i].verdict;
  }
}

ClassVerdict JudgeClassWordsUncached(std::string_view class_and_id) {
  ClassVerdict verdict;
  verdict.byline = class_and_id.find("byline") != std::string_view::npos;
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
  PageMetadata metadata;
  std::vector<std::pair<int, std::string>> times;  // <time datetime> and its node
  Capture h1, author, byline;  // first <h1>, rel/itemprop=author, class "byline"
};

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
  ReadMetadataTag(token, page_.metadata);
  // Recorded under the id this element is about to get, so that the date
  // can later be taken only from times that belong to the article.
  if (token.name == "time") {
    if (const std::string* datetime = token.FindAttribute("datetime")) {
      page_.times.emplace_back(static_cast<int>(page_.nodes.size()), *datetime);
    }
  }
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
  ClassVerdict verdict;
  for (const char* name : {"class", "id"}) {
    if (const std::string* value = token.FindAttribute(name)) {
      const ClassVerdict v = JudgeClassWords(*value);
      verdict.debris |= v.debris;
      verdict.content |= v.content;
      verdict.caption |= v.caption;
      verdict.byline |= v.byline;
    }
  }
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
  if (page_.byline.node < 0 && verdict.byline) {
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
  if (raw_text_owner_ == "title" && page_.metadata.title_tag.empty()) {
    bool space = false;
    AppendCollapsed(text, space, page_.metadata.title_tag);
  }
  if (raw_text_owner_ == "script" && raw_text_is_json_ld_) page_.metadata.json_ld.push_back(text);
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
    paragraph.text = CollapseWhiteSpace(std::string_view(text).substr(pos, end - pos));
    if (!paragraph.text.empty()) paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

// The datetime of each <time> that belongs to the article: inside
// <article>/<main>, or near the chosen main text (a few levels up, where
// the date line usually sits beside the text).
std::vector<std::string_view> ArticleTimes(const Page& page, int main_root) {
  int near = main_root;
  for (int up = 0; up < 3 && page.nodes[near].parent >= 0; ++up) near = page.nodes[near].parent;
  std::vector<std::string_view> times;
  for (const auto& [node, datetime] : page.times) {
    if (node < static_cast<int>(page.nodes.size()) &&
        ((page.nodes[node].context & kArticle) ||
         (near > 0 && InSubtree(page.nodes, near, node)))) {
      times.push_back(datetime);
    }
  }
  return times;
}

size_t BodyChars(const std::vector<Paragraph>& paragraphs) {
  size_t chars = 0;
  for (const Paragraph& paragraph : paragraphs) {
    if (paragraph.role == ParagraphRole::kBody) chars += paragraph.text.size();
  }
  return chars;
}

// The attributes the page model and the metadata reader look at.
bool IsAttributeWeRead(std::string_view name) {
  switch (name.size()) {
    case 2: return name == "id";
    case 3: return name == "rel";
    case 4: return name == "lang" || name == "href" || name == "name" || name == "type";
    case 5: return name == "class" || name == "style";
    case 6: return name == "hidden";
    case 7: return name == "content" || name == "charset";
    case 8: return name == "itemprop" || name == "property" || name == "datetime";
    case 10: return name == "http-equiv";
    default: return false;
  }
}

}  // namespace

Article ExtractHtml(std::string_view html) {
  Page page;
  PageBuilder builder(page);
  html::Tokenizer tokenizer(html);
  tokenizer.set_attribute_filter(&IsAttributeWeRead);
  tokenizer.set_skip_code_text(true);
  Token token;
  while (tokenizer.Next(token)) builder.Add(token);
  builder.Finish();

  const JsonLdArticle ld = ReadJsonLdArticle(page.metadata.json_ld);

  Article article;
  const int main_root = ChooseMainContainer(page);
  const MarkupClues clues{page.h1.text, page.author.text, page.byline.text,
                          ArticleTimes(page, main_root)};
  FillMetadata(page.metadata, ld, clues, article);
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
