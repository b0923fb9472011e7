// After a pass: copies, stories, search index; and the health of feeds.
#include "follow/stories.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/dedup.h"

namespace parallax {

namespace follow_internal {

Status UpdateStories(Store& store, unsigned jobs, bool digest, PassReport& report) {
  Result<size_t> before = store.CountStories();
  if (!before.ok()) return before.status();
  report.stories_before = *before;
  Result<StoredDuplicates> copies = FindStoredDuplicates(store, DedupOptions{}, jobs);
  if (!copies.ok()) return copies.status();
  Status saved = store.ReplaceDuplicateGroups(copies->groups);
  if (!saved.ok()) return saved;
  report.duplicate_groups = copies->groups.size();
  Result<StoredClustering> run = ClusterStoredArticles(store, ClusterOptions{}, jobs, /*rebuild=*/false);
  if (!run.ok()) return run.status();
  if (!run->assignments.empty()) {
    saved = run->resumed ? store.AddStoryAssignments(run->assignments, run->state)
                         : store.SaveStoryAssignments(run->assignments, run->state);
    if (!saved.ok()) return saved;
  }
  if (digest) {
    Result<IndexReport> indexed = IndexStore(store, jobs);
    if (!indexed.ok()) return indexed.status();
  } else {
    Result<size_t> searchable = store.UpdateSearchIndex();
    if (!searchable.ok()) return searchable.status();
  }
  Result<size_t> after = store.CountStories();
  if (!after.ok()) return after.status();
  report.stories_after = *after;
  return Status::Ok();
}

}  // namespace follow_internal

Result<std::vector<FeedStatus>> FeedHealth(const Store& store, const OutletsFile& outlets, size_t days) {
  Result<std::vector<FeedState>> states = store.FeedStates();
  if (!states.ok()) return states.status();
  std::set<std::string> listed;
  for (const Outlet& outlet : outlets.outlets) {
    listed.insert(outlet.feeds.begin(), outlet.feeds.end());
    listed.insert(outlet.sitemaps.begin(), outlet.sitemaps.end());
  }
  std::vector<FeedStatus> out;
  std::set<std::string> seen;
  for (FeedState& state : *states) {
    FeedStatus status;
    // A sitemap an index listed is followed as long as its outlet is.
    status.in_outlets_file = listed.count(state.url) > 0 ||
                             (state.kind == "sitemap" && outlets.FindByName(state.outlet) != nullptr);
    Result<std::vector<FeedDay>> per_day = store.FeedArticlesPerDay(state.url, days);
    if (!per_day.ok()) return per_day.status();
    status.per_day = std::move(*per_day);
    seen.insert(state.url);
    status.state = std::move(state);
    out.push_back(std::move(status));
  }
  // Listed but never read yet: shown, so a user sees the file was taken in.
  for (const Outlet& outlet : outlets.outlets) {
    auto add = [&](const std::string& url, const char* kind) {
      if (seen.count(url) > 0) return;
      FeedStatus status;
      status.state.url = url;
      status.state.outlet = outlet.name;
      status.state.kind = kind;
      out.push_back(std::move(status));
    };
    for (const std::string& url : outlet.feeds) add(url, "feed");
    for (const std::string& url : outlet.sitemaps) add(url, "sitemap");
  }
  return out;
}

}  // namespace parallax
