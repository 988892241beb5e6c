// A qcow2 image whose bitmaps cannot be read, located by file, structure and byte offset.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace bitmig {

// what() reads "FILE: STRUCTURE at byte OFFSET: REASON", for example
// "disk.qcow2: bitmap directory entry 1 'b1' at byte 1048625: granularity_bits 40 out of range 9..31".
// The structure and the offset are left out when they do not apply (a file that cannot be opened).
class Qcow2Error : public std::runtime_error {
public:
    Qcow2Error(std::string file, std::string structure, std::string reason,
               std::optional<uint64_t> offset = std::nullopt);

    const std::string& file() const noexcept { return file_; }
    // "header", "header extension 2", "bitmaps extension", "bitmap directory entry 0 'b0'",
    // "bitmap 'b0' table entry 3", ...; empty for errors about the file as a whole.
    const std::string& structure() const noexcept { return structure_; }
    const std::string& reason() const noexcept { return reason_; }
    // Byte of the file where the offending field or structure is.
    std::optional<uint64_t> offset() const noexcept { return offset_; }

private:
    std::string file_;
    std::string structure_;
    std::string reason_;
    std::optional<uint64_t> offset_;
};

} // namespace bitmig
