#include "core/document_pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace quotecheck {
namespace {

size_t RunOnCallingThread(const DocumentPipelineSteps& steps) {
  size_t delivered = 0;
  for (size_t sequence = 0;; ++sequence) {
    DocumentResult result;
    if (!steps.read(&result)) break;
    result.sequence = sequence;
    steps.process(&result);
    ++delivered;
    if (!steps.deliver(result)) break;
  }
  return delivered;
}

// Documents live in a ring of `capacity` slots indexed by sequence % capacity. A slot
// belongs to the calling thread until its sequence number is queued, then to the one
// worker that pops it, then (once marked done) to the calling thread again. The mutex
// guards the queue, the done flags and the shutdown flag; slot contents are handed over
// through them.
class ParallelDocumentPipeline {
 public:
  ParallelDocumentPipeline(const DocumentPipelineSteps& steps, size_t jobs, size_t capacity)
      : steps_(steps), capacity_(capacity), slots_(capacity), done_(capacity, false) {
    workers_.reserve(jobs);
    for (size_t i = 0; i < jobs; ++i) {
      try {
        workers_.emplace_back([this] { WorkerLoop(); });
      } catch (const std::system_error&) {
        break;  // the system has no more threads: go on with those started
      }
    }
  }

  /// Worker threads running (fewer than asked when thread creation failed).
  size_t workers() const { return workers_.size(); }

  ~ParallelDocumentPipeline() { Shutdown(); }

  size_t Run() {
    size_t next_read = 0;
    size_t next_deliver = 0;
    bool end_of_input = false;
    for (;;) {
      // Read while there is room, delivering whatever is already finished on the way.
      while (!end_of_input && next_read - next_deliver < capacity_) {
        DocumentResult& slot = slots_[next_read % capacity_];
        if (!steps_.read(&slot)) {
          end_of_input = true;
          break;
        }
        slot.sequence = next_read;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          queue_.push_back(next_read);
        }
        work_ready_.notify_one();
        ++next_read;
        while (next_deliver < next_read && IsDone(next_deliver)) {
          if (!Deliver(next_deliver++)) return Stop(next_deliver);
        }
      }
      if (next_deliver == next_read) break;  // end of input, everything delivered
      WaitUntilDone(next_deliver);
      if (!Deliver(next_deliver++)) return Stop(next_deliver);
    }
    Shutdown();
    return next_deliver;
  }

 private:
  void WorkerLoop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return shutdown_ || !queue_.empty(); });
      if (queue_.empty()) return;  // shut down
      const size_t sequence = queue_.front();
      queue_.pop_front();
      lock.unlock();
      steps_.process(&slots_[sequence % capacity_]);
      lock.lock();
      done_[sequence % capacity_] = true;
      if (sequence == awaited_) result_ready_.notify_one();
    }
  }

  bool IsDone(size_t sequence) {
    std::lock_guard<std::mutex> lock(mutex_);
    return done_[sequence % capacity_];
  }

  void WaitUntilDone(size_t sequence) {
    std::unique_lock<std::mutex> lock(mutex_);
    awaited_ = sequence;
    result_ready_.wait(lock, [&] { return static_cast<bool>(done_[sequence % capacity_]); });
  }

  // Hands the finished document to `deliver`, then frees its slot.
  bool Deliver(size_t sequence) {
    DocumentResult& slot = slots_[sequence % capacity_];
    const bool go_on = steps_.deliver(slot);
    slot = DocumentResult{};
    std::lock_guard<std::mutex> lock(mutex_);
    done_[sequence % capacity_] = false;
    return go_on;
  }

  // Early stop: drops the queued documents and waits for those being processed.
  size_t Stop(size_t delivered) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.clear();
    }
    Shutdown();
    return delivered;
  }

  void Shutdown() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      shutdown_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
  }

  const DocumentPipelineSteps& steps_;
  const size_t capacity_;
  std::vector<DocumentResult> slots_;

  std::mutex mutex_;
  std::condition_variable work_ready_;    // workers wait for queued documents
  std::condition_variable result_ready_;  // the calling thread waits for `awaited_`
  std::deque<size_t> queue_;              // sequence numbers read but not yet taken
  std::vector<bool> done_;                // by slot: processed, not yet delivered
  size_t awaited_ = static_cast<size_t>(-1);
  bool shutdown_ = false;

  std::vector<std::thread> workers_;  // last: started after everything above exists
};

}  // namespace

size_t RunDocumentPipeline(const DocumentPipelineOptions& options,
                           const DocumentPipelineSteps& steps) {
  if (options.jobs <= 1) return RunOnCallingThread(steps);
  const size_t capacity = options.max_in_flight > 0 ? options.max_in_flight : 4 * options.jobs;
  ParallelDocumentPipeline pipeline(steps, options.jobs, capacity);
  if (pipeline.workers() == 0) return RunOnCallingThread(steps);
  return pipeline.Run();
}

size_t ResolveJobCount(unsigned requested) {
  if (requested > 0) return std::min<size_t>(requested, kMaxJobs);
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace quotecheck
