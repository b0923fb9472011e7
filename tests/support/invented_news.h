// Invented articles for the cluster stage's tests: no real text is copied
// into the repository.
#ifndef PARALLAX_TESTS_SUPPORT_INVENTED_NEWS_H_
#define PARALLAX_TESTS_SUPPORT_INVENTED_NEWS_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "parallax/cluster.h"

namespace parallax::testing {

// An article as the clusterer reads it.
inline ClusterDocument Doc(std::string id, std::string title, std::string text,
                           int64_t published = -1, std::string outlet = "") {
  ClusterDocument d;
  d.id = std::move(id);
  d.title = std::move(title);
  d.text = std::move(text);
  d.published = published;
  d.outlet = std::move(outlet);
  return d;
}

// A made-up word from syllables, one per number.
inline std::string Word(uint32_t n) {
  static const char* kSyllables[] = {"ka", "lo", "mer", "vin", "dor", "sal", "tem", "rus"};
  std::string word;
  for (int i = 0; i < 4; ++i, n /= 8) word += kSyllables[n % 8];
  return word;
}

// `events` made-up events told three times each, shuffled: a report's
// headline and five of its words are from its event's six, one word is
// from the next event's (so reports of one event differ), and
// `common_words` words are drawn from `vocabulary` words every report may
// use.
inline std::vector<ClusterDocument> ThreeReportsOfEachEvent(uint32_t events, int common_words,
                                                            uint32_t vocabulary, uint32_t seed) {
  std::mt19937 random(seed);
  auto event_word = [&](uint32_t event) { return Word(100 + event * 6 + random() % 6); };
  std::vector<ClusterDocument> docs;
  for (uint32_t event = 0; event < events; ++event) {
    for (int report = 0; report < 3; ++report) {
      std::string title, text;
      for (int w = 0; w < 4; ++w) title += event_word(event) + " ";
      for (int w = 0; w < common_words; ++w) text += Word(random() % vocabulary) + " ";
      for (int w = 0; w < 5; ++w) text += event_word(event) + " ";
      text += event_word((event + 1) % events);
      docs.push_back(Doc("e" + std::to_string(event) + "-" + std::to_string(report), title, text));
    }
  }
  std::shuffle(docs.begin(), docs.end(), random);
  return docs;
}

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_SUPPORT_INVENTED_NEWS_H_
