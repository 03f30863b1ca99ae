#include "core/document_pipeline.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace quotecheck {
namespace {

// Steps over `count` documents named "0", "1", …: processing takes a random 0–1.5 ms and
// appends "+" to the text, so out-of-order finishing is the norm with several jobs.
struct FakeRun {
  size_t count = 0;
  size_t stop_after = static_cast<size_t>(-1);

  size_t read_count = 0;
  size_t max_in_flight_seen = 0;
  std::vector<std::string> delivered_ids;
  std::vector<size_t> delivered_sequences;
  bool all_processed = true;
  std::atomic<size_t> processed{0};
  std::atomic<bool> processed_on_calling_thread{false};
  std::atomic<bool> processed_on_other_thread{false};
  std::thread::id calling_thread = std::this_thread::get_id();

  DocumentPipelineSteps Steps() {
    DocumentPipelineSteps steps;
    steps.read = [this](DocumentResult* result) {
      if (read_count == count) return false;
      result->doc.id = std::to_string(read_count++);
      max_in_flight_seen = std::max(max_in_flight_seen, read_count - delivered_ids.size());
      return true;
    };
    steps.process = [this](DocumentResult* result) {
      thread_local std::mt19937 random(
          static_cast<unsigned>(std::hash<std::thread::id>()(std::this_thread::get_id())));
      std::this_thread::sleep_for(
          std::chrono::microseconds(std::uniform_int_distribution<int>(0, 1500)(random)));
      result->doc.text = result->doc.id + "+";
      if (std::this_thread::get_id() == calling_thread) {
        processed_on_calling_thread = true;
      } else {
        processed_on_other_thread = true;
      }
      ++processed;
    };
    steps.deliver = [this](DocumentResult& result) {
      delivered_ids.push_back(result.doc.id);
      delivered_sequences.push_back(result.sequence);
      if (result.doc.text != result.doc.id + "+") all_processed = false;
      return delivered_ids.size() < stop_after;
    };
    return steps;
  }
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("RunDocumentPipeline delivers in input order whatever order processing ends") {
    struct Case {
      size_t jobs;
      size_t max_in_flight;
      size_t count;
    };
    const Case cases[] = {
        {1, 0, 50}, {2, 0, 0}, {2, 0, 200}, {4, 0, 300}, {4, 1, 40}, {4, 5, 100}, {3, 0, 1},
    };
    for (const auto& c : cases) {
      CAPTURE(c.jobs);
      CAPTURE(c.max_in_flight);
      CAPTURE(c.count);
      FakeRun run;
      run.count = c.count;
      const size_t delivered =
          RunDocumentPipeline({.jobs = c.jobs, .max_in_flight = c.max_in_flight}, run.Steps());
      CHECK(delivered == c.count);
      REQUIRE(run.delivered_ids.size() == c.count);
      for (size_t i = 0; i < c.count; ++i) {
        CHECK(run.delivered_ids[i] == std::to_string(i));
        CHECK(run.delivered_sequences[i] == i);
      }
      CHECK(run.all_processed);
      const size_t bound = c.jobs == 1 ? 1 : (c.max_in_flight ? c.max_in_flight : 4 * c.jobs);
      CHECK(run.max_in_flight_seen <= bound);
      // One job: everything on the calling thread. More: workers process, and the calling
      // thread may too while the next document to deliver is not done.
      if (c.jobs == 1) CHECK(run.processed_on_calling_thread == (c.count > 0));
      if (c.jobs == 1) CHECK_FALSE(run.processed_on_other_thread);
      if (c.jobs > 1 && c.max_in_flight == 0 && c.count >= 40) CHECK(run.processed_on_other_thread);
    }
  }

  TEST_CASE("RunDocumentPipeline stops reading when delivery says stop") {
    for (size_t jobs : {size_t{1}, size_t{4}}) {
      CAPTURE(jobs);
      FakeRun run;
      run.count = 1000;
      run.stop_after = 10;
      CHECK(RunDocumentPipeline({.jobs = jobs}, run.Steps()) == 10);
      CHECK(run.delivered_ids.size() == 10);
      CHECK(run.read_count <= 10 + 4 * jobs);
    }
  }

  TEST_CASE("ResolveJobCount takes 0 as the hardware concurrency") {
    CHECK(ResolveJobCount(3) == 3);
    CHECK(ResolveJobCount(0) >= 1);
  }
}

}  // namespace quotecheck
