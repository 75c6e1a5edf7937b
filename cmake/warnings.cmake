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
if(RUNLOAD_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports -Wmaybe-uninitialized inside libstdc++'s <regex> (used by
  # CLI11 and Catch2) once the sanitizers change inlining: a false positive in
  # system headers we cannot fix, so that one warning is off in these builds.
  target_compile_options(runload_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
