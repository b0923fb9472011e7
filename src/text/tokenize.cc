// Tokens and Snowball stems.
#include <libstemmer.h>
#include <unicode/uchar.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parallax/text.h"

#ifdef PARALLAX_STEMMER_ENGLISH_ONLY
// Linked from Debian's static libstemmer.a, whose objects export these:
// calling the English stemmer directly leaves out sb_stemmer_new's table of
// all 29 languages, ~300 KB of pointers the loader would otherwise relocate
// (a page fault per 4 KB) at every start of parallax. The environment's
// first fields (the word and its length) have kept this layout in every
// Snowball release.
extern "C" {
struct SN_env {
  unsigned char* p;
  int c;
  int l;
};
SN_env* english_UTF_8_create_env(void);
void english_UTF_8_close_env(SN_env* env);
int english_UTF_8_stem(SN_env* env);
int SN_set_current(SN_env* env, int size, const unsigned char* s);
}
#endif

namespace parallax {

namespace {

// ASCII answers without ICU's property tables: most of a news text is ASCII,
// and these run for every character of it.
bool IsAsciiDigit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
bool IsAsciiUpper(char32_t cp) { return cp >= U'A' && cp <= U'Z'; }

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiDigit(cp) || IsAsciiUpper(cp) || (cp >= U'a' && cp <= U'z');
  return u_isalnum(static_cast<UChar32>(cp)) != 0;
}

bool IsDigit(char32_t cp) { return cp < 0x80 ? IsAsciiDigit(cp) : u_isdigit(static_cast<UChar32>(cp)) != 0; }

bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == U' ' || (cp >= U'\t' && cp <= U'\r');  // Unicode's White_Space in ASCII
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xA0;
}

bool IsCapital(char32_t cp) {
  if (cp < 0x80) return IsAsciiUpper(cp);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

char32_t NextCodePoint(std::string_view text, size_t& pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  return DecodeUtf8(text, pos);
}

bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

bool IsHyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011'; }

// A character that joins two word characters into one token: "can’t",
// "hard-left", "3.5", "1,200".
bool JoinsWord(char32_t cp, char32_t before, char32_t after) {
  if (IsApostrophe(cp) || IsHyphen(cp)) return IsWordChar(before) && IsWordChar(after);
  if (cp == U'.' || cp == U',') return IsDigit(before) && IsDigit(after);
  return false;
}

#ifdef PARALLAX_STEMMER_ENGLISH_ONLY
struct Stemmer {
  SN_env* env = english_UTF_8_create_env();
  Stemmer() = default;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  ~Stemmer() {
    if (env != nullptr) english_UTF_8_close_env(env);
  }
  explicit operator bool() const { return env != nullptr; }
  // The stem of `word`, or nullopt when the stemmer fails (out of memory).
  std::optional<std::string> Run(std::string_view word) {
    if (SN_set_current(env, static_cast<int>(word.size()), reinterpret_cast<const unsigned char*>(word.data())) < 0 ||
        english_UTF_8_stem(env) < 0) {
      return std::nullopt;
    }
    return std::string(reinterpret_cast<const char*>(env->p), static_cast<size_t>(env->l));
  }
};
#else
struct Stemmer {
  std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer{sb_stemmer_new("english", "UTF_8"), sb_stemmer_delete};
  explicit operator bool() const { return stemmer != nullptr; }
  std::optional<std::string> Run(std::string_view word) {
    const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (out == nullptr) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.get())));
  }
};
#endif

}  // namespace

std::string Stem(std::string_view folded_word) {
  // A stemmer keeps state between calls, so each thread gets its own.
  thread_local Stemmer stemmer;
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
  std::optional<std::string> stem = stemmer.Run(folded_word);
  if (!stem) return std::string(folded_word);
  if (cache.size() >= kMaxCached) cache.clear();
  cache.emplace(folded_word, *stem);
  return std::move(*stem);
}

std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end, Stems stems) {
  std::vector<Token> tokens;
  size_t pos = begin;
  while (pos < end) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, pos);
    if (IsSpace(cp)) continue;
    Token token;
    token.begin = static_cast<uint32_t>(start);
    if (!IsWordChar(cp)) {
      token.end = static_cast<uint32_t>(pos);
      token.kind = TokenKind::kPunct;
      token.lower = std::string(text.substr(start, pos - start));
      tokens.push_back(std::move(token));
      continue;
    }
    token.capitalized = IsCapital(cp);
    const bool starts_with_digit = IsDigit(cp);
    char32_t previous = cp;
    while (pos < end) {
      size_t next = pos;
      const char32_t c = NextCodePoint(text, next);
      if (IsWordChar(c)) {
        previous = c;
        pos = next;
        continue;
      }
      size_t after_pos = next;
      const char32_t after = after_pos < end ? NextCodePoint(text, after_pos) : 0;
      // A possessive "’s" becomes a token of its own, so "Britain’s" is the
      // name "Britain" (contractions such as "can’t" stay whole).
      if (IsApostrophe(c) && (after == U's' || after == U'S')) {
        size_t past = after_pos;
        const char32_t following = past < end ? NextCodePoint(text, past) : 0;
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
