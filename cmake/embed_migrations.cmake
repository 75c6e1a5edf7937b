# Compiles migrations/NNNN_name.sql into the binary, so an installed runload
# can upgrade any database without the source tree.
function(runload_embed_migrations output)
  set(inputs ${ARGN})
  list(SORT inputs)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} "-DINPUTS=${inputs}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_migrations_script.cmake
    DEPENDS ${inputs} ${CMAKE_SOURCE_DIR}/cmake/embed_migrations_script.cmake
    COMMENT "Embedding migrations"
    VERBATIM)
endfunction()
