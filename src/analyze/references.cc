// References to entities found by their names: "the convention" for the one
// organisation with that head word, and roles ("the minister") bound to
// whoever holds them. Part of NameBuilder (names.h), after ClusterNames.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/lexicons.h"
#include "analyze/names.h"

namespace parallax {

void NameBuilder::ResolveDefiniteReferences() {
  // "the convention" in lower case, when one organisation has that head word.
  const Lexicons& lex = Lexicons::Get();
  // Per word: the organisations of two or more words that hold it (the last
  // one, and how many), worked out once for the whole text.
  std::unordered_map<std::string, std::pair<int, int>> holders;  // word -> (last entity, count)
  for (int e = 0; e < static_cast<int>(entities_.size()); ++e) {
    const std::vector<std::string>& ew = entity_tokens_[e];
    if (entities_[e].type != EntityType::kOrganization || ew.size() < 2) continue;
    std::set<std::string> distinct(ew.begin(), ew.end());
    for (const std::string& w : distinct) {
      auto& [last, count] = holders.try_emplace(w, -1, 0).first->second;
      last = e;
      ++count;
    }
  }
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    const std::vector<Token>& tokens = doc_.sentences[si].tokens;
    for (size_t k = 0; k + 1 < tokens.size(); ++k) {
      if (tokens[k].lower != "the" || tokens[k + 1].capitalized ||
          !lex.organisation_words.count(tokens[k + 1].lower)) {
        continue;
      }
      if (k + 2 < tokens.size() && tokens[k + 2].kind == TokenKind::kWord) continue;  // "the party leader"
      const auto held = holders.find(tokens[k + 1].lower);
      if (held == holders.end() || held->second.second != 1) continue;
      const int found = held->second.first;
      Pending p;
      p.sentence = si;
      p.begin = k;
      p.end = k + 2;
      p.name_begin = k + 1;
      p.name_end = k + 2;
      p.entity = found;
      p.type = EntityType::kOrganization;
      pending_.push_back(std::move(p));
      ++entities_[found].mentions;
    }
  }
}

void NameBuilder::ResolveRoles() {
  std::sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.begin < b.begin;
  });
  std::map<std::string, int> binding;  // unqualified role -> entity
  // Titles before names and appositions ("Jane Doe, the head of ...") bind
  // roles for the whole document, wherever they stand.
  for (size_t i = 0; i < pending_.size(); ++i) {
    Pending& p = pending_[i];
    if (p.form == MentionForm::kName && !p.role.empty() && p.entity >= 0) {
      if (!p.qualified_role) binding.emplace(p.role, p.entity);
      entities_[p.entity].roles.push_back(p.role);
    }
    if (p.form != MentionForm::kRole || i == 0) continue;
    const Pending& prev = pending_[i - 1];
    const std::vector<Token>& tokens = doc_.sentences[p.sentence].tokens;
    const bool apposition = prev.sentence == p.sentence && prev.form == MentionForm::kName &&
                            prev.entity >= 0 && p.begin >= 2 && prev.end + 2 == p.begin &&
                            tokens[prev.end].lower == "," && tokens[p.begin - 1].lower == "the" &&
                            entities_[prev.entity].type == EntityType::kPerson;
    if (apposition) {
      p.entity = prev.entity;
      if (!p.qualified_role) binding.emplace(p.role, p.entity);
      entities_[p.entity].roles.push_back(p.role);
    }
  }
  // "the transport minister, Jane Doe": a role, a comma, then the name.
  for (size_t i = 0; i + 1 < pending_.size(); ++i) {
    Pending& p = pending_[i];
    const Pending& next = pending_[i + 1];
    if (p.form != MentionForm::kRole || p.entity >= 0 || next.form != MentionForm::kName ||
        next.entity < 0 || next.sentence != p.sentence || next.begin != p.end + 1 ||
        doc_.sentences[p.sentence].tokens[p.end].lower != "," ||
        entities_[next.entity].type != EntityType::kPerson) {
      continue;
    }
    p.entity = next.entity;
    if (!p.qualified_role) binding.emplace(p.role, p.entity);
    entities_[p.entity].roles.push_back(p.role);
  }
  // A bare role names whoever holds a longer form of it: "the minister" is
  // the document's "transport minister".
  auto holder_of_head = [&](const std::string& role) {
    const std::string suffix = " " + role;
    int holder = -1;
    for (const auto& [bound, entity] : binding) {
      if (bound.size() > suffix.size() && bound.compare(bound.size() - suffix.size(), suffix.size(), suffix) == 0) {
        if (holder >= 0 && holder != entity) return -1;  // two holders: ambiguous
        holder = entity;
      }
    }
    return holder;
  };
  // Then every role in reading order.
  std::vector<int> seen_count(entities_.size(), 0);
  int last_person = -1;
  for (Pending& p : pending_) {
    if (p.form == MentionForm::kRole && p.entity < 0) {
      if (!p.qualified_role && binding.count(p.role)) {
        p.entity = binding[p.role];
      } else if (!p.qualified_role && holder_of_head(p.role) >= 0) {
        p.entity = holder_of_head(p.role);
      } else if (p.qualified_role) {
        p.entity = last_person;  // "the French MEP": the person just named
      } else {
        // The most prominent person so far who holds no other title.
        int best = -1;
        for (int e = 0; e < static_cast<int>(entities_.size()); ++e) {
          if (entities_[e].type != EntityType::kPerson || seen_count[e] == 0) continue;
          bool other_title = false;
          for (const std::string& r : entities_[e].roles) {
            other_title |= r != p.role;
          }
          if (other_title) continue;
          if (best < 0 || seen_count[e] > seen_count[best]) best = e;
        }
        if (best < 0) best = last_person;
        p.entity = best;
        if (best >= 0) {
          binding[p.role] = best;
          entities_[best].roles.push_back(p.role);
        }
      }
      if (p.entity >= 0) ++entities_[p.entity].mentions;
    }
    if (p.entity >= 0) {
      ++seen_count[p.entity];
      if (entities_[p.entity].type == EntityType::kPerson) last_person = p.entity;
    }
  }
}

}  // namespace parallax
