#include <runload/import/strava_shoes.hpp>

#include <algorithm>

#include <runload/import/summary_csv.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::to_lower;
using text::trim;

namespace {

std::optional<std::string> cell_text(const CsvRecord& row, std::optional<std::size_t> column) {
  const auto cell = trim(row.at(column));
  if (cell.empty()) return std::nullopt;
  return std::string(cell);
}

std::string joined(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + " " + std::string(b);
}

void add_name(std::vector<std::string>& names, const std::string& name) {
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
    names.push_back(name);
}

}  // namespace

std::string strava_shoe_name(std::string_view brand, std::string_view model,
                             std::string_view nickname) {
  const auto brand_model = joined(trim(brand), trim(model));
  auto nick = trim(nickname);
  const auto lower_bm = to_lower(brand_model);
  const auto lower_nick = to_lower(nick);
  if (nick.empty() || lower_nick == lower_bm)
    return brand_model.empty() ? std::string(nick) : brand_model;
  if (!brand_model.empty() && lower_nick.starts_with(lower_bm))
    nick = trim(nick.substr(brand_model.size()));
  return joined(brand_model, nick);
}

ShoesRead read_strava_shoes(std::string_view text, const ParseContext& ctx) {
  ShoesRead out;
  ParseResult result;
  const auto opened = open_summary_csv(text, ctx, "empty file: no shoes.csv header", result);
  if (!opened) {
    out.errors = std::move(result.errors);
    return out;
  }
  const auto& h = opened->header;
  const auto nickname = h.find("Shoe Name");
  const auto brand = h.find("Shoe Brand");
  if (!nickname || !brand) {
    out.errors.push_back(Problem{ctx.file, 1, std::nullopt,
                                 "not a Strava shoes.csv: no \"Shoe Name\" and \"Shoe Brand\" "
                                 "columns"});
    return out;
  }
  const auto model = h.find("Shoe Model");
  const auto& records = opened->table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    StravaShoe shoe;
    shoe.gear.brand = cell_text(records[r], brand);
    shoe.gear.model = cell_text(records[r], model);
    const auto nick = cell_text(records[r], nickname).value_or("");
    shoe.gear.name =
        strava_shoe_name(shoe.gear.brand.value_or(""), shoe.gear.model.value_or(""), nick);
    if (shoe.gear.name.empty()) continue;
    add_name(shoe.names, shoe.gear.name);
    add_name(shoe.names, nick);
    add_name(shoe.names, joined(shoe.gear.brand.value_or(""), shoe.gear.model.value_or("")));
    out.shoes.push_back(std::move(shoe));
  }
  return out;
}

}  // namespace runload::import
