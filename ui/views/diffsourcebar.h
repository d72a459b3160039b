#pragma once

#include "migrations/projectconfig.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace covet {

// The Diff view's desired-schema bar: what to compare with the connected
// database (a models file, a SQL file, the migration history or another
// connection), its path or URL, Browse, and Compare. A new kind starts from
// the project's default for it (its models file, its migrations directory).
class DiffSourceBar : public QWidget
{
    Q_OBJECT

public:
    enum class SourceKind { ModelsFile, SqlFile, MigrationHistory, Connection };

    explicit DiffSourceBar(QWidget *parent = nullptr);

    // The project whose files are the defaults and where Browse starts.
    void setProject(const std::optional<ProjectConfig> &project) { m_project = project; }
    // Sets both without kindChanged().
    void setSource(SourceKind kind, const QString &spec);
    // The project's default for the current kind.
    void resetSpec();

    SourceKind kind() const;
    QString spec() const;
    // A migration is made from a models file or a SQL file only.
    bool canMakeMigration() const;
    void setCompareEnabled(bool enabled);
    QComboBox *kindBox() const { return m_kind; }

signals:
    // The user chose another kind; the spec is its default now.
    void kindChanged();
    void specEdited();
    void compareRequested();

private:
    QString defaultSpec(SourceKind kind) const;
    void onKindChanged();
    void browse();

    std::optional<ProjectConfig> m_project;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_browseButton = nullptr;
    QPushButton *m_compareButton = nullptr;
};

} // namespace covet
