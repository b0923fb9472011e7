// SplitSentences on invented news prose: abbreviations, initials, quotes,
// ellipses, exact byte offsets and multibyte UTF-8.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/text.h"

namespace parallax {
namespace {

// The sentences as substrings of `text`, checking every span lies within it.
std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : SplitSentences(text)) {
    EXPECT_LT(begin, end);
    EXPECT_LE(end, text.size());
    if (begin >= end || end > text.size()) continue;
    out.emplace_back(text.substr(begin, end - begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SplitSentences, DottedHonorificsAndAbbreviationsDoNotEndASentence) {
  const std::string text =
      "Dr. Imke Falster met Mr. Odo Brandvik at St. Wenna's infirmary on Friday. "
      "The U.S. envoy to Tarvany arrived an hour later.";
  EXPECT_EQ(Sentences(text),
            (Strings{"Dr. Imke Falster met Mr. Odo Brandvik at St. Wenna's infirmary on Friday.",
                     "The U.S. envoy to Tarvany arrived an hour later."}));
}

TEST(SplitSentences, HonorificsWithoutDotsNeedNoSpecialCase) {
  const std::string text = "Mr Brandvik declined to comment. Ms Falster said the talks would resume.";
  EXPECT_EQ(Sentences(text), (Strings{"Mr Brandvik declined to comment.",
                                      "Ms Falster said the talks would resume."}));
}

TEST(SplitSentences, InitialsDoNotEndASentence) {
  const std::string text =
      "The letter was signed by J. R. Holloway, the harbour master. It ran to 40 pages.";
  EXPECT_EQ(Sentences(text), (Strings{"The letter was signed by J. R. Holloway, the harbour master.",
                                      "It ran to 40 pages."}));
}

TEST(SplitSentences, SentenceEndingInsideCurlyQuotesKeepsTheClosingMark) {
  const std::string text = "\u201CWe will not move from this gate now.\u201D She left the quay.";
  EXPECT_EQ(Sentences(text), (Strings{"\u201CWe will not move from this gate now.\u201D",
                                      "She left the quay."}));
}

TEST(SplitSentences, SentenceEndingInsideStraightQuotesKeepsTheClosingMark) {
  const std::string text = "He said: \"The gates stay shut.\" Nobody argued.";
  EXPECT_EQ(Sentences(text), (Strings{"He said: \"The gates stay shut.\"", "Nobody argued."}));
}

TEST(SplitSentences, QuestionInsideQuoteFollowedByLowerCaseAttributionIsOneSentence) {
  const std::string text = "\u201CWho pays for the repairs?\u201D she asked. The council did not reply.";
  EXPECT_EQ(Sentences(text), (Strings{"\u201CWho pays for the repairs?\u201D she asked.",
                                      "The council did not reply."}));
}

TEST(SplitSentences, EllipsisEndsASentenceBeforeACapital) {
  EXPECT_EQ(Sentences("The vote was close\u2026 Then the doors opened."),
            (Strings{"The vote was close\u2026", "Then the doors opened."}));
  EXPECT_EQ(Sentences("The vote was close... Then the doors opened."),
            (Strings{"The vote was close...", "Then the doors opened."}));
}

TEST(SplitSentences, EllipsisBeforeLowerCaseDoesNotSplit) {
  const std::string text = "We wait... and we see what the board decides.";
  EXPECT_EQ(Sentences(text), (Strings{text}));
}

TEST(SplitSentences, QuestionAndExclamationMarksEndSentences) {
  const std::string text = "Is the bridge safe? Nobody knows! The inspection continues?! Yes.";
  EXPECT_EQ(Sentences(text), (Strings{"Is the bridge safe?", "Nobody knows!",
                                      "The inspection continues?!", "Yes."}));
}

TEST(SplitSentences, NoSplitBeforeLowerCase) {
  const std::string text = "Turnout was put at 41.5 per cent. officials blamed the storm.";
  EXPECT_EQ(Sentences(text), (Strings{text}));
}

TEST(SplitSentences, DigitsAndOpeningQuotesCanStartASentence) {
  EXPECT_EQ(Sentences("The motion passed. 212 members backed it."),
            (Strings{"The motion passed.", "212 members backed it."}));
  EXPECT_EQ(Sentences("The motion passed. \u201CA good day,\u201D one member said."),
            (Strings{"The motion passed.", "\u201CA good day,\u201D one member said."}));
}

TEST(SplitSentences, DecimalPointsAndDotsWithoutSpaceDoNotSplit) {
  const std::string text = "Fares rose 3.5 per cent, the board at tarvany.gov said.";
  EXPECT_EQ(Sentences(text), (Strings{text}));
}

TEST(SplitSentences, OffsetsAreExactBytesWithWhiteSpaceTrimmed) {
  const std::string text = "  First one.   Second one!  ";
  const auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (std::pair<uint32_t, uint32_t>{2, 12}));
  EXPECT_EQ(spans[1], (std::pair<uint32_t, uint32_t>{15, 26}));
  EXPECT_EQ(text.substr(2, 10), "First one.");
  EXPECT_EQ(text.substr(15, 11), "Second one!");
}

TEST(SplitSentences, OffsetsCountBytesOfMultibyteText) {
  // "Zoë" and "Malmö" hold two-byte letters; the second sentence opens with
  // a two-byte capital (É) and the third with one (Ł).
  const std::string text = "Zoë Brandt reached Malmö at dawn. Émile met her. Łukasz did not.";
  const auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  const std::string first = "Zoë Brandt reached Malmö at dawn.";
  EXPECT_EQ(spans[0].first, 0u);
  EXPECT_EQ(spans[0].second, first.size());  // 35 bytes, 33 characters
  EXPECT_EQ(first.size(), 35u);
  EXPECT_EQ(spans[1].first, first.size() + 1);
  EXPECT_EQ(text.substr(spans[1].first, spans[1].second - spans[1].first), "Émile met her.");
  EXPECT_EQ(text.substr(spans[2].first, spans[2].second - spans[2].first), "Łukasz did not.");
  EXPECT_EQ(spans[2].second, text.size());
}

TEST(SplitSentences, NoBreakSpaceSeparatesSentences) {
  const std::string text = "The ferry sailed.\u00A0The port reopened.";
  EXPECT_EQ(Sentences(text), (Strings{"The ferry sailed.", "The port reopened."}));
}

TEST(SplitSentences, EmptyAndBlankParagraphsGiveNoSentences) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences("   ").empty());
}

TEST(SplitSentences, TextWithoutTerminalPunctuationIsOneSentence) {
  const std::string text = "Harbour strike enters its second day";
  EXPECT_EQ(Sentences(text), (Strings{text}));
}

TEST(SplitSentences, TextWithoutSentenceEndsIsCutAtSpacesIntoBoundedPieces) {
  // 20,000 words and not one full stop: a list, a feed, a broken page.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += (i % 7 ? "quay " : "Émile ");
  text.pop_back();
  const auto spans = SplitSentences(text);
  ASSERT_GT(spans.size(), 50u);
  size_t covered = 0;
  uint32_t previous_end = 0;
  for (const auto& [begin, end] : spans) {
    EXPECT_LE(end - begin, 1500u);
    EXPECT_GE(begin, previous_end);
    // Cut between words: a piece starts and ends at a word's edge.
    EXPECT_NE(text[begin], ' ');
    EXPECT_NE(text[end - 1], ' ');
    EXPECT_TRUE(end == text.size() || text[end] == ' ') << end;
    covered += end - begin;
    previous_end = end;
  }
  EXPECT_EQ(previous_end, text.size());
  EXPECT_GT(covered, text.size() * 99 / 100) << "only the spaces at the cuts are left out";
  // One word longer than the bound is cut between characters, never inside one.
  std::string word;
  for (int i = 0; i < 1000; ++i) word += "\u00E9";
  for (const auto& [begin, end] : SplitSentences(word)) {
    EXPECT_EQ((begin % 2), 0u);
    EXPECT_EQ((end % 2), 0u);
  }
}

TEST(SplitSentences, ALongSentenceUnderTheBoundIsWhole) {
  std::string text = "The council";
  while (text.size() < 1400) text += " and the harbour";
  text += " met.";
  EXPECT_EQ(Sentences(text), Strings{text});
}

}  // namespace
}  // namespace parallax
