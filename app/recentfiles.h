// The recently opened or saved scenario files, newest first, kept in QSettings and shown as a
// menu whose entries are numbered for the keyboard (&1 .. &8).
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace bitmig {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 8;

    RecentFiles(QMenu* menu, QObject* parent = nullptr);

    QStringList files() const { return files_; }
    void add(const QString& path);     // moves it to the top
    void remove(const QString& path);  // e.g. when it no longer loads
    void clear();

    void load();  // from QSettings
    void save() const;

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void rebuild();

    QMenu* menu_;
    QStringList files_;
};

} // namespace bitmig
