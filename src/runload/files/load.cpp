#include <runload/files/load.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include <runload/error.hpp>

namespace runload::files {
namespace {

// Closes the descriptor on every path out of load_file().
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

LoadError unreadable(std::string reason) {
  return LoadError{LoadError::Kind::unreadable, std::move(reason)};
}

}  // namespace

std::uintmax_t max_file_bytes(const std::optional<std::string>& setting) {
  if (!setting || setting->empty()) return k_max_file_bytes;
  std::uintmax_t bytes = 0;
  const char* end = setting->data() + setting->size();
  const auto [at, ec] = std::from_chars(setting->data(), end, bytes);
  if (ec == std::errc::result_out_of_range) return k_max_file_bytes;
  if (ec != std::errc() || at != end)
    throw UsageError(
        fmt::format("RUNLOAD_MAX_FILE_BYTES must be a number of bytes, not '{}'", *setting));
  return std::min(bytes, k_max_file_bytes);
}

std::string format_size(std::uintmax_t bytes) {
  constexpr std::uintmax_t k_mib = 1024 * 1024;
  if (bytes < k_mib) return fmt::format("{} bytes", bytes);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / static_cast<double>(k_mib));
}

std::optional<LoadError> load_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                   std::string& bytes) {
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0) return unreadable(std::strerror(errno));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) return unreadable(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return unreadable("not a regular file");
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > max_bytes)
    return LoadError{LoadError::Kind::too_large,
                     fmt::format("the file is {}; runload reads files up to {}", format_size(size),
                                 format_size(max_bytes))};
  bytes.resize(static_cast<std::size_t>(size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(file.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unreadable(std::strerror(errno));
    if (n == 0) break;  // the file shrank since fstat: take what is there
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return std::nullopt;
}

}  // namespace runload::files
