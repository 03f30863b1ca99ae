#include "lint/baseline.h"

#include <simdjson.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/regular_file.h"
#include "report/finding_fingerprint.h"
#include "report/json_writer.h"

namespace quotecheck {
namespace {

Diagnostic Error(const std::string& path, uint32_t line, std::string message) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = path;
  d.line = line;
  d.col = line > 0 ? 1 : 0;
  d.message = std::move(message);
  return d;
}

}  // namespace

bool ReadBaseline(const std::string& path, Baseline* baseline, Diagnostics* diagnostics) {
  std::string bytes;
  std::string error;
  if (!ReadRegularFile(path, &bytes, &error)) {
    diagnostics->push_back(Error(path, 0, std::move(error)));
    return false;
  }
  std::istringstream in(std::move(bytes));
  simdjson::ondemand::parser parser;
  std::string line;
  uint32_t line_no = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    std::string_view fingerprint;
    simdjson::error_code e = parser.iterate(padded).get(doc);
    if (!e) e = doc["fingerprint"].get_string().get(fingerprint);
    if (e) {
      diagnostics->push_back(
          Error(path, line_no,
                e == simdjson::NO_SUCH_FIELD
                    ? std::string("baseline record has no \"fingerprint\"")
                    : std::string("malformed baseline record: ") + simdjson::error_message(e)));
      ok = false;
      continue;
    }
    baseline->fingerprints.emplace(fingerprint);
  }
  return ok;
}

std::string FormatBaseline(const CheckResult& result) {
  std::string out;
  std::unordered_set<std::string> written;
  for (const Finding& f : result.findings) {
    std::string fingerprint = FindingFingerprint(result, f);
    if (!written.insert(fingerprint).second) continue;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("fingerprint");
    w.String(fingerprint);
    w.Key("rule");
    w.String(f.rule);
    if (!f.quotes.empty()) {
      const QuoteRecord& q = result.quotes[f.quotes.front()];
      if (q.speaker) {
        w.Key("speaker");
        w.String(*q.speaker);
      }
      w.Key("quote");
      w.String(q.text);
      w.Key("path");
      w.String(result.documents[q.doc].path);
      w.Key("line");
      w.Uint(q.line);
    } else if (f.location) {
      w.Key("path");
      w.String(f.location->path);
      w.Key("line");
      w.Uint(f.location->line);
    }
    w.EndObject();
    out.push_back('\n');
  }
  return out;
}

size_t ApplyBaseline(const Baseline& baseline, CheckResult* result) {
  const size_t before = result->findings.size();
  std::erase_if(result->findings, [&](const Finding& f) {
    return baseline.fingerprints.count(FindingFingerprint(*result, f)) > 0;
  });
  return before - result->findings.size();
}

}  // namespace quotecheck
