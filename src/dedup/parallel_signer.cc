// ParallelSigner: signatures computed on worker threads in batches while
// the caller reads on, added to the index in input order; GroupDuplicates,
// the groups the pairs make; HasWordCharacter.
#include <algorithm>
#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parallax/dedup.h"

namespace parallax {

namespace {

// Texts per thread per batch: large enough that starting threads costs
// nothing measurable (about 1 ms of work each), small enough to keep the
// texts in flight at a few MB.
constexpr size_t kBatchPerThread = 1024;

}  // namespace

struct ParallelSigner::Impl {
  Impl(unsigned threads, NearDuplicateIndex& index) : threads(std::max(1u, threads)), index(index), builders(this->threads) {}

  // Waits for the batch in flight, adds it, and starts the filled one.
  void Launch() {
    Drain();
    running.swap(filling);
    filling.clear();
    signatures.resize(running.size());
    const size_t per = (running.size() + threads - 1) / threads;
    for (unsigned t = 0; t < threads && t * per < running.size(); ++t) {
      const size_t begin = t * per, end = std::min(running.size(), begin + per);
      auto work = [this, t, begin, end] {
        try {
          for (size_t i = begin; i < end; ++i) builders[t].Compute(running[i], &signatures[i]);
        } catch (...) {  // std::bad_alloc: rethrown by Drain, on the caller's thread
          std::lock_guard<std::mutex> lock(failure_mutex);
          failure = std::current_exception();
        }
      };
      try {
        workers.emplace_back(work);
      } catch (const std::system_error&) {
        work();  // the system allows fewer threads (ulimit -u): this one does it
      }
    }
    launched = true;
  }

  void Drain() {
    if (!launched) return;
    for (std::thread& t : workers) t.join();
    workers.clear();
    launched = false;
    if (failure) std::rethrow_exception(std::exchange(failure, nullptr));
    for (size_t i = 0; i < running.size(); ++i) index.Add(signatures[i]);
    running.clear();
  }

  const unsigned threads;
  NearDuplicateIndex& index;
  std::vector<SignatureBuilder> builders;  // one per thread
  ShingleSignature one;
  std::vector<std::string> filling, running;
  std::vector<ShingleSignature> signatures;  // of `running`
  std::vector<std::thread> workers;
  bool launched = false;  // `running` is being (or has been) worked on
  std::mutex failure_mutex;
  std::exception_ptr failure;  // guarded by failure_mutex until the workers are joined
};

ParallelSigner::ParallelSigner(unsigned threads, NearDuplicateIndex& index)
    : impl_(std::make_unique<Impl>(threads, index)) {}

ParallelSigner::~ParallelSigner() {
  for (std::thread& t : impl_->workers) t.join();
}

void ParallelSigner::Add(std::string&& text) {
  Impl& im = *impl_;
  if (im.threads == 1) {
    im.builders[0].Compute(text, &im.one);
    im.index.Add(im.one);
    return;
  }
  im.filling.push_back(std::move(text));
  if (im.filling.size() == kBatchPerThread * im.threads) im.Launch();
}

void ParallelSigner::Finish() {
  if (!impl_->filling.empty()) impl_->Launch();
  impl_->Drain();
}

bool HasWordCharacter(std::string_view text) {
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) return true;
  }
  return false;
}

std::vector<std::vector<uint32_t>> GroupDuplicates(const std::vector<DuplicatePair>& pairs, size_t documents) {
  std::vector<uint32_t> parent(documents);
  for (uint32_t d = 0; d < parent.size(); ++d) parent[d] = d;
  auto root = [&](uint32_t d) {
    while (parent[d] != d) d = parent[d] = parent[parent[d]];
    return d;
  };
  std::vector<bool> paired(documents, false);
  for (const DuplicatePair& p : pairs) {
    if (p.first >= documents || p.second >= documents) continue;
    const uint32_t a = root(p.first), b = root(p.second);
    parent[std::max(a, b)] = std::min(a, b);  // the earliest document is the root
    paired[p.first] = paired[p.second] = true;
  }
  std::vector<std::vector<uint32_t>> groups;
  std::unordered_map<uint32_t, size_t> group_of_root;
  for (uint32_t d = 0; d < documents; ++d) {
    if (!paired[d]) continue;
    const auto [it, added] = group_of_root.emplace(root(d), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(d);
  }
  return groups;
}

}  // namespace parallax
