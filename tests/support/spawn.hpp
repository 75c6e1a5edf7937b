#pragma once
// Starts the built runload binary without waiting for it, for fault tests:
// kill it at any moment, run many at once, or give it a file-size limit.
// Header-only so the test CMake file stays as it is.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace runload::test {

struct SpawnOptions {
  std::map<std::string, std::string> env;  // set (or, with an empty value, unset)
  std::optional<rlim_t> file_size_limit;   // RLIMIT_FSIZE of the child, in bytes
  std::string stdout_file;                 // empty: /dev/null
  std::string stderr_file;                 // empty: /dev/null
};

class Spawned {
 public:
  Spawned(const std::vector<std::string>& args, const SpawnOptions& options = {}) {
    std::vector<std::string> argv_storage{RUNLOAD_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string out = options.stdout_file.empty() ? "/dev/null" : options.stdout_file;
    const std::string err = options.stderr_file.empty() ? "/dev/null" : options.stderr_file;

    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
      const int in_fd = ::open("/dev/null", O_RDONLY);
      const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(126);
      ::dup2(in_fd, 0);
      ::dup2(out_fd, 1);
      ::dup2(err_fd, 2);
      for (const auto& [key, value] : options.env) {
        if (value.empty())
          ::unsetenv(key.c_str());
        else
          ::setenv(key.c_str(), value.c_str(), 1);
      }
      if (options.file_size_limit) {
        const rlimit limit{*options.file_size_limit, *options.file_size_limit};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
      }
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }

  ~Spawned() {
    if (m_pid > 0 && !m_status) {
      ::kill(m_pid, SIGKILL);
      wait();
    }
  }
  Spawned(const Spawned&) = delete;
  Spawned& operator=(const Spawned&) = delete;

  void kill9() const { ::kill(m_pid, SIGKILL); }

  // The exit code, or 128 + the signal that ended it.
  int wait() {
    if (!m_status) {
      int status = 0;
      while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
      }
      m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return *m_status;
  }

 private:
  pid_t m_pid = -1;
  std::optional<int> m_status;
};

}  // namespace runload::test
