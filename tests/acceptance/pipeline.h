// Runs the whole compare pipeline in process and returns its JSON, so the
// acceptance tests check exactly what `parallax compare --json` prints.
#ifndef PARALLAX_TESTS_ACCEPTANCE_PIPELINE_H_
#define PARALLAX_TESTS_ACCEPTANCE_PIPELINE_H_

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parallax/align.h"
#include "parallax/analyze.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "parallax/report.h"

namespace parallax::testing {

inline nlohmann::json CompareJson(const std::vector<std::string>& inputs) {
  LoadedInputs loaded = LoadInputs(inputs, LoadOptions{});
  std::vector<AnalyzedArticle> docs;
  for (const RawDocument& raw : loaded.documents) {
    Result<Article> article = ExtractArticle(raw);
    if (!article.ok()) continue;
    article->id = "d" + std::to_string(docs.size());
    docs.push_back(Analyze(std::move(*article)));
  }
  return nlohmann::json::parse(RenderJson(Align(std::move(docs)), loaded.failures));
}

inline std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return Lower(haystack).find(Lower(needle)) != std::string::npos;
}

// The entity whose name or one of whose aliases equals `alias` (case-insensitive).
inline const nlohmann::json* EntityByAlias(const nlohmann::json& out, const std::string& alias) {
  for (const auto& e : out["entities"]) {
    if (Lower(e["name"]) == Lower(alias)) return &e;
    for (const auto& a : e["aliases"]) {
      if (Lower(a) == Lower(alias)) return &e;
    }
  }
  return nullptr;
}

// Documents (ids) whose sentences in some shared fact contain `a` (first
// document) and `b` (another document).
inline bool SharedFactWith(const nlohmann::json& out, const std::string& doc_a, const std::string& a,
                           const std::string& doc_b, const std::string& b) {
  for (const auto& fact : out["facts"]) {
    if (!fact["shared"].get<bool>()) continue;
    bool has_a = false, has_b = false;
    for (const auto& s : fact["sentences"]) {
      if (s["document"] == doc_a && Contains(s["text"], a)) has_a = true;
      if (s["document"] == doc_b && Contains(s["text"], b)) has_b = true;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

// The documents of the fact holding a sentence that contains `needle`.
inline std::vector<std::string> FactDocumentsOf(const nlohmann::json& out, const std::string& needle) {
  for (const auto& fact : out["facts"]) {
    for (const auto& s : fact["sentences"]) {
      if (Contains(s["text"], needle)) return fact["documents"].get<std::vector<std::string>>();
    }
  }
  return {};
}

// True when some fact reported by `doc_id` alone holds a sentence with
// `needle`, and no other document's sentence mentions it.
inline bool OnlyReportedBy(const nlohmann::json& out, const std::string& doc_id, const std::string& needle) {
  bool unique_fact = false;
  for (const auto& fact : out["facts"]) {
    for (const auto& s : fact["sentences"]) {
      if (!Contains(s["text"], needle)) continue;
      if (s["document"] != doc_id) return false;
      if (fact["documents"] == nlohmann::json({doc_id})) unique_fact = true;
    }
  }
  return unique_fact;
}

inline const nlohmann::json* VoiceOf(const nlohmann::json& out, const std::string& entity_id) {
  for (const auto& v : out["voices"]) {
    if (v["speaker_id"] == entity_id) return &v;
  }
  return nullptr;
}

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_ACCEPTANCE_PIPELINE_H_
