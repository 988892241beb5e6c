#include "pacedworker.h"

namespace bitmig {

PacedWorker::PacedWorker(QObject* parent) : QObject(parent)
{
    pacer_ = new RunPacer(*this, this);
}

PacedWorker::~PacedWorker() = default;

} // namespace bitmig
