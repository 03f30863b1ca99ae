#include "batch/batch_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/regular_file.h"
#include "ingest/file_identity.h"
#include "ingest/input_paths.h"
#include "ingest/quote_store.h"

namespace quotecheck {
namespace {

constexpr std::string_view kPlanHeader = "quotecheck-batch-plan 2";

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      out += s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : s[i];
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t from = 0;
  for (size_t tab; (tab = line.find('\t', from)) != std::string_view::npos; from = tab + 1) {
    out.push_back(line.substr(from, tab - from));
  }
  out.push_back(line.substr(from));
  return out;
}

bool ParseCount(std::string_view s, size_t* out) {
  if (s.empty() || s.size() > 18) return false;
  size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  *out = v;
  return true;
}

bool ParseNumber(std::string_view s, uint64_t* out) {
  size_t v = 0;
  if (!ParseCount(s, &v)) return false;
  *out = v;
  return true;
}

// `unit` cut into pieces at the first line start at or after each offset of `cuts` (sorted,
// inside the file): one pass over the file, counting lines. Whole when it cannot be read.
std::vector<BatchUnit> CutStore(const BatchUnit& unit, uint64_t size,
                                const std::vector<uint64_t>& cuts) {
  std::string error;
  std::FILE* file = OpenRegularFile(unit.path, &error);
  if (file == nullptr) return {unit};
  std::vector<BatchUnit> pieces;
  BatchUnit piece = unit;
  piece.piece = true;
  constexpr size_t kChunk = size_t{1} << 20;
  std::vector<char> buf(kChunk);
  uint64_t at = 0;     // file offset of buf[0]
  uint64_t lines = 0;  // '\n' before `at`
  size_t next = 0;     // the next cut to place
  for (;;) {
    const size_t n = std::fread(buf.data(), 1, buf.size(), file);
    if (n == 0) break;
    size_t i = 0;
    while (i < n && next < cuts.size()) {
      // The line start at or after cuts[next]: just after the first '\n' at cuts[next] - 1 or
      // later.
      const uint64_t from = std::max<uint64_t>(cuts[next] - 1, at + i);
      if (from >= at + n) break;
      const void* nl = std::memchr(buf.data() + (from - at), '\n', n - (from - at));
      if (nl == nullptr) break;
      const size_t pos = static_cast<size_t>(static_cast<const char*>(nl) - buf.data());
      lines += static_cast<uint64_t>(std::count(buf.data() + i, buf.data() + pos + 1, '\n'));
      i = pos + 1;
      const uint64_t cut = at + i;
      if (cut < size && cut > piece.begin) {
        piece.end = cut;
        pieces.push_back(piece);
        piece.begin = cut;
        piece.first_line = static_cast<uint32_t>(lines + 1);
      }
      while (next < cuts.size() && cuts[next] <= cut) ++next;
    }
    lines += static_cast<uint64_t>(std::count(buf.data() + i, buf.data() + n, '\n'));
    at += n;
    if (n < buf.size()) break;
  }
  const bool ok = !std::ferror(file) && at == size;
  std::fclose(file);
  if (!ok || pieces.empty()) return {unit};
  piece.end = size;
  pieces.push_back(piece);
  return pieces;
}

}  // namespace

std::vector<std::string> BatchPlan::Values(const std::string& key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : settings) {
    if (k == key) out.push_back(v);
  }
  return out;
}

std::string BatchPlan::Value(const std::string& key, const std::string& fallback) const {
  std::string out = fallback;
  for (const auto& [k, v] : settings) {
    if (k == key) out = v;
  }
  return out;
}

BatchPlan MakeBatchPlan(const std::vector<std::string>& references,
                        const std::vector<std::string>& paths, const PathFilter& walk,
                        size_t shards, size_t partitions, size_t blocks) {
  BatchPlan plan;
  plan.partitions = std::max<size_t>(1, partitions);
  plan.blocks = std::max<size_t>(1, blocks);
  // As extract/read_documents.cc reads them: each path expanded on its own; one that cannot
  // be expanded cleanly goes to the reader as named (it reports why); a file named twice is
  // read once.
  FileSet seen;
  auto add = [&](const std::vector<std::string>& list, bool primary) {
    for (const std::string& path : list) {
      InputExpansion expansion = ExpandInputPaths({path}, walk);
      if (!expansion.diagnostics.empty() || !expansion.warnings.empty()) {
        plan.units.push_back({path, primary});
        continue;
      }
      for (const std::string& file : expansion.files) {
        if (seen.Insert(file)) plan.units.push_back({file, primary});
      }
    }
  };
  add(references, true);
  add(paths, false);
  // Shards of about equal bytes: a quote store that a shard's end falls in is cut there (at
  // a line start); then shard k ends at the first unit where the bytes so far reach k + 1
  // shares of the total.
  shards = std::max<size_t>(1, shards);
  std::vector<uint64_t> file_sizes;
  uint64_t total = 0;
  for (const BatchUnit& u : plan.units) {
    file_sizes.push_back(std::max<uint64_t>(1, TotalFileBytes({u.path})));
    total += file_sizes.back();
  }
  std::vector<BatchUnit> units;
  std::vector<uint64_t> sizes;
  uint64_t start = 0;  // of the unit, in the bytes of all units
  for (size_t u = 0; u < plan.units.size(); ++u) {
    std::vector<uint64_t> cuts;  // shard ends inside the unit, as offsets in it
    for (size_t k = 0; k + 1 < shards; ++k) {
      const uint64_t target = total * (k + 1) / shards;
      if (target > start && target < start + file_sizes[u]) cuts.push_back(target - start);
    }
    std::vector<BatchUnit> pieces = {plan.units[u]};
    if (!cuts.empty() && IsQuoteStoreFile(plan.units[u].path)) {
      pieces = CutStore(plan.units[u], file_sizes[u], cuts);
    }
    for (BatchUnit& p : pieces) {
      sizes.push_back(p.piece ? p.end - p.begin : file_sizes[u]);
      units.push_back(std::move(p));
    }
    start += file_sizes[u];
  }
  plan.units = std::move(units);
  size_t unit = 0;
  uint64_t so_far = 0;
  for (size_t k = 0; k < shards; ++k) {
    const uint64_t target = total * (k + 1) / shards;
    while (unit < plan.units.size() && (k + 1 == shards || so_far + sizes[unit] / 2 < target)) {
      so_far += sizes[unit];
      ++unit;
    }
    plan.shard_end.push_back(unit);
  }
  return plan;
}

std::string FormatBatchPlan(const BatchPlan& plan) {
  std::string out(kPlanHeader);
  out += '\n';
  for (const auto& [key, value] : plan.settings) {
    out += fmt::format("set\t{}\t{}\n", Escape(key), Escape(value));
  }
  out += fmt::format("partitions\t{}\n", plan.partitions);
  out += fmt::format("blocks\t{}\n", plan.blocks);
  size_t unit = 0;
  for (size_t end : plan.shard_end) {
    for (; unit < end; ++unit) {
      const BatchUnit& u = plan.units[unit];
      if (u.piece) {
        out += fmt::format("piece\t{}\t{}\t{}\t{}\t{}\n", u.primary ? 1 : 0, Escape(u.path),
                           u.begin, u.end, u.first_line);
      } else {
        out += fmt::format("unit\t{}\t{}\n", u.primary ? 1 : 0, Escape(u.path));
      }
    }
    out += fmt::format("shard\t{}\n", end);
  }
  return out;
}

Result<BatchPlan> ParseBatchPlan(std::string_view text) {
  BatchPlan plan;
  size_t line_no = 0;
  bool header = false;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    auto bad = [&]() {
      return Status::Error(fmt::format("plan.txt:{}: error: not a line of a batch plan", line_no));
    };
    if (!header) {
      if (line != kPlanHeader) return bad();
      header = true;
      continue;
    }
    const std::vector<std::string_view> f = Fields(line);
    size_t n = 0;
    if (f[0] == "set" && f.size() == 3) {
      plan.settings.emplace_back(Unescape(f[1]), Unescape(f[2]));
    } else if (f[0] == "partitions" && f.size() == 2 && ParseCount(f[1], &n) && n > 0) {
      plan.partitions = n;
    } else if (f[0] == "blocks" && f.size() == 2 && ParseCount(f[1], &n) && n > 0) {
      plan.blocks = n;
    } else if (f[0] == "unit" && f.size() == 3 && (f[1] == "0" || f[1] == "1")) {
      plan.units.push_back({Unescape(f[2]), f[1] == "1"});
    } else if (f[0] == "piece" && f.size() == 6 && (f[1] == "0" || f[1] == "1")) {
      BatchUnit u{Unescape(f[2]), f[1] == "1", true};
      uint64_t line = 0;
      if (!ParseNumber(f[3], &u.begin) || !ParseNumber(f[4], &u.end) || u.end < u.begin ||
          !ParseNumber(f[5], &line) || line == 0 || line > UINT32_MAX) {
        return bad();
      }
      u.first_line = static_cast<uint32_t>(line);
      plan.units.push_back(std::move(u));
    } else if (f[0] == "shard" && f.size() == 2 && ParseCount(f[1], &n) && n == plan.units.size()) {
      plan.shard_end.push_back(n);
    } else {
      return bad();
    }
  }
  if (!header || plan.shard_end.empty() || plan.shard_end.back() != plan.units.size()) {
    return Status::Error("plan.txt: error: incomplete batch plan");
  }
  return plan;
}

}  // namespace quotecheck
