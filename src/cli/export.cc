// parallax export: stories, articles or quotes as CSV or JSON lines.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "parallax/export.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"help(parallax export — stories, articles or quotes as CSV or JSON lines

Usage:
  parallax export stories|articles|quotes [--db PATH] [--day DATE | --story ID]
                  [--format csv|jsonl] [-o FILE]

What each row is:
  stories   a story: id, headline, articles, outlet_count, outlets, first_published,
            last_published, voices (its most-heard speakers, "Name (articles)")
  articles  an article: id, story, outlet, title, published, url, language, text
            (its body paragraphs, a blank line between them)
  quotes    a quote: story, article, outlet, published, speaker, kind (direct or
            reported), paragraph (from 0), text. Quotes come from the digests
            'parallax index' makes: run it after ingest.

Options:
  --db PATH          the database (default ./parallax.db); it must exist
  --day DATE         only what was published that day (UTC), as 2026-11-26;
                     for stories, those with an article published that day
  --story ID         only that story's (the ID of 'parallax stories')
  --format FORMAT    csv (default; RFC 4180, a header row, CRLF line ends) or
                     jsonl (one JSON object per line; null for what is unknown)
  -o, --output FILE  write there instead of standard output
  -h, --help         this text

In CSV a list (outlets, voices) is one cell, items separated by "; ", and a
text that starts with = + - @ or a tab gets a leading apostrophe, so that a
spreadsheet shows it instead of running it as a formula.

Examples:
  parallax export stories --db news.db --day 2026-11-26 -o stories.csv
  parallax export quotes --db news.db --story 12 --format jsonl | jq -r .speaker

Exit codes:
  0 written; 1 the database could not be read or the story does not exist;
  2 bad command line; 4 the output could not be written.
)help";

}  // namespace

int RunExport(const std::vector<std::string>& args) {
  std::string what, db = "parallax.db", day, format = "csv", output;
  int64_t story = 0;
  CLI::App app;
  app.add_option("what", what)->check(CLI::IsMember({"stories", "articles", "quotes"}));
  app.add_option("--db", db)->check(DatabasePath());
  app.add_option("--day", day);
  app.add_option("--story", story)->check(StoryIdentifier());
  app.add_option("--format", format)->check(CLI::IsMember({"csv", "jsonl"}));
  app.add_option("-o,--output", output);
  if (const std::optional<int> stop = ParseOptions(app, args, "export", kHelp)) return *stop;
  if (what.empty()) {
    std::cerr << "parallax export: say what to export: stories, articles or quotes. Run 'parallax help export'.\n";
    return kExitUsage;
  }

  ExportRequest request;
  request.kind = *ParseExportKind(what);
  request.format = *ParseExportFormat(format);
  request.day = day;
  request.story = story;
  const Result<Store> store = Store::Open(db, OpenMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "parallax export: " << PrintableOneLine(store.status().message()) << "\n";
    return kExitSomeInputsFailed;
  }
  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "parallax export: cannot write " << PrintableOneLine(output) << "\n";
      return kExitOutputFailed;
    }
  }
  std::ostream& out = output.empty() ? std::cout : file;
  const Status status = Export(*store, request, [&](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    return out.good();
  });
  out.flush();
  if (!status.ok()) {
    std::cerr << "parallax export: " << PrintableOneLine(status.message()) << "\n";
    return status.code() == Status::Code::kUsage ? kExitUsage : kExitSomeInputsFailed;
  }
  if (!out.good()) {
    std::cerr << "parallax export: cannot write " << (output.empty() ? std::string("standard output") : PrintableOneLine(output))
              << "\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

}  // namespace parallax::cli
