#include "report/ordered_records.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

namespace quotecheck {
namespace {

// Record i: its number on a line, except every seventh, which is empty (writes nothing).
void AppendRecord(std::string* text, size_t i) {
  if (i % 7 != 3) text->append(std::to_string(i)).push_back('\n');
}

// A stream buffer that keeps `room` bytes, then refuses every write, as a full disk does.
class FullDevice : public std::streambuf {
 public:
  explicit FullDevice(size_t room) : room_(room) {}

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    const auto taken = std::min(static_cast<size_t>(n), room_);
    room_ -= taken;
    return static_cast<std::streamsize>(taken);
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof()) || room_ == 0) return traits_type::eof();
    --room_;
    return c;
  }

 private:
  size_t room_;
};

std::string Expected(std::string_view before, size_t n, std::string_view after) {
  std::string want(before);
  for (size_t i = 0; i < n; ++i) AppendRecord(&want, i);
  want.append(after);
  return want;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("OrderedRecords writes the records in order, for any threads and chunk size") {
    struct Case {
      size_t n;
      size_t per_chunk;
    };
    const Case cases[] = {{0, 4},   {1, 4},    {7, 4},     {8, 4},        {9, 4}, {100, 1},
                          {100, 7}, {1000, 3}, {5000, 64}, {70000, 1024}, {3, 0}};
    for (const Case& c : cases) {
      for (unsigned jobs : {0u, 1u, 2u, 3u, 8u}) {
        CAPTURE(c.n);
        CAPTURE(c.per_chunk);
        CAPTURE(jobs);
        std::ostringstream out;
        OrderedRecords writer(&out, jobs);
        writer.buffer().append("head\n");
        writer.Write(c.n, c.per_chunk, [&](std::string* text, size_t i, unsigned worker) {
          CHECK(worker < std::max(1u, jobs));
          AppendRecord(text, i);
        });
        writer.buffer().append("tail\n");
        writer.Finish();
        CHECK(out.str() == Expected("head\n", c.n, "tail\n"));
      }
    }
  }

  TEST_CASE("OrderedRecords: two runs of records on one writer, with text between them") {
    std::ostringstream out;
    OrderedRecords writer(&out, 2);
    auto append = [](std::string* text, size_t i, unsigned) { AppendRecord(text, i); };
    writer.Write(3000, 16, append);
    writer.buffer().append("--\n");
    writer.MaybeFlush();
    writer.Write(5, 16, append);  // too few for threads: appended to the buffer
    writer.Finish();
    CHECK(out.str() == Expected("", 3000, "--\n") + Expected("", 5, ""));
  }

  TEST_CASE("OrderedRecords: a write error shows on the stream, nothing is thrown") {
    // A device that takes the first kept bytes, then refuses (a full disk): the stream was
    // good until the writer wrote past them.
    FullDevice device(4096);
    std::ostream out(&device);
    OrderedRecords writer(&out, 2);
    writer.Write(5000, 8, [](std::string* text, size_t i, unsigned) { AppendRecord(text, i); });
    writer.Finish();
    CHECK(out.bad());
  }
}

}  // namespace quotecheck
