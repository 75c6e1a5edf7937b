#include "support/run_binary.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <stdexcept>

namespace runload::test {
namespace {

void drain(int fd, std::string& into) {
  std::array<char, 65536> buffer{};
  const ssize_t n = ::read(fd, buffer.data(), buffer.size());
  if (n > 0) into.append(buffer.data(), static_cast<std::size_t>(n));
}

}  // namespace

RunResult run_runload(const std::vector<std::string>& args, const RunOptions& options) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(err_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");

  std::vector<std::string> argv_storage{RUNLOAD_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    for (const auto& [key, value] : options.env) {
      if (value.empty())
        ::unsetenv(key.c_str());
      else
        ::setenv(key.c_str(), value.c_str(), 1);
    }
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(127);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);

  std::size_t written = 0;
  const std::string& input = options.stdin_text;
  if (input.empty()) ::close(in_pipe[1]);
  bool in_open = !input.empty();

  RunResult result;
  bool out_open = true, err_open = true;
  while (out_open || err_open) {
    std::array<pollfd, 3> fds{{{out_pipe[0], POLLIN, 0},
                               {err_pipe[0], POLLIN, 0},
                               {in_open ? in_pipe[1] : -1, POLLOUT, 0}}};
    if (::poll(fds.data(), fds.size(), -1) < 0) break;
    if (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
      const ssize_t n = ::write(in_pipe[1], input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n <= 0 || written == input.size()) {
        ::close(in_pipe[1]);
        in_open = false;
      }
    }
    if (fds[0].revents) {
      const auto before = result.out.size();
      drain(out_pipe[0], result.out);
      if (result.out.size() == before) out_open = false;
    }
    if (fds[1].revents) {
      const auto before = result.err.size();
      drain(err_pipe[0], result.err);
      if (result.err.size() == before) err_open = false;
    }
  }
  if (in_open) ::close(in_pipe[1]);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace runload::test
