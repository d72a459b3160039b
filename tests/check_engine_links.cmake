cmake_policy(SET CMP0057 NEW)
# Fails unless the ELF file LIB needs, of Qt, only Qt6Core and Qt6Sql,
# and besides them only the libraries OTHERS allows (a regex of names
# without "lib" and ".so"; default: libfyaml and SQLite's C library) and the
# C/C++ runtime, and needs every library in REQUIRED.
#   cmake -DLIB=<file> [-DNAME=<what it is>] [-DOTHERS=<regex>] [-DREQUIRED=<a;b>] -P check_engine_links.cmake
# covet_engine: QtCore, QtSql, libfyaml, libsqlite3. The covet CLI: the
# same plus the engine, never QtGui (it loads the report module for that).
if(NOT DEFINED NAME)
  set(NAME covet_engine)
endif()
if(NOT DEFINED OTHERS)
  set(OTHERS "fyaml|sqlite3")
endif()
if(NOT DEFINED REQUIRED)
  set(REQUIRED Qt6Core Qt6Sql fyaml sqlite3)
endif()
execute_process(COMMAND readelf -d "${LIB}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf failed on ${LIB}")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^[]*\\[[^]]*\\]" needed "${out}")
set(found "")
foreach(entry IN LISTS needed)
  string(REGEX REPLACE ".*\\[(.*)\\]" "\\1" so "${entry}")
  string(REGEX REPLACE "^lib([^.]+)\\.so.*" "\\1" name "${so}")
  list(APPEND found ${name})
  if(name MATCHES "^Qt6")
    if(NOT name MATCHES "^Qt6(Core|Sql)$")
      message(FATAL_ERROR "${NAME} needs ${name}; it may need only Qt6Core and Qt6Sql")
    endif()
  # ld-linux: the C runtime's loader (thread-local storage in a shared library).
  elseif(NOT name MATCHES "^(${OTHERS}|stdc\\+\\+|m|gcc_s|c)$" AND NOT so MATCHES "^ld-linux")
    message(FATAL_ERROR "${NAME} needs ${so}; besides Qt6Core and Qt6Sql it may need only ${OTHERS} and the C/C++ runtime")
  endif()
endforeach()
foreach(required IN LISTS REQUIRED)
  if(NOT required IN_LIST found)
    message(FATAL_ERROR "expected ${NAME} to need ${required}, found: ${found}")
  endif()
endforeach()
message(STATUS "${NAME} needs ${found}")
