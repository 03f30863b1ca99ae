#include "batch/batch_files.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include "../temp_dir.h"

namespace quotecheck {
namespace {

CheckResult SampleRead() {
  CheckResult r;
  DocumentInfo d;
  d.id = "harbour-1";
  d.path = "in/harbour.jsonl";
  d.meta = {.title = "Pier\ttalks",
            .outlet = "Gull Gazette",
            .url = "u",
            .date = "2024-05-01",
            .role = "primary"};
  d.primary = true;
  r.documents.push_back(d);
  DocumentInfo plain;
  plain.id = "b";
  plain.path = "b.txt";
  r.documents.push_back(plain);
  QuoteRecord q;
  q.doc = 1;
  q.start = 10;
  q.end = 30;
  q.spans = {{10, 18}, {22, 30}};
  q.line = 2;
  q.col = 5;
  q.text = "The pier “stays” open";
  q.kind = QuoteKind::kPartial;
  q.speaker = "Ona Vell";
  q.speaker_mention = TextRef{{1, 9}, "Ona Vell"};
  q.rule = "after/speaker-cue";
  q.confidence = 0.1 + 0.2;  // not a short decimal: read back bit for bit
  r.quotes.push_back(q);
  Diagnostic diag;
  diag.severity = Severity::kWarning;
  diag.path = "b.txt";
  diag.line = 3;
  diag.message = "quotation mark is never closed";
  diag.code = "unbalanced-quote";
  diag.record = "rec-1";
  diag.record_line = 7;
  r.diagnostics.push_back(diag);
  r.errors.push_back({"gone.txt", "cannot open"});
  r.documents_read = 2;
  r.documents_failed = 1;
  r.bytes = 1234;
  return r;
}

}  // namespace

TEST_SUITE("batch") {
  TEST_CASE("a read part is read back as written, after the documents already read") {
    const CheckResult part = SampleRead();
    CheckResult merged;
    QuoteStoreJoin join;
    REQUIRE(AppendReadPart(EncodeReadPart(part), &join, &merged).ok());
    REQUIRE(AppendReadPart(EncodeReadPart(part), &join, &merged).ok());
    REQUIRE(merged.documents.size() == 4);
    REQUIRE(merged.quotes.size() == 2);
    CHECK(merged.quotes[0].doc == 1);
    CHECK(merged.quotes[1].doc == 3);  // moved by the first part's documents
    const QuoteRecord& q = merged.quotes[1];
    CHECK(q.text == part.quotes[0].text);
    CHECK(q.spans == part.quotes[0].spans);
    CHECK(q.kind == QuoteKind::kPartial);
    CHECK(q.speaker == part.quotes[0].speaker);
    CHECK_FALSE(q.speaker_key.has_value());
    CHECK(q.speaker_mention->text == "Ona Vell");
    CHECK_FALSE(q.cue.has_value());
    CHECK(q.confidence == part.quotes[0].confidence);
    CHECK(merged.documents[2].meta.title == "Pier\ttalks");
    CHECK(merged.documents[2].primary);
    CHECK(merged.diagnostics[1].record_line == 7);
    CHECK(merged.errors.size() == 2);
    CHECK(merged.documents_read == 4);
    CHECK(merged.documents_failed == 2);
    CHECK(merged.bytes == 2468);
  }

  TEST_CASE("a read part read with a keep mask holds only the quotations asked for") {
    CheckResult part = SampleRead();
    part.quotes.push_back(part.quotes[0]);
    part.quotes[1].text = "second";
    CheckResult kept;
    QuoteStoreJoin join;
    const std::vector<bool> keep = {false, true};
    REQUIRE(AppendReadPart(EncodeReadPart(part), &join, &kept, &keep).ok());
    REQUIRE(kept.quotes.size() == 2);  // numbers unchanged
    CHECK(kept.quotes[0].text.empty());
    CHECK(kept.quotes[0].doc == 1);
    CHECK(kept.quotes[1].text == "second");
  }

  TEST_CASE("a read part's quotations one at a time, their documents numbered by the join") {
    CheckResult part = SampleRead();
    part.quotes.push_back(part.quotes[0]);
    part.quotes[1].text = "second";
    part.quotes[1].doc = 0;
    const std::string bytes = EncodeReadPart(part);
    CheckResult documents;
    QuoteStoreJoin join;
    REQUIRE(AppendReadPart(EncodeReadPart(SampleRead()), &join, &documents).ok());
    const std::vector<bool> none;
    std::vector<uint32_t> doc_numbers;
    size_t counted = 0;
    REQUIRE(AppendReadPart(bytes, &join, &documents, &none, /*drop_others=*/true, &counted,
                           &doc_numbers)
                .ok());
    CHECK(documents.quotes.size() == 1);  // the first part's; none of this one's kept
    CHECK(counted == 2);
    CHECK(doc_numbers == std::vector<uint32_t>{2, 3});
    std::vector<std::pair<size_t, QuoteRecord>> got;
    size_t seen = 5;
    REQUIRE(ForEachReadPartQuote(bytes, &seen, [&](size_t i, QuoteRecord&& q) {
              got.emplace_back(i, std::move(q));
            }).ok());
    CHECK(seen == 7);
    REQUIRE(got.size() == 2);
    CHECK(got[0].first == 5);
    CHECK(got[0].second.doc == 1);  // the part's own number: doc_numbers[1] == 3 in the run
    CHECK(got[0].second.text == part.quotes[0].text);
    CHECK(got[0].second.spans == part.quotes[0].spans);
    CHECK(got[1].first == 6);
    CHECK(got[1].second.text == "second");
    CHECK_FALSE(
        ForEachReadPartQuote(bytes.substr(0, bytes.size() / 2), &seen, [](size_t, QuoteRecord&&) {
        }).ok());
  }

  TEST_CASE("truncated or foreign files are errors, not garbage") {
    const std::string bytes = EncodeReadPart(SampleRead());
    for (size_t cut : {size_t{0}, size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
      CheckResult r;
      QuoteStoreJoin join;
      CHECK_FALSE(AppendReadPart(bytes.substr(0, cut), &join, &r).ok());
    }
    std::vector<Link> links;
    CHECK_FALSE(AppendLinks(bytes, &links).ok());
    CountedPairs counted;
    CHECK_FALSE(DecodeCountedPairs(bytes, &counted).ok());
    GroupWords groups;
    CHECK_FALSE(DecodeGroupWords(bytes, &groups).ok());
    ShingleLists lists;
    CHECK_FALSE(DecodeShingleLists(bytes, &lists).ok());
  }

  TEST_CASE("keys, groups, shingle lists, pairs and links are read back as written") {
    GroupWords groups{.representative = {0, 4}, .weights = {3, 1}, .words = {{7, 8, 9}, {}}};
    GroupWords groups_back;
    REQUIRE(DecodeGroupWords(EncodeGroupWords(groups), &groups_back).ok());
    CHECK(groups_back.representative == groups.representative);
    CHECK(groups_back.weights == groups.weights);
    CHECK(groups_back.words == groups.words);
    std::vector<uint64_t> heads;
    std::vector<uint32_t> word_counts;
    REQUIRE(DecodeGroupHeads(EncodeGroupWords(groups), &heads, &word_counts).ok());
    CHECK(heads == groups.representative);
    CHECK(word_counts == std::vector<uint32_t>{3, 0});

    ShardKeys keys{.keys = {"we will rebuild", "", "we will rebuild"}, .words = {{5, 6}, {}, {}}};
    ShardKeys keys_back;
    auto keep = [&](std::string_view key, std::vector<uint64_t>&& words) {
      keys_back.keys.emplace_back(key);
      keys_back.words.push_back(std::move(words));
    };
    REQUIRE(ForEachShardKey(EncodeShardKeys(keys), keep).ok());
    CHECK(keys_back.keys == keys.keys);
    CHECK(keys_back.words == keys.words);
    const std::string keys_bytes = EncodeShardKeys(keys);
    CHECK_FALSE(ForEachShardKey(keys_bytes.substr(0, keys_bytes.size() - 1), keep).ok());

    ShingleLists lists{.shingle = {11, 12},
                       .member_end = {2, 5},
                       .members = {0, 1, 0, 2, 3},
                       .hub_end = {0, 1},
                       .hubs = {2}};
    ShingleLists lists_back;
    REQUIRE(DecodeShingleLists(EncodeShingleLists(lists), &lists_back).ok());
    CHECK(lists_back.members == lists.members);
    CHECK(lists_back.hub_end == lists.hub_end);
    lists.member_end.back() = 9;  // past its members: inconsistent, refused
    CHECK_FALSE(DecodeShingleLists(EncodeShingleLists(lists), &lists_back).ok());

    CountedPairs counted{.pairs = {{0, 3, 2}, {1, 2, 7}}, .capped = 5, .any_truncated = true};
    CountedPairs back;
    REQUIRE(DecodeCountedPairs(EncodeCountedPairs(counted), &back).ok());
    CHECK(back.capped == 5);
    CHECK(back.any_truncated);
    REQUIRE(back.pairs.size() == 2);
    CHECK((back.pairs[1].a == 1 && back.pairs[1].b == 2 && back.pairs[1].shared == 7));

    Link l;
    l.a = 4;
    l.b = 9;
    l.relation = Relation::kVariant;
    l.similarity = 2.0 / 3.0;
    l.speakers_agree = false;
    l.diff.ops = {{DiffOp::Kind::kReplace, "half", "two"}};
    l.diff.classes = kChangeLexical;
    l.diff.flags = kMeaningNumber;
    l.end_continues = true;
    std::vector<Link> links;
    REQUIRE(AppendLinks(EncodeLinks({l, Link{}}), &links).ok());
    REQUIRE(links.size() == 2);
    CHECK(links[0].similarity == l.similarity);
    CHECK(links[0].relation == Relation::kVariant);
    CHECK_FALSE(links[0].speakers_agree);
    CHECK(links[0].diff.ops[0].b == "two");
    CHECK(links[0].diff.flags == kMeaningNumber);
    CHECK(links[0].end_continues);
    CHECK_FALSE(links[1].member);
  }

  TEST_CASE("the cluster table, ordered links and a findings tally are read back as written") {
    ClusterTable table;
    table.cluster_of = {1, ClusterTable::kNone, 0, 1};
    table.clusters.resize(2);
    table.clusters[0] = {.canonical = 2, .first = 2, .primary = std::nullopt, .speakers = {}};
    table.clusters[1] = {
        .canonical = 3, .first = 0, .primary = 3, .speakers = {"Ada Quell", ""}, .task = 6};
    table.capped_candidates = 11;
    ClusterTable back;
    REQUIRE(DecodeClusterTable(EncodeClusterTable(table), &back).ok());
    CHECK(back.cluster_of == table.cluster_of);
    REQUIRE(back.clusters.size() == 2);
    CHECK_FALSE(back.clusters[0].primary.has_value());
    CHECK(back.clusters[1].primary == std::optional<uint64_t>(3));
    CHECK(back.clusters[1].speakers == table.clusters[1].speakers);
    CHECK(back.clusters[1].task == 6);
    CHECK(back.capped_candidates == 11);
    CHECK_FALSE(DecodeClusterTable(EncodeClusterTable(table).substr(0, 40), &back).ok());

    Link l;
    l.a = 3;
    l.b = 7;
    l.cluster = "c2";
    l.member = true;
    OrderedLinks links{.order = {41}, .links = {l}};
    OrderedLinks links_back;
    REQUIRE(DecodeOrderedLinks(EncodeOrderedLinks(links), &links_back).ok());
    CHECK(links_back.order == links.order);
    REQUIRE(links_back.links.size() == 1);
    CHECK((links_back.links[0].b == 7 && links_back.links[0].cluster == "c2"));
    CHECK(links_back.links[0].member);

    FindingsTally tally{.links = 5, .findings = {1, 2, 3}, .capped_clusters = 1, .capped_pairs = 9};
    FindingsTally tally_back;
    REQUIRE(DecodeFindingsTally(EncodeFindingsTally(tally), &tally_back).ok());
    CHECK(tally_back.findings == tally.findings);
    CHECK((tally_back.links == 5 && tally_back.capped_pairs == 9));
    CHECK_FALSE(DecodeFindingsTally(EncodeClusterTable(table), &tally_back).ok());
  }

  TEST_CASE("groups written a group at a time are the bytes encoded whole") {
    testing::TempDir dir;
    GroupWords groups;
    for (uint64_t g = 0; g < 40000; ++g) {  // more than the writer's 1 MB buffer
      groups.representative.push_back(g * 3);
      groups.weights.push_back(static_cast<uint32_t>(g % 5 + 1));
      groups.words.push_back(std::vector<uint64_t>(g % 7, g));
    }
    const std::string path = dir.path() + "/groups.bin";
    GroupWordsWriter writer;
    REQUIRE(writer.Open(path, groups.representative.size()).ok());
    for (size_t g = 0; g < groups.representative.size(); ++g) {
      writer.Add(groups.representative[g], groups.weights[g], groups.words[g]);
    }
    REQUIRE(writer.Commit().ok());
    Result<std::string> back = ReadWholeFile(path);
    REQUIRE(back.ok());
    CHECK(back.value().size() > (size_t{1} << 20));
    CHECK(back.value() == EncodeGroupWords(groups));

    GroupWordsWriter short_of_one;  // fewer groups than announced: an error, no file
    const std::string short_path = dir.path() + "/short.bin";
    REQUIRE(short_of_one.Open(short_path, 2).ok());
    short_of_one.Add(0, 1, {5});
    CHECK_FALSE(short_of_one.Commit().ok());
    CHECK_FALSE(ReadWholeFile(short_path).ok());
  }

  TEST_CASE("ordered records are read back one at a time; a cut record is an error") {
    testing::TempDir dir;
    std::string bytes;
    AppendOrderedRecord({0, 7, 0}, R"({"type":"link"})", &bytes);
    AppendOrderedRecord({2, 1, 4}, "", &bytes);
    const std::string path = dir.path() + "/records.bin";
    REQUIRE(WriteFileAtomically(path, bytes).ok());
    OrderedRecordReader reader;
    REQUIRE(reader.Open(path).ok());
    RecordOrder order;
    std::string record;
    Result<bool> next = reader.Next(&order, &record);
    REQUIRE((next.ok() && next.value()));
    CHECK((order == RecordOrder{0, 7, 0} && record == R"({"type":"link"})"));
    next = reader.Next(&order, &record);
    REQUIRE((next.ok() && next.value()));
    CHECK((order == RecordOrder{2, 1, 4} && record.empty()));
    next = reader.Next(&order, &record);
    CHECK((next.ok() && !next.value()));
    CHECK(RecordOrder{1, 0, 0} < RecordOrder{2, 0, 0});
    CHECK(RecordOrder{1, 3, 9} < RecordOrder{1, 4, 0});

    REQUIRE(WriteFileAtomically(path, bytes.substr(0, bytes.size() - 20)).ok());
    OrderedRecordReader cut;
    REQUIRE(cut.Open(path).ok());
    REQUIRE(cut.Next(&order, &record).ok());
    CHECK_FALSE(cut.Next(&order, &record).ok());
    OrderedRecordReader missing;
    CHECK_FALSE(missing.Open(dir.path() + "/missing.bin").ok());
  }

  TEST_CASE("ReadWholeFile reads a FIFO to its end (it has no size to seek to)") {
    testing::TempDir dir;
    const std::string path = dir.path() + "/fifo";
    REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    const std::string want(200000, 'q');
    std::thread writer([&] {
      std::ofstream out(path, std::ios::binary);
      out << want;
    });
    Result<std::string> back = ReadWholeFile(path);
    writer.join();
    REQUIRE(back.ok());
    CHECK(back.value() == want);
  }

  TEST_CASE("WriteFileAtomically leaves the whole file and no temporary") {
    testing::TempDir dir;
    const std::string path = dir.path() + "/out.bin";
    REQUIRE(WriteFileAtomically(path, "first").ok());
    REQUIRE(WriteFileAtomically(path, "second").ok());
    Result<std::string> back = ReadWholeFile(path);
    REQUIRE(back.ok());
    CHECK(back.value() == "second");
    CHECK_FALSE(WriteFileAtomically(dir.path() + "/missing/out.bin", "x").ok());
    CHECK_FALSE(ReadWholeFile(dir.path() + "/missing.bin").ok());
  }
}

}  // namespace quotecheck
