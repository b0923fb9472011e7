// Scores print as printf's "%.3f" prints them, ties and all.
#include "cli/decimal.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>

namespace parallax::cli {
namespace {

std::string Ours(double value) {
  char buffer[32];
  return std::string(buffer, FormatThreeDecimals(value, buffer));
}

std::string Printf(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

TEST(FormatThreeDecimals, MatchesPrintfOnScoresAndTies) {
  // Scores are ratios of hash counts; k / 2000 are the exact ties (0.0005,
  // 0.8125 ...) that round to even, and their neighbours one ulp away.
  for (int b = 1; b <= 300; ++b) {
    for (int a = 0; a <= b; ++a) {
      const double v = static_cast<double>(a) / b;
      ASSERT_EQ(Ours(v), Printf(v)) << a << "/" << b;
    }
  }
  for (int k = 0; k <= 2000; ++k) {
    const double v = k / 2000.0;
    for (const double w : {v, std::nextafter(v, 0.0), std::nextafter(v, 2.0)}) {
      if (w < 0.0 || w > 1.0) continue;
      ASSERT_EQ(Ours(w), Printf(w)) << w;
    }
  }
  EXPECT_EQ(Ours(0.8125), "0.812");  // a tie: to even
  EXPECT_EQ(Ours(0.0), "0.000");
  EXPECT_EQ(Ours(1.0), "1.000");
  EXPECT_EQ(Ours(5e-324), "0.000");
}

TEST(FormatThreeDecimals, MatchesPrintfOnRandomValues) {
  std::mt19937_64 random(20261206);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 200000; ++i) {
    const double v = unit(random);
    ASSERT_EQ(Ours(v), Printf(v)) << v;
  }
}

TEST(FormatThreeDecimals, LeavesOtherValuesToToChars) {
  EXPECT_EQ(Ours(2.5), Printf(2.5));
  EXPECT_EQ(Ours(-0.25), Printf(-0.25));
  EXPECT_EQ(Ours(123.4567), Printf(123.4567));
}

}  // namespace
}  // namespace parallax::cli
