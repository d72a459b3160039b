#include "sqleditor.h"

#include <QClipboard>
#include <QGuiApplication>

#include "app/studiostyle.h"
#include "core/savefile.h"
#include "sqllexer.h"

#include <Qsci/qscilexeryaml.h>

#include <QAction>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFontInfo>
#include <QMenu>
#include <QMessageBox>

namespace covet {

SqlEditor::SqlEditor(QWidget *parent) : QsciScintilla(parent), m_lexer(new SqlLexer(this))
{
    setUtf8(true);
    setLexer(m_lexer);
    applyFont();

    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginsForegroundColor(palette().color(QPalette::PlaceholderText));
    setMarginsBackgroundColor(palette().color(QPalette::AlternateBase));
    setMarginWidth(1, 0);
    updateMarginWidth();
    connect(this, &QsciScintilla::linesChanged, this, &SqlEditor::updateMarginWidth);

    setTabWidth(4);
    setIndentationsUseTabs(false);
    setAutoIndent(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(palette().color(QPalette::AlternateBase));
    setWrapMode(QsciScintilla::WrapNone);
    // The horizontal scroll bar only when a line is wider than the view.
    setScrollWidth(1);
    setScrollWidthTracking(true);
    setFrameShape(QFrame::NoFrame);

    m_copyAction = new QAction(StudioStyle::icon("copy"), tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_copyAction->setToolTip(tr("Copy the selected SQL, or all of it when nothing is selected"));
    m_copyAction->setEnabled(false);
    connect(m_copyAction, &QAction::triggered, this, &SqlEditor::copySelectionOrAll);
    connect(this, &QsciScintilla::textChanged, this, [this] { m_copyAction->setEnabled(length() > 0); });
    addAction(m_copyAction);

    m_saveAsAction = new QAction(StudioStyle::icon("save"), tr("&Save SQL As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_saveAsAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_saveAsAction, &QAction::triggered, this, &SqlEditor::saveAs);
    addAction(m_saveAsAction);
}

void SqlEditor::copySelectionOrAll()
{
    if (hasSelectedText())
        copy();
    else if (length() > 0)
        QGuiApplication::clipboard()->setText(text());
}

void SqlEditor::applyFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Some platforms (offscreen, minimal desktops) report a proportional
    // "fixed" font: fall back to well-known monospace families.
    if (!QFontInfo(font).fixedPitch()) {
        font.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
                          QStringLiteral("Noto Mono"), QStringLiteral("Monospace")});
        font.setStyleHint(QFont::Monospace, QFont::PreferMatch);
    }
    setFont(font);
    setMarginsFont(font);
    if (m_yamlLexer && lexer() == m_yamlLexer) {
        m_yamlLexer->setDefaultFont(font);
        m_yamlLexer->setFont(font, -1);
        return;
    }
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);   // every style
    QFont bold = font;
    bold.setBold(true);
    m_lexer->setFont(bold, QsciLexerSQL::Keyword);
    m_lexer->setFont(bold, QsciLexerSQL::KeywordSet5);
    m_lexer->setColor(m_lexer->color(QsciLexerSQL::Keyword), QsciLexerSQL::KeywordSet5);
}

void SqlEditor::useYaml()
{
    if (!m_yamlLexer)
        m_yamlLexer = new QsciLexerYAML(this);
    setLexer(m_yamlLexer);
    applyFont();
}

void SqlEditor::updateMarginWidth()
{
    const int digits = qMax(3, int(QString::number(lines()).size()));
    setMarginWidth(0, QString(digits + 1, u'9'));
}

void SqlEditor::setDialect(Dialect dialect)
{
    m_lexer->setDialect(dialect);
    // Re-attaching makes QScintilla read the new keyword lists.
    setLexer(nullptr);
    setLexer(m_lexer);
    applyFont();
}

Dialect SqlEditor::dialect() const
{
    return m_lexer->dialect();
}

void SqlEditor::setSql(const QString &sql)
{
    const bool ro = isReadOnly();
    setReadOnly(false);
    setText(sql);
    setReadOnly(ro);
    setCursorPosition(0, 0);
    ensureLineVisible(0);
}

QString SqlEditor::saveTo(const QString &path) const
{
    QByteArray data = text().toUtf8();
    if (!data.endsWith('\n'))
        data.append('\n');
    if (Status saved = SaveFile::write(path, data, QStringLiteral("SQL file"), true); !saved)
        return tr("Cannot write %1: %2").arg(path, saved.error().message());
    return {};
}

void SqlEditor::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save SQL"), QString(),
                                                      tr("SQL files (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = saveTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save SQL"), error);
}

void SqlEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    if (!menu)
        return;
    menu->addSeparator();
    menu->addAction(m_saveAsAction);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace covet
