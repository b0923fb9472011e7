// PublicationOrder: the order a batch of articles joins stories in.
#include <algorithm>
#include <vector>

#include "parallax/cluster.h"

namespace parallax {

std::vector<size_t> PublicationOrder(const std::vector<ClusterDocument>& docs) {
  std::vector<size_t> order(docs.size());
  std::vector<size_t> dated;
  for (size_t i = 0; i < docs.size(); ++i) {
    order[i] = i;
    if (docs[i].published >= 0) dated.push_back(i);
  }
  std::vector<size_t> by_time = dated;
  std::stable_sort(by_time.begin(), by_time.end(),
                   [&](size_t a, size_t b) { return docs[a].published < docs[b].published; });
  for (size_t k = 0; k < dated.size(); ++k) order[dated[k]] = by_time[k];
  return order;
}

}  // namespace parallax
