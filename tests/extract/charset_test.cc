#include <gtest/gtest.h>

#include <string>

#include "parallax/extract.h"

namespace parallax {
namespace {

RawDocument Html(std::string bytes) {
  RawDocument raw;
  raw.bytes = std::move(bytes);
  raw.media_type = MediaType::kHtml;
  return raw;
}

RawDocument Text(std::string bytes) {
  RawDocument raw;
  raw.bytes = std::move(bytes);
  raw.media_type = MediaType::kText;
  return raw;
}

std::string Decoded(const RawDocument& raw) {
  Result<std::string> result = DecodeToUtf8(raw);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : "";
}

TEST(CharsetTest, Utf8PassesThroughAndBomIsRemoved) {
  EXPECT_EQ(Decoded(Text("caf\xC3\xA9 \xE2\x80\x94 ok")), "caf\u00E9 \u2014 ok");
  EXPECT_EQ(Decoded(Text("\xEF\xBB\xBFhello")), "hello");
  EXPECT_EQ(Decoded(Html("\xEF\xBB\xBF<p>hello</p>")), "<p>hello</p>");
  EXPECT_EQ(Decoded(Text("")), "");
}

TEST(CharsetTest, Utf16WithBom) {
  EXPECT_EQ(Decoded(Text(std::string("\xFF\xFEh\0i\0\xE9\0=\xD8\x00\xDE", 12))),
            "hi\u00E9\U0001F600");
  EXPECT_EQ(Decoded(Html(std::string("\xFE\xFF\0<\0p\0>\x4E\x2D", 10))), "<p>\u4E2D");
}

TEST(CharsetTest, Windows1252DeclaredWithMetaCharset) {
  // "café “quoted” – €5" in windows-1252.
  const std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xE9 \x93quoted\x94 \x96 "
      "\x80"
      "5</p></body></html>";
  const std::string decoded = Decoded(Html(page));
  EXPECT_NE(decoded.find("caf\u00E9 \u201Cquoted\u201D \u2013 \u20AC5"), std::string::npos)
      << decoded;
}

TEST(CharsetTest, Latin1LabelMeansWindows1252) {
  const std::string page =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "<p>\x93Hi\x94 na\xEFve \x81</p>";
  EXPECT_EQ(Decoded(Html(page)),
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            "<p>\u201CHi\u201D na\u00EFve \u0081</p>");
}

TEST(CharsetTest, Windows1251) {
  // "Привет, мир" in windows-1251.
  const std::string page =
      "<meta charset=windows-1251><p>\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0</p>";
  EXPECT_EQ(Decoded(Html(page)),
            "<meta charset=windows-1251><p>\u041F\u0440\u0438\u0432\u0435"
            "\u0442, \u043C\u0438\u0440</p>");
}

TEST(CharsetTest, ShiftJis) {
  // "日本語のテキスト" and a backslash, which Shift_JIS pages mean as "\".
  const std::string page =
      "<meta http-equiv=content-type content='text/html;charset=Shift_JIS'>"
      "<p>\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x65\x83\x4C\x83\x58\x83\x67 C:\\</p>";
  const std::string decoded = Decoded(Html(page));
  EXPECT_NE(decoded.find("<p>\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8 C:\\</p>"),
            std::string::npos)
      << decoded;
}

TEST(CharsetTest, EucKrAndGb2312) {
  EXPECT_EQ(Decoded(Html("<meta charset=\"euc-kr\">\xC7\xD1\xB1\xB9\xBE\xEE")),
            "<meta charset=\"euc-kr\">\uD55C\uAD6D\uC5B4");
  EXPECT_EQ(Decoded(Html("<meta charset=gb2312>\xD6\xD0\xCE\xC4")),
            "<meta charset=gb2312>\u4E2D\u6587");
}

TEST(CharsetTest, XmlDeclaration) {
  EXPECT_EQ(Decoded(Html("<?xml version=\"1.0\" encoding=\"koi8-r\"?><p>\xF0\xD2\xC9</p>")),
            "<?xml version=\"1.0\" encoding=\"koi8-r\"?><p>\u041F\u0440\u0438</p>");
}

TEST(CharsetTest, UndecodableBytesBecomeReplacementCharacters) {
  // 0xA0 is not a Shift_JIS character and 0x82 is a truncated one; the
  // rest still decodes.
  const std::string decoded = Decoded(Html("<meta charset=shift_jis>\x93\xFA\xA0\x82"));
  EXPECT_EQ(decoded, "<meta charset=shift_jis>\u65E5\uFFFD\uFFFD");
}

TEST(CharsetTest, UndeclaredHtmlIsUtf8WhenValidElseWindows1252) {
  EXPECT_EQ(Decoded(Html("<p>na\xC3\xAFve</p>")), "<p>na\u00EFve</p>");
  EXPECT_EQ(Decoded(Html("<p>na\xEFve \x93x\x94</p>")), "<p>na\u00EFve \u201Cx\u201D</p>");
}

TEST(CharsetTest, UndeclaredUtf8WithAStrayByteStaysUtf8) {
  // A UTF-8 page with one byte pasted from a legacy editor: decoded as
  // UTF-8 with that byte replaced, not as windows-1252 throughout.
  const std::string page = "<p>\u201CCaf\u00E9 na\u00EFve,\u201D said Zo\u00EB \u2014 "
                           "it\x92s fine \u2026 \u00A9</p>";
  EXPECT_EQ(Decoded(Html(page)),
            "<p>\u201CCaf\u00E9 na\u00EFve,\u201D said Zo\u00EB \u2014 it\uFFFDs fine \u2026 \u00A9</p>");
  // Legacy text with a single byte that happens to pair up as UTF-8 stays
  // windows-1252: its stray bytes outnumber its sequences.
  EXPECT_EQ(Decoded(Html("<p>caf\xE9 cr\xE8me br\xFBl\xE9" "e \xC2\xA9</p>")),
            "<p>caf\u00E9 cr\u00E8me br\u00FBl\u00E9e \u00C2\u00A9</p>");
  // A declared legacy charset is still obeyed.
  EXPECT_EQ(Decoded(Html("<meta charset=windows-1252><p>caf\u00E9 na\u00EFve it\x92s</p>")),
            "<meta charset=windows-1252><p>caf\u00C3\u00A9 na\u00C3\u00AFve it\u2019s</p>");
}

TEST(CharsetTest, ValidUtf8WinsOverAStaleDeclaration) {
  EXPECT_EQ(Decoded(Html("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>")),
            "<meta charset=iso-8859-1><p>caf\u00E9</p>");
}

TEST(CharsetTest, DeclaredUtf8WithBadBytesIsRepaired) {
  EXPECT_EQ(Decoded(Html("<meta charset=utf-8><p>a\xFF"
                         "b</p>")),
            "<meta charset=utf-8><p>a\uFFFDb</p>");
}

TEST(CharsetTest, UnknownCharsetFallsBack) {
  EXPECT_EQ(Decoded(Html("<meta charset=\"no-such-charset\"><p>\xE9t\xE9</p>")),
            "<meta charset=\"no-such-charset\"><p>\u00E9t\u00E9</p>");
  EXPECT_EQ(Decoded(Html("<meta charset=\"../../etc/x\"><p>\xE9</p>")),
            "<meta charset=\"../../etc/x\"><p>\u00E9</p>");
}

TEST(CharsetTest, DeclarationAfterFirst4KbIsIgnored) {
  const std::string page = std::string(5000, ' ') + "<meta charset=windows-1251><p>\xE9</p>";
  const std::string decoded = Decoded(Html(page));
  EXPECT_NE(decoded.find("<p>\u00E9</p>"), std::string::npos);  // windows-1252, not 1251
}

TEST(CharsetTest, InvalidUtf8TextIsReportedWithItsOffset) {
  Result<std::string> result = DecodeToUtf8(Text("good text\nthen caf\xE9 here"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(result.status().message(), "invalid UTF-8 at byte 18 (0xE9)");

  // Offsets count the BOM; overlong forms and surrogates are invalid too.
  result =
      DecodeToUtf8(Text("\xEF\xBB\xBF"
                        "ab\xC0\xAF"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "invalid UTF-8 at byte 5 (0xC0)");
  result = DecodeToUtf8(Text("x\xED\xA0\x80"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "invalid UTF-8 at byte 1 (0xED)");
  result = DecodeToUtf8(Text("truncated \xE2\x80"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "invalid UTF-8 at byte 10 (0xE2)");
}

TEST(CharsetTest, BinaryIsReported) {
  std::string bytes = "GIF89a";
  bytes += std::string("\x01\x00\x01\x00\x80\x00", 6);
  for (const RawDocument& raw : {Text(bytes), Html(bytes)}) {
    Result<std::string> result = DecodeToUtf8(raw);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(result.status().message(), "binary data, not text (NUL byte at offset 7)");
  }
}

TEST(CharsetTest, ManyControlCharactersAreBinary) {
  std::string bytes;
  for (int i = 0; i < 100; ++i) bytes += "ab\x01\x02\x1b";
  Result<std::string> result = DecodeToUtf8(Text(bytes));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "binary data, not text (60% control characters)");
  // Tabs, newlines, carriage returns and form feeds are text.
  EXPECT_TRUE(DecodeToUtf8(Text("a\tb\r\n\f\n\n\n\n")).ok());
}

}  // namespace
}  // namespace parallax
