// The ids of a read: numbered in order, each once, the first line of a
// taken id reported, and every id readable back after the table grows.
#include "cli/id_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::cli {
namespace {

TEST(IdTable, NumbersIdsInOrderAndRefusesATakenOne) {
  IdTable ids;
  EXPECT_TRUE(ids.Add("harbour-gazette-1", 1).added);
  EXPECT_TRUE(ids.Add("valley-courier-7", 2).added);
  const IdTable::Added again = ids.Add("harbour-gazette-1", 5);
  EXPECT_FALSE(again.added);
  EXPECT_EQ(again.first_line, 1u);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], "harbour-gazette-1");
  EXPECT_EQ(ids[1], "valley-courier-7");
}

TEST(IdTable, KeepsEveryIdThroughGrowth) {
  IdTable ids;
  std::vector<std::string_view> first_views;
  for (int i = 0; i < 20000; ++i) {
    const std::string id = "story-" + std::to_string(i * 7919);
    ASSERT_TRUE(ids.Add(id, static_cast<uint64_t>(i) + 1).added) << id;
    if (i < 10) first_views.push_back(ids[static_cast<size_t>(i)]);
  }
  ASSERT_EQ(ids.size(), 20000u);
  for (int i = 0; i < 20000; ++i) {
    const std::string id = "story-" + std::to_string(i * 7919);
    EXPECT_EQ(ids[static_cast<size_t>(i)], id);
    const IdTable::Added again = ids.Add(id, 99999);
    EXPECT_FALSE(again.added);
    EXPECT_EQ(again.first_line, static_cast<uint64_t>(i) + 1);
  }
  // Views handed out early still read their ids: the text never moves.
  for (size_t i = 0; i < first_views.size(); ++i) EXPECT_EQ(first_views[i], ids[i]);
}

TEST(IdTable, TakesEmptyAndVeryLongIds) {
  IdTable ids;
  const std::string longer(3 << 20, 'x');  // past a chunk
  EXPECT_TRUE(ids.Add("", 1).added);
  EXPECT_TRUE(ids.Add(longer, 2).added);
  EXPECT_TRUE(ids.Add("short", 3).added);
  EXPECT_FALSE(ids.Add("", 4).added);
  EXPECT_FALSE(ids.Add(longer, 5).added);
  EXPECT_EQ(ids[1], longer);
  EXPECT_EQ(ids[2], "short");
}

}  // namespace
}  // namespace parallax::cli
