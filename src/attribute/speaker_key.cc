#include "attribute/speaker_key.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <mutex>

#include "core/code_point.h"

namespace quotecheck {
namespace {

// A person's key has this many words at most ("maria de los angeles garcia"); more is a
// phrase, not a name.
constexpr size_t kMaxNameWords = 5;

// A thread's table of speaker identities is cleared past this many (an archive names millions
// of speakers; a run of a million quotations some thousands): it only spares the shared lock.
constexpr size_t kMaxThreadIdentities = 1 << 16;

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from = 0, size_t to = SIZE_MAX) {
  std::string out;
  for (size_t i = from; i < std::min(to, words.size()); ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

// Sentence punctuation and quote marks never belong to a name.
bool HasSentencePunctuation(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    DecodedCodePoint d = DecodeAt(s, i);
    switch (d.cp) {
      case U':':
      case U';':
      case U'!':
      case U'?':
      case U'"':
      case U'\u201C':
      case U'\u201D':
      case U'\u201E':
      case U'\u00AB':
      case U'\u00BB':
      case U'\n':
      case U'|':
        return true;
      default:
        break;
    }
    i += d.size;
  }
  return false;
}

// A word ending in a period that is no abbreviation or initial ("Korea." in
// `North Korea." Aides`): the name runs across a sentence end.
bool EndsSentenceInside(const std::string& word) {
  if (word.size() < 2 || word.back() != '.') return false;
  const std::string_view stem(word.data(), word.size() - 1);
  if (stem.find('.') != std::string_view::npos) return false;  // F.B.I., U.S.
  return stem.size() > 3;  // "E.", "Jr.", "Sen.", "Gov.", "Mrs." are abbreviations
}

bool IsPartyTag(const std::string& word) {
  // (R) (D) (I) (D-Mo.) (R-Calif.) R-Calif. D-N.Y.
  std::string_view w = word;
  const bool paren = w.starts_with('(');
  if (paren) w.remove_prefix(1);
  if (w.ends_with(')')) w.remove_suffix(1);
  if (w.empty() || (w[0] != 'R' && w[0] != 'D' && w[0] != 'I')) return false;
  if (w.size() == 1) return paren;
  return w[1] == '-' && w.size() > 2 && IsUpper(DecodeAt(w, 2).cp);
}

bool IsGenerationSuffix(std::string_view folded) {
  return folded == "jr" || folded == "sr" || folded == "ii" || folded == "iii" || folded == "iv";
}

// Lower-case words inside personal names: "Ursula von der Leyen", "Luiz Inácio da Silva".
bool IsNameParticle(std::string_view folded) {
  static constexpr std::string_view kParticles[] = {
      "de",  "da",  "do",  "dos", "das", "di", "del", "della", "van", "von",
      "der", "den", "ter", "la",  "le",  "du", "bin", "ibn",   "al",  "el"};
  return std::find(std::begin(kParticles), std::end(kParticles), folded) != std::end(kParticles);
}

std::string TrimDots(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  return s;
}

}  // namespace

std::string FoldName(std::string_view text) {
  // ASCII (most names): NFKC leaves it as it is and case folding is A-Z → a-z, so utf8proc's
  // decomposition and allocation are not needed.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  if (n < 0) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    return out;
  }
  std::string out;
  out.reserve(static_cast<size_t>(n));
  std::string_view m(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  for (size_t i = 0; i < m.size();) {  // one apostrophe and one dash
    DecodedCodePoint d = DecodeAt(m, i);
    if (d.cp == 0x2019 || d.cp == 0x2018) {
      out.push_back('\'');
    } else if (d.cp >= 0x2010 && d.cp <= 0x2015) {
      out.push_back('-');
    } else {
      out.append(m.substr(i, d.size));
    }
    i += d.size;
  }
  std::free(mapped);
  return out;
}

SpeakerKeyer::SpeakerKeyer(const RuleSet& rules)
    : SpeakerKeyer([&rules](const std::string& name) -> const std::vector<std::string>& {
        static const std::vector<std::string> kNone;
        auto it = rules.lexicons.find(name);
        return it == rules.lexicons.end() ? kNone : it->second;
      }) {}

SpeakerKeyer::SpeakerKeyer(const LexiconLookup& lexicon) {
  for (const std::string& entry : lexicon("nickname")) {
    std::vector<std::string> pair = SplitWords(FoldName(entry));
    if (pair.size() == 2) nicknames_.emplace(pair[0], pair[1]);
  }
  for (const std::string& entry : lexicon("title")) {
    std::vector<std::string> words = SplitWords(FoldName(entry));
    for (std::string& w : words) w = TrimDots(w);
    longest_title_words_ = std::max(longest_title_words_, words.size());
    titles_.insert(Join(words));
  }
  for (const std::string& entry : lexicon("organisation")) {
    organisation_words_.insert(FoldName(entry));
  }
  for (const std::string& entry : lexicon("source_noun")) source_nouns_.insert(FoldName(entry));
  for (const std::string& entry : lexicon("pronoun")) pronouns_.insert(FoldName(entry));
  for (const std::string& entry : lexicon("outlet_word")) outlet_words_.insert(FoldName(entry));
}

std::string SpeakerKeyer::Key(std::string_view speaker) const {
  if (speaker.empty() || HasSentencePunctuation(speaker)) return {};
  std::vector<std::string> raw = SplitWords(speaker);
  std::vector<std::string> words;
  bool in_parens = false;
  for (const std::string& w : raw) {
    if (IsPartyTag(w)) continue;
    if (EndsSentenceInside(w)) return {};
    if (in_parens || w.starts_with('(')) {  // "(D-New York)", "(left)"
      in_parens = !w.ends_with(')');
      continue;
    }
    if (w.find("''") != std::string::npos || w.find("``") != std::string::npos) return {};
    std::string folded = TrimDots(FoldName(w));
    if (pronouns_.count(folded) != 0) return {};
    if (folded.empty() || IsGenerationSuffix(folded)) continue;
    words.push_back(std::move(folded));
  }
  // Leading titles, longest first: "prime minister", "sen.", "commissioner".
  for (bool dropped = true; dropped && words.size() > 1;) {
    dropped = false;
    for (size_t n = std::min(longest_title_words_, words.size() - 1); n >= 1; --n) {
      if (titles_.count(Join(words, 0, n)) != 0) {
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n));
        dropped = true;
        break;
      }
    }
  }
  // Middle initials: "kevin k mcaleenan".
  if (words.size() >= 3) {
    for (size_t i = words.size() - 2; i >= 1; --i) {
      if (DecodeAt(words[i], 0).size == words[i].size())
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  if (words.size() >= 2) {
    auto it = nicknames_.find(words.front());
    if (it != nicknames_.end()) words.front() = it->second;
  }
  return Join(words);
}

bool SpeakerKeyer::IsPerson(std::string_view speaker) const {
  const std::string key = Key(speaker);
  std::vector<std::string> words = SplitWords(key);
  if (words.size() == 1) {  // a surname, unless a body, a group or an acronym ("DNC")
    const std::string& w = words.front();
    const bool plural_noun =
        w.size() > 1 && w.back() == 's' && source_nouns_.count(w.substr(0, w.size() - 1)) != 0;
    if (organisation_words_.count(w) != 0 || source_nouns_.count(w) != 0 || plural_noun) {
      return false;
    }
    const std::vector<std::string> raw = SplitWords(speaker);
    if (raw.empty()) return false;
    const std::string& last = raw.back();
    const bool capital = IsUpper(DecodeAt(last, 0).cp);
    const bool second_upper = last.size() > 1 && IsUpper(DecodeAt(last, DecodeAt(last, 0).size).cp);
    return capital && !second_upper;
  }
  if (words.empty() || words.size() > kMaxNameWords) return false;
  if (outlet_words_.count(words.back()) != 0) return false;
  if (organisation_words_.count(key) != 0) return false;
  for (const std::string& w : SplitWords(speaker)) {
    const std::string folded = FoldName(w);
    if (IsNameParticle(folded)) continue;
    if (!IsUpper(DecodeAt(w, w.starts_with('(') ? 1 : 0).cp)) return false;
    const DecodedCodePoint first = DecodeAt(w, 0);
    if (w.size() > first.size && IsUpper(DecodeAt(w, first.size).cp)) return false;  // "US"
  }
  return std::none_of(words.begin(), words.end(),
                      [&](const std::string& w) { return organisation_words_.count(w) != 0; });
}

SpeakerKeyer::Name SpeakerKeyer::NameOf(const std::string& speaker) const {
  // A store of a million quotations names a few thousand speakers: each is read once a thread.
  thread_local const SpeakerKeyer* owner = nullptr;
  thread_local std::unordered_map<std::string, Name> names;
  if (owner != this || names.size() > kMaxCachedNames) {
    names.clear();
    owner = this;
  }
  auto [it, inserted] = names.try_emplace(speaker);
  if (inserted) {
    std::vector<std::string> words = SplitWords(FoldName(speaker));
    if (!words.empty()) it->second.last_word = TrimDots(words.back());
    it->second.key = Key(speaker);
    it->second.person = IsPerson(speaker);
  }
  return it->second;
}

const std::vector<std::string>& SpeakerKeyer::MentionWords(const std::string& mention) const {
  thread_local std::unordered_map<std::string, std::vector<std::string>> words;
  if (words.size() > kMaxCachedNames) words.clear();
  auto [it, inserted] = words.try_emplace(mention);
  if (inserted) {
    it->second = SplitWords(FoldName(mention));
    for (std::string& w : it->second) {
      w = TrimDots(w);
      if (w.ends_with("'s")) w.resize(w.size() - 2);
    }
  }
  return it->second;
}

const SpeakerIdentity* SpeakerIdentity::Of(std::string_view key, std::string_view last_word) {
  if (key.empty() && last_word.empty()) return None();
  // Each thread looks in its own table first; the shared one, under its lock, holds the
  // copies. The thread's table keeps pointers only, so clearing it loses nothing.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<const SpeakerIdentity>> shared;
  thread_local std::unordered_map<std::string, const SpeakerIdentity*> mine;
  // The key's length first, so (key, last word) reads back one way only; one buffer a thread,
  // so a quotation whose identity the thread knows allocates nothing.
  thread_local std::string name;
  name.clear();
  fmt::format_to(std::back_inserter(name), "{}:", key.size());
  name.append(key).append(last_word);
  if (auto it = mine.find(name); it != mine.end()) return it->second;
  if (mine.size() > kMaxThreadIdentities) mine.clear();
  const SpeakerIdentity* identity;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto [it, inserted] = shared.try_emplace(name);
    if (inserted) {
      auto made = std::make_unique<SpeakerIdentity>();
      made->key = key;
      if (!key.empty()) {
        const std::vector<std::string> words = SplitWords(key);
        if (!words.empty()) made->surname = words.back();
      }
      made->last_word = last_word;
      it->second = std::move(made);
    }
    identity = it->second.get();
  }
  mine.emplace(name, identity);
  return identity;
}

const SpeakerIdentity* SpeakerIdentity::None() {
  static const SpeakerIdentity kNone;
  return &kNone;
}

SpeakerEvidence SpeakerKeyer::Evidence(const QuoteRecord& quote) const {
  SpeakerEvidence e;
  Name name;
  if (quote.speaker) name = NameOf(*quote.speaker);
  const std::string& key = quote.speaker_key ? *quote.speaker_key : name.key;
  e.identity = SpeakerIdentity::Of(key, name.last_word);
  if (quote.speaker && !quote.speaker->empty()) {
    std::string_view last = *quote.speaker;
    const size_t space = last.find_last_of(' ');
    if (space != std::string_view::npos) last.remove_prefix(space + 1);
    e.described = IsLower(DecodeAt(last, 0).cp);
  }
  if (key.empty()) return e;
  const std::vector<std::string> key_words = SplitWords(key);
  e.person = quote.speaker ? name.person : IsPerson(key);
  // Inherited attributions and weak ones (a sentence's subject, no speech verb) name nobody.
  if (!quote.speaker_mention || quote.rule.starts_with("inherited/") ||
      quote.rule.starts_with("weak/")) {
    return e;
  }
  const std::vector<std::string>& mention_words = MentionWords(quote.speaker_mention->text);
  auto in_mention = [&](const std::string& w) {
    return std::find(mention_words.begin(), mention_words.end(), w) != mention_words.end();
  };
  if (e.person) {
    e.explicit_name = in_mention(e.surname());
    size_t named = 0;
    for (const std::string& w : key_words) named += in_mention(w) ? 1 : 0;
    // A nickname in the mention names the given name too.
    if (!in_mention(key_words.front())) {
      for (const std::string& w : mention_words) {
        auto it = nicknames_.find(w);
        if (it != nicknames_.end() && it->second == key_words.front()) ++named;
      }
    }
    e.surname_only = e.explicit_name && (named <= 1 || key_words.size() == 1);
  } else {
    // A body counts when it is named ("White House", "European Union"), not described ("the
    // committee", "the suit").
    const bool named = quote.speaker && IsUpper(DecodeAt(*quote.speaker, 0).cp) &&
                       !quote.speaker->starts_with("The ");
    e.explicit_name =
        named && (" " + Join(mention_words) + " ").find(" " + key + " ") != std::string::npos;
  }
  return e;
}

bool SpeakersDisagree(const SpeakerEvidence& a, const SpeakerEvidence& b) {
  if (!a.explicit_name || !b.explicit_name || a.key().empty() || b.key().empty()) return false;
  if (a.key() == b.key()) return false;
  if (a.person != b.person) return false;
  if (!a.person) return true;
  auto one_of = [](const SpeakerEvidence& single, const SpeakerEvidence& other) {
    return single.key().find(' ') == std::string::npos &&
           (" " + other.key() + " ").find(" " + single.key() + " ") != std::string::npos;
  };
  if (one_of(a, b) || one_of(b, a)) return false;
  if (a.surname() != b.surname()) return true;
  if (a.surname_only || b.surname_only) return false;
  // Same surname, both full names: the given names decide ("Melania Trump" is not
  // "Donald Trump"); keys already fold initials and nicknames.
  return a.key().substr(0, a.key().find(' ')) != b.key().substr(0, b.key().find(' '));
}

bool SpeakersMatch(const SpeakerEvidence& a, const SpeakerEvidence& b) {
  if (a.described || b.described) return true;
  if (!a.key().empty() && !b.key().empty()) return a.surname() == b.surname();
  if (a.last_word().empty() || b.last_word().empty()) return true;
  return a.last_word() == b.last_word();
}

}  // namespace quotecheck
