#pragma once
/// Writing a report's records in order while formatting them on several threads.
///
/// Why: a check over a large store writes hundreds of megabytes of records (a link with its
/// word diff, a cluster of the text report with its members' diffs), and formatting them is
/// most of the time the report takes. They are formatted in waves of chunks, each chunk on
/// whichever thread is free (records differ in cost), and each wave is written in record
/// order before the next is formatted: the output is the same for any number of threads, and
/// no more than a wave is held in memory, not the whole report.

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "core/parallel_slices.h"

namespace quotecheck {

/// Records of a line or a table row each (a link with its diff, a finding) formatted per chunk
/// on a thread (OrderedRecords::Write): enough that taking a chunk costs nothing next to
/// formatting it, a record taking microseconds.
inline constexpr size_t kRecordsPerChunk = 1024;

class OrderedRecords {
 public:
  /// Records are written to `out`, formatted on up to `jobs` threads.
  OrderedRecords(std::ostream* out, unsigned jobs) : out_(out), jobs_(std::max(1u, jobs)) {
    buffer_.reserve(kFlushThreshold + kFlushThreshold / 4);
  }

  /// Text appended here is written after every record before it (records are appended to
  /// it on this thread, or written in waves that start with it).
  std::string& buffer() { return buffer_; }
  /// Writes the buffer out once it is large; call after appending a record to buffer().
  void MaybeFlush() {
    if (buffer_.size() >= kFlushThreshold) Flush();
  }

  /// Records [0, n), each by append(&text, i, worker) (worker < jobs: a thread's own state),
  /// in order: on this thread (worker 0) when one job is asked for or there are fewer than two
  /// chunks of `per_chunk` records, else in waves of chunks formatted on the threads. A
  /// record's text carries its own line ends; an empty one writes nothing.
  template <typename Append>
  void Write(size_t n, size_t per_chunk, Append append) {
    per_chunk = std::max<size_t>(1, per_chunk);
    if (jobs_ <= 1 || n < 2 * per_chunk) {
      for (size_t i = 0; i < n; ++i) {
        append(&buffer_, i, 0u);
        MaybeFlush();
      }
      return;
    }
    Flush();
    const size_t chunks_in_wave = kChunksPerThreadInWave * jobs_;
    const size_t per_wave = chunks_in_wave * per_chunk;
    std::vector<std::string> chunks(chunks_in_wave);
    for (size_t wave = 0; wave < n; wave += per_wave) {
      const size_t in_wave = std::min(per_wave, n - wave);
      RunInChunks(in_wave, per_chunk, jobs_, [&](size_t begin, size_t end, unsigned worker) {
        // Formatted into a string of the thread's own: the chunks' headers share cache
        // lines, and writing their sizes from two threads cost more than the threads saved.
        std::string text = std::move(chunks[begin / per_chunk]);
        text.clear();
        for (size_t i = wave + begin; i < wave + end; ++i) append(&text, i, worker);
        chunks[begin / per_chunk] = std::move(text);
      });
      for (size_t c = 0; c * per_chunk < in_wave; ++c) Put(chunks[c]);
    }
  }

  /// Writes what the buffer holds and flushes the stream.
  void Finish() {
    Flush();
    out_->flush();
  }

 private:
  // Bytes the buffer gathers before they are written.
  static constexpr size_t kFlushThreshold = size_t{1} << 20;
  // Chunks per thread in a wave (the threads of a wave start once): enough that the chunks
  // even out between the threads.
  static constexpr size_t kChunksPerThreadInWave = 4;

  void Put(const std::string& text) {
    out_->write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  void Flush() {
    Put(buffer_);
    buffer_.clear();
  }

  std::ostream* out_;
  unsigned jobs_;
  std::string buffer_;
};

}  // namespace quotecheck
