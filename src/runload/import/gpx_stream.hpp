#pragma once
// A streaming reader of GPX track points: one pass over the text, no
// document tree, no allocation per element. It reads the common shape of
// GPX (elements, attributes, text, comments, an XML declaration in UTF-8)
// and gives up, returning false, on anything else: a DOCTYPE, an entity or
// character reference in a value it reads, CDATA, a processing instruction,
// a declared encoding other than UTF-8, a byte-order mark other than UTF-8's,
// a NUL byte, a carriage return or tab in a value it reads, a value element
// with children, markup it cannot parse, or a malformed document. The caller
// then reads the file with pugixml, the reference (gpx_reader.cpp), which
// gives the same Content for every file this reader accepts: a differential
// test over the corpus and a fuzz target check it.
//
// Like the pugixml walk it matches elements by local name, whatever their
// namespace prefix, and reads only <gpx>'s <metadata>, <trk>, <rte> and
// <wpt> children as gpx_content.hpp describes.

#include <string_view>

#include <runload/import/gpx_content.hpp>

namespace runload::import::gpx {

// Reads `text` into `content` (empty on entry); false when the text holds
// something this reader does not handle, `content` then being unspecified.
bool stream_gpx(std::string_view text, Content& content);

}  // namespace runload::import::gpx
