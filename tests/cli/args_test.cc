// The checks behind the commands' option validators: what they accept, and
// that they say what is wrong in words that follow the option's name
// ("--window: takes ...").
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "cli/commands.h"

namespace parallax::cli {
namespace {

TEST(ParseCount, TakesDigitsOnly) {
  unsigned long long n = 7;
  EXPECT_TRUE(ParseCount("0", &n));
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(ParseCount("18446744073709551615", &n));
  EXPECT_EQ(n, std::numeric_limits<unsigned long long>::max());
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "2x", "0x10", "18446744073709551616"}) {
    EXPECT_FALSE(ParseCount(bad, &n)) << bad;
  }
}

TEST(CheckDecimal, TakesNumbersInTheRangeAndNamesTheRangeOtherwise) {
  double v = -1;
  EXPECT_EQ(CheckDecimal("1.5", 0, false, 10, "days", &v), "");
  EXPECT_EQ(v, 1.5);
  EXPECT_EQ(CheckDecimal("10", 0, false, 10, "days", &v), "");
  EXPECT_EQ(v, 10.0);
  // The low end: excluded or included as asked.
  EXPECT_NE(CheckDecimal("0", 0, false, 10, "days", &v), "");
  EXPECT_EQ(CheckDecimal("0.05", 0.05, true, 1, "a share", &v), "");
  EXPECT_EQ(v, 0.05);
  for (const char* bad : {"", "x", "1.5x", "10.01", "-1", "nan", "inf", "1e400"}) {
    v = -1;
    EXPECT_EQ(CheckDecimal(bad, 0, false, 10, "days up to 10", &v),
              "takes days up to 10, got '" + std::string(bad) + "'");
    EXPECT_EQ(v, -1) << "changed on '" << bad << "'";
  }
}

TEST(CheckPositive, TakesWholeNumbersFromOneToTheMost) {
  EXPECT_EQ(CheckPositive("1", 5), "");
  EXPECT_EQ(CheckPositive("5", 5), "");
  EXPECT_EQ(CheckPositive("6", 5), "takes a whole number from 1 to 5, got '6'");
  EXPECT_EQ(CheckPositive("0", 5), "takes a whole number from 1 to 5, got '0'");
  // No upper end to name when there is none.
  const unsigned long long any = std::numeric_limits<unsigned long long>::max();
  EXPECT_EQ(CheckPositive("123456789012", any), "");
  EXPECT_EQ(CheckPositive("lots", any), "takes a whole number from 1, got 'lots'");
  EXPECT_EQ(CheckPositive("-3", any), "takes a whole number from 1, got '-3'");
}

TEST(CheckJobs, TakesZeroToTheMostThreads) {
  EXPECT_EQ(CheckJobs("0"), "");
  EXPECT_EQ(CheckJobs("1024"), "");
  for (const char* bad : {"1025", "-1", "two", ""}) {
    EXPECT_EQ(CheckJobs(bad), "takes a number of threads from 0 (one per core) to 1024, got '" +
                                  std::string(bad) + "'");
  }
}

TEST(CheckDatabasePath, TakesAnyNonEmptyPath) {
  EXPECT_EQ(CheckDatabasePath("news.db"), "");
  EXPECT_EQ(CheckDatabasePath("-"), "");
  EXPECT_EQ(CheckDatabasePath(""), "needs a file name");
}

TEST(CheckStoryId, TakesPositiveIdsThatFitAnInt64) {
  EXPECT_EQ(CheckStoryId("1"), "");
  EXPECT_EQ(CheckStoryId("9223372036854775807"), "");
  for (const char* bad : {"0", "-3", "4x", "9223372036854775808", ""}) {
    EXPECT_EQ(CheckStoryId(bad),
              "takes a story ID (a positive number from 'parallax stories'), got '" +
                  std::string(bad) + "'");
  }
}

}  // namespace
}  // namespace parallax::cli
