// Postcopy (QEMU's design): once the destination knows the bitmap the guest switches over, then
// every chunk goes once while the guest runs there; COMPLETE merges its writes back in.
#pragma once

#include <bitmig/engine/sender.h>

namespace bitmig::engine {

class PostcopySender final : public Sender {
public:
    explicit PostcopySender(const SenderContext& context) : Sender(context) {}

    bool sendNext(int64_t now) override;

private:
    void switchGuestToDestination(int64_t now);
};

} // namespace bitmig::engine
