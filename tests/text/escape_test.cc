// EscapeControls: what reaches a terminal or a TSV field from article text.
#include <gtest/gtest.h>

#include <string>

#include "parallax/text.h"

namespace parallax {
namespace {

TEST(EscapeControls, PrintableTextIsUnchanged) {
  EXPECT_EQ(EscapeControls("Harbour strike: “no deal” — Émile’s union", false),
            "Harbour strike: “no deal” — Émile’s union");
  EXPECT_EQ(EscapeControls("", true), "");
}

TEST(EscapeControls, TerminalControlsBecomeVisible) {
  // Retitle the window, ring the bell, clear the screen.
  EXPECT_EQ(EscapeControls("a\x1b]0;pwned\x07z", false), "a\\x1b]0;pwned\\x07z");
  EXPECT_EQ(EscapeControls("\x1b[2J\x7f", false), "\\x1b[2J\\x7f");
  EXPECT_EQ(EscapeControls("tab\tline\nret\r", false), "tab\\tline\\nret\\r");
  // C1 controls in UTF-8 (U+009B is a one-character CSI on some terminals).
  EXPECT_EQ(EscapeControls("x\xc2\x9b" "31mred", false), "x\\u009b31mred");
  EXPECT_EQ(EscapeControls("\xc2\x80\xc2\x9f\xc2\xa0", false), "\\u0080\\u009f\xc2\xa0") << "NBSP is no control";
}

TEST(EscapeControls, BytesThatAreNotUtf8AreShownAsBytes) {
  EXPECT_EQ(EscapeControls("ok\xff\xfe!", false), "ok\\xff\\xfe!");
  EXPECT_EQ(EscapeControls("\xe2\x80", false), "\\xe2\\x80") << "a sequence cut short";
}

TEST(EscapeControls, BackslashesAreEscapedOnlyWhenAsked) {
  EXPECT_EQ(EscapeControls("C:\\news\tid", false), "C:\\news\\tid");
  EXPECT_EQ(EscapeControls("C:\\news\tid", true), "C:\\\\news\\tid");
  // With backslashes escaped the mapping can be undone: distinct inputs
  // stay distinct.
  EXPECT_NE(EscapeControls("\\t", true), EscapeControls("\t", true));
}

TEST(EscapeControls, OutputNeverHoldsAControlCharacter) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (const bool backslash : {false, true}) {
    const std::string out = EscapeControls(all, backslash);
    for (size_t i = 0; i < out.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(out[i]);
      EXPECT_FALSE(c < 0x20 || c == 0x7f) << "byte " << i;
    }
    EXPECT_EQ(FindInvalidUtf8(out), std::string::npos);
  }
}

}  // namespace
}  // namespace parallax
