// Why: every first touch of a 4 KiB page is a page fault, and on the
// 2-core VMs this project is measured on a fault costs several
// microseconds (the hypervisor takes part). `parallax cluster` and
// `parallax dedup` touch tens of megabytes once each, mostly in small
// allocations: with glibc's malloc the bench runs took 7,300 and 12,300
// faults, a third of their time. See README "Measured" for the figures.
#include "cli/large_pages.h"

#ifdef PARALLAX_WITH_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#endif

namespace parallax::cli {

#ifdef PARALLAX_WITH_MIMALLOC

namespace {

constexpr uintptr_t kHugePageBytes = uintptr_t{2} << 20;

// Marks the whole 2 MiB pages of the mapping that holds `address` for huge
// pages; its untouched ones then fault in whole.
void AdviseHugePagesAround(const void* address) {
  std::ifstream maps("/proc/self/maps");
  const uintptr_t at = reinterpret_cast<uintptr_t>(address);
  std::string line;
  while (std::getline(maps, line)) {
    uintptr_t start = 0, end = 0;
    if (std::sscanf(line.c_str(), "%" SCNxPTR "-%" SCNxPTR, &start, &end) != 2) continue;
    if (at < start || at >= end) continue;
    start = (start + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    end &= ~(kHugePageBytes - 1);
    if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
    return;
  }
}

}  // namespace

void UseLargePages() {
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") != nullptr) return;
  // What MIMALLOC_LARGE_OS_PAGES=1 would set when the process starts: new
  // segments are advised for huge pages and committed whole, so that the
  // kernel can hand out 2 MiB at once.
  mi_option_enable(mi_option_large_os_pages);
  mi_option_enable(mi_option_eager_commit);
  mi_option_set(mi_option_eager_commit_delay, 0);
  // mimalloc already mapped its first segment for the static constructors,
  // without the advice; that segment is where most of a short run's small
  // allocations go. (7,300 -> 5,100 faults on the clustering bench without
  // this step, 425 with it.)
  void* probe = std::malloc(64);
  AdviseHugePagesAround(probe);
  std::free(probe);
}

#else

void UseLargePages() {}

#endif

}  // namespace parallax::cli
