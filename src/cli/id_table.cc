#include "cli/id_table.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace parallax::cli {

namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;
constexpr size_t kFirstSlots = size_t{1} << 12;

}  // namespace

IdTable::Added IdTable::Add(std::string_view id, uint64_t line) {
  if (2 * (ids_.size() + 1) > slots_.size()) Grow();
  const uint64_t hash = XXH3_64bits(id.data(), id.size());
  const uint64_t tag = hash >> 32 << 32;
  const size_t mask = slots_.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const uint64_t slot = slots_[s];
    if (slot == 0) {
      ids_.push_back(Keep(id));
      lines_.push_back(line);
      slots_[s] = tag | ids_.size();
      return {true, line};
    }
    const size_t number = static_cast<uint32_t>(slot) - 1;
    if ((slot & ~uint64_t{0xFFFFFFFF}) == tag && ids_[number] == id) {
      return {false, lines_[number]};
    }
  }
}

std::string_view IdTable::Keep(std::string_view id) {
  if (id.empty()) return {};
  if (id.size() > chunk_capacity_ - chunk_used_) {
    chunk_capacity_ = std::max(kChunkBytes, id.size());
    chunks_.push_back(std::unique_ptr<char[]>(new char[chunk_capacity_]));  // not zeroed
    chunk_used_ = 0;
  }
  char* at = chunks_.back().get() + chunk_used_;
  std::memcpy(at, id.data(), id.size());
  chunk_used_ += id.size();
  return {at, id.size()};
}

void IdTable::Grow() {
  std::vector<uint64_t> slots(std::max(kFirstSlots, 2 * slots_.size()), 0);
  const size_t mask = slots.size() - 1;
  for (size_t number = 0; number < ids_.size(); ++number) {
    const uint64_t hash = XXH3_64bits(ids_[number].data(), ids_[number].size());
    size_t s = hash & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = (hash >> 32 << 32) | (number + 1);
  }
  slots_.swap(slots);
}

}  // namespace parallax::cli
