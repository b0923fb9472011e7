// Near-duplicate detection on invented texts: the library on the kinds of
// copy an outlet makes of a wire story (cut short, given a dateline and a
// footer, reworded in house style), stories that must stay apart, and the
// `parallax dedup` command (PARALLAX_BINARY) on good and bad JSON lines.
#include "parallax/dedup.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_parallax.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunParallax;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

// An invented wire story, about 190 words.
const char* const kStory =
    "The council of Carrow Vale said on Tuesday that the old swing bridge over the Marle "
    "estuary will close for eleven months from April while engineers replace its rusted "
    "turning gear, a repair the town has postponed three times since the flood of 2019. "
    "Traffic will be sent along the coast road through Pellin and Oakhurst, adding about "
    "twenty minutes to the morning journey for the four thousand drivers who cross each "
    "day, the council said. A free shuttle boat will run between the two harbours every "
    "half hour. Council leader Iris Tremayne said the closure was painful but unavoidable. "
    "\"We either fix the bridge properly now or we watch it fail,\" she said, adding that "
    "the work would cost 14 million pounds, most of it from a regional transport grant. "
    "Shop owners on Quay Street, where trade depends on visitors from across the water, "
    "said they feared a difficult summer. The harbour organisation asked the council to "
    "keep the footpath open during daylight hours, a request officials said they would "
    "consider once the contractor had finished its survey of the steel deck.";

// The same event written independently: same names and numbers, other words.
const char* const kOtherReport =
    "Drivers in Carrow Vale face long detours next year. From April the Marle swing bridge "
    "shuts for almost a year so that its corroded machinery can be rebuilt, according to "
    "the town council, which put off the job three times after the 2019 flood. Motorists "
    "heading into town will have to go round by Pellin and Oakhurst on the coast road. "
    "Iris Tremayne, who leads the council, called the decision hard but necessary and put "
    "the bill at 14 million pounds, largely covered by regional transport money. A ferry "
    "shuttle is promised every thirty minutes. Traders on Quay Street are worried: many "
    "of their customers come over the bridge from the far bank, and several told us they "
    "expect a lean season. The harbour association wants pedestrians to keep using the "
    "walkway in daylight; officials say they will look at that after the steel survey.";

// The first `fraction` of the words of `text`.
std::string Truncate(const std::string& text, double fraction) {
  std::istringstream in(text);
  std::vector<std::string> words{std::istream_iterator<std::string>(in),
                                 std::istream_iterator<std::string>()};
  std::string out;
  for (size_t i = 0; i < static_cast<size_t>(words.size() * fraction); ++i) {
    out += (i ? " " : "") + words[i];
  }
  return out;
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Deterministic invented prose: pseudo-words made of syllables, so that no
// two stories share a phrase by chance.
std::string InventedText(uint32_t seed, size_t words) {
  static const char* const kSyllables[] = {"ka",  "lo", "mi",  "ren", "to", "vas", "qui", "bel",
                                           "dra", "nu", "sef", "gor", "pa", "lin", "zu",  "hem"};
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  std::string out;
  for (size_t w = 0; w < words; ++w) {
    if (w) out += ' ';
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const int syllables = 2 + static_cast<int>((state >> 60) % 3);
    for (int s = 0; s < syllables; ++s) out += kSyllables[(state >> (4 * s + 20)) & 15];
  }
  return out;
}

// The pairs of FindNearDuplicates as "first-second" strings, for messages.
std::vector<DuplicatePair> Pairs(const std::vector<std::string>& texts, DedupOptions options = {}) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  return FindNearDuplicates(views, options);
}

bool Paired(const std::vector<DuplicatePair>& pairs, uint32_t a, uint32_t b) {
  for (const DuplicatePair& p : pairs) {
    if (p.first == a && p.second == b) return true;
  }
  return false;
}

TEST(Dedup, IdenticalTextsScoreOne) {
  const auto pairs = Pairs({kStory, kStory});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].first, 0u);
  EXPECT_EQ(pairs[0].second, 1u);
  EXPECT_DOUBLE_EQ(pairs[0].score, 1.0);
}

TEST(Dedup, TruncatedCopyIsFoundThoughMostOfTheOriginalIsMissing) {
  // The copy keeps 40% of the story: Jaccard is about 0.4, below the
  // threshold; the copy is wholly contained in the original.
  const auto pairs = Pairs({kStory, Truncate(kStory, 0.4)});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_GT(pairs[0].score, 0.9);
}

TEST(Dedup, CopyWithDatelineAndFooterIsFound) {
  const std::string copy = "CARROW VALE, England (Harbour Courier) - " + std::string(kStory) +
                           " Copyright 2024 Harbour Courier. All rights reserved. This material "
                           "may not be published, broadcast, rewritten or redistributed.";
  const auto pairs = Pairs({copy, kStory});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_GT(pairs[0].score, 0.8);
}

TEST(Dedup, HouseStyleRewordingIsFound) {
  std::string copy = kStory;
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"said", "says"},
                                                        {"organisation", "organization"},
                                                        {"harbours", "harbors"},
                                                        {"twenty", "20"},
                                                        {"four thousand", "4,000"},
                                                        {"eleven", "11"}}) {
    copy = ReplaceAll(copy, from, to);
  }
  const auto pairs = Pairs({kStory, copy});
  ASSERT_EQ(pairs.size(), 1u) << copy;
  EXPECT_GT(pairs[0].score, 0.6);
}

TEST(Dedup, TwoReportsOfOneEventAreNotCopies) {
  EXPECT_TRUE(Pairs({kStory, kOtherReport}).empty());
}

TEST(Dedup, ShortStoryQuotedInsideAnotherIsNotACopyOfIt) {
  // The short text appears whole inside the long one, but the long one
  // starts with its own story: containment alone would call them copies.
  const std::string short_story = InventedText(7, 40);
  const std::string long_story =
      InventedText(8, 160) + " " + short_story + " " + InventedText(9, 60);
  EXPECT_TRUE(Pairs({short_story, long_story}).empty());
}

TEST(Dedup, SharedFooterDoesNotMakeAnOutletsStoriesCopies) {
  // 30 different short stories with one outlet's long footer: counting the
  // footer, any two would share two thirds of their shingles. The footer's
  // shingles are in more documents than a story has copies, so they are
  // boilerplate and ignored.
  const std::string footer = InventedText(1000, 80);
  std::vector<std::string> texts;
  for (uint32_t i = 0; i <= 30; ++i) {
    // The last is a real copy of story 5.
    texts.push_back(InventedText(i < 30 ? i : 5, 20));
    texts.back().append(" ").append(footer);
  }
  const auto pairs = Pairs(texts);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].first, 5u);
  EXPECT_EQ(pairs[0].second, 30u);
}

TEST(Dedup, StoryPrintedByManyOutletsIsFoundInEveryPair) {
  // 40 outlets print one wire story (more than a story's copies on the
  // benchmark, so its shingles look like boilerplate), each with its own
  // dateline and a word dropped, every third cut to 80%; among 100 other
  // stories.
  const std::string story = std::string(kStory) + " " + InventedText(77, 150);
  std::istringstream in(story);
  const std::vector<std::string> words{std::istream_iterator<std::string>(in),
                                       std::istream_iterator<std::string>()};
  std::vector<std::string> texts;
  for (uint32_t other = 0; other < 100; ++other) texts.push_back(InventedText(200 + other, 300));
  constexpr uint32_t kCopies = 40;
  for (uint32_t c = 0; c < kCopies; ++c) {
    std::string copy = "PELLIN (Outlet " + std::to_string(c) + ") --";
    const size_t keep = c % 3 == 0 ? words.size() * 8 / 10 : words.size();
    for (size_t w = 0; w < keep; ++w) {
      if (w != 7 * c + 3) copy += " " + words[w];
    }
    texts.push_back(copy);
  }
  const auto pairs = Pairs(texts);
  size_t copies_paired = 0;
  for (const DuplicatePair& p : pairs) {
    EXPECT_GE(p.first, 100u) << "an unrelated story paired: " << p.first << "-" << p.second;
    copies_paired += p.first >= 100;
  }
  EXPECT_EQ(copies_paired, kCopies * (kCopies - 1) / 2);
}

TEST(Dedup, TwentyCopiesOfOneStoryAreEachPairedWithEveryOther) {
  // As many copies as a hash may be in without being boilerplate: each of
  // the story's anchors links 190 pairs, more than the grouping's buffer
  // holds past its runs (the candidates then get an array of their own).
  constexpr uint32_t kCopies = 20;
  std::vector<std::string> texts;
  for (uint32_t i = 0; i < kCopies; ++i) {
    texts.push_back("Dispatch " + std::to_string(i) + ": " + std::string(kStory));
  }
  const auto pairs = Pairs(texts);
  ASSERT_EQ(pairs.size(), kCopies * (kCopies - 1) / 2);
  for (const DuplicatePair& p : pairs) EXPECT_GE(p.score, 0.9);
}

TEST(Dedup, OneTextAThousandTimesIsOneGroupWithoutAPairForEveryTwo) {
  // 1,500 copies of one text (a hostile feed, or a text every outlet
  // prints): listing all 1.1 million pairs is no use, and for a million
  // copies it would not fit in memory. Each copy is paired with the first.
  constexpr uint32_t kCopies = 1500;
  std::vector<std::string> texts(kCopies, std::string(kStory));
  texts.push_back(kOtherReport);
  const auto pairs = Pairs(texts);
  ASSERT_EQ(pairs.size(), kCopies - 1);
  for (uint32_t i = 0; i + 1 < kCopies; ++i) {
    EXPECT_EQ(pairs[i].first, 0u);
    EXPECT_EQ(pairs[i].second, i + 1);
    EXPECT_EQ(pairs[i].score, 1.0);
  }
}

TEST(Dedup, ScoringThreadsGiveTheSamePairs) {
  // 330 outlets print one story, each with its own dateline, among 50
  // other stories: 54,285 candidate pairs, enough for three scoring
  // threads to take a share each (at least 16,384 candidates apiece).
  std::vector<std::string> texts;
  for (uint32_t other = 0; other < 50; ++other) texts.push_back(InventedText(400 + other, 250));
  for (uint32_t c = 0; c < 330; ++c) {
    texts.push_back("MARLE (Outlet " + std::to_string(c) + ") -- " + kStory);
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  auto find = [&](unsigned threads, DedupStats* stats) {
    DedupOptions options;
    options.threads = threads;
    NearDuplicateIndex index(options);
    for (const std::string_view text : views) index.Add(text);
    return index.FindPairs(stats);
  };
  DedupStats stats;
  const auto one = find(1, &stats);
  ASSERT_GE(stats.candidates, 3u * 16384);
  const auto three = find(3, nullptr);
  ASSERT_EQ(one.size(), three.size());
  EXPECT_EQ(find(0, nullptr).size(), one.size());  // 0 threads: the caller's alone
  EXPECT_EQ(one.size(), 330u * 329 / 2);
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].first, three[i].first);
    EXPECT_EQ(one[i].second, three[i].second);
    EXPECT_EQ(one[i].score, three[i].score);
  }
}

TEST(Dedup, CopiesOfOneOriginalPairThroughIt) {
  // Each copy keeps a different part of the story; between them they share
  // too little, but each is a copy of the original.
  const std::string original = std::string(kStory) + " " + InventedText(3, 120);
  std::istringstream in(original);
  std::vector<std::string> words{std::istream_iterator<std::string>(in),
                                 std::istream_iterator<std::string>()};
  std::string first, second;
  for (size_t i = 0; i < words.size(); ++i) {
    // The first copy: the first 60%; the second: the start, then the rest.
    if (i < words.size() * 6 / 10) first += words[i] + " ";
    if (i < 40 || i >= words.size() * 3 / 10) second += words[i] + " ";
  }
  const auto pairs = Pairs({original, first, second});
  EXPECT_TRUE(Paired(pairs, 0, 1));
  EXPECT_TRUE(Paired(pairs, 0, 2));
  EXPECT_TRUE(Paired(pairs, 1, 2));
}

TEST(Dedup, TextsWithoutWordsAreNeverPaired) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.Add(""), 0u);
  EXPECT_EQ(index.Add("... --- !!!"), 1u);
  EXPECT_EQ(index.Add(kStory), 2u);
  EXPECT_EQ(index.Add(""), 3u);
  EXPECT_EQ(index.Add(kStory), 4u);
  const auto pairs = index.FindPairs();
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].first, 2u);
  EXPECT_EQ(pairs[0].second, 4u);
}

TEST(Dedup, CaseAndPunctuationDoNotMatter) {
  std::string shouted;
  for (const char c : std::string(kStory)) shouted += static_cast<char>(std::toupper(c));
  const auto pairs = Pairs({kStory, ReplaceAll(ReplaceAll(shouted, ",", " ;"), ".", "!")});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_DOUBLE_EQ(pairs[0].score, 1.0);
}

TEST(Dedup, SignatureKeepsTheSmallestHashesInOrder) {
  SignatureBuilder builder;
  ShingleSignature signature;
  builder.Compute(InventedText(11, 2000), &signature);
  EXPECT_EQ(signature.words, 2000u);
  EXPECT_EQ(signature.size, kSignatureHashes);
  EXPECT_EQ(signature.head_size, kHeadHashes);
  for (uint32_t i = 1; i < signature.size; ++i) {
    EXPECT_LT(signature.smallest[i - 1], signature.smallest[i]);
  }
  EXPECT_EQ(signature.limit, signature.smallest[signature.size - 1]);
  // A short text keeps all its shingles: 10 words make 8.
  builder.Compute(InventedText(12, 10), &signature);
  EXPECT_EQ(signature.size, 8u);
  EXPECT_EQ(signature.limit, 0xFFFFFFFFu);
}

TEST(Dedup, SignatureDoesNotDependOnTheBufferItFollows) {
  // The builder reuses its buffers: a long text first must not leave bytes
  // that change the next, shorter one's words.
  SignatureBuilder fresh, reused;
  ShingleSignature a, b;
  reused.Compute(InventedText(13, 3000), &b);
  fresh.Compute(kStory, &a);
  reused.Compute(kStory, &b);
  EXPECT_EQ(a.size, b.size);
  EXPECT_EQ(a.smallest, b.smallest);
  EXPECT_EQ(a.head, b.head);
}

// --- The command -------------------------------------------------------------

std::string Line(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"outlet", "Harbour Courier"}, {"text", text}}.dump() + "\n";
}

TEST(DedupCli, PrintsEachPairOnceWithItsScore) {
  TempDir dir;
  const std::string path = dir / "corpus.jsonl";
  WriteFile(path, Line("orig", kStory) + Line("other", kOtherReport) +
                      Line("cut", Truncate(kStory, 0.5)));
  const RunResult r = RunParallax(dir, {"dedup", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_EQ(r.out, "orig\tcut\t1.000\n");
}

TEST(DedupCli, BadLinesAreNamedAndTheRestCompared) {
  TempDir dir;
  const std::string path = dir / "corpus.jsonl";
  WriteFile(path, Line("a", kStory) +                                // 1
                      "{\"id\": \"broken\", \"text\": \"no end\n" +  // 2: malformed
                      "{\"text\": \"no id at all here\"}\n" +        // 3: missing id
                      Line("a", "a second a, with other words") +    // 4: duplicate id
                      Line("empty", "") +                            // 5: empty text
                      "\n" +                                         // 6: blank, skipped quietly
                      Line("b", kStory) +                            // 7
                      "{\"id\": \"t\", \"title\": \"A title only\"}\n" +  // 8: no text
                      Line("dots", "... !!!"));                           // 9: no words
  const RunResult r = RunParallax(dir, {"dedup", path});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "a\tb\t1.000\n");
  for (const std::string& expected :
       {path + ":2: ", path + ":3: no \"id\"", path + ":4: duplicate id \"a\" (first on line 1)",
        path + ":5: empty text", path + ":8: empty text", path + ":9: \"text\" has no words"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  EXPECT_EQ(r.err.find(":6:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(":7:"), std::string::npos) << r.err;
}

TEST(DedupCli, ThreadCountDoesNotChangeTheOutput) {
  // Enough documents for several batches per thread: every tenth a copy.
  TempDir dir;
  const std::string path = dir / "corpus.jsonl";
  std::string corpus;
  for (uint32_t i = 0; i < 5000; ++i) {
    corpus += Line(std::string("d").append(std::to_string(i)),
                   InventedText(i % 10 == 9 ? i - 9 : i, 60));
  }
  WriteFile(path, corpus);
  const RunResult one = RunParallax(dir, {"dedup", "--jobs", "1", path});
  const RunResult three = RunParallax(dir, {"dedup", "--jobs", "3", path});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(three.exit_code, 0) << three.err;
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 500);
  EXPECT_EQ(one.out, three.out);
}

TEST(DedupCli, StatsGoToStderr) {
  TempDir dir;
  const std::string path = dir / "corpus.jsonl";
  WriteFile(path, Line("x", kStory) + Line("y", kStory));
  const RunResult r = RunParallax(dir, {"dedup", "--stats", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "x\ty\t1.000\n");
  EXPECT_NE(r.err.find("documents 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bytes/document"), std::string::npos) << r.err;
}

TEST(DedupCli, UsageErrorsExitWithTwo) {
  TempDir dir;
  EXPECT_EQ(RunParallax(dir, {"dedup"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir, {"dedup", "--threshold", "1.5", "x.jsonl"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir, {"dedup", "--threshold", "high", "x.jsonl"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir, {"dedup", "--jobs", "-1", "x.jsonl"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir, {"dedup", "--frobnicate", "x.jsonl"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir, {"dedup", "a.jsonl", "b.jsonl"}).exit_code, 2);
  const RunResult help = RunParallax(dir, {"help", "dedup"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--threshold"), std::string::npos);
}

TEST(DedupCli, MissingInputIsNamed) {
  TempDir dir;
  const RunResult r = RunParallax(dir, {"dedup", dir / "nowhere.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("nowhere.jsonl"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace parallax
