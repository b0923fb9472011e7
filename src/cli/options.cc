// ParseOptions: CLI11, with parallax's help texts and error lines.
#include "cli/options.h"

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"

namespace parallax::cli {

std::optional<int> ParseOptions(CLI::App& app, const std::vector<std::string>& args, const char* command,
                                const char* help_text) {
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a == "-h" || a == "--help") {
      std::cout << help_text;
      return kExitOk;
    }
  }
  app.set_help_flag();  // none of CLI11's: the command's own text, above
  app.allow_windows_style_options(false);
  // CLI11 takes a vector in reverse order (it pops from the back).
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    std::string message = error.what();
    if (!message.empty() && message.back() == '\n') message.pop_back();
    std::cerr << "parallax " << command << ": " << PrintableOneLine(message) << ". Run 'parallax help " << command
              << "'.\n";
    return kExitUsage;
  }
  return std::nullopt;
}

CLI::Validator DatabasePath() {
  return CLI::Validator(
      [](std::string& value) { return value.empty() ? std::string("--db needs a path to a database") : std::string(); },
      "PATH");
}

CLI::Validator Jobs() {
  return CLI::Validator(
      [](std::string& value) {
        unsigned long long n = 0;
        if (ParseCount(value, &n) && n <= 1024) return std::string();
        return "--jobs takes a number of threads from 0 (one per core) to 1024, got '" + value + "'";
      },
      "N");
}

}  // namespace parallax::cli
