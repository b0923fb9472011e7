// term_extraction (cluster stage): term extraction that overlaps with reading,
// for `parallax cluster` over a file or a store: the
// reader hands over articles as it reads them, in chunks, and worker
// threads extract the terms of each chunk while the rest is still being
// read (a compressed file or a store takes about as long to read as its
// terms take to extract).
#ifndef PARALLAX_TERM_EXTRACTION_H_
#define PARALLAX_TERM_EXTRACTION_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "parallax/cluster.h"

namespace parallax {

class TermExtraction {
 public:
  // `jobs` threads in all: the caller's and jobs - 1 workers (fewer when
  // the system allows fewer).
  explicit TermExtraction(unsigned jobs);
  ~TermExtraction();
  TermExtraction(const TermExtraction&) = delete;
  TermExtraction& operator=(const TermExtraction&) = delete;

  // The next article read.
  void Add(ClusterDocument doc);
  size_t size() const { return size_; }

  // Extracts what is left (on this thread too), waits for the workers, and
  // hands over every article added, in order, with its terms. The articles
  // come back without their titles and texts, which only extraction reads.
  void Finish(std::vector<ClusterDocument>& docs, std::vector<ArticleTerms>& terms);

 private:
  struct Chunk {
    std::vector<ClusterDocument> docs;
    std::vector<ArticleTerms> terms;
  };

  void Work();
  // Extracts chunks until none is waiting; false once reading has ended
  // and all are taken.
  bool TakeAndExtract(std::unique_lock<std::mutex>& lock);

  std::deque<Chunk> chunks_;  // the reader's own; a deque never moves its elements
  size_t size_ = 0;
  std::mutex mutex_;  // guards what follows
  std::condition_variable ready_;
  std::vector<Chunk*> pending_;  // every chunk, in order; the first published_ are full
  size_t published_ = 0;
  size_t taken_ = 0;  // chunks taken for extraction so far
  bool reading_done_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace parallax

#endif  // PARALLAX_TERM_EXTRACTION_H_
