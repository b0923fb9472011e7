// The calendar: days since 1970 both ways, real dates only, leap years.
#include <gtest/gtest.h>

#include "parallax/text.h"

namespace parallax {
namespace {

TEST(Calendar, DaysRoundTripAcrossErasAndLeapDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(CivilFromDays(0), "1970-01-01");
  EXPECT_EQ(CivilFromDays(-1), "1969-12-31");
  for (int64_t day = -700000; day < 2900000; day += 997) {  // years 0053 to 9909
    const std::string text = CivilFromDays(day);
    ASSERT_EQ(ParseDay(text), day) << text;
  }
  EXPECT_EQ(*ParseDay("2000-03-01") - *ParseDay("2000-02-28"), 2) << "2000 was a leap year";
  EXPECT_EQ(*ParseDay("1900-03-01") - *ParseDay("1900-02-28"), 1) << "1900 was not";
}

TEST(Calendar, OnlyRealDatesAreDays) {
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "26-11-26",
                          "2026/11/26", "2026-11-26T08:00", "", "abcd-ef-gh"}) {
    EXPECT_FALSE(ParseDay(bad).has_value()) << bad;
    EXPECT_FALSE(NextDay(bad).has_value()) << bad;
  }
  EXPECT_EQ(NextDay("2024-02-28"), "2024-02-29");
  EXPECT_EQ(NextDay("2026-12-31"), "2027-01-01");
}

}  // namespace
}  // namespace parallax
