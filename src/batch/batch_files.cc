#include "batch/batch_files.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <type_traits>

namespace quotecheck {
namespace {

// Each file starts with its kind's magic, so that a file of another kind (or an older
// layout) is an error rather than garbage.
constexpr std::string_view kReadPartMagic = "qcbatch-read-2\n";
constexpr std::string_view kKeysMagic = "qcbatch-keys-1\n";
constexpr std::string_view kGroupsMagic = "qcbatch-groups-1\n";
constexpr std::string_view kListsMagic = "qcbatch-lists-1\n";
constexpr std::string_view kPairsMagic = "qcbatch-pairs-2\n";
constexpr std::string_view kLinksMagic = "qcbatch-links-1\n";
constexpr std::string_view kOrderedLinksMagic = "qcbatch-ordered-links-1\n";
constexpr std::string_view kClusterTableMagic = "qcbatch-clusters-1\n";
constexpr std::string_view kTallyMagic = "qcbatch-tally-1\n";

class Writer {
 public:
  explicit Writer(std::string_view magic) : out_(magic) {}
  template <typename T>
  void Num(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));
    out_.append(buf, sizeof(T));
  }
  void Str(std::string_view s) {
    Num<uint64_t>(s.size());
    out_.append(s);
  }
  void OptStr(const std::optional<std::string>& s) {
    Num<uint8_t>(s.has_value());
    if (s) Str(*s);
  }
  void Span(const ByteSpan& s) {
    Num<uint64_t>(s.start);
    Num<uint64_t>(s.end);
  }
  void OptRef(const std::optional<TextRef>& r) {
    Num<uint8_t>(r.has_value());
    if (!r) return;
    Span(r->span);
    Str(r->text);
  }
  /// A list of word hashes: its size, then each.
  void Words(const std::vector<uint64_t>& words) {
    Num<uint64_t>(words.size());
    for (uint64_t h : words) Num<uint64_t>(h);
  }
  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view magic) : in_(bytes) {
    if (!in_.starts_with(magic)) {
      ok_ = false;
    } else {
      at_ = magic.size();
    }
  }
  template <typename T>
  T Num() {
    T v{};
    if (!ok_ || in_.size() - at_ < sizeof(T)) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  std::string Str() {
    const uint64_t n = Num<uint64_t>();
    if (!ok_ || in_.size() - at_ < n) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::optional<std::string> OptStr() {
    if (Num<uint8_t>() == 0) return std::nullopt;
    return Str();
  }
  ByteSpan Span() {
    ByteSpan s;
    s.start = Num<uint64_t>();
    s.end = Num<uint64_t>();
    return s;
  }
  std::optional<TextRef> OptRef() {
    if (Num<uint8_t>() == 0) return std::nullopt;
    TextRef r;
    r.span = Span();
    r.text = Str();
    return r;
  }
  /// A count of items each at least `min_size` bytes: more than the bytes left is corrupt.
  uint64_t Count(size_t min_size) {
    const uint64_t n = Num<uint64_t>();
    if (ok_ && n > (in_.size() - at_) / std::max<size_t>(1, min_size)) ok_ = false;
    return ok_ ? n : 0;
  }
  /// What Writer::Words wrote.
  std::vector<uint64_t> Words() {
    std::vector<uint64_t> words(Count(8));
    for (uint64_t& h : words) h = Num<uint64_t>();
    return words;
  }
  /// Skips `n` items of `size` bytes each.
  void Skip(uint64_t n, size_t size) {
    if (!ok_ || n > (in_.size() - at_) / std::max<size_t>(1, size)) {
      ok_ = false;
      return;
    }
    at_ += n * size;
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

Status Corrupt(std::string_view what) {
  return Status::Error(
      fmt::format("malformed {} file (truncated, or written by another version)", what));
}

void PutDiagnostic(Writer& w, const Diagnostic& d) {
  w.Num<uint8_t>(static_cast<uint8_t>(d.severity));
  w.Str(d.path);
  w.Num<uint32_t>(d.line);
  w.Num<uint32_t>(d.col);
  w.Str(d.message);
  w.Str(d.code);
  w.Str(d.source_line);
  w.Str(d.record);
  w.Num<uint32_t>(d.record_line);
}

Diagnostic GetDiagnostic(Reader& r) {
  Diagnostic d;
  d.severity = static_cast<Severity>(r.Num<uint8_t>());
  d.path = r.Str();
  d.line = r.Num<uint32_t>();
  d.col = r.Num<uint32_t>();
  d.message = r.Str();
  d.code = r.Str();
  d.source_line = r.Str();
  d.record = r.Str();
  d.record_line = r.Num<uint32_t>();
  return d;
}

}  // namespace

Status CommitFile(const std::string& path, OutputFile* file) {
  if (!file->Commit()) {
    return Status::Error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  }
  return Status::Ok();
}

Status OpenFile(const std::string& path, OutputFile* file) {
  if (!file->Open(path)) {
    return Status::Error(
        fmt::format("{}: cannot open for writing: {}", path, std::strerror(errno)));
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& bytes) {
  OutputFile file;
  Status s = OpenFile(path, &file);
  if (!s.ok()) return s;
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return CommitFile(path, &file);
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  // Read into a string reserved to the file's size when it has one (a string stream would
  // hold the bytes twice); a pipe or FIFO is read to its end all the same.
  std::string bytes;
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    bytes.reserve(static_cast<size_t>(st.st_size));
  }
  char buffer[1 << 16];
  while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return Status::Error(fmt::format("{}: cannot read", path));
  return bytes;
}

std::string EncodeReadPart(const CheckResult& result, const std::vector<ReadPiece>& pieces) {
  Writer w(kReadPartMagic);
  w.Num<uint64_t>(result.documents.size());
  for (const DocumentInfo& d : result.documents) {
    w.Str(d.id);
    w.Str(d.path);
    w.Str(d.meta.title);
    w.Str(d.meta.outlet);
    w.Str(d.meta.url);
    w.Str(d.meta.date);
    w.Str(d.meta.role);
    w.Num<uint8_t>(d.primary);
    w.Num<uint8_t>(d.draft);
  }
  w.Num<uint64_t>(pieces.size());
  for (const ReadPiece& p : pieces) {
    w.Num<uint64_t>(p.doc_begin);
    w.Num<uint64_t>(p.doc_end);
    w.Num<uint8_t>(p.continues);
    w.Num<uint64_t>(p.opened.size());
    for (StorePieceOpening how : p.opened) w.Num<uint8_t>(static_cast<uint8_t>(how));
  }
  w.Num<uint64_t>(result.quotes.size());
  for (const QuoteRecord& q : result.quotes) {
    w.Num<uint32_t>(q.doc);
    w.Num<uint64_t>(q.start);
    w.Num<uint64_t>(q.end);
    w.Num<uint64_t>(q.spans.size());
    for (const ByteSpan& s : q.spans) w.Span(s);
    w.Num<uint32_t>(q.line);
    w.Num<uint32_t>(q.col);
    w.Str(q.text);
    w.Num<uint8_t>(static_cast<uint8_t>(q.kind));
    w.OptStr(q.speaker);
    w.OptStr(q.speaker_key);
    w.OptRef(q.speaker_mention);
    w.OptRef(q.cue);
    w.Str(q.rule);
    w.Num<double>(q.confidence);
    w.Str(q.cluster);
  }
  w.Num<uint64_t>(result.diagnostics.size());
  for (const Diagnostic& d : result.diagnostics) PutDiagnostic(w, d);
  w.Num<uint64_t>(result.errors.size());
  for (const DocumentError& e : result.errors) {
    w.Str(e.doc);
    w.Str(e.message);
  }
  w.Num<uint64_t>(result.documents_read);
  w.Num<uint64_t>(result.documents_failed);
  w.Num<uint64_t>(result.bytes);
  return w.Take();
}

namespace {

DocumentInfo GetDocument(Reader& r) {
  DocumentInfo d;
  d.id = r.Str();
  d.path = r.Str();
  d.meta.title = r.Str();
  d.meta.outlet = r.Str();
  d.meta.url = r.Str();
  d.meta.date = r.Str();
  d.meta.role = r.Str();
  d.primary = r.Num<uint8_t>() != 0;
  d.draft = r.Num<uint8_t>() != 0;
  return d;
}

// A quotation as the part holds it: `doc` is the part's own document number.
QuoteRecord GetQuote(Reader& r) {
  QuoteRecord q;
  q.doc = r.Num<uint32_t>();
  q.start = r.Num<uint64_t>();
  q.end = r.Num<uint64_t>();
  const uint64_t spans = r.Count(16);
  for (uint64_t k = 0; k < spans && r.ok(); ++k) q.spans.push_back(r.Span());
  q.line = r.Num<uint32_t>();
  q.col = r.Num<uint32_t>();
  q.text = r.Str();
  q.kind = static_cast<QuoteKind>(r.Num<uint8_t>());
  q.speaker = r.OptStr();
  q.speaker_key = r.OptStr();
  q.speaker_mention = r.OptRef();
  q.cue = r.OptRef();
  q.rule = r.Str();
  q.confidence = r.Num<double>();
  q.cluster = r.Str();
  return q;
}

}  // namespace

Status AppendReadPart(std::string_view bytes, QuoteStoreJoin* join, CheckResult* result,
                      const std::vector<bool>* keep, bool drop_others, size_t* seen,
                      std::vector<uint32_t>* doc_numbers) {
  size_t counted = result->quotes.size();  // quotations of the parts before, this one's so far
  if (seen != nullptr) counted = *seen;
  Reader r(bytes, kReadPartMagic);
  const uint64_t documents = r.Count(9 * 8);
  std::vector<DocumentInfo> docs;
  docs.reserve(documents);
  for (uint64_t i = 0; i < documents && r.ok(); ++i) docs.push_back(GetDocument(r));
  // Each document's number in `result`: the pieces' through the join, the others appended.
  std::vector<uint32_t> number(docs.size());
  uint64_t dropped = 0;
  size_t next = 0;  // the first document not yet numbered
  auto append_to = [&](size_t end) {
    for (; next < end; ++next) {
      number[next] = static_cast<uint32_t>(result->documents.size());
      result->documents.push_back(std::move(docs[next]));
    }
  };
  const uint64_t pieces = r.Count(25);
  for (uint64_t i = 0; i < pieces && r.ok(); ++i) {
    const uint64_t begin = r.Num<uint64_t>();
    const uint64_t end = r.Num<uint64_t>();
    const bool continues = r.Num<uint8_t>() != 0;
    std::vector<StorePieceOpening> opened(r.Count(1));
    for (StorePieceOpening& how : opened) how = static_cast<StorePieceOpening>(r.Num<uint8_t>());
    if (!r.ok() || begin < next || end < begin || end > docs.size()) return Corrupt("read part");
    append_to(begin);
    std::vector<DocumentInfo> piece(std::make_move_iterator(docs.begin() + begin),
                                    std::make_move_iterator(docs.begin() + end));
    const std::vector<uint32_t> numbers =
        join->Add(std::move(piece), opened, continues, &result->documents, &dropped);
    std::copy(numbers.begin(), numbers.end(), number.begin() + begin);
    next = end;
  }
  append_to(docs.size());
  if (doc_numbers != nullptr) *doc_numbers = number;
  const uint64_t quotes = r.Count(64);
  for (uint64_t i = 0; i < quotes && r.ok(); ++i) {
    QuoteRecord q = GetQuote(r);
    if (q.doc >= number.size()) return Corrupt("read part");
    q.doc = number[q.doc];
    if (q.doc >= result->documents.size()) return Corrupt("read part");
    const size_t number = counted++;
    if (keep != nullptr && (number >= keep->size() || !(*keep)[number])) {
      if (drop_others) continue;
      QuoteRecord empty;
      empty.doc = q.doc;
      result->quotes.push_back(std::move(empty));
      continue;
    }
    result->quotes.push_back(std::move(q));
  }
  const uint64_t diagnostics = r.Count(8);
  for (uint64_t i = 0; i < diagnostics && r.ok(); ++i) {
    result->diagnostics.push_back(GetDiagnostic(r));
  }
  const uint64_t errors = r.Count(16);
  for (uint64_t i = 0; i < errors && r.ok(); ++i) {
    DocumentError e;
    e.doc = r.Str();
    e.message = r.Str();
    result->errors.push_back(std::move(e));
  }
  if (seen != nullptr) *seen = counted;
  result->documents_read += r.Num<uint64_t>() - dropped;
  result->documents_failed += r.Num<uint64_t>();
  result->bytes += r.Num<uint64_t>();
  return r.done() ? Status::Ok() : Corrupt("read part");
}

Result<uint64_t> ReadPartDocumentCount(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string header(kReadPartMagic.size() + sizeof(uint64_t), '\0');
  in.read(header.data(), static_cast<std::streamsize>(header.size()));
  header.resize(static_cast<size_t>(in.gcount()));
  Reader r(header, kReadPartMagic);
  const uint64_t documents = r.Num<uint64_t>();
  if (!r.ok()) return Status::Error(fmt::format("{}: {}", path, Corrupt("read part").message()));
  return documents;
}

Status ForEachReadPartQuote(std::string_view bytes, size_t* seen,
                            const std::function<void(size_t, QuoteRecord&&)>& fn) {
  Reader r(bytes, kReadPartMagic);
  const uint64_t documents = r.Count(9 * 8);
  for (uint64_t i = 0; i < documents && r.ok(); ++i) GetDocument(r);  // read past, not kept
  const uint64_t pieces = r.Count(25);
  for (uint64_t i = 0; i < pieces && r.ok(); ++i) {
    r.Num<uint64_t>();
    r.Num<uint64_t>();
    r.Num<uint8_t>();
    const uint64_t opened = r.Count(1);
    for (uint64_t k = 0; k < opened && r.ok(); ++k) r.Num<uint8_t>();
  }
  const uint64_t count = r.Count(64);
  for (uint64_t i = 0; i < count && r.ok(); ++i) {
    QuoteRecord q = GetQuote(r);
    if (q.doc >= documents) return Corrupt("read part");
    fn((*seen)++, std::move(q));
  }
  return r.ok() ? Status::Ok() : Corrupt("read part");
}

std::string EncodeShardKeys(const ShardKeys& keys) {
  Writer w(kKeysMagic);
  w.Num<uint64_t>(keys.keys.size());
  for (size_t i = 0; i < keys.keys.size(); ++i) {
    w.Str(keys.keys[i]);
    w.Words(keys.words[i]);
  }
  return w.Take();
}

Status ForEachShardKey(std::string_view bytes,
                       const std::function<void(std::string_view, std::vector<uint64_t>&&)>& fn) {
  Reader r(bytes, kKeysMagic);
  const uint64_t n = r.Count(16);
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    const std::string key = r.Str();
    std::vector<uint64_t> words = r.Words();
    if (r.ok()) fn(key, std::move(words));
  }
  return r.done() ? Status::Ok() : Corrupt("keys");
}

namespace {

void PutGroup(Writer& w, uint64_t representative, uint32_t weight,
              const std::vector<uint64_t>& words) {
  w.Num<uint64_t>(representative);
  w.Num<uint32_t>(weight);
  w.Words(words);
}

}  // namespace

std::string EncodeGroupWords(const GroupWords& groups) {
  Writer w(kGroupsMagic);
  w.Num<uint64_t>(groups.representative.size());
  for (size_t g = 0; g < groups.representative.size(); ++g) {
    PutGroup(w, groups.representative[g], groups.weights[g], groups.words[g]);
  }
  return w.Take();
}

Status GroupWordsWriter::Open(const std::string& path, size_t groups) {
  path_ = path;
  groups_ = groups;
  added_ = 0;
  Writer w(kGroupsMagic);
  w.Num<uint64_t>(groups);
  encoded_ = w.Take();
  return OpenFile(path, &file_);
}

void GroupWordsWriter::Add(uint64_t representative, uint32_t weight,
                           const std::vector<uint64_t>& words) {
  // Written in blocks of about this size: few writes, little held.
  constexpr size_t kFlush = size_t{1} << 20;
  Writer w("");
  PutGroup(w, representative, weight, words);
  encoded_ += w.Take();
  ++added_;
  if (encoded_.size() >= kFlush) {
    file_.stream().write(encoded_.data(), static_cast<std::streamsize>(encoded_.size()));
    encoded_.clear();
  }
}

Status GroupWordsWriter::Commit() {
  if (added_ != groups_) {
    return Status::Error(fmt::format("{}: {} group(s) written of {}", path_, added_, groups_));
  }
  file_.stream().write(encoded_.data(), static_cast<std::streamsize>(encoded_.size()));
  encoded_.clear();
  return CommitFile(path_, &file_);
}

Status DecodeGroupWords(std::string_view bytes, GroupWords* groups) {
  Reader r(bytes, kGroupsMagic);
  const uint64_t n = r.Count(20);
  groups->representative.resize(n);
  groups->weights.resize(n);
  groups->words.resize(n);
  for (uint64_t g = 0; g < n && r.ok(); ++g) {
    groups->representative[g] = r.Num<uint64_t>();
    groups->weights[g] = r.Num<uint32_t>();
    groups->words[g] = r.Words();
  }
  return r.done() ? Status::Ok() : Corrupt("groups");
}

Status DecodeGroupHeads(std::string_view bytes, std::vector<uint64_t>* representative,
                        std::vector<uint32_t>* word_counts) {
  Reader r(bytes, kGroupsMagic);
  const uint64_t n = r.Count(20);
  representative->resize(n);
  word_counts->resize(n);
  for (uint64_t g = 0; g < n && r.ok(); ++g) {
    (*representative)[g] = r.Num<uint64_t>();
    r.Num<uint32_t>();  // the weight
    const uint64_t words = r.Num<uint64_t>();
    (*word_counts)[g] = static_cast<uint32_t>(words);
    r.Skip(words, 8);
  }
  return r.done() ? Status::Ok() : Corrupt("groups");
}

namespace {

template <typename T>
void PutVector(Writer& w, const std::vector<T>& v) {
  w.Num<uint64_t>(v.size());
  for (const T& x : v) w.Num<T>(x);
}

template <typename T>
void GetVector(Reader& r, std::vector<T>* v) {
  const uint64_t n = r.Count(sizeof(T));
  v->resize(n);
  for (uint64_t i = 0; i < n && r.ok(); ++i) (*v)[i] = r.Num<T>();
}

}  // namespace

std::string EncodeShingleLists(const ShingleLists& lists) {
  Writer w(kListsMagic);
  PutVector(w, lists.shingle);
  PutVector(w, lists.member_end);
  PutVector(w, lists.members);
  PutVector(w, lists.hub_end);
  PutVector(w, lists.hubs);
  return w.Take();
}

Status DecodeShingleLists(std::string_view bytes, ShingleLists* lists) {
  Reader r(bytes, kListsMagic);
  GetVector(r, &lists->shingle);
  GetVector(r, &lists->member_end);
  GetVector(r, &lists->members);
  GetVector(r, &lists->hub_end);
  GetVector(r, &lists->hubs);
  const size_t n = lists->shingle.size();
  const bool consistent = lists->member_end.size() == n && lists->hub_end.size() == n &&
                          (n == 0 || (lists->member_end.back() == lists->members.size() &&
                                      lists->hub_end.back() == lists->hubs.size()));
  return r.done() && consistent ? Status::Ok() : Corrupt("shingle lists");
}

std::string EncodeCountedPairs(const CountedPairs& counted) {
  Writer w(kPairsMagic);
  w.Num<uint64_t>(counted.capped);
  w.Num<uint8_t>(counted.any_truncated);
  w.Num<uint64_t>(counted.pairs.size());
  for (const CandidatePair& p : counted.pairs) {
    w.Num<uint32_t>(p.a);
    w.Num<uint32_t>(p.b);
    w.Num<uint32_t>(p.shared);
  }
  return w.Take();
}

Status DecodeCountedPairs(std::string_view bytes, CountedPairs* counted) {
  Reader r(bytes, kPairsMagic);
  counted->capped = r.Num<uint64_t>();
  counted->any_truncated = r.Num<uint8_t>() != 0;
  const uint64_t n = r.Count(12);
  counted->pairs.resize(n);
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    CandidatePair& p = counted->pairs[i];
    p.a = r.Num<uint32_t>();
    p.b = r.Num<uint32_t>();
    p.shared = r.Num<uint32_t>();
  }
  return r.done() ? Status::Ok() : Corrupt("pairs");
}

namespace {

void WriteLinks(const std::vector<Link>& links, Writer* w) {
  w->Num<uint64_t>(links.size());
  for (const Link& l : links) {
    w->Num<uint64_t>(l.a);
    w->Num<uint64_t>(l.b);
    w->Num<uint8_t>(static_cast<uint8_t>(l.relation));
    w->Num<double>(l.similarity);
    w->Num<uint8_t>(l.speakers_agree);
    w->Num<uint64_t>(l.diff.ops.size());
    for (const DiffOp& op : l.diff.ops) {
      w->Num<uint8_t>(static_cast<uint8_t>(op.kind));
      w->Str(op.a);
      w->Str(op.b);
    }
    w->Num<uint32_t>(l.diff.classes);
    w->Num<uint32_t>(l.diff.flags);
    w->Str(l.cluster);
    w->Num<uint8_t>(l.end_continues);
    w->Num<uint8_t>(l.member);
  }
}

void ReadLinks(Reader* r, std::vector<Link>* links) {
  const uint64_t n = r->Count(40);
  for (uint64_t i = 0; i < n && r->ok(); ++i) {
    Link l;
    l.a = r->Num<uint64_t>();
    l.b = r->Num<uint64_t>();
    l.relation = static_cast<Relation>(r->Num<uint8_t>());
    l.similarity = r->Num<double>();
    l.speakers_agree = r->Num<uint8_t>() != 0;
    const uint64_t ops = r->Count(17);
    for (uint64_t k = 0; k < ops && r->ok(); ++k) {
      DiffOp op;
      op.kind = static_cast<DiffOp::Kind>(r->Num<uint8_t>());
      op.a = r->Str();
      op.b = r->Str();
      l.diff.ops.push_back(std::move(op));
    }
    l.diff.classes = r->Num<uint32_t>();
    l.diff.flags = r->Num<uint32_t>();
    l.cluster = r->Str();
    l.end_continues = r->Num<uint8_t>() != 0;
    l.member = r->Num<uint8_t>() != 0;
    links->push_back(std::move(l));
  }
}

}  // namespace

std::string EncodeLinks(const std::vector<Link>& links) {
  Writer w(kLinksMagic);
  WriteLinks(links, &w);
  return w.Take();
}

Status AppendLinks(std::string_view bytes, std::vector<Link>* links) {
  Reader r(bytes, kLinksMagic);
  ReadLinks(&r, links);
  return r.done() ? Status::Ok() : Corrupt("links");
}

std::string EncodeOrderedLinks(const OrderedLinks& links) {
  Writer w(kOrderedLinksMagic);
  w.Words(links.order);
  WriteLinks(links.links, &w);
  return w.Take();
}

Status DecodeOrderedLinks(std::string_view bytes, OrderedLinks* links) {
  Reader r(bytes, kOrderedLinksMagic);
  links->order = r.Words();
  links->links.clear();
  ReadLinks(&r, &links->links);
  if (r.done() && links->order.size() != links->links.size()) return Corrupt("ordered links");
  return r.done() ? Status::Ok() : Corrupt("ordered links");
}

std::string EncodeClusterTable(const ClusterTable& table) {
  Writer w(kClusterTableMagic);
  w.Num<uint64_t>(table.cluster_of.size());
  for (uint32_t c : table.cluster_of) w.Num<uint32_t>(c);
  w.Num<uint64_t>(table.clusters.size());
  for (const ClusterHead& c : table.clusters) {
    w.Num<uint64_t>(c.canonical);
    w.Num<uint64_t>(c.first);
    w.Num<uint8_t>(c.primary.has_value());
    w.Num<uint64_t>(c.primary.value_or(0));
    w.Num<uint32_t>(c.task);
    w.Num<uint64_t>(c.speakers.size());
    for (const std::string& speaker : c.speakers) w.Str(speaker);
  }
  w.Num<uint64_t>(table.capped_candidates);
  return w.Take();
}

Status DecodeClusterTable(std::string_view bytes, ClusterTable* table) {
  Reader r(bytes, kClusterTableMagic);
  table->cluster_of.resize(r.Count(4));
  for (uint32_t& c : table->cluster_of) c = r.Num<uint32_t>();
  table->clusters.resize(r.Count(37));
  for (ClusterHead& c : table->clusters) {
    c.canonical = r.Num<uint64_t>();
    c.first = r.Num<uint64_t>();
    const bool primary = r.Num<uint8_t>() != 0;
    const uint64_t at = r.Num<uint64_t>();
    if (primary) c.primary = at;
    c.task = r.Num<uint32_t>();
    c.speakers.resize(r.Count(8));
    for (std::string& speaker : c.speakers) speaker = r.Str();
  }
  table->capped_candidates = r.Num<uint64_t>();
  return r.done() ? Status::Ok() : Corrupt("cluster table");
}

std::string EncodeFindingsTally(const FindingsTally& tally) {
  Writer w(kTallyMagic);
  w.Num<uint64_t>(tally.links);
  for (size_t n : tally.findings) w.Num<uint64_t>(n);
  w.Num<uint64_t>(tally.capped_clusters);
  w.Num<uint64_t>(tally.capped_pairs);
  return w.Take();
}

Status DecodeFindingsTally(std::string_view bytes, FindingsTally* tally) {
  Reader r(bytes, kTallyMagic);
  tally->links = r.Num<uint64_t>();
  for (size_t& n : tally->findings) n = r.Num<uint64_t>();
  tally->capped_clusters = r.Num<uint64_t>();
  tally->capped_pairs = r.Num<uint64_t>();
  return r.done() ? Status::Ok() : Corrupt("findings tally");
}

void AppendOrderedRecord(const RecordOrder& order, std::string_view record, std::string* out) {
  Writer w("");
  w.Num<uint8_t>(order.stage);
  w.Num<uint64_t>(order.first);
  w.Num<uint64_t>(order.second);
  w.Str(record);
  out->append(w.Take());
}

Status OrderedRecordReader::Open(const std::string& path) {
  path_ = path;
  in_.open(path, std::ios::binary);
  if (!in_) return Status::Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  return Status::Ok();
}

Result<bool> OrderedRecordReader::Next(RecordOrder* order, std::string* record) {
  char head[1 + 3 * 8];
  in_.read(head, sizeof(head));
  if (in_.gcount() == 0 && in_.eof()) return false;
  if (in_.gcount() != static_cast<std::streamsize>(sizeof(head))) {
    return Status::Error(fmt::format("{}: {}", path_, Corrupt("records").message()));
  }
  uint64_t size = 0;
  order->stage = static_cast<uint8_t>(head[0]);
  std::memcpy(&order->first, head + 1, 8);
  std::memcpy(&order->second, head + 9, 8);
  std::memcpy(&size, head + 17, 8);
  record->resize(size);
  in_.read(record->data(), static_cast<std::streamsize>(size));
  if (in_.gcount() != static_cast<std::streamsize>(size)) {
    return Status::Error(fmt::format("{}: {}", path_, Corrupt("records").message()));
  }
  return true;
}

}  // namespace quotecheck
