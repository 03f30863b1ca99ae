#include "ingest/quote_store.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/code_point.h"
#include "core/hash.h"
#include "core/line_index.h"
#include "core/ordered_pipeline.h"
#include "core/regular_file.h"
#include "ingest/document_reader.h"
#include "ingest/line_source.h"
#include "ingest/text_decoder.h"

namespace quotecheck {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr size_t kReadChunk = size_t{1} << 20;
// The first line of a store is a short record; an article line may be long. Past this size
// the first line is taken for an article without looking further.
constexpr size_t kMaxSniffLine = size_t{16} << 20;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsBlank(std::string_view line) { return std::all_of(line.begin(), line.end(), IsJsonSpace); }

std::string_view WithoutCarriageReturn(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// 1-based code-point column of `location` in `line`, or 1 when it is not inside it.
uint32_t ColumnIn(std::string_view line, const char* location) {
  if (location == nullptr || location < line.data() || location > line.data() + line.size()) {
    return 1;
  }
  const auto prefix = static_cast<size_t>(location - line.data());
  return static_cast<uint32_t>(CountCodePoints(line.substr(0, prefix)) + 1);
}

const char* CurrentLocation(od::document& doc) {
  const char* location = nullptr;
  return doc.current_location().get(location) == simdjson::SUCCESS ? location : nullptr;
}

// A TextRef field as read: absent, null or an object.
struct RefField {
  bool present = false;
  bool null = false;
  uint64_t start = 0;
  uint64_t end = 0;
  std::string_view text;
};

// The fields of one store line that the reader uses. String views point into the parser's
// buffer and live until the next line is parsed.
struct Fields {
  std::optional<std::string_view> type;
  std::optional<std::string_view> doc;
  std::optional<uint64_t> start;
  std::optional<uint64_t> end;
  uint64_t line = 0;
  uint64_t col = 0;
  std::optional<std::string_view> text;
  std::optional<std::string_view> kind;
  bool has_spans = false;
  std::vector<ByteSpan> spans;
  bool has_parts = false;
  std::vector<std::string_view> parts;
  std::optional<std::string_view> speaker;
  std::optional<std::string_view> speaker_key;
  RefField speaker_mention;
  RefField cue;
  std::string_view rule;
  double confidence = 0.0;
  std::string_view outlet, date, title, url, role;
  std::string_view code, message;  // of a "warning" record
  // The first field of the wrong type ("field \"start\" is not …"); reported only for
  // the record types that use the field.
  std::string field_error;

  void Clear() {
    type.reset();
    doc.reset();
    start.reset();
    end.reset();
    line = col = 0;
    text.reset();
    kind.reset();
    has_spans = has_parts = false;
    spans.clear();
    parts.clear();
    speaker.reset();
    speaker_key.reset();
    speaker_mention = RefField{};
    cue = RefField{};
    rule = {};
    confidence = 0.0;
    outlet = date = title = url = role = {};
    code = message = {};
    field_error.clear();
  }
};

// Reads one line's fields. A simdjson error (malformed JSON) is returned; a value of the
// wrong type sets fields->field_error instead.
class FieldReader {
 public:
  explicit FieldReader(Fields* fields) : f_(fields) {}

  error_code Read(od::object object) {
    for (auto field_result : object) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return e;
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return e;
      if (auto e = ReadField(key, field.value())) return e;
    }
    return simdjson::SUCCESS;
  }

 private:
  void WrongType(std::string_view key, std::string_view expected) {
    if (f_->field_error.empty()) {
      f_->field_error = fmt::format("field \"{}\" is not {}", key, expected);
    }
  }

  error_code Type(od::value& value, od::json_type* type) { return value.type().get(*type); }

  // A string into *out; a value of another type is a field error.
  error_code String(std::string_view key, od::value value, std::string_view* out,
                    bool nullable = false, bool* is_null = nullptr) {
    od::json_type type;
    if (auto e = Type(value, &type)) return e;
    if (type == od::json_type::null && nullable) {
      if (is_null != nullptr) *is_null = true;
      return simdjson::SUCCESS;
    }
    if (type != od::json_type::string) {
      WrongType(key, nullable ? "a string or null" : "a string");
      return simdjson::SUCCESS;
    }
    return value.get_string().get(*out);
  }

  error_code Uint(std::string_view key, od::value value, uint64_t* out) {
    od::json_type type;
    if (auto e = Type(value, &type)) return e;
    if (type != od::json_type::number || value.get_uint64().get(*out) != simdjson::SUCCESS) {
      WrongType(key, "a non-negative integer");
    }
    return simdjson::SUCCESS;
  }

  error_code Ref(std::string_view key, od::value value, RefField* ref) {
    ref->present = true;
    od::json_type type;
    if (auto e = Type(value, &type)) return e;
    if (type == od::json_type::null) {
      ref->null = true;
      return simdjson::SUCCESS;
    }
    if (type != od::json_type::object) {
      WrongType(key, "an object or null");
      return simdjson::SUCCESS;
    }
    od::object object;
    if (auto e = value.get_object().get(object)) return e;
    bool has_start = false;
    bool has_end = false;
    bool has_text = false;
    for (auto field_result : object) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return e;
      std::string_view name;
      if (auto e = field.unescaped_key().get(name)) return e;
      if (name == "start") {
        has_start = true;
        if (auto e = Uint(key, field.value(), &ref->start)) return e;
      } else if (name == "end") {
        has_end = true;
        if (auto e = Uint(key, field.value(), &ref->end)) return e;
      } else if (name == "text") {
        has_text = true;
        if (auto e = String(key, field.value(), &ref->text)) return e;
      }
    }
    if (!has_start || !has_end || !has_text) WrongType(key, "{\"start\",\"end\",\"text\"}");
    return simdjson::SUCCESS;
  }

  error_code Spans(std::string_view key, od::value value) {
    f_->has_spans = true;
    od::json_type type;
    if (auto e = Type(value, &type)) return e;
    if (type != od::json_type::array) {
      WrongType(key, "an array of [start, end] pairs");
      return simdjson::SUCCESS;
    }
    od::array array;
    if (auto e = value.get_array().get(array)) return e;
    for (auto element : array) {
      od::value pair_value;
      if (auto e = element.get(pair_value)) return e;
      if (auto e = Type(pair_value, &type)) return e;
      if (type != od::json_type::array) {
        WrongType(key, "an array of [start, end] pairs");
        continue;
      }
      od::array pair;
      if (auto e = pair_value.get_array().get(pair)) return e;
      uint64_t bounds[2] = {0, 0};
      size_t n = 0;
      for (auto bound : pair) {
        od::value v;
        if (auto e = bound.get(v)) return e;
        uint64_t x = 0;
        if (auto e = Uint(key, v, &x)) return e;
        if (n < 2) bounds[n] = x;
        ++n;
      }
      if (n != 2) WrongType(key, "an array of [start, end] pairs");
      f_->spans.push_back(ByteSpan{static_cast<size_t>(bounds[0]), static_cast<size_t>(bounds[1])});
    }
    return simdjson::SUCCESS;
  }

  error_code Parts(std::string_view key, od::value value) {
    f_->has_parts = true;
    od::json_type type;
    if (auto e = Type(value, &type)) return e;
    if (type != od::json_type::array) {
      WrongType(key, "an array of strings");
      return simdjson::SUCCESS;
    }
    od::array array;
    if (auto e = value.get_array().get(array)) return e;
    for (auto element : array) {
      od::value v;
      if (auto e = element.get(v)) return e;
      std::string_view part;
      if (auto e = String(key, v, &part)) return e;
      f_->parts.push_back(part);
    }
    return simdjson::SUCCESS;
  }

  error_code ReadField(std::string_view key, od::value value) {
    if (key == "type") return Optional(key, value, &f_->type);
    if (key == "doc") return Optional(key, value, &f_->doc);
    if (key == "start") return OptionalUint(key, value, &f_->start);
    if (key == "end") return OptionalUint(key, value, &f_->end);
    if (key == "line") return Uint(key, value, &f_->line);
    if (key == "col") return Uint(key, value, &f_->col);
    if (key == "text") return Optional(key, value, &f_->text);
    if (key == "kind") return Optional(key, value, &f_->kind);
    if (key == "spans") return Spans(key, value);
    if (key == "parts") return Parts(key, value);
    if (key == "speaker") return Nullable(key, value, &f_->speaker);
    if (key == "speaker_key") return Nullable(key, value, &f_->speaker_key);
    if (key == "speaker_mention") return Ref(key, value, &f_->speaker_mention);
    if (key == "cue") return Ref(key, value, &f_->cue);
    if (key == "rule") return String(key, value, &f_->rule, /*nullable=*/true);
    if (key == "confidence") {
      od::json_type type;
      if (auto e = Type(value, &type)) return e;
      if (type != od::json_type::number ||
          value.get_double().get(f_->confidence) != simdjson::SUCCESS) {
        WrongType(key, "a number");
      }
      return simdjson::SUCCESS;
    }
    if (key == "outlet") return String(key, value, &f_->outlet, true);
    if (key == "date") return String(key, value, &f_->date, true);
    if (key == "title") return String(key, value, &f_->title, true);
    if (key == "url") return String(key, value, &f_->url, true);
    if (key == "role") return String(key, value, &f_->role, true);
    if (key == "code") return String(key, value, &f_->code, true);
    if (key == "message") return String(key, value, &f_->message, true);
    return simdjson::SUCCESS;  // other fields are skipped
  }

  // A string or null (left unset).
  error_code Nullable(std::string_view key, od::value value, std::optional<std::string_view>* out) {
    bool is_null = false;
    std::string_view s;
    if (auto e = String(key, value, &s, /*nullable=*/true, &is_null)) return e;
    if (!is_null) *out = s;
    return simdjson::SUCCESS;
  }

  error_code Optional(std::string_view key, od::value value, std::optional<std::string_view>* out) {
    std::string_view s;
    const size_t errors_before = f_->field_error.size();
    if (auto e = String(key, value, &s)) return e;
    if (f_->field_error.size() == errors_before) *out = s;
    return simdjson::SUCCESS;
  }

  error_code OptionalUint(std::string_view key, od::value value, std::optional<uint64_t>* out) {
    uint64_t x = 0;
    const size_t errors_before = f_->field_error.size();
    if (auto e = Uint(key, value, &x)) return e;
    if (f_->field_error.size() == errors_before) *out = x;
    return simdjson::SUCCESS;
  }

  Fields* f_;
};

std::optional<QuoteKind> ParseKind(std::string_view name) {
  for (QuoteKind kind : {QuoteKind::kDirect, QuoteKind::kPartial, QuoteKind::kTerm}) {
    if (QuoteKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<TextRef> ToTextRef(const RefField& ref) {
  if (!ref.present || ref.null) return std::nullopt;
  return TextRef{ByteSpan{static_cast<size_t>(ref.start), static_cast<size_t>(ref.end)},
                 std::string(ref.text)};
}

// QuoteRecord::text from the pieces of a quote record (see the header).
std::string QuoteText(const Fields& f, size_t start, size_t end,
                      const std::vector<ByteSpan>& spans) {
  const std::string_view text = f.text.value_or(std::string_view());
  if (spans.size() <= 1) return std::string(text);
  std::string out;
  if (f.has_parts && f.parts.size() == spans.size()) {
    size_t size = f.parts.size() - 1;
    for (std::string_view part : f.parts) size += part.size();
    out.reserve(size);
    for (size_t i = 0; i < f.parts.size(); ++i) {
      if (i > 0) out.push_back(' ');
      out.append(f.parts[i]);
    }
    return out;
  }
  const bool cuttable =
      text.size() == end - start && std::all_of(spans.begin(), spans.end(), [&](const ByteSpan& s) {
        return s.start >= start && s.start <= s.end && s.end <= end;
      });
  if (!cuttable) return std::string(text);
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out.push_back(' ');
    out.append(text.substr(spans[i].start - start, spans[i].size()));
  }
  return out;
}

// Appends the JSON string body `raw` (between its quotes) decoded; false when it is not a
// valid JSON string body.
bool DecodeJsonString(std::string_view raw, std::string* out) {
  out->clear();
  auto hex4 = [&](size_t at, uint32_t* v) {
    if (at + 4 > raw.size()) return false;
    *v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      const char c = raw[k];
      *v <<= 4;
      if (c >= '0' && c <= '9')
        *v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        *v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        *v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (++i >= raw.size()) return false;
    switch (raw[i]) {
      case 'n':
        out->push_back('\n');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'u': {
        uint32_t cp = 0;
        if (!hex4(i + 1, &cp)) return false;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < raw.size() && raw[i + 1] == '\\' &&
            raw[i + 2] == 'u') {
          uint32_t low = 0;
          if (hex4(i + 3, &low) && low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        out->push_back(raw[i]);
        break;  // " \ /
    }
  }
  return true;
}

// A key looked for in the lines of a store ("\"doc\"", with its quotes). A JSON line holds
// many '"', each of which std::string_view::find stops at to compare the rest of a key;
// glibc's memmem sets up a table of shifts on each call, which costs more than searching a
// line of a few hundred bytes. So 16 places at a time are tested for the key's first two
// bytes and its last (GCC vector extensions: SSE2 on x86-64, NEON on arm64), and only
// those that pass are compared whole.
class JsonKey {
 public:
  explicit JsonKey(std::string_view key) : key_(key) {}

  std::string_view key() const { return key_; }

  // Where the key first is in `line`, or npos.
  size_t In(std::string_view line) const {
    using Bytes = unsigned char __attribute__((vector_size(16)));
    const size_t m = key_.size();
    const char* data = line.data();
    size_t i = 0;
    if (line.size() >= m + 16) {
      const Bytes first = Broadcast(key_[0]);
      const Bytes second = Broadcast(key_[1]);
      const Bytes last = Broadcast(key_[m - 1]);
      for (; i + m + 15 <= line.size(); i += 16) {
        const Bytes hits = (Load(data + i) == first) & (Load(data + i + 1) == second) &
                           (Load(data + i + m - 1) == last);
        uint64_t low = 0;
        uint64_t high = 0;
        std::memcpy(&low, &hits, 8);
        std::memcpy(&high, reinterpret_cast<const char*>(&hits) + 8, 8);
        if ((low | high) == 0) continue;
        for (size_t k = 0; k < 16; ++k) {
          if (hits[k] != 0 && std::memcmp(data + i + k, key_.data(), m) == 0) return i + k;
        }
      }
    }
    // The last places (fewer than 16 + the key's size): too few for a table of shifts.
    return line.find(key_, i);
  }

 private:
  using Bytes = unsigned char __attribute__((vector_size(16)));
  static Bytes Broadcast(char c) {
    Bytes v;
    std::memset(&v, c, sizeof v);
    return v;
  }
  static Bytes Load(const char* p) {
    Bytes v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  std::string_view key_;
};

const JsonKey kDocKey("\"doc\"");
const JsonKey kTextKey("\"text\"");
const JsonKey kPartsKey("\"parts\"");

// Where the string value of the first `key` ("\"doc\"") in `line` is, when it comes before
// any nested object: its bytes, without the quotes, are line[*begin, *end). False otherwise.
bool FindStringField(std::string_view line, const JsonKey& key, size_t* begin, size_t* end) {
  const size_t at = key.In(line);
  if (at == std::string_view::npos) return false;
  if (at > 1 && std::memchr(line.data() + 1, '{', at - 1) != nullptr) return false;
  size_t i = at + key.key().size();
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != ':') return false;
  ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '"') return false;
  *begin = ++i;
  // The first '"' after an even run of backslashes (each escapes the byte after it).
  for (;;) {
    const void* quote = std::memchr(line.data() + i, '"', line.size() - i);
    if (quote == nullptr) return false;
    i = static_cast<size_t>(static_cast<const char*>(quote) - line.data());
    size_t run = 0;
    while (i - run > *begin && line[i - run - 1] == '\\') ++run;
    if (run % 2 == 0) break;
    ++i;
  }
  *end = i;
  return true;
}

// The string `line[begin, end)` found by FindStringField, decoded: a view of `line` when it
// has no escapes (most do not: no copy), else of `*scratch`, which holds it decoded.
bool DecodeStringField(std::string_view line, size_t begin, size_t end, std::string* scratch,
                       std::string_view* value) {
  const std::string_view raw = line.substr(begin, end - begin);
  if (std::memchr(raw.data(), '\\', raw.size()) == nullptr) {
    *value = raw;
    return true;
  }
  if (!DecodeJsonString(raw, scratch)) return false;
  *value = *scratch;
  return true;
}

// The decoded string value of the first `key` in `line` (FindStringField, DecodeStringField).
bool PeekStringField(std::string_view line, const JsonKey& key, std::string* scratch,
                     std::string_view* value) {
  size_t begin = 0;
  size_t end = 0;
  return FindStringField(line, key, &begin, &end) &&
         DecodeStringField(line, begin, end, scratch, value);
}

bool StartsAsRecord(std::string_view line, std::string_view type) {
  static constexpr std::string_view kCompact = "{\"type\":\"";
  static constexpr std::string_view kSpaced = "{\"type\": \"";
  std::string_view rest;
  if (line.starts_with(kCompact)) {
    rest = line.substr(kCompact.size());
  } else if (line.starts_with(kSpaced)) {
    rest = line.substr(kSpaced.size());
  } else {
    return false;
  }
  return rest.starts_with(type) && rest.substr(type.size()).starts_with("\"");
}

// The decoded top-level "text" of a quote line as extract writes it, when that can be told
// without parsing: the line starts with {"type":"quote" (a space allowed after the colon),
// has no "parts", and its first "text" key comes before any nested object. False otherwise.
// `*text` views `line` or `*scratch` (PeekStringField).
bool PeekQuoteText(std::string_view line, std::string* scratch, std::string_view* text) {
  if (!StartsAsRecord(line, "quote")) return false;
  size_t begin = 0;
  size_t end = 0;
  if (!FindStringField(line, kTextKey, &begin, &end)) return false;
  // Is "parts" anywhere in the line? Not in the text's bytes: there a '"' is escaped, so
  // it is followed by no `parts"` and preceded by a backslash, not by `"part`; a match can
  // only start before them or in their last 6 bytes (ending at the closing quote), and
  // the text, the longest part of a line, need not be searched.
  const size_t overlap = kPartsKey.key().size() - 1;
  if (kPartsKey.In(line.substr(0, begin + overlap)) != std::string_view::npos) return false;
  const size_t tail = std::max(begin, end - std::min(end, overlap));
  if (kPartsKey.In(line.substr(tail)) != std::string_view::npos) return false;
  return DecodeStringField(line, begin, end, scratch, text);
}

// One store line parsed on its own: what the reader is to add for it. Parsing needs none
// of the reader's state (document ids, line numbers), so the lines of a store can be parsed
// on worker threads and applied in order (ReadQuoteStore with jobs > 1).
struct ParsedLine {
  enum class Kind : uint8_t {
    kNothing,   // a record that holds no quotation ("error", "summary", a later type)
    kError,     // `diagnostic`: severity, col, message and source line (not path, line)
    kQuote,     // `quote`, all but its document; `doc`
    kDocument,  // `doc`, `meta`
    kWarning,   // `diagnostic`, whole: a warning extract gave a document
  };
  Kind kind = Kind::kNothing;
  std::string doc;  // the document id
  QuoteRecord quote;
  DocumentMeta meta;
  Diagnostic diagnostic;
};

// Parses store lines into ParsedLines; one per thread (it holds simdjson's parser).
class LineParser {
 public:
  // `line` without its line break (and, for the file's first line, without a BOM).
  void Parse(std::string_view line, ParsedLine* out) {
    out->kind = ParsedLine::Kind::kNothing;
    padded_.assign(line);
    padded_.append(simdjson::SIMDJSON_PADDING, ' ');
    const std::string_view json(padded_.data(), line.size());
    od::document doc;
    error_code e =
        parser_.iterate(simdjson::padded_string_view(padded_.data(), line.size(), padded_.size()))
            .get(doc);
    od::json_type type = od::json_type::null;
    if (!e) e = doc.type().get(type);
    if (e) return Malformed(e, json, nullptr, out);
    if (type != od::json_type::object) return Error(1, "record is not a JSON object", json, out);
    od::object object;
    fields_.Clear();
    e = doc.get_object().get(object);
    if (!e) e = FieldReader(&fields_).Read(object);
    if (e) return Malformed(e, json, CurrentLocation(doc), out);
    if (const char* trailing = CurrentLocation(doc)) {
      return Malformed(simdjson::TRAILING_CONTENT, json, trailing, out);
    }

    if (!fields_.type) {
      return Error(1, fields_.field_error.empty() ? "record has no \"type\"" : fields_.field_error,
                   json, out);
    }
    if (*fields_.type == "quote") return ParseQuote(json, out);
    if (*fields_.type == "document") return ParseDocument(json, out);
    if (*fields_.type == "warning" && fields_.doc) return ParseWarning(out);
    // "error", "summary", and record types added later: not quotations.
  }

 private:
  void Error(uint32_t col, std::string message, std::string_view line, ParsedLine* out) {
    out->kind = ParsedLine::Kind::kError;
    Diagnostic& d = out->diagnostic;
    d = Diagnostic{};
    d.severity = Severity::kError;
    d.col = std::max<uint32_t>(col, 1);
    d.message = std::move(message);
    d.source_line = std::string(ShownSourceLine(line));
  }

  void Malformed(error_code error, std::string_view line, const char* location, ParsedLine* out) {
    std::string message = "malformed JSON: ";
    message.append(simdjson::error_message(error));
    uint32_t col = ColumnIn(line, location);
    if (error == simdjson::UTF8_ERROR) {
      std::vector<TextIssue> issues = FindTextIssues(line, 1);
      if (!issues.empty()) {
        message.append(" (").append(issues.front().message).append(")");
        col = static_cast<uint32_t>(CountCodePoints(line.substr(0, issues.front().offset)) + 1);
      }
    }
    Error(col, std::move(message), line, out);
  }

  // Whether the record lacks what every record of its type needs (then *out is the error).
  bool RecordError(std::string_view what, std::string_view line, ParsedLine* out) {
    std::string message(what);
    message.append(" record: ");
    if (!fields_.field_error.empty()) {
      message.append(fields_.field_error);
    } else if (!fields_.doc) {
      message.append("field \"doc\" is missing");
    } else if (what == "quote" && !fields_.start) {
      message.append("field \"start\" is missing");
    } else if (what == "quote" && !fields_.end) {
      message.append("field \"end\" is missing");
    } else {
      return false;
    }
    Error(1, std::move(message), line, out);
    return true;
  }

  // A warning extract gave a document (an unbalanced quote mark, damaged text): kept so
  // that checking a store reports what checking the articles would.
  void ParseWarning(ParsedLine* out) {
    out->kind = ParsedLine::Kind::kWarning;
    Diagnostic& d = out->diagnostic;
    d = Diagnostic{};
    d.severity = Severity::kWarning;
    d.path = std::string(*fields_.doc);
    d.line = static_cast<uint32_t>(fields_.line);
    d.col = static_cast<uint32_t>(fields_.col);
    d.message = std::string(fields_.message);
    d.code = std::string(fields_.code);
  }

  void ParseDocument(std::string_view line, ParsedLine* out) {
    if (RecordError("document", line, out)) return;
    out->kind = ParsedLine::Kind::kDocument;
    out->doc.assign(*fields_.doc);
    out->meta.outlet.assign(fields_.outlet);
    out->meta.date.assign(fields_.date);
    out->meta.title.assign(fields_.title);
    out->meta.url.assign(fields_.url);
    out->meta.role.assign(fields_.role);
  }

  void ParseQuote(std::string_view line, ParsedLine* out) {
    if (RecordError("quote", line, out)) return;
    std::optional<QuoteKind> kind = QuoteKind::kDirect;
    if (fields_.kind) kind = ParseKind(*fields_.kind);
    if (!kind) {
      return Error(1, "quote record: field \"kind\" is not direct, partial or term", line, out);
    }
    QuoteRecord& q = out->quote;
    q = QuoteRecord{};
    q.start = static_cast<size_t>(*fields_.start);
    q.end = static_cast<size_t>(*fields_.end);
    if (q.start > q.end) {
      return Error(1, fmt::format("quote record: \"start\" {} is after \"end\" {}", q.start, q.end),
                   line, out);
    }
    if (fields_.has_spans && !fields_.spans.empty()) {
      for (const ByteSpan& span : fields_.spans) {
        if (span.start > span.end || span.start < q.start || span.end > q.end) {
          return Error(
              1,
              fmt::format("quote record: span [{}, {}] is not within the quotation [{}, {}]",
                          span.start, span.end, q.start, q.end),
              line, out);
        }
      }
      q.spans = fields_.spans;
    } else {
      q.spans = {ByteSpan{q.start, q.end}};
    }
    q.text = QuoteText(fields_, q.start, q.end, q.spans);
    q.line = static_cast<uint32_t>(std::min<uint64_t>(fields_.line, UINT32_MAX));
    q.col = static_cast<uint32_t>(std::min<uint64_t>(fields_.col, UINT32_MAX));
    q.kind = *kind;
    if (fields_.speaker) q.speaker = std::string(*fields_.speaker);
    if (fields_.speaker_key) q.speaker_key = std::string(*fields_.speaker_key);
    q.speaker_mention = ToTextRef(fields_.speaker_mention);
    q.cue = ToTextRef(fields_.cue);
    q.rule.assign(fields_.rule);
    q.confidence = fields_.confidence;
    out->kind = ParsedLine::Kind::kQuote;
    out->doc.assign(*fields_.doc);
  }

  od::parser parser_;
  std::string padded_;
  Fields fields_;
};

class StoreReader {
 public:
  StoreReader(const std::string& path, CheckResult* result) : path_(path), result_(result) {}

  // Keep only the quotations whose text passes the filter (ReadQuoteStoreFiltered).
  void SetFilter(const QuoteStoreFilter* filter) { filter_ = filter; }

  // Read a piece of the store (ReadQuoteStorePiece): its first line is line `first_line`;
  // `continues`: pieces before it exist; how each document opened goes to `opened`.
  void SetPiece(uint32_t first_line, bool continues, std::vector<StorePieceOpening>* opened) {
    line_no_ = first_line - 1;
    continues_ = continues;
    opened_ = opened;
  }

  void Reserve(size_t lines) {
    auto& quotes = result_->quotes;
    if (quotes.size() + lines > quotes.capacity()) quotes.reserve(quotes.size() + lines);
  }

  void ReadLines(LineSource* lines, int* err) {
    std::string_view line;
    while (lines->Next(&line, err)) {
      CountBytes(line.size() + 1);
      Consume(line);
    }
  }

  // The bytes of lines read (CheckResult::bytes): each line without its line break, plus 1.
  void CountBytes(uint64_t bytes) { result_->bytes += bytes; }

  // Lines passed over unread: a filtered read's lines that its probe rejected, and blank
  // lines.
  void SkipLines(size_t count) { line_no_ += static_cast<uint32_t>(count); }

  // A filtered read of a store file finds the document record lines it needs again in the
  // file (pread at their offsets) instead of keeping a copy of every one: a store holds a
  // record for each of its documents, few of which have a quotation kept. Without it (standard
  // input cannot be read twice) the record lines are copied.
  void SetRecordFile(int fd) { record_fd_ = fd; }

  // What a filtered read learnt of a line before the reader sees it.
  struct LineFacts {
    // A quote line's text was probed (QuoteStoreFilter::probe) with this outcome and these
    // facts.
    std::optional<bool> probed;
    std::span<const uint64_t> facts;
    uint64_t file_offset = 0;  // where the line starts in the store file (SetRecordFile)
  };

  // The next line, which a filtered read of a store file (SetRecordFile) found to be a
  // document record (StartsAsRecord, its "doc" read by PeekStringField and hashed by
  // Fnv1a64): kept by its place in the file, unread.
  void RecordLineAt(uint64_t id_hash, uint64_t file_offset, size_t size) {
    ++line_no_;
    records_.push_back(RecordLine{id_hash, file_offset, size});
    RecordAdded();
  }

  // One line of the store (its bytes counted apart: CountBytes).
  void Consume(std::string_view line) { Consume(line, LineFacts{}); }
  void Consume(std::string_view line, const LineFacts& seen) {
    const std::optional<bool> probed = seen.probed;
    ++line_no_;
    line_offset_ = seen.file_offset;
    if (line_no_ == 1) {
      const size_t bom = Utf8BomLength(line);
      line.remove_prefix(bom);
      line_offset_ += bom;
    }
    if (probed == false || IsBlank(line)) return;
    if (filter_ != nullptr) {
      std::string_view text;
      if (probed ? !filter_->keep_probed(seen.facts)
                 : PeekQuoteText(line, &peeked_, &text) && !filter_->keep(text)) {
        return;
      }
      // A document's record is parsed only if one of its quotations is kept.
      std::string_view id;
      if (StartsAsRecord(line, "document") && PeekStringField(line, kDocKey, &peeked_, &id)) {
        AddRecordLine(Fnv1a64(id), line);
        return;
      }
    }
    ReadLine(line);
  }

  // A line of the store, parsed and applied.
  void ReadLine(std::string_view line) {
    parser_.Parse(line, &parsed_);
    Apply(parsed_, line);
  }

  // What a parsed line adds (`line`: its text, which a filtered read may keep).
  void Apply(ParsedLine& parsed, std::string_view line) {
    switch (parsed.kind) {
      case ParsedLine::Kind::kNothing:
        return;
      case ParsedLine::Kind::kError:
        return Error(std::move(parsed.diagnostic));
      case ParsedLine::Kind::kWarning:
        result_->diagnostics.push_back(std::move(parsed.diagnostic));
        return;
      case ParsedLine::Kind::kDocument:
        return AddDocument(parsed, line);
      case ParsedLine::Kind::kQuote:
        if (filter_ != nullptr && !filter_->keep(parsed.quote.text)) return;
        parsed.quote.doc = DocumentFor(parsed.doc);
        result_->quotes.push_back(std::move(parsed.quote));
        return;
    }
  }

 private:
  // An error of the line just read (`d`: all but its path and line).
  void Error(Diagnostic d) {
    d.path = path_;
    d.line = line_no_;
    // A line that cannot be read is an input lost: it fails the run (exit 2) like a failed
    // document, and the summary counts it.
    result_->errors.push_back(DocumentError{fmt::format("{}:{}", path_, line_no_), d.message});
    ++result_->documents_read;
    ++result_->documents_failed;
    result_->diagnostics.push_back(std::move(d));
  }

  uint32_t NewDocument(std::string_view id, StorePieceOpening how) {
    const auto index = static_cast<uint32_t>(result_->documents.size());
    if (opened_ != nullptr) opened_->push_back(how);
    DocumentInfo info;
    info.id = std::string(id);
    info.path = info.id;
    result_->documents.push_back(std::move(info));
    ++result_->documents_read;
    return index;
  }

  // The document of a quote record: the latest with this id, or a new one.
  uint32_t DocumentFor(std::string_view id) {
    if (last_doc_ && last_id_ == id) return *last_doc_;
    if (filter_ != nullptr) return FilteredDocumentFor(id);
    key_.assign(id);
    auto it = docs_.find(key_);
    uint32_t index;
    if (it != docs_.end()) {
      index = it->second.index;
    } else {
      index = NewDocument(id, StorePieceOpening::kQuote);
      docs_.emplace(key_, Slot{index, false, std::nullopt});
    }
    last_id_.assign(id);
    last_doc_ = index;
    return index;
  }

  // Filtered read: document records are kept as lines and parsed only for the documents of
  // the quotations kept. A record line is found by its id's hash: the latest record first
  // (a store lists a document's quotations after its record), else through an index of all
  // record lines built the first time it is needed. AddRecordLine takes a record line and
  // the hash of its id (Fnv1a64).
  void AddRecordLine(uint64_t id_hash, std::string_view line) {
    if (record_fd_ >= 0) {
      records_.push_back(RecordLine{id_hash, line_offset_, line.size()});
    } else {
      records_.push_back(RecordLine{id_hash, doc_arena_.size(), line.size()});
      doc_arena_.append(line);
    }
    RecordAdded();
  }

  void RecordAdded() {
    if (record_index_built_) record_index_[records_.back().hash] = records_.size() - 1;
    last_doc_.reset();
  }

  // The text of a record line; valid until another record's is asked for. Read again from
  // the file (SetRecordFile); empty if that fails (the file changed under the read).
  std::string_view RecordText(size_t record) {
    const RecordLine& r = records_[record];
    if (record_fd_ < 0) return std::string_view(doc_arena_).substr(r.offset, r.size);
    if (record_text_of_ == record) return record_text_;
    record_text_of_.reset();
    record_text_.resize(r.size);
    for (size_t done = 0; done < r.size;) {
      const ssize_t n = pread(record_fd_, record_text_.data() + done, r.size - done,
                              static_cast<off_t>(r.offset + done));
      if (n <= 0) return {};
      done += static_cast<size_t>(n);
    }
    record_text_of_ = record;
    return record_text_;
  }

  // The latest record line of document `id`, if any.
  std::optional<size_t> LatestRecord(std::string_view id) {
    const uint64_t hash = Fnv1a64(id);
    std::optional<size_t> found;
    if (!records_.empty() && records_.back().hash == hash) {
      found = records_.size() - 1;
    } else {
      if (!record_index_built_) {
        for (size_t i = 0; i < records_.size(); ++i) record_index_[records_[i].hash] = i;
        record_index_built_ = true;
      }
      if (auto it = record_index_.find(hash); it != record_index_.end()) found = it->second;
    }
    std::string_view found_id;
    if (found && PeekStringField(RecordText(*found), kDocKey, &peeked_, &found_id) &&
        found_id != id) {
      return std::nullopt;  // a hash collision
    }
    return found;
  }

  uint32_t FilteredDocumentFor(std::string_view id) {
    const std::optional<size_t> record = LatestRecord(id);
    key_.assign(id);
    auto it = docs_.find(key_);
    uint32_t index;
    if (it != docs_.end() && it->second.record == record) {
      index = it->second.index;
    } else {  // new, or the same id again after another record: another input
      index = NewDocument(id, StorePieceOpening::kRecord);
      docs_[key_] = Slot{index, record.has_value(), record};
      if (record) {
        DocumentInfo& info = result_->documents[index];
        ParseDocumentMeta(std::string(RecordText(*record)), &info.meta);
        info.primary = info.meta.role == "primary";
      }
    }
    last_id_.assign(id);
    last_doc_ = index;
    return index;
  }

  // The metadata of a document record kept as a line (filtered read); left empty when the
  // line does not parse (it was never checked: see ReadQuoteStoreFiltered).
  void ParseDocumentMeta(const std::string& line, DocumentMeta* meta) {
    simdjson::padded_string padded(line);
    od::parser parser;
    od::document doc;
    Fields fields;
    od::object object;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(object) ||
        FieldReader(&fields).Read(object)) {
      return;
    }
    meta->outlet.assign(fields.outlet);
    meta->date.assign(fields.date);
    meta->title.assign(fields.title);
    meta->url.assign(fields.url);
    meta->role.assign(fields.role);
  }

  void AddDocument(const ParsedLine& parsed, std::string_view line) {
    const std::string_view id = parsed.doc;
    if (filter_ != nullptr) {  // a document only once a quotation of it is kept
      AddRecordLine(Fnv1a64(id), line);
      return;
    }
    key_.assign(id);
    auto it = docs_.find(key_);
    uint32_t index;
    if (it == docs_.end()) {
      index = NewDocument(id, StorePieceOpening::kRecord);
      docs_.emplace(key_, Slot{index, true, std::nullopt});
    } else if (it->second.has_record) {
      index = NewDocument(id, StorePieceOpening::kAgain);  // the same id again: another input
      it->second = Slot{index, true, std::nullopt};
    } else if (continues_) {
      // The document a quotation of this piece opened may be one of an earlier piece: whether
      // this record fills it or opens another is for the join to say (quote_store_pieces.h).
      index = NewDocument(id, StorePieceOpening::kRecordAfterQuote);
      it->second = Slot{index, true, std::nullopt};
    } else {
      index = it->second.index;
      it->second.has_record = true;
      if (opened_ != nullptr) (*opened_)[index - first_doc_] = StorePieceOpening::kRecord;
    }
    last_id_.assign(id);
    last_doc_ = index;
    DocumentInfo& info = result_->documents[index];
    info.meta = parsed.meta;
    info.primary = info.meta.role == "primary";
  }

  struct Slot {
    uint32_t index = 0;
    bool has_record = false;       // a "document" record was read for it
    std::optional<size_t> record;  // filtered: the record line it was made from
  };

  const std::string& path_;
  CheckResult* result_;
  uint32_t line_no_ = 0;
  LineParser parser_;
  ParsedLine parsed_;
  std::unordered_map<std::string, Slot> docs_;
  std::string key_;
  std::string last_id_;
  std::optional<uint32_t> last_doc_;
  const QuoteStoreFilter* filter_ = nullptr;
  // A piece: whether pieces come before it, how its documents opened (from first_doc_ on).
  bool continues_ = false;
  std::vector<StorePieceOpening>* opened_ = nullptr;
  const size_t first_doc_ = result_->documents.size();
  std::string peeked_;
  // Filtered: the document record lines, at their offsets in the store file (record_fd_) or
  // in doc_arena_.
  struct RecordLine {
    uint64_t hash = 0;  // Fnv1a64 of the id
    uint64_t offset = 0;
    size_t size = 0;
  };
  int record_fd_ = -1;
  uint64_t line_offset_ = 0;  // of the line being read, in the store file
  std::vector<RecordLine> records_;
  std::string record_text_;               // a record line read again
  std::optional<size_t> record_text_of_;  // its index in records_
  std::string doc_arena_;
  std::unordered_map<uint64_t, size_t> record_index_;  // hash → latest record
  bool record_index_built_ = false;
};

void FailStore(const std::string& path, std::string message, CheckResult* result) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = path;
  d.message = message;
  result->diagnostics.push_back(std::move(d));
  result->errors.push_back(DocumentError{path, std::move(message)});
  ++result->documents_read;
  ++result->documents_failed;
}

// Counts the records that the quotes vector will hold, from the bytes of a store fed in
// order: the lines that begin as extract writes a quote record, or, when there are none
// (a store written some other way), all lines.
class QuoteLineCounter {
 public:
  void Feed(std::string_view bytes) {
    static constexpr std::string_view kQuotePrefix = "{\"type\":\"quote\"";
    size_t i = 0;
    while (i < bytes.size()) {
      if (matched_ == kNoMatch) {
        const void* nl = std::memchr(bytes.data() + i, '\n', bytes.size() - i);
        if (nl == nullptr) return;
        i = static_cast<size_t>(static_cast<const char*>(nl) - bytes.data());
      }
      const char c = bytes[i++];
      if (c == '\n') {
        ++lines_;
        matched_ = 0;
      } else if (c == kQuotePrefix[matched_]) {
        if (++matched_ == kQuotePrefix.size()) {
          ++quotes_;
          matched_ = kNoMatch;
        }
      } else {
        matched_ = kNoMatch;
      }
    }
  }
  size_t Records() const { return quotes_ > 0 ? quotes_ : lines_ + 1; }

 private:
  static constexpr size_t kNoMatch = static_cast<size_t>(-1);
  size_t matched_ = 0;  // bytes of the prefix matched at the start of this line, or kNoMatch
  size_t lines_ = 0;
  size_t quotes_ = 0;
};

// The records in the rest of `file` (see QuoteLineCounter); false on a read error.
bool CountRecords(std::FILE* file, size_t* count) {
  std::vector<char> buf(kReadChunk);
  QuoteLineCounter counter;
  for (;;) {
    const size_t n = std::fread(buf.data(), 1, buf.size(), file);
    counter.Feed(std::string_view(buf.data(), n));
    if (n < buf.size()) {
      *count = counter.Records();
      return !std::ferror(file);
    }
  }
}

// The text of span `span` of `text`, clamped to the text.
std::string_view Slice(std::string_view text, const ByteSpan& span) {
  const size_t start = std::min(span.start, text.size());
  const size_t end = std::clamp(span.end, start, text.size());
  return text.substr(start, end - start);
}

}  // namespace

bool IsQuoteStoreRecord(std::string_view line) {
  simdjson::padded_string json(line);
  od::parser parser;
  od::document doc;
  if (parser.iterate(json).get(doc)) return false;
  od::object object;
  if (doc.get_object().get(object)) return false;
  for (auto field_result : object) {
    od::field field;
    if (std::move(field_result).get(field)) return false;
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    if (key != "type") continue;
    std::string_view type;
    if (field.value().get_string().get(type)) return false;
    return type == "quote" || type == "document" || type == "summary";
  }
  return false;
}

bool LooksLikeQuoteStore(std::string_view bytes) {
  bytes.remove_prefix(Utf8BomLength(bytes));
  LineSource lines = LineSource::Viewing(bytes);
  std::string_view line;
  int err = 0;
  while (lines.Next(&line, &err)) {
    if (!IsBlank(line)) return IsQuoteStoreRecord(line);
  }
  return false;
}

bool IsQuoteStoreFile(const std::string& path) {
  if (InputFormatForPath(path) != InputFormat::kJsonLines) return false;
  std::string error;
  std::FILE* file = OpenRegularFile(path, &error);
  if (file == nullptr) return false;
  // Read until the first non-blank line is whole.
  constexpr size_t kChunk = size_t{1} << 16;
  std::string bytes;
  size_t pos = 0;  // start of the first line not yet looked at
  std::optional<bool> result;
  while (!result) {
    const size_t old = bytes.size();
    bytes.resize(old + kChunk);
    const size_t n = std::fread(bytes.data() + old, 1, kChunk, file);
    bytes.resize(old + n);
    if (old == 0) pos = Utf8BomLength(bytes);
    for (size_t nl; !result && (nl = bytes.find('\n', pos)) != std::string::npos; pos = nl + 1) {
      const std::string_view line = std::string_view(bytes).substr(pos, nl - pos);
      if (!IsBlank(line)) result = IsQuoteStoreRecord(WithoutCarriageReturn(line));
    }
    if (result) break;
    if (n < kChunk) {  // end of file (or a read error): the last line, if any
      const std::string_view line = std::string_view(bytes).substr(pos);
      result = !IsBlank(line) && IsQuoteStoreRecord(WithoutCarriageReturn(line));
    } else if (bytes.size() - pos > kMaxSniffLine) {
      result = false;
    }
  }
  std::fclose(file);
  return *result;
}

// A filtered read that probes its lines reads the store in blocks this large: large enough
// that handing a block to a thread costs little against probing its ~600 lines, small
// enough that a block stays in a core's cache between being read and being probed.
constexpr size_t kProbedBlock = size_t{256} << 10;
// A line that goes on past its block is read on in steps this large.
constexpr size_t kLineTailStep = size_t{64} << 10;

// A block of a store file read with a probe, as it goes through the ordered pipeline: its
// place in the file from the calling thread, then its lines (those that start at file_offset
// .. file_offset + kProbedBlock - 1) read and probed on a worker, then delivered in order.
// A block of a store file read by offset on a worker (StoreBlocks): where it starts, and
// the errno of a failed read (set on the worker).
struct StoreBlock {
  uint64_t file_offset = 0;
  // Set on the worker (VisitBlockLines):
  int error = 0;
  size_t lines = 0;         // lines in the block
  uint64_t line_bytes = 0;  // their bytes as StoreReader::CountBytes counts them
};

struct ProbedBlock : StoreBlock {
  // The lines the reader must see (all but blank lines and those the probe rejected), in
  // order: each with its index in the block and place in the file, and either the hash of
  // its id (a document record: the reader needs no more of it), or its text (in `text`)
  // and, if probed, its facts (in `facts`).
  struct Line {
    size_t index = 0;
    uint64_t file_offset = 0;
    size_t size = 0;
    bool record = false;
    uint64_t id_hash = 0;
    size_t text_offset = 0;
    bool probed = false;
    size_t first_fact = 0;
    size_t facts = 0;
  };
  std::vector<Line> to_read;
  std::string text;
  std::vector<uint64_t> facts;

  // Empty again, keeping the memory of its vectors for the next block.
  void Clear() {
    file_offset = 0;
    error = 0;
    lines = 0;
    line_bytes = 0;
    to_read.clear();
    text.clear();
    facts.clear();
  }
};

// The blocks of a store file read with a probe: read by offset (pread) on the workers, so
// that reading is as parallel as probing.
class StoreBlocks {
 public:
  // `fd` is a regular file of `size` bytes.
  StoreBlocks(int fd, uint64_t size) : fd_(fd), size_(size) {}

  // The next block (calling thread); false past the end of the file.
  bool Next(StoreBlock* block) {
    if (next_ >= size_) return false;
    block->file_offset = next_;
    next_ += kProbedBlock;
    return true;
  }

  // The lines that start in block->file_offset .. + kProbedBlock - 1 (from the byte after
  // the first '\n' at or after file_offset - 1, or the file's start, to the first '\n' at or
  // after the block's last byte, or the end of the file), read on a worker into `*buffer`;
  // `*offset` is where they start in the file. A read error sets block->error.
  std::string_view Lines(StoreBlock* block, std::string* buffer, uint64_t* offset) const {
    const uint64_t from = block->file_offset == 0 ? 0 : block->file_offset - 1;
    const auto span = static_cast<size_t>(block->file_offset + kProbedBlock - from);
    ssize_t n = ReadInto(from, span, buffer, 0, &block->error);
    if (n <= 0) return {};
    auto size = static_cast<size_t>(n);
    size_t begin = 0;
    if (block->file_offset > 0) {
      // A '\n' at the block's last byte starts a line of the next block.
      const void* nl = std::memchr(buffer->data(), '\n', std::min(size, span - 1));
      if (nl == nullptr) return {};  // no line starts here: inside one begun before
      begin = static_cast<size_t>(static_cast<const char*>(nl) - buffer->data()) + 1;
    }
    *offset = from + begin;
    if (size < span) return std::string_view(buffer->data() + begin, size - begin);
    for (size_t scan = span - 1;;) {
      if (const void* nl = std::memchr(buffer->data() + scan, '\n', size - scan)) {
        const auto end = static_cast<size_t>(static_cast<const char*>(nl) - buffer->data()) + 1;
        return std::string_view(buffer->data() + begin, end - begin);
      }
      // The last line goes on past the block: read on, in growing steps for a long one.
      scan = size;
      const size_t step = std::max(kLineTailStep, size - begin);
      n = ReadInto(from + size, step, buffer, size, &block->error);
      if (n < 0) return {};
      if (n == 0) return std::string_view(buffer->data() + begin, size - begin);
      size += static_cast<size_t>(n);
    }
  }

 private:
  // Reads from `offset` into `*buffer` at `at` (growing it) until `want` bytes or the end of
  // the file; returns the bytes read, or -1 (errno in *error).
  ssize_t ReadInto(uint64_t offset, size_t want, std::string* buffer, size_t at, int* error) const {
    if (buffer->size() < at + want) buffer->resize(at + want);
    size_t done = 0;
    while (done < want) {
      const ssize_t n =
          pread(fd_, buffer->data() + at + done, want - done, static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        *error = errno;
        return -1;
      }
      if (n == 0) break;
      done += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(done);
  }

  int fd_;
  uint64_t size_ = 0;  // of the file when the read began
  uint64_t next_ = 0;  // the next block's offset
};

// Reads the lines of `block` (StoreBlocks::Lines) on a worker thread into the thread's
// buffer, counts them into block->lines and line_bytes, and calls
// `visit(line, index, file_offset)` for each, with its index in the block and where it starts
// in the file. Nothing is visited after a read error (block->error).
template <typename Visit>
void VisitBlockLines(const StoreBlocks& blocks, StoreBlock* block, Visit visit) {
  thread_local std::string buffer;
  uint64_t base = 0;  // the file offset of bytes[0]
  const std::string_view bytes = blocks.Lines(block, &buffer, &base);
  if (block->error != 0) return;
  LineSource lines = LineSource::Viewing(bytes);
  std::string_view line;
  int unused = 0;
  while (lines.Next(&line, &unused)) {
    block->line_bytes += line.size() + 1;
    const size_t index = block->lines++;
    visit(line, index, base + static_cast<size_t>(line.data() - bytes.data()));
  }
}

// Reads and probes the lines of `block` (QuoteStoreFilter::probe), on a worker thread.
void ProbeBlock(const QuoteStoreFilter& filter, const StoreBlocks& blocks, ProbedBlock* block) {
  thread_local std::string scratch;
  thread_local std::vector<uint64_t> facts;
  VisitBlockLines(blocks, block, [&](std::string_view line, size_t index, uint64_t file_offset) {
    if (IsBlank(line)) return;  // StoreReader::Consume reads nothing of it
    ProbedBlock::Line out;
    out.index = index;
    out.file_offset = file_offset;
    out.size = line.size();
    std::string_view text;
    if (PeekQuoteText(line, &scratch, &text)) {
      if (!filter.probe(text, &facts)) return;
      out.probed = true;
      out.first_fact = block->facts.size();
      out.facts = facts.size();
      block->facts.insert(block->facts.end(), facts.begin(), facts.end());
    } else if (std::string_view id;
               StartsAsRecord(line, "document") && PeekStringField(line, kDocKey, &scratch, &id)) {
      out.record = true;
      out.id_hash = Fnv1a64(id);
      block->to_read.push_back(out);
      return;
    }
    out.text_offset = block->text.size();
    block->text.append(line);
    block->to_read.push_back(out);
  });
}

// The lines of a probed block, to the reader in order.
void DeliverBlock(const ProbedBlock& block, StoreReader* reader) {
  const std::string_view text(block.text);
  const std::span<const uint64_t> facts(block.facts);
  size_t next = 0;
  for (const ProbedBlock::Line& line : block.to_read) {
    reader->SkipLines(line.index - next);
    if (line.record) {
      reader->RecordLineAt(line.id_hash, line.file_offset, line.size);
    } else {
      reader->Consume(text.substr(line.text_offset, line.size),
                      {.probed = line.probed ? std::optional<bool>(true) : std::nullopt,
                       .facts = facts.subspan(line.first_fact, line.facts),
                       .file_offset = line.file_offset});
    }
    next = line.index + 1;
  }
  reader->SkipLines(block.lines - next);
  reader->CountBytes(block.line_bytes);
}

// A block of a store file read whole on `jobs` threads, as it goes through the ordered
// pipeline: its place in the file from the calling thread, then its lines (as StoreBlocks
// cuts them) read and parsed on a worker, then applied in order by the reader.
struct ParsedBlock : StoreBlock {
  // Set on the worker:
  size_t parsed = 0;             // the lines that are not blank, in order: the first `parsed` of
  std::vector<ParsedLine> line;  // these, each with its index in the block
  std::vector<size_t> index;
};

// Reads and parses the lines of `block` on a worker thread.
void ParseBlock(const StoreBlocks& blocks, ParsedBlock* block) {
  thread_local LineParser parser;
  VisitBlockLines(blocks, block, [&](std::string_view line, size_t index, uint64_t file_offset) {
    if (file_offset == 0) line.remove_prefix(Utf8BomLength(line));  // the file's first line
    if (IsBlank(line)) return;  // StoreReader::Consume reads nothing of it
    if (block->parsed == block->line.size()) {
      block->line.emplace_back();
      block->index.emplace_back();
    }
    block->index[block->parsed] = index;
    parser.Parse(line, &block->line[block->parsed++]);
  });
}

// Reads the regular file `fd` of `size` bytes into `reader`, its lines parsed on `jobs`
// threads and applied in order; false on a read error (errno in *err).
void ReadParsedBlocks(int fd, uint64_t size, unsigned jobs, StoreReader* reader, int* err) {
  StoreBlocks blocks(fd, size);
  std::vector<ParsedBlock> spare;  // delivered blocks, kept for their memory
  OrderedPipelineSteps<ParsedBlock> steps;
  steps.read = [&](ParsedBlock* block, size_t) {
    if (!spare.empty()) {
      *block = std::move(spare.back());
      spare.pop_back();
      block->error = 0;
      block->lines = block->parsed = 0;
      block->line_bytes = 0;
    }
    return blocks.Next(block);
  };
  steps.process = [&](ParsedBlock* block) { ParseBlock(blocks, block); };
  steps.deliver = [&](ParsedBlock& block) {
    if (block.error != 0) {
      *err = block.error;
      return false;
    }
    size_t next = 0;
    for (size_t i = 0; i < block.parsed; ++i) {
      reader->SkipLines(block.index[i] - next + 1);
      reader->Apply(block.line[i], std::string_view());
      next = block.index[i] + 1;
    }
    reader->SkipLines(block.lines - next);
    reader->CountBytes(block.line_bytes);
    spare.push_back(std::move(block));
    return true;
  };
  RunOrderedPipeline({.jobs = jobs}, steps);
}

void ReadQuoteStore(const std::string& path, CheckResult* result, unsigned jobs) {
  if (path == "-") {
    std::string bytes;
    std::vector<char> buf(kReadChunk);
    for (;;) {
      const size_t n = std::fread(buf.data(), 1, buf.size(), stdin);
      bytes.append(buf.data(), n);
      if (n < buf.size()) break;
    }
    if (std::ferror(stdin)) return FailStore(path, "cannot read: " + ErrnoMessage(EIO), result);
    return ReadQuoteStoreBytes(path, bytes, result);
  }
  std::string error;
  std::FILE* file = OpenRegularFile(path, &error);
  if (file == nullptr) return FailStore(path, error, result);
  StoreReader reader(path, result);
  // The quote records are counted first (fast, and the file is then in the page cache), so
  // that the quotes vector is allocated once rather than grown by doubling.
  size_t records = 0;
  if (CountRecords(file, &records) && std::fseek(file, 0, SEEK_SET) == 0) {
    reader.Reserve(records);
  } else {
    std::clearerr(file);
    std::fseek(file, 0, SEEK_SET);
  }
  int err = 0;
  struct stat st;
  if (jobs > 1 && fstat(fileno(file), &st) == 0 && S_ISREG(st.st_mode)) {
    ReadParsedBlocks(fileno(file), static_cast<uint64_t>(st.st_size), jobs, &reader, &err);
  } else {
    LineSource lines(file);
    reader.ReadLines(&lines, &err);
  }
  std::fclose(file);
  if (err != 0) FailStore(path, "cannot read: " + ErrnoMessage(err), result);
}

void ReadQuoteStoreFiltered(const std::string& path, const QuoteStoreFilter& filter,
                            CheckResult* result) {
  std::string error;
  std::FILE* file = path == "-" ? stdin : OpenRegularFile(path, &error);
  if (file == nullptr) return FailStore(path, error, result);
  StoreReader reader(path, result);
  reader.SetFilter(&filter);
  int err = 0;
  struct stat st;
  if (!filter.probe || !filter.keep_probed || file == stdin || fstat(fileno(file), &st) != 0 ||
      !S_ISREG(st.st_mode)) {
    LineSource lines(file);
    reader.ReadLines(&lines, &err);
  } else {
    // Blocks read and probed on `jobs` threads (the work of reading a text), decided in order
    // (only the decision needs the filter's state).
    reader.SetRecordFile(fileno(file));
    StoreBlocks blocks(fileno(file), static_cast<uint64_t>(st.st_size));
    // Blocks delivered, kept for their memory: fresh memory costs a page fault per page.
    std::vector<ProbedBlock> spare;
    OrderedPipelineSteps<ProbedBlock> steps;
    steps.read = [&](ProbedBlock* block, size_t) {
      if (!spare.empty()) {
        *block = std::move(spare.back());
        spare.pop_back();
        block->Clear();
      }
      return blocks.Next(block);
    };
    steps.process = [&](ProbedBlock* block) { ProbeBlock(filter, blocks, block); };
    steps.deliver = [&](ProbedBlock& block) {
      if (block.error != 0) {
        err = block.error;
        return false;
      }
      DeliverBlock(block, &reader);
      spare.push_back(std::move(block));
      return true;
    };
    RunOrderedPipeline({.jobs = std::max(1u, filter.jobs)}, steps);
  }
  if (file != stdin) std::fclose(file);
  if (err != 0) FailStore(path, "cannot read: " + ErrnoMessage(err), result);
}

namespace {

// The lines of `bytes`, a store or a piece of one (StoreReader::SetPiece), into `result`.
void ReadStoreLines(const std::string& path, std::string_view bytes, uint32_t first_line,
                    bool continues, std::vector<StorePieceOpening>* opened, CheckResult* result) {
  StoreReader reader(path, result);
  reader.SetPiece(first_line, continues, opened);
  QuoteLineCounter counter;
  counter.Feed(bytes);
  reader.Reserve(counter.Records());
  LineSource lines = LineSource::Viewing(bytes);
  int err = 0;
  reader.ReadLines(&lines, &err);
}

}  // namespace

void ReadQuoteStoreBytes(const std::string& path, std::string_view bytes, CheckResult* result) {
  ReadStoreLines(path, bytes, /*first_line=*/1, /*continues=*/false, /*opened=*/nullptr, result);
}

void ReadQuoteStorePiece(const std::string& path, uint64_t begin, uint64_t end, uint32_t first_line,
                         CheckResult* result, std::vector<StorePieceOpening>* opened) {
  std::string error;
  std::FILE* file = OpenRegularFile(path, &error);
  if (file == nullptr) return FailStore(path, error, result);
  std::string bytes(end > begin ? end - begin : 0, '\0');
  const bool read = fseeko(file, static_cast<off_t>(begin), SEEK_SET) == 0 &&
                    std::fread(bytes.data(), 1, bytes.size(), file) == bytes.size();
  const int err = read ? 0 : std::ferror(file) ? EIO : 0;
  std::fclose(file);
  if (!read) {
    // Shorter than planned: the file changed since the plan was made.
    return FailStore(
        path,
        err != 0 ? "cannot read: " + ErrnoMessage(err) : "cannot read: file changed while read",
        result);
  }
  ReadStoreLines(path, bytes, first_line, begin > 0, opened, result);
}

void AppendDocumentQuotes(const DocumentResult& document, CheckResult* check) {
  check->diagnostics.insert(check->diagnostics.end(), document.diagnostics.begin(),
                            document.diagnostics.end());
  if (document.skipped) return;  // a notice, no document
  ++check->documents_read;
  const Document& doc = document.doc;
  if (document.failed) {
    ++check->documents_failed;
    check->errors.push_back(DocumentError{doc.id, document.error_message});
    return;
  }
  check->bytes += doc.text.size();
  const auto index = static_cast<uint32_t>(check->documents.size());
  DocumentInfo info;
  info.id = doc.id;
  // A record of a JSON file is named by its id: line and column count in its own text.
  info.path = doc.record_line > 0 ? doc.id : doc.path;
  info.meta = doc.meta;
  info.primary = doc.meta.role == "primary";
  check->documents.push_back(std::move(info));
  if (document.quotes.empty()) return;

  const LineIndex lines(doc.text);
  for (const Quote& quote : document.quotes) {
    if (quote.spans.empty()) continue;  // not a quotation; the model says never empty
    QuoteRecord q;
    q.doc = index;
    q.start = quote.start();
    q.end = quote.end();
    q.spans = quote.spans;
    const LineCol lc = lines.At(q.start);
    q.line = lc.line;
    q.col = lc.col;
    size_t size = quote.spans.size() - 1;
    for (const ByteSpan& span : quote.spans) size += Slice(doc.text, span).size();
    q.text.reserve(size);
    for (size_t i = 0; i < quote.spans.size(); ++i) {
      if (i > 0) q.text.push_back(' ');
      q.text.append(Slice(doc.text, quote.spans[i]));
    }
    q.kind = quote.kind;
    q.speaker = quote.speaker;
    q.speaker_key = quote.speaker_key;
    q.speaker_mention = quote.speaker_mention;
    q.cue = quote.cue;
    q.rule = quote.rule;
    q.confidence = quote.confidence;
    check->quotes.push_back(std::move(q));
  }
}

}  // namespace quotecheck
