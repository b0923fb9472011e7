// StoryClusterer: each article joins the story it resembles most, or starts
// one, in a single pass, and a lone article gets a second look at the end;
// a batch is scored whole first, to correct for crowding. See
// include/parallax/cluster.h for the method and cluster/thresholds.h for
// the numbers that steer it, measured on the clustering bench.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cluster/conflicts.h"
#include "cluster/crowding.h"
#include "cluster/thresholds.h"
#include "cluster/weights.h"
#include "cluster/postings.h"
#include "cluster/sorted_vectors.h"
#include "cluster/term_index.h"
#include "parallax/cluster.h"

namespace parallax {

// The thresholds (cluster/thresholds.h).
using cluster_internal::FiguresDisagree;
using cluster_internal::kCrowdingNeighbours;
using cluster_internal::kCrowdingWeight;
using cluster_internal::kJoinSimilarity;
using cluster_internal::kLoneMargin;
using cluster_internal::kMaxLoneNeighbours;
using cluster_internal::kMaxPostingsPerTerm;
using cluster_internal::kMaxRecorded;
using cluster_internal::kMinPostingWeight;
using cluster_internal::kMutualFloor;
using cluster_internal::kMutualShare;
using cluster_internal::kNoiseSimilarity;
using cluster_internal::kRecordFloor;
using cluster_internal::kWeekdayDiscount;
using cluster_internal::WeekdaysDisagree;

class StoryClusterer::Impl {
 public:
  explicit Impl(ClusterOptions options) : options_(options), scorer_(options.threads) {}

  Impl(ClusterOptions options, const ClusterState& state)
      : options_(options), scorer_(options.threads) {
    documents_ = state.documents;
    for (const auto& [term, df] : state.document_frequencies) Entry(term).df = df;
    for (const StoryState& saved : state.stories) {
      const uint32_t s = static_cast<uint32_t>(stories_.size());
      Story story;
      story.id = saved.id;
      story.size = saved.size;
      story.first = saved.first_published;
      story.last = saved.last_published;
      story.outlets = saved.outlets;
      story.centroid = saved.centroid;
      story.figures = saved.figures;
      story.weekdays = saved.weekdays;
      stories_.push_back(std::move(story));
      scratch_.emplace_back();
      next_id_ = std::max(next_id_, saved.id + 1);
      // The story's members are gone; its centroid stands in for them, as
      // one member that counts `size` times (the dot product with a sum of
      // unit vectors is the sum of the dot products).
      AddMember(s, static_cast<uint32_t>(std::clamp<uint64_t>(saved.size, 1, UINT32_MAX)),
                saved.closest, saved.centroid);
      // Not saved: the closest article of another story is at most the closest.
      SetClosestOutside(members_.back(), saved.closest);
    }
  }

  void CountTerms(const ArticleTerms& terms) {
    ++documents_;
    for (const TermWeight& t : terms.terms) ++Entry(t.term).df;
  }

  StoryId Add(const ClusterDocument& doc, const ArticleTerms& terms, bool counted) {
    if (!counted) CountTerms(terms);
    Vectorize(terms);
    scorer_.Score(entries_by_index_, vector_, entries_, static_cast<uint32_t>(members_.size()),
                  kNoiseSimilarity, strong_);
    const uint32_t added = PostMember();
    return Place(doc, terms.figures, terms.weekdays, added);
  }

  void AddBatch(const std::vector<ClusterDocument>& docs, std::vector<ArticleTerms>& terms,
                const std::vector<size_t>& order, const BatchProgress& progress) {
    const size_t n = order.size();
    if (members_.empty()) {
      AddCorrected(docs, terms, order, progress);
    } else {
      // Resuming (or after Add): no correction. A restored story is one
      // centroid, how crowded its articles were is unknown, and the new
      // articles' neighbourhoods are mostly in those stories. Correcting
      // with the batch's mean for them lowered the bench, shuffled and
      // added in 8 runs, from B-cubed F1 0.716 to 0.693.
      for (size_t k = 0; k < n; ++k) {
        Add(docs[order[k]], terms[order[k]], /*counted=*/true);
        if (!options_.resumable) std::vector<TermWeight>().swap(terms[order[k]].terms);
        if (progress && (k & 1023) == 1023) progress("placing", k + 1, n);
      }
    }
    if (progress) progress("a second look at the articles left alone", n, n);
    AttachLoneArticles();
    crowding_weight_ = 0;  // articles added one by one later are not corrected
  }

  // AddBatch into an empty clusterer: article k of `order` is member k.
  void AddCorrected(const std::vector<ClusterDocument>& docs, std::vector<ArticleTerms>& terms,
                    const std::vector<size_t>& order, const BatchProgress& progress) {
    const size_t n = order.size();
    // 1. Every article indexed; then each scored against the ones before
    // it, as the index stood when it came.
    cluster_internal::BatchNeighbours neighbours(entries_by_index_.size());
    for (size_t k = 0; k < n; ++k) {
      Vectorize(terms[order[k]]);
      neighbours.Index(vector_, entries_, kMinPostingWeight);
      PostMember();  // the rings, for articles added after the batch
    }
    neighbours.Score(
        [&](size_t k, std::vector<TermWeight>& vec, std::vector<uint32_t>& entries) {
          UnitVector(terms[order[k]], vec, entries);
        },
        kMaxPostingsPerTerm, kRecordFloor, kMaxRecorded, options_.threads >= 2 ? 2 : 1,
        [&](size_t done, size_t total) {
          if (progress) progress("scoring", done, total);
        });
    if (!options_.resumable) {  // the centroids would need the vectors again
      for (const size_t i : order) std::vector<TermWeight>().swap(terms[i].terms);
    }
    // Leads that name different days are likely of different events.
    neighbours.Scale([&](size_t k, const cluster_internal::ScoredMember& scored) {
      const bool differ =
          WeekdaysDisagree(terms[order[k]].weekdays, terms[order[scored.member]].weekdays);
      return differ ? kWeekdayDiscount : 1.0f;
    });
    // 2. How crowded each article's neighbourhood is.
    const std::vector<float> crowding = cluster_internal::MeanOfClosest(
        neighbours.all(), neighbours.starts(), 0, kCrowdingNeighbours, kNoiseSimilarity,
        [this](uint32_t m) { return members_[m].inverse_count; });
    double sum = 0;
    for (size_t k = 0; k < n; ++k) {
      members_[k].crowding = crowding[k];
      sum += crowding[k];
    }
    mean_crowding_ = n == 0 ? 0.0f : static_cast<float>(sum / static_cast<double>(n));
    crowding_weight_ = kCrowdingWeight;
    // Only the similarities still at kNoiseSimilarity once corrected count:
    // the rest go now rather than in every loop over them below.
    neighbours.Filter([this](size_t k, const cluster_internal::ScoredMember& scored) {
      shift_ = Shift(members_[k]);
      return !Dropped(Similarity(scored, members_[scored.member]));
    });
    // 3. Each placed in turn, on the corrected similarities.
    for (size_t k = 0; k < n; ++k) {
      const ArticleTerms& t = terms[order[k]];
      if (options_.resumable) Vectorize(t);  // for TakeArticle's centroid
      strong_.assign(neighbours.begin(k), neighbours.end(k));
      Place(docs[order[k]], t.figures, t.weekdays, static_cast<uint32_t>(k));
      if (progress && (k & 1023) == 1023) progress("placing", k + 1, n);
    }
  }

  // The member for the article just scored (vector_), in the index; its
  // story is set when it is placed.
  uint32_t PostMember() {
    const uint32_t m = static_cast<uint32_t>(members_.size());
    AddMember(kNone, 1, 0, vector_);
    return m;
  }

  // Places the article of member `added`, scored against the members before
  // it (strong_), in the story it joins or one it starts.
  StoryId Place(const ClusterDocument& doc, const std::vector<uint64_t>& figures, uint8_t weekdays,
                uint32_t added) {
    shift_ = Shift(members_[added]);
    GatherStories(strong_, /*outside_story=*/false);

    // The most similar story within the time window.
    double best_sim = 0, second_sim = 0;
    const uint32_t best = MostSimilarStory(doc.published, 1, kNone, &best_sim, &second_sim);
    bool join = false;
    if (best != kNone) {
      const Story& story = stories_[best];
      // An outlet rarely runs two differently worded reports of one event;
      // a second one from it must be a close match.
      const bool same_outlet = !doc.outlet.empty() && HasOutlet(story, doc.outlet);
      join = best_sim >= kJoinSimilarity ||
             (!same_outlet && best_sim >= kMutualFloor && scratch_[best].mutual >= kMutualShare &&
              !FiguresDisagree(story.figures, figures) && !WeekdaysDisagree(story.weekdays, weekdays));
    }

    uint32_t target = best;
    if (join) {
      ForgetNeighbours(stories_[target]);  // it is alone no more
    } else {
      target = static_cast<uint32_t>(stories_.size());
      Story story;
      story.id = next_id_++;
      story.lone_member = added;
      stories_.push_back(std::move(story));
      scratch_.emplace_back();
      if (lone_neighbours_.size() <= added) lone_neighbours_.resize(added + size_t{1});
      cluster_internal::KeepClosest(lone_neighbours_[added], strong_, kMaxLoneNeighbours);
    }
    Story& story = stories_[target];
    TakeArticle(story, doc.published, doc.published, doc.outlet.empty() ? nullptr : &doc.outlet,
                vector_, figures, weekdays);

    // Every member scored now knows how close this article came.
    bool mutual_with_some = false;  // for AttachLoneArticles
    float closest = 0, closest_outside = 0;
    for (const cluster_internal::ScoredMember& scored : strong_) {
      Member& member = members_[scored.member];
      const float sim = Similarity(scored, member);
      if (Dropped(sim)) continue;
      if (sim > member.closest) SetClosest(member, sim);
      closest = std::max(closest, sim);
      if (member.story != target) {
        if (sim > member.closest_outside) SetClosestOutside(member, sim);
        closest_outside = std::max(closest_outside, sim);
        mutual_with_some |= sim * member.inverse_closest_outside >= kMutualShare;
      }
    }
    // The same test the other way: members of other stories for which this
    // article is (nearly) the closest outside article.
    for (const cluster_internal::ScoredMember& scored : strong_) {
      Member& member = members_[scored.member];
      if (member.story != target && Similarity(scored, member) >= kMutualShare * closest_outside) {
        member.mutual_outside = true;
      }
      if (member.keeps_neighbours) {
        cluster_internal::KeepClosest(lone_neighbours_[scored.member], {added, scored.dot},
                                      kMaxLoneNeighbours);
      }
    }
    Member& own = members_[added];
    own.story = target;
    SetClosest(own, closest);
    SetClosestOutside(own, closest_outside);
    own.mutual_outside = mutual_with_some;
    own.keeps_neighbours = !join;
    articles_.push_back({doc.id, target, added});
    return story.id;
  }

  size_t AttachLoneArticles() {
    size_t moved = 0;
    for (Article& article : articles_) {
      Story& own = stories_[article.story];
      // Only this run's articles are here: an earlier run's lone article
      // (a restored story) stays where that run put it.
      if (own.size != 1) continue;
      // The mutual test below can pass only if it passed when the article
      // and some member of another story met (closest similarities only
      // grow): most lone articles need no second scoring.
      if (!members_[article.member].mutual_outside) continue;
      // Its similarities to the articles before it (from its own scoring)
      // and after it (from theirs) were kept, so it is not scored again.
      // Scoring it again against the index cost a seventh of the run, and
      // missed the articles whose postings a full list had dropped since:
      // B-cubed F1 0.831 -> 0.835, pairwise 0.704 -> 0.710 on the bench
      // (shuffled: 0.760 -> 0.761, 0.576 -> 0.579).
      shift_ = Shift(members_[article.member]);
      GatherStories(lone_neighbours_[article.member], /*outside_story=*/true);
      double best_sim = 0, second_sim = 0;
      const uint32_t best = MostSimilarStory(own.first, 2, article.story, &best_sim, &second_sim);
      if (best == kNone || best_sim < kMutualFloor || scratch_[best].mutual < kMutualShare ||
          best_sim < kLoneMargin * second_sim) {
        continue;
      }
      Story& target = stories_[best];
      // Outlets rarely tell one event twice (see Add): no second chance then.
      if (!own.outlets.empty() && HasOutlet(target, own.outlets[0])) continue;
      TakeArticle(target, own.first, own.last, own.outlets.empty() ? nullptr : &own.outlets[0],
                  own.centroid, own.figures, own.weekdays);
      members_[article.member].story = best;
      ForgetNeighbours(own);
      const StoryId id = own.id;
      own = Story{};  // empty: no article and no member points to it
      own.id = id;
      article.story = best;
      ++moved;
    }
    return moved;
  }

  std::vector<Assignment> Assignments() const {
    std::vector<Assignment> out;
    out.reserve(articles_.size());
    for (const Article& a : articles_) out.push_back({a.id, stories_[a.story].id});
    return out;
  }

  size_t article_count() const { return articles_.size(); }
  size_t story_count() const {
    return static_cast<size_t>(std::count_if(stories_.begin(), stories_.end(),
                                             [](const Story& s) { return s.size > 0; }));
  }

  ClusterState State() const {
    ClusterState state;
    state.documents = documents_;
    state.document_frequencies.reserve(entries_by_index_.size());
    for (const TermEntry& entry : entries_by_index_) {
      if (entry.df > 0) state.document_frequencies.emplace_back(entry.term, entry.df);
    }
    std::sort(state.document_frequencies.begin(), state.document_frequencies.end());
    std::vector<float> closest(stories_.size(), 0);
    for (const Member& m : members_) closest[m.story] = std::max(closest[m.story], m.closest);
    state.stories.reserve(stories_.size());
    for (size_t s = 0; s < stories_.size(); ++s) {
      const Story& story = stories_[s];
      if (story.size == 0) continue;  // its lone article moved (AttachLoneArticles)
      StoryState saved;
      saved.id = story.id;
      saved.size = story.size;
      saved.first_published = story.first;
      saved.last_published = story.last;
      saved.outlets = story.outlets;
      saved.centroid = story.centroid;
      saved.closest = closest[s];
      saved.figures = story.figures;
      saved.weekdays = story.weekdays;
      state.stories.push_back(std::move(saved));
    }
    return state;
  }

 private:
  static constexpr uint32_t kNone = ~0u;
  // Scale of the story sums (Scratch::dot): far finer than any decision
  // needs, and a story of a million members still fits.
  static constexpr double kDotScale = 4294967296.0;  // 2^32
  // A floor under a member's closest similarity in the mutual test's
  // ratio: an article that resembled nothing yet is not infinitely eager.
  static constexpr float kMinClosest = 1e-3f;
  // Smallest term weight kept in a unit vector: a term this light changes
  // no similarity, and the product of two is still far from float underflow.
  static constexpr float kMinWeight = 1e-6f;

  struct Story {
    StoryId id = 0;
    uint64_t size = 0;
    int64_t first = -1;  // earliest / latest known publication time
    int64_t last = -1;
    std::vector<std::string> outlets;  // sorted
    std::vector<TermWeight> centroid;  // sum of the members' unit vectors, by term
    // Figures its articles cite (ArticleTerms::figures), sorted, and the
    // weekdays they name, or-ed; both saved in its StoryState.
    std::vector<uint64_t> figures;
    uint8_t weekdays = 0;
    // While this run's article that started it is alone in it: that
    // article's member (lone_neighbours_ has its similarities); else kNone.
    uint32_t lone_member = kNone;
  };
  // An article's vector in the index, or a restored story's centroid.
  struct Member {
    uint32_t story;
    float inverse_count;    // 1 / the articles it stands for
    float closest;          // highest mean similarity to any other article seen
    float inverse_closest;  // 1 / max(closest, kMinClosest)
    // The same over articles of other stories (AttachLoneArticles' test).
    float closest_outside = 0;
    float inverse_closest_outside = 1.0f / kMinClosest;
    // Some member of another story held it as a mutual neighbour (against
    // the closests outside at the time they met).
    bool mutual_outside = false;
    // Alone in the story it started: lone_neighbours_ keeps whom it met.
    bool keeps_neighbours = false;
    // How crowded its neighbourhood is in its batch (see kCrowdingWeight).
    float crowding = 0;
  };
  // Per story, for the article being added.
  struct Scratch {
    uint64_t stamp = 0;
    // Sum of its similarities to the members, in units of 1 / kDotScale:
    // an integer sum is the same in any order, and the order members are
    // scored in depends on how the walk was split between threads.
    int64_t dot = 0;
    float mutual = 0;   // max over members of similarity / member's closest (or closest outside)
  };
  using TermEntry = cluster_internal::TermEntry;
  struct Article {
    std::string id;
    uint32_t story;
    uint32_t member;
  };

  // vector_ = the article's unit vector: weight times idf, by term;
  // entries_ = the index entry of each term. Brings the idf of its terms
  // up to date first.
  void Vectorize(const ArticleTerms& terms) {
    for (const TermWeight& t : terms.terms) {
      if (!(t.weight > 0) || !std::isfinite(t.weight)) continue;  // not from ExtractTerms
      TermEntry& entry = entries_by_index_[Index(t.term)];
      if (entry.idf_documents != documents_ || entry.idf_df != entry.df) {
        entry.idf = cluster_internal::IdfFactor(documents_, entry.df);
        entry.idf_documents = documents_;
        entry.idf_df = entry.df;
      }
    }
    UnitVector(terms, vector_, entries_);
  }

  // The same into `vec` and `entries`, changing nothing (so any thread may
  // call it): the idf of the terms must be up to date, as Vectorize left it.
  void UnitVector(const ArticleTerms& terms, std::vector<TermWeight>& vec,
                  std::vector<uint32_t>& entries) const {
    cluster_internal::UnitVector(terms, index_, entries_by_index_, kMinWeight, vec, entries);
  }

  // Per story of the members in `strong` (scored against the article whose
  // Shift() is in shift_): the sum of their similarities, and the mutual
  // test's ratio: similarity over the member's closest, or with
  // `outside_story` over its closest article outside its own story.
  void GatherStories(const std::vector<cluster_internal::ScoredMember>& strong,
                     bool outside_story) {
    ++stamp_;
    candidates_.clear();
    for (const cluster_internal::ScoredMember& scored : strong) {
      const Member& member = members_[scored.member];
      const float sim = Similarity(scored, member);
      if (Dropped(sim)) continue;
      Scratch& story = scratch_[member.story];
      if (story.stamp != stamp_) {
        story.stamp = stamp_;
        story.dot = 0;
        story.mutual = 0;
        candidates_.push_back(member.story);
      }
      // A restored story's member counts once per article it stands for.
      const double counted = crowding_weight_ == 0 ? scored.dot : sim / member.inverse_count;
      story.dot += static_cast<int64_t>(counted * kDotScale);
      const float inverse = outside_story ? member.inverse_closest_outside : member.inverse_closest;
      story.mutual = std::max(story.mutual, sim * inverse);
    }
  }

  void AddMember(uint32_t story, uint32_t count, float closest, const std::vector<TermWeight>& vec) {
    const uint32_t m = static_cast<uint32_t>(members_.size());
    Member member;
    member.story = story;
    member.inverse_count = 1.0f / static_cast<float>(count);
    SetClosest(member, closest);
    members_.push_back(member);
    for (size_t i = 0; i < vec.size(); ++i) {
      const TermWeight& t = vec[i];
      if (!(t.weight >= kMinWeight) || !std::isfinite(t.weight)) continue;  // a restored centroid's
      if (t.weight * member.inverse_count < kMinPostingWeight) continue;
      TermEntry& entry = entries_by_index_[&vec == &vector_ ? entries_[i] : Index(t.term)];
      cluster_internal::AddPosting(entry, {m, t.weight}, kMaxPostingsPerTerm, scorer_.split());
    }
  }

  // Of the candidates ScoreCandidates found, the story the article
  // resembles most (mean similarity to its members; ties to the older
  // story): one within the window of `when`, of `min_size` articles or
  // more, and not `skip`. kNone when there is none. The runner-up's
  // similarity goes to `second_sim`.
  uint32_t MostSimilarStory(int64_t when, uint64_t min_size, uint32_t skip, double* best_sim,
                            double* second_sim) const {
    uint32_t best = kNone;
    *best_sim = 0;
    *second_sim = 0;
    for (const uint32_t s : candidates_) {
      const Story& story = stories_[s];
      if (s == skip || story.size < min_size || !InWindow(story, when)) continue;
      const double sim =
          static_cast<double>(scratch_[s].dot) / kDotScale / static_cast<double>(story.size);
      if (sim > *best_sim || (sim == *best_sim && best != kNone && s < best)) {
        *second_sim = *best_sim;
        *best_sim = sim;
        best = s;
      } else {
        *second_sim = std::max(*second_sim, sim);
      }
    }
    return best;
  }

  void ForgetNeighbours(Story& story) {
    if (story.lone_member == kNone) return;
    std::vector<cluster_internal::ScoredMember>().swap(lone_neighbours_[story.lone_member]);
    members_[story.lone_member].keeps_neighbours = false;
    story.lone_member = kNone;
  }

  // One more article in `story`: published between `first` and `last` (-1:
  // unknown), by `outlet` (nullptr: unknown), with unit vector `vec`.
  void TakeArticle(Story& story, int64_t first, int64_t last, const std::string* outlet,
                   const std::vector<TermWeight>& vec, const std::vector<uint64_t>& figures,
                   uint8_t weekdays) {
    ++story.size;
    story.weekdays |= weekdays;
    if (first >= 0) {
      story.first = story.first < 0 ? first : std::min(story.first, first);
      story.last = std::max(story.last, last);
    }
    if (outlet != nullptr && !HasOutlet(story, *outlet)) {
      story.outlets.insert(std::upper_bound(story.outlets.begin(), story.outlets.end(), *outlet),
                           *outlet);
    }
    if (options_.resumable) {
      cluster_internal::AddInto(story.centroid, vec, merged_);  // merged_: its capacity is reused
    }
    cluster_internal::UniteInto(story.figures, figures);
  }

  uint32_t Index(uint64_t term) {
    const uint32_t index = index_.FindOrAdd(term);
    if (index == entries_by_index_.size()) {
      entries_by_index_.emplace_back();
      entries_by_index_.back().term = term;
    }
    return index;
  }
  TermEntry& Entry(uint64_t term) { return entries_by_index_[Index(term)]; }

  bool InWindow(const Story& story, int64_t when) const {
    if (when < 0 || story.last < 0) return true;
    return when <= story.last + options_.window_seconds &&
           when >= story.first - options_.window_seconds;
  }

  static void SetClosest(Member& member, float closest) {
    member.closest = closest;
    member.inverse_closest = 1.0f / std::max(closest, kMinClosest);
  }
  static void SetClosestOutside(Member& member, float closest) {
    member.closest_outside = closest;
    member.inverse_closest_outside = 1.0f / std::max(closest, kMinClosest);
  }

  // The similarity of a scored member to the article being placed,
  // corrected for crowding in a batch (shift_ holds the article's part).
  float Similarity(const cluster_internal::ScoredMember& scored, const Member& member) const {
    return scored.dot * member.inverse_count + shift_ - crowding_weight_ * 0.5f * member.crowding;
  }
  // The article's part of the correction, the same against every member.
  float Shift(const Member& article) const {
    return crowding_weight_ * (mean_crowding_ - 0.5f * article.crowding);
  }
  // Below noise once corrected; uncorrected, the scorer has already dropped
  // those (a restored story's member by its summed dot product).
  bool Dropped(float sim) const { return crowding_weight_ > 0 && sim < kNoiseSimilarity; }

  static bool HasOutlet(const Story& story, const std::string& outlet) {
    return std::binary_search(story.outlets.begin(), story.outlets.end(), outlet);
  }

  ClusterOptions options_;
  // The crowding correction: kCrowdingWeight while a batch is placed, else
  // 0; the batch's mean crowding; the article's part (Shift()).
  float crowding_weight_ = 0;
  float mean_crowding_ = 0;
  float shift_ = 0;
  uint64_t documents_ = 0;
  cluster_internal::TermIndex index_;
  std::vector<TermEntry> entries_by_index_;
  std::vector<Member> members_;
  std::vector<Story> stories_;
  std::vector<Article> articles_;
  StoryId next_id_ = 1;
  // Scratch, reused from article to article.
  uint64_t stamp_ = 0;
  std::vector<TermWeight> vector_;
  std::vector<uint32_t> entries_;  // index of each term of vector_
  std::vector<Scratch> scratch_;  // per story
  cluster_internal::IndexScorer scorer_;
  std::vector<cluster_internal::ScoredMember> strong_;  // members at kNoiseSimilarity or more
  // By member, for an article alone in the story it started: the members
  // it met (similarity kNoiseSimilarity or more) before and after it was
  // added, for AttachLoneArticles. Empty for every other member.
  std::vector<std::vector<cluster_internal::ScoredMember>> lone_neighbours_;
  std::vector<TermWeight> merged_;
  std::vector<uint32_t> candidates_;
};

StoryClusterer::StoryClusterer(ClusterOptions options) : impl_(std::make_unique<Impl>(options)) {}
StoryClusterer::StoryClusterer(ClusterOptions options, const ClusterState& state)
    : impl_(std::make_unique<Impl>(options, state)) {}
StoryClusterer::~StoryClusterer() = default;
StoryClusterer::StoryClusterer(StoryClusterer&&) noexcept = default;
StoryClusterer& StoryClusterer::operator=(StoryClusterer&&) noexcept = default;

void StoryClusterer::CountTerms(const ArticleTerms& terms) { impl_->CountTerms(terms); }
StoryId StoryClusterer::Add(const ClusterDocument& doc) {
  return impl_->Add(doc, ExtractTerms(doc.title, doc.text), false);
}
StoryId StoryClusterer::AddTerms(const ClusterDocument& doc, const ArticleTerms& terms,
                                 bool counted) {
  return impl_->Add(doc, terms, counted);
}
void StoryClusterer::AddBatch(const std::vector<ClusterDocument>& docs,
                              std::vector<ArticleTerms>& terms, const std::vector<size_t>& order,
                              const BatchProgress& progress) {
  impl_->AddBatch(docs, terms, order, progress);
}
size_t StoryClusterer::AttachLoneArticles() { return impl_->AttachLoneArticles(); }
std::vector<Assignment> StoryClusterer::Assignments() const { return impl_->Assignments(); }
size_t StoryClusterer::article_count() const { return impl_->article_count(); }
size_t StoryClusterer::story_count() const { return impl_->story_count(); }
ClusterState StoryClusterer::State() const { return impl_->State(); }

}  // namespace parallax
