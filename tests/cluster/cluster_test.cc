// The clusterer on invented articles: reports of one event by different
// outlets, in different words, share a story; another event does not; the
// time window and incremental additions work; and `parallax cluster` names
// bad lines by file and line.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "parallax/cluster.h"
#include "support/invented_news.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::Doc;
using testing::ThreeReportsOfEachEvent;

constexpr int64_t kDay = 24 * 3600;
constexpr int64_t kMonday = 1624233600;  // 2021-06-21T00:00:00Z

// Three outlets on an invented dock strike, worded differently.
std::vector<ClusterDocument> StrikeReports() {
  return {
      Doc("gazette-1", "Dock strike halts Emberly harbour",
          "Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks with the "
          "Northern Ports Authority collapsed. Nine container ships were left waiting offshore.",
          kMonday + kDay, "Gazette"),
      Doc("ledger-7", "Emberly port shut as dockers walk out over pay",
          "A walkout by dockers shut the port of Emberly on Tuesday, after the Northern Ports "
          "Authority and the union failed to agree on pay. Container ships queued offshore.",
          kMonday + kDay + 3600, "Ledger"),
      Doc("courier-3", "Union blames Northern Ports Authority for Emberly strike",
          "The dockers' union said the Northern Ports Authority forced Tuesday's strike at "
          "Emberly harbour by refusing a fair pay offer; cranes stood idle all day.",
          kMonday + kDay + 7200, "Courier"),
  };
}

// Two outlets on an invented, unrelated event, and some background news so
// that word frequencies look like a newsroom's.
std::vector<ClusterDocument> OtherNews() {
  return {
      Doc("gazette-2", "Valdmoor museum returns stolen bronze bell",
          "The Valdmoor city museum handed a bronze bell stolen in 1911 back to the village of "
          "Osterlin on Wednesday, ending a century-long dispute.",
          kMonday + 2 * kDay, "Gazette"),
      Doc("ledger-9", "Osterlin gets its bell back after a century",
          "A bronze bell taken from Osterlin in 1911 is home again: the Valdmoor museum returned "
          "it to the village at a ceremony on Wednesday.",
          kMonday + 2 * kDay + 600, "Ledger"),
      Doc("courier-5", "City council approves budget for new tram line",
          "The council voted on Monday to fund a tram line linking the university and the "
          "railway station.",
          kMonday, "Courier"),
      Doc("gazette-4", "Heatwave warning issued for the weekend",
          "Forecasters warned of temperatures above 35 degrees from Friday, urging people to "
          "drink water and avoid the midday sun.",
          kMonday + 3 * kDay, "Gazette"),
      Doc("ledger-2", "Local team wins cup final on penalties",
          "The home side won the regional cup on Sunday after a goalless draw, scoring all five "
          "penalties.",
          kMonday - kDay, "Ledger"),
  };
}

// Clusters as `parallax cluster` does: the batch's frequencies, then in order.
StoryClusterer ClusterBatch(const std::vector<ClusterDocument>& docs,
                            std::vector<StoryId>* stories) {
  StoryClusterer clusterer;
  std::vector<ArticleTerms> terms;
  for (const ClusterDocument& d : docs) terms.push_back(ExtractTerms(d.title, d.text));
  for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
  for (size_t i = 0; i < docs.size(); ++i) clusterer.AddCounted(docs[i], terms[i]);
  clusterer.AttachLoneArticles();  // as `parallax cluster` does after a batch
  for (const Assignment& a : clusterer.Assignments()) stories->push_back(a.story);
  return clusterer;
}

std::vector<ClusterDocument> Corpus() {
  std::vector<ClusterDocument> docs = OtherNews();
  for (ClusterDocument& d : StrikeReports()) docs.push_back(d);
  return docs;
}

TEST(StoryClusterer, ThreeOutletsOnOneEventShareAStory) {
  std::vector<StoryId> s;
  ClusterBatch(Corpus(), &s);
  // Corpus(): 0-1 the bell, 2-4 unrelated, 5-7 the strike.
  EXPECT_EQ(s[5], s[6]);
  EXPECT_EQ(s[5], s[7]);
  EXPECT_EQ(s[0], s[1]);
  EXPECT_NE(s[0], s[5]);
  for (size_t i : {2, 3, 4}) {
    for (size_t j = 0; j < s.size(); ++j) {
      if (j != i) {
        EXPECT_NE(s[i], s[j]) << i << " joined " << j;
      }
    }
  }
}

TEST(StoryClusterer, AssignmentsAreInInputOrderWithTheReturnedIds) {
  std::vector<StoryId> s;
  const std::vector<ClusterDocument> docs = Corpus();
  StoryClusterer clusterer = ClusterBatch(docs, &s);
  const std::vector<Assignment> a = clusterer.Assignments();
  ASSERT_EQ(a.size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(a[i].article_id, docs[i].id);
    EXPECT_EQ(a[i].story, s[i]);
  }
  EXPECT_EQ(s[0], 1u);  // numbered from 1 in the order they start
  EXPECT_EQ(clusterer.article_count(), docs.size());
  EXPECT_EQ(clusterer.story_count(), 5u);
}

TEST(StoryClusterer, AnArticleFarOutsideTheWindowStartsAStory) {
  std::vector<ClusterDocument> docs = Corpus();
  // The strike's third report, word for word, but dated a month later.
  ClusterDocument late = docs[7];
  late.id = "courier-late";
  late.published = kMonday + 30 * kDay;
  docs.push_back(late);
  std::vector<StoryId> s;
  ClusterBatch(docs, &s);
  EXPECT_NE(s.back(), s[7]);
  // Undated, the same text joins.
  docs.back().published = -1;
  s.clear();
  ClusterBatch(docs, &s);
  EXPECT_EQ(s.back(), s[7]);
}

TEST(StoryClusterer, TheWindowIsAnOption) {
  ClusterOptions wide;
  wide.window_seconds = 60 * kDay;
  StoryClusterer clusterer(wide);
  std::vector<ClusterDocument> docs = Corpus();
  ClusterDocument late = docs[7];
  late.id = "courier-late";
  late.published = kMonday + 30 * kDay;
  docs.push_back(late);
  std::vector<StoryId> s;
  for (const ClusterDocument& d : docs) s.push_back(clusterer.Add(d));
  EXPECT_EQ(s.back(), s[7]);
}

TEST(StoryClusterer, IncrementalAddJoinsTheExistingStory) {
  std::vector<StoryId> s;
  StoryClusterer clusterer = ClusterBatch(Corpus(), &s);
  const size_t stories_before = clusterer.story_count();
  const StoryId joined = clusterer.Add(
      Doc("herald-1", "Emberly strike enters second day",
          "Container ships are still waiting off Emberly as the dockers' strike over pay with "
          "the Northern Ports Authority goes on.",
          kMonday + 2 * kDay, "Herald"));
  EXPECT_EQ(joined, s[5]);
  EXPECT_EQ(clusterer.story_count(), stories_before);
  const StoryId fresh = clusterer.Add(
      Doc("herald-2", "Orchestra announces winter season",
          "The symphony orchestra will open its winter season with a new violin concerto.",
          kMonday + 2 * kDay, "Herald"));
  EXPECT_EQ(clusterer.story_count(), stories_before + 1);
  EXPECT_GT(fresh, s.back());
}

// A report of commuters queueing for ferries shares little with the first
// report of the bridge closure, so it starts a story alone; the fuller
// report that comes next joins the closure. Only afterwards does the
// queue report have a story it clearly belongs to.
std::vector<ClusterDocument> BridgeNews() {
  return {
      Doc("queues", "Commuters queue for extra ferries across the river",
          "Commuters queued for hours for the extra ferries across the river as the "
          "month-long closure began."),
      Doc("closure", "Varn bridge shut after girder fractures",
          "The Varn bridge closed on Tuesday after inspectors reported fractures in a steel "
          "girder."),
      Doc("month", "Varn bridge shut for a month, extra ferries for commuters",
          "The Varn bridge, closed on Tuesday after fractures were found in a steel girder, "
          "will stay shut for a month, and extra ferries will carry commuters across the "
          "river."),
  };
}

TEST(StoryClusterer, ALoneArticleJoinsTheStoryThatFormedAfterIt) {
  std::vector<ClusterDocument> docs = OtherNews();
  for (const ClusterDocument& d : BridgeNews()) docs.push_back(d);
  StoryClusterer clusterer;
  std::vector<ArticleTerms> terms;
  for (const ClusterDocument& d : docs) terms.push_back(ExtractTerms(d.title, d.text));
  for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
  std::vector<StoryId> added;
  for (size_t i = 0; i < docs.size(); ++i) added.push_back(clusterer.AddCounted(docs[i], terms[i]));
  const size_t queues = docs.size() - 3, closure = queues + 1, month = queues + 2;
  ASSERT_NE(added[queues], added[closure]);  // alone after the single pass
  ASSERT_EQ(added[closure], added[month]);
  const size_t stories_before = clusterer.story_count();

  EXPECT_EQ(clusterer.AttachLoneArticles(), 1u);
  const std::vector<Assignment> after = clusterer.Assignments();
  EXPECT_EQ(after[queues].story, added[closure]);
  for (size_t i = 0; i < queues; ++i) EXPECT_EQ(after[i].story, added[i]) << docs[i].id;
  EXPECT_EQ(clusterer.story_count(), stories_before - 1);
  // The emptied story is not saved; the sizes still add up.
  const ClusterState state = clusterer.State();
  EXPECT_EQ(state.stories.size(), clusterer.story_count());
  uint64_t members = 0;
  for (const StoryState& story : state.stories) {
    EXPECT_GT(story.size, 0u);
    members += story.size;
    if (story.id == added[closure]) {
      EXPECT_EQ(story.size, 3u);
    }
  }
  EXPECT_EQ(members, docs.size());
  // A second look finds nothing more to move.
  EXPECT_EQ(clusterer.AttachLoneArticles(), 0u);
}

TEST(StoryClusterer, AnEarlierRunsLoneArticleStaysWhereThatRunPutIt) {
  // The queue report alone in one run; the closure reports in the next.
  std::vector<ClusterDocument> first_batch = OtherNews();
  first_batch.push_back(BridgeNews()[0]);
  std::vector<StoryId> first_stories;
  const StoryClusterer first = ClusterBatch(first_batch, &first_stories);
  StoryClusterer resumed(ClusterOptions{}, first.State());
  for (const ClusterDocument& d : {BridgeNews()[1], BridgeNews()[2]}) resumed.Add(d);
  EXPECT_EQ(resumed.AttachLoneArticles(), 0u);
  bool queue_story_kept = false;
  for (const StoryState& story : resumed.State().stories) {
    if (story.id == first_stories.back()) queue_story_kept = story.size == 1;
  }
  EXPECT_TRUE(queue_story_kept);
}

// Two moderately similar reports join through the mutual test unless both
// cite figures, or name weekdays, and share none: then they are likely two
// events of one topic (last month's cargo figures and this month's).
std::vector<ClusterDocument> TwoCargoReports(const char* first_text, const char* second_text) {
  return {
      Doc("bg-1", "Council approves budget for new tram line",
          "The council voted on Monday to fund a tram line linking the university and the "
          "railway station."),
      Doc("bg-2", "Heatwave warning issued for the weekend",
          "Forecasters warned of temperatures above 35 degrees from Friday, urging people to "
          "drink water."),
      Doc("bg-3", "Local team wins cup final on penalties",
          "The home side won the regional cup on Sunday after a goalless draw, scoring all "
          "five penalties."),
      Doc("first", "Harbour cargo volumes fall again", first_text),
      Doc("second", "Port traffic slides again", second_text),
  };
}

std::pair<StoryId, StoryId> StoriesOfTwoCargoReports(const char* first_text,
                                                     const char* second_text) {
  std::vector<StoryId> stories;
  ClusterBatch(TwoCargoReports(first_text, second_text), &stories);
  return {stories[3], stories[4]};
}

TEST(StoryClusterer, ReportsCitingDifferentFiguresDoNotJoinOnAWeakMatch) {
  const char* first =
      "Cargo handled at Emberly harbour fell to 412,000 tonnes last month, the port authority "
      "said.";
  const auto same = StoriesOfTwoCargoReports(
      first, "Ships unloaded 412,000 tonnes at Emberly in the month, officials said.");
  EXPECT_EQ(same.first, same.second);
  const auto none = StoriesOfTwoCargoReports(
      first, "Ships unloaded fewer tonnes at Emberly in the month, officials said.");
  EXPECT_EQ(none.first, none.second);  // no figure: nothing to disagree on
  const auto other = StoriesOfTwoCargoReports(
      first, "Ships unloaded 398,000 tonnes at Emberly in the month, officials said.");
  EXPECT_NE(other.first, other.second);
}

TEST(StoryClusterer, ARestoredStoryKeepsItsFiguresAndWeekdays) {
  // The second report comes in a later run: the rules hold as in one run.
  auto second_story = [](const char* second_text) {
    const std::vector<ClusterDocument> docs = TwoCargoReports(
        "Cargo handled at Emberly harbour fell to 412,000 tonnes last month, the port "
        "authority said on Monday.",
        second_text);
    StoryClusterer first_run;
    std::vector<ArticleTerms> terms;
    for (const ClusterDocument& d : docs) terms.push_back(ExtractTerms(d.title, d.text));
    for (const ArticleTerms& t : terms) first_run.CountTerms(t);
    StoryId first = 0;
    for (size_t i = 0; i + 1 < docs.size(); ++i) first = first_run.AddCounted(docs[i], terms[i]);
    StoryClusterer second_run(ClusterOptions{}, first_run.State());
    return std::make_pair(first, second_run.AddCounted(docs.back(), terms.back()));
  };
  const auto same =
      second_story("Ships unloaded 412,000 tonnes at Emberly, officials said on Monday.");
  EXPECT_EQ(same.first, same.second);
  const auto figures =
      second_story("Ships unloaded 398,000 tonnes at Emberly, officials said on Monday.");
  EXPECT_NE(figures.first, figures.second);
  const auto weekdays =
      second_story("Ships unloaded 412,000 tonnes at Emberly, officials said on Tuesday.");
  EXPECT_NE(weekdays.first, weekdays.second);
}

TEST(StoryClusterer, ReportsNamingDifferentWeekdaysDoNotJoinOnAWeakMatch) {
  const char* first =
      "Cargo handled at Emberly harbour fell to 412,000 tonnes last month, the port authority "
      "said on Monday.";
  const auto same = StoriesOfTwoCargoReports(
      first, "Ships unloaded fewer tonnes at Emberly, officials said on Monday.");
  EXPECT_EQ(same.first, same.second);
  const auto none = StoriesOfTwoCargoReports(
      first, "Ships unloaded fewer tonnes at Emberly, officials said.");
  EXPECT_EQ(none.first, none.second);  // no day named: nothing to disagree on
  const auto other = StoriesOfTwoCargoReports(
      first, "Ships unloaded fewer tonnes at Emberly, officials said on Tuesday.");
  EXPECT_NE(other.first, other.second);
}

TEST(StoryClusterer, ResumesFromItsState) {
  std::vector<StoryId> s;
  const StoryClusterer first = ClusterBatch(Corpus(), &s);
  const ClusterState state = first.State();
  EXPECT_EQ(state.documents, Corpus().size());
  ASSERT_EQ(state.stories.size(), first.story_count());
  const StoryState* strike = nullptr;
  for (const StoryState& story : state.stories) {
    if (story.id == s[5]) strike = &story;
  }
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->size, 3u);
  EXPECT_EQ(strike->first_published, kMonday + kDay);
  EXPECT_EQ(strike->last_published, kMonday + kDay + 7200);
  EXPECT_EQ(strike->outlets, (std::vector<std::string>{"Courier", "Gazette", "Ledger"}));
  EXPECT_FALSE(strike->centroid.empty());

  StoryClusterer resumed(ClusterOptions{}, state);
  EXPECT_EQ(resumed.story_count(), first.story_count());
  EXPECT_EQ(resumed.article_count(), 0u);  // only stories are restored
  EXPECT_EQ(resumed.Add(Doc("herald-1", "Emberly strike enters second day",
                            "Container ships are still waiting off Emberly as the dockers' strike "
                            "over pay with the Northern Ports Authority goes on.",
                            kMonday + 2 * kDay, "Herald")),
            s[5]);
  const StoryId fresh = resumed.Add(Doc("herald-2", "Orchestra announces winter season",
                                        "The symphony orchestra will open its winter season.",
                                        kMonday + 2 * kDay));
  EXPECT_GT(fresh, s.back());  // new ids go on after the restored ones
}

TEST(StoryClusterer, OutputDoesNotDependOnWhereTermsWereComputed) {
  // Add() computes the terms itself; AddTerms with ExtractTerms is the same.
  const std::vector<ClusterDocument> docs = Corpus();
  StoryClusterer a, b;
  for (const ClusterDocument& d : docs) {
    EXPECT_EQ(a.Add(d), b.AddTerms(d, ExtractTerms(d.title, d.text), false));
  }
}

TEST(StoryClusterer, TwoThreadsGiveTheSameStoriesAsOne) {
  // Every report also uses 25 of 50 common words, so those words' postings
  // fill up and wrap, and each article walks over 20,000 postings: enough
  // for the scorer to hand half of the walk to the helper thread
  // (kSplitPostings).
  const std::vector<ClusterDocument> docs = ThreeReportsOfEachEvent(1000, 25, 50, 17);
  std::vector<ArticleTerms> terms;
  for (const ClusterDocument& d : docs) terms.push_back(ExtractTerms(d.title, d.text));
  auto cluster = [&](unsigned threads) {
    ClusterOptions options;
    options.threads = threads;
    StoryClusterer clusterer(options);
    for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
    for (size_t i = 0; i < docs.size(); ++i) clusterer.AddCounted(docs[i], terms[i]);
    clusterer.AttachLoneArticles();
    std::vector<StoryId> stories;
    for (const Assignment& a : clusterer.Assignments()) stories.push_back(a.story);
    return std::make_pair(stories, clusterer.story_count());
  };
  const auto one = cluster(1);
  const auto two = cluster(2);
  EXPECT_EQ(one.first, two.first);
  EXPECT_EQ(one.second, two.second);
  // Not a degenerate clustering: most events are found.
  EXPECT_GT(one.second, 700u);
  EXPECT_LT(one.second, 1600u);
}

TEST(StoryClusterer, WithoutResumingTheStoriesAreTheSameAndNoCentroidIsKept) {
  const std::vector<ClusterDocument> docs = ThreeReportsOfEachEvent(200, 12, 40, 5);
  auto cluster = [&](bool resumable) {
    ClusterOptions options;
    options.resumable = resumable;
    StoryClusterer clusterer(options);
    for (const ClusterDocument& d : docs) clusterer.Add(d);
    clusterer.AttachLoneArticles();
    std::vector<StoryId> stories;
    for (const Assignment& a : clusterer.Assignments()) stories.push_back(a.story);
    return std::make_pair(stories, clusterer.State());
  };
  const auto [kept_stories, kept_state] = cluster(true);
  const auto [plain_stories, plain_state] = cluster(false);
  EXPECT_EQ(kept_stories, plain_stories);
  ASSERT_EQ(kept_state.stories.size(), plain_state.stories.size());
  EXPECT_GT(kept_state.stories.size(), 100u);  // not one story of everything
  size_t kept_terms = 0, plain_terms = 0;
  for (size_t s = 0; s < kept_state.stories.size(); ++s) {
    EXPECT_EQ(kept_state.stories[s].size, plain_state.stories[s].size);
    kept_terms += kept_state.stories[s].centroid.size();
    plain_terms += plain_state.stories[s].centroid.size();
  }
  EXPECT_GT(kept_terms, 0u);
  EXPECT_EQ(plain_terms, 0u);
}

class ClusterCli : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const { return dir_ / name; }
  void Write(const std::string& name, const std::string& bytes) const {
    testing::WriteFile(Path(name), bytes);
  }
  testing::RunResult Parallax(const std::vector<std::string>& args) const {
    return testing::RunParallax(dir_, args);
  }

  // One JSON line per document.
  static std::string Lines(const std::vector<ClusterDocument>& docs) {
    std::string out;
    for (const ClusterDocument& d : docs) {
      out += "{\"id\": \"" + d.id + "\", \"title\": \"" + d.title + "\", \"text\": \"" + d.text +
             "\", \"outlet\": \"" + d.outlet + "\"}\n";
    }
    return out;
  }

  testing::TempDir dir_;
};

TEST_F(ClusterCli, PrintsTheStoryOfEveryArticle) {
  Write("in.jsonl", Lines(Corpus()));
  const testing::RunResult r = Parallax({"cluster", Path("in.jsonl")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<StoryId> s;
  ClusterBatch(Corpus(), &s);
  std::string expected;
  const std::vector<ClusterDocument> docs = Corpus();
  for (size_t i = 0; i < docs.size(); ++i) expected += docs[i].id + "\t" + std::to_string(s[i]) + "\n";
  EXPECT_EQ(r.out, expected);
  // More threads, same output.
  const testing::RunResult jobs = Parallax({"cluster", "--jobs", "3", "--stats", Path("in.jsonl")});
  EXPECT_EQ(jobs.exit_code, 0) << jobs.err;
  EXPECT_EQ(jobs.out, expected);
  EXPECT_NE(jobs.err.find("8 articles, 5 stories"), std::string::npos) << jobs.err;
}

TEST_F(ClusterCli, AnInputWithoutArticlesIsSaidSo) {
  Write("empty.jsonl", "");
  testing::RunResult r = Parallax({"cluster", Path("empty.jsonl")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no articles read from 1 input"), std::string::npos) << r.err;
  // Nothing usable is a failure of the input, and says both.
  Write("junk.jsonl", "not json\n{\"text\": \"no id\"}\n");
  r = Parallax({"cluster", "--jobs", "2", Path("junk.jsonl")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("junk.jsonl:1: not a JSON object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no articles read"), std::string::npos) << r.err;
}

// One pass, so order matters: a report that comes first in the file but was
// published last must not be judged before the story exists. Here the
// file's order (day 6, day 1, day 3.5) would put the day-6 report more than
// the window from the day-1 one; in publication order each is within
// three days of the story's latest report, so all three share it.
TEST_F(ClusterCli, DatedArticlesAreTakenInPublicationOrder) {
  const std::vector<ClusterDocument> r = StrikeReports();
  auto line = [](const ClusterDocument& d, const char* published) {
    return "{\"id\": \"" + d.id + "\", \"title\": \"" + d.title + "\", \"text\": \"" + d.text +
           "\", \"outlet\": \"" + d.outlet + "\", \"published\": \"" + published + "\"}\n";
  };
  Write("dated.jsonl", line(r[2], "2021-06-27T00:00:00Z") + line(r[0], "2021-06-22T00:00:00Z") +
                           line(r[1], "2021-06-24T12:00:00Z"));
  const testing::RunResult run = Parallax({"cluster", Path("dated.jsonl")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // Printed in input order; story 1 is the earliest report's.
  EXPECT_EQ(run.out, r[2].id + "\t1\n" + r[0].id + "\t1\n" + r[1].id + "\t1\n");
}

TEST_F(ClusterCli, BadLinesAreNamedByLineAndTheRestClustered) {
  const std::vector<ClusterDocument> docs = Corpus();
  std::string input = Lines({docs[5], docs[6]});                       // lines 1-2
  input += "{not json\n";                                              // 3
  input += "{\"title\": \"No id here\", \"text\": \"Some text.\"}\n";  // 4
  input += "{\"id\": \"empty-1\", \"title\": \"\", \"text\": \"\"}\n"; // 5
  input += Lines({docs[5]});                                           // 6: duplicate id
  input += "{\"id\": \"dated\", \"title\": \"Emberly dock strike\", \"text\": \"Dockers strike.\", "
           "\"published\": \"last Tuesday\"}\n";                       // 7
  input += Lines({docs[7]});                                           // 8
  Write("bad.jsonl", input);
  const testing::RunResult r = Parallax({"cluster", Path("bad.jsonl")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string file = Path("bad.jsonl");
  for (const std::string& expected :
       {file + ":3: ", file + ":4: ", file + ":5: ", file + ":6: duplicate id 'gazette-1'",
        file + ":7: published "}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  EXPECT_EQ(r.err.find(":1: "), std::string::npos) << r.err;
  // The usable lines (1, 2, 7, 8) are clustered, once each.
  EXPECT_EQ(r.out.find("gazette-1"), r.out.rfind("gazette-1"));
  for (const char* id : {"gazette-1\t", "ledger-7\t", "dated\t", "courier-3\t"}) {
    EXPECT_NE(r.out.find(id), std::string::npos) << id << "\n" << r.out;
  }
  EXPECT_EQ(r.out.find("empty-1"), std::string::npos);
}

TEST_F(ClusterCli, UsageErrors) {
  Write("in.jsonl", Lines(Corpus()));
  EXPECT_EQ(Parallax({"cluster"}).exit_code, 2);
  EXPECT_EQ(Parallax({"cluster", "--db", Path("x.db"), Path("in.jsonl")}).exit_code, 2);
  EXPECT_EQ(Parallax({"cluster", "--jobs", "many", Path("in.jsonl")}).exit_code, 2);
  EXPECT_EQ(Parallax({"cluster", "--window", "0", Path("in.jsonl")}).exit_code, 2);
  EXPECT_EQ(Parallax({"cluster", "--window", "-1", Path("in.jsonl")}).exit_code, 2);
  const testing::RunResult help = Parallax({"help", "cluster"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--window DAYS"), std::string::npos);
  const testing::RunResult missing = Parallax({"cluster", Path("missing.jsonl")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("missing.jsonl"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace parallax
