// Tokens and Snowball stems.
#include <libstemmer.h>
#include <unicode/uchar.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parallax/text.h"

namespace parallax {

namespace {

bool IsWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }

bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

bool IsHyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011'; }

// A character that joins two word characters into one token: "can’t",
// "hard-left", "3.5", "1,200".
bool JoinsWord(char32_t cp, char32_t before, char32_t after) {
  if (IsApostrophe(cp) || IsHyphen(cp)) return IsWordChar(before) && IsWordChar(after);
  if (cp == U'.' || cp == U',') return u_isdigit(before) && u_isdigit(after);
  return false;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string Stem(std::string_view folded_word) {
  // sb_stemmer keeps state between calls, so each thread gets its own.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (!stemmer || folded_word.empty()) return std::string(folded_word);
  // News prose repeats its words (and the lexicons stem the same ones again):
  // a hash lookup costs a fraction of running the Snowball rules. Cleared
  // when full, so a corpus of rare words keeps its memory bounded.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  constexpr size_t kMaxCached = 1 << 16;
  thread_local std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache;
  if (const auto hit = cache.find(folded_word); hit != cache.end()) return hit->second;
  const sb_symbol* out = sb_stemmer_stem(
      stemmer.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
      static_cast<int>(folded_word.size()));
  if (out == nullptr) return std::string(folded_word);
  std::string stem(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer.get()));
  if (cache.size() >= kMaxCached) cache.clear();
  cache.emplace(folded_word, stem);
  return stem;
}

std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end, Stems stems) {
  std::vector<Token> tokens;
  size_t pos = begin;
  while (pos < end) {
    const size_t start = pos;
    char32_t cp = DecodeUtf8(text, pos);
    if (u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xA0) continue;
    Token token;
    token.begin = static_cast<uint32_t>(start);
    if (!IsWordChar(cp)) {
      token.end = static_cast<uint32_t>(pos);
      token.kind = TokenKind::kPunct;
      token.lower = std::string(text.substr(start, pos - start));
      tokens.push_back(std::move(token));
      continue;
    }
    token.capitalized = u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
    const bool starts_with_digit = u_isdigit(static_cast<UChar32>(cp));
    char32_t previous = cp;
    while (pos < end) {
      size_t next = pos;
      const char32_t c = DecodeUtf8(text, next);
      if (IsWordChar(c)) {
        previous = c;
        pos = next;
        continue;
      }
      size_t after_pos = next;
      const char32_t after = after_pos < end ? DecodeUtf8(text, after_pos) : 0;
      // A possessive "’s" becomes a token of its own, so "Britain’s" is the
      // name "Britain" (contractions such as "can’t" stay whole).
      if (IsApostrophe(c) && (after == U's' || after == U'S')) {
        size_t past = after_pos;
        const char32_t following = past < end ? DecodeUtf8(text, past) : 0;
        if (!IsWordChar(following)) break;
      }
      if (JoinsWord(c, previous, after)) {
        previous = after;
        pos = after_pos;
        continue;
      }
      break;
    }
    token.end = static_cast<uint32_t>(pos);
    token.kind = starts_with_digit ? TokenKind::kNumber : TokenKind::kWord;
    token.lower = FoldCase(text.substr(start, pos - start));
    if (token.kind == TokenKind::kWord && stems == Stems::kFill) token.stem = Stem(token.lower);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<std::string> NameWords(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::vector<std::string> words;
  bool last_was_letter = false;
  for (size_t x = begin; x < end; ++x) {
    if (tokens[x].kind == TokenKind::kPunct) continue;
    const bool letter = tokens[x].lower.size() == 1 && tokens[x].capitalized;
    const bool abbreviation = letter && x + 1 < end && tokens[x + 1].lower == ".";
    if (letter && last_was_letter && !words.empty()) {
      words.back() += tokens[x].lower;
    } else {
      words.push_back(tokens[x].lower);
    }
    last_was_letter = abbreviation || (letter && last_was_letter);
  }
  return words;
}

}  // namespace parallax
