// The parallax commands. Each is a short function that wires the stages
// together; only this folder knows argv, exit codes and stdout.
#ifndef PARALLAX_CLI_COMMANDS_H_
#define PARALLAX_CLI_COMMANDS_H_

#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "parallax/store.h"

namespace parallax::cli {

// Exit codes, shared by every command and listed in `parallax --help`.
enum ExitCode : int {
  kExitOk = 0,
  kExitSomeInputsFailed = 1,  // the result was produced, but some inputs were unusable
  kExitUsage = 2,             // bad command line
  kExitTooFewInputs = 3,      // fewer than two usable inputs to compare
  kExitOutputFailed = 4,      // the report or output files could not be written
  kExitTooManyReports = 5,    // more reports than one comparison holds (compare --max-reports)
};

// Shared by every command's option parser: the value after flag args[i]
// (advancing i), or nullptr after telling the user on stderr that
// "parallax COMMAND: FLAG needs a value".
const std::string* NextValue(const char* command, const std::vector<std::string>& args, size_t& i,
                             const char* flag);

// The start every command shares: `parse` reads the options (false: a
// usage error, already explained on stderr; `help` set for -h/--help), and
// help is printed when asked. Returns the exit code to stop with, or
// nothing to go on.
std::optional<int> ParseOrHelp(const std::function<bool(bool& help)>& parse,
                               const char* help_text);

// A non-negative decimal integer, nothing else ("-1", "2x", "" are not).
bool ParseCount(const std::string& text, unsigned long long* out);

// A whole number from 1 to `most` for FLAG; says what is wrong on stderr
// and returns false otherwise.
bool ParsePositive(const char* command, const char* flag, const std::string& text,
                   unsigned long long most, unsigned long long* out);

// A decimal number ("1.5", "3") for FLAG within (low, high], or [low, high]
// when `low_included`; says what is wrong on stderr ("FLAG takes WHAT, got
// 'TEXT'") and returns false otherwise. `what` names the range for a user:
// "a number of days above 0 and up to 3650".
bool ParseDecimal(const char* command, const char* flag, const std::string& text, double low,
                  bool low_included, double high, const std::string& what, double* out);

// The value of --jobs: 0 is one thread per core, at most 1,024. Says what
// is wrong on stderr and returns false otherwise.
bool ParseJobs(const char* command, const std::string& text, unsigned* jobs);

// The value of --db: any non-empty path. Says so on stderr otherwise.
bool ParseDatabasePath(const char* command, const std::string& text, std::string* db);

// Opens the database of `parallax COMMAND --db PATH`, which reads its
// articles and saves results in it (upgrading an older schema). Unlike
// ingest it does not create a missing file: a mistyped path should be an
// error, not an empty corpus. On failure, says why on stderr and sets
// `exit_code`: kExitSomeInputsFailed when the file is not a readable
// parallax database (missing, damaged, another program's, newer), else
// kExitOutputFailed (read-only, in use, disk full).
std::optional<Store> OpenDatabaseForUpdate(const char* command, const std::string& path,
                                           int& exit_code);

int RunCompare(const std::vector<std::string>& args);
int RunExtract(const std::vector<std::string>& args);
int RunIngest(const std::vector<std::string>& args);
int RunStories(const std::vector<std::string>& args);
int RunCluster(const std::vector<std::string>& args);
int RunDedup(const std::vector<std::string>& args);
int RunServe(const std::vector<std::string>& args);
int RunOutlets(const std::vector<std::string>& args);
int RunIndex(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_COMMANDS_H_
