#pragma once

#include "schema/dialect.h"

#include <Qsci/qsciscintilla.h>

class QAction;

namespace covet {

class SqlLexer;

// The one SQL text widget of Covet Studio: QScintilla with an SQL lexer
// tuned per dialect, a monospace font, line numbers, an optional read-only
// mode, and Copy / Save As actions (also in its context menu). Every view
// that shows SQL uses it.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget *parent = nullptr);

    void setDialect(Dialect dialect);
    // Highlights YAML (a migration file) instead of SQL.
    void useYaml();
    Dialect dialect() const;

    // Replaces the text (also in read-only mode) and scrolls to the top.
    void setSql(const QString &sql);

    QAction *copyAction() const { return m_copyAction; }
    // Copies the selection, or the whole text when nothing is selected.
    void copySelectionOrAll();
    QAction *saveAsAction() const { return m_saveAsAction; }

    // Writes the text to a file; returns an error message or an empty string.
    QString saveTo(const QString &path) const;

public slots:
    // Asks for a file name and saves the text there.
    void saveAs();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void applyFont();
    void updateMarginWidth();

    SqlLexer *m_lexer = nullptr;
    QsciLexer *m_yamlLexer = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_saveAsAction = nullptr;
};

} // namespace covet
