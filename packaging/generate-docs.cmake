# cmake -DEXE=path/to/covet -DMAN=out/covet.1 -DCOMPLETION=out/completions/covet -P generate-docs.cmake
# Runs EXE --help-man and EXE --help-bash-completion; writes MAN, MAN.gz
# (gzip -9n: no name or time stamp, so the package is reproducible) and COMPLETION.
get_filename_component(_dir "${COMPLETION}" DIRECTORY)
file(MAKE_DIRECTORY "${_dir}")
foreach(_pair "--help-man=${MAN}" "--help-bash-completion=${COMPLETION}")
  string(REGEX REPLACE "=.*" "" _arg "${_pair}")
  string(REGEX REPLACE "^[^=]*=" "" _out "${_pair}")
  execute_process(COMMAND "${EXE}" "${_arg}" OUTPUT_FILE "${_out}" RESULT_VARIABLE _rc ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${EXE} ${_arg} failed (${_rc}): ${_err}")
  elseif(_err)
    message(WARNING "${EXE} ${_arg}: ${_err}")
  endif()
endforeach()
execute_process(COMMAND gzip -9n -c "${MAN}" OUTPUT_FILE "${MAN}.gz" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "gzip ${MAN} failed")
endif()
