// The dirty-bitmap migration stream codec in one include: format constants and chunk arithmetic,
// the record model, the encoder, the decoder and its error.
#pragma once

#include <bitmig/streamdecoder.h>
#include <bitmig/streamencoder.h>
#include <bitmig/streamerror.h>
#include <bitmig/streamformat.h>
#include <bitmig/streamrecord.h>
