// ClusterStoredArticles: the stories of the stored articles, the pipeline
// of `parallax cluster --db`.
#include <string>
#include <utility>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/store.h"
#include "parallax/term_extraction.h"

namespace parallax {

Result<StoredClustering> ClusterStoredArticles(const Store& store, const ClusterOptions& options, unsigned jobs,
                                               bool rebuild, const std::function<void(size_t read)>& reading,
                                               const StoryClusterer::BatchProgress& clustering) {
  Result<ClusterState> saved = store.LoadClusterState();
  if (!saved.ok()) return saved.status();
  StoredClustering out;
  // Without a saved state (the first run, or stories saved by other means),
  // or when asked to rebuild, every article is clustered and the stories
  // replaced: the run is then what a file of the whole corpus would give.
  out.resumed = !rebuild && (saved->documents > 0 || !saved->stories.empty());
  TermExtraction extraction(jobs);
  auto collect = [&](const Article& article) {
    // As the clusterer reads a JSON line: the title, and the body one
    // paragraph a line.
    ClusterDocument doc;
    doc.id = article.id;
    doc.title = article.title;
    doc.outlet = article.outlet;
    doc.text = BodyText(article);
    if (!article.published.empty()) {
      const Result<int64_t> when = ParsePublishedTime(article.published);
      if (when.ok()) {
        doc.published = *when;
      } else {
        out.undated.emplace_back(article.id, when.status().message());
      }
    }
    extraction.Add(std::move(doc));
    if (reading && extraction.size() % 1024 == 0) reading(extraction.size());
    return true;
  };
  const Status read = out.resumed ? store.ForEachUnclusteredArticle(collect) : store.ForEachArticle(collect);
  std::vector<ClusterDocument> docs;
  std::vector<ArticleTerms> terms;
  extraction.Finish(docs, terms);
  if (!read.ok()) return read;
  if (docs.empty()) return out;

  StoryClusterer clusterer = out.resumed ? StoryClusterer(options, *saved) : StoryClusterer(options);
  out.stories_before = clusterer.story_count();
  for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
  // One batch in publication order, which also gives the lone articles
  // their second look.
  clusterer.AddBatch(docs, terms, PublicationOrder(docs), clustering);
  out.assignments.reserve(docs.size());
  for (Assignment& a : clusterer.Assignments()) {
    out.assignments.emplace_back(std::move(a.article_id), std::to_string(a.story));
  }
  out.stories_after = clusterer.story_count();
  out.state = clusterer.State();
  return out;
}

}  // namespace parallax
