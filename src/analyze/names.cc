// Name, role and acronym mentions merged into the entities of one document.
#include "analyze/names.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/lexicons.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Honorifics that stay in the display name of a person known by one word:
// "Lord Ashby" is how the person is named; "Mr Ashby" is not.
bool IsPeerageTitle(const std::string& h) {
  return h == "lord" || h == "lady" || h == "baroness" || h == "baron" || h == "sir" ||
         h == "dame";
}

char GenderOf(const std::string& honorific) {
  if (honorific == "ms" || honorific == "mrs" || honorific == "miss" || honorific == "dame" ||
      honorific == "lady" || honorific == "baroness" || honorific == "queen" || honorific == "princess") {
    return 'f';
  }
  if (honorific == "mr" || honorific == "sir" || honorific == "lord" || honorific == "baron" ||
      honorific == "king" || honorific == "prince") {
    return 'm';
  }
  return 0;
}

bool IsAcronymWord(std::string_view w) {
  int upper = 0;
  for (const char c : w) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else return false;
  }
  return upper >= 2;
}

bool PrecedesPlace(const std::string& lower) {
  return lower == "in" || lower == "from" || lower == "at" || lower == "near" ||
         lower == "across" || lower == "to" || lower == "into" || lower == "towards";
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::string NameBuilder::Surface(uint32_t si, size_t begin, size_t end) const {
  const Sentence& s = doc_.sentences[si];
  if (begin >= end) return {};
  const std::string& text = doc_.article.paragraphs[s.span.paragraph].text;
  return text.substr(s.tokens[begin].begin, s.tokens[end - 1].end - s.tokens[begin].begin);
}

size_t NameBuilder::MatchRole(uint32_t si, size_t k, std::string& role) const {
  const Lexicons& lex = Lexicons::Get();
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  // Most words start no role: check that before building phrases.
  if (k >= tokens.size() || tokens[k].kind != TokenKind::kWord ||
      !lex.role_first_words.count(tokens[k].lower)) {
    return k;
  }
  for (size_t len = std::min(lex.longest_role, tokens.size() - std::min(k, tokens.size())); len >= 1;
       --len) {
    std::vector<std::string> words;
    bool all_words = true;
    for (size_t x = k; x < k + len; ++x) {
      if (tokens[x].kind != TokenKind::kWord) {
        all_words = false;
        break;
      }
      words.push_back(tokens[x].lower);
    }
    if (!all_words) continue;
    const std::string joined = JoinWords(words);
    if (lex.roles.count(joined)) {
      role = CanonicalRole(joined);
      return k + len;
    }
  }
  return k;
}

NameBuilder::Pending NameBuilder::ParseName(uint32_t si, size_t begin, size_t end) const {
  const Lexicons& lex = Lexicons::Get();
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  Pending p;
  p.sentence = si;
  p.begin = begin;
  p.end = end;
  size_t k = begin;
  while (k < end && lex.honorifics.count(tokens[k].lower) && k + 1 < end) {
    p.honorific = tokens[k].lower;
    p.honorific_begin = k;
    ++k;
    if (k + 1 < end && tokens[k].kind == TokenKind::kPunct) ++k;  // "Sen. Doe"
  }
  p.name_begin = k;
  p.name_end = end;
  p.name = Surface(si, k, end);
  if (!p.honorific.empty()) {
    p.type = EntityType::kPerson;
    p.type_known = true;
    return p;
  }
  const std::vector<std::string> words = NameWords(tokens, k, end);
  bool org_word = false;
  for (const std::string& w : words) org_word |= lex.organisation_words.count(w) > 0;
  const std::string joined = JoinWords(words);
  if (lex.places.count(joined)) {
    p.type = EntityType::kPlace;
    p.type_known = true;
  } else if (org_word || (end - k == 1 && IsAcronymWord(p.name))) {
    p.type = EntityType::kOrganization;
    p.type_known = true;
  } else if (words.size() >= 3 && std::any_of(words.begin() + 1, words.end() - 1, [](const std::string& w) {
               return w == "of" || w == "for" || w == "on";
             })) {
    // "Chamber of Commerce", "Institute for Fiscal Studies": people's names
    // do not have an "of" inside.
    p.type = EntityType::kOrganization;
  } else if (words.size() >= 2) {
    // Two or more capitalised words with no organisation or place word:
    // in news prose that is almost always a person's name.
    p.type = EntityType::kPerson;
  } else if (begin > 0 && PrecedesPlace(tokens[begin - 1].lower)) {
    p.type = EntityType::kPlace;
  }
  return p;
}

size_t NameBuilder::TryRolePhrase(uint32_t si, size_t i) {
  const Lexicons& lex = Lexicons::Get();
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  size_t k = i;
  const bool has_the = tokens[k].kind == TokenKind::kWord && tokens[k].lower == "the";
  if (has_the) ++k;
  const size_t qualifier_begin = k;
  std::string scratch;
  while (k < tokens.size() && k - qualifier_begin < 4 && tokens[k].kind == TokenKind::kWord &&
         MatchRole(si, k, scratch) == k &&
         (lex.demonyms.count(tokens[k].lower) || tokens[k].capitalized)) {
    ++k;
  }
  std::string role;
  const size_t role_end = MatchRole(si, k, role);
  if (role_end == k) return i;
  const bool qualified = k > qualifier_begin;
  std::string bound_role = role;
  if (qualified) {
    std::vector<std::string> words;
    for (size_t x = qualifier_begin; x < k; ++x) words.push_back(tokens[x].lower);
    bound_role = JoinWords(words) + " " + role;
  }
  // A name right after the role: the role is a title ("Justice Secretary Jane Doe").
  size_t name_end = role_end;
  bool only_titles = true;
  while (name_end < tokens.size()) {
    const Token& t = tokens[name_end];
    if (t.kind == TokenKind::kWord && t.capitalized) {
      only_titles &= lex.honorifics.count(t.lower) > 0;
      ++name_end;
    } else if (t.lower == "." && name_end > role_end && name_end + 1 < tokens.size() &&
               tokens[name_end + 1].capitalized && lex.honorifics.count(tokens[name_end - 1].lower)) {
      ++name_end;  // "Director Dr. Jane Doe"
    } else {
      break;
    }
  }
  if (name_end > role_end && only_titles) name_end = role_end;
  if (name_end > role_end) {
    Pending p = ParseName(si, role_end, name_end);
    p.begin = has_the ? i + 1 : i;
    p.role = bound_role;
    p.qualified_role = qualified;
    p.type = EntityType::kPerson;
    p.type_known = true;
    pending_.push_back(std::move(p));
    return name_end;
  }
  if (!has_the) return i;
  Pending p;
  p.sentence = si;
  p.begin = i + 1;
  p.end = role_end;
  p.role = bound_role;
  p.qualified_role = qualified;
  p.form = MentionForm::kRole;
  p.type = EntityType::kPerson;
  pending_.push_back(std::move(p));
  return role_end;
}

void NameBuilder::AddCapitalisedRun(uint32_t si, size_t begin, size_t end) {
  const Lexicons& lex = Lexicons::Get();
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  // Lone adjectives of places ("Danish", "European") name nothing.
  bool all_demonyms = true;
  for (size_t x = begin; x < end; ++x) all_demonyms &= lex.demonyms.count(tokens[x].lower) > 0;
  if (all_demonyms) return;
  // A run that is only a role ("Prime Minister") without "the" before it
  // ("the next Prime Minister", "as Prime Minister") refers to nobody.
  std::string role;
  size_t role_start = begin;
  while (role_start < end && lex.demonyms.count(tokens[role_start].lower)) ++role_start;
  if (role_start < end && MatchRole(si, role_start, role) == end) return;
  // A title alone ("Mr", "Dr") or one common word ("State", "Day",
  // capitalised in a headline-like lead) names nobody.
  bool all_titles = true;
  for (size_t x = begin; x < end; ++x) {
    all_titles &= tokens[x].kind == TokenKind::kPunct || lex.honorifics.count(tokens[x].lower) > 0;
  }
  if (all_titles) return;
  if (end - begin == 1 && lex.common_words.count(tokens[begin].lower) &&
      !lex.organisation_words.count(tokens[begin].lower) && !lex.places.count(tokens[begin].lower)) {
    return;  // but "the Government", "the Times" name one
  }
  Pending p = ParseName(si, begin, end);
  if (p.name.empty()) return;
  // Hyphenated words capitalised mid-sentence ("Right-wing", "Remain-backing")
  // are descriptions, not names.
  if (end - p.name_begin == 1 && p.honorific.empty() && p.name.find('-') != std::string::npos &&
      !IsAcronymWord(p.name.substr(0, p.name.find('-')))) {
    const size_t dash = p.name.find('-');
    if (dash + 1 < p.name.size() && p.name[dash + 1] >= 'a' && p.name[dash + 1] <= 'z') return;
  }
  pending_.push_back(std::move(p));
}

void NameBuilder::FindAcronymDefinitions() {
  // "Northern Ports Authority (NPA)", also written in lower case:
  // the words before the bracket whose initials spell the acronym.
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    const std::vector<Token>& tokens = doc_.sentences[si].tokens;
    for (size_t k = 1; k + 2 < tokens.size(); ++k) {
      if (tokens[k].lower != "(" || tokens[k + 2].lower != ")") continue;
      const std::string acronym = Surface(si, k + 1, k + 2);
      if (!IsAcronymWord(acronym)) continue;
      std::string initials;
      for (size_t start = k; start > 0 && k - start < 10;) {
        --start;
        const Token& t = tokens[start];
        if (t.kind != TokenKind::kWord) break;
        if (!IsStopword(t.lower)) {
          char c = t.lower[0];
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
          initials.insert(initials.begin(), c);
        }
        if (initials == acronym) {
          Pending p = ParseName(si, start, k);
          p.type = EntityType::kOrganization;
          p.type_known = true;
          pending_.push_back(std::move(p));
          Pending a = ParseName(si, k + 1, k + 2);
          a.type = EntityType::kOrganization;
          a.type_known = true;
          pending_.push_back(std::move(a));
          definitions_[FoldCase(pending_[pending_.size() - 2].name)] = acronym;
          break;
        }
        if (initials.size() >= acronym.size()) break;
      }
    }
  }
}

void NameBuilder::ClusterNames() {
  const Lexicons& lex = Lexicons::Get();
  // Longest names first, so "Doe" finds "Jane Doe" already there.
  std::vector<size_t> order;
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (pending_[i].form == MentionForm::kName && !pending_[i].name.empty()) order.push_back(i);
  }
  auto words_of = [&](const Pending& p) {
    return NameWords(doc_.sentences[p.sentence].tokens, p.name_begin, p.name_end);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return pending_[a].name_end - pending_[a].name_begin > pending_[b].name_end - pending_[b].name_begin;
  });
  std::vector<bool> typed_by_evidence;
  // The entities a name can match, by key, so that each name looks at its
  // few candidates instead of every entity found so far (a long text names
  // thousands): "=" + its words; "<" / ">" + a proper prefix / suffix of a
  // person's words; "A" + an acronym; "W" + a word of a longer name (an
  // organisation's head word).
  std::unordered_map<std::string, std::vector<int>> candidates_by_key;
  auto key = [](char kind, auto first, auto last) {
    std::string k(1, kind);
    for (auto it = first; it != last; ++it) {
      k += *it;
      k += '\x1f';
    }
    return k;
  };
  std::vector<int> candidates;
  for (const size_t idx : order) {
    Pending& p = pending_[idx];
    const std::vector<std::string> words = words_of(p);
    candidates.clear();
    for (const std::string& k : {key('=', words.begin(), words.end()), key('<', words.begin(), words.end()),
                                 key('>', words.begin(), words.end()),
                                 words.size() == 2 ? key('F', words.begin(), words.end()) : std::string(),
                                 words.size() == 1 ? "A" + words[0] : std::string(),
                                 words.size() == 1 ? "W" + words[0] : std::string()}) {
      if (k.empty()) continue;
      auto it = candidates_by_key.find(k);
      if (it != candidates_by_key.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    // In the order of the entities, as a scan of all of them would go.
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    int best = -1;
    // People whose name this is a part of. Two of them ("Mr Doe" beside Jane
    // and John Doe) and no title to tell them apart: no guessing, the name
    // stays an entity of its own.
    std::vector<int> people;
    const char gender = GenderOf(p.honorific);
    for (const int e : candidates) {
      const std::vector<std::string>& ew = entity_tokens_[e];
      const LocalEntity& entity = entities_[e];
      bool match = ew == words;
      // A part of a person's name: first name or surname, or "Dame Jane".
      if (!match && words.size() < ew.size() && entity.type == EntityType::kPerson &&
          (p.type == EntityType::kPerson || !p.type_known)) {
        bool part = std::equal(words.begin(), words.end(), ew.begin()) ||
                    std::equal(words.rbegin(), words.rend(), ew.rbegin());
        // The name without its middle or maiden name: "Jane Doe" of "Jane
        // Q. Doe", "Jane Roe Doe".
        part |= words.size() == 2 && words.front() == ew.front() && words.back() == ew.back();
        if (part && (gender == 0 || entity.gender == 0 || entity.gender == gender)) people.push_back(e);
        continue;
      }
      // An acronym of an organisation's name.
      if (!match && words.size() == 1 && !entity_acronyms_[e].empty() &&
          FoldCase(entity_acronyms_[e]) == words[0]) {
        match = true;
      }
      // "the Convention": the head word of exactly one organisation.
      if (!match && words.size() == 1 && entity.type == EntityType::kOrganization &&
          lex.organisation_words.count(words[0]) && ew.size() > 1 &&
          std::find(ew.begin(), ew.end(), words[0]) != ew.end()) {
        match = true;
      }
      if (match && (best < 0 || entities_[e].mentions > entities_[best].mentions)) best = e;
    }
    if (best < 0 && people.size() == 1) best = people[0];
    if (best < 0) {
      LocalEntity entity;
      entity.name = p.name;
      if (words.size() == 1 && IsPeerageTitle(p.honorific)) {
        entity.name = Surface(p.sentence, p.honorific_begin, p.name_end);
      }
      entity.type = p.type;
      entities_.push_back(std::move(entity));
      entity_tokens_.push_back(words);
      std::string acronym;
      if (auto it = definitions_.find(FoldCase(p.name)); it != definitions_.end()) {
        acronym = it->second;
      } else if (p.type == EntityType::kOrganization && words.size() >= 3) {
        const std::vector<Token>& tokens = doc_.sentences[p.sentence].tokens;
        for (size_t x = p.name_begin; x < p.name_end; ++x) {
          if (tokens[x].capitalized) acronym += static_cast<char>(std::toupper(tokens[x].lower[0]));
        }
      }
      entity_acronyms_.push_back(acronym);
      typed_by_evidence.push_back(false);
      best = static_cast<int>(entities_.size()) - 1;
      candidates_by_key[key('=', words.begin(), words.end())].push_back(best);
      for (size_t k = 1; k < words.size(); ++k) {
        candidates_by_key[key('<', words.begin(), words.begin() + k)].push_back(best);
        candidates_by_key[key('>', words.end() - k, words.end())].push_back(best);
      }
      if (!acronym.empty()) candidates_by_key["A" + FoldCase(acronym)].push_back(best);
      if (words.size() > 1) {
        for (const std::string& w : words) candidates_by_key["W" + w].push_back(best);
      }
      if (words.size() > 2) {
        const std::vector<std::string> ends = {words.front(), words.back()};
        candidates_by_key[key('F', ends.begin(), ends.end())].push_back(best);
      }
    }
    if (p.type_known || !p.role.empty()) typed_by_evidence[best] = true;
    LocalEntity& entity = entities_[best];
    if (const char g = GenderOf(p.honorific); g != 0 && entity.gender == 0) entity.gender = g;
    if (entity.type == EntityType::kOther) entity.type = p.type;
    if (p.type_known && entity.type != p.type && entity_tokens_[best] == words) entity.type = p.type;
    p.entity = best;
    ++entity.mentions;
  }
  RetypePlacesInsideOrganisations(typed_by_evidence);
}

void NameBuilder::RetypePlacesInsideOrganisations(const std::vector<bool>& typed_by_evidence) {
  // "Calder Bay" next to "Calder Bay Port Authority": organisations are named
  // after places, so a name that the rules only guessed to be a person and
  // that stands inside an organisation's name is that place.
  // Every run of words inside an organisation's name, with the longest
  // name it is part of, looked up once per person.
  std::unordered_map<std::string, size_t> longest_holding;
  for (size_t o = 0; o < entities_.size(); ++o) {
    if (entities_[o].type != EntityType::kOrganization) continue;
    const auto& ow = entity_tokens_[o];
    for (size_t first = 0; first < ow.size(); ++first) {
      std::string run;
      for (size_t last = first; last < ow.size(); ++last) {
        run += ow[last];
        run += '\x1f';
        size_t& longest = longest_holding[run];
        longest = std::max(longest, ow.size());
      }
    }
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].type != EntityType::kPerson || typed_by_evidence[e]) continue;
    const std::vector<std::string>& words = entity_tokens_[e];
    std::string run;
    for (const std::string& w : words) {
      run += w;
      run += '\x1f';
    }
    auto it = longest_holding.find(run);
    if (it != longest_holding.end() && it->second > words.size()) entities_[e].type = EntityType::kPlace;
  }
}

void NameBuilder::Emit() {
  for (const Pending& p : pending_) {
    if (p.entity < 0) continue;
    const Sentence& s = doc_.sentences[p.sentence];
    Mention m;
    m.sentence = p.sentence;
    m.span.paragraph = s.span.paragraph;
    m.span.begin = s.tokens[p.begin].begin;
    m.span.end = s.tokens[p.end - 1].end;
    m.surface = Surface(p.sentence, p.begin, p.end);
    m.form = p.form;
    m.entity = p.entity;
    doc_.mentions.push_back(m);
    LocalEntity& entity = entities_[p.entity];
    // Aliases: the name as written with its honorific, and role phrases.
    std::string alias = p.form == MentionForm::kRole
                            ? m.surface
                            : Surface(p.sentence, p.honorific.empty() ? p.name_begin : p.honorific_begin,
                                      p.name_end);
    if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) {
      entity.aliases.push_back(alias);
    }
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (!entity_acronyms_[e].empty()) {
      auto& aliases = entities_[e].aliases;
      if (std::find(aliases.begin(), aliases.end(), entity_acronyms_[e]) == aliases.end() &&
          definitions_.count(FoldCase(entities_[e].name))) {
        aliases.push_back(entity_acronyms_[e]);
      }
    }
    std::sort(entities_[e].roles.begin(), entities_[e].roles.end());
    entities_[e].roles.erase(std::unique(entities_[e].roles.begin(), entities_[e].roles.end()),
                             entities_[e].roles.end());
  }
  doc_.entities = std::move(entities_);
}

void NameBuilder::Finish() {
  FindAcronymDefinitions();
  // The same words found twice (as a capitalised run and as an acronym
  // definition): keep the first.
  std::set<std::tuple<uint32_t, size_t, size_t>> seen;
  std::vector<Pending> unique;
  for (Pending& p : pending_) {
    if (seen.insert({p.sentence, p.begin, p.end}).second) unique.push_back(std::move(p));
  }
  pending_ = std::move(unique);
  ClusterNames();
  ResolveDefiniteReferences();
  ResolveRoles();
  Emit();
}

}  // namespace parallax
