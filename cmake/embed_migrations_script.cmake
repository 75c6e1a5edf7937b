# Script mode: writes a C++ source holding every migration as a raw string.
set(body "")
set(count 0)
foreach(file IN LISTS INPUTS)
  get_filename_component(name ${file} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR number "${number} + 0")
  file(READ ${file} sql)
  string(APPEND body "    {${number}, \"${name}\", R\"runload_sql(${sql})runload_sql\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from migrations/*.sql by cmake/embed_migrations_script.cmake.\n"
"#include <runload/store/migrations.hpp>\n\n"
"namespace runload::store {\n\n"
"const std::vector<Migration>& embedded_migrations() {\n"
"  static const std::vector<Migration> k_migrations{\n${body}  };\n"
"  return k_migrations;\n"
"}\n\n"
"}  // namespace runload::store\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
