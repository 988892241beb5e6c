// The edits the undo history holds: a brush stroke (a guest write or a trim) and a change of
// parameters. Both act on the controller only; the panels follow its configChanged() signal.
#pragma once

#include <bitmig/simconfig.h>

#include <QUndoCommand>

namespace bitmig {

class SimulationController;

class InjectionCommand : public QUndoCommand {
public:
    InjectionCommand(SimulationController* controller, bool clear, quint64 offset, quint64 length);
    void redo() override;
    void undo() override;

private:
    SimulationController* controller_;
    bool clear_;
    quint64 offset_, length_;
    quint64 token_ = 0;
};

// A parameter change: a new run with other parameters; undo goes back to the old ones.
class ConfigCommand : public QUndoCommand {
public:
    ConfigCommand(SimulationController* controller, const SimConfig& before, const SimConfig& after,
                  const QString& what);
    void redo() override;
    void undo() override;

private:
    SimulationController* controller_;
    SimConfig before_, after_;
};

} // namespace bitmig
