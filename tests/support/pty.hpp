#pragma once
// Runs the built runload binary on a pseudo-terminal, for end-to-end tests of
// the interactive check-in: standard input, output and error are the terminal,
// as when a runner types. Uses posix_openpt, which needs no extra library.
// Header-only so the test CMake file stays as it is.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace runload::test {

class PtyProcess {
 public:
  // Starts RUNLOAD_BINARY with `args` as the session leader of a new
  // terminal. `env` entries are set (an empty value unsets).
  PtyProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
      throw std::runtime_error("cannot open a pseudo-terminal");
    const char* slave_name = ::ptsname(m_master);
    if (slave_name == nullptr) throw std::runtime_error("ptsname failed");
    const std::string slave_path = slave_name;

    std::vector<std::string> argv_storage{RUNLOAD_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
      ::setsid();
      // The first terminal a session leader opens becomes its controlling one,
      // so Ctrl-C on it sends SIGINT to the child.
      const int slave = ::open(slave_path.c_str(), O_RDWR);
      if (slave < 0) ::_exit(126);
      ::ioctl(slave, TIOCSCTTY, 0);
      ::dup2(slave, 0);
      ::dup2(slave, 1);
      ::dup2(slave, 2);
      if (slave > 2) ::close(slave);
      for (const auto& [key, value] : env) {
        if (value.empty())
          ::unsetenv(key.c_str());
        else
          ::setenv(key.c_str(), value.c_str(), 1);
      }
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }

  ~PtyProcess() {
    if (m_pid > 0 && !m_exited) {
      ::kill(m_pid, SIGKILL);
      int status = 0;
      ::waitpid(m_pid, &status, 0);
    }
    if (m_master >= 0) ::close(m_master);
  }

  PtyProcess(const PtyProcess&) = delete;
  PtyProcess& operator=(const PtyProcess&) = delete;

  // Reads until everything written so far (after the last expect) contains
  // `text`; false on timeout or when the child closes the terminal first.
  bool expect(std::string_view text, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto found = m_output.find(text, m_cursor);
      if (found != std::string::npos) {
        m_cursor = found + text.size();
        return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !read_some(static_cast<int>(left.count()))) return false;
    }
  }

  // Types `text` on the terminal ("3\n" answers with 3 and Enter).
  void send(std::string_view text) {
    while (!text.empty()) {
      const ssize_t n = ::write(m_master, text.data(), text.size());
      if (n <= 0) throw std::runtime_error("write to the pseudo-terminal failed");
      text.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // Ctrl-D and Ctrl-C as the terminal's own characters, so the line
  // discipline turns them into end-of-file and SIGINT.
  void send_eof() { send(std::string(1, control_char(VEOF))); }
  void send_interrupt() { send(std::string(1, control_char(VINTR))); }

  // Waits for the child (reading what it still writes) and returns its exit
  // code, or 128 + signal. -1 on timeout.
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
      if (done == m_pid) {
        m_exited = true;
        while (read_some(50)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      read_some(50);
    }
    return -1;
  }

  // Everything the child wrote to the terminal, with the terminal's echo.
  const std::string& output() const noexcept { return m_output; }

 private:
  char control_char(int index) const {
    termios settings{};
    if (::tcgetattr(m_master, &settings) != 0) return index == VEOF ? '\x04' : '\x03';
    return static_cast<char>(settings.c_cc[index]);
  }

  bool read_some(int timeout_ms) {
    pollfd fd{m_master, POLLIN, 0};
    if (::poll(&fd, 1, timeout_ms) <= 0) return false;
    std::array<char, 4096> buffer{};
    const ssize_t n = ::read(m_master, buffer.data(), buffer.size());
    if (n <= 0) return false;  // EIO once the child has closed the terminal
    m_output.append(buffer.data(), static_cast<std::size_t>(n));
    return true;
  }

  int m_master = -1;
  pid_t m_pid = -1;
  bool m_exited = false;
  std::string m_output;
  std::size_t m_cursor = 0;
};

}  // namespace runload::test
