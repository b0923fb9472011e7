// Command-line options with CLI11 (Debian libcli11-dev): each command
// declares its options on a CLI::App and calls ParseOptions, which gives
// every command the same -h/--help (the command's own text) and the same
// one-line errors ("parallax export: --format: xml not in {csv,jsonl}.
// Run 'parallax help export'."), exit code 2.
#ifndef PARALLAX_CLI_OPTIONS_H_
#define PARALLAX_CLI_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace parallax::cli {

// Parses `args` (without the command's name) with the options declared on
// `app` and its subcommands. Returns the exit code to stop with (0 after
// printing `help_text` for -h/--help, 2 after a usage error), or nothing to
// go on. An option that takes one value may be given again: the last one
// counts, as it did before CLI11.
std::optional<int> ParseOptions(CLI::App& app, const std::vector<std::string>& args,
                                const char* command, const char* help_text);

// Validators that say, in the user's words, what a value must be (the
// checks of cli/commands.h).
// --db: a non-empty path.
CLI::Validator DatabasePath();
// --jobs: 0 to 1,024; 0 becomes the number of cores.
CLI::Validator Jobs();
// --story: a story's ID.
CLI::Validator StoryIdentifier();
// A whole number from 1 to `most`.
CLI::Validator Positive(unsigned long long most = std::numeric_limits<unsigned long long>::max());
// A decimal number within (low, high], or [low, high] when `low_included`;
// `what` names the range ("a number from 0.05 to 1").
CLI::Validator Decimal(double low, bool low_included, double high, const std::string& what);

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_OPTIONS_H_
