#include <runload/import/localized_date.hpp>

#include <array>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include <runload/text/fold.hpp>

namespace runload::import {
namespace {

// Month names folded (lower case, no accents), short and long, in the
// languages of docs/import.md ("Dates"): the CLDR abbreviations, their
// common variants, and the full names; a name another language shares is
// listed once. No name means two months.
constexpr auto k_months = std::to_array<std::pair<std::string_view, unsigned>>({
    // English
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"may", 5},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"sept", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // German (März folds to "marz")
    {"januar", 1},
    {"janner", 1},
    {"februar", 2},
    {"marz", 3},
    {"mrz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"okt", 10},
    {"oktober", 10},
    {"dez", 12},
    {"dezember", 12},
    // French
    {"janv", 1},
    {"janvier", 1},
    {"fevr", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avr", 4},
    {"avril", 4},
    {"juin", 6},
    {"juil", 7},
    {"juillet", 7},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"decembre", 12},
    // Spanish
    {"ene", 1},
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abr", 4},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"ago", 8},
    {"agosto", 8},
    {"septiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"dic", 12},
    {"diciembre", 12},
    // Italian
    {"gen", 1},
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"mag", 5},
    {"maggio", 5},
    {"giu", 6},
    {"giugno", 6},
    {"lug", 7},
    {"luglio", 7},
    {"set", 9},
    {"settembre", 9},
    {"ott", 10},
    {"ottobre", 10},
    {"dicembre", 12},
    // Dutch
    {"januari", 1},
    {"februari", 2},
    {"mrt", 3},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
    // Portuguese (março folds to "marco")
    {"janeiro", 1},
    {"fev", 2},
    {"fevereiro", 2},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"out", 10},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Hungarian
    {"febr", 2},
    {"marc", 3},
    {"marcius", 3},
    {"aprilis", 4},
    {"maj", 5},
    {"majus", 5},
    {"junius", 6},
    {"julius", 7},
    {"augusztus", 8},
    {"szept", 9},
    {"szeptember", 9},
});

std::optional<unsigned> month_of(std::string_view word) {
  for (const auto& [name, month] : k_months)
    if (name == word) return month;
  return std::nullopt;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

struct Clock {
  unsigned hours = 0, minutes = 0, seconds = 0;
};

// Finds "H:MM" or "H:MM:SS[.fff]" in `text`, removes it, and returns it.
std::optional<Clock> take_clock(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
    std::size_t j = i;
    std::array<unsigned, 3> parts{};
    int count = 0;
    while (count < 3) {
      std::size_t k = j;
      while (k < text.size() && is_digit(text[k])) ++k;
      const std::size_t digits = k - j;
      if (digits == 0 || digits > 2 || (count > 0 && digits != 2)) break;
      std::from_chars(text.data() + j, text.data() + k, parts[static_cast<std::size_t>(count)]);
      ++count;
      j = k;
      if (count < 3 && j + 1 < text.size() && text[j] == ':' && is_digit(text[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    if (count < 2) continue;
    // "8:55:PM": a colon that leads to no digits is no time at all.
    if (j < text.size() && text[j] == ':') return std::nullopt;
    // A fraction of a second ("15:24:49.5"), dropped.
    if (count == 3 && j + 1 < text.size() && (text[j] == '.' || text[j] == ',') &&
        is_digit(text[j + 1])) {
      ++j;
      while (j < text.size() && is_digit(text[j])) ++j;
    }
    text.replace(i, j - i, " ");
    return Clock{parts[0], parts[1], count == 3 ? parts[2] : 0};
  }
  return std::nullopt;
}

enum class Meridiem { none, am, pm };

// "am", "a.m.", "a. m.", "pm", "p.m.", "p. m." as words, removed from `text`.
Meridiem take_meridiem(std::string& text) {
  std::string letters;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' || text[i] == ' ') continue;
    letters.push_back(text[i]);
    at.push_back(i);
  }
  for (std::size_t k = 0; k + 1 < letters.size(); ++k) {
    if ((letters[k] != 'a' && letters[k] != 'p') || letters[k + 1] != 'm') continue;
    const bool starts = k == 0 || !is_letter(letters[k - 1]);
    const bool ends = k + 2 >= letters.size() || !is_letter(letters[k + 2]);
    // "a. m." spans its dots and space; a word like "am" inside "samedi" does not count.
    if (!starts || !ends) continue;
    const Meridiem m = letters[k] == 'a' ? Meridiem::am : Meridiem::pm;
    for (std::size_t i = at[k]; i <= at[k + 1]; ++i) text[i] = ' ';
    if (at[k + 1] + 1 < text.size() && text[at[k + 1] + 1] == '.') text[at[k + 1] + 1] = ' ';
    return m;
  }
  return Meridiem::none;
}

struct Number {
  unsigned value;
  std::size_t digits;
};

}  // namespace

std::optional<date::local_seconds> parse_localized_datetime(std::string_view raw, DateOrder order) {
  std::string text = text::fold_for_matching(raw);
  auto clock = take_clock(text);
  if (!clock) return std::nullopt;
  const Meridiem meridiem = take_meridiem(text);
  std::vector<Number> numbers;
  std::optional<unsigned> month_name;
  for (std::size_t i = 0; i < text.size();) {
    if (is_digit(text[i])) {
      std::size_t k = i;
      while (k < text.size() && is_digit(text[k])) ++k;
      if (k - i > 4) return std::nullopt;
      unsigned value = 0;
      std::from_chars(text.data() + i, text.data() + k, value);
      numbers.push_back({value, k - i});
      i = k;
    } else if (is_letter(text[i])) {
      std::size_t k = i;
      while (k < text.size() && is_letter(text[k])) ++k;
      if (const auto month = month_of(std::string_view(text).substr(i, k - i))) {
        if (month_name) return std::nullopt;
        month_name = month;
      }
      i = k;
    } else {
      ++i;
    }
  }
  unsigned y = 0, m = 0, d = 0;
  if (month_name) {
    if (numbers.size() != 2) return std::nullopt;
    const bool year_first = numbers[0].digits == 4;
    if (numbers[year_first ? 0 : 1].digits != 4 || numbers[year_first ? 1 : 0].digits > 2)
      return std::nullopt;
    y = numbers[year_first ? 0 : 1].value;
    d = numbers[year_first ? 1 : 0].value;
    m = *month_name;
  } else {
    if (numbers.size() != 3) return std::nullopt;
    if (numbers[0].digits == 4) {
      y = numbers[0].value, m = numbers[1].value, d = numbers[2].value;
    } else if (numbers[2].digits == 4) {
      y = numbers[2].value;
      const bool day_first = order == DateOrder::day_first;
      d = numbers[day_first ? 0 : 1].value;
      m = numbers[day_first ? 1 : 0].value;
    } else {
      return std::nullopt;
    }
  }
  if (meridiem != Meridiem::none) {
    if (clock->hours < 1 || clock->hours > 12) return std::nullopt;
    clock->hours = clock->hours % 12 + (meridiem == Meridiem::pm ? 12 : 0);
  }
  if (clock->hours > 23 || clock->minutes > 59 || clock->seconds > 59) return std::nullopt;
  const date::year_month_day ymd{date::year{static_cast<int>(y)}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::local_days{ymd} + std::chrono::hours{clock->hours} +
         std::chrono::minutes{clock->minutes} + std::chrono::seconds{clock->seconds};
}

std::optional<DateOrder> date_order_evidence(std::string_view raw) {
  std::string text = text::fold_for_matching(raw);
  if (!take_clock(text)) return std::nullopt;
  std::vector<unsigned> numbers;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      if (is_letter(text[i])) {
        std::size_t k = i;
        while (k < text.size() && is_letter(text[k])) ++k;
        if (month_of(std::string_view(text).substr(i, k - i))) return std::nullopt;
        i = k;
        continue;
      }
      ++i;
      continue;
    }
    std::size_t k = i;
    while (k < text.size() && is_digit(text[k])) ++k;
    unsigned value = 0;
    std::from_chars(text.data() + i, text.data() + std::min(k, i + 4), value);
    numbers.push_back(value);
    i = k;
  }
  if (numbers.size() != 3 || numbers[0] > 31) return std::nullopt;  // year first: no question
  if (numbers[0] > 12) return DateOrder::day_first;
  if (numbers[1] > 12) return DateOrder::month_first;
  return std::nullopt;
}

}  // namespace runload::import
