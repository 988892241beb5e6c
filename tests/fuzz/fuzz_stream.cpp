// The stream decoder and the receiver, on arbitrary bytes: errors are StreamError or another
// std::exception, never a crash, a hang or undefined behaviour.
#include <bitmig/bitmapreceiver.h>
#include <bitmig/streamdecoder.h>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const uint8_t> bytes(data, size);
    if (size == 0) {
        return 0;
    }
    // The first byte picks the options, the rest is the stream, fed in two parts.
    const uint8_t mode = data[0];
    const std::span<const uint8_t> stream = bytes.subspan(1);
    try {
        bitmig::StreamDecoder decoder(bitmig::StreamDecoderOptions{
            .framing = (mode & 1) != 0, .sectionFooters = (mode & 2) != 0, .instanceId = 0,
            .maxBufSize = uint64_t(1) << 20});
        const size_t cut = stream.size() / 2;
        decoder.feed(stream.first(cut));
        while (decoder.next()) {
        }
        decoder.feed(stream.subspan(cut));
        decoder.finish();
        while (decoder.next()) {
        }
    } catch (const std::exception&) {
    }
    try {
        bitmig::BitmapReceiver receiver("drive0", "bitmap0", uint64_t(1) << 30, uint64_t(1) << 20);
        receiver.feed(stream);
    } catch (const std::exception&) {
    }
    return 0;
}
