// Headline features for the same-event verdict.
//
// A headline says in a few words what the report is about, and outlets
// reporting one event mostly headline its actors and its act, however
// differently their leads then run. So the verdict's document vectors hold
// the headline's words too, in the same keys as the body's sentence
// features: a name that is an entity of the comparison counts as that
// entity ("E:<id>", as in the body), other words as their stem or concept,
// numbers as written.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "align/features.h"
#include "align/internal.h"
#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// A headline's words tell the event more surely than a body sentence's.
constexpr double kHeadlineBoost = 1.5;
constexpr double kEntityBoost = 1.5;
constexpr size_t kLongestName = 4;  // words

std::string Joined(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string key;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) key += ' ';
    key += words[i];
  }
  return key;
}


}  // namespace

std::unordered_map<std::string, std::string> DemonymFeatures(const Comparison& comparison) {
  std::unordered_map<std::string, int> place_named;
  for (int e = 0; e < static_cast<int>(comparison.entities.size()); ++e) {
    if (comparison.entities[e].type == EntityType::kPlace) place_named[FoldCase(comparison.entities[e].name)] = e;
  }
  // (stem of the demonym, folded place), read once.
  static const std::vector<std::pair<std::string, std::string>> kDemonyms = [] {
    std::vector<std::pair<std::string, std::string>> list;
    for (const LexiconEntry& entry : LoadLexicon("places.tsv")) {
      if (entry.category.starts_with("demonym:")) {
        list.emplace_back(Stem(FoldCase(entry.term)), FoldCase(entry.category.substr(8)));
      }
    }
    return list;
  }();
  std::unordered_map<std::string, std::string> out;
  for (const auto& [stem, place] : kDemonyms) {
    auto it = place_named.find(place);
    if (it != place_named.end()) out[stem] = "E:" + std::to_string(it->second);
  }
  return out;
}

std::vector<FeatureVector> HeadlineFeatures(const Comparison& comparison,
                                            const std::vector<std::vector<FeatureVector>>& features) {
  // Names of the comparison's entities, folded: every name and alias, and a
  // person's surname, unless two entities claim the same words.
  std::map<std::string, int> entity_named;
  auto claim = [&](const std::string& key, int entity) {
    auto [it, added] = entity_named.emplace(key, entity);
    if (!added && it->second != entity) it->second = -1;
  };
  for (int e = 0; e < static_cast<int>(comparison.entities.size()); ++e) {
    const Entity& entity = comparison.entities[e];
    std::vector<std::string> names = entity.aliases;
    names.push_back(entity.name);
    for (const std::string& name : names) {
      const std::vector<std::string> words = NameWords(name);
      if (!words.empty() && words.size() <= kLongestName) claim(Joined(words, 0, words.size()), e);
    }
    const std::vector<std::string> words = NameWords(entity.name);
    if (entity.type == EntityType::kPerson && words.size() >= 2) claim(words.back(), e);
  }
  // Inverse frequency as the body's features have it: over every sentence
  // and headline of the comparison.
  std::unordered_map<std::string, int> df;
  size_t units = 0;
  for (const auto& doc : features) {
    for (const FeatureVector& sentence : doc) {
      for (const auto& [key, weight] : sentence) ++df[key];
      ++units;
    }
  }
  std::vector<FeatureVector> headlines(comparison.documents.size());
  for (size_t d = 0; d < comparison.documents.size(); ++d) {
    const std::string& title = comparison.documents[d].article.title;
    const std::vector<Token> tokens = Tokenize(title, 0, static_cast<uint32_t>(title.size()));
    FeatureVector& v = headlines[d];
    for (size_t i = 0; i < tokens.size();) {
      const Token& t = tokens[i];
      if (t.kind == TokenKind::kPunct) {
        ++i;
        continue;
      }
      // The longest run of words that names an entity.
      size_t matched = 0;
      if (t.capitalized || t.kind == TokenKind::kNumber) {
        std::vector<std::string> run;
        for (size_t k = i; k < tokens.size() && run.size() < kLongestName; ++k) {
          if (tokens[k].kind == TokenKind::kPunct) {
            if (tokens[k].lower == ".") continue;  // "Dr. Doe"
            break;
          }
          const bool letter_after_letter = tokens[k].lower.size() == 1 && k >= i + 2 &&
                                           tokens[k - 1].lower == "." && tokens[k - 2].lower.size() == 1;
          if (letter_after_letter) {
            run.back() += tokens[k].lower;  // "U.S."
          } else {
            run.push_back(tokens[k].lower);
          }
          auto it = entity_named.find(Joined(run, 0, run.size()));
          if (it != entity_named.end() && it->second >= 0) {
            matched = k + 1 - i;
            v["E:" + std::to_string(it->second)] = kEntityBoost;
          }
        }
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      if (t.kind == TokenKind::kNumber) {
        v["N:" + t.lower] = std::max(v["N:" + t.lower], kEntityBoost);
      } else if (!IsStopword(t.lower) && t.lower.size() >= 2) {
        auto it = ConceptOfStem().find(t.stem);
        const std::string key = it != ConceptOfStem().end() ? it->second : t.stem;
        v[key] = std::max(v[key], 1.0);
      }
      ++i;
    }
    for (const auto& [key, weight] : v) ++df[key];
    ++units;
  }
  const double n = static_cast<double>(units) + 1.0;
  for (FeatureVector& v : headlines) {
    for (auto& [key, weight] : v) weight *= kHeadlineBoost * std::log(n / (df[key] + 0.5));
  }
  return headlines;
}

}  // namespace parallax
