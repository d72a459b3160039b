# Precompiled Qt and standard headers. A translation unit of Covet spends
# about 40 % of its compile time parsing the same Qt headers again
# (engine/runner/migrationstatus.cpp: 6.5 s -> 4.0 s with them precompiled;
# tests/runner/tst_rehearsal.cpp: 6.9 s -> 5.2 s with GCC, which spends about
# 1 s loading its 170 MB precompiled header); CI builds everything cold
# three times (GCC, the fuzzers' and the sanitizers' Clang).
# Only headers that are not Covet's own go in: a change to an engine header
# must not rebuild every test program. -DCOVET_PCH=OFF builds without them.
option(COVET_PCH "Precompile the Qt and standard headers" ON)

# ccache caches compilations that use a precompiled header only with these
# (ccache's manual, "Precompiled headers"): CMake includes it with -include.
if(COVET_PCH AND COVET_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      "${CMAKE_COMMAND};-E;env;CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime;${COVET_CCACHE}")
endif()

# Clang stamps a precompiled header with its headers' times unless told not
# to, and ccache then will not cache what uses it (ccache's manual).
if(COVET_PCH AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  list(APPEND CMAKE_CXX_COMPILE_OPTIONS_CREATE_PCH -Xclang -fno-pch-timestamp)
endif()

# QtCore and QtSql, the engine's whole world.
set(COVET_PCH_CORE_HEADERS
  <algorithm> <functional> <memory> <optional> <utility> <vector>
  <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash>
  <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QMap> <QObject>
  <QRegularExpression> <QSet> <QSqlDatabase> <QSqlError> <QSqlQuery> <QSqlRecord>
  <QString> <QStringList> <QVariant>)
# Covet Studio's widgets on top.
set(COVET_PCH_WIDGETS_HEADERS
  <QAction> <QApplication> <QComboBox> <QDialog> <QDialogButtonBox> <QFutureWatcher>
  <QHBoxLayout> <QHeaderView> <QIcon> <QLabel> <QLineEdit> <QPointer> <QPushButton>
  <QTreeView> <QVBoxLayout> <QWidget> <QtConcurrent/QtConcurrentRun>)
# The test programs' own (QtTest, QTemporaryDir, QProcess...).
set(COVET_PCH_TEST_HEADERS
  <QProcess> <QSignalSpy> <QTemporaryDir> <QTest>)

# covet_precompile(TARGET HEADER-LIST-NAMES...): TARGET precompiles the
# headers of the named lists.
function(covet_precompile target)
  if(NOT COVET_PCH)
    return()
  endif()
  set(headers)
  foreach(list IN LISTS ARGN)
    list(APPEND headers ${${list}})
  endforeach()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# covet_precompile_shared(TARGET KEY LIBS...): TARGET (a test program or a
# benchmark) reuses one precompiled header for every target of this
# directory that links the same LIBS. The first such target makes a small
# static library that links LIBS and precompiles the headers, so its
# compiler flags and macros are the users' exactly (Clang refuses a
# precompiled header whose macros differ; GCC would quietly not use it).
function(covet_precompile_shared target key)
  if(NOT COVET_PCH)
    return()
  endif()
  set(libs ${ARGN})
  get_filename_component(dirname "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
  set(holder "covet_pch_${dirname}_${key}")
  if(NOT TARGET ${holder})
    set(source "${CMAKE_CURRENT_BINARY_DIR}/${holder}.cpp")
    file(CONFIGURE OUTPUT "${source}" CONTENT "// The precompiled header's own translation unit.\n")
    add_library(${holder} STATIC "${source}")
    target_link_libraries(${holder} PUBLIC ${libs})
    set(lists COVET_PCH_CORE_HEADERS COVET_PCH_TEST_HEADERS)
    if(key STREQUAL "gui")
      list(APPEND lists COVET_PCH_WIDGETS_HEADERS)
    endif()
    covet_precompile(${holder} ${lists})
    covet_precompile_skip_moc(${holder})
  endif()
  target_precompile_headers(${target} REUSE_FROM ${holder})
  covet_precompile_skip_moc(${target})
endfunction()

# AUTOMOC's mocs_compilation.cpp of a target whose moc output is included by
# its own source (a test program's "tst_x.moc") is empty: loading GCC's
# precompiled header (170 MB) would take it from 0.1 s to 1.5 s.
function(covet_precompile_skip_moc target)
  set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/${target}_autogen/mocs_compilation.cpp"
    TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()
