#pragma once

#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QLabel;
class QListView;
class QStandardItemModel;
class QModelIndex;

namespace covet {

// What Covet Studio shows when no project or database is open: open a
// project, connect to a database, open the demo, or reopen one of the
// recent projects. It only asks; the main window does the opening.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    // Most recent first; a directory that no longer holds covet.yaml is
    // listed as missing and cannot be opened.
    void setRecentProjects(const QStringList &dirs);
    QStringList recentProjects() const;

    QAbstractButton *openProjectButton() const { return m_openProject; }
    QAbstractButton *connectButton() const { return m_connect; }
    QAbstractButton *demoButton() const { return m_demo; }
    QListView *recentList() const { return m_recent; }

signals:
    void openProjectRequested();
    void connectRequested();
    void demoRequested();
    void recentProjectRequested(const QString &dir);
    void forgetRecentProjectRequested(const QString &dir);

private:
    void activate(const QModelIndex &index);
    void showRecentMenu(const QPoint &pos);

    QAbstractButton *m_openProject = nullptr;
    QAbstractButton *m_connect = nullptr;
    QAbstractButton *m_demo = nullptr;
    QListView *m_recent = nullptr;
    QStandardItemModel *m_model = nullptr;
    QLabel *m_noRecent = nullptr;
};

} // namespace covet
