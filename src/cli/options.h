// Command-line options with CLI11 (Debian libcli11-dev): each command
// declares its options on a CLI::App and calls ParseOptions, which gives
// every command the same -h/--help (the command's own text) and the same
// one-line errors ("parallax export: --format: 'xml' not in {csv,jsonl}.
// Run 'parallax help export'."), exit code 2.
#ifndef PARALLAX_CLI_OPTIONS_H_
#define PARALLAX_CLI_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace parallax::cli {

// Parses `args` (without the command's name) with the options declared on
// `app`. Returns the exit code to stop with (0 after printing `help_text`
// for -h/--help, 2 after a usage error), or nothing to go on.
std::optional<int> ParseOptions(CLI::App& app, const std::vector<std::string>& args, const char* command,
                                const char* help_text);

// Validators that say, in the user's words, what a value must be.
// --db: a non-empty path.
CLI::Validator DatabasePath();
// --jobs: 0 (one thread per core) to 1,024.
CLI::Validator Jobs();

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_OPTIONS_H_
