// parallax_serve_store: a synthetic store for bench/serve-speed, of invented
// news only: ARTICLES articles from 30 outlets (3 groups of 10) in stories
// of 1 to 200 articles (a power law, about 12 articles on average) over 60
// days, then the full-text index, the digests (quotes read from the
// generator's own sentences, not by Analyze, which is not what is measured)
// and the stories' voices: what `parallax index` leaves.
//
//   parallax_serve_store DB OUTLETS_TOML ARTICLES
//
// The articles of one story share most of their sentences, reworded here and
// there, and each quotes one or two of the story's people, as reports of
// one event do. Deterministic: the same arguments make the same store.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "parallax/store.h"

namespace {

using parallax::Article;
using parallax::ArticleDigest;
using parallax::ParagraphRole;

constexpr int kOutlets = 30;
constexpr int kDays = 60;
constexpr int kMaxStory = 200;

const char* const kGroups[] = {"left", "centre", "right"};
const char* const kSyllables[] = {"ka", "lo", "ren", "vi", "dor", "sa", "mel", "tru", "an", "bre", "cos", "fal",
                                  "gri", "hal", "ist", "jon", "ker", "lun", "mar", "nor", "ost", "pel", "quin", "ros"};
const char* const kNouns[] = {"budget", "bridge", "strike", "hospital", "railway", "harbour", "school", "election",
                              "tax", "court", "factory", "river", "council", "treaty", "airport", "reactor",
                              "pension", "festival", "border", "market"};
const char* const kVerbs[] = {"close", "reopen", "cost", "collapse", "expand", "shrink", "recover", "stall"};
const char* const kRoles[] = {"mayor", "minister", "union leader", "spokeswoman", "chief executive", "judge",
                              "professor", "opposition leader"};
const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kSwaps[][2] = {{"said", "stated"}, {"would", "will"}, {"about", "around"}, {"on", "by"}};

class Invent {
 public:
  explicit Invent(uint64_t seed) : rng_(seed) {}
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  double Real() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  template <typename T, size_t N>
  const T& Pick(const T (&list)[N]) {
    return list[static_cast<size_t>(Uniform(0, N - 1))];
  }
  std::string Word(int syllables) {
    std::string w;
    for (int i = 0; i < syllables; ++i) w += Pick(kSyllables);
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  }
  std::string Person() { return Word(2) + " " + Word(Uniform(2, 3)); }

  // A story of about a dozen sentences, its people and its headline.
  struct Story {
    std::string headline;
    std::vector<std::string> people;
    std::vector<std::string> facts;
    std::vector<std::string> quotes;
  };
  Story MakeStory() {
    Story s;
    const std::string place = Word(3);
    const std::string noun = Pick(kNouns);
    s.headline = place + " " + noun + " to " + Pick(kVerbs) + " after " + std::to_string(Uniform(2, 90)) + " years";
    for (int i = 0; i < 3; ++i) s.people.push_back(Person());
    for (int i = 0; i < 12; ++i) {
      const std::string& who = s.people[static_cast<size_t>(Uniform(0, 2))];
      switch (Uniform(0, 3)) {
        case 0:
          s.facts.push_back("The " + noun + " in " + place + " would " + Pick(kVerbs) + " by " +
                            std::to_string(Uniform(2, 60)) + " per cent next year, officials said on " +
                            Pick(kWeekdays) + ".");
          break;
        case 1:
          s.facts.push_back(who + ", the " + Pick(kRoles) + " of " + place + ", met " +
                            std::to_string(Uniform(3, 400)) + " residents about the " + noun + ".");
          break;
        case 2:
          s.facts.push_back("About " + std::to_string(Uniform(10, 9000)) + " people in " + Word(2) +
                            " were affected, and the " + noun + " " + Pick(kVerbs) + " plan was delayed.");
          break;
        default:
          s.facts.push_back("The council of " + place + " voted " + std::to_string(Uniform(5, 30)) + " to " +
                            std::to_string(Uniform(1, 4)) + " on " + Pick(kWeekdays) + " to fund the " + noun + ".");
      }
    }
    for (int i = 0; i < 4; ++i) {
      s.quotes.push_back("We will not let the " + noun + " " + Pick(kVerbs) + " without a fight for " + place);
    }
    return s;
  }

  // One outlet's report: most of the facts, reworded here and there, a
  // quote of one of its people, and a sentence of its own.
  std::string Report(const Story& s, std::vector<ArticleDigest::QuoteLine>& quotes) {
    std::string text;
    int paragraph = 0;
    for (const std::string& fact : s.facts) {
      if (Real() < 0.35) continue;
      std::string sentence = fact;
      if (Real() < 0.3) {
        const auto& swap = kSwaps[Uniform(0, 3)];
        const size_t at = sentence.find(std::string(" ") + swap[0] + " ");
        if (at != std::string::npos) sentence.replace(at + 1, std::string(swap[0]).size(), swap[1]);
      }
      text += sentence + "\n";
      ++paragraph;
      if (quotes.size() < 2 && Real() < 0.2) {
        const size_t q = static_cast<size_t>(Uniform(0, 3));
        const std::string& who = s.people[q % s.people.size()];
        text += "\u201C" + s.quotes[q] + ",\u201D said " + who + ".\n";
        quotes.push_back({who, "direct", static_cast<uint32_t>(paragraph), s.quotes[q]});
        ++paragraph;
      }
    }
    text += "Reporting by " + Person() + " in " + Word(2) + ".";
    return text;
  }

 private:
  std::mt19937_64 rng_;
};

// Story sizes: P(n) proportional to n^-1.45 on 1..200 (mean about 12).
int StorySize(Invent& invent) {
  static const std::vector<double> cumulative = [] {
    std::vector<double> c(kMaxStory + 1, 0);
    for (int n = 1; n <= kMaxStory; ++n) c[static_cast<size_t>(n)] = c[static_cast<size_t>(n - 1)] + std::pow(n, -1.45);
    for (double& v : c) v /= c.back();
    return c;
  }();
  const double u = invent.Real();
  int n = 1;
  while (n < kMaxStory && cumulative[static_cast<size_t>(n)] < u) ++n;
  return n;
}

std::string OutletName(int i) {
  char name[32];
  std::snprintf(name, sizeof name, "Outlet %02d", i);
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: parallax_serve_store DB OUTLETS_TOML ARTICLES\n";
    return 2;
  }
  const std::string db = argv[1];
  const long total = std::atol(argv[3]);
  if (total <= 0) {
    std::cerr << "parallax_serve_store: ARTICLES must be a positive number\n";
    return 2;
  }
  if (std::ifstream(db).good()) {
    std::cerr << "parallax_serve_store: " << db << " exists; it makes new stores only\n";
    return 2;
  }
  {
    std::ofstream toml(argv[2]);
    for (int i = 0; i < kOutlets; ++i) {
      toml << "[[outlets]]\nname = \"" << OutletName(i) << "\"\ngroups = { leaning = \"" << kGroups[i % 3]
           << "\" }\n\n";
    }
  }
  parallax::Result<parallax::Store> store = parallax::Store::Open(db, parallax::OpenMode::kReadWrite);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  Invent invent(20261207);
  std::vector<Article> batch;
  parallax::Store::StoryAssignments stories;
  std::vector<std::vector<ArticleDigest::QuoteLine>> digests;  // by article number
  long made = 0;
  for (long story = 0; made < total; ++story) {
    const Invent::Story s = invent.MakeStory();
    const int size = static_cast<int>(std::min<long>(StorySize(invent), total - made));
    const int day = invent.Uniform(0, kDays - 1);
    // Bigger stories reach more outlets.
    const int reach = std::min(kOutlets, 1 + static_cast<int>(std::sqrt(size) * 3));
    const int first_outlet = invent.Uniform(0, kOutlets - 1);
    for (int k = 0; k < size; ++k, ++made) {
      Article a;
      a.id = "s" + std::to_string(made);
      a.outlet = OutletName((first_outlet + invent.Uniform(0, reach - 1)) % kOutlets);
      a.title = s.headline;
      char published[32];
      const int minutes = invent.Uniform(0, 36 * 60 - 1);
      std::snprintf(published, sizeof published, "2026-%02d-%02dT%02d:%02d:00Z", 9 + (day + minutes / 1440) / 30,
                    1 + (day + minutes / 1440) % 30, (minutes / 60) % 24, minutes % 60);
      a.published = published;
      a.url = "https://outlet" + a.outlet.substr(7) + ".example/" + a.id;
      a.language = "en";
      std::vector<ArticleDigest::QuoteLine> quotes;
      const std::string text = invent.Report(s, quotes);
      size_t start = 0;
      for (size_t end; (end = text.find('\n', start)) != std::string::npos || start < text.size(); start = end + 1) {
        if (end == std::string::npos) end = text.size();
        a.paragraphs.push_back({text.substr(start, end - start), ParagraphRole::kBody, ""});
      }
      digests.push_back(std::move(quotes));
      stories.push_back({a.id, "story-" + std::to_string(story)});
      batch.push_back(std::move(a));
      if (batch.size() == 5000) {
        if (!store->AddArticles(batch).ok()) return 1;
        batch.clear();
      }
    }
    if (story % 5000 == 0) std::cerr << "\r" << made << " articles" << std::flush;
  }
  if (!batch.empty() && !store->AddArticles(batch).ok()) return 1;
  std::cerr << "\r" << made << " articles stored; saving stories\n";
  if (parallax::Status s = store->SaveStoryAssignments(stories); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cerr << "indexing for search\n";
  if (!store->UpdateSearchIndex().ok()) return 1;
  std::cerr << "digesting\n";
  const auto digested = store->UpdateDigests([&](const std::vector<Article>& articles) {
    std::vector<ArticleDigest> out(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
      out[i].quotes = digests[static_cast<size_t>(std::stol(articles[i].id.substr(1)))];
    }
    return out;
  });
  if (!digested.ok()) {
    std::cerr << digested.status().ToString() << "\n";
    return 1;
  }
  if (!store->UpdateStoryVoices().ok()) return 1;
  std::cout << made << " articles in " << *store->CountStories() << " stories\n";
  return 0;
}
