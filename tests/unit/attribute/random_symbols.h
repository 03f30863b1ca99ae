#pragma once
// Random texts of window symbols, for the tests that compare a shortcut over a rule's RE2 text
// with RE2's own answer for the same pattern (patterns over Latin-1 symbols, as the token
// rules are compiled).

#include <re2/re2.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace quotecheck {

// RE2's options for patterns over Latin-1 symbols, quiet.
inline RE2::Options Latin1Options() {
  RE2::Options options(RE2::Quiet);
  options.set_encoding(RE2::Options::EncodingLatin1);
  return options;
}

// Texts of 0 to `max_length` symbols, symbol k + 1 drawn with weight weights[k]: the same
// texts in the same order for the same seed.
class RandomSymbols {
 public:
  RandomSymbols(uint32_t seed, const std::vector<double>& weights, int max_length)
      : random_(seed), symbol_(weights.begin(), weights.end()), length_(0, max_length) {}

  std::string Next() {
    std::string text(length_(random_), '\0');
    for (char& c : text) c = static_cast<char>(symbol_(random_) + 1);
    return text;
  }

 private:
  std::mt19937 random_;
  std::discrete_distribution<int> symbol_;
  std::uniform_int_distribution<int> length_;
};

}  // namespace quotecheck
