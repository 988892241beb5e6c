// MainWindow, continued: what goes to and comes from files and settings (scenario files, qcow2
// images, traces, exports, QSettings, language and theme).
#include "app/model/qcow2import.h"
#include "app/model/simulationcontroller.h"
#include "app/scenario/scenarioerror.h"
#include "app/scenario/summaryjson.h"
#include "chartsfold.h"
#include "comparewindow.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "livewindow.h"
#include "qcow2importdialog.h"
#include "qemufileexport.h"
#include "qemufileviewer.h"
#include "recentfiles.h"
#include "viewexporter.h"
#include "widgets/byteformat.h"
#include "widgets/chartdata.h"
#include "widgets/chartmodel.h"
#include "widgets/configerrortext.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "widgets/workloadpanel.h"

#include <bitmig/dirtyextents.h>
#include <bitmig/printable.h>
#include <bitmig/qcow2error.h>
#include <bitmig/qcow2image.h>
#include <bitmig/tracereader.h>

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QRadioButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace bitmig {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kScenarioKey = QStringLiteral("session/scenario");
const QString kSpeedKey = QStringLiteral("session/speed");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kChartsKey = QStringLiteral("ui/charts");

} // namespace

QString MainWindow::chartKey(ChartKind kind)
{
    return ChartModel::chartKey(kind);
}

bool MainWindow::openScenario(const QString& path, QString* error)
{
    try {
        Scenario s = ScenarioFile::load(path);
        if (s.name.isEmpty()) {
            s.name = QFileInfo(path).completeBaseName();
        }
        if (!s.lanes.empty()) {
            // A comparison: its lanes open in the Compare window, the shared configuration here.
            QString why;
            if (!openCompare()->setComparison(s.config, s.lanes, &why)) {
                return reportFailure(QFileInfo(path).fileName() + QStringLiteral(": ") + why, error);
            }
            s.lanes.clear();
        }
        applyScenario(s);
        recent_->add(path);
        messageBar_->dismiss();  // an earlier failure no longer holds
        return true;
    } catch (const ScenarioError& e) {
        return reportFailure(QString::fromStdString(e.what()), error);
    }
}

bool MainWindow::saveScenario(const QString& path, QString* error)
{
    Scenario s = scenario_;
    s.config = controller_->config();
    s.lanes.clear();  // the main window saves its one run; the Compare window saves comparisons
    if (s.name.isEmpty()) {
        s.name = QFileInfo(path).completeBaseName();
    }
    try {
        ScenarioFile::save(path, s);
        scenario_ = s;
        updateScenarioBanner();
        recent_->add(path);
        showHint(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const ScenarioError& e) {
        return reportFailure(QString::fromStdString(e.what()), error);
    }
}

void MainWindow::openScenarioDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), ScenarioFile::fileFilter());
    if (!path.isEmpty()) {
        openScenario(path);
    }
}

void MainWindow::saveScenarioDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), QString(), ScenarioFile::fileFilter());
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".json");
    }
    saveScenario(path);
}

void MainWindow::openMigrationFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open migration file"), QString(),
                                                      tr("Migration files (*.mig *.bin);;All files (*)"));
    if (!path.isEmpty()) {
        openMigrationFile(path);
    }
}

QemuFileViewer* MainWindow::openMigrationFile(const QString& path)
{
    auto* viewer = new QemuFileViewer(this);
    if (!viewer->load(path)) {
        reportFailure(viewer->messageBar()->text(), nullptr);
        delete viewer;
        return nullptr;
    }
    viewer->show();
    return viewer;
}

void MainWindow::importQcow2Dialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import bitmap from qcow2"), QString(),
                                                      tr("qcow2 images (*.qcow2 *.img);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QStringList names;
    try {
        names = Qcow2Import(path).bitmapNames();
    } catch (const Qcow2Error& e) {
        reportFailure(QString::fromStdString(e.what()), nullptr);
        return;
    }
    if (names.isEmpty()) {
        importQcow2(path);  // says why there is nothing to import
        return;
    }
    QString name;
    ImportWorkload workload = ImportWorkload::Idle;
    if (askQcow2Import(path, names, &name, &workload)) {
        importQcow2(path, name, nullptr, workload);
    }
}

bool MainWindow::askQcow2Import(const QString& path, const QStringList& names, QString* name, ImportWorkload* workload)
{
    Qcow2ImportDialog dialog(QFileInfo(path).fileName(), names, Qcow2Import::describe(controller_->config().workload),
                             this);
    (*workload == ImportWorkload::Keep ? dialog.keepButton() : dialog.idleButton())->setChecked(true);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    *name = dialog.bitmapName();
    *workload = dialog.keepWorkload() ? ImportWorkload::Keep : ImportWorkload::Idle;
    return true;
}

bool MainWindow::reportFailure(const QString& message, QString* error)
{
    messageBar_->showMessage(message, MessageBar::Kind::Error);
    if (error) {
        *error = message;
    }
    return false;
}

bool MainWindow::importQcow2(const QString& path, const QString& bitmapName, QString* error, ImportWorkload workload)
{
    try {
        const Qcow2Import image(path);
        QString name = bitmapName;
        if (name.isEmpty()) {
            const QStringList names = image.bitmapNames();
            if (names.isEmpty()) {
                return reportFailure(image.nothingToImport(), error);
            }
            if (names.size() == 1) {
                name = names.first();
            } else if (!askQcow2Import(path, names, &name, &workload)) {
                return false;
            }
        }
        QString why;
        const std::optional<Scenario> s = image.scenario(name, controller_->config(), workload, &why);
        if (!s) {
            return reportFailure(why, error);
        }
        applyScenario(*s);
        messageBar_->dismiss();
        return true;
    } catch (const std::exception& e) {
        return reportFailure(QString::fromStdString(e.what()), error);
    }
}

bool MainWindow::simulateLive(LiveWindow* live, QString* error)
{
    QString why;
    const std::optional<LiveSimulation::Result> r = live->simulation(controller_->config(), LiveWindow::traceFolder(), &why);
    if (!r) {
        return reportFailure(tr("Cannot simulate the attached VM: %1").arg(why), error);
    }
    applyScenario(r->scenario);
    if (r->warnings.isEmpty()) {
        messageBar_->dismiss();
    } else {
        messageBar_->showMessage(r->warnings.join(QLatin1Char(' ')), MessageBar::Kind::Warning);
    }
    raise();
    activateWindow();
    return true;
}

bool MainWindow::loadTrace(const QString& path, QString* error)
{
    try {
        WorkloadSpec w = workload_->workload();
        w.trace.trace = std::make_shared<const Trace>(TraceReader::readFile(QFile::encodeName(path).toStdString()));
        w.trace.validate(controller_->config().guestBytes());
        controller_->setWorkload(w);
        workload_->setWorkload(w);
        showHint(tr("Replaying %1 from now on.").arg(QFileInfo(path).fileName()));
        messageBar_->dismiss();
        return true;
    } catch (const TraceError& e) {
        return reportFailure(QString::fromStdString(e.what()), error);
    } catch (const ConfigError& e) {
        return reportFailure(ConfigErrorText::message(e), error);
    }
}

QString MainWindow::language() const
{
    return languages_->current();
}

bool MainWindow::setLanguage(const QString& code)
{
    if (!LanguageManager::isKnown(code)) {
        return false;
    }
    if (code == languages_->current()) {
        return true;
    }
    // The parameters dock keeps the width it has, unless an earlier language widened it beyond
    // what the user gave it: then it goes back to that width (or as wide as the new texts need).
    QDockWidget* dock = findChild<QDockWidget*>(QStringLiteral("parametersDock"));
    if (dock->width() != widenedDockWidth_) {
        userDockWidth_ = dock->width();
    }
    if (!languages_->setLanguage(code)) {
        messageBar_->showMessage(
            tr("The %1 translation is missing from this build.").arg(LanguageManager::nativeName(code)),
            MessageBar::Kind::Warning);
        return false;
    }
    // The translators post QEvent::LanguageChange: deliver it now, so every widget has its new
    // texts when this returns (changeEvent() -> retranslateUi() in the window and each panel).
    setLocale(QLocale());  // numbers in the fields and the views follow the language too
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    for (QAction* a : allActions()) {
        if (a->isCheckable() && a->data().toString() == code) {
            a->setChecked(true);
        }
    }
    // The panels lay out their new texts before the dock is measured against them.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    fitParametersDock();
    if (!isVisible()) {
        // Not laid out yet (`bitmig-lab --lang`): the dock starts as wide as its panel wants.
        resizeDocks({dock}, {parametersDockWidth() + 10}, Qt::Horizontal);
        userDockWidth_ = widenedDockWidth_ = -1;
        return true;
    }
    const int width = std::max(userDockWidth_, dock->minimumWidth());
    widenedDockWidth_ = width > userDockWidth_ ? width : -1;
    resizeDocks({dock}, {width}, Qt::Horizontal);
    return true;
}

ThemeManager::Theme MainWindow::theme() const
{
    return themes_->theme();
}

void MainWindow::setTheme(ThemeManager::Theme theme)
{
    themes_->setTheme(theme);
    for (QAction* a : allActions()) {
        if (a->isCheckable() && a->data().toString() == ThemeManager::key(theme)) {
            a->setChecked(true);
        }
    }
}

void MainWindow::setSettingsEnabled(bool on)
{
    settingsEnabled_ = on;
    recent_->setPersistent(on);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    ThemeManager::Theme theme;
    if (ThemeManager::parse(settings.value(kThemeKey).toString(), &theme)) {
        setTheme(theme);
    }
    ChartsFold::Mode charts;
    if (ChartsFold::parse(settings.value(kChartsKey).toString(), &charts)) {
        chartsFold_->setMode(charts);
    }
    const QString language = settings.value(kLanguageKey).toString();
    if (LanguageManager::isKnown(language)) {
        setLanguage(language);
    }
    const QByteArray scenario = settings.value(kScenarioKey).toByteArray();
    if (!scenario.isEmpty()) {
        try {
            Scenario s = ScenarioFile::fromJson(scenario, tr("the saved session"));
            scenario_ = s;
            controller_->setConfig(s.config);
            scenario_ = s;
            updateScenarioBanner();
        } catch (const ScenarioError& e) {
            messageBar_->showMessage(
                tr("The last session's parameters were not restored: %1").arg(QString::fromStdString(e.what())),
                MessageBar::Kind::Warning);
        }
    }
    bool ok = false;
    const double speed = settings.value(kSpeedKey).toDouble(&ok);
    if (ok && speed >= SimulationController::kMinSpeed && speed <= SimulationController::kMaxSpeed) {
        setSpeed(speed);
    }
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray(), kStateVersion);
    recent_->load();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kStateVersion));
    Scenario s = scenario_;
    s.config = controller_->config();
    settings.setValue(kScenarioKey, ScenarioFile::toJson(s));
    settings.setValue(kSpeedKey, controller_->speed());
    settings.setValue(kLanguageKey, languages_->current());
    settings.setValue(kThemeKey, ThemeManager::key(themes_->theme()));
    settings.setValue(kChartsKey, ChartsFold::key(chartsFold_->mode()));
    recent_->save();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (settingsEnabled_) {
        saveSettings();
    }
    QMainWindow::closeEvent(event);
}

QList<ChartSeriesData> MainWindow::chartData() const
{
    return chartModel_->seriesData();
}

QByteArray MainWindow::summaryJson() const
{
    const SimSnapshotPtr& s = controller_->snapshot();
    QJsonObject o;
    o.insert(QStringLiteral("config"), cli::SummaryJson::configToJson(controller_->config()));
    if (s) {
        o.insert(QStringLiteral("summary"), cli::SummaryJson::toJson(s->summary));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray MainWindow::summaryCsv() const
{
    return ChartData::flattenToCsv(QJsonDocument::fromJson(summaryJson()).object());
}

QString MainWindow::exportView(QWidget* view, const QString& path, const QString& title)
{
    if (!view) {
        return tr("Cannot write %1: the view is not shown").arg(path);
    }
    return ViewExporter::saveView(view, path, title);
}

QString MainWindow::exportChartData(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        return ViewExporter::saveBytes(ChartData::toCsv(chartData()), path);
    }
    if (suffix == QLatin1String("json")) {
        return ViewExporter::saveBytes(QJsonDocument(ChartData::toJson(chartData())).toJson(), path);
    }
    return tr("Cannot write %1: the name must end in .csv or .json").arg(path);
}

QString MainWindow::exportSummary(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        return ViewExporter::saveBytes(summaryCsv(), path);
    }
    if (suffix == QLatin1String("json")) {
        return ViewExporter::saveBytes(summaryJson(), path);
    }
    return tr("Cannot write %1: the name must end in .csv or .json").arg(path);
}

QString MainWindow::exportQemuFile(const QString& path)
{
    return QemuFileExport::write(controller_->snapshot().get(), path);
}

void MainWindow::exportDialog(const QString& title, const QString& baseName, const QString& filters,
                              const std::function<QString(const QString&)>& save)
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, title, baseName, filters, &selected);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        // The chosen filter's first pattern gives the suffix: "PNG image (*.png)" -> ".png".
        const qsizetype star = selected.indexOf(QLatin1String("*."));
        if (star >= 0) {
            path += selected.mid(star + 1, selected.indexOf(QLatin1Char(')'), star) - star - 1);
        }
    }
    const QString error = save(path);
    showHint(error.isEmpty() ? tr("Exported %1.").arg(QDir::toNativeSeparators(path)) : error, 10000);
}

} // namespace bitmig
