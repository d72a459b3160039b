# Unity builds of Covet's libraries and programs: CMake compiles their
# sources eight at a time, one translation unit per batch, so the headers,
# the templates they instantiate and GCC's load of the precompiled header
# (about 1 s: CovetPrecompiledHeaders.cmake) are paid once per batch, not
# once per file. Measured cold on the 2-core machine, GCC -O2: the engine's
# 115 files took 455 s of compile time one by one, 186 s in 16 batches.
# Test programs are one file each and gain nothing.
# A batch is one translation unit: two files of a batch may not define the
# same name in an anonymous namespace (the build says so); give such
# helpers distinct names or share them from a header. -DCOVET_UNITY=OFF
# compiles file by file (an edit then recompiles one file, not a batch).
option(COVET_UNITY "Compile Covet's libraries and programs in batches (unity build)" ON)

function(covet_unity target)
  if(COVET_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()
