// Page debris, learned from the document itself.
//
// Pages copied as text (and many extracted pages) carry gallery widgets
// ("+3", "View gallery"), share lines and photo captions that the page
// prints twice, once beside the photo and once in the gallery. None of this
// is a claim of the report. We recognise it by what it does in this one
// document, not by what it says:
//   - a line without a single letter is a widget;
//   - a short line that repeats is a widget;
//   - a line of prose printed twice is a caption: the first copy is kept as
//     a caption, later copies are boilerplate, so it is never counted twice;
//   - a line without closing punctuation that stands right above a widget
//     is a caption too (a gallery caption printed once);
//   - a line of one or two words without punctuation is not prose;
//   - a short "By Jane Doe" line is a byline, a line of date words a time stamp.
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parallax/extract.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// A widget line is at most this many words. Gallery and share widgets
// ("View gallery", "Share this article", "+3") are one to four words; the
// shortest prose paragraphs in news copy are longer than that.
constexpr size_t kMaxWidgetWords = 4;

// Prose of at least this many words, printed twice, is a repeated caption.
// Shorter repeats are handled as widget lines.
constexpr size_t kMinRepeatedProseWords = 5;

// Two paragraphs are "the same text printed twice" when their word sets
// overlap this much (Jaccard). Copies differ in quote marks and small edits;
// distinct sentences of one report share well under half their words.
constexpr double kSameTextJaccard = 0.85;

struct LineFacts {
  std::vector<std::string> words;  // folded letters-and-digits words
  std::string key;                 // the words joined: equal keys = same text
  bool has_letter = false;
  bool closes_sentence = false;
};

bool ClosesSentence(const std::string& text) {
  size_t end = text.size();
  // Skip closing quote marks and brackets (ASCII or curly).
  while (end > 0) {
    const unsigned char c = text[end - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --end;
    } else if (end >= 3 && (text.compare(end - 3, 3, "\u2019") == 0 ||
                            text.compare(end - 3, 3, "\u201D") == 0)) {
      end -= 3;
    } else {
      break;
    }
  }
  if (end == 0) return false;
  const char c = text[end - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' ||
         (end >= 3 && text.compare(end - 3, 3, "\u2026") == 0);
}

LineFacts Analyse(const std::string& text) {
  LineFacts facts;
  const std::string folded = FoldCase(text);
  std::string word;
  auto flush = [&] {
    if (!word.empty()) facts.words.push_back(std::move(word));
    word.clear();
  };
  // Letters and digits of any script make words; everything else, curly
  // quotes, dashes and bullets included, separates them, so a caption printed
  // once with "straight" and once with “curly” quotes has the same words.
  for (size_t pos = 0; pos < folded.size();) {
    const unsigned char c = folded[pos];
    if (c < 0x80) {  // ASCII needs no decoding (the text is already folded)
      const bool digit = c >= '0' && c <= '9';
      if ((c >= 'a' && c <= 'z') || digit) {
        word += static_cast<char>(c);
        facts.has_letter |= !digit;
      } else {
        flush();
      }
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(folded, pos);
    if (u_isalnum(static_cast<UChar32>(cp))) {
      word.append(folded, start, pos - start);
      if (u_isalpha(static_cast<UChar32>(cp))) facts.has_letter = true;
    } else {
      flush();
    }
  }
  flush();
  for (const std::string& w : facts.words) {
    if (!facts.key.empty()) facts.key += ' ';
    facts.key += w;
  }
  facts.closes_sentence = ClosesSentence(text);
  return facts;
}

// Whether two sorted, de-duplicated lists of word ids reach a Jaccard of
// kSameTextJaccard. Gives up as soon as the words left cannot make up the
// overlap needed: most pairs it is asked about are far from it.
bool SameText(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return false;
  // |a & b| / (|a| + |b| - |a & b|) >= J  <=>  |a & b| >= J (|a| + |b|) / (1 + J)
  const double needed = kSameTextJaccard * static_cast<double>(a.size() + b.size()) / (1 + kSameTextJaccard);
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (static_cast<double>(shared + std::min(a.size() - i, b.size() - j)) < needed - 1e-9) return false;
    shared += a[i] == b[j];
    const bool step_a = a[i] <= b[j], step_b = a[i] >= b[j];
    i += step_a;
    j += step_b;
  }
  return static_cast<double>(shared) >= needed - 1e-9;
}

// A byline, credit or time stamp line has at most this many words ("By Jane
// Doe and John Roe, Political Correspondents" has eight, "(Reporting by Jane
// Doe; Editing by John Roe)" ten).
constexpr size_t kMaxBylineWords = 12;
// No line of kMaxBylineWords words is longer than this (12 words of 20 bytes).
constexpr size_t kLongestShortLineBytes = 240;

// Words a time stamp is made of: numbers, month and day names, zones.
bool IsDateWord(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "may",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march",
      "april", "june", "july", "august", "september", "october", "november", "december", "am",
      "pm", "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "updated", "published",
      "last", "at", "on"};
  if (kWords.count(w)) return true;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
         (w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0])) &&
          (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")));
}

void Mark(Paragraph& p, ParagraphRole role, const char* why) {
  p.role = role;
  p.why = why;
}

}  // namespace

void CleanDebris(std::vector<Paragraph>& paragraphs, DebrisRules rules) {
  const bool plain_text = rules == DebrisRules::kPlainText;
  const size_t n = paragraphs.size();
  std::vector<LineFacts> facts;
  facts.reserve(n);
  std::unordered_map<std::string, int> short_line_count;
  for (const Paragraph& p : paragraphs) {
    // After HTML extraction only short lines can be debris (bylines, time
    // stamps, symbol rows); a long paragraph is prose and needs no words.
    if (!plain_text && p.text.size() > kLongestShortLineBytes) {
      LineFacts prose;
      prose.has_letter = true;
      prose.closes_sentence = true;
      prose.words.resize(kMaxBylineWords + 1);  // only the count matters: "too long"
      facts.push_back(std::move(prose));
      continue;
    }
    facts.push_back(Analyse(p.text));
    if (facts.back().words.size() <= kMaxWidgetWords) ++short_line_count[facts.back().key];
  }

  auto is_widget = [&](size_t i) {
    const LineFacts& f = facts[i];
    if (!f.has_letter) return true;
    if (!plain_text || f.closes_sentence || f.words.size() > kMaxWidgetWords) return false;
    return short_line_count[f.key] >= 2 || f.words.size() <= 2;
  };

  // Widgets first: the other rules look at where widgets stand.
  std::vector<bool> widget(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (paragraphs[i].role != ParagraphRole::kBody) continue;
    widget[i] = is_widget(i);
    if (!widget[i]) continue;
    Mark(paragraphs[i], ParagraphRole::kBoilerplate,
         !facts[i].has_letter                ? "no words: a widget or counter"
         : short_line_count[facts[i].key] >= 2 ? "short line repeated in the page: a widget"
                                               : "one or two words without punctuation: not prose");
  }

  // Prose printed twice: a caption shown beside the photo and in the gallery.
  std::vector<bool> repeated(n, false);
  // Each line's distinct words as ids, sorted. Two lines at Jaccard >= J
  // share at least ceil(J m) of a line's m words; so, with every line's
  // words in one order (rarest first), the first m - ceil(J m) + 1 words of
  // two near copies have a word in common (prefix filtering). Only those
  // prefixes are indexed and probed: every near copy is found, and common
  // words, which would make the search quadratic, are rarely in a prefix.
  std::vector<std::vector<uint32_t>> word_sets(n);
  std::vector<uint32_t> lines_with;  // per word id
  std::unordered_map<std::string_view, uint32_t> ids;
  for (size_t i = 0; i < n && plain_text; ++i) {
    for (const std::string& w : facts[i].words) {
      const uint32_t id = ids.emplace(w, static_cast<uint32_t>(ids.size())).first->second;
      word_sets[i].push_back(id);
    }
    std::sort(word_sets[i].begin(), word_sets[i].end());
    word_sets[i].erase(std::unique(word_sets[i].begin(), word_sets[i].end()), word_sets[i].end());
    lines_with.resize(ids.size(), 0);
    for (const uint32_t w : word_sets[i]) ++lines_with[w];
  }
  auto prefix_length = [](size_t m) {
    return m - static_cast<size_t>(std::ceil(kSameTextJaccard * static_cast<double>(m) - 1e-9)) + 1;
  };
  std::vector<std::vector<uint32_t>> prefixes(n);
  std::vector<std::vector<uint32_t>> prefix_holders(ids.size());
  for (size_t i = 0; i < n && plain_text; ++i) {
    std::vector<uint32_t>& prefix = prefixes[i];
    prefix = word_sets[i];
    std::sort(prefix.begin(), prefix.end(), [&](uint32_t x, uint32_t y) {
      return std::tie(lines_with[x], x) < std::tie(lines_with[y], y);
    });
    prefix.resize(std::min(prefix.size(), prefix_length(prefix.size())));
    for (const uint32_t w : prefix) prefix_holders[w].push_back(static_cast<uint32_t>(i));
  }
  std::vector<uint32_t> candidates;
  std::vector<uint32_t> seen_for(plain_text ? n : 0, UINT32_MAX);
  for (size_t i = 0; i < n && plain_text; ++i) {
    if (widget[i] || repeated[i] || facts[i].words.size() < kMinRepeatedProseWords) continue;
    // An interview repeats its questions for every guest; they are content.
    if (paragraphs[i].text.ends_with("?")) continue;
    candidates.clear();
    for (const uint32_t w : prefixes[i]) {
      const std::vector<uint32_t>& holders = prefix_holders[w];
      for (auto it = std::upper_bound(holders.begin(), holders.end(), i); it != holders.end(); ++it) {
        if (seen_for[*it] == i) continue;
        seen_for[*it] = static_cast<uint32_t>(i);
        candidates.push_back(*it);
      }
    }
    // Later lines in order, as a scan of every pair would meet them.
    std::sort(candidates.begin(), candidates.end());
    for (const size_t j : candidates) {
      if (widget[j] || repeated[j]) continue;
      // Sets whose sizes differ this much cannot reach the Jaccard bound.
      const size_t small = std::min(word_sets[i].size(), word_sets[j].size());
      const size_t large = std::max(word_sets[i].size(), word_sets[j].size());
      if (static_cast<double>(small) < kSameTextJaccard * static_cast<double>(large)) continue;
      if (!SameText(word_sets[i], word_sets[j])) continue;
      if (!repeated[i]) {
        repeated[i] = true;
        Mark(paragraphs[i], ParagraphRole::kCaption, "printed twice in the page: a photo caption");
      }
      repeated[j] = true;
      Mark(paragraphs[j], ParagraphRole::kBoilerplate, "second copy of a caption");
    }
  }

  // Bylines and time stamps printed as lines of their own: "By Jane Doe,
  // Transport Correspondent", "Sat 14 Mar 2026 09.42 GMT". Short, without
  // closing punctuation, and made of a name after "By" or of date words and
  // numbers only.
  for (size_t i = 0; i < n; ++i) {
    if (paragraphs[i].role != ParagraphRole::kBody || facts[i].closes_sentence) continue;
    const std::vector<std::string>& words = facts[i].words;
    if (words.empty() || words.size() > kMaxBylineWords) continue;
    if (words[0] == "by" && words.size() >= 3 && paragraphs[i].text.compare(0, 3, "By ") == 0) {
      Mark(paragraphs[i], ParagraphRole::kBoilerplate, "a byline, not a claim of the report");
      continue;
    }
    // "(Reporting by Jane Doe; Editing by John Roe)": a credit line in brackets.
    const std::string& text = paragraphs[i].text;
    if (text.size() > 2 && text.front() == '(' && text.back() == ')' && words.size() >= 3 &&
        std::find(words.begin(), words.end(), "by") != words.end()) {
      Mark(paragraphs[i], ParagraphRole::kBoilerplate, "a credit line, not a claim of the report");
      continue;
    }
    size_t date_words = 0;
    for (const std::string& w : words) date_words += IsDateWord(w);
    if (date_words == words.size()) {
      Mark(paragraphs[i], ParagraphRole::kBoilerplate, "a time stamp, not a claim of the report");
    }
  }

  // A line without closing punctuation right above a widget labels a picture.
  for (size_t i = 0; i + 1 < n && plain_text; ++i) {
    if (paragraphs[i].role != ParagraphRole::kBody || facts[i].closes_sentence) continue;
    if (widget[i + 1]) {
      Mark(paragraphs[i], ParagraphRole::kCaption, "stands above a gallery widget: a caption");
    }
  }
}

}  // namespace parallax
