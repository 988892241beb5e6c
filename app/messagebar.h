// A bar above the heatmaps for what the user must not miss, such as a file that did not load: an
// icon, the message (naming the file, the key and the reason) and a close button, in the manner of
// KDE's KMessageWidget, built from Qt Widgets. Hidden until a message arrives; closing hides it.
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace bitmig {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    // Shows the bar with this plain text (replacing what it showed).
    void showMessage(const QString& text, Kind kind = Kind::Error);
    QString text() const;
    Kind kind() const noexcept { return kind_; }
    QToolButton* closeButton() const noexcept { return close_; }

public Q_SLOTS:
    void dismiss();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyStyle();
    void retranslateUi();

    Kind kind_ = Kind::Error;
    bool restyling_ = false;
    QLabel* icon_ = nullptr;
    QLabel* text_ = nullptr;
    QToolButton* close_ = nullptr;
};

} // namespace bitmig
