#pragma once
// FIT activity files, decoded as the FIT protocol document (Garmin, "Flexible
// and Interoperable Data Transfer Protocol", sections 3.3-4) describes them:
// a 12- or 14-byte file header with the ".FIT" signature and the data size,
// definition and data messages (normal and compressed-timestamp record
// headers, either byte order, developer fields), and the file's CRC-16. Several
// FIT files may be chained one after the other in one input.

#include <cstdint>
#include <string_view>

#include <runload/import/parse_result.hpp>

namespace runload::import {

// Reads every session of a FIT activity file as one activity (a multisport or
// chained file yields several). Each activity carries the device's session
// totals: start, sport, distance, elapsed time, timer time as moving time,
// ascent, descent, heart rate and cadence; its `track` holds the record
// messages whose timestamp falls within the session (start to start plus
// elapsed time), a new segment after each timer stop event.
//
// Policy where the protocol leaves the choice to the reader:
// - Running, walking and hiking cadence is stored in steps per minute: FIT
//   stores strides (one foot) per minute, so it is doubled. Cycling cadence
//   stays in revolutions per minute.
// - A file CRC that does not match is a warning when the whole record stream
//   still decodes exactly to its declared end and gives a session. Any
//   decoding failure is an error (its message then says the CRC fails too),
//   even when a session decoded before the break: totals from a torn file are
//   not trusted. A non-zero header CRC that does not match is an error, since
//   the data size it covers can no longer be trusted.
// - A file whose data size runs past the end of the input, or that ends in the
//   middle of a message, is refused with the byte offset; a file without a
//   session message is refused (it is incomplete or not an activity).
// - Timestamps below 0x10000000 are seconds since the device powered on, not
//   dates: a session or record carrying one refuses the file.
// - The UTC offset comes from the activity message's local_timestamp when
//   present (OffsetOrigin::file), else from `context.zone` at the start.
//
// Every Problem names the byte offset from the start of `bytes`. Never reads
// outside `bytes`, whatever sizes the file claims.
ParseResult read_fit(std::string_view bytes, const ParseContext& context);

// The FIT CRC-16 (the protocol document's nibble table), continued from `crc`.
std::uint16_t fit_crc16(std::string_view bytes, std::uint16_t crc = 0) noexcept;

}  // namespace runload::import
