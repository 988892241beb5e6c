// Columns of text aligned for a terminal: left for words, right for numbers.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace bitmig::cli {

class TextTable {
public:
    enum class Align { Left, Right };

    void addColumn(const QString& title, Align align);
    void addRow(const QStringList& cells);  // one cell per column; missing cells are blank
    // Two spaces between columns, a rule under the titles, no trailing blanks.
    void write(QTextStream& out) const;

private:
    QStringList titles_;
    QList<Align> aligns_;
    QList<QStringList> rows_;
};

} // namespace bitmig::cli
