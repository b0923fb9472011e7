// Option parsing shared by the commands.
#include <iostream>

#include "cli/commands.h"

namespace parallax::cli {

const std::string* NextValue(const char* command, const std::vector<std::string>& args, size_t& i,
                             const char* flag) {
  if (i + 1 >= args.size()) {
    std::cerr << "parallax " << command << ": " << flag << " needs a value\n";
    return nullptr;
  }
  return &args[++i];
}

}  // namespace parallax::cli
