#include <runload/files/walk.hpp>

namespace runload::files {

namespace fs = std::filesystem;

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

void walk_folder(const fs::path& root, const WalkVisitor& visitor) {
  std::error_code ec;
  fs::directory_iterator it(root, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const auto& entry = *it;
    if (is_hidden(entry.path())) continue;
    std::error_code entry_ec;
    if (entry.is_directory(entry_ec) && !entry.is_symlink(entry_ec)) {
      if (!visitor.folder || visitor.folder(entry.path()) == Descend::yes)
        walk_folder(entry.path(), visitor);
    } else if (entry.is_regular_file(entry_ec)) {
      const auto size = entry.file_size(entry_ec);
      if (visitor.file) visitor.file(entry.path(), entry_ec ? 0 : size);
    }
  }
  if (ec && visitor.error) visitor.error(root, ec.message());
}

}  // namespace runload::files
