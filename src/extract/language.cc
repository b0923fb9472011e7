// The language of a text, by libcld2 (Compact Language Detector 2).
//
// CLD2 is chosen over a home-grown stop-word count because it covers the
// scripts parallax meets (Latin, Cyrillic, CJK, Arabic, ...) from one small
// library, is thread safe (extract runs on several threads) and tells us
// when its answer is unreliable, which is when we prefer to say nothing.
//
// The library is opened (dlopen) on the first detection, not linked: its
// 4,400 relocations cost every start of parallax about 0.4 ms, commands
// that never extract (stories, export, --version) included. Its two
// functions are looked up by their C++ names, which Debian's libcld2.so.0
// exports; a library without them leaves every language unknown, after a
// line on stderr.
#include <dlfcn.h>

#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>
#include <string_view>

#include "parallax/extract.h"

namespace parallax {

namespace {

// CLD2's answer settles long before this: 64 KB is some 10,000 words of
// prose. Reading more only costs time on long pages.
constexpr size_t kMaxDetectBytes = size_t{64} << 10;

// CLD2 still answers with a few codes that ISO 639-1 has since replaced
// ("iw" for Hebrew, "jw" for Javanese) and tags Traditional Chinese with a
// region. Everything else it returns is either already ISO 639-1, or a
// three-letter or script code ("haw", "xx-Latn") that has no ISO 639-1
// equivalent and is dropped.
std::string ToIso6391(std::string_view code) {
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "zh-Hant") return "zh";
  if (code == "un" || code.size() != 2) return {};
  for (const char c : code) {
    if (c < 'a' || c > 'z') return {};
  }
  return std::string(code);
}

// The longest prefix of `text` of at most `limit` bytes that does not end
// inside a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

constexpr const char* kLibcld2 = "libcld2.so.0";

struct Cld2 {
  decltype(&CLD2::ExtDetectLanguageSummaryCheckUTF8) detect = nullptr;
  decltype(&CLD2::LanguageCode) code = nullptr;
};

Cld2 OpenCld2() {
  Cld2 cld2;
  // Lazy binding: of its 223 calls into libstdc++ and libc, a detection
  // makes a few; binding them all up front cost every comparison ~0.15 M
  // instructions of symbol look-ups.
  void* library = dlopen(kLibcld2, RTLD_LAZY | RTLD_LOCAL);
  if (library == nullptr) {
    std::fprintf(stderr, "parallax: cannot load %s, languages are left unknown: %s\n", kLibcld2, dlerror());
    return cld2;
  }
  cld2.detect = reinterpret_cast<decltype(cld2.detect)>(dlsym(
      library,
      "_ZN4CLD233ExtDetectLanguageSummaryCheckUTF8EPKcibPKNS_8CLDHintsEiPNS_8LanguageEPiPdPSt6vectorINS_"
      "11ResultChunkESaISA_EES7_PbS7_"));
  cld2.code = reinterpret_cast<decltype(cld2.code)>(dlsym(library, "_ZN4CLD212LanguageCodeENS_8LanguageE"));
  if (cld2.detect == nullptr || cld2.code == nullptr) {
    std::fprintf(stderr, "parallax: %s lacks a function parallax needs, languages are left unknown\n", kLibcld2);
    return Cld2{};
  }
  return cld2;
}

const Cld2& Library() {
  static const Cld2 cld2 = OpenCld2();  // once, thread-safe: extract runs on several threads
  return cld2;
}

}  // namespace

std::string DetectLanguage(std::string_view utf8_text) {
  const std::string_view text = Utf8Prefix(utf8_text, kMaxDetectBytes);
  if (text.empty()) return {};
  const Cld2& cld2 = Library();
  if (cld2.detect == nullptr) return {};

  const CLD2::CLDHints no_hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                                   CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double normalized_score3[3];
  int text_bytes = 0;
  bool is_reliable = false;
  int valid_prefix_bytes = 0;
  // The checking variant: callers promise UTF-8, but CLD2's header warns
  // against unchecked input, and the check costs little next to scoring.
  const CLD2::Language language = cld2.detect(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &no_hints,
      /*flags=*/0, language3, percent3, normalized_score3, /*resultchunkvector=*/nullptr,
      &text_bytes, &is_reliable, &valid_prefix_bytes);
  if (!is_reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
  return ToIso6391(cld2.code(language));
}

}  // namespace parallax
