// DetectLanguage (libcld2) on invented sentences, and how ExtractArticle
// combines it with what a page declares.
#include <gtest/gtest.h>

#include <string>

#include "parallax/extract.h"

namespace parallax {
namespace {

TEST(DetectLanguage, English) {
  EXPECT_EQ(DetectLanguage("The harbour authority said on Tuesday that the evening ferry to "
                           "Skelda would not sail until the storm over the strait had passed."),
            "en");
}

TEST(DetectLanguage, French) {
  EXPECT_EQ(DetectLanguage("Le port a annoncé mardi que le ferry du soir pour Skelda ne "
                           "partirait pas avant la fin de la tempête sur le détroit."),
            "fr");
}

TEST(DetectLanguage, German) {
  EXPECT_EQ(DetectLanguage("Die Hafenbehörde teilte am Dienstag mit, dass die Abendfähre nach "
                           "Skelda erst nach dem Ende des Sturms wieder fahren werde."),
            "de");
}

TEST(DetectLanguage, RussianInCyrillic) {
  EXPECT_EQ(DetectLanguage("Управление порта сообщило во вторник, что вечерний паром до Скельды "
                           "не отправится, пока над проливом не утихнет шторм."),
            "ru");
}

TEST(DetectLanguage, Japanese) {
  EXPECT_EQ(DetectLanguage("港湾当局は火曜日、嵐が海峡を過ぎるまでスケルダ行きの夕方のフェリーは"
                           "出航しないと発表した。"),
            "ja");
}

TEST(DetectLanguage, EmptyOrTooShortTextGivesNothing) {
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("   \n\n "), "");
  EXPECT_EQ(DetectLanguage("Bonjour"), "");
  EXPECT_EQ(DetectLanguage("Photo: AP"), "");
  EXPECT_EQ(DetectLanguage("12 345 678"), "");
}

TEST(DetectLanguage, ReadsOnlyTheFirst64KB) {
  // Some 90 KB of English, then more Russian than that: only the English is
  // read. The cut falls inside nothing but ASCII here, so this checks the
  // cap, not the character-boundary rule (which the next test covers).
  std::string text;
  while (text.size() < 90'000) text += "The ferry to Skelda did not sail on Tuesday evening. ";
  std::string russian;
  while (russian.size() < 200'000) russian += "Паром до Скельды не отправился во вторник вечером. ";
  EXPECT_EQ(DetectLanguage(text + russian), "en");
  EXPECT_EQ(DetectLanguage(russian), "ru");
}

TEST(DetectLanguage, CapInsideACharacterAndInvalidUtf8AreHarmless) {
  // Two-byte Cyrillic letters throughout: the 64 KB cap falls inside one.
  std::string russian;
  while (russian.size() < 70'001) russian += "Паром до Скельды не отправился во вторник вечером. ";
  EXPECT_EQ(DetectLanguage(russian), "ru");
  // Not UTF-8 at all: no crash; an answer, if any, is a two-letter code.
  const std::string answer = DetectLanguage("caf\xE9 cr\xE8me \xFF\xFE and more words after it");
  EXPECT_TRUE(answer.empty() || answer.size() == 2) << answer;
}

RawDocument Page(const std::string& html) {
  RawDocument raw;
  raw.source = "page.html";
  raw.name = "page";
  raw.media_type = MediaType::kHtml;
  raw.bytes = html;
  return raw;
}

const char kEnglishBody[] =
    "<article><h1>Evening ferry to Skelda cancelled</h1>"
    "<p>The harbour authority said on Tuesday that the evening ferry to Skelda would not sail "
    "until the storm over the strait had passed.</p>"
    "<p>Passengers were offered places on the first crossing on Wednesday morning, and the "
    "waiting room at the terminal stayed open through the night.</p>"
    "<p>A spokeswoman for the authority said the decision had been taken on the advice of the "
    "coastguard, which recorded gusts of more than ninety kilometres an hour.</p></article>";

TEST(ExtractArticleLanguage, DetectedWhenThePageDeclaresNothing) {
  Result<Article> article =
      ExtractArticle(Page(std::string("<html><head><title>Ferry</title></head><body>") +
                          kEnglishBody + "</body></html>"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->language, "en");
}

TEST(ExtractArticleLanguage, ThePagesOwnDeclarationWins) {
  // A page that says it is Norwegian is believed, even over English prose:
  // the declaration is the editors' word, the detector only a guess.
  Result<Article> article =
      ExtractArticle(Page(std::string("<html lang=\"nb-NO\"><head><title>Ferry</title></head>"
                                      "<body>") +
                          kEnglishBody + "</body></html>"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->language, "nb");
}

TEST(ExtractArticleLanguage, PlainTextIsDetectedToo) {
  RawDocument raw;
  raw.source = "bericht.txt";
  raw.name = "bericht";
  raw.bytes =
      "Die Hafenbehörde teilte am Dienstag mit, dass die Abendfähre nach Skelda erst nach dem "
      "Ende des Sturms wieder fahren werde.\n"
      "Die Fahrgäste erhielten Plätze auf der ersten Überfahrt am Mittwochmorgen.\n";
  Result<Article> article = ExtractArticle(raw);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->language, "de");
}

}  // namespace
}  // namespace parallax
