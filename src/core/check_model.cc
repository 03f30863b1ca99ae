#include "core/check_model.h"

namespace quotecheck {

std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kVerbatim:
      return "verbatim";
    case Relation::kNormalized:
      return "normalized";
    case Relation::kVariant:
      return "variant";
    case Relation::kFragment:
      return "fragment";
  }
  return "variant";
}

std::string_view DiffOpName(DiffOp::Kind kind) {
  switch (kind) {
    case DiffOp::Kind::kEqual:
      return "equal";
    case DiffOp::Kind::kDelete:
      return "delete";
    case DiffOp::Kind::kInsert:
      return "insert";
    case DiffOp::Kind::kReplace:
      return "replace";
  }
  return "equal";
}

std::vector<DiffOp> ReversedDiff(const std::vector<DiffOp>& ops) {
  std::vector<DiffOp> out;
  out.reserve(ops.size());
  for (const DiffOp& op : ops) {
    DiffOp r;
    r.a = op.b;
    r.b = op.a;
    r.kind = op.kind == DiffOp::Kind::kDelete   ? DiffOp::Kind::kInsert
             : op.kind == DiffOp::Kind::kInsert ? DiffOp::Kind::kDelete
                                                : op.kind;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string_view> ChangeClassNames(uint32_t classes) {
  static constexpr std::pair<uint32_t, std::string_view> kNames[] = {
      {kChangeLexical, "lexical"},   {kChangePunctuation, "punctuation"},
      {kChangeCase, "case"},         {kChangeTypography, "typography"},
      {kChangeOmission, "omission"}, {kChangeInsertion, "insertion"}};
  std::vector<std::string_view> out;
  for (const auto& [bit, name] : kNames) {
    if (classes & bit) out.push_back(name);
  }
  return out;
}

std::vector<std::string_view> MeaningFlagNames(uint32_t flags) {
  static constexpr std::pair<uint32_t, std::string_view> kNames[] = {
      {kMeaningNegation, "negation"},
      {kMeaningNumber, "number"},
      {kMeaningNamedEntity, "named-entity"},
      {kMeaningModal, "modal"},
      {kMeaningSentenceSplit, "sentence-split"}};
  std::vector<std::string_view> out;
  for (const auto& [bit, name] : kNames) {
    if (flags & bit) out.push_back(name);
  }
  return out;
}

}  // namespace quotecheck
