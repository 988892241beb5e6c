// Names of enumerators from one table per enum: the name written and the name read back come
// from the same entries, so they cannot disagree.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bitmig {

// One entry of an enum's table. The first entry of a value gives its name; later entries of the
// same value are aliases that are read but never written ("stop-and-copy" for "stop-copy").
template <class E>
struct EnumName {
    E value;
    std::string_view name;
};

template <class E, size_t N>
constexpr std::optional<std::string_view> nameOf(const EnumName<E> (&table)[N], E value) noexcept
{
    for (const EnumName<E>& e : table) {
        if (e.value == value) {
            return e.name;
        }
    }
    return std::nullopt;
}

template <class E, size_t N>
constexpr std::optional<E> valueNamed(const EnumName<E> (&table)[N], std::string_view name) noexcept
{
    for (const EnumName<E>& e : table) {
        if (e.name == name) {
            return e.value;
        }
    }
    return std::nullopt;
}

// For a static_assert next to each table: no name is listed twice, and every value of
// [first, last] has a name.
template <class E, size_t N>
constexpr bool isNameTable(const EnumName<E> (&table)[N], E first, E last) noexcept
{
    for (size_t i = 0; i < N; ++i) {
        for (size_t j = i + 1; j < N; ++j) {
            if (table[i].name == table[j].name) {
                return false;
            }
        }
    }
    for (auto v = static_cast<long long>(first); v <= static_cast<long long>(last); ++v) {
        if (!nameOf(table, static_cast<E>(v))) {
            return false;
        }
    }
    return true;
}

} // namespace bitmig
