// The option parsers the commands share: what they accept, and that they
// say what is wrong.
#include <gtest/gtest.h>

#include <string>

#include "cli/commands.h"

namespace parallax::cli {
namespace {

TEST(ParseDecimal, TakesNumbersInTheRangeAndNamesTheRangeOtherwise) {
  double v = -1;
  EXPECT_TRUE(ParseDecimal("cluster", "--window", "1.5", 0, false, 10, "days", &v));
  EXPECT_EQ(v, 1.5);
  EXPECT_TRUE(ParseDecimal("cluster", "--window", "10", 0, false, 10, "days", &v));
  EXPECT_EQ(v, 10.0);
  // The low end: excluded or included as asked.
  EXPECT_FALSE(ParseDecimal("cluster", "--window", "0", 0, false, 10, "days", &v));
  EXPECT_TRUE(ParseDecimal("dedup", "--threshold", "0.05", 0.05, true, 1, "a share", &v));
  EXPECT_EQ(v, 0.05);
  ::testing::internal::CaptureStderr();
  for (const char* bad : {"", "x", "1.5x", "10.01", "-1", "nan", "inf", "1e400"}) {
    v = -1;
    EXPECT_FALSE(ParseDecimal("cluster", "--window", bad, 0, false, 10, "days up to 10", &v))
        << bad;
    EXPECT_EQ(v, -1) << "changed on '" << bad << "'";
  }
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("parallax cluster: --window takes days up to 10, got '1.5x'"),
            std::string::npos)
      << err;
}

}  // namespace
}  // namespace parallax::cli
