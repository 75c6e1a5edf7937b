# Warnings for our own code only, never third-party headers (those come in as
# SYSTEM includes through their imported targets).
add_library(runload_warnings INTERFACE)
target_compile_options(runload_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(RUNLOAD_WERROR)
  target_compile_options(runload_warnings INTERFACE -Werror)
endif()
