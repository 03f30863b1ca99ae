#pragma once
/// One identity per speaker across documents. Within a document, attribution makes names
/// canonical ("Trump", "Mr. Trump" → "Donald Trump"); across documents the same person is
/// still spelt many ways: "Kevin McAleenan", "Commissioner Kevin K. McAleenan",
/// "Mike Pompeo" / "Michael Pompeo", "Felipe Calderon" / "Felipe Calderón",
/// "Rep. Adam Schiff (D-Calif.)". A speaker key folds those spellings:
///   accents and case folded; leading titles dropped (the "title" lexicon); party tags
///   ("(R)", "(D-Mo.)", "R-Calif.") and generational suffixes (Jr., III) dropped; middle
///   initials dropped; a given name's common short form made the full form (the "nickname"
///   lexicon, rules/evidence.toml).
/// A speaker that is no name at all (sentence punctuation or quote marks inside:
/// `North Korea." Aides`, `DESPERATION: DNC`, `Sanders.'' He`; a pronoun among its words)
/// has an empty key: it is never compared with anyone.
///
/// Whether two quotations' speakers disagree is a claim a finding makes in public, so it
/// rests on what each attribution itself says (SpeakerEvidence): only an explicit
/// attribution — a rule of the text named the speaker in the mention, not a pronoun, a role
/// noun, a weak rule (a sentence's subject, no speech verb), inheritance from the quotation
/// before, or a body described rather than named ("the committee") — counts, and a mention that
/// names only a surname ("Trump", "Mr. Trump") supports only that surname, whatever full name the
/// document resolved it to.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attribute/rule_set.h"
#include "core/check_model.h"

namespace quotecheck {

/// Who a speaker is, as evidence compares speakers: the key, the key's last word and the last
/// word of the speaker as given. Interned: a store of a million quotations names some
/// thousands of speakers, so every SpeakerEvidence points at one shared copy (which made the
/// evidence of a million quotations 150 MB as three strings each, 16 MB as a pointer).
struct SpeakerIdentity {
  std::string key;        // SpeakerKeyer::Key of the speaker; empty: none
  std::string surname;    // the key's last word
  std::string last_word;  // see SpeakerEvidence::last_word

  /// The one copy of the identity with this key and last word (the surname follows from the
  /// key), made on first use and kept for the life of the process: the copies live as long
  /// as any evidence may point at them. Thread-safe.
  static const SpeakerIdentity* Of(std::string_view key, std::string_view last_word);
  /// The identity with no key and no last word.
  static const SpeakerIdentity* None();
};

/// What one quotation's attribution says about its speaker.
struct SpeakerEvidence {
  const SpeakerIdentity* identity = SpeakerIdentity::None();
  bool explicit_name = false;  // the mention names the speaker (see above)
  bool surname_only = false;   // the mention names no more than the surname
  /// A personal name, not a body ("White House") or a group; a single capitalised word that
  /// is no organisation, source noun or acronym ("Allsop") is taken for a surname.
  bool person = false;
  /// The speaker is described, not named: its last word is in lower case ("the chairmen", "a
  /// spokesman", "officials"; not "the White House"). A description says who spoke no more
  /// than no speaker does (SpeakersMatch).
  bool described = false;

  /// SpeakerKeyer::Key of the speaker; empty: none.
  const std::string& key() const { return identity->key; }
  /// The key's last word.
  const std::string& surname() const { return identity->surname; }
  /// The last word of the speaker as given, folded, even when it has no key: links
  /// (SpeakersMatch) tell two named sources apart by it.
  const std::string& last_word() const { return identity->last_word; }
};

class SpeakerKeyer {
 public:
  /// Where the lexicons come from: a lexicon's entries by name (empty if absent).
  using LexiconLookup = std::function<const std::vector<std::string>&(const std::string&)>;

  /// Reads the "nickname", "title", "organisation", "source_noun" and "pronoun" lexicons.
  explicit SpeakerKeyer(const LexiconLookup& lexicon);
  explicit SpeakerKeyer(const RuleSet& rules);

  /// The key of a canonical speaker name; empty when `speaker` is not a name.
  std::string Key(std::string_view speaker) const;

  /// Whether `speaker` (as given) reads as a personal name: two to five capitalised words
  /// (name particles such as "de" or "van" aside), none of them an organisation word or an
  /// acronym ("US", "CBP"), not ending in an outlet's word ("Washington Post").
  bool IsPerson(std::string_view speaker) const;

  /// The evidence of one quotation's attribution (key from `quote.speaker_key`, else
  /// computed from `quote.speaker`).
  SpeakerEvidence Evidence(const QuoteRecord& quote) const;

 private:
  struct Name {
    std::string key, last_word;
    bool person = false;
  };
  /// Key, last word and person test of a speaker name, memoised per thread.
  Name NameOf(const std::string& speaker) const;
  /// A mention's words, folded, without dots and possessive 's, memoised per thread (they
  /// depend on no lexicon).
  const std::vector<std::string>& MentionWords(const std::string& mention) const;
  static constexpr size_t kMaxCachedNames = 1 << 16;

  std::unordered_map<std::string, std::string> nicknames_;  // "mike" → "michael"
  std::unordered_set<std::string> titles_;                  // folded, one word or more
  std::unordered_set<std::string> organisation_words_;      // folded single words
  std::unordered_set<std::string> source_nouns_;            // folded: "officials", "police"
  std::unordered_set<std::string> pronouns_;                // folded: "he", "they"
  std::unordered_set<std::string> outlet_words_;            // folded: "post", "times"
  size_t longest_title_words_ = 1;
};

/// Accents stripped, NFKC, case folded: "Calderón" → "calderon".
std::string FoldName(std::string_view text);

/// Whether two quotations' explicit attributions name different speakers: both explicit,
/// and their keys differ — by surname when either mention names only a surname; by given
/// name and surname between two persons; by the whole key between two bodies. A one-word
/// name that is one of the other's words ("Mitch", "Mitch McConnell") is the same person. A person
/// and a body never disagree (a statement of "the White House" is often the president's words).
bool SpeakersDisagree(const SpeakerEvidence& a, const SpeakerEvidence& b);

/// For deciding links (xref/link_decision.h): whether two named sources can be one — equal
/// surnames, or either unknown or only described ("the chairmen" may be the three chairmen
/// another outlet names). Looser than !SpeakersDisagree about who is explicit, stricter
/// about bodies: a named body and a person do not match here.
bool SpeakersMatch(const SpeakerEvidence& a, const SpeakerEvidence& b);

}  // namespace quotecheck
