#include "texttable.h"

#include <algorithm>

namespace bitmig::cli {

void TextTable::addColumn(const QString& title, Align align)
{
    titles_.append(title);
    aligns_.append(align);
}

void TextTable::addRow(const QStringList& cells)
{
    rows_.append(cells);
}

void TextTable::write(QTextStream& out) const
{
    QList<qsizetype> widths;
    for (const QString& t : titles_) {
        widths.append(t.size());
    }
    for (const QStringList& row : rows_) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    auto line = [&](const QStringList& cells) {
        QString text;
        for (qsizetype i = 0; i < titles_.size(); ++i) {
            const QString cell = i < cells.size() ? cells[i] : QString();
            if (i > 0) {
                text += QStringLiteral("  ");
            }
            text += aligns_[i] == Align::Right ? cell.rightJustified(widths[i]) : cell.leftJustified(widths[i]);
        }
        while (text.endsWith(QLatin1Char(' '))) {
            text.chop(1);
        }
        out << text << '\n';
    };
    line(titles_);
    QStringList rules;
    for (qsizetype w : widths) {
        rules.append(QString(w, QLatin1Char('-')));
    }
    line(rules);
    for (const QStringList& row : rows_) {
        line(row);
    }
}

} // namespace bitmig::cli
