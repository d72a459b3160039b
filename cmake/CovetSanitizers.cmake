# Opt-in instrumented builds (docs/reliability.md, "Fuzzing and sanitizers"):
#   -DCOVET_SANITIZE=address,undefined   every target built with those
#       sanitizers (GCC or Clang); undefined behaviour stops the program
#       (no recovery), so a test that meets it fails.
#   -DCOVET_FUZZ=ON   the libFuzzer harnesses of tests/fuzz (Clang 16 or
#       newer: -DCMAKE_CXX_COMPILER=clang++-16); scripts/fuzz.sh runs them.
set(COVET_SANITIZE "" CACHE STRING "Sanitizers for every target, e.g. address,undefined (empty: none)")
option(COVET_FUZZ "Build the libFuzzer harnesses of tests/fuzz (Clang 16 or newer)" OFF)

if(COVET_SANITIZE)
  add_compile_options(-fsanitize=${COVET_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${COVET_SANITIZE})
endif()

if(COVET_FUZZ AND NOT (CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 16))
  message(FATAL_ERROR "COVET_FUZZ needs Clang 16 or newer (libFuzzer and C++23 <expected>), not "
                      "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}: configure a separate build "
                      "directory with -DCMAKE_CXX_COMPILER=clang++-16 (scripts/fuzz.sh does)")
endif()

# libstdc++ 12 and 13 offer <expected> only when __cpp_concepts >= 202002L;
# Clang 16 to 18 implement what it needs (P0848, conditionally trivial
# special members) but still report 201907L.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 16
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
  add_compile_options(-U__cpp_concepts -D__cpp_concepts=202002L)
endif()
