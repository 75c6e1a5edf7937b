#include <runload/files/write.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace runload::files {

std::optional<std::string> write_private_file(const std::filesystem::path& path,
                                              std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return std::string(std::strerror(errno));
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return reason;
    }
    done += static_cast<std::size_t>(n);
  }
  // A full disk or a network file system reports a failed write as late as
  // the close.
  if (::close(fd) != 0) return std::string(std::strerror(errno));
  return std::nullopt;
}

namespace {

std::optional<std::string> sync(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return std::string(std::strerror(errno));
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0) return std::string(std::strerror(error));
  return std::nullopt;
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
  const auto parent = path.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

std::filesystem::path create_temporary_beside(const std::filesystem::path& target,
                                              std::string& error) {
  std::string name = (folder_of(target) / ("." + target.filename().string() + ".XXXXXX")).string();
  // mkstemp creates the file 0600 and never opens one that exists.
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return {};
  }
  ::close(fd);
  return name;
}

std::optional<std::string> replace_with(const std::filesystem::path& temporary,
                                        const std::filesystem::path& target) {
  if (auto error = sync(temporary, O_RDONLY)) return error;
  if (::rename(temporary.c_str(), target.c_str()) != 0) return std::string(std::strerror(errno));
  return sync(folder_of(target), O_RDONLY | O_DIRECTORY);
}

std::optional<std::string> write_file_atomically(const std::filesystem::path& target,
                                                 std::string_view content) {
  std::string error;
  const auto temporary = create_temporary_beside(target, error);
  if (temporary.empty()) return error;
  auto failed = write_private_file(temporary, content);
  if (!failed) failed = replace_with(temporary, target);
  if (failed) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
  }
  return failed;
}

}  // namespace runload::files
