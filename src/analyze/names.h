// NameBuilder: collects name, role and acronym mentions of one document and
// merges them into LocalEntities. Used by FindEntities (entities.cc).
#ifndef PARALLAX_ANALYZE_NAMES_H_
#define PARALLAX_ANALYZE_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "parallax/analysis.h"

namespace parallax {

class NameBuilder {
 public:
  explicit NameBuilder(AnalyzedArticle& doc) : doc_(doc) {}

  // At token `i` of sentence `si`: a role phrase ("the prime minister", "the
  // Danish leader", "Justice Secretary Jane Doe"). Returns the token after
  // what it consumed, or `i` when there is none.
  size_t TryRolePhrase(uint32_t si, size_t i);

  // A run of capitalised words [begin, end) of sentence `si`.
  void AddCapitalisedRun(uint32_t si, size_t begin, size_t end);

  // Merges mentions into entities and writes doc.mentions / doc.entities.
  void Finish();

 private:
  struct Pending {
    uint32_t sentence = 0;
    size_t begin = 0, end = 0;            // whole mention, tokens
    size_t name_begin = 0, name_end = 0;  // the name proper (no honorific or role)
    size_t honorific_begin = 0;           // the last honorific's token, when there is one
    std::string name;                     // name proper, as written
    std::string honorific;                // folded
    std::string role;                     // canonical role bound by this mention
    bool qualified_role = false;          // role carries a demonym or organisation
    MentionForm form = MentionForm::kName;
    EntityType type = EntityType::kOther;
    bool type_known = false;
    int entity = -1;
  };

  // Name proper of tokens [begin, end): honorifics stripped, type guessed.
  Pending ParseName(uint32_t si, size_t begin, size_t end) const;
  std::string Surface(uint32_t si, size_t begin, size_t end) const;
  size_t MatchRole(uint32_t si, size_t i, std::string& role) const;
  void FindAcronymDefinitions();
  void ClusterNames();
  void RetypePlacesInsideOrganisations(const std::vector<bool>& typed_by_evidence);
  void ResolveDefiniteReferences();
  void ResolveRoles();
  void Emit();

  AnalyzedArticle& doc_;
  std::vector<Pending> pending_;
  std::vector<LocalEntity> entities_;
  std::vector<std::vector<std::string>> entity_tokens_;  // folded name words per entity
  std::vector<std::string> entity_acronyms_;
  std::map<std::string, std::string> definitions_;  // folded phrase -> acronym
};

}  // namespace parallax

#endif  // PARALLAX_ANALYZE_NAMES_H_
