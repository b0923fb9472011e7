// One entity across documents: the same person named "Jane Doe" by one
// outlet and "Ms Doe" or "Dame Jane Doe" by another, the same organisation
// named by its acronym.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "align/internal.h"
#include "parallax/text.h"

namespace parallax {

namespace {

bool IsAllCaps(const std::string& s) {
  if (s.size() < 2) return false;
  for (const char c : s) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// Prefer the most formal spelling: more capital letters, then longer.
bool BetterName(const std::string& a, const std::string& b) {
  auto capitals = [](const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  if (a.size() != b.size() && (NameWords(a).size() != NameWords(b).size())) {
    return NameWords(a).size() > NameWords(b).size();
  }
  return capitals(a) > capitals(b);
}

}  // namespace

std::vector<std::string> NameWords(const std::string& name) {
  const std::vector<Token> tokens = Tokenize(name, 0, static_cast<uint32_t>(name.size()), Stems::kSkip);
  return NameWords(tokens, 0, tokens.size());
}

std::vector<std::vector<int>> MergeEntities(Comparison& comparison) {
  struct Local {
    int document;
    int index;
    std::vector<std::string> words;
  };
  std::vector<Local> order;
  std::vector<std::vector<int>> entity_of(comparison.documents.size());
  for (int d = 0; d < static_cast<int>(comparison.documents.size()); ++d) {
    const auto& entities = comparison.documents[d].entities;
    entity_of[d].assign(entities.size(), -1);
    for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
      order.push_back({d, e, NameWords(entities[e].name)});
    }
  }
  // Full names first, so a surname alone finds the person.
  std::stable_sort(order.begin(), order.end(),
                   [](const Local& a, const Local& b) { return a.words.size() > b.words.size(); });
  std::vector<std::vector<std::string>> global_words;
  // Which global entities a local one can match, by key, so that each local
  // entity looks up its few candidates instead of testing every global one:
  // "=" + its words, "<" + a proper prefix of a name's words, ">" + a proper
  // suffix, "A" + an all-capitals alias (an acronym).
  std::unordered_map<std::string, std::vector<int>> by_key;
  auto key = [](char kind, auto first, auto last) {
    std::string k(1, kind);
    for (auto it = first; it != last; ++it) {
      k += *it;
      k += '\x1f';
    }
    return k;
  };
  auto index_alias = [&](int g, const std::string& alias) {
    if (IsAllCaps(alias)) by_key["A" + alias].push_back(g);
  };
  for (const Local& local : order) {
    const LocalEntity& le = comparison.documents[local.document].entities[local.index];
    std::vector<int> candidates;
    auto add = [&](const std::string& k) {
      auto it = by_key.find(k);
      if (it != by_key.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    add(key('=', local.words.begin(), local.words.end()));
    // A surname or a first name alone finds the person's full name, also
    // when its own report gave no sign it is a person ("Doe said"); and a
    // name without its middle or maiden name finds the full one ("Jane
    // Doe" finds "Jane Q. Doe", "Jane Roe Doe").
    if (le.type == EntityType::kPerson || (le.type == EntityType::kOther && local.words.size() == 1)) {
      for (const char kind : {'<', '>', 'F'}) {
        if (kind == 'F' && local.words.size() != 2) continue;
        auto it = by_key.find(key(kind, local.words.begin(), local.words.end()));
        if (it == by_key.end()) continue;
        for (const int g : it->second) {
          if (comparison.entities[g].type == EntityType::kPerson) candidates.push_back(g);
        }
      }
    }
    // A shared acronym ("NPA") names the same organisation.
    for (const std::string& a : le.aliases) {
      if (IsAllCaps(a)) add("A" + a);
    }
    // In the order of the global entities, as a scan of all would find them.
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    int chosen = -1;
    // A partial name that fits several people stays apart: no guessing.
    if (candidates.size() == 1 || (!candidates.empty() && global_words[candidates[0]] == local.words)) {
      chosen = candidates[0];
    }
    if (chosen < 0) {
      Entity ge;
      ge.id = "e" + std::to_string(comparison.entities.size());
      ge.name = le.name;
      ge.type = le.type;
      ge.mentions.assign(comparison.documents.size(), 0);
      comparison.entities.push_back(std::move(ge));
      global_words.push_back(local.words);
      chosen = static_cast<int>(comparison.entities.size()) - 1;
      const std::vector<std::string>& words = global_words.back();
      by_key[key('=', words.begin(), words.end())].push_back(chosen);
      for (size_t k = 0; k < words.size(); ++k) {
        by_key[key('<', words.begin(), words.begin() + k)].push_back(chosen);
        by_key[key('>', words.end() - k, words.end())].push_back(chosen);
      }
      if (words.size() > 2) {
        const std::vector<std::string> ends = {words.front(), words.back()};
        by_key[key('F', ends.begin(), ends.end())].push_back(chosen);
      }
    }
    Entity& ge = comparison.entities[chosen];
    if (local.words.size() >= global_words[chosen].size() && BetterName(le.name, ge.name)) {
      ge.name = le.name;
    }
    if (ge.type == EntityType::kOther) ge.type = le.type;
    ge.mentions[local.document] += le.mentions;
    ge.members.emplace_back(local.document, local.index);
    for (const std::string& alias : le.aliases) {
      if (std::find(ge.aliases.begin(), ge.aliases.end(), alias) == ge.aliases.end()) {
        ge.aliases.push_back(alias);
        index_alias(chosen, alias);
      }
    }
    entity_of[local.document][local.index] = chosen;
  }
  return entity_of;
}

}  // namespace parallax
