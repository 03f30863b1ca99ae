#include "ingest/document_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <system_error>
#include <utility>

#include "core/code_point.h"
#include "core/line_index.h"
#include "core/regular_file.h"
#include "ingest/draft_html.h"
#include "ingest/draft_reader.h"
#include "ingest/front_matter.h"
#include "ingest/json_nesting.h"
#include "ingest/line_source.h"
#include "ingest/text_decoder.h"

namespace quotecheck {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr const char* kDefaultTextFields[] = {"text", "body", "content"};

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A failed result for the record (or file) `id`, with one error diagnostic.
void Fail(DocumentResult* out, std::string id, const std::string& path, uint32_t record_line,
          uint32_t col, std::string message, std::string_view source_line = {}) {
  *out = DocumentResult{};
  out->doc.id = std::move(id);
  out->doc.path = path;
  out->doc.record_line = record_line;
  out->failed = true;
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = path;
  d.line = record_line;
  d.col = record_line > 0 ? std::max<uint32_t>(col, 1) : 0;
  d.message = message;
  d.source_line = std::string(ShownSourceLine(source_line));
  out->diagnostics.push_back(std::move(d));
  out->error_message = std::move(message);
}

// ---------------------------------------------------------------------------------------
// JSON records

const char* JsonTypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

// The text of a scalar value as written, without the whitespace that follows it.
std::string_view RawToken(od::value& value) {
  std::string_view raw = value.raw_json_token();
  while (!raw.empty() && IsJsonSpace(raw.back())) raw.remove_suffix(1);
  return raw;
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. Checked by hand
// because simdjson 3.0's get_number() rejects integers beyond 64 bits, which are valid JSON.
bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// Parses (and so validates) a value the record does not use: strings are unescaped, atoms
// and numbers checked, so a malformed record fails even in a field nobody reads.
error_code ConsumeValue(od::value value) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  switch (type) {
    case od::json_type::array: {
      od::array array;
      if (auto e = value.get_array().get(array)) return e;
      for (auto element : array) {
        od::value v;
        if (auto e = element.get(v)) return e;
        if (auto e = ConsumeValue(v)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::object: {
      od::object object;
      if (auto e = value.get_object().get(object)) return e;
      for (auto field_result : object) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        if (auto e = ConsumeValue(field.value())) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::number:
      return IsJsonNumber(RawToken(value)) ? simdjson::SUCCESS : simdjson::NUMBER_ERROR;
    case od::json_type::string: {
      std::string_view s;
      return value.get_string().get(s);
    }
    case od::json_type::boolean: {
      bool b;
      if (value.get_bool().get(b) == simdjson::SUCCESS) return simdjson::SUCCESS;
      // (simdjson says "does not have the requested type" for "tru"; name the atom.)
      return RawToken(value).substr(0, 1) == "t" ? simdjson::T_ATOM_ERROR : simdjson::F_ATOM_ERROR;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (value.is_null().get(is_null) == simdjson::SUCCESS && is_null) return simdjson::SUCCESS;
      return simdjson::N_ATOM_ERROR;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

struct Record {
  std::optional<std::string> id;
  DocumentMeta meta;
  std::string source;
  // The best text field seen so far (lowest rank among the candidates).
  size_t text_rank = std::numeric_limits<size_t>::max();
  std::string text_field;
  od::json_type text_type = od::json_type::null;
  std::string text;
  const char* text_location = nullptr;
};

// A string field into *out; other types are parsed and ignored.
error_code ReadStringField(od::value value, std::string* out) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (type != od::json_type::string) return ConsumeValue(value);
  std::string_view s;
  if (auto e = value.get_string().get(s)) return e;
  out->assign(s);
  return simdjson::SUCCESS;
}

error_code ReadId(od::value value, std::optional<std::string>* id) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (type == od::json_type::string) {
    std::string_view s;
    if (auto e = value.get_string().get(s)) return e;
    *id = std::string(s);
    return simdjson::SUCCESS;
  }
  if (type == od::json_type::number) {
    std::string_view raw = RawToken(value);
    if (!IsJsonNumber(raw)) return simdjson::NUMBER_ERROR;
    *id = std::string(raw);  // as written: "42", "1.5e3", or beyond 64 bits
    return simdjson::SUCCESS;
  }
  return ConsumeValue(value);
}

error_code ReadRecord(od::object object, const std::vector<std::string>& text_fields,
                      Record* record) {
  for (auto field_result : object) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return e;
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    od::value value = field.value();

    size_t rank = 0;
    while (rank < text_fields.size() && text_fields[rank] != key) ++rank;
    if (rank < text_fields.size()) {
      od::json_type type;
      if (auto e = value.type().get(type)) return e;
      if (type == od::json_type::null || rank >= record->text_rank) {
        if (auto e = ConsumeValue(value)) return e;
        continue;
      }
      record->text_rank = rank;
      record->text_field = std::string(key);
      record->text_type = type;
      const char* location = nullptr;
      record->text_location = value.current_location().get(location) ? nullptr : location;
      if (type == od::json_type::string) {
        std::string_view s;
        if (auto e = value.get_string().get(s)) return e;
        record->text.assign(s);
      } else {
        record->text.clear();
        if (auto e = ConsumeValue(value)) return e;
      }
      continue;
    }

    error_code e = simdjson::SUCCESS;
    if (key == "id") {
      e = ReadId(value, &record->id);
    } else if (key == "title") {
      e = ReadStringField(value, &record->meta.title);
    } else if (key == "outlet") {
      e = ReadStringField(value, &record->meta.outlet);
    } else if (key == "source") {
      e = ReadStringField(value, &record->source);
    } else if (key == "url") {
      e = ReadStringField(value, &record->meta.url);
    } else if (key == "date") {
      e = ReadStringField(value, &record->meta.date);
    } else if (key == "role") {
      e = ReadStringField(value, &record->meta.role);
    } else {
      e = ConsumeValue(value);
    }
    if (e) return e;
  }
  return simdjson::SUCCESS;
}

std::string TriedFields(const std::vector<std::string>& text_fields) {
  std::string out;
  for (const auto& f : text_fields) {
    if (!out.empty()) out += ", ";
    out += '"' + f + '"';
  }
  return out;
}

// Where the parser is in the input: after an error, where it stopped; after the root value,
// the start of any trailing content. nullptr when unknown or at the end of the input.
const char* CurrentLocation(od::document& doc) {
  const char* location = nullptr;
  return doc.current_location().get(location) == simdjson::SUCCESS ? location : nullptr;
}

// 1-based code-point column of `location` in `line`, or 1 when it is not inside it.
uint32_t ColumnIn(std::string_view line, const char* location) {
  if (location == nullptr || location < line.data() || location > line.data() + line.size()) {
    return 1;
  }
  auto prefix = static_cast<size_t>(location - line.data());
  return static_cast<uint32_t>(CountCodePoints(line.substr(0, prefix)) + 1);
}

}  // namespace

// ---------------------------------------------------------------------------------------

InputFormat InputFormatForPath(std::string_view path) {
  if (EndsWithAsciiNoCase(path, ".jsonl") || EndsWithAsciiNoCase(path, ".ndjson")) {
    return InputFormat::kJsonLines;
  }
  if (EndsWithAsciiNoCase(path, ".json")) return InputFormat::kJson;
  return InputFormat::kText;
}

InputFormat SniffInputFormat(std::string_view bytes) {
  bytes.remove_prefix(Utf8BomLength(bytes));
  size_t i = 0;
  while (i < bytes.size() && IsJsonSpace(bytes[i])) ++i;
  return i < bytes.size() && bytes[i] == '{' ? InputFormat::kJsonLines : InputFormat::kText;
}

class DocumentReader::Impl {
 public:
  Impl(std::string path, const IngestOptions& options)
      : path_(std::move(path)), stdin_bytes_(options.stdin_bytes), encoding_(options.encoding) {
    text_fields_ = options.text_fields;
    for (const char* f : kDefaultTextFields) {
      bool seen = false;
      for (const auto& t : text_fields_) seen = seen || t == f;
      if (!seen) text_fields_.emplace_back(f);
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (lines_file_ != nullptr) std::fclose(lines_file_);
  }

  // Sets up reading `bytes` as `format`.
  void SetBytes(std::string bytes, InputFormat format) {
    format_ = format;
    if (format == InputFormat::kJsonLines) {
      lines_.emplace(LineSource::Owning(std::move(bytes)));
    } else {
      bytes_ = std::move(bytes);
    }
  }

  void OpenFile() {
    if (path_ == "-") {
      std::string bytes;
      if (stdin_bytes_ != nullptr) {
        bytes = *stdin_bytes_;
      } else if (int err = ReadAll(stdin, &bytes)) {
        return SetOpenError("cannot read: ", err);
      }
      InputFormat format = SniffInputFormat(bytes);
      return SetBytes(std::move(bytes), format);
    }
    std::string error;
    std::FILE* file = OpenRegularFile(path_, &error);
    if (file == nullptr) {
      open_error_ = std::move(error);
      return;
    }
    format_ = InputFormatForPath(path_);
    if (format_ == InputFormat::kJsonLines) {
      lines_file_ = file;  // closed with the reader
      lines_.emplace(file);
      return;
    }
    int err = ReadWholeFile(file, simdjson::SIMDJSON_PADDING, &bytes_);
    std::fclose(file);
    if (err != 0) SetOpenError("cannot read: ", err);
  }

  bool Next(DocumentResult* out) {
    // A skipped record is delivered only when it carries the file's warning.
    while (NextResult(out)) {
      if (!out->skipped || !out->diagnostics.empty()) return true;
    }
    return false;
  }

 private:
  bool NextResult(DocumentResult* out) {
    if (done_) return false;
    if (open_error_) {
      done_ = true;
      Fail(out, path_, path_, 0, 0, *open_error_);
      return true;
    }
    switch (format_) {
      case InputFormat::kText:
        done_ = true;
        ReadText(out);
        return true;
      case InputFormat::kJsonLines:
        return NextJsonLine(out);
      case InputFormat::kJson:
        return NextJsonRecord(out);
    }
    return false;
  }

  void SetOpenError(const char* what, int err) { open_error_ = what + ErrnoMessage(err); }

  void ReadText(DocumentResult* out) {
    *out = DocumentResult{};
    Document& doc = out->doc;
    doc.id = path_;
    doc.path = path_;
    doc.text = std::move(bytes_);
    DecodedText decoded = DecodeText(&doc.text, encoding_);
    if (!decoded.error.empty()) return Fail(out, path_, path_, 0, 0, decoded.error);
    out->diagnostics = TextIssueDiagnostics(path_, doc.text, decoded.issues);
    if (DraftFormatForPath(path_) == DraftFormat::kHtml) {
      // HTML is read through its mask, as lint reads it: tags and their attributes are no
      // prose, and a quotation opening a paragraph is the same kind as in Markdown.
      Result<DraftMarkup> markup = ReadHtmlDraft(doc.text);
      if (markup.ok()) {
        doc.scan_text = std::move(markup.value().scan_text);
        doc.block_quotes = std::move(markup.value().block_quotes);
        doc.meta = std::move(markup.value().meta);
        return;
      }
    }
    TextHeader header = ParseTextHeader(doc.text);
    doc.body_start = header.body_start;
    doc.meta = std::move(header.meta);
    if (!header.id.empty()) doc.id = std::move(header.id);
  }

  std::string LineId(uint32_t line) const { return fmt::format("{}:{}", path_, line); }

  // Fills *out from a parsed record; `line` is the record's text in the file (for columns).
  void BuildRecord(Record&& record, uint32_t line_no, std::string_view line, DocumentResult* out) {
    std::string id = record.id ? std::move(*record.id) : LineId(line_no);
    if (record.text_rank == std::numeric_limits<size_t>::max()) {
      // Not an article (a scorer's gold record, an index): skipped, one warning a file.
      *out = DocumentResult{};
      out->doc.id = std::move(id);
      out->doc.path = path_;
      out->doc.record_line = line_no;
      out->skipped = true;
      if (!warned_no_text_) {
        warned_no_text_ = true;
        Diagnostic d;
        d.severity = Severity::kWarning;
        d.path = path_;
        d.line = line_no;
        d.col = 1;
        d.message = "record has no text field (tried " + TriedFields(text_fields_) +
                    "): skipped, as is every other record of this file without one";
        d.code = "no-text-field";
        if (line.size() <= kMaxSourceLine) d.source_line = std::string(line);
        out->diagnostics.push_back(std::move(d));
      }
      return;
    }
    if (record.text_type != od::json_type::string) {
      return Fail(out, std::move(id), path_, line_no, ColumnIn(line, record.text_location),
                  fmt::format("field \"{}\" is not a string but {}", record.text_field,
                              JsonTypeName(record.text_type)),
                  line);
    }
    *out = DocumentResult{};
    Document& doc = out->doc;
    doc.id = std::move(id);
    doc.path = path_;
    doc.record_line = line_no;
    doc.text = std::move(record.text);
    doc.meta = std::move(record.meta);
    if (doc.meta.outlet.empty()) doc.meta.outlet = std::move(record.source);

    TextHeader header = ParseTextHeader(doc.text);
    doc.body_start = header.body_start;
    auto fill = [](std::string* field, std::string& value) {
      if (field->empty()) *field = std::move(value);
    };
    fill(&doc.meta.title, header.meta.title);
    fill(&doc.meta.outlet, header.meta.outlet);
    fill(&doc.meta.url, header.meta.url);
    fill(&doc.meta.date, header.meta.date);
    fill(&doc.meta.role, header.meta.role);

    // simdjson has validated the UTF-8; a "\u0000" escape can still put NULs in the text.
    for (const TextIssue& issue : FindTextIssues(doc.text)) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.path = path_;
      d.line = line_no;
      d.col = 1;
      d.message = fmt::format("{} in text at offset {}", issue.message, issue.offset);
      d.code = issue.code;
      out->diagnostics.push_back(std::move(d));
    }
  }

  // A malformed-JSON failure for the record on line `line_no`.
  void FailMalformed(error_code error, uint32_t line_no, std::string_view line,
                     const char* location, DocumentResult* out) {
    std::string message = std::string("malformed JSON: ") + simdjson::error_message(error);
    uint32_t col = ColumnIn(line, location);
    if (error == simdjson::UTF8_ERROR) {
      std::vector<TextIssue> issues = FindTextIssues(line, 1);
      if (!issues.empty()) {
        message += " (" + issues.front().message + ")";
        col = static_cast<uint32_t>(CountCodePoints(line.substr(0, issues.front().offset)) + 1);
      }
    }
    Fail(out, LineId(line_no), path_, line_no, col, std::move(message), line);
  }

  // A record nested deeper than kMaxJsonNesting, at `location` (in `line`): not parsed.
  void FailTooDeep(uint32_t line_no, std::string_view line, const char* location,
                   DocumentResult* out) {
    Fail(out, LineId(line_no), path_, line_no, ColumnIn(line, location),
         fmt::format("JSON nested deeper than {} levels: record skipped", kMaxJsonNesting), line);
  }

  bool NextJsonLine(DocumentResult* out) {
    std::string_view line;
    for (;;) {
      int err = 0;
      if (!lines_->Next(&line, &err)) {
        done_ = true;
        if (err == 0) return false;
        Fail(out, path_, path_, 0, 0, "cannot read: " + ErrnoMessage(err));
        return true;
      }
      ++line_no_;
      if (line_no_ == 1) line.remove_prefix(Utf8BomLength(line));
      size_t i = 0;
      while (i < line.size() && IsJsonSpace(line[i])) ++i;
      if (i < line.size()) break;  // blank lines are skipped
    }

    if (auto deep = FindExcessNesting(line, kMaxJsonNesting)) {
      FailTooDeep(line_no_, line, line.data() + *deep, out);
      return true;
    }
    padded_.assign(line);
    padded_.append(simdjson::SIMDJSON_PADDING, ' ');
    std::string_view json(padded_.data(), line.size());
    od::document doc;
    error_code e =
        parser_.iterate(simdjson::padded_string_view(padded_.data(), line.size(), padded_.size()))
            .get(doc);
    if (e) {
      FailMalformed(e, line_no_, json, nullptr, out);
      return true;
    }
    od::json_type type;
    if ((e = doc.type().get(type))) {
      FailMalformed(e, line_no_, json, nullptr, out);
      return true;
    }
    if (type != od::json_type::object) {
      Fail(out, LineId(line_no_), path_, line_no_, 1, "record is not a JSON object", json);
      return true;
    }
    od::object object;
    Record record;
    e = doc.get_object().get(object);
    if (!e) e = ReadRecord(object, text_fields_, &record);
    if (e) {
      FailMalformed(e, line_no_, json, CurrentLocation(doc), out);
      return true;
    }
    if (const char* trailing = CurrentLocation(doc)) {
      FailMalformed(simdjson::TRAILING_CONTENT, line_no_, json, trailing, out);
      return true;
    }
    BuildRecord(std::move(record), line_no_, json, out);
    return true;
  }

  // ---- .json: one object or an array of objects

  uint32_t LineOf(const char* location) const {
    if (location == nullptr) return 1;
    return json_lines_->At(static_cast<size_t>(location - json_.data())).line;
  }

  std::string_view SourceLine(const char* location) const {
    if (location == nullptr) return {};
    return json_lines_->LineText(static_cast<size_t>(location - json_.data()));
  }

  // A malformed-JSON failure at `location` in the .json file; reading stops.
  void FailJsonFile(error_code error, const char* location, DocumentResult* out) {
    done_ = true;
    if (error == simdjson::UTF8_ERROR || location == nullptr) {
      std::vector<TextIssue> issues;
      if (error == simdjson::UTF8_ERROR) issues = FindTextIssues(json_, 1);
      if (!issues.empty()) location = json_.data() + issues.front().offset;
    }
    uint32_t line = LineOf(location);
    std::string_view source = SourceLine(location);
    std::string message = std::string("malformed JSON: ") + simdjson::error_message(error);
    if (error == simdjson::UTF8_ERROR && location != nullptr) {
      message +=
          fmt::format(" (invalid UTF-8 byte 0x{:02X})", static_cast<unsigned char>(*location));
    }
    uint32_t col = location == nullptr ? 1 : ColumnIn(source, location);
    Fail(out, LineId(line), path_, line, col, std::move(message), source);
  }

  // Reads one record whose value is `value`, at `location`.
  void JsonRecord(od::value value, const char* location, DocumentResult* out) {
    uint32_t line_no = LineOf(location);
    std::string_view source = SourceLine(location);
    if (location != nullptr) {
      const char* end = json_.data() + json_.size();
      if (auto deep =
              FindExcessNesting(std::string_view(location, end - location), kMaxJsonNesting)) {
        // Not descended into: the array iterator skips it (iteratively) to the next record.
        const char* at = location + *deep;
        return FailTooDeep(LineOf(at), SourceLine(at), at, out);
      }
    }
    od::json_type type;
    error_code e = value.type().get(type);
    if (!e && type != od::json_type::object) {
      e = ConsumeValue(value);
      if (!e) {
        Fail(out, LineId(line_no), path_, line_no, ColumnIn(source, location),
             "record is not a JSON object", source);
        return;
      }
    }
    od::object object;
    Record record;
    if (!e) e = value.get_object().get(object);
    if (!e) e = ReadRecord(object, text_fields_, &record);
    if (e) {
      return FailJsonFile(e, CurrentLocation(doc_), out);
    }
    BuildRecord(std::move(record), line_no, source, out);
  }

  bool NextJsonRecord(DocumentResult* out) {
    if (!json_started_) {
      json_started_ = true;
      size_t size = bytes_.size();
      size_t bom = Utf8BomLength(bytes_);
      json_ = simdjson::padded_string(bytes_.data() + bom, size - bom);
      std::string().swap(bytes_);
      json_lines_.emplace(std::string_view(json_.data(), json_.size()));
      error_code e = parser_.iterate(json_).get(doc_);
      od::json_type type = od::json_type::null;
      if (!e) e = doc_.type().get(type);
      if (e) {
        FailJsonFile(e, nullptr, out);
        return true;
      }
      if (type == od::json_type::object) {
        done_ = true;
        if (auto deep = FindExcessNesting(json_, kMaxJsonNesting)) {
          const char* at = json_.data() + *deep;
          FailTooDeep(LineOf(at), SourceLine(at), at, out);
          return true;
        }
        od::object object;
        Record record;
        e = doc_.get_object().get(object);
        if (!e) e = ReadRecord(object, text_fields_, &record);
        if (e) {
          FailJsonFile(e, CurrentLocation(doc_), out);
          return true;
        }
        if (const char* trailing = CurrentLocation(doc_)) {
          FailJsonFile(simdjson::TRAILING_CONTENT, trailing, out);
          return true;
        }
        const char* start = json_.data();
        while (start < json_.data() + json_.size() && IsJsonSpace(*start)) ++start;
        BuildRecord(std::move(record), LineOf(start), SourceLine(start), out);
        return true;
      }
      if (type != od::json_type::array) {
        done_ = true;
        Fail(out, path_, path_, 1, 1, "expected a JSON object or an array of objects");
        return true;
      }
      od::array array;
      e = doc_.get_array().get(array);
      if (!e) e = array.begin().get(it_);
      if (!e) e = array.end().get(end_);
      if (e) {
        FailJsonFile(e, nullptr, out);
        return true;
      }
    }
    if (!(it_ != end_)) {
      done_ = true;
      if (const char* trailing = CurrentLocation(doc_)) {
        FailJsonFile(simdjson::TRAILING_CONTENT, trailing, out);
        return true;
      }
      return false;
    }
    od::value value;
    error_code e = (*it_).get(value);
    if (e) {
      FailJsonFile(e, CurrentLocation(doc_), out);
      return true;
    }
    const char* location = nullptr;
    if (value.current_location().get(location)) location = nullptr;
    JsonRecord(value, location, out);
    if (!done_) ++it_;
    return true;
  }

  friend class DocumentReader;

  std::string path_;
  std::shared_ptr<const std::string> stdin_bytes_;
  Encoding encoding_ = Encoding::kAuto;  // of text files (--encoding)
  std::vector<std::string> text_fields_;
  InputFormat format_ = InputFormat::kText;
  std::optional<std::string> open_error_;
  bool done_ = false;
  bool warned_no_text_ = false;  // the one "no text field" warning of this file

  std::string bytes_;  // text and .json input, until read

  od::parser parser_;
  std::optional<LineSource> lines_;  // JSON Lines
  std::FILE* lines_file_ = nullptr;  // the file lines_ reads, if any
  uint32_t line_no_ = 0;
  std::string padded_;  // the current JSON line plus SIMDJSON_PADDING

  bool json_started_ = false;  // .json
  simdjson::padded_string json_;
  std::optional<LineIndex> json_lines_;
  od::document doc_;
  od::array_iterator it_;
  od::array_iterator end_;
};

DocumentReader::DocumentReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;
DocumentReader::~DocumentReader() = default;

DocumentReader DocumentReader::Open(const std::string& path, const IngestOptions& options) {
  auto impl = std::make_unique<Impl>(path, options);
  impl->OpenFile();
  return DocumentReader(std::move(impl));
}

DocumentReader DocumentReader::FromBytes(std::string path, std::string bytes, InputFormat format,
                                         const IngestOptions& options) {
  auto impl = std::make_unique<Impl>(std::move(path), options);
  impl->SetBytes(std::move(bytes), format);
  return DocumentReader(std::move(impl));
}

bool DocumentReader::Next(DocumentResult* out) { return impl_->Next(out); }

std::vector<DocumentResult> ReadAllDocuments(DocumentReader reader) {
  std::vector<DocumentResult> results;
  DocumentResult result;
  while (reader.Next(&result)) results.push_back(std::move(result));
  return results;
}

}  // namespace quotecheck
