// Same-event verdict on real multi-outlet events, for bench/same-event.
//
//   parallax_same_event [--details FILE] DEV.jsonl.gz
//
// Reads the clustering bench (three articles per story, headline + lead)
// and runs Compare on: every story's three articles; as many triples of
// articles from three different stories drawn at random (fixed seed); and as
// many triples from *similar* stories (each story with the two stories
// whose headlines share the most rare words with its own), which random
// triples are too easy to stand in for. Prints, per set and for the even
// and odd stories apart (a rule calibrated on one half is checked on the
// other), the share called one event, and the entities in any comparison
// named only by an honorific, a pronoun or a common word ("Mr", "He").
// --details writes one line per comparison: set, index, verdict, the
// weakest link of the strongest chain, the shared entities, per pair the
// cosine, shared facts, entities, terms and headline words, then the ids.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/align.h"
#include "parallax/ingest.h"
#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace {

struct Story {
  std::string cluster;
  std::vector<parallax::JsonRecord> articles;
};

// splitmix64: the same triples on every platform and library.
uint64_t Next(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::set<std::string> BadEntityNames() {
  std::set<std::string> names;
  for (const char* lexicon : {"honorifics.tsv", "common_words.tsv"}) {
    for (const parallax::LexiconEntry& e : parallax::LoadLexicon(lexicon)) names.insert(parallax::FoldCase(e.term));
  }
  // "the Government", "the Times": common words that also name an organisation or a place.
  for (const char* lexicon : {"organisation_words.tsv", "places.tsv"}) {
    for (const parallax::LexiconEntry& e : parallax::LoadLexicon(lexicon)) names.erase(parallax::FoldCase(e.term));
  }
  for (const char* p : {"i", "he", "she", "it", "we", "they", "you", "him", "her", "his", "them", "us", "me"}) {
    names.insert(p);
  }
  return names;
}

std::string Folded(const std::string& name) {
  std::string out;
  for (const char c : parallax::FoldCase(name)) {
    if (c != '.') out += c;
  }
  return out;
}

// The weakest link of the strongest chain joining all documents: the
// largest threshold at which the similarity links still connect them.
double Bottleneck(const parallax::Comparison& c) {
  // Three documents: the two strongest links connect them; the weaker of the two.
  std::vector<double> scores;
  for (const parallax::DocumentSimilarity& s : c.similarity) scores.push_back(s.score);
  std::sort(scores.rbegin(), scores.rend());
  return c.documents.size() == 3 && scores.size() == 3 ? scores[1] : 0.0;
}

struct Tally {
  size_t comparisons[2] = {0, 0};
  size_t one_event[2] = {0, 0};
};

}  // namespace

int main(int argc, char** argv) {
  std::string details_path, input;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--details" && i + 1 < argc) {
      details_path = argv[++i];
    } else {
      input = arg;
    }
  }
  if (input.empty()) {
    std::fprintf(stderr, "usage: parallax_same_event [--details FILE] DEV.jsonl.gz\n");
    return 2;
  }
  std::vector<Story> stories;
  std::unordered_map<std::string, size_t> story_of;
  const parallax::Status read = parallax::ReadJsonLines(
      input,
      [&](parallax::JsonRecord&& r) {
        // "as-train-0001-2" belongs to story "as-train-0001".
        const std::string cluster = r.id.substr(0, r.id.rfind('-'));
        auto [it, added] = story_of.emplace(cluster, stories.size());
        if (added) stories.push_back({cluster, {}});
        stories[it->second].articles.push_back(std::move(r));
      },
      [](uint64_t, const std::string&) {});
  if (!read.ok()) {
    std::fprintf(stderr, "%s: %s\n", input.c_str(), read.ToString().c_str());
    return 1;
  }
  std::erase_if(stories, [](const Story& s) { return s.articles.size() != 3; });

  // Similar stories: those whose headlines share the most rare words.
  std::vector<std::set<std::string>> headline_words(stories.size());
  std::unordered_map<std::string, std::vector<size_t>> stories_with;
  for (size_t s = 0; s < stories.size(); ++s) {
    for (const parallax::JsonRecord& r : stories[s].articles) {
      for (const parallax::Token& t : parallax::Tokenize(r.title, 0, static_cast<uint32_t>(r.title.size()))) {
        if (t.kind == parallax::TokenKind::kWord && t.lower.size() >= 3 && !parallax::IsStopword(t.lower)) {
          headline_words[s].insert(t.stem);
        }
      }
    }
    for (const std::string& w : headline_words[s]) stories_with[w].push_back(s);
  }
  std::vector<std::array<size_t, 2>> similar(stories.size());
  for (size_t s = 0; s < stories.size(); ++s) {
    std::map<size_t, double> overlap;
    for (const std::string& w : headline_words[s]) {
      const auto& holders = stories_with[w];
      if (holders.size() > stories.size() / 20) continue;  // too common to tie two stories
      for (const size_t o : holders) {
        if (o != s) overlap[o] += 1.0 / static_cast<double>(holders.size());
      }
    }
    std::vector<std::pair<double, size_t>> ranked;
    for (const auto& [o, score] : overlap) ranked.emplace_back(-score, o);
    std::sort(ranked.begin(), ranked.end());
    similar[s] = {ranked.size() > 0 ? ranked[0].second : (s + 1) % stories.size(),
                  ranked.size() > 1 ? ranked[1].second : (s + 2) % stories.size()};
  }

  const std::set<std::string> bad_names = BadEntityNames();
  std::ofstream details;
  if (!details_path.empty()) details.open(details_path);
  std::map<std::string, size_t> bad_seen;
  size_t comparisons_with_bad = 0, comparisons_total = 0;
  auto run = [&](const std::string& set, size_t index, const std::vector<const parallax::JsonRecord*>& records,
                 Tally& tally) {
    std::vector<parallax::RawDocument> raw;
    for (const parallax::JsonRecord* r : records) {
      parallax::RawDocument doc;
      doc.source = r->id;
      doc.name = r->id;
      doc.media_type = parallax::MediaType::kArticleText;
      doc.bytes = r->text;
      doc.title = r->title;
      raw.push_back(std::move(doc));
    }
    parallax::CompareOptions options;
    options.threads = 1;
    parallax::Result<parallax::CompareResult> out = parallax::Compare({}, std::move(raw), options);
    if (!out.ok() || out->comparison.documents.size() != 3) return;
    const parallax::Comparison& c = out->comparison;
    const int half = static_cast<int>(index % 2);
    ++tally.comparisons[half];
    if (c.same_event) ++tally.one_event[half];
    ++comparisons_total;
    bool bad = false;
    for (const parallax::Entity& e : c.entities) {
      // "US" in capitals is the country, not the pronoun.
      const bool capitals = e.name.size() > 1 && std::all_of(e.name.begin(), e.name.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || ch == '.';
      });
      if (!capitals && bad_names.count(Folded(e.name))) {
        ++bad_seen[e.name];
        bad = true;
      }
    }
    comparisons_with_bad += bad;
    if (details.is_open()) {
      details << set << '\t' << index << '\t' << c.same_event << '\t' << Bottleneck(c) << '\t'
              << c.shared_entities.size() << '\t';
      for (const std::string& id : c.shared_entities) {
        for (const parallax::Entity& e : c.entities) {
          if (e.id == id) details << e.name << ';';
        }
      }
      // Per pair: body cosine, shared facts, shared entities, shared terms, shared title stems.
      for (int a = 0; a < 3; ++a) {
        for (int b = a + 1; b < 3; ++b) {
          double cos = 0;
          for (const auto& s : c.similarity) {
            if (s.a == a && s.b == b) cos = s.score;
          }
          int facts = 0;
          double best_fact = 0;
          for (const parallax::Fact& f : c.facts) {
            const bool both = std::count(f.documents.begin(), f.documents.end(), a) && std::count(f.documents.begin(), f.documents.end(), b);
            if (both) {
              ++facts;
              best_fact = std::max(best_fact, f.score);
            }
          }
          int entities = 0;
          for (const parallax::Entity& e : c.entities) {
            if (e.type != parallax::EntityType::kOther && e.mentions[a] > 0 && e.mentions[b] > 0) ++entities;
          }
          int terms = 0;
          for (const parallax::SharedTerm& t : c.shared_terms) {
            if (std::count(t.documents.begin(), t.documents.end(), a) && std::count(t.documents.begin(), t.documents.end(), b)) ++terms;
          }
          auto stems = [](const std::string& title) {
            std::set<std::string> out;
            for (const parallax::Token& t : parallax::Tokenize(title, 0, static_cast<uint32_t>(title.size()))) {
              if (t.kind != parallax::TokenKind::kPunct && t.lower.size() >= 3 && !parallax::IsStopword(t.lower)) out.insert(t.stem);
            }
            return out;
          };
          const auto ta = stems(c.documents[a].article.title), tb = stems(c.documents[b].article.title);
          int title_shared = 0;
          for (const auto& w : ta) title_shared += tb.count(w);
          details << '\t' << cos << ',' << facts << ',' << best_fact << ',' << entities << ',' << terms << ','
                  << title_shared << ',' << ta.size() << ',' << tb.size();
        }
      }
      for (const parallax::JsonRecord* r : records) details << '\t' << r->id;
      details << '\n';
    }
  };

  Tally same, random, near;
  for (size_t s = 0; s < stories.size(); ++s) {
    run("story", s, {&stories[s].articles[0], &stories[s].articles[1], &stories[s].articles[2]}, same);
  }
  uint64_t seed = 20261208;
  for (size_t s = 0; s < stories.size(); ++s) {
    size_t a = s, b = s, c = s;
    while (b == a) b = Next(seed) % stories.size();
    while (c == a || c == b) c = Next(seed) % stories.size();
    run("random", s, {&stories[a].articles[Next(seed) % 3], &stories[b].articles[Next(seed) % 3],
                      &stories[c].articles[Next(seed) % 3]},
        random);
  }
  for (size_t s = 0; s < stories.size(); ++s) {
    run("similar", s, {&stories[s].articles[Next(seed) % 3], &stories[similar[s][0]].articles[Next(seed) % 3],
                       &stories[similar[s][1]].articles[Next(seed) % 3]},
        near);
  }

  auto print = [](const char* what, const Tally& t) {
    for (int half = 0; half < 2; ++half) {
      std::printf("%-28s %-5s %5zu comparisons  one event: %5zu (%.2f%%)\n", what, half ? "odd" : "even",
                  t.comparisons[half], t.one_event[half],
                  t.comparisons[half] ? 100.0 * static_cast<double>(t.one_event[half]) / static_cast<double>(t.comparisons[half]) : 0.0);
    }
    const size_t n = t.comparisons[0] + t.comparisons[1], y = t.one_event[0] + t.one_event[1];
    std::printf("%-28s %-5s %5zu comparisons  one event: %5zu (%.2f%%)\n", what, "all", n, y,
                n ? 100.0 * static_cast<double>(y) / static_cast<double>(n) : 0.0);
  };
  print("stories (one event each)", same);
  print("random cross-story triples", random);
  print("similar cross-story triples", near);
  std::printf("comparisons with an entity named only by an honorific, pronoun or common word: %zu of %zu\n",
              comparisons_with_bad, comparisons_total);
  std::vector<std::pair<size_t, std::string>> worst;
  for (const auto& [name, count] : bad_seen) worst.emplace_back(count, name);
  std::sort(worst.rbegin(), worst.rend());
  for (size_t i = 0; i < worst.size() && i < 10; ++i) std::printf("  %s: %zu\n", worst[i].second.c_str(), worst[i].first);
  return 0;
}
