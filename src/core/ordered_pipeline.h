#pragma once
/// The ordered parallel runner, over any kind of item: items are read in input order on the
/// calling thread, processed by `jobs` threads (jobs - 1 workers and the calling thread, which
/// processes queued items whenever the next one to deliver is not done yet), and delivered
/// back on the calling thread strictly in input order (by sequence number). At most
/// `max_in_flight` items are between reading and delivery at any time, so memory stays
/// bounded however long the input is. With one job everything runs on the calling thread,
/// without threads or locks.
///
/// Why the calling thread processes too: with `jobs` workers beside it, -j 2 on two cores ran
/// three busy threads, and the hand-offs and preemptions between them cost ~18% more CPU
/// than one core alone (extract, 20 MB generated corpus: 0.56 s at -j 1, 0.66 s at -j 2).
///
/// Documents go through it as DocumentResults (core/document_pipeline.h); a quote store read
/// for `lint` goes through it as blocks of lines (ingest/quote_store.cc).

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace quotecheck {

template <typename Item>
struct OrderedPipelineSteps {
  /// Reads the next item into `*item` (a fresh Item) as number `sequence` (0-based, in input
  /// order); returns false at the end of the input. Called on the calling thread only.
  std::function<bool(Item* item, size_t sequence)> read;
  /// Processes one item in place. Called on worker threads and the calling thread,
  /// concurrently for different items: must be thread-safe.
  std::function<void(Item* item)> process;
  /// Receives each processed item, in input order, on the calling thread. Returns false to
  /// stop the run early (e.g. the output cannot be written): nothing more is read, and items
  /// already in flight are dropped undelivered.
  std::function<bool(Item& item)> deliver;
};

struct OrderedPipelineOptions {
  /// Threads that process items, the calling thread among them; 1 (or 0) runs everything on
  /// the calling thread.
  size_t jobs = 1;
  /// Items read but not yet delivered; 0 means 4 × jobs.
  size_t max_in_flight = 0;
};

namespace ordered_pipeline_internal {

template <typename Item>
size_t RunOnCallingThread(const OrderedPipelineSteps<Item>& steps) {
  size_t delivered = 0;
  for (size_t sequence = 0;; ++sequence) {
    Item item{};
    if (!steps.read(&item, sequence)) break;
    steps.process(&item);
    ++delivered;
    if (!steps.deliver(item)) break;
  }
  return delivered;
}

// Items live in a ring of `capacity` slots indexed by sequence % capacity. A slot belongs
// to the calling thread until its sequence number is queued, then to the one thread (a
// worker or the calling thread) that pops it, then (once marked done) to the calling thread
// again. The mutex guards the queue,
// the done flags and the shutdown flag; slot contents are handed over through them.
template <typename Item>
class ParallelPipeline {
 public:
  /// Starts `workers` worker threads.
  ParallelPipeline(const OrderedPipelineSteps<Item>& steps, size_t workers, size_t capacity)
      : steps_(steps), capacity_(capacity), slots_(capacity), done_(capacity, false) {
    workers_.reserve(workers);
    for (size_t i = 0; i < workers; ++i) {
      try {
        workers_.emplace_back([this] { WorkerLoop(); });
      } catch (const std::system_error&) {
        break;  // the system has no more threads: go on with those started
      }
    }
  }

  /// Worker threads running (fewer than asked when thread creation failed).
  size_t workers() const { return workers_.size(); }

  ~ParallelPipeline() { Shutdown(); }

  size_t Run() {
    size_t next_read = 0;
    size_t next_deliver = 0;
    bool end_of_input = false;
    for (;;) {
      // Read while there is room, delivering whatever is already finished on the way.
      while (!end_of_input && next_read - next_deliver < capacity_) {
        Item& slot = slots_[next_read % capacity_];
        if (!steps_.read(&slot, next_read)) {
          end_of_input = true;
          break;
        }
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
      HelpUntilDone(next_deliver);
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
      if (ProcessFirstQueued(lock) == awaited_) result_ready_.notify_one();
    }
  }

  // Takes the first queued item and processes it, the lock released meanwhile; marks it done
  // and returns its sequence number. `lock` holds mutex_ and the queue is not empty.
  size_t ProcessFirstQueued(std::unique_lock<std::mutex>& lock) {
    const size_t sequence = queue_.front();
    queue_.pop_front();
    lock.unlock();
    steps_.process(&slots_[sequence % capacity_]);
    lock.lock();
    done_[sequence % capacity_] = true;
    return sequence;
  }

  bool IsDone(size_t sequence) {
    std::lock_guard<std::mutex> lock(mutex_);
    return done_[sequence % capacity_];
  }

  // Processes queued items on the calling thread until `sequence` is done; waits only when
  // the queue is empty (the rest are on workers).
  void HelpUntilDone(size_t sequence) {
    std::unique_lock<std::mutex> lock(mutex_);
    awaited_ = sequence;
    while (!done_[sequence % capacity_]) {
      if (queue_.empty()) {
        result_ready_.wait(lock);
        continue;
      }
      ProcessFirstQueued(lock);
    }
  }

  // Hands the finished item to `deliver`, then frees its slot.
  bool Deliver(size_t sequence) {
    Item& slot = slots_[sequence % capacity_];
    const bool go_on = steps_.deliver(slot);
    slot = Item{};
    std::lock_guard<std::mutex> lock(mutex_);
    done_[sequence % capacity_] = false;
    return go_on;
  }

  // Early stop: drops the queued items and waits for those being processed.
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

  const OrderedPipelineSteps<Item>& steps_;
  const size_t capacity_;
  std::vector<Item> slots_;

  std::mutex mutex_;
  std::condition_variable work_ready_;    // workers wait for queued items
  std::condition_variable result_ready_;  // the calling thread waits for `awaited_`
  std::deque<size_t> queue_;              // sequence numbers read but not yet taken
  std::vector<bool> done_;                // by slot: processed, not yet delivered
  size_t awaited_ = static_cast<size_t>(-1);
  bool shutdown_ = false;

  std::vector<std::thread> workers_;  // last: started after everything above exists
};

}  // namespace ordered_pipeline_internal

/// Runs read → process → deliver over the whole input. Returns the number of items
/// delivered.
template <typename Item>
size_t RunOrderedPipeline(const OrderedPipelineOptions& options,
                          const OrderedPipelineSteps<Item>& steps) {
  if (options.jobs <= 1) return ordered_pipeline_internal::RunOnCallingThread(steps);
  const size_t capacity = options.max_in_flight > 0 ? options.max_in_flight : 4 * options.jobs;
  ordered_pipeline_internal::ParallelPipeline<Item> pipeline(steps, options.jobs - 1, capacity);
  if (pipeline.workers() == 0) return ordered_pipeline_internal::RunOnCallingThread(steps);
  return pipeline.Run();
}

}  // namespace quotecheck
