// ParseOptions: CLI11, with parallax's help texts and error lines.
#include "cli/options.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"

namespace parallax::cli {

namespace {

// What went wrong, in parallax's words where CLI11's are its own jargon
// ("--db: 1 required TEXT:PATH missing"); CLI11's message otherwise.
std::string Explain(const CLI::ParseError& error, const CLI::App& app) {
  std::string message = error.what();
  if (!message.empty() && message.back() == '\n') message.pop_back();
  // An option at the end of the line, or "--db=": CLI11 names the option
  // before a colon. Its type names mean nothing to a user.
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    const size_t colon = message.find(": ");
    const std::string name = message.substr(0, colon);
    const bool missing =
        message.size() > 8 && message.compare(message.size() - 8, 8, " missing") == 0;
    if (colon != std::string::npos && missing && app.get_option_no_throw(name) != nullptr) {
      return name + " needs a value";
    }
  }
  return message;
}

// The first argument no option or positional took (CLI11 keeps the "--"
// that ends the options among them), or nothing.
std::optional<std::string> FirstExtra(const CLI::App& app) {
  for (const std::string& extra : app.remaining(true)) {
    if (extra != "--") return extra;
  }
  return std::nullopt;
}

std::optional<int> UsageError(const char* command, const std::string& message) {
  std::cerr << "parallax " << command << ": " << PrintableOneLine(message)
            << ". Run 'parallax help " << command << "'.\n";
  return kExitUsage;
}

}  // namespace

std::optional<int> ParseOptions(CLI::App& app, const std::vector<std::string>& args,
                                const char* command, const char* help_text) {
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a == "-h" || a == "--help") {
      std::cout << help_text;
      return kExitOk;
    }
  }
  std::vector<CLI::App*> apps = app.get_subcommands({});
  apps.push_back(&app);
  for (CLI::App* each : apps) {
    each->set_help_flag();  // none of CLI11's: the command's own text, above
    each->allow_windows_style_options(false);
    // Kept, to be named below in parallax's words rather than CLI11's.
    each->allow_extras();
    for (CLI::Option* option : each->get_options()) {
      if (option->nonpositional() && option->get_items_expected_max() == 1) {
        option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      }
    }
  }
  // CLI11 takes a vector in reverse order (it pops from the back).
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    return UsageError(command, Explain(error, app));
  }
  if (const std::optional<std::string> extra = FirstExtra(app)) {
    const bool option = extra->size() > 1 && (*extra)[0] == '-';
    return UsageError(command,
                      (option ? "unknown option '" : "unexpected argument '") + *extra + "'");
  }
  return std::nullopt;
}

CLI::Validator DatabasePath() {
  return CLI::Validator([](std::string& value) { return CheckDatabasePath(value); }, "PATH");
}

CLI::Validator Jobs() {
  return CLI::Validator(
      [](std::string& value) {
        std::string wrong = CheckJobs(value);
        if (wrong.empty() && value.find_first_not_of('0') == std::string::npos) {
          value = std::to_string(std::max(1u, std::thread::hardware_concurrency()));
        }
        return wrong;
      },
      "N");
}

CLI::Validator StoryIdentifier() {
  return CLI::Validator([](std::string& value) { return CheckStoryId(value); }, "ID");
}

CLI::Validator Positive(unsigned long long most) {
  return CLI::Validator([most](std::string& value) { return CheckPositive(value, most); }, "N");
}

CLI::Validator Decimal(double low, bool low_included, double high, const std::string& what) {
  return CLI::Validator(
      [=](std::string& value) {
        double v = 0;
        std::string wrong = CheckDecimal(value, low, low_included, high, what, &v);
        if (wrong.empty()) {
          // The number strtod read, in digits CLI11 converts back exactly.
          char digits[32];
          std::snprintf(digits, sizeof digits, "%.17g", v);
          value = digits;
        }
        return wrong;
      },
      "NUMBER");
}

}  // namespace parallax::cli
