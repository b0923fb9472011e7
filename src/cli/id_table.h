// IdTable: the ids of the documents a command reads, each once, in the
// order read. Their text is kept packed in chunks that never move (printing
// pairs looks them up at random), and an open-addressing table of document
// numbers finds an id again: a node per id in std::unordered_map cost more
// to allocate and to free than the rest of the bookkeeping of a read.
#ifndef PARALLAX_CLI_ID_TABLE_H_
#define PARALLAX_CLI_ID_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace parallax::cli {

class IdTable {
 public:
  struct Added {
    bool added;           // false: an earlier document has the id
    uint64_t first_line;  // the line `id` was first read on
  };

  // Adds `id`, read on `line`, as the next document, unless it is taken.
  Added Add(std::string_view id, uint64_t line);

  // Document `number`'s id, valid as long as the table.
  std::string_view operator[](size_t number) const { return ids_[number]; }
  size_t size() const { return ids_.size(); }

 private:
  std::string_view Keep(std::string_view id);
  void Grow();

  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_capacity_ = 0;  // of the last chunk
  size_t chunk_used_ = 0;
  std::vector<std::string_view> ids_;
  std::vector<uint64_t> lines_;
  // A slot: the id's hash in the high 32 bits (compared before the text),
  // its number + 1 in the low ones; 0 is empty. At most half are used.
  std::vector<uint64_t> slots_;
};

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_ID_TABLE_H_
