# Unity builds of Covet's libraries and programs: CMake compiles their
# sources eight at a time, one translation unit per batch, so the headers,
# the templates they instantiate and GCC's load of the precompiled header
# (about 1 s: CovetPrecompiledHeaders.cmake) are paid once per batch, not
# once per file. Measured cold on the 2-core machine, GCC -O2: the engine's
# 114 files took 455 s of compile time one by one, 186 s in 15 batches.
# Test programs are one file each and gain nothing.
# A batch is one translation unit, and which files share one shifts when a
# file is added. Two file-local helpers (anonymous namespace or static) of
# the same name and signature fail the build; of the same name and another
# signature they silently become overloads of each other. So copies are
# shared from a header (core/numbertext.h, schema/qualifiedname.h), and
# same-named helpers of different meaning take parameter types that cannot
# be confused (the recorders' q() takes an SqlExecutor, the describer's two
# strings; SqlExecutor has no converting constructor). -DCOVET_UNITY=OFF
# compiles file by file (an edit then recompiles one file, not a batch).
option(COVET_UNITY "Compile Covet's libraries and programs in batches (unity build)" ON)

function(covet_unity target)
  if(COVET_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()
