#pragma once
// Dates and times as summary exports write them in the account's language
// (docs/import.md, "Dates"): "Oct 10, 2016, 8:55:48 PM",
// "10 Oct 2016, 20:55:48", "09.12.2022, 15:24:49", "24 mai 2012 à 16:27:40",
// "10 de out. de 2016 20:55:48", "2024. márc. 5. 7:00:00", "2016-10-10
// 20:55:48", "7/4/2020 15:36".

#include <optional>
#include <string_view>

#include <date/date.h>

namespace runload::import {

// How an all-numeric date with the year last orders its day and month.
enum class DateOrder {
  day_first,    // 09.12.2022, 09/12/2022: 9 December
  month_first,  // 12/09/2022: 9 December (US English)
};

// Parses a date and a time of day, read as written (no zone):
// - the time is H:MM or H:MM:SS (with a fraction of a second, dropped), in
//   24 hours or followed by AM/PM in any spelling ("PM", "p.m.", "p. m.");
// - the date has a month name in English, German, French, Spanish, Italian,
//   Dutch, Portuguese or Hungarian, short or long, with or without its dot
//   or accents ("Oct", "oct.", "Okt", "févr.", "März", "mrt", "márc."), a
//   day and a four-digit year in any order; or three numbers, the year first
//   (ISO) or last, the others ordered by `order`;
// - words between them ("à", "de", "um", "alle", a weekday name) and commas
//   are skipped; U+202F and U+00A0 count as spaces.
// Returns nullopt for anything else: no time, no year, a day or a month that
// does not exist (30 February), two month names, numbers left over.
std::optional<date::local_seconds> parse_localized_datetime(std::string_view text, DateOrder order);

// The order of a column of all-numeric dates, from the first values that
// settle it: a first number above 12 is a day, a second number above 12 is
// one too. `otherwise` when none does.
template <typename Cells>
DateOrder decide_date_order(const Cells& cells, DateOrder otherwise);

// The evidence one cell gives: day_first or month_first, or nullopt.
std::optional<DateOrder> date_order_evidence(std::string_view text);

template <typename Cells>
DateOrder decide_date_order(const Cells& cells, DateOrder otherwise) {
  for (const auto& cell : cells)
    if (const auto order = date_order_evidence(cell)) return *order;
  return otherwise;
}

}  // namespace runload::import
