// Printable names of the enums of the public value types.
#include "parallax/analysis.h"
#include "parallax/article.h"

namespace parallax {

const char* RoleName(ParagraphRole role) {
  switch (role) {
    case ParagraphRole::kBody: return "body";
    case ParagraphRole::kCaption: return "caption";
    case ParagraphRole::kBoilerplate: return "boilerplate";
    case ParagraphRole::kOffTopic: return "off_topic";
  }
  return "body";
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kPlace: return "place";
    case EntityType::kOther: return "other";
  }
  return "other";
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kReported: return "reported";
    case QuoteKind::kFragment: return "fragment";
  }
  return "direct";
}

}  // namespace parallax
