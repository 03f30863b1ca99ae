#pragma once
/// Speaker mentions to canonical speakers, within one document:
///   "US President Donald Trump", "Trump", "Mr. Trump"  → "Donald Trump"
///   "the White House"                                  → "White House"
///   "he" (after a quotation by Trump)                  → "Donald Trump"
///   "the Russian leader" (after "Russian President Vladimir Putin") → "Vladimir Putin"
///   "a Russian source"                                 → "a Russian source"
/// The word lists (titles, pronouns, non-name words, organisations) come from the rules'
/// lexicons.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attribute/rule_set.h"
#include "core/byte_span.h"
#include "core/hash.h"
#include "core/quote.h"

namespace quotecheck {

enum class SpeakerKind { kPerson, kBody, kGroup, kUnknown };

/// What a document's honorifics say of a surname ("Mr. Tamm", "Ms. Quell").
enum class Gender : int8_t { kUnknown, kMan, kWoman };

class SpeakerNames {
 public:
  explicit SpeakerNames(const RuleSet& rules);

  /// Per-document memory: full names by surname, and the speakers named so far.
  class DocumentNames {
   public:
    /// `quotes`: the document's quotations; their words are never taken for the subject
    /// a pronoun refers to.
    DocumentNames(std::string_view text, const std::vector<Quote>& quotes)
        : text_(text), quotes_(&quotes) {}
    /// A quotation opening at `position` is `canonical`'s; `mention`: where the words that
    /// name the speaker start (npos when the speaker was inherited).
    void NoteSpeaker(const std::string& canonical, size_t position, SpeakerKind kind,
                     size_t mention);
    /// Whether the line of the text (up to a line feed) that holds `pos` is a headline: at
    /// least five words that start with a letter, each capitalised but for short function
    /// words. Worked out once a line: FullNameFor asks about the line of every occurrence of
    /// a surname.
    bool InHeadline(size_t pos);
    /// Whether the text writes `word` capitalised inside a sentence somewhere (after a space
    /// that follows a word or a comma): a name, not only a sentence's first word. Worked out
    /// once a word: a long text asked about each sentence's first word was read through once
    /// a sentence, in time quadratic in its length.
    bool CapitalisedInside(std::string_view word);
    /// Whether the text writes `word` (capitalised, ASCII first letter) with its first letter
    /// in lower case, as a word of its own. Worked out once a word.
    bool UsedLowerCase(std::string_view word);

   private:
    friend class SpeakerNames;
    struct Noted {
      std::string name;
      size_t position;
      SpeakerKind kind;
      size_t mention;
    };
    /// The text with every quotation's words blanked out (built when first needed).
    std::string_view Unquoted();
    std::string_view text_;
    const std::vector<Quote>* quotes_;
    std::string unquoted_;
    bool have_unquoted_ = false;
    std::vector<size_t> line_starts_;    // of the text's lines (built when first needed)
    std::vector<int8_t> line_headline_;  // by line: 1 a headline, 0 not, -1 not known yet
    std::unordered_map<std::string, std::string> full_names_;  // surname → full name
    // Surnames FullNameFor found no full name for in the text. What it finds there depends on
    // the text alone, and full_names_ is asked first (Resolve adds to it as it goes), so a
    // surname here is not searched for again: 7,000 searches of the whole text on real news.
    std::unordered_set<std::string, WordHash, std::equal_to<>> no_full_name_;
    // CapitalisedInside and UsedLowerCase, by word.
    std::unordered_map<std::string, bool, WordHash, std::equal_to<>> capitalised_inside_;
    std::unordered_map<std::string, bool, WordHash, std::equal_to<>> used_lower_case_;
    std::vector<Noted> speakers_;
    // By surname: what the text's honorifics say (SpeakerNames::Agrees), read once.
    std::unordered_map<std::string, Gender> gender_;
    bool have_gender_ = false;
  };

  struct Resolution {
    std::optional<std::string> canonical;
    double confidence = 1.0;  // multiplies the rule's confidence
    SpeakerKind kind = SpeakerKind::kUnknown;
  };

  /// The canonical speaker for the mention `span` of a quotation opening at `position`.
  Resolution Resolve(std::string_view text, ByteSpan span, size_t position,
                     DocumentNames* doc) const;

  /// `span` without leading words that never start a name ("When", "However", …) and
  /// without trailing spaces and commas; empty when no plausible speaker remains.
  ByteSpan StripNonNameLead(std::string_view text, ByteSpan span) const;

  /// Whether a canonical speaker can stand as the speaker of a quotation: not a pronoun
  /// alone, not words of two sentences or with a colon, semicolon or quotation mark in them
  /// (a headline's "DESPERATION: DNC", `North Korea.” Aides`), not three words in capitals (a
  /// headline), not a bare place ("Washington",
  /// the "place" lexicon) and not page furniture ("Updated", the "furniture" lexicon). When
  /// it cannot, the quotation keeps its speaker mention and has no speaker.
  bool CanSpeak(std::string_view speaker) const;

  /// Whether the word right before `speaker` (from `from` on) makes it the one spoken to or
  /// a place rather than the speaker: "told the Times", "an interview with CNN", "a rally in
  /// Novi" (the "addressee_marker" lexicon). A marker that ends the cue ("according to") is
  /// not one.
  /// Also when the cue is a speech verb in the passive ("was asked", "were told": the
  /// "passive_cue" lexicon): its subject is the one spoken to.
  bool SpokenTo(std::string_view text, size_t from, ByteSpan speaker, ByteSpan cue) const;
  /// Whether the word right before `speaker` (from `from` on, spaces only between) makes it
  /// an object rather than its clause's subject: a verb, a lower-case word of five letters
  /// or more ending in "ed" or "ing" that no article, preposition or speech verb comes right
  /// before ("sent an email saying,", "supported Barack Obama and said"; not "a frustrated
  /// Trump said", "at the briefing Tamm said", "said undecided voter Ada Quell"), is not in the
  /// "not_verb" lexicon ("this morning", "including") and whose object is not the subject of an
  /// infinitive ("prompted Quell to call it “…”"); or, unless `possessor`, a preposition (the
  /// "object_marker" lexicon: "planned with Trump, adding:", "from the Bible, saying:") unless the
  /// cue is a participle with no punctuation before it: the speaker is its subject ("footage of Ada
  /// Quell asking,", "with Tamm reportedly yelling:"). A speaker that a relative "who" follows is
  /// that clause's subject.
  bool ObjectPosition(std::string_view text, size_t from, ByteSpan speaker, ByteSpan cue,
                      bool possessor) const;
  /// Whether `speaker` (from `from` on) is the subject of a clause that a "subordinator"
  /// opens ("When Wallace died in 1998, President Clinton released the following
  /// statement:", "As Blumenthal spoke, the NRA was …"): a conjunction right before it, and
  /// after a comma or a dash before the quotation's opening mark `quote_open`, a clause with
  /// a subject of its own (a capitalised word, a determiner or a pronoun other than "he" and
  /// "she", which most likely stand for the speaker; and a word after it). A comma right
  /// after the speaker opens an appositive, which is passed over ("When Varga, the mayor,
  /// said:"). "As" with a verb of the "as_attribution" lexicon attributes what follows ("As
  /// Ruth Marcus puts it, Obama is …").
  bool SubordinateSubject(std::string_view text, size_t from, ByteSpan speaker,
                          size_t quote_open) const;
  /// Whether the text from `from` to `end` (after a before-rule's cue, up to the opening
  /// mark) joins on a clause of another speaker with a speech verb of its own: "and" or
  /// "but", a name or a personal pronoun, and a "cue" word ("a woman asked for a photo and
  /// Clinton said, “…”": Clinton's words, not the woman's).
  bool AnotherSpeakerJoined(std::string_view text, size_t from, size_t end) const;
  /// Whether `cue` is a verb of the "passive_cue" lexicon after a form of "be" or "get"
  /// (adverbs between: "was also told").
  bool PassiveCue(std::string_view text, ByteSpan cue) const;

  /// Whether `mention` is more than one capitalised word that the text never uses again: a
  /// speaker found without a speech cue (a "weak/" rule, the sentence's subject) that is one
  /// such word ("Horrified at the plan, …", "Optimism is …") gets no canonical speaker.
  bool NamedAgain(std::string_view text, ByteSpan mention) const;

  /// Whether `between`, the text between two names, joins them as two people: "and" (or
  /// "&"), then only words of a role (" and first lady ", " and President ").
  bool JoinedByAnd(std::string_view between) const;

  /// Whether the word at `pos` of `text` starts a sentence (after a line feed or a sentence's
  /// end) that ends with a question mark.
  bool OpensQuestion(std::string_view text, size_t pos) const;

  /// Whether `s` holds the end of a sentence (a . ! or ? that is not an abbreviation's).
  bool EndsSentence(std::string_view s) const;

  /// Whether the character at `i` of `s` ends a sentence: a ! or ?, or a . that is not an
  /// abbreviation's.
  bool EndsSentenceAt(std::string_view s, size_t i) const;

  /// Whether `word` (without its full stop) is an abbreviation: in the "abbreviation"
  /// lexicon, a single capital (an initial) or a word with dots inside (U.S).
  bool IsAbbreviation(std::string_view word) const;

  /// Whether the text between two quotations brings in another subject, so that the
  /// second should not inherit `speaker` from the first.
  bool NamesAnotherSubject(std::string_view text, const Quote& prev, const Quote& next,
                           const std::string& speaker, DocumentNames* doc) const;

  /// What a quotation with no cue of its own (`next`) may take from the quotation before it
  /// (`prev`, whose speaker is `speaker`, empty when unresolved), read from `next`'s own
  /// sentence: the words before its opening mark when that sentence starts after `prev`'s
  /// attribution, and the short clause after its closing mark.
  struct Inheritance {
    bool inherit = true;  // false: the sentence brings in someone else, or says nothing of
                          // the previous speaker while it could name another
    std::optional<ByteSpan> mention;  // where the sentence names the previous speaker again
    bool named = false;  // the mention is the speaker's name or noun, not a pronoun: the
                         // quotation is the speaker's whoever else was named in between
  };
  Inheritance InheritanceInSentence(std::string_view text, const Quote& prev, const Quote& next,
                                    const std::string& speaker, size_t after_end,
                                    DocumentNames* doc) const;

 private:
  std::optional<std::string> FullNameFor(std::string_view surname, DocumentNames* doc) const;
  /// Whether `word` is a word of the document outside its quotations and headlines.
  bool OutsideHeadlines(std::string_view word, DocumentNames* doc) const;
  /// Whether the personal pronoun `pronoun` ("he", "she", lower case; any other agrees with
  /// all) may stand for `name`: not when the name of two words or more starts with a given
  /// name of the other sex (the lexicons given_name_man and given_name_woman: "she" is not
  /// "Bernie Sanders"), nor when the document calls the name's surname only "Ms." or "Mrs."
  /// (for "he") or only "Mr." (for "she"). A name the lexicons do not know, in a text
  /// without honorifics, agrees with both.
  bool Agrees(std::string_view pronoun, const std::string& name, DocumentNames* doc) const;
  /// The sex the first word of `name` (of two words or more) says, by the lexicons
  /// given_name_man and given_name_woman; unknown for a given name in neither and for one
  /// word alone.
  Gender GivenNameGender(std::string_view name) const;
  /// The sex of an honorific ("Mr.", "Mrs.", "Ms.", "Miss"); unknown for any other word.
  static Gender HonorificGender(std::string_view word);
  /// Whether `name`, found for "he" or "she", may be a person's: not when it ends with a word
  /// of the lexicon not_person ("Hampton University", "Washington Post") or an organisation's
  /// word, starts with one of compass ("South China"), or has a word of three capitals or
  /// more that is no Roman numeral ("GOP", "CIA Benghazi"). Why: the fallbacks after the
  /// sentence's subject take any capitalised words, and a pronoun is better left without a
  /// speaker than given a place.
  bool MayBePerson(const std::string& name) const;
  /// `answer`: the quotation may answer a question (its cue is not one of asking).
  std::optional<std::string> ResolvePronoun(std::string_view pronoun, size_t position,
                                            size_t quote_open, bool answer,
                                            DocumentNames* doc) const;
  /// In a sentence "X asked Y …" (a "question_cue" verb, active): sets `found` and returns Y,
  /// the one who answers, or nothing when Y is not named ("asked her").
  /// `position`: where the pronoun is (a role is looked up before it).
  std::optional<std::string> AnswererIn(std::string_view sentence, size_t position,
                                        DocumentNames* doc, bool* found) const;
  /// The person a sentence is about: its first name that is followed by a verb or is a
  /// possessive, not inside a prepositional phrase. Sets `unresolved_role` when the subject
  /// is a role without a name ("the Ukrainian president").
  std::optional<std::string> SentenceSubject(std::string_view sentence, DocumentNames* doc,
                                             bool* unresolved_role) const;
  std::optional<std::string> ResolveRole(const std::vector<std::string_view>& words,
                                         size_t position, DocumentNames* doc) const;
  /// "Democratic National Committee" for "the committee": the nearest body named before
  /// `position` whose name ends with the capitalised noun.
  std::optional<std::string> EarlierNamedBody(std::string_view text, std::string_view noun,
                                              size_t position) const;
  /// Who issued the document a noun stands for ("suit", the "document_noun" lexicon): the
  /// capitalised words before an "issue_verb" in the sentence of the noun's nearest earlier
  /// use ("the Harbour Board filed the civil suit" → Harbour Board).
  std::optional<std::string> DocumentIssuer(std::string_view noun, size_t position,
                                            DocumentNames* doc) const;
  /// "a senior official" for "the official", when the text introduced the source so.
  std::optional<std::string> EarlierIndefinite(std::string_view text, std::string_view head,
                                               size_t position) const;
  /// Whether `words` are a title with only descriptors before it, no name: "President", "US
  /// President", "Israeli Ambassador" (acronyms, places and demonyms describe), not "Ada B.
  /// King".
  bool TitleOnly(const std::vector<std::string_view>& words) const;
  /// The number of words of a named owner that opens `words` ("Ms. Varga's" in "Ms.
  /// Varga's spokesman"), or 0.
  size_t PossessorEnd(const std::vector<std::string_view>& words) const;
  /// The name that ends a mention after a determiner and a role ("his friend Marat Olsen",
  /// "a local farmer Ilse Varga" → the name), or nullopt.
  std::optional<std::string> NameAfterRole(const std::vector<std::string_view>& words,
                                           DocumentNames* doc) const;
  /// The name in an appositive right after a mention: "her chief of staff, Piet Harrowgate,".
  std::optional<std::string> AppositiveName(std::string_view text, size_t mention_end) const;
  std::vector<std::string> PersonNamesIn(std::string_view window, DocumentNames* doc) const;
  bool IsTitleWord(std::string_view w) const;
  /// A word that may stand right before the name it introduces: a title's last word, or a
  /// lower-case source noun ("reporter Dana Kell", "his friend Marat Olsen").
  bool IsRoleWord(std::string_view w) const;
  bool IsNameWord(std::string_view w) const;

  // Lexicon words looked up by std::string_view (no std::string made for each lookup).
  using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
  WordSet pronouns_;
  WordSet not_name_;
  WordSet abbreviations_;
  WordSet places_;
  WordSet furniture_;
  WordSet addressee_markers_;
  WordSet object_markers_;   // ObjectPosition
  WordSet not_verbs_;        // ObjectPosition
  WordSet cues_;             // ObjectPosition
  WordSet subordinators_;    // SubordinateSubject
  WordSet as_attributions_;  // SubordinateSubject
  WordSet question_cues_;
  WordSet passive_cues_;
  WordSet document_nouns_;
  WordSet issue_verbs_;
  WordSet collective_;  // lower-case
  std::unordered_map<std::string, std::string, WordHash, std::equal_to<>>
      collective_forms_;  // lower-case → as listed
  WordSet title_words_;
  WordSet role_words_;  // IsRoleWord
  WordSet organisation_words_;
  WordSet not_person_;         // MayBePerson
  WordSet compass_;            // MayBePerson
  WordSet given_names_man_;    // Agrees
  WordSet given_names_woman_;  // Agrees
  WordSet determiners_;
};

}  // namespace quotecheck
