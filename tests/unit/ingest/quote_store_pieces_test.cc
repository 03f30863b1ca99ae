#include "ingest/quote_store_pieces.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ingest/quote_store.h"
#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

std::string DocLine(const std::string& id, const std::string& outlet,
                    const std::string& role = "") {
  return "{\"type\":\"document\",\"doc\":\"" + id + "\",\"outlet\":\"" + outlet + "\"" +
         (role.empty() ? "" : ",\"role\":\"" + role + "\"") + "}\n";
}

std::string QuoteLine(const std::string& id, const std::string& text, int line) {
  return "{\"type\":\"quote\",\"doc\":\"" + id +
         "\",\"start\":0,\"end\":" + std::to_string(text.size()) +
         ",\"line\":" + std::to_string(line) + ",\"col\":1,\"text\":\"" + text + "\"}\n";
}

// What a reader of the whole result sees, as one comparable text.
std::string Describe(const CheckResult& r) {
  std::string out;
  for (const DocumentInfo& d : r.documents) {
    out += "doc " + d.id + " outlet=" + d.meta.outlet + " role=" + d.meta.role +
           (d.primary ? " primary" : "") + "\n";
  }
  for (const QuoteRecord& q : r.quotes) {
    out += "quote " + std::to_string(q.doc) + " " + q.text + " " + std::to_string(q.line) + "\n";
  }
  for (const Diagnostic& d : r.diagnostics) {
    out += FormatDiagnosticHeader(d) + "\n";
  }
  for (const DocumentError& e : r.errors) out += "error " + e.doc + " " + e.message + "\n";
  out += "read " + std::to_string(r.documents_read) + " failed " +
         std::to_string(r.documents_failed) + " bytes " + std::to_string(r.bytes) + "\n";
  return out;
}

// The store at `path` read in pieces cut at `cuts` (line starts) and joined.
CheckResult ReadInPieces(const std::string& path, const std::string& bytes,
                         const std::vector<size_t>& cuts) {
  CheckResult joined;
  QuoteStoreJoin join;
  size_t begin = 0;
  for (size_t k = 0; k <= cuts.size(); ++k) {
    const size_t end = k < cuts.size() ? cuts[k] : bytes.size();
    uint32_t first_line = 1;
    for (size_t i = 0; i < begin; ++i) first_line += bytes[i] == '\n';
    CheckResult piece;
    std::vector<StorePieceOpening> opened;
    ReadQuoteStorePiece(path, begin, end, first_line, &piece, &opened);
    for (DocumentInfo& d : piece.documents) d.primary = d.meta.role == "primary";
    uint64_t dropped = 0;
    const std::vector<uint32_t> number =
        join.Add(piece.documents, opened, begin > 0, &joined.documents, &dropped);
    for (QuoteRecord& q : piece.quotes) {
      q.doc = number[q.doc];
      joined.quotes.push_back(q);
    }
    for (Diagnostic& d : piece.diagnostics) joined.diagnostics.push_back(d);
    for (DocumentError& e : piece.errors) joined.errors.push_back(e);
    joined.documents_read += piece.documents_read - dropped;
    joined.documents_failed += piece.documents_failed;
    joined.bytes += piece.bytes;
    begin = end;
  }
  return joined;
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("a quote store read in pieces and joined is the store read whole") {
    struct Case {
      const char* name;
      std::string store;
    };
    const std::vector<Case> cases = {
        {"records then their quotations", DocLine("a", "Wire") + QuoteLine("a", "one", 1) +
                                              QuoteLine("a", "two", 2) + DocLine("b", "Post") +
                                              QuoteLine("b", "three", 1) + DocLine("c", "Daily") +
                                              QuoteLine("c", "four", 3)},
        {"the same file twice: an id's record again opens another document",
         DocLine("a", "Wire") + QuoteLine("a", "one", 1) + DocLine("b", "Post") +
             QuoteLine("b", "two", 1) + DocLine("a", "Wire") + QuoteLine("a", "one", 1) +
             QuoteLine("b", "late", 4)},
        {"quotations before their record, and an id's quotations spread out",
         QuoteLine("a", "early", 1) + QuoteLine("b", "orphan", 2) + DocLine("a", "Wire") +
             QuoteLine("a", "after", 3) + QuoteLine("b", "again", 5) +
             DocLine("b", "Post", "primary") + QuoteLine("b", "last", 6) + DocLine("b", "Third") +
             QuoteLine("a", "back", 7)},
        {"malformed lines keep their line numbers",
         DocLine("a", "Wire") + "{\"type\":\"quote\",\n" + QuoteLine("a", "one", 1) +
             "not json\n\n" + DocLine("b", "Post") + "{\"doc\":\"b\"}\n" +
             QuoteLine("b", "two", 2)},
    };
    testing::TempDir dir;
    for (const Case& c : cases) {
      CAPTURE(c.name);
      const std::string path = dir.Write("store.jsonl", c.store);
      CheckResult whole;
      ReadQuoteStore(path, &whole);
      for (DocumentInfo& d : whole.documents) d.primary = d.meta.role == "primary";
      const std::string want = Describe(whole);
      std::vector<size_t> starts;  // every line start but the first
      for (size_t i = 0; i + 1 < c.store.size(); ++i) {
        if (c.store[i] == '\n') starts.push_back(i + 1);
      }
      // Every cut at one line start, and every two.
      for (size_t i = 0; i < starts.size(); ++i) {
        CAPTURE(starts[i]);
        CHECK(Describe(ReadInPieces(path, c.store, {starts[i]})) == want);
        for (size_t j = i + 1; j < starts.size(); ++j) {
          CAPTURE(starts[j]);
          CHECK(Describe(ReadInPieces(path, c.store, {starts[i], starts[j]})) == want);
        }
      }
      CHECK(Describe(ReadInPieces(path, c.store, starts)) == want);  // a line a piece
    }
  }
}

}  // namespace quotecheck
