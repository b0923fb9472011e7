// What the commands write: files replaced atomically, standard output
// checked, and untrusted text escaped before it reaches a terminal or TSV.
#ifndef PARALLAX_CLI_OUTPUT_H_
#define PARALLAX_CLI_OUTPUT_H_

#include <string>
#include <string_view>

#include "parallax/status.h"
#include "parallax/text.h"

namespace parallax::cli {

// Writes `content` to `path` as a whole or not at all: into a new file
// beside it (created exclusively, so never through a link planted there),
// then renamed over `path`. A full disk or a file size limit leaves any
// earlier file untouched, and a link at `path` is replaced, not followed.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// Writes `content` to standard output and flushes it; on failure (a closed
// pipe, a full disk) says so on stderr as "parallax COMMAND: ..." and
// returns false.
bool WriteStdout(const char* command, std::string_view content);

// Untrusted text (a title, a file name, an id) for one line of a terminal:
// control characters shown as escapes (EscapeControls).
inline std::string PrintableOneLine(std::string_view text) { return EscapeControls(text, false); }

// Untrusted text for one field of a TSV line: tab, newline, carriage
// return, backslash and other controls escaped (\t \n \r \\ \xHH), so a
// field never splits a line or a column and the escaping can be undone.
inline std::string TsvField(std::string_view text) { return EscapeControls(text, true); }

// TsvField appended to `out`, without a copy for the usual field of
// printable ASCII (the dedup output writes millions of ids).
inline void AppendTsvField(std::string& out, std::string_view text) {
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F || c == '\\') {
      out += EscapeControls(text, true);
      return;
    }
  }
  out += text;
}

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_OUTPUT_H_
