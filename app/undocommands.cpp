#include "undocommands.h"

#include "app/model/simulationcontroller.h"
#include "widgets/byteformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace bitmig {

InjectionCommand::InjectionCommand(SimulationController* controller, bool clear, quint64 offset, quint64 length)
    : controller_(controller), clear_(clear), offset_(offset), length_(length)
{
    const QString size = formatBytes(length, QLocale(), 1);
    const QString at = formatBytes(offset, QLocale(), 1);
    setText(clear ? QCoreApplication::translate("bitmig::MainWindow", "Clear %1 at %2").arg(size, at)
                  : QCoreApplication::translate("bitmig::MainWindow", "Write %1 at %2").arg(size, at));
}

void InjectionCommand::redo()
{
    token_ = controller_->inject(clear_, offset_, length_);
}

void InjectionCommand::undo()
{
    controller_->revert(token_);
}

ConfigCommand::ConfigCommand(SimulationController* controller, const SimConfig& before, const SimConfig& after,
                             const QString& what)
    : controller_(controller), before_(before), after_(after)
{
    setText(what);
}

void ConfigCommand::redo()
{
    controller_->setConfig(after_);
}

void ConfigCommand::undo()
{
    controller_->setConfig(before_);
}

} // namespace bitmig
