# Precompiled headers: the system headers nearly every source of a target includes (the standard
# library, Qt, Catch2's single header) are parsed once per target instead of once per source. Only
# headers from outside the project go in, so a change to the project's own headers rebuilds what it
# always did. Each target compiles its own (its flags and definitions differ); a target whose
# sources are few gets none. CMAKE_DISABLE_PRECOMPILE_HEADERS=ON builds without them.
# With a compiler cache as launcher (CMAKE_CXX_COMPILER_LAUNCHER=ccache) there are none: the cache
# already saves the repeated work, and a precompiled header, which comes out byte-different in each
# build folder, would make every source that uses it miss the cache.
if(CMAKE_CXX_COMPILER_LAUNCHER)
    return()
endif()
set(BITMIG_PCH_STD <algorithm> <cstdint> <functional> <map> <memory> <optional> <stdexcept> <string>
                   <string_view> <vector>)
set(BITMIG_PCH_QTCORE ${BITMIG_PCH_STD} <QByteArray> <QCoreApplication> <QDir> <QFile> <QFileInfo>
                      <QJsonArray> <QJsonDocument> <QJsonObject> <QLocale> <QObject>
                      <QRegularExpression> <QString> <QStringList> <QTimer> <QVariant>)
set(BITMIG_PCH_QTWIDGETS ${BITMIG_PCH_QTCORE} <QAction> <QApplication> <QComboBox> <QHBoxLayout>
                         <QLabel> <QLineEdit> <QMenu> <QPainter> <QPushButton> <QVBoxLayout> <QWidget>)
set(BITMIG_PCH_QTCHARTS <QChart> <QChartView> <QLineSeries> <QValueAxis>)
set(BITMIG_PCH_CATCH <catch2/catch.hpp>)
set(BITMIG_PCH_QTTEST <QSignalSpy> <QTemporaryDir> <QTest> ${BITMIG_PCH_CATCH})

function(bitmig_precompile target)
    if(TARGET ${target})
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

bitmig_precompile(bitmig_core ${BITMIG_PCH_STD})
bitmig_precompile(bitmig_scenario ${BITMIG_PCH_QTCORE})
bitmig_precompile(bitmig_cli ${BITMIG_PCH_QTCORE})
bitmig_precompile(bitmig_model ${BITMIG_PCH_QTCORE})
bitmig_precompile(bitmig_viewmodels ${BITMIG_PCH_QTCORE})
bitmig_precompile(bitmig_widgets ${BITMIG_PCH_QTWIDGETS})
bitmig_precompile(bitmig_app ${BITMIG_PCH_QTWIDGETS})
bitmig_precompile(test_core ${BITMIG_PCH_STD} ${BITMIG_PCH_CATCH})
bitmig_precompile(test_cli ${BITMIG_PCH_QTCORE} ${BITMIG_PCH_QTTEST})
bitmig_precompile(test_model ${BITMIG_PCH_QTCORE} ${BITMIG_PCH_QTTEST})
bitmig_precompile(test_widgets ${BITMIG_PCH_QTWIDGETS} ${BITMIG_PCH_QTTEST})
bitmig_precompile(test_app ${BITMIG_PCH_QTWIDGETS} ${BITMIG_PCH_QTCHARTS} ${BITMIG_PCH_QTTEST})
