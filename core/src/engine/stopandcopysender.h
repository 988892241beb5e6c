// Stop and copy (the baseline): the guest pauses as the migration starts and the whole bitmap goes
// in the complete phase.
#pragma once

#include <bitmig/engine/sender.h>

namespace bitmig::engine {

class StopAndCopySender final : public Sender {
public:
    explicit StopAndCopySender(const SenderContext& context) : Sender(context) {}

    void start(int64_t now) override;
    bool sendNext(int64_t now) override;
};

} // namespace bitmig::engine
