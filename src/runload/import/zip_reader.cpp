#include <runload/import/zip_reader.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace runload::import {
namespace {

constexpr std::size_t k_chunk = 64 * 1024;

// Zip format constants (PKWARE APPNOTE 4.3.6, 4.3.12, 4.3.16).
constexpr std::string_view k_local_signature{"PK\3\4", 4};
constexpr std::string_view k_central_signature{"PK\1\2", 4};
constexpr std::string_view k_end_signature{"PK\5\6", 4};
constexpr std::size_t k_end_record_size = 22;
constexpr std::size_t k_max_comment = 0xFFFF;
constexpr std::size_t k_central_header_size = 46;
constexpr std::size_t k_local_header_size = 30;

class ReadArchive {
 public:
  ReadArchive() : m_archive(archive_read_new()) {}
  ~ReadArchive() {
    if (m_archive != nullptr) archive_read_free(m_archive);
  }
  ReadArchive(const ReadArchive&) = delete;
  ReadArchive& operator=(const ReadArchive&) = delete;
  archive* get() const noexcept { return m_archive; }

 private:
  archive* m_archive;
};

std::string archive_message(archive* a) {
  const char* message = archive_error_string(a);
  return message != nullptr ? std::string(message) : std::string("libarchive error");
}

std::uint32_t little_endian(std::string_view bytes, std::size_t at, std::size_t size) {
  std::uint32_t value = 0;
  for (std::size_t i = size; i-- > 0;)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// Names that hold a NUL byte, cut at it as libarchive reports them. libarchive
// copies names as C strings, so "a.gpx\0../../x" would reach us as "a.gpx":
// the raw names are read from the central directory and from each local
// header it points at. A zip64 directory (offsets 0xFFFFFFFF) is not walked
// here; libarchive still reads it.
std::vector<std::string> names_cut_at_nul(std::string_view zip) {
  std::vector<std::string> cut;
  if (zip.size() < k_end_record_size) return cut;
  const std::size_t lowest = zip.size() > k_end_record_size + k_max_comment
                                 ? zip.size() - k_end_record_size - k_max_comment
                                 : 0;
  std::size_t end = std::string_view::npos;
  for (std::size_t pos = zip.size() - k_end_record_size + 1; pos-- > lowest;) {
    if (zip.substr(pos, 4) == k_end_signature) {
      end = pos;
      break;
    }
  }
  if (end == std::string_view::npos) return cut;
  const auto count = little_endian(zip, end + 10, 2);
  const auto directory = little_endian(zip, end + 16, 4);
  if (count == 0xFFFF || directory == 0xFFFFFFFF) return cut;

  const auto note = [&](std::string_view name) {
    if (const auto nul = name.find('\0'); nul != std::string_view::npos)
      cut.emplace_back(name.substr(0, nul));
  };
  std::size_t pos = directory;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (pos + k_central_header_size > zip.size() || zip.substr(pos, 4) != k_central_signature)
      break;
    const std::size_t name_size = little_endian(zip, pos + 28, 2);
    const std::size_t extra_size = little_endian(zip, pos + 30, 2);
    const std::size_t comment_size = little_endian(zip, pos + 32, 2);
    const std::size_t local = little_endian(zip, pos + 42, 4);
    if (pos + k_central_header_size + name_size > zip.size()) break;
    note(zip.substr(pos + k_central_header_size, name_size));
    if (local + k_local_header_size <= zip.size() && zip.substr(local, 4) == k_local_signature) {
      const std::size_t local_name_size = little_endian(zip, local + 26, 2);
      if (local + k_local_header_size + local_name_size <= zip.size())
        note(zip.substr(local + k_local_header_size, local_name_size));
    }
    pos += k_central_header_size + name_size + extra_size + comment_size;
  }
  return cut;
}

// Grows `bytes` by `chunk` without its capacity ever passing `cap`: doubling
// past the cap would allocate memory the member may never fill.
void append_capped(std::string& bytes, std::string_view chunk, std::size_t cap) {
  const std::size_t needed = bytes.size() + chunk.size();
  if (needed > bytes.capacity())
    bytes.reserve(std::min(std::max(needed, 2 * bytes.capacity()), cap));
  bytes.append(chunk);
}

enum class Stop { no, yes };

// Reads the current entry's data into `data`. Returns Stop::yes when
// libarchive says the archive cannot go on.
Stop read_entry(archive* a, const ZipMember& member, std::size_t cap, ZipMemberData& data) {
  if (member.size && *member.size > cap) {
    data.error = fmt::format("the member is {} bytes; runload reads members up to {} MiB",
                             *member.size, cap >> 20);
    return Stop::no;
  }
  data.bytes.reserve(
      static_cast<std::size_t>(std::min<std::uint64_t>(member.size.value_or(0), cap)));
  std::array<char, k_chunk> chunk{};
  for (;;) {
    const la_ssize_t n = archive_read_data(a, chunk.data(), chunk.size());
    if (n == 0) return Stop::no;
    if (n < 0) {
      data.bytes.clear();
      data.error = fmt::format("cannot be read: {}", archive_message(a));
      return n == ARCHIVE_FATAL ? Stop::yes : Stop::no;
    }
    if (static_cast<std::size_t>(n) > cap - data.bytes.size()) {
      data.bytes = std::string();
      data.error =
          fmt::format("the member inflates to more than {} MiB (the limit): refused", cap >> 20);
      return Stop::no;
    }
    append_capped(data.bytes, std::string_view(chunk.data(), static_cast<std::size_t>(n)), cap);
  }
}

ZipMember describe_entry(archive_entry* entry, const std::vector<std::string>& cut_names) {
  ZipMember member;
  const char* name = archive_entry_pathname(entry);
  member.name = name != nullptr ? name : "";
  if (archive_entry_size_is_set(entry) != 0 && archive_entry_size(entry) >= 0)
    member.size = static_cast<std::uint64_t>(archive_entry_size(entry));
  member.encrypted = archive_entry_is_encrypted(entry) != 0;
  if (std::find(cut_names.begin(), cut_names.end(), member.name) != cut_names.end())
    member.refusal = "refused: its name holds a NUL byte";
  else if (auto unsafe = unsafe_member_name(member.name))
    member.refusal = fmt::format("refused: {}", *unsafe);
  else if (archive_entry_filetype(entry) == AE_IFLNK)
    member.refusal = "refused: a link, not a file";
  else if (archive_entry_filetype(entry) != AE_IFREG)
    member.refusal = "refused: not a regular file";
  return member;
}

}  // namespace

std::optional<std::string> unsafe_member_name(std::string_view name) {
  if (name.empty()) return "an empty name";
  if (name.front() == '/') return "an absolute path";
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0])))
    return "an absolute path (drive letter)";
  if (name.find('\\') != std::string_view::npos) return "a backslash in the name";
  if (std::any_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
    return "a control character in the name";
  std::size_t start = 0;
  while (start <= name.size()) {
    const auto slash = name.find('/', start);
    const auto component =
        name.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (component == "..") return "a '..' component (a path out of the archive)";
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return std::nullopt;
}

bool is_system_member(std::string_view name) {
  std::size_t start = 0;
  for (;;) {
    const auto slash = name.find('/', start);
    const auto component =
        name.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (component == "__MACOSX") return true;
    if (slash == std::string_view::npos) {
      if (!component.empty() && component.front() == '.') return true;
      std::string lower(component);
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return lower == "thumbs.db" || lower == "desktop.ini";
    }
    start = slash + 1;
  }
}

std::optional<std::string> for_each_zip_member(std::string_view bytes, std::size_t max_member_bytes,
                                               const ZipWanted& wanted,
                                               const ZipConsumer& consume) {
  ReadArchive reader;
  archive* a = reader.get();
  if (a == nullptr) return "libarchive could not start";
  // The seekable reader finds members through the central directory, so a
  // truncated download is refused instead of read up to where it breaks.
  archive_read_support_format_zip_seekable(a);
  if (archive_read_open_memory(a, bytes.data(), bytes.size()) != ARCHIVE_OK)
    return fmt::format(
        "not a zip archive, or its central directory is missing (a truncated "
        "download?): {}",
        archive_message(a));
  const auto cut_names = names_cut_at_nul(bytes);

  for (;;) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(a, &entry);
    if (status == ARCHIVE_EOF) return std::nullopt;
    if (status == ARCHIVE_FATAL || entry == nullptr)
      return fmt::format("the archive is damaged: {}", archive_message(a));
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    const ZipMember member = describe_entry(entry, cut_names);
    // An unsafe name is reported even on a system member: it says the
    // archive was made to escape, which the user should hear.
    if (!member.refusal && is_system_member(member.name)) continue;
    if (status == ARCHIVE_FAILED) {
      consume(member, ZipMemberData{{}, fmt::format("cannot be read: {}", archive_message(a))});
      continue;
    }
    if (member.refusal) {
      consume(member, ZipMemberData{{}, member.refusal});
      continue;
    }
    if (!wanted(member)) continue;
    if (member.encrypted) {
      consume(member, ZipMemberData{{}, "refused: the member is encrypted (password-protected)"});
      continue;
    }
    ZipMemberData data;
    const Stop stop = read_entry(a, member, max_member_bytes, data);
    consume(member, std::move(data));
    if (stop == Stop::yes) return fmt::format("the archive is damaged: {}", archive_message(a));
  }
}

ZipListing list_zip(std::string_view archive) {
  ZipListing listing;
  listing.error = for_each_zip_member(
      archive, 0,
      [&](const ZipMember& member) {
        listing.members.push_back(member);
        return false;
      },
      [&](const ZipMember& member, ZipMemberData&&) { listing.members.push_back(member); });
  return listing;
}

ZipMemberData read_zip_member(std::string_view archive, std::string_view name,
                              std::size_t max_member_bytes) {
  std::optional<ZipMemberData> found;
  const auto error = for_each_zip_member(
      archive, max_member_bytes,
      [&](const ZipMember& member) { return !found && member.name == name; },
      [&](const ZipMember& member, ZipMemberData&& data) {
        if (!found && member.name == name) found = std::move(data);
      });
  if (found) return std::move(*found);
  if (error) return ZipMemberData{{}, error};
  return ZipMemberData{{}, fmt::format("no member named '{}' in the archive", name)};
}

}  // namespace runload::import
