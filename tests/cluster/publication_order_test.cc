// PublicationOrder: dated articles by time, in the places dated articles
// hold; undated ones stay where they are.
#include <gtest/gtest.h>

#include <vector>

#include "parallax/cluster.h"

namespace parallax {
namespace {

ClusterDocument At(int64_t published) {
  ClusterDocument d;
  d.published = published;
  return d;
}

TEST(PublicationOrder, DatedByTimeUndatedInPlace) {
  // A backfill (times 50, 10) after a live feed (300, 200), an undated one between.
  const std::vector<ClusterDocument> docs = {At(300), At(-1), At(200), At(50), At(-1), At(10)};
  EXPECT_EQ(PublicationOrder(docs), (std::vector<size_t>{5, 1, 3, 2, 4, 0}));
  EXPECT_EQ(PublicationOrder({At(7), At(7), At(7)}), (std::vector<size_t>{0, 1, 2})) << "stable for ties";
  EXPECT_TRUE(PublicationOrder({}).empty());
}

}  // namespace
}  // namespace parallax
