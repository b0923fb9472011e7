// StoryClusterer::AddBatch: the whole batch scored before any article is
// placed, so that similarities are corrected for crowding; and the pieces of
// that correction (cluster/crowding.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "cluster/crowding.h"
#include "parallax/cluster.h"
#include "support/invented_news.h"

namespace parallax {
namespace {

using cluster_internal::KeepStrongest;
using cluster_internal::MeanOfClosest;
using cluster_internal::ScoredMember;
using testing::Doc;
using testing::ThreeReportsOfEachEvent;
using testing::Word;

struct Clustered {
  std::vector<StoryId> stories;  // in the order of the documents
  size_t story_count = 0;
};

// The documents' terms, counted into `clusterer` (the batch's frequencies,
// as `parallax cluster` has them).
std::vector<ArticleTerms> CountAll(StoryClusterer& clusterer,
                                   const std::vector<ClusterDocument>& docs) {
  std::vector<ArticleTerms> terms;
  for (const ClusterDocument& d : docs) terms.push_back(ExtractTerms(d.title, d.text));
  for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
  return terms;
}

// Adds the documents to `clusterer` as one batch in input order; returns
// their terms as AddBatch left them.
std::vector<ArticleTerms> AddAsBatch(StoryClusterer& clusterer,
                                     const std::vector<ClusterDocument>& docs) {
  std::vector<ArticleTerms> terms = CountAll(clusterer, docs);
  std::vector<size_t> order(docs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  clusterer.AddBatch(docs, terms, order);
  return terms;
}

// The same documents as one batch or one by one (with the same frequencies).
Clustered Cluster(const std::vector<ClusterDocument>& docs, bool batch, unsigned threads = 1) {
  ClusterOptions options;
  options.threads = threads;
  StoryClusterer clusterer(options);
  if (batch) {
    AddAsBatch(clusterer, docs);
  } else {
    const std::vector<ArticleTerms> terms = CountAll(clusterer, docs);
    for (size_t i = 0; i < docs.size(); ++i) clusterer.AddCounted(docs[i], terms[i]);
    clusterer.AttachLoneArticles();
  }
  Clustered out;
  for (const Assignment& a : clusterer.Assignments()) out.stories.push_back(a.story);
  out.story_count = clusterer.story_count();
  return out;
}

// A crowded topic (many events told in the same 40 words) and, after it,
// two reports of a quiet event that share only its place name, and a third
// unrelated quiet article.
std::vector<ClusterDocument> CrowdAndQuietEvent() {
  std::vector<ClusterDocument> docs = ThreeReportsOfEachEvent(60, 12, 40, 3);
  docs.push_back(Doc("quiet-1", "Ferry sails again after repairs",
                     "The morning crossing to Brannock left on time for the first time in "
                     "weeks, once welders finished mending the harbour wall; travellers "
                     "queued with bicycles, crates of apples and a goat."));
  docs.push_back(Doc("quiet-2", "Passengers cheer returning vessel",
                     "Cheers rang out at noon as the boat from the mainland docked at "
                     "Brannock harbour, ending a suspension ordered while engineers rebuilt a "
                     "damaged pier and tested new mooring posts."));
  docs.push_back(Doc("quiet-3", "Orchestra names a new conductor",
                     "A violinist from the conservatory will lead the city orchestra from the "
                     "autumn season, the board announced."));
  return docs;
}

TEST(AddBatch, AQuietEventsWeakMatchCountsAmongACrowdedTopic) {
  const std::vector<ClusterDocument> docs = CrowdAndQuietEvent();
  const size_t n = docs.size();
  // One by one the two reports are too far apart to share a story...
  const Clustered single = Cluster(docs, /*batch=*/false);
  EXPECT_NE(single.stories[n - 3], single.stories[n - 2]);
  // ... but they are each other's only neighbour, in a batch whose typical
  // article has many close ones: corrected, their match is strong.
  const Clustered batch = Cluster(docs, /*batch=*/true);
  EXPECT_EQ(batch.stories[n - 3], batch.stories[n - 2]);
  // The correction does not join what shares nothing.
  EXPECT_NE(batch.stories[n - 1], batch.stories[n - 2]);
  EXPECT_EQ(std::count(batch.stories.begin(), batch.stories.end(), batch.stories[n - 1]), 1);
}

// A crowded topic whose event 0 is told on `first_day` by its first two
// reports (in the batch's order) and on `third_day` by the third. Returns
// the positions of the three reports in `positions`.
std::vector<ClusterDocument> EventToldOn(const std::string& first_day,
                                         const std::string& third_day, size_t positions[3]) {
  std::vector<ClusterDocument> docs = ThreeReportsOfEachEvent(60, 20, 20, 7);
  int found = 0;
  for (size_t i = 0; i < docs.size() && found < 3; ++i) {
    if (docs[i].id.rfind("e0-", 0) != 0) continue;
    docs[i].text = "On " + (found < 2 ? first_day : third_day) + ", " + docs[i].text;
    positions[found++] = i;
  }
  return docs;
}

TEST(AddBatch, LeadsNamingDifferentWeekdaysCountAsLessAlike) {
  size_t at[3];
  // Named on one day, the event's three reports are one story...
  const Clustered same = Cluster(EventToldOn("Monday", "Monday", at), /*batch=*/true);
  EXPECT_EQ(same.stories[at[0]], same.stories[at[1]]);
  EXPECT_EQ(same.stories[at[0]], same.stories[at[2]]);
  // ... and the report that names another day is likely of the topic on
  // another day: its similarity to the other two is discounted and, in
  // this crowded topic, too low to join them (with kWeekdayDiscount at 1
  // it joins).
  const Clustered other = Cluster(EventToldOn("Monday", "Thursday", at), /*batch=*/true);
  EXPECT_EQ(other.stories[at[0]], other.stories[at[1]]);
  EXPECT_NE(other.stories[at[0]], other.stories[at[2]]);
}

TEST(AddBatch, FindsTheCrowdedEventsAndGivesTheSameStoriesOnOneThreadAndTwo) {
  // As in TwoThreadsGiveTheSameStoriesAsOne: walks long enough to be split.
  const std::vector<ClusterDocument> docs = ThreeReportsOfEachEvent(1000, 25, 50, 17);
  const Clustered one = Cluster(docs, /*batch=*/true, 1);
  const Clustered two = Cluster(docs, /*batch=*/true, 2);
  EXPECT_EQ(one.stories, two.stories);
  EXPECT_EQ(one.story_count, two.story_count);
  EXPECT_GT(one.story_count, 700u);
  EXPECT_LT(one.story_count, 1600u);
}

TEST(AddBatch, TermsAreReleasedUnlessResumable) {
  const std::vector<ClusterDocument> docs = ThreeReportsOfEachEvent(20, 5, 20, 9);
  for (const bool resumable : {false, true}) {
    ClusterOptions options;
    options.resumable = resumable;
    StoryClusterer clusterer(options);
    const std::vector<ArticleTerms> terms = AddAsBatch(clusterer, docs);
    EXPECT_EQ(terms[0].terms.empty(), !resumable);
    EXPECT_EQ(clusterer.State().stories.front().centroid.empty(), !resumable);
  }
}

TEST(BatchNeighbours, FindWhatTheRingsFoundOneByOneOnAnyThreadCount) {
  // 700 random sparse vectors over 40 terms, rings of 8 postings: most
  // lists wrap many times, so the window before each article matters.
  constexpr size_t kTerms = 40, kRing = 8;
  std::mt19937 random(11);
  std::vector<std::vector<TermWeight>> vectors(700);
  std::vector<std::vector<uint32_t>> entries(700);
  for (size_t k = 0; k < vectors.size(); ++k) {
    for (uint32_t t = 0; t < kTerms; ++t) {
      if (random() % 5 != 0) continue;
      vectors[k].push_back({t, 0.05f + static_cast<float>(random() % 100) / 100});
      entries[k].push_back(t);
    }
  }
  // One by one, as StoryClusterer::Add scores and then posts.
  std::vector<cluster_internal::TermEntry> index(kTerms);
  cluster_internal::IndexScorer scorer(1);
  std::vector<std::vector<ScoredMember>> expected(vectors.size());
  for (size_t k = 0; k < vectors.size(); ++k) {
    scorer.Score(index, vectors[k], entries[k], static_cast<uint32_t>(k), 0.3f, expected[k]);
    for (size_t i = 0; i < vectors[k].size(); ++i) {
      cluster_internal::AddPosting(index[entries[k][i]],
                                   {static_cast<uint32_t>(k), vectors[k][i].weight}, kRing,
                                   scorer.split());
    }
  }
  for (const unsigned threads : {1u, 2u}) {
    cluster_internal::BatchNeighbours batch(kTerms);
    for (size_t k = 0; k < vectors.size(); ++k) batch.Index(vectors[k], entries[k], 0.0f);
    batch.Score(
        [&](size_t k, std::vector<TermWeight>& w, std::vector<uint32_t>& e) {
          w = vectors[k];
          e = entries[k];
        },
        kRing, 0.3f, 1000, threads, {});
    size_t found = 0;
    for (size_t k = 0; k < vectors.size(); ++k) {
      std::vector<ScoredMember> got(batch.begin(k), batch.end(k));
      std::vector<ScoredMember> want = expected[k];
      auto by_member = [](const ScoredMember& a, const ScoredMember& b) {
        return a.member < b.member;
      };
      std::sort(got.begin(), got.end(), by_member);
      std::sort(want.begin(), want.end(), by_member);
      ASSERT_EQ(got.size(), want.size()) << "article " << k << ", threads " << threads;
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].member, want[i].member);
        EXPECT_EQ(got[i].dot, want[i].dot);  // summed in the same order: bit for bit
      }
      found += got.size();
    }
    EXPECT_GT(found, 1000u);  // not an empty comparison
  }
}

TEST(BatchNeighbours, ScaleMultipliesEachSimilarityByItsPairsFactor) {
  // Three articles on one term: each meets every one before it.
  const std::vector<std::vector<TermWeight>> vectors = {{{0, 1.0f}}, {{0, 0.5f}}, {{0, 0.25f}}};
  const std::vector<uint32_t> entries = {0};
  cluster_internal::BatchNeighbours batch(1);
  for (const auto& v : vectors) batch.Index(v, entries, 0.0f);
  batch.Score(
      [&](size_t k, std::vector<TermWeight>& w, std::vector<uint32_t>& e) {
        w = vectors[k];
        e = entries;
      },
      8, 0.01f, 8, 1, {});
  batch.Scale(
      [](size_t k, const ScoredMember& met) { return k == 2 && met.member == 0 ? 0.5f : 1.0f; });
  // (article, member met, dot product): article 2's with member 0 halved.
  std::vector<std::tuple<size_t, uint32_t, float>> got;
  for (size_t k = 0; k < 3; ++k) {
    for (const ScoredMember* m = batch.begin(k); m != batch.end(k); ++m) {
      got.emplace_back(k, m->member, m->dot);
    }
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::tuple<size_t, uint32_t, float>>{
                     {1, 0, 0.5f}, {2, 0, 0.125f}, {2, 1, 0.125f}}));
}

TEST(KeepStrongest, KeepsTheHighestWithTiesToTheLowerMemberInAnyOrder) {
  std::vector<ScoredMember> scored;
  for (uint32_t m = 0; m < 300; ++m) scored.push_back({m, static_cast<float>(m % 100) / 100});
  std::mt19937 random(4);
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<ScoredMember> kept = scored;
    std::shuffle(kept.begin(), kept.end(), random);
    KeepStrongest(kept, 7);
    std::vector<uint32_t> members;
    for (const ScoredMember& s : kept) members.push_back(s.member);
    std::sort(members.begin(), members.end());
    // 0.99 three times (99, 199, 299), 0.98 three times, then one 0.97: 97.
    EXPECT_EQ(members, (std::vector<uint32_t>{97, 98, 99, 198, 199, 298, 299}));
  }
  std::vector<ScoredMember> few = {{5, 0.5f}, {2, 0.1f}};
  KeepStrongest(few, 7);
  EXPECT_EQ(few.size(), 2u);
}

TEST(MeanOfClosest, CountsBothSidesOfEachSimilarityAndOnlyAboveTheFloor) {
  // Members 0-1 are restored (counting 2 articles each), 2-4 the batch.
  // Batch article 1 (member 3) met member 0 and member 2; article 2
  // (member 4) met member 2 and member 3.
  const std::vector<ScoredMember> recorded = {{0, 0.8f}, {2, 0.4f}, {2, 0.6f}, {3, 0.1f}};
  const std::vector<size_t> starts = {0, 0, 2, 4};
  auto inverse_count = [](uint32_t m) { return m < 2 ? 0.5f : 1.0f; };
  const std::vector<float> mean = MeanOfClosest(recorded, starts, 2, 2, 0.15f, inverse_count);
  ASSERT_EQ(mean.size(), 3u);
  EXPECT_FLOAT_EQ(mean[0], (0.4f + 0.6f) / 2);  // met by both later articles
  EXPECT_FLOAT_EQ(mean[1], (0.4f + 0.4f) / 2);  // 0.8 * 0.5 and 0.4; 0.1 is below the floor
  EXPECT_FLOAT_EQ(mean[2], (0.6f + 0.0f) / 2);  // one neighbour: the missing one counts 0
}

}  // namespace
}  // namespace parallax
