// A malformed dirty-bitmap migration stream, located precisely enough to find the offending byte.
#pragma once

#include <bitmig/qemuloader.h>
#include <bitmig/streamrecord.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace bitmig {

class StreamError : public std::runtime_error {
public:
    // offset: stream byte of the offending field (for truncation: the end of the input).
    // recordOffset: where the record or section frame being read began.
    // recordIndex: 0-based index of that record (records decoded before it, for a frame).
    // kind: the record's kind, if its flags were read and valid; nullopt for section framing.
    // qemuOutcome: what a QEMU destination does with this input too (nullopt: not a loader check).
    StreamError(std::string reason, uint64_t offset, uint64_t recordOffset, uint64_t recordIndex,
                std::optional<RecordKind> kind, std::optional<QemuOutcome> qemuOutcome = std::nullopt);

    uint64_t offset() const noexcept { return offset_; }
    uint64_t recordOffset() const noexcept { return recordOffset_; }
    uint64_t recordIndex() const noexcept { return recordIndex_; }
    std::optional<RecordKind> kind() const noexcept { return kind_; }
    std::optional<QemuOutcome> qemuOutcome() const noexcept { return qemuOutcome_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string reason_;
    uint64_t offset_;
    uint64_t recordOffset_;
    uint64_t recordIndex_;
    std::optional<RecordKind> kind_;
    std::optional<QemuOutcome> qemuOutcome_;
};

} // namespace bitmig
