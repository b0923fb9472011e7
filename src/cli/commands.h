// The parallax commands. Each is a short function that wires the stages
// together; only this folder knows argv, exit codes and stdout.
#ifndef PARALLAX_CLI_COMMANDS_H_
#define PARALLAX_CLI_COMMANDS_H_

#include <cstddef>
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

// A non-negative decimal integer, nothing else ("-1", "2x", "" are not).
bool ParseCount(const std::string& text, unsigned long long* out);

// The checks behind the options' validators (cli/options.h). Each returns
// what is wrong with `text`, worded to follow the option's name, as CLI11
// shows it ("--jobs: takes a number of threads from 0 (one per core) to
// 1024, got 'x'"), or "" when the value is fine.

// A whole number from 1 to `most`.
std::string CheckPositive(const std::string& text, unsigned long long most);

// A decimal number ("1.5", "3") within (low, high], or [low, high] when
// `low_included`, stored in `value` (when given) if so. `what` names the
// range for a user: "a number of days above 0 and up to 3650".
std::string CheckDecimal(const std::string& text, double low, bool low_included, double high,
                         const std::string& what, double* value = nullptr);

// More threads than this only adds contention; a typo such as --jobs 40000
// should not try to start that many.
constexpr unsigned long long kMaxJobs = 1024;

// --jobs: 0 (one thread per core) to kMaxJobs.
std::string CheckJobs(const std::string& text);

// --db: any non-empty path.
std::string CheckDatabasePath(const std::string& text);

// --story: a story's ID, 1 to the largest int64_t.
std::string CheckStoryId(const std::string& text);

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
int RunFetch(const std::vector<std::string>& args);
int RunWatch(const std::vector<std::string>& args);

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_COMMANDS_H_
