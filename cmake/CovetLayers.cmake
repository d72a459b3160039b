# covet_check_engine_layers(<root> LAYERS <folder> <folder>...)
#
# The engine's folders are layers, listed bottom first: a folder may include
# headers of the folders listed before it and of its own, never of one
# listed after it (nor of ui/ or app/). Checked at configure time by reading
# every `#include "../<folder>/…"` of every engine file: to call code in a
# folder, a file must include that folder's header, so an upward include
# is the only way an upward dependency can start. Configure stops with the
# file, the include and the rule. Every engine folder must be listed.
function(covet_check_engine_layers root)
  cmake_parse_arguments(ARG "" "" "LAYERS" ${ARGN})
  file(GLOB folders LIST_DIRECTORIES true RELATIVE "${root}" "${root}/*")
  foreach(f IN LISTS folders)
    if(IS_DIRECTORY "${root}/${f}" AND NOT f IN_LIST ARG_LAYERS)
      message(FATAL_ERROR "engine/${f} is not a declared layer: add it to the LAYERS of covet_check_engine_layers in engine/CMakeLists.txt")
    endif()
  endforeach()
  set(allowed "")
  foreach(layer IN LISTS ARG_LAYERS)
    list(APPEND allowed "${layer}")
    file(GLOB sources CONFIGURE_DEPENDS "${root}/${layer}/*.cpp" "${root}/${layer}/*.h")
    foreach(file IN LISTS sources)
      file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"\\.\\./")
      foreach(line IN LISTS includes)
        string(REGEX REPLACE ".*\"\\.\\./([^/\"]+)/.*" "\\1" used "${line}")
        if(NOT used IN_LIST allowed)
          file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${file}")
          string(STRIP "${line}" line)
          message(FATAL_ERROR "${rel}: `${line}` reaches up into engine/${used}, but engine/${layer} may use only: ${allowed}. "
                              "Layers point down (engine/CMakeLists.txt); move the code to the layer it belongs to.")
        endif()
      endforeach()
    endforeach()
  endforeach()
endfunction()
