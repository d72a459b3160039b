#pragma once

#include <QtGlobal>

#include <functional>

namespace covet {

// Calls work(i) once for every i in [0, count), spread over up to
// QThread::idealThreadCount() threads, the calling thread among them, and
// returns when every call has returned. The calls for different i must be
// safe to run at the same time (each writes only its own slot of a result
// list). Fewer than minimumEach items per thread run on the calling thread
// alone: starting a thread costs more than a few small items. `work` must
// not throw (an exception on a pool thread ends the process).
void parallelFor(qsizetype count, const std::function<void(qsizetype)> &work, qsizetype minimumEach = 16);

} // namespace covet
