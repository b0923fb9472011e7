// People, organisations and places, found by rule and merged by alias.
//
// A name is a run of capitalised words ("Council of Europe" keeps its inner
// "of"). Its first word may be a sentence's first word only if the document
// also capitalises that word elsewhere: "Critics say" is no name, "Doe
// said" is. Honorifics ("Sir", "Dr") and role words before a name ("Justice
// Secretary") are not part of the name: they type it as a person and bind
// the role to it. A role standing alone ("the prime minister", "the PM")
// refers to the person the document bound that role to, else to the most
// prominent person so far, and that binding then holds for the document.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/internal.h"
#include "analyze/lexicons.h"
#include "analyze/names.h"
#include "parallax/text.h"

namespace parallax {

namespace {

const std::unordered_map<std::string, int>& CalendarWords() {
  static const std::unordered_map<std::string, int> kWords = {
      {"monday", 1}, {"tuesday", 1}, {"wednesday", 1}, {"thursday", 1}, {"friday", 1},
      {"saturday", 1}, {"sunday", 1}, {"january", 1}, {"february", 1}, {"march", 1},
      {"april", 1}, {"may", 1}, {"june", 1}, {"july", 1}, {"august", 1}, {"september", 1},
      {"october", 1}, {"november", 1}, {"december", 1}};
  return kWords;
}

bool IsConnector(const std::string& lower) {
  return lower == "of" || lower == "on" || lower == "for" || lower == "de" || lower == "la" ||
         lower == "van" || lower == "von" || lower == "der" || lower == "al" || lower == "du";
}

// A personal pronoun capitalised ("I", "He" after a closing quote, "She"
// opening a line): never part of a name, so "Jane Doe I" and "Doe He" stop
// at the name. "US" in capitals is the country, not "us".
bool IsPronoun(const Token& t, std::string_view surface) {
  static const std::unordered_map<std::string, int> kPronouns = {
      {"i", 1},   {"he", 1},  {"she", 1},   {"we", 1},  {"they", 1}, {"it", 1},    {"you", 1},
      {"him", 1}, {"her", 1}, {"his", 1},   {"hers", 1}, {"them", 1}, {"their", 1}, {"its", 1},
      {"me", 1},  {"my", 1},  {"our", 1},   {"us", 1},  {"your", 1}, {"i'm", 1},   {"i've", 1}};
  if (t.kind != TokenKind::kWord || !kPronouns.count(t.lower)) return false;
  return t.lower == "i" || t.lower.starts_with("i'") || surface.size() < 2 || surface[1] < 'A' || surface[1] > 'Z';
}

bool IsAcronym(std::string_view surface) {
  if (surface.size() < 2) return false;
  int upper = 0;
  for (const char c : surface) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c != '.' && c != '&' && !(c == 's' && &c == &surface.back())) return false;
  }
  return upper >= 2;
}

// Words that, capitalised at a sentence start, name nothing: the document
// never capitalises them anywhere else.
struct CapitalEvidence {
  std::unordered_map<std::string, int> mid_sentence_capitalised;
};

CapitalEvidence GatherEvidence(const AnalyzedArticle& doc) {
  CapitalEvidence evidence;
  for (const Sentence& s : doc.sentences) {
    bool first = true;
    for (const Token& t : s.tokens) {
      if (t.kind != TokenKind::kWord) {
        // After an opening quote mark or a colon a new sentence may begin.
        if (t.lower == "\u201C" || t.lower == "\u2018" || t.lower == "\"" || t.lower == ":") first = true;
        continue;
      }
      if (!first && t.capitalized) ++evidence.mid_sentence_capitalised[t.lower];
      first = false;
    }
  }
  return evidence;
}

// A sex for people whose honorific did not give one, from a given name
// used for one sex only: "she said" then skips "John Doe" and finds "Jane Roe".
void GuessGenders(const Lexicons& lex, std::vector<LocalEntity>& entities) {
  for (LocalEntity& e : entities) {
    if (e.type != EntityType::kPerson || e.gender != 0) continue;
    // The given name is the first word, or the second after a word such as
    // "Democrat" or "Senator" that the name kept: never the surname.
    size_t begin = 0;
    for (int word = 0; word < 2; ++word) {
      const size_t space = e.name.find(' ', begin);
      if (space == std::string::npos) break;
      const auto it = lex.first_names.find(FoldCase(e.name.substr(begin, space - begin)));
      if (it != lex.first_names.end()) {
        e.gender = it->second;
        break;
      }
      begin = space + 1;
    }
  }
}

}  // namespace

void FindEntities(AnalyzedArticle& doc) {
  const Lexicons& lex = Lexicons::Get();
  const CapitalEvidence evidence = GatherEvidence(doc);
  NameBuilder names(doc);

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    const std::vector<Token>& tokens = sentence.tokens;
    const std::string& text = doc.article.paragraphs[sentence.span.paragraph].text;
    size_t first_word = 0;
    while (first_word < tokens.size() && tokens[first_word].kind != TokenKind::kWord) ++first_word;

    size_t i = 0;
    while (i < tokens.size()) {
      // Role phrases written in lower case ("the prime minister", "the
      // Danish leader") are found by RoleAt; capitalised runs below.
      if (size_t role_end = names.TryRolePhrase(si, i); role_end > i) {
        i = role_end;
        continue;
      }
      const Token& t = tokens[i];
      auto surface = [&](const Token& u) { return std::string_view(text).substr(u.begin, u.end - u.begin); };
      if (t.kind != TokenKind::kWord || !t.capitalized || IsPronoun(t, surface(t))) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < tokens.size()) {
        const Token& u = tokens[j];
        const bool next_capitalised =
            j + 1 < tokens.size() && tokens[j + 1].kind == TokenKind::kWord && tokens[j + 1].capitalized;
        if (u.kind == TokenKind::kWord && u.capitalized) {
          // "World War I" keeps its numeral; "Jane Doe I said" loses the pronoun.
          if (IsPronoun(u, surface(u)) && !(u.lower == "i" && tokens[j - 1].lower == "war")) break;
          ++j;
        } else if (u.lower == "." && next_capitalised && u.begin == tokens[j - 1].end &&
                   (lex.honorifics.count(tokens[j - 1].lower) ||
                    (surface(tokens[j - 1]).size() == 1 && (j - 1 > i || surface(tokens[j + 1]).size() == 1)))) {
          // "Sen. Jane Doe", "Mr. Doe" (the American dot after a title), a
          // middle initial, "Jane Q. Doe", and the letters of "U.S.": one
          // name across the dot.
          ++j;
        } else if ((u.lower == "\u2019" || u.lower == "'") && j + 1 < tokens.size() &&
                   tokens[j - 1].lower.back() == 's' && tokens[j + 1].kind == TokenKind::kWord &&
                   tokens[j + 1].capitalized) {
          j += 2;  // a plural possessive inside a name: "the Dockers’ Union"

        } else if (u.kind == TokenKind::kWord && IsConnector(u.lower) && j + 1 < tokens.size() &&
                   tokens[j + 1].kind == TokenKind::kWord && tokens[j + 1].capitalized &&
                   !CalendarWords().count(tokens[j + 1].lower)) {
          j += 2;
        } else {
          break;
        }
      }
      size_t begin = i;
      // A sentence's first word (or the first after an opening quote mark)
      // is capitalised by grammar; keep it only with other evidence.
      const bool sentence_initial =
          i == first_word || (i > 0 && tokens[i - 1].kind == TokenKind::kPunct &&
                              (tokens[i - 1].lower == "\u201C" || tokens[i - 1].lower == "\u2018" ||
                               tokens[i - 1].lower == "\"" || tokens[i - 1].lower == ":"));
      if (sentence_initial) {
        const std::string& w = tokens[i].lower;
        const bool evidenced = evidence.mid_sentence_capitalised.count(w) || lex.demonyms.count(w) ||
                               lex.honorifics.count(w) || lex.places.count(w) ||
                               lex.organisation_words.count(w) || IsAcronym(std::string_view(
                                   text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        // A multi-word run keeps an unevidenced first word only when the
        // rest is a lone word ("Jane Doe said"); "Later Jane Doe
        // spoke" loses "Later", as the rest is a name by itself.
        if ((IsStopword(w) && !lex.honorifics.count(w)) || (!evidenced && j - i <= 2 && j - i == 1) ||
            (!evidenced && j - i >= 3 && !lex.honorifics.count(w))) {
          ++begin;
        }
      }
      // Calendar words and lone demonyms are not entities.
      while (begin < j && CalendarWords().count(tokens[begin].lower)) ++begin;
      size_t end = j;
      while (end > begin && CalendarWords().count(tokens[end - 1].lower)) --end;
      if (end > begin) names.AddCapitalisedRun(si, begin, end);
      i = j;
    }
  }
  names.Finish();
  GuessGenders(lex, doc.entities);
}

}  // namespace parallax
