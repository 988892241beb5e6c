// Precopy with a meta bitmap: every chunk once in the bulk pass, then passes over the chunks the
// guest dirtied meanwhile, until what is left fits the downtime budget and the guest pauses.
#pragma once

#include <bitmig/engine/sender.h>

namespace bitmig::engine {

class PrecopySender final : public Sender {
public:
    explicit PrecopySender(const SenderContext& context) : Sender(context) {}

    void start(int64_t now) override;
    bool sendNext(int64_t now) override;

private:
    bool sendBulkStep(int64_t now);
    bool sendDirtyStep(int64_t now);
    // A pass (the bulk pass, or a dirty pass) begins, and is recorded for the forecast.
    void enterPass(int64_t now, Phase phase, unsigned pass);
    void closePass(int64_t now, bool fitting);
};

} // namespace bitmig::engine
