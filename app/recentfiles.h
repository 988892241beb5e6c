// The recently opened or saved scenario files, newest first, kept in QSettings and shown as a
// menu whose entries are numbered for the keyboard (&1 .. &8).
#pragma once

#include <QObject>
#include <QPointer>
#include <QMenu>
#include <QStringList>


namespace bitmig {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 8;

    explicit RecentFiles(QObject* parent = nullptr);

    // The menu that lists the files (the window's menus are rebuilt with the language).
    void setMenu(QMenu* menu);
    // Off: the list lives in memory only, QSettings is neither read nor written.
    void setPersistent(bool on) { persistent_ = on; }

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

    QPointer<QMenu> menu_;
    QStringList files_;
    bool persistent_ = true;
};

} // namespace bitmig
