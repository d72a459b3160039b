#include "startpage.h"

#include "app/recentprojects.h"
#include "app/studiostyle.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QProxyStyle>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace covet {

namespace {

constexpr int kDirRole = Qt::UserRole + 1;

// A recent project opens with one click, as links on a start page do (and
// with Enter), whatever the platform's double-click convention.
class SingleClickStyle : public QProxyStyle
{
public:
    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget, QStyleHintReturn *data) const override
    {
        if (hint == SH_ItemView_ActivateItemOnSingleClick)
            return 1;
        return QProxyStyle::styleHint(hint, option, widget, data);
    }
};

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    label->setFont(f);
    return label;
}

// Secondary text: the palette's placeholder colour, not a fixed one.
QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));

    auto *logo = new QLabel(this);
    logo->setPixmap(StudioStyle::icon("covet").pixmap(64, 64));
    auto *title = new QLabel(tr("Covet Studio"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title->setFont(big);
    auto *tagline = note(tr("Review schema changes of PostgreSQL, MySQL/MariaDB and SQLite databases, "
                            "dry-run them, then apply them with a history of who did what."),
                         this);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(tagline);
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addLayout(titles, 1);

    auto *openProject = new QCommandLinkButton(tr("Open a Project…"),
                                               tr("A directory with covet.yaml and its migrations."), this);
    openProject->setObjectName(QStringLiteral("openProjectButton"));
    openProject->setIcon(StudioStyle::icon("open-project"));
    auto *connectDb = new QCommandLinkButton(tr("Connect to a Database…"),
                                             tr("PostgreSQL, MySQL/MariaDB or SQLite: a saved connection or a new one."), this);
    connectDb->setObjectName(QStringLiteral("connectButton"));
    connectDb->setIcon(StudioStyle::icon("database"));
    auto *demo = new QCommandLinkButton(tr("Open the Demo"),
                                        tr("A SQLite shop in a new directory: one migration applied, one pending, "
                                           "and a models file with renames to review."),
                                        this);
    demo->setObjectName(QStringLiteral("demoButton"));
    demo->setIcon(StudioStyle::icon("demo"));
    for (QCommandLinkButton *b : {openProject, connectDb, demo})
        b->setIconSize(QSize(24, 24));
    m_openProject = openProject;
    m_connect = connectDb;
    m_demo = demo;
    connect(openProject, &QAbstractButton::clicked, this, &StartPage::openProjectRequested);
    connect(connectDb, &QAbstractButton::clicked, this, &StartPage::connectRequested);
    connect(demo, &QAbstractButton::clicked, this, &StartPage::demoRequested);

    auto *start = new QVBoxLayout;
    start->addWidget(heading(tr("Start"), this));
    start->addWidget(openProject);
    start->addWidget(connectDb);
    start->addWidget(demo);
    start->addStretch(1);

    m_model = new QStandardItemModel(this);
    m_recent = new QListView(this);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setModel(m_model);
    m_recent->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recent->setIconSize(QSize(24, 24));
    m_recent->setSpacing(2);
    m_recent->setUniformItemSizes(true);
    m_recent->setContextMenuPolicy(Qt::CustomContextMenu);
    m_recent->setAccessibleName(tr("Recent projects"));
    auto *style = new SingleClickStyle;
    style->setParent(m_recent);
    m_recent->setStyle(style);
    connect(m_recent, &QListView::activated, this, &StartPage::activate);
    connect(m_recent, &QWidget::customContextMenuRequested, this, &StartPage::showRecentMenu);
    m_noRecent = note(tr("Projects you open appear here."), this);
    m_noRecent->setObjectName(QStringLiteral("noRecentProjects"));

    auto *recent = new QVBoxLayout;
    recent->addWidget(heading(tr("Recent Projects"), this));
    recent->addWidget(m_recent, 1);
    recent->addWidget(m_noRecent);
    recent->addStretch(0);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(32);
    columns->addLayout(start, 1);
    columns->addLayout(recent, 1);

    // A column of readable width in the middle of the window.
    auto *content = new QWidget(this);
    content->setMaximumWidth(960);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setSpacing(24);
    contentLayout->addLayout(header);
    contentLayout->addLayout(columns, 1);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addStretch(1);
    outer->addWidget(content, 6);
    outer->addStretch(1);

    setRecentProjects({});
}

void StartPage::setRecentProjects(const QStringList &dirs)
{
    m_model->clear();
    for (const QString &dir : dirs) {
        const bool present = RecentProjects::exists(dir);
        const QString name = QFileInfo(dir).fileName();
        auto *item = new QStandardItem(StudioStyle::icon(present ? "open-project" : "migration-missing"),
                                       present ? name : tr("%1 (missing)").arg(name));
        item->setData(dir, kDirRole);
        item->setToolTip(present ? tr("Open %1").arg(QDir::toNativeSeparators(dir))
                                 : tr("%1 no longer holds a covet.yaml").arg(QDir::toNativeSeparators(dir)));
        item->setText(item->text() + u'\n' + QDir::toNativeSeparators(dir));
        item->setFlags(present ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
        m_model->appendRow(item);
    }
    m_recent->setVisible(!dirs.isEmpty());
    m_noRecent->setVisible(dirs.isEmpty());
    if (!dirs.isEmpty() && (m_model->item(0)->flags() & Qt::ItemIsEnabled))
        m_recent->setCurrentIndex(m_model->index(0, 0));
}

QStringList StartPage::recentProjects() const
{
    QStringList dirs;
    for (int row = 0; row < m_model->rowCount(); ++row)
        dirs << m_model->item(row)->data(kDirRole).toString();
    return dirs;
}

void StartPage::activate(const QModelIndex &index)
{
    if (index.isValid() && (index.flags() & Qt::ItemIsEnabled))
        emit recentProjectRequested(index.data(kDirRole).toString());
}

void StartPage::showRecentMenu(const QPoint &pos)
{
    const QModelIndex index = m_recent->indexAt(pos);
    if (!index.isValid())
        return;
    const QString dir = index.data(kDirRole).toString();
    QMenu menu(this);
    QAction *open = menu.addAction(StudioStyle::icon("open-project"), tr("Open"));
    open->setEnabled(index.flags() & Qt::ItemIsEnabled);
    QAction *forget = menu.addAction(tr("Remove from This List"));
    QAction *chosen = menu.exec(m_recent->viewport()->mapToGlobal(pos));
    if (chosen == open)
        emit recentProjectRequested(dir);
    else if (chosen == forget)
        emit forgetRecentProjectRequested(dir);
}

} // namespace covet
