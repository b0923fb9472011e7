// Tokenize, FoldCase, FindInvalidUtf8 and IsStopword on invented text.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parallax/text.h"

namespace parallax {
namespace {

std::vector<Token> TokensOf(std::string_view text) {
  return Tokenize(text, 0, static_cast<uint32_t>(text.size()));
}

// The surfaces of the tokens, cut from `text` by their offsets.
std::vector<std::string> Surfaces(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, text.size());
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(Tokenize, ApostrophesInsideWordsStayInTheWord) {
  const std::string text = "Dockers can\u2019t wait and won't stop, O\u2019Dowd said.";
  const std::vector<Token> tokens = TokensOf(text);
  EXPECT_EQ(Surfaces(text, tokens),
            (Strings{"Dockers", "can\u2019t", "wait", "and", "won't", "stop", ",", "O\u2019Dowd",
                     "said", "."}));
  ASSERT_EQ(tokens.size(), 10u);
  EXPECT_EQ(tokens[1].lower, "can't");  // typographic apostrophe folded
  EXPECT_EQ(tokens[1].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[4].lower, "won't");
  EXPECT_EQ(tokens[7].lower, "o'dowd");
  EXPECT_TRUE(tokens[7].capitalized);
}

TEST(Tokenize, PossessiveSIsATokenOfItsOwn) {
  // "Britain’s" is the name "Britain"; contractions such as "can’t" stay whole.
  const std::string text = "The port\u2019s owners and Emberly's mayor";
  const std::vector<Token> tokens = TokensOf(text);
  EXPECT_EQ(Surfaces(text, tokens),
            (Strings{"The", "port", "\u2019", "s", "owners", "and", "Emberly", "'", "s", "mayor"}));
  ASSERT_EQ(tokens.size(), 10u);
  EXPECT_EQ(tokens[1].lower, "port");
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[6].lower, "emberly");
  EXPECT_TRUE(tokens[6].capitalized);
}

TEST(Tokenize, ApostropheAtAWordEdgeIsPunctuation) {
  const std::string text = "the dockers\u2019 union";
  const std::vector<Token> tokens = TokensOf(text);
  EXPECT_EQ(Surfaces(text, tokens), (Strings{"the", "dockers", "\u2019", "union"}));
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunct);
}

TEST(Tokenize, HyphenatedWordsAreOneToken) {
  const std::string text = "a hard-left motion, a 48-hour strike and a well\u2010known - quiet - clerk";
  const std::vector<Token> tokens = TokensOf(text);
  EXPECT_EQ(Surfaces(text, tokens),
            (Strings{"a", "hard-left", "motion", ",", "a", "48-hour", "strike", "and", "a",
                     "well\u2010known", "-", "quiet", "-", "clerk"}));
  ASSERT_EQ(tokens.size(), 14u);
  EXPECT_EQ(tokens[9].lower, "well-known");  // U+2010 folded to '-'
  EXPECT_EQ(tokens[10].kind, TokenKind::kPunct);
}

TEST(Tokenize, NumbersKeepTheirSeparatorsButNotATrailingDot) {
  const std::string text = "Some 1,200 crew earn 3.5 per cent more in 2031.";
  const std::vector<Token> tokens = TokensOf(text);
  EXPECT_EQ(Surfaces(text, tokens),
            (Strings{"Some", "1,200", "crew", "earn", "3.5", "per", "cent", "more", "in", "2031", "."}));
  ASSERT_EQ(tokens.size(), 11u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].lower, "1,200");
  EXPECT_EQ(tokens[4].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[9].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[10].kind, TokenKind::kPunct);
  EXPECT_TRUE(tokens[1].stem.empty()) << "numbers get no stem";
}

TEST(Tokenize, CommaBetweenWordsAndNumbersSeparates) {
  const std::string text = "ships, 12, 30";
  EXPECT_EQ(Surfaces(text, TokensOf(text)), (Strings{"ships", ",", "12", ",", "30"}));
}

TEST(Tokenize, CapitalizedFlagFollowsTheFirstLetter) {
  const std::string text = "Harbour workers in Émberly met NPA staff";
  const std::vector<Token> tokens = TokensOf(text);
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].capitalized);
  EXPECT_TRUE(tokens[3].capitalized);  // É, a two-byte capital
  EXPECT_EQ(tokens[3].lower, "émberly");
  EXPECT_FALSE(tokens[4].capitalized);
  EXPECT_TRUE(tokens[5].capitalized);
  EXPECT_EQ(tokens[5].lower, "npa");
}

TEST(Tokenize, OffsetsAreRelativeToTheWholeTextWhenARangeIsGiven) {
  const std::string text = "First sentence. Zoë’d left Malmö.";
  const uint32_t begin = 16;  // "Zoë’d ..."
  const std::vector<Token> tokens = Tokenize(text, begin, static_cast<uint32_t>(text.size()));
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].begin, 16u);
  EXPECT_EQ(tokens[0].end, 16u + std::string("Zoë’d").size());  // 8 bytes
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Zoë’d");
  EXPECT_EQ(tokens[0].lower, "zoë'd");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "left");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "Malmö");
  EXPECT_EQ(tokens[2].end - tokens[2].begin, 6u);
  EXPECT_EQ(tokens[3].lower, ".");
  EXPECT_EQ(tokens[3].end, text.size());
}

TEST(Tokenize, RangeEndStopsTheLastWord) {
  const std::string text = "dockworkers";
  const std::vector<Token> tokens = Tokenize(text, 0, 4);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].end, 4u);
  EXPECT_EQ(tokens[0].lower, "dock");
}

TEST(Tokenize, WordsGetSnowballStems) {
  const std::string text = "Deportations resumed as ministers argued";
  const std::vector<Token> tokens = TokensOf(text);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].lower, "deportations");
  EXPECT_EQ(tokens[0].stem, "deport");
  EXPECT_EQ(tokens[1].stem, "resum");
  EXPECT_EQ(tokens[3].stem, "minist");
  EXPECT_EQ(tokens[4].stem, "argu");
  EXPECT_EQ(Stem("deportation"), "deport");
  EXPECT_EQ(Stem("deported"), "deport");
}

TEST(Tokenize, EmptyAndBlankRangesGiveNoTokens) {
  EXPECT_TRUE(TokensOf("").empty());
  EXPECT_TRUE(TokensOf(" \t\u00A0 ").empty());
}

TEST(FoldCase, FoldsTypographicApostrophesAndHyphens) {
  EXPECT_EQ(FoldCase("Dame Alice\u2019s"), "dame alice's");
  EXPECT_EQ(FoldCase("Dame Alice's"), FoldCase("dame alice\u2019s"));
  EXPECT_EQ(FoldCase("\u2018Quoted\u2019"), "'quoted'");
  EXPECT_EQ(FoldCase("hard\u2011left"), "hard-left");
}

TEST(FoldCase, LowerCasesBeyondAscii) {
  EXPECT_EQ(FoldCase("ÉCOLE"), "école");
  EXPECT_EQ(FoldCase("ŁÓDŹ"), "łódź");
  EXPECT_EQ(FoldCase("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(FoldCase("КИЇВ"), "київ");
  EXPECT_EQ(FoldCase("Port EMBERLY 42"), "port emberly 42");
}

TEST(FoldCase, LeavesOtherCharactersAlone) {
  EXPECT_EQ(FoldCase("“quote” — 3½ £"), "“quote” — 3½ £");
  EXPECT_EQ(FoldCase("\U0001F6A2 ship"), "\U0001F6A2 ship");
}

TEST(FindInvalidUtf8, ValidTextIsValid) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Zoë in Malmö \u2014 \u201Cyes\u201D"), std::string_view::npos);
  // A valid four-byte sequence (U+1F6A2 SHIP) and the largest code point.
  EXPECT_EQ(FindInvalidUtf8("ship \xF0\x9F\x9A\xA2!"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), std::string_view::npos);
}

TEST(FindInvalidUtf8, OverlongFormsAreInvalid) {
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xC0\xAF", 4)), 2u);         // '/' in two bytes
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xC1\xBF", 4)), 2u);
  EXPECT_EQ(FindInvalidUtf8(std::string("x\xE0\x80\xAF", 4)), 1u);      // '/' in three bytes
  EXPECT_EQ(FindInvalidUtf8(std::string("xy\xF0\x80\x80\xAF", 6)), 2u);  // '/' in four bytes
}

TEST(FindInvalidUtf8, SurrogatesAreInvalid) {
  EXPECT_EQ(FindInvalidUtf8("ok \xED\xA0\x80"), 3u);  // U+D800
  EXPECT_EQ(FindInvalidUtf8("\xED\xBF\xBF"), 0u);     // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), std::string_view::npos);  // U+D7FF is fine
}

TEST(FindInvalidUtf8, TruncatedSequencesAreInvalid) {
  EXPECT_EQ(FindInvalidUtf8("end \xE2\x80"), 4u);           // at the end of the text
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x9A then more"), 0u);  // cut short by ASCII
  EXPECT_EQ(FindInvalidUtf8("\xC3"), 0u);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3 au lait"), 3u);
}

TEST(FindInvalidUtf8, StrayAndImpossibleBytesAreInvalid) {
  EXPECT_EQ(FindInvalidUtf8("a\x80z"), 1u);               // lone continuation byte
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);      // above U+10FFFF by lead byte
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);      // U+110000
  EXPECT_EQ(FindInvalidUtf8("Zoë \xE9t\xE9"), 5u);         // Latin-1 inside UTF-8
}

TEST(DecodeUtf8, ReplacesABadByteAndMovesOn) {
  const std::string text = "a\xFFÖ";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), U'a');
  EXPECT_EQ(DecodeUtf8(text, pos), U'\uFFFD');
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(DecodeUtf8(text, pos), U'Ö');
  EXPECT_EQ(pos, text.size());
}

TEST(IsStopword, FunctionWordsAreStopwords) {
  for (const char* w : {"the", "of", "and", "a", "is", "were", "they", "it's"}) {
    EXPECT_TRUE(IsStopword(w)) << w;
  }
}

TEST(IsStopword, ContentWordsAreNot) {
  for (const char* w : {"strike", "port", "minister", "harbour", "wages", "2031", "emberly"}) {
    EXPECT_FALSE(IsStopword(w)) << w;
  }
}

TEST(IsStopword, ExpectsFoldedInput) {
  // The argument is an already folded word: "The" is not looked up as "the".
  EXPECT_FALSE(IsStopword("The"));
  EXPECT_TRUE(IsStopword(FoldCase("The")));
}

TEST(IsStopword, AttributionVerbsAreStopwordsAsTheHeaderPromises) {
  // include/parallax/text.h: plain attribution verbs tell no fact.
  EXPECT_TRUE(IsStopword("said"));
  EXPECT_TRUE(IsStopword("says"));
  // A speech verb that carries meaning is not.
  EXPECT_FALSE(IsStopword("warned"));
}

}  // namespace
}  // namespace parallax
