#include <cli/context.hpp>

#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include <cli/options.hpp>
#include <runload/error.hpp>
#include <runload/text/escape.hpp>

namespace runload::cli {

bool Context::stdin_is_terminal() const {
  return ::isatty(STDIN_FILENO) == 1;
}
bool Context::stdout_is_terminal() const {
  return ::isatty(::fileno(out)) == 1;
}
bool Context::stderr_is_terminal() const {
  return ::isatty(::fileno(err)) == 1;
}

void Context::check_options() const {
  (void)color_mode();
}

report::ColorMode Context::color_mode() const {
  const auto mode = report::color_mode_from_string(options.color);
  if (!mode) choice_option(options.color, "--color", {"auto", "always", "never"});
  return mode.value_or(report::ColorMode::automatic);
}

report::Palette Context::out_palette() const {
  const auto env = store::process_env();
  return {report::use_color(color_mode(), stdout_is_terminal(), env("TERM"), env("NO_COLOR"))};
}

report::Palette Context::err_palette() const {
  const auto env = store::process_env();
  return {report::use_color(color_mode(), stderr_is_terminal(), env("TERM"), env("NO_COLOR"))};
}

app::Session& Context::session() {
  if (!m_session)
    m_session.emplace(app::SessionOptions{options.db, options.athlete, options.tz},
                      store::process_env(), [this](const std::string& text) { note(text); });
  return *m_session;
}

void Context::print(std::string_view text) const {
  if (std::fwrite(text.data(), 1, text.size(), out) != text.size())
    throw OutputError(fmt::format("cannot write the output: {}", std::strerror(errno)));
}

namespace {

std::string safe(const std::string& message) {
  return text::terminal_safe(message, text::KeepNewlines::yes);
}

}  // namespace

void Context::note(const std::string& message) const {
  if (!options.quiet) fmt::print(err, "runload: {}\n", safe(message));
}

void Context::detail(const std::string& message) const {
  fmt::print(err, "runload: {}\n", safe(message));
}

void Context::warn(const std::string& message) const {
  fmt::print(err, "runload: warning: {}\n", safe(message));
}

void Context::error(const std::string& message) const noexcept {
  try {
    const auto p = err_palette();
    fmt::print(err, "runload: {}error:{} {}\n", p.red(), p.reset(), safe(message));
  } catch (...) {
    try {
      // A bad --color: the message without colour.
      fmt::print(err, "runload: error: {}\n", safe(message));
    } catch (...) {
      // A stderr that cannot be written: nothing left to tell.
    }
  }
}

void Context::print(const app::Messages& messages) const {
  for (const auto& message : messages) {
    switch (message.level) {
      case app::Message::Level::error:
        error(message.text);
        break;
      case app::Message::Level::warning:
        warn(message.text);
        break;
      case app::Message::Level::note:
        note(message.text);
        break;
    }
  }
}

}  // namespace runload::cli
