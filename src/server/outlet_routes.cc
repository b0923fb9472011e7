// The outlet pages: /outlets lists every outlet; /outlets/NAME shows what
// one published lately, the stories it told and missed, and whom it quotes
// and in which words, week by week.
#include <httplib.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/outlets.h"
#include "parallax/report.h"
#include "parallax/store.h"
#include "server/internal.h"

namespace parallax::serving {

namespace {

// The latest articles a page reads: its lists, the time its "missed"
// stories are sought in, and what its weeks sum.
constexpr size_t kRecentArticles = 200;
// Stories read (most outlets first) in search of those it missed, and shown.
constexpr size_t kMissedStoriesRead = 5000;
constexpr size_t kMissedShown = 50;
// Voices and loaded words shown per week.
constexpr size_t kWeekTop = 8;
// Outlet names are short; a longer one is no outlet.
constexpr size_t kMaxNameBytes = 300;

std::string Signature(const std::vector<StoredArticle>& articles) {
  std::string signature = std::to_string(articles.size());
  for (const StoredArticle& a : articles) {
    signature += '\x1f';
    signature += a.article.id;
  }
  return signature;
}

// The outlet's weeks, made again only when its latest articles changed.
std::shared_ptr<const std::vector<WeekProfile>> Weeks(const OutletPages& context, const std::string& name,
                                                      const std::vector<StoredArticle>& recent) {
  std::string signature = Signature(recent);
  if (context.weeks != nullptr) {
    if (auto cached = context.weeks->Find(name, signature)) return cached;
  }
  std::vector<AnalyzedArticle> docs;
  docs.reserve(recent.size());
  for (const StoredArticle& stored : recent) docs.push_back(Analyze(stored.article));
  auto weeks = std::make_shared<const std::vector<WeekProfile>>(ProfileByWeek(docs, kWeekTop));
  if (context.weeks != nullptr) context.weeks->Put(name, std::move(signature), weeks);
  return weeks;
}

// Whether a story told without `name` counts as missed: enough other
// outlets told it and, when the outlet has a value of the group shown, at
// least one of them has another value ("missed what other groups covered").
bool Missed(const OutletPages& context, const StorySummary& story, const std::string& name,
            const std::string& own_value) {
  if (story.outlets.size() < kMissedMinOutlets) return false;
  if (std::find(story.outlets.begin(), story.outlets.end(), name) != story.outlets.end()) return false;
  if (own_value.empty()) return true;
  for (const std::string& other : story.outlets) {
    const Outlet* listed = context.outlets->FindByName(other);
    if (listed != nullptr && !listed->Group(context.group).empty() && listed->Group(context.group) != own_value) {
      return true;
    }
  }
  return false;
}

// The stories of [since, now) that at least kMissedMinOutlets outlets told
// and `name` did not, most outlets first. Stories are read most outlets
// first, so the search stops at the first story told by too few.
Status FindMissed(const OutletPages& context, const Store& store, OutletPage& page) {
  StoryQuery query;
  query.order = StoryOrder::kMostOutletsRecent;
  query.from = page.missed_since;
  query.limit = 500;
  const std::string own_value =
      page.listed && !context.group.empty() ? std::string(page.listed->Group(context.group)) : std::string();
  for (bool more = true; more && query.offset < kMissedStoriesRead && page.missed.size() < kMissedShown;
       query.offset += query.limit) {
    Result<std::vector<StorySummary>> stories = store.ListStories(query);
    if (!stories.ok()) return stories.status();
    more = stories->size() == query.limit;
    for (StorySummary& story : *stories) {
      if (story.outlets.size() < kMissedMinOutlets) {
        more = false;
        break;
      }
      if (!Missed(context, story, page.outlet.name, own_value)) continue;
      page.missed.push_back(std::move(story));
      if (page.missed.size() == kMissedShown) break;
    }
  }
  if (context.outlets != nullptr && !context.group.empty()) {
    for (const StorySummary& story : page.missed) {
      page.missed_coverage.push_back(CoverageByGroup(*context.outlets, context.group, story.outlets));
    }
  }
  return Status::Ok();
}

// The stories of the articles, the latest first, each once.
Result<std::vector<StorySummary>> StoriesOf(const Store& store, const std::vector<StoredArticle>& articles) {
  std::vector<int64_t> ids;
  std::unordered_set<int64_t> seen;
  for (const StoredArticle& a : articles) {
    if (a.story != 0 && seen.insert(a.story).second) ids.push_back(a.story);
  }
  return store.StoriesById(ids);
}

}  // namespace

void ServeOutletList(const OutletPages& context, const httplib::Request& request, httplib::Response& response,
                     bool json) {
  Result<Store*> store = ThreadStore(context.db);
  Result<std::vector<OutletSummary>> outlets = store.ok() ? (*store)->ListOutlets()
                                                          : Result<std::vector<OutletSummary>>(store.status());
  if (!outlets.ok()) return SendInternalError(request, response, outlets.status(), "The outlets could not be read");
  OutletsPage page;
  page.html = PageOptions();
  page.outlets = std::move(*outlets);
  if (context.outlets != nullptr) {
    page.group_label = context.group;
    for (const OutletSummary& o : page.outlets) {
      const Outlet* listed = context.outlets->FindByName(o.name);
      page.group_values.push_back(listed != nullptr && !context.group.empty() ? std::string(listed->Group(context.group))
                                                                              : std::string());
    }
    for (const Outlet& listed : context.outlets->outlets) {
      const bool stored = std::any_of(page.outlets.begin(), page.outlets.end(),
                                      [&](const OutletSummary& o) { return o.name == listed.name; });
      if (!stored) page.without_articles.push_back(listed.name);
    }
  }
  if (json) {
    response.set_content(RenderOutletsJson(page), "application/json");
  } else {
    response.set_content(RenderOutletsHtml(page), "text/html; charset=utf-8");
  }
}

void ServeOutlet(const OutletPages& context, const httplib::Request& request, httplib::Response& response,
                 bool json) {
  const std::string name = request.matches[1];
  if (name.empty() || name.size() > kMaxNameBytes) return SendError(request, response, 404, "No such outlet");
  Result<Store*> opened = ThreadStore(context.db);
  if (!opened.ok()) return SendInternalError(request, response, opened.status(), "The outlet could not be read");
  const Store& store = **opened;
  OutletPage page;
  page.html = PageOptions();
  page.group_label = context.group;
  const Outlet* listed = context.outlets != nullptr ? context.outlets->FindByName(name) : nullptr;
  if (listed != nullptr) page.listed = *listed;
  Result<OutletSummary> summary = store.DescribeOutlet(name);
  if (!summary.ok()) return SendInternalError(request, response, summary.status(), "The outlet could not be read");
  if (summary->articles == 0 && listed == nullptr) return SendError(request, response, 404, "No such outlet");
  page.outlet = std::move(*summary);
  Result<std::vector<StoredArticle>> recent = store.OutletArticles(name, kRecentArticles);
  if (!recent.ok()) return SendInternalError(request, response, recent.status(), "The outlet could not be read");
  page.recent = std::move(*recent);
  Result<std::vector<StorySummary>> covered = StoriesOf(store, page.recent);
  if (!covered.ok()) return SendInternalError(request, response, covered.status(), "The outlet could not be read");
  page.covered = std::move(*covered);
  // The time its latest articles span: what it missed is sought there.
  for (const StoredArticle& a : page.recent) {
    if (!a.article.published.empty()) page.missed_since = a.article.published.substr(0, 10);
  }
  if (!page.recent.empty()) {
    if (Status s = FindMissed(context, store, page); !s.ok()) {
      return SendInternalError(request, response, s, "The outlet could not be read");
    }
  }
  for (std::vector<StorySummary>* stories : {&page.covered, &page.missed}) {
    if (Status s = FillVoices(store, *stories); !s.ok()) {
      return SendInternalError(request, response, s, "The outlet could not be read");
    }
  }
  page.weeks = *Weeks(context, name, page.recent);
  if (json) {
    response.set_content(RenderOutletJson(page), "application/json");
  } else {
    response.set_content(RenderOutletHtml(page), "text/html; charset=utf-8");
  }
}

}  // namespace parallax::serving
