// One entity across documents: the same person named "Jane Doe" by one
// outlet and "Ms Doe" or "Dame Jane Doe" by another, the same organisation
// named by its acronym.
#include <algorithm>
#include <string>
#include <vector>

#include "align/internal.h"
#include "parallax/text.h"

namespace parallax {

namespace {

std::vector<std::string> Words(const std::string& name) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(name, 0, static_cast<uint32_t>(name.size()))) {
    if (t.kind != TokenKind::kPunct) words.push_back(t.lower);
  }
  return words;
}

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
  if (a.size() != b.size() && (Words(a).size() != Words(b).size())) {
    return Words(a).size() > Words(b).size();
  }
  return capitals(a) > capitals(b);
}

}  // namespace

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
      order.push_back({d, e, Words(entities[e].name)});
    }
  }
  // Full names first, so a surname alone finds the person.
  std::stable_sort(order.begin(), order.end(),
                   [](const Local& a, const Local& b) { return a.words.size() > b.words.size(); });
  std::vector<std::vector<std::string>> global_words;
  for (const Local& local : order) {
    const LocalEntity& le = comparison.documents[local.document].entities[local.index];
    std::vector<int> candidates;
    for (int g = 0; g < static_cast<int>(comparison.entities.size()); ++g) {
      const Entity& ge = comparison.entities[g];
      const std::vector<std::string>& gw = global_words[g];
      bool match = gw == local.words;
      if (!match && ge.type == EntityType::kPerson && le.type == EntityType::kPerson &&
          local.words.size() < gw.size()) {
        match = std::equal(local.words.begin(), local.words.end(), gw.begin()) ||
                std::equal(local.words.rbegin(), local.words.rend(), gw.rbegin());
      }
      if (!match) {
        // A shared acronym ("NPA") names the same organisation.
        for (const std::string& a : le.aliases) {
          if (!IsAllCaps(a)) continue;
          for (const std::string& b : ge.aliases) match |= a == b;
        }
      }
      if (match) candidates.push_back(g);
    }
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
      }
    }
    entity_of[local.document][local.index] = chosen;
  }
  return entity_of;
}

}  // namespace parallax
