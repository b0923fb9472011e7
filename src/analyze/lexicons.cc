#include "analyze/lexicons.h"

#include <algorithm>

#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace parallax {

namespace {

std::vector<std::string> Words(const std::string& phrase) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(phrase, 0, static_cast<uint32_t>(phrase.size()), Stems::kSkip)) {
    if (t.kind != TokenKind::kPunct) words.push_back(t.lower);
  }
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

Lexicons Load() {
  Lexicons lex;
  for (const LexiconEntry& e : LoadLexicon("honorifics.tsv")) lex.honorifics.insert(FoldCase(e.term));
  for (const LexiconEntry& e : LoadLexicon("roles.tsv")) {
    const std::vector<std::string> words = Words(e.term);
    lex.roles[Join(words)] = e.category;
    if (!words.empty()) lex.role_first_words.insert(words[0]);
    lex.longest_role = std::max(lex.longest_role, words.size());
  }
  for (const LexiconEntry& e : LoadLexicon("places.tsv")) {
    const std::vector<std::string> words = Words(e.term);
    if (e.category.rfind("demonym", 0) == 0) {
      lex.demonyms.insert(Join(words));
    } else {
      lex.places[Join(words)] = e.category;
      lex.longest_place = std::max(lex.longest_place, words.size());
    }
  }
  for (const LexiconEntry& e : LoadLexicon("organisation_words.tsv")) {
    lex.organisation_words.insert(FoldCase(e.term));
  }
  for (const LexiconEntry& e : LoadLexicon("common_words.tsv")) lex.common_words.insert(FoldCase(e.term));
  for (const LexiconEntry& e : LoadLexicon("speech_verbs.tsv")) lex.speech_verbs[FoldCase(e.term)] = e.category;
  for (const LexiconEntry& e : LoadLexicon("first_names.tsv")) {
    lex.first_names[FoldCase(e.term)] = e.category == "female" ? 'f' : 'm';
  }
  for (const LexiconEntry& e : LoadLexicon("media.tsv")) lex.media[Join(Words(e.term))] = e.category;
  for (const LexiconEntry& e : LoadLexicon("framing.tsv")) {
    FramingEntry entry;
    entry.term = e.term;
    entry.category = e.category;
    for (const Token& t : Tokenize(e.term, 0, static_cast<uint32_t>(e.term.size()))) {
      if (t.kind == TokenKind::kPunct) continue;
      entry.stems.push_back(t.kind == TokenKind::kWord ? t.stem : t.lower);
      entry.words.push_back(t.lower);
    }
    if (!entry.stems.empty()) lex.framing.push_back(std::move(entry));
  }
  for (size_t f = 0; f < lex.framing.size(); ++f) {
    lex.framing_by_first_word[lex.framing[f].words[0]].push_back(f);
  }
  for (const LexiconEntry& e : LoadLexicon("shift_markers.tsv")) lex.shift_markers.push_back(Words(e.term));
  for (const LexiconEntry& e : LoadLexicon("concepts.tsv")) {
    const std::vector<std::string> words = Words(e.term);
    if (words.size() == 1) lex.concepts[Stem(words[0])] = e.category;
  }
  return lex;
}

}  // namespace

const Lexicons& Lexicons::Get() {
  static const Lexicons kLexicons = Load();
  return kLexicons;
}

std::string CanonicalRole(const std::string& role) {
  if (role == "pm") return "prime minister";
  if (role == "ceo") return "chief executive";
  if (role == "chairwoman" || role == "chairman") return "chair";
  if (role == "spokeswoman" || role == "spokesman") return "spokesperson";
  return role;
}

}  // namespace parallax
