#pragma once
// Zip archives (a Strava bulk export) read in memory through libarchive. Only
// the central directory is trusted: a zip whose end of central directory is
// missing (a truncated download) is not a zip. Members are never extracted to
// disk: their bytes are read into memory, under a size cap, and their names
// are only ever compared, never used as paths.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runload::import {

struct ZipMember {
  std::string name;                   // as the archive names it ('/'-separated)
  std::optional<std::uint64_t> size;  // uncompressed size the archive declares
  bool encrypted = false;
  // Why the member is refused unread: an unsafe name (see unsafe_member_name)
  // or a link; nullopt for a member that may be read.
  std::optional<std::string> refusal;
};

struct ZipMemberData {
  std::string bytes;                 // empty on error
  std::optional<std::string> error;  // the member could not be read (or was refused)
  bool ok() const noexcept { return !error; }
};

// Why `name` may not name an archive member, or nullopt when it may: an empty
// name, an absolute path ("/etc/passwd", "C:/x"), a ".." component, a
// backslash (a Windows separator or an escape, read differently by different
// tools), or a control character.
std::optional<std::string> unsafe_member_name(std::string_view name);

// Whether `name` is a member an archiver adds beside the user's files and
// that no one means to import: anything under a `__MACOSX/` folder (the
// AppleDouble resource forks, `._run.fit`, that macOS Finder's "Compress"
// adds for every file), a hidden file (a base name starting with '.':
// `.DS_Store`, `._run.fit`), and Windows' `Thumbs.db` and `desktop.ini`.
bool is_system_member(std::string_view name);

// Decides, per member that is not refused, whether its bytes are read.
using ZipWanted = std::function<bool(const ZipMember& member)>;
// Receives every member read, and every refused member, in archive order.
using ZipConsumer = std::function<void(const ZipMember& member, ZipMemberData&& data)>;

// Walks the members of the zip held in `archive`, in the order of its central
// directory; folders, and system members (is_system_member) whose name is
// safe, are passed over silently. Members with an unsafe name (also a
// name holding a NUL byte, found in the central directory itself, since
// libarchive cuts names at the first NUL) and links go to `consume` with an
// error, unread and whatever `wanted` says. Of the others, those `wanted`
// accepts are read and passed to `consume`; an encrypted one, or one that
// declares or inflates to more than `max_member_bytes`, comes with an error
// instead, and no more than `max_member_bytes` are ever held for it.
// Returns nullopt when the walk reached the end, else why it stopped: not a
// zip, no central directory, or damage that stops libarchive (the members
// consumed before it stay consumed).
std::optional<std::string> for_each_zip_member(std::string_view archive,
                                               std::size_t max_member_bytes,
                                               const ZipWanted& wanted, const ZipConsumer& consume);

struct ZipListing {
  std::vector<ZipMember> members;
  std::optional<std::string> error;  // as for_each_zip_member
};

// Every member (folders and system members excepted) with its name, size and
// refusal, nothing read.
ZipListing list_zip(std::string_view archive);

// The bytes of the member named exactly `name`. Errors: the archive's, the
// member's (as for_each_zip_member), or no such member.
ZipMemberData read_zip_member(std::string_view archive, std::string_view name,
                              std::size_t max_member_bytes);

}  // namespace runload::import
